import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound } from '../../platform/errors.js'
import { callPhase } from '../calls.service.js'

export type ProviderInput = { organisationId: string; service: string; amountCents: number }
export type ProviderRow = ProviderInput & { name: string; researchOrganisation: boolean }

/** Providers of qualified services named by the proposal: a conflict for evaluators, a contract for the indicators. */
export async function listProviders(db: Db, proposalId: string): Promise<ProviderRow[]> {
  const rows = await db
    .selectFrom('proposal_providers')
    .innerJoin('organisations', 'organisations.id', 'proposal_providers.organisation_id')
    .select(['proposal_providers.organisation_id', 'proposal_providers.service', 'proposal_providers.amount_cents', 'organisations.legal_name', 'organisations.type'])
    .where('proposal_providers.proposal_id', '=', proposalId)
    .orderBy('organisations.legal_name')
    .execute()
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    name: row.legal_name,
    researchOrganisation: row.type === 'research_organisation' || row.type === 'university',
    service: row.service,
    amountCents: Number(row.amount_cents),
  }))
}

export async function replaceProviders(db: Db, actorId: string | null, proposalId: string, providers: readonly ProviderInput[], now: Date): Promise<void> {
  const proposal = await db
    .selectFrom('proposals')
    .innerJoin('calls', 'calls.id', 'proposals.call_id')
    .select(['calls.status', 'calls.opens_at', 'calls.closes_at'])
    .where('proposals.id', '=', proposalId)
    .executeTakeFirst()
  if (!proposal) throw notFound('entity.proposal')
  if (callPhase(proposal, now) !== 'open') throw new AppError('conflict', { messageKey: 'evaluation.error.providers_locked' })
  const ids = providers.map((provider) => provider.organisationId)
  const duplicate = ids.findIndex((id, index) => ids.indexOf(id) !== index)
  if (duplicate >= 0) throw invalidField(`providers.${duplicate}.organisationId`, 'evaluation.validation.duplicate_provider')
  if (ids.length > 0) {
    const known = new Set((await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute()).map((row) => row.id))
    const unknown = ids.findIndex((id) => !known.has(id))
    if (unknown >= 0) throw invalidField(`providers.${unknown}.organisationId`, 'calls.validation.unknown_organisation')
    const partners = new Set((await db.selectFrom('proposal_partners').select('organisation_id').where('proposal_id', '=', proposalId).execute()).map((row) => row.organisation_id))
    const partner = ids.findIndex((id) => partners.has(id))
    if (partner >= 0) throw invalidField(`providers.${partner}.organisationId`, 'evaluation.validation.provider_is_partner')
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('proposal_providers').where('proposal_id', '=', proposalId).execute()
    if (providers.length > 0) {
      await trx
        .insertInto('proposal_providers')
        .values(providers.map((provider) => ({ proposal_id: proposalId, organisation_id: provider.organisationId, service: provider.service, amount_cents: provider.amountCents })))
        .execute()
    }
    await trx.updateTable('proposals').set({ updated_at: now }).where('id', '=', proposalId).execute()
    await audit(trx, actorId, 'proposal.providers', 'proposal', proposalId, { providers: ids })
  })
}
