import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/database.js'
import type { CloseOutcome, GeographicScope, InterestStepKind, PartnershipKind, ProfileKind, ProfileStatus } from './marketplace-terms.js'

// The matchmaking domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.

type Bigint = ColumnType<number, number | bigint, number | bigint>

export type ProfilesTable = {
  id: Generated<string>
  kind: ProfileKind
  status: Generated<ProfileStatus>
  organisation_id: string
  cluster_id: string
  language: Generated<'it' | 'en'>
  title: string
  summary: Generated<string>
  description_it: Generated<string>
  description_en: Generated<string>
  keywords: Generated<string[]>
  trl: number | null
  partnership_kinds: Generated<string[]>
  target_organisation_types: Generated<string[]>
  geographic_scope: Generated<GeographicScope>
  expires_on: string
  review_comment: string | null
  reviewed_by: string | null
  reviewed_at: Timestamp | null
  submitted_at: Timestamp | null
  published_at: Timestamp | null
  closed_at: Timestamp | null
  expiry_reminded_at: Timestamp | null
  close_outcome: CloseOutcome | null
  created_by: string | null
  routed_at: Timestamp | null
  title_folded: Generated<string>
  summary_folded: Generated<string>
  search_document: Generated<string | null>
  created_at: Timestamp
  updated_at: Timestamp
}

export type MatchmakingTables = {
  profiles: ProfilesTable
  profile_taxonomy: { profile_id: string; taxonomy_code: string }
  profile_interests: {
    id: Generated<string>
    profile_id: string
    organisation_id: string
    created_by: string | null
    message: string
    status: Generated<'pending' | 'accepted' | 'declined'>
    decided_by: string | null
    decided_at: Timestamp | null
    created_at: Timestamp
  }
  interest_steps: {
    id: Generated<string>
    interest_id: string
    step: InterestStepKind
    occurred_on: string
    meeting_mode: 'physical' | 'virtual' | null
    agreement_type: PartnershipKind | null
    value_cents: Bigint | null
    recorded_by: string | null
    recorded_at: Timestamp
  }
  profile_routings: { profile_id: string; cluster_id: string; matches: number; best_score: number; routed_at: Timestamp }
  profile_forwards: {
    id: Generated<string>
    profile_id: string
    organisation_id: string
    cluster_id: string
    forwarded_by: string | null
    note: Generated<string>
    created_at: Timestamp
  }
  interest_messages: {
    id: Generated<string>
    organisation_id: string
    interest_id: string
    author_id: string | null
    body: string
    created_at: Timestamp
  }
}
