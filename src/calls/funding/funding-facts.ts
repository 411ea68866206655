import type { Transaction } from 'kysely'
import type { Database } from '../../platform/database.js'
import type { Db } from '../../platform/db.js'
import { remainingBudget } from './grant-rules.js'

// What the evaluation's results need from the grant decisions (results.service.ts). For the indicators: once
// the officer has decided on any proposal of the call, the financed projects are the granted ones, their public
// grant is the sum of the partners' granted amounts, and the contracts with research organisations are the
// recorded ones. For budget moves: what a line has not committed to grants or to funded proposals awaiting one.

type Executor = Db | Transaction<Database>

export type FundingFacts = {
  /** Whether any decision (granted, not granted or withdrawn) has been recorded for the call. */
  decided: boolean
  /** The proposals with a decision of any kind. */
  decidedIds: Set<string>
  /** Proposals still granted, with their total grant in cents. */
  granted: Map<string, number>
  contracts: { proposalId: string; researchOrganisationId: string; valueCents: number }[]
}

export async function fundingFacts(db: Executor, callId: string): Promise<FundingFacts> {
  const decisions = await db.selectFrom('grant_decisions').select(['proposal_id', 'outcome']).where('call_id', '=', callId).execute()
  const grantedIds = decisions.filter((row) => row.outcome === 'granted').map((row) => row.proposal_id)
  const decidedIds = new Set(decisions.map((row) => row.proposal_id))
  if (grantedIds.length === 0) return { decided: decisions.length > 0, decidedIds, granted: new Map(), contracts: [] }
  const amounts = await db
    .selectFrom('grant_partners')
    .select(['proposal_id', (eb) => eb.fn.sum<number>('grant_cents').as('total')])
    .where('proposal_id', 'in', grantedIds)
    .groupBy('proposal_id')
    .execute()
  const granted = new Map(grantedIds.map((id) => [id, 0]))
  for (const row of amounts) granted.set(row.proposal_id, Number(row.total))
  const contracts = await db.selectFrom('research_contracts').select(['proposal_id', 'research_organisation_id', 'value_cents']).where('proposal_id', 'in', grantedIds).orderBy('signed_on').orderBy('id').execute()
  return {
    decided: true,
    decidedIds,
    granted,
    contracts: contracts.map((row) => ({ proposalId: row.proposal_id, researchOrganisationId: row.research_organisation_id, valueCents: Number(row.value_cents) })),
  }
}

type LineEntries = { budgetCents: number; proposals: readonly { proposalId: string; status: string; grantCents: number }[] }

/**
 * What a line may still give away (to another line): its budget after moves less the grants standing on its
 * proposals and the estimates of the funded proposals still awaiting their decision.
 */
export function uncommittedBudget(line: LineEntries, facts: FundingFacts): number {
  const granted = line.proposals.map((entry) => facts.granted.get(entry.proposalId) ?? 0)
  const held = line.proposals.filter((entry) => entry.status === 'funded' && !facts.decidedIds.has(entry.proposalId)).map((entry) => entry.grantCents)
  return remainingBudget(line.budgetCents, granted, held)
}
