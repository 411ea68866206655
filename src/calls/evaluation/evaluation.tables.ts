import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../../platform/database.js'

// The evaluation tables (migration 0007), joined into CallsTables and so into the one Database type.

type Json<T> = ColumnType<T, string, string>

/** One criterion's score (0–5, in half points) with the evaluator's reasons. */
export type CriterionScore = { criterion: string; score: number; comment: string }

export type EvaluationTables = {
  evaluator_profiles: {
    user_id: string
    organisation_id: string | null
    expertise: ColumnType<string[], string[] | undefined, string[]>
    updated_at: Generated<Date>
  }
  proposal_providers: {
    proposal_id: string
    organisation_id: string
    service: string
    amount_cents: number
  }
  evaluation_conflicts: {
    proposal_id: string
    evaluator_id: string
    reason: string
    declared_at: Generated<Date>
  }
  evaluation_assignments: {
    proposal_id: string
    evaluator_id: string
    call_id: string
    status: Generated<'active' | 'declined'>
    matched_codes: ColumnType<string[], string[] | undefined, string[]>
    load_at_assignment: number
    position: number
    assigned_at: Timestamp
    assigned_by: string | null
    declined_at: Timestamp | null
  }
  evaluation_reports: {
    proposal_id: string
    evaluator_id: string
    scores: Json<CriterionScore[]>
    submitted_at: Timestamp
  }
  evaluation_consensus: {
    proposal_id: string
    rapporteur_id: string | null
    scores: ColumnType<CriterionScore[] | null, string | null | undefined, string | null>
    comment: string | null
    submitted_at: Timestamp | null
    submitted_by: string | null
  }
  budget_moves: {
    id: Generated<string>
    call_id: string
    from_line: string
    to_line: string
    amount_cents: number
    reason: string
    moved_by: string | null
    moved_at: Timestamp
  }
}
