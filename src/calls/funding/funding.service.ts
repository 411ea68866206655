import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound } from '../../platform/errors.js'
import { formatEuros, type Locale } from '../../platform/i18n.js'
import type { ProposalParties } from '../calls.policies.js'
import { loadCallForEvaluation, type AdmittedProposal, type Executor } from '../evaluation/evaluation.service.js'
import { callRanking } from '../evaluation/results.service.js'
import { romeDate } from '../../platform/rome-time.js'
import type { CallFunding, ContractInput, DecisionInput, FundingDecision, PaymentInput, ProposalFunding, WithdrawalInput } from './funding.schema.js'
import {
  budgetAfterMoves,
  checkDate,
  checkFitsBudget,
  checkOutcomeAllowed,
  checkPayment,
  partnerLedger,
  remainingBudget,
  reserveBlocker,
  resolvePartnerGrants,
  type PartnerEstimate,
  type RuleIssue,
} from './grant-rules.js'

// Grant decisions, contracts with research organisations and payments, on top of the call's ranking.

const researchTypes = ['research_organisation', 'university'] as const

/** A broken rule as the one error type: a 400 naming the field, or a 409 when the state of things forbids it. */
function fail(issue: RuleIssue, locale: Locale): AppError {
  const params: Record<string, string | number> = { ...issue.params }
  for (const [name, cents] of Object.entries(issue.money ?? {})) params[name] = formatEuros(locale, cents)
  for (const [name, date] of Object.entries(issue.dates ?? {})) params[name] = formatDay(locale, date)
  if (issue.field !== undefined) return invalidField(issue.field, issue.key, params)
  return new AppError('conflict', { messageKey: issue.key, params })
}

function check(issue: RuleIssue | null, locale: Locale): void {
  if (issue) throw fail(issue, locale)
}

function formatDay(locale: Locale, date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, day!)))
}

type SnapshotPartner = AdmittedProposal['snapshot']['proposal']['partners'][number]
type SnapshotGrant = { total: number; partners?: { grant: number }[]; organisationIds?: string[] }

/** Each partner's GBER estimate as frozen at submission, in the partners' order. */
function estimatesOf(proposal: AdmittedProposal): (PartnerEstimate & { name: string; researchOrganisation: boolean })[] {
  const grant = proposal.snapshot.grant as SnapshotGrant
  return proposal.snapshot.proposal.partners.map((partner: SnapshotPartner, index) => ({
    organisationId: grant.organisationIds?.[index] ?? partner.organisationId,
    name: partner.name,
    researchOrganisation: partner.type === 'research' || partner.type === 'university',
    estimateCents: grant.partners?.[index]?.grant ?? 0,
  }))
}

type Records = {
  decisions: Map<string, { outcome: FundingDecision['outcome']; ranking_status: FundingDecision['rankingStatus']; reserve_promoted: boolean; decided_on: string; act_reference: string; reason: string | null; withdrawn_on: string | null; withdrawal_reason: string | null }>
  partners: { proposal_id: string; organisation_id: string; position: number; estimate_cents: number; grant_cents: number; reduction_reason: string | null }[]
  contracts: { id: string; proposal_id: string; partner_organisation_id: string; research_organisation_id: string; subject: string; value_cents: number; signed_on: string; research_name: string }[]
  payments: { id: string; proposal_id: string; organisation_id: string; kind: 'advance' | 'interim' | 'balance'; amount_cents: number; paid_on: string; verifier_kind: 'expert' | 'credit_institution'; verified_by: string }[]
}

async function loadRecords(db: Executor, callId: string): Promise<Records> {
  const decisions = await db
    .selectFrom('grant_decisions')
    .select(['proposal_id', 'outcome', 'ranking_status', 'reserve_promoted', 'decided_on', 'act_reference', 'reason', 'withdrawn_on', 'withdrawal_reason'])
    .where('call_id', '=', callId)
    .execute()
  const ids = decisions.map((row) => row.proposal_id)
  if (ids.length === 0) return { decisions: new Map(), partners: [], contracts: [], payments: [] }
  const partners = await db.selectFrom('grant_partners').selectAll().where('proposal_id', 'in', ids).orderBy('proposal_id').orderBy('position').execute()
  const contracts = await db
    .selectFrom('research_contracts')
    .innerJoin('organisations', 'organisations.id', 'research_contracts.research_organisation_id')
    .select([
      'research_contracts.id',
      'research_contracts.proposal_id',
      'research_contracts.partner_organisation_id',
      'research_contracts.research_organisation_id',
      'research_contracts.subject',
      'research_contracts.value_cents',
      'research_contracts.signed_on',
      'organisations.legal_name as research_name',
    ])
    .where('research_contracts.proposal_id', 'in', ids)
    .orderBy('research_contracts.signed_on')
    .orderBy('research_contracts.recorded_at')
    .execute()
  const payments = await db
    .selectFrom('grant_payments')
    .select(['id', 'proposal_id', 'organisation_id', 'kind', 'amount_cents', 'paid_on', 'verifier_kind', 'verified_by'])
    .where('proposal_id', 'in', ids)
    .orderBy('paid_on')
    .orderBy('recorded_at')
    .execute()
  return {
    decisions: new Map(decisions.map((row) => [row.proposal_id, row])),
    partners: partners.map((row) => ({ ...row, estimate_cents: Number(row.estimate_cents), grant_cents: Number(row.grant_cents) })),
    contracts: contracts.map((row) => ({ ...row, value_cents: Number(row.value_cents) })),
    payments: payments.map((row) => ({ ...row, amount_cents: Number(row.amount_cents) })),
  }
}

function decisionView(proposalId: string, records: Records, names: ReadonlyMap<string, { name: string; researchOrganisation: boolean }>): FundingDecision | null {
  const row = records.decisions.get(proposalId)
  if (!row) return null
  const payments = records.payments.filter((payment) => payment.proposal_id === proposalId)
  const partners = records.partners
    .filter((partner) => partner.proposal_id === proposalId)
    .map((partner) => {
      const own = payments.filter((payment) => payment.organisation_id === partner.organisation_id).map((payment) => ({ kind: payment.kind, amountCents: payment.amount_cents }))
      const ledger = partnerLedger(partner.grant_cents, own)
      const known = names.get(partner.organisation_id)
      return {
        organisationId: partner.organisation_id,
        name: known?.name ?? partner.organisation_id,
        researchOrganisation: known?.researchOrganisation ?? false,
        estimateCents: partner.estimate_cents,
        grantCents: partner.grant_cents,
        reductionReason: partner.reduction_reason,
        paidCents: ledger.paidCents,
        remainingCents: ledger.remainingCents,
        balancePaid: ledger.balancePaid,
      }
    })
  const nameOf = (id: string): string => names.get(id)?.name ?? id
  const grantCents = partners.reduce((sum, partner) => sum + partner.grantCents, 0)
  const paidCents = partners.reduce((sum, partner) => sum + partner.paidCents, 0)
  return {
    outcome: row.outcome,
    rankingStatus: row.ranking_status,
    reservePromoted: row.reserve_promoted,
    decidedOn: row.decided_on,
    actReference: row.act_reference,
    reason: row.reason,
    withdrawnOn: row.withdrawn_on,
    withdrawalReason: row.withdrawal_reason,
    grantCents,
    paidCents,
    remainingCents: grantCents - paidCents,
    partners,
    contracts: records.contracts
      .filter((contract) => contract.proposal_id === proposalId)
      .map((contract) => ({
        id: contract.id,
        partnerOrganisationId: contract.partner_organisation_id,
        partnerName: nameOf(contract.partner_organisation_id),
        researchOrganisationId: contract.research_organisation_id,
        researchOrganisationName: contract.research_name,
        subject: contract.subject,
        valueCents: contract.value_cents,
        signedOn: contract.signed_on,
      })),
    payments: payments.map((payment) => ({
      id: payment.id,
      organisationId: payment.organisation_id,
      partnerName: nameOf(payment.organisation_id),
      kind: payment.kind,
      amountCents: payment.amount_cents,
      paidOn: payment.paid_on,
      verifierKind: payment.verifier_kind,
      verifiedBy: payment.verified_by,
    })),
  }
}

/** The officer's board: per line, the budget after moves, what is granted and what is left; per proposal, its ranking, estimate and decision. */
export async function callFunding(db: Executor, callId: string, now: Date): Promise<Omit<CallFunding, 'researchOrganisations'>> {
  return (await board(db, callId, now)).funding
}

async function board(db: Executor, callId: string, now: Date): Promise<{ funding: Omit<CallFunding, 'researchOrganisations'>; admitted: AdmittedProposal[] }> {
  const call = await loadCallForEvaluation(db, callId, now)
  const ranking = await callRanking(db, callId, now)
  const records = await loadRecords(db, callId)
  const admitted = new Map(ranking.admitted.map((proposal) => [proposal.id, proposal]))
  const moves = ranking.moves.map((move) => ({ fromLine: move.fromLine, toLine: move.toLine, amountCents: move.amountCents }))
  const lines = ranking.lines.map((line) => {
    const proposals = line.proposals.map((entry): ProposalFunding => {
      const proposal = admitted.get(entry.proposalId)!
      const estimates = estimatesOf(proposal)
      const names = new Map(estimates.map((estimate) => [estimate.organisationId, estimate]))
      return {
        proposalId: entry.proposalId,
        title: entry.title,
        leadName: entry.leadName,
        line: line.code,
        rank: entry.rank,
        rankingStatus: entry.status,
        estimateCents: entry.grantCents,
        estimates,
        decision: decisionView(entry.proposalId, records, names),
      }
    })
    const budgetCents = budgetAfterMoves({ code: line.code, budgetCents: line.initialBudgetCents }, moves)
    const grantedCents = proposals.filter((proposal) => proposal.decision?.outcome === 'granted').reduce((sum, proposal) => sum + proposal.decision!.grantCents, 0)
    const heldCents = proposals.filter((proposal) => proposal.rankingStatus === 'funded' && proposal.decision === null).reduce((sum, proposal) => sum + proposal.estimateCents, 0)
    return { code: line.code, titleIt: line.titleIt, titleEn: line.titleEn, budgetCents, grantedCents, heldCents, remainingCents: remainingBudget(budgetCents, [grantedCents], [heldCents]), proposals }
  })
  const granted = lines.flatMap((line) => line.proposals).flatMap((proposal) => (proposal.decision?.outcome === 'granted' ? [proposal.decision] : []))
  const funding = {
    callId,
    titleIt: call.titleIt,
    titleEn: call.titleEn,
    lines,
    totals: {
      grantedCents: granted.reduce((sum, decision) => sum + decision.grantCents, 0),
      paidCents: granted.reduce((sum, decision) => sum + decision.paidCents, 0),
      contracts: granted.reduce((sum, decision) => sum + decision.contracts.length, 0),
      contractsCents: granted.reduce((sum, decision) => sum + decision.contracts.reduce((total, contract) => total + contract.valueCents, 0), 0),
    },
  }
  return { funding, admitted: ranking.admitted }
}

/** Registered research organisations and universities: the counterparties a contract may name. */
export async function researchOrganisations(db: Executor): Promise<{ id: string; name: string }[]> {
  const rows = await db.selectFrom('organisations').select(['id', 'legal_name']).where('type', 'in', [...researchTypes]).orderBy('legal_name').orderBy('id').execute()
  return rows.map((row) => ({ id: row.id, name: row.legal_name }))
}

/** The proposals of a call in which the given organisations take part (as lead or partner), with their funding. */
export async function fundingOf(db: Executor, callId: string, now: Date, isParty: (parties: ProposalParties) => boolean): Promise<{ callId: string; titleIt: string; titleEn: string; items: ProposalFunding[] }> {
  const { funding, admitted } = await board(db, callId, now)
  const parties = new Map(
    admitted.map((proposal) => [
      proposal.id,
      { leadOrganisationId: proposal.snapshot.proposal.leadOrganisationId, partnerOrganisationIds: proposal.snapshot.proposal.partners.map((partner) => partner.organisationId) },
    ]),
  )
  const items = funding.lines.flatMap((line) => line.proposals).filter((proposal) => {
    const of = parties.get(proposal.proposalId)
    return of !== undefined && isParty(of)
  })
  return { callId, titleIt: funding.titleIt, titleEn: funding.titleEn, items }
}

/** One proposal's ranking, estimate and decision; 404 while it is not among the call's admitted proposals. */
export async function proposalFundingOf(db: Executor, callId: string, proposalId: string, now: Date): Promise<ProposalFunding> {
  const { funding } = await board(db, callId, now)
  const found = funding.lines.flatMap((line) => line.proposals).find((proposal) => proposal.proposalId === proposalId)
  if (!found) throw notFound('entity.proposal')
  return found
}

async function callOf(db: Executor, proposalId: string): Promise<string> {
  const row = await db.selectFrom('proposals').select('call_id').where('id', '=', proposalId).executeTakeFirst()
  if (!row) throw notFound('entity.proposal')
  return row.call_id
}

/**
 * Records the decision on one proposal, the call row locked so that two decisions cannot both spend what
 * is left of a line. A grant takes each partner's estimate unless lowered with a reason; it must fit in the
 * line's budget after moves less what is already granted; a reserve proposal is promoted only in order.
 */
export async function decide(db: Db, actorId: string, proposalId: string, input: DecisionInput, now: Date, locale: Locale): Promise<void> {
  const callId = await callOf(db, proposalId)
  await db.transaction().execute(async (trx) => {
    await loadCallForEvaluation(trx, callId, now, { lock: true })
    const existing = await trx.selectFrom('grant_decisions').select('proposal_id').where('proposal_id', '=', proposalId).executeTakeFirst()
    if (existing) throw new AppError('conflict', { messageKey: 'funding.error.already_decided' })
    const ranking = await callRanking(trx, callId, now)
    const line = ranking.lines.find((item) => item.proposals.some((entry) => entry.proposalId === proposalId))
    const entry = line?.proposals.find((item) => item.proposalId === proposalId)
    const proposal = ranking.admitted.find((item) => item.id === proposalId)
    if (!line || !entry || !proposal) throw new AppError('conflict', { messageKey: 'funding.error.not_ranked' })
    const refused = checkOutcomeAllowed(entry.status, input.outcome)
    if (refused || entry.status === 'pending') throw fail(refused ?? { key: 'funding.error.not_ranked' }, locale)
    check(checkDate('decidedOn', input.decidedOn, romeDate(now)), locale)
    const base = {
      proposal_id: proposalId,
      call_id: callId,
      line_code: line.code,
      ranking_status: entry.status,
      decided_on: input.decidedOn,
      act_reference: input.actReference,
      decided_by: actorId,
      decided_at: now,
    }
    if (input.outcome === 'not_granted') {
      await trx.insertInto('grant_decisions').values({ ...base, outcome: 'not_granted', reason: input.reason }).execute()
      await audit(trx, actorId, 'grant.decide', 'proposal', proposalId, { outcome: input.outcome, decidedOn: input.decidedOn, actReference: input.actReference, reason: input.reason })
      return
    }
    const records = await loadRecords(trx, callId)
    const blocker = reserveBlocker(line.proposals, new Set(records.decisions.keys()), proposalId)
    if (blocker !== null) {
      const title = line.proposals.find((item) => item.proposalId === blocker)?.title ?? blocker
      throw new AppError('conflict', { messageKey: 'funding.error.reserve_order', params: { title } })
    }
    const resolved = resolvePartnerGrants(estimatesOf(proposal), input.partners ?? [])
    if (!resolved.ok) throw fail(resolved.issue, locale)
    const budget = budgetAfterMoves({ code: line.code, budgetCents: line.initialBudgetCents }, ranking.moves)
    const lineGranted = [...records.decisions.entries()]
      .filter(([id, decision]) => decision.outcome === 'granted' && line.proposals.some((item) => item.proposalId === id))
      .map(([id]) => records.partners.filter((partner) => partner.proposal_id === id).reduce((sum, partner) => sum + partner.grant_cents, 0))
    const lineHeld = line.proposals.filter((item) => item.status === 'funded' && item.proposalId !== proposalId && !records.decisions.has(item.proposalId)).map((item) => item.grantCents)
    check(checkFitsBudget(line.code, remainingBudget(budget, lineGranted, lineHeld), resolved.value.totalCents), locale)
    await trx.insertInto('grant_decisions').values({ ...base, outcome: 'granted', reserve_promoted: entry.status === 'reserve' }).execute()
    await trx
      .insertInto('grant_partners')
      .values(
        resolved.value.partners.map((partner, position) => ({
          proposal_id: proposalId,
          organisation_id: partner.organisationId,
          position,
          estimate_cents: partner.estimateCents,
          grant_cents: partner.grantCents,
          reduction_reason: partner.reductionReason,
        })),
      )
      .execute()
    await audit(trx, actorId, 'grant.decide', 'proposal', proposalId, {
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      actReference: input.actReference,
      reservePromoted: entry.status === 'reserve',
      partners: resolved.value.partners,
      totalCents: resolved.value.totalCents,
    })
  })
}

type LockedDecision = { outcome: FundingDecision['outcome']; decided_on: string; call_id: string }

/** The proposal's decision, locked for the rest of the transaction; 409 unless it is a grant still standing. */
async function lockGranted(trx: Executor, proposalId: string): Promise<LockedDecision> {
  const row = await trx.selectFrom('grant_decisions').select(['outcome', 'decided_on', 'call_id']).where('proposal_id', '=', proposalId).forUpdate().executeTakeFirst()
  if (!row || row.outcome !== 'granted') throw new AppError('conflict', { messageKey: 'funding.error.not_granted' })
  return row
}

/** The beneficiaries of a grant renounce it: its budget is freed for the reserve list. Not once a payment is made. */
export async function withdraw(db: Db, actorId: string, proposalId: string, input: WithdrawalInput, now: Date, locale: Locale): Promise<void> {
  const callId = await callOf(db, proposalId)
  await db.transaction().execute(async (trx) => {
    await loadCallForEvaluation(trx, callId, now, { lock: true })
    const decision = await lockGranted(trx, proposalId)
    const paid = await trx.selectFrom('grant_payments').select('id').where('proposal_id', '=', proposalId).limit(1).executeTakeFirst()
    if (paid) throw new AppError('conflict', { messageKey: 'funding.error.payments_made' })
    check(checkDate('withdrawnOn', input.withdrawnOn, romeDate(now), { date: decision.decided_on, key: 'funding.validation.before_decision' }), locale)
    await trx.updateTable('grant_decisions').set({ outcome: 'withdrawn', withdrawn_on: input.withdrawnOn, withdrawal_reason: input.reason }).where('proposal_id', '=', proposalId).execute()
    await audit(trx, actorId, 'grant.withdraw', 'proposal', proposalId, input)
  })
}

/** A contract between a partner of a granted proposal and a registered research organisation or university. */
export async function recordContract(db: Db, actorId: string, proposalId: string, input: ContractInput, now: Date, locale: Locale): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockGranted(trx, proposalId)
    const partner = await trx.selectFrom('grant_partners').select('organisation_id').where('proposal_id', '=', proposalId).where('organisation_id', '=', input.partnerOrganisationId).executeTakeFirst()
    if (!partner) throw invalidField('partnerOrganisationId', 'funding.validation.not_a_partner')
    const counterparty = await trx.selectFrom('organisations').select('type').where('id', '=', input.researchOrganisationId).executeTakeFirst()
    if (!counterparty || !(researchTypes as readonly string[]).includes(counterparty.type)) throw invalidField('researchOrganisationId', 'funding.validation.not_research_organisation')
    if (input.researchOrganisationId === input.partnerOrganisationId) throw invalidField('researchOrganisationId', 'funding.validation.same_organisation')
    check(checkDate('signedOn', input.signedOn, romeDate(now)), locale)
    const row = await trx
      .insertInto('research_contracts')
      .values({
        proposal_id: proposalId,
        partner_organisation_id: input.partnerOrganisationId,
        research_organisation_id: input.researchOrganisationId,
        subject: input.subject,
        value_cents: input.valueCents,
        signed_on: input.signedOn,
        recorded_by: actorId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actorId, 'grant.contract', 'proposal', proposalId, { id: row.id, ...input })
  })
}

/** A payment to one partner, verified by an expert or a credit institution; the decision row is locked so two payments cannot both pass the cap. */
export async function recordPayment(db: Db, actorId: string, proposalId: string, input: PaymentInput, now: Date, locale: Locale): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const decision = await lockGranted(trx, proposalId)
    const partner = await trx.selectFrom('grant_partners').select('grant_cents').where('proposal_id', '=', proposalId).where('organisation_id', '=', input.organisationId).executeTakeFirst()
    if (!partner) throw invalidField('organisationId', 'funding.validation.not_a_partner')
    const rows = await trx.selectFrom('grant_payments').select(['kind', 'amount_cents']).where('proposal_id', '=', proposalId).where('organisation_id', '=', input.organisationId).execute()
    const payments = rows.map((row) => ({ kind: row.kind, amountCents: Number(row.amount_cents) }))
    const payment = { kind: input.kind, amountCents: input.amountCents }
    check(checkPayment(partnerLedger(Number(partner.grant_cents), payments), payments, payment), locale)
    check(checkDate('paidOn', input.paidOn, romeDate(now), { date: decision.decided_on, key: 'funding.validation.before_decision' }), locale)
    const row = await trx
      .insertInto('grant_payments')
      .values({
        proposal_id: proposalId,
        organisation_id: input.organisationId,
        kind: input.kind,
        amount_cents: input.amountCents,
        paid_on: input.paidOn,
        verifier_kind: input.verifierKind,
        verified_by: input.verifiedBy,
        recorded_by: actorId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actorId, 'grant.payment', 'proposal', proposalId, { id: row.id, ...input })
  })
}
