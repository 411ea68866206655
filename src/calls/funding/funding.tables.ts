import type { Generated } from 'kysely'
import type { Timestamp } from '../../platform/database.js'

// The grants tables (migration 0011), joined into the one Database type in platform/database.ts.

/** bigint cents: both backends read int8 as a JavaScript number (platform/db.ts). */
type Cents = number

export type DecisionOutcome = 'granted' | 'not_granted' | 'withdrawn'
export type DecidedRankingStatus = 'funded' | 'reserve' | 'below_threshold'
export type PaymentKind = 'advance' | 'interim' | 'balance'
export type VerifierKind = 'expert' | 'credit_institution'

export type FundingTables = {
  grant_decisions: {
    proposal_id: string
    call_id: string
    line_code: string
    outcome: DecisionOutcome
    ranking_status: DecidedRankingStatus
    reserve_promoted: Generated<boolean>
    decided_on: string
    act_reference: string
    reason: string | null
    withdrawn_on: string | null
    withdrawal_reason: string | null
    decided_by: string | null
    decided_at: Timestamp
  }
  grant_partners: {
    proposal_id: string
    organisation_id: string
    position: number
    estimate_cents: Cents
    grant_cents: Cents
    reduction_reason: string | null
  }
  research_contracts: {
    id: Generated<string>
    proposal_id: string
    partner_organisation_id: string
    research_organisation_id: string
    subject: string
    value_cents: Cents
    signed_on: string
    recorded_by: string | null
    recorded_at: Timestamp
  }
  grant_payments: {
    id: Generated<string>
    proposal_id: string
    organisation_id: string
    kind: PaymentKind
    amount_cents: Cents
    paid_on: string
    verifier_kind: VerifierKind
    verified_by: string
    recorded_by: string | null
    recorded_at: Timestamp
  }
}
