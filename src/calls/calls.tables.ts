import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/database.js'
import type { EvaluationTables } from './evaluation/evaluation.tables.js'

// The calls domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.

/** A jsonb column: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>
type Defaulted<T> = ColumnType<T, T | undefined, T>

export type BudgetSource = 'national' | 'regional' | 'eu_structural' | 'private'
export type BudgetShare = { source: BudgetSource; year: number; amountCents: number }
export type Criterion = { code: string; nameIt: string; nameEn: string; weight: number; threshold: number }
/** How the call's proposals are evaluated; absent settings take their defaults (3 evaluators, no overall threshold). */
export type EvaluationSettings = { evaluatorsPerProposal?: number; overallThreshold?: number }
export type FaqEntry = { questionIt: string; questionEn: string; answerIt: string; answerEn: string }
/** The rules object of src/calls/rules (CallRules): intensities in basis points. */
export type StoredCallRules = {
  trlStartMin?: number
  trlEndMin?: number
  researchShareMustExceedDevelopment?: boolean
  minPartners?: number
  minSmes?: number
  researchOrganisationIntensity?: number
}

export type CallsTables = EvaluationTables & {
  calls: {
    id: Generated<string>
    status: Generated<'draft' | 'published'>
    title_it: string
    title_en: string
    summary_it: Generated<string>
    summary_en: Generated<string>
    text_it: Generated<string>
    text_en: Generated<string>
    opens_at: Timestamp
    closes_at: Timestamp
    budget_sources: Json<BudgetShare[]>
    rules: Json<StoredCallRules>
    priorities: Defaulted<string[]>
    criteria: Json<Criterion[]>
    faq: Json<FaqEntry[]>
    evaluation: ColumnType<EvaluationSettings, string | undefined, string>
    cloned_from: string | null
    created_by: string | null
    created_at: Generated<Date>
    updated_at: Generated<Date>
    published_at: Timestamp | null
  }
  call_lines: {
    call_id: string
    code: string
    title_it: string
    title_en: string
    budget_cents: number
    members_only: Generated<boolean>
    non_members_must_commit: Generated<boolean>
    cluster_id: string | null
    position: Generated<number>
  }
  proposals: {
    id: Generated<string>
    call_id: string
    lead_organisation_id: string
    line_code: string
    title: string
    abstract: Generated<string>
    taxonomy_code: string | null
    trl_start: number | null
    trl_end: number | null
    wide_dissemination: Generated<boolean>
    current_version: Generated<number>
    screening_eligible: boolean | null
    screening_reason: string | null
    screening_by: string | null
    screening_at: Timestamp | null
    created_by: string | null
    created_at: Generated<Date>
    updated_at: Generated<Date>
  }
  proposal_partners: {
    proposal_id: string
    organisation_id: string
    position: number
    commits_to_join: Generated<boolean>
    industrial_research_cents: Generated<number>
    experimental_development_cents: Generated<number>
    other_cents: Generated<number>
    confirmed_at: Timestamp | null
    confirmed_by: string | null
  }
  proposal_versions: {
    id: Generated<string>
    proposal_id: string
    version: number
    submitted_at: Timestamp
    submitted_by: string | null
    eligible: boolean
    snapshot: Json<unknown>
  }
}
