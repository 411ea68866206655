import type { ColumnType, Generated } from 'kysely'
import type { CallsTables } from '../calls/calls.tables.js'
import type { FundingTables } from '../calls/funding/funding.tables.js'
import type { AttachmentsTables } from '../calls/attachments/attachments.tables.js'
import type { EventsTables } from '../events/events.tables.js'
import type { MatchmakingTables } from '../matchmaking/matchmaking.tables.js'
import type { ConsortiumTables } from '../matchmaking/consortium/consortium.tables.js'
import type { NotificationsTables } from '../notifications/notifications.tables.js'
import type { OpportunitiesTables } from '../opportunities/opportunities.tables.js'
import type { platformRoles } from '../accounts/account-terms.js'
import type { clusterKinds } from '../districts/district-terms.js'
import type { organisationTypes, sizeClasses } from '../organisations/organisation-terms.js'

type GeneratedId = Generated<string>

/** Every table; each domain beyond the foundation declares its own in `<domain>.tables.ts`. */
export type Database = FoundationTables & CallsTables & AttachmentsTables & FundingTables & EventsTables & MatchmakingTables & ConsortiumTables & NotificationsTables & OpportunitiesTables

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

type FoundationTables = {
  schema_migrations: { version: string; applied_at: Timestamp }
  taxonomy_nodes: { code: string; parent_code: string | null; label_it: string; label_en: string; position: number }
  regions: { nuts2: string; name_it: string; name_en: string }
  provinces: { code: string; name: string; nuts3: string; region_nuts2: string }
  clusters: ClustersTable
  cluster_links: { parent_id: string; child_id: string }
  cluster_priorities: { cluster_id: string; taxonomy_code: string }
  organisations: OrganisationsTable
  organisation_competences: { organisation_id: string; taxonomy_code: string }
  organisation_contacts: {
    id: GeneratedId
    organisation_id: string
    full_name: string
    role_title: string | null
    email: string | null
    phone: string | null
    position: Generated<number>
  }
  memberships: {
    id: GeneratedId
    organisation_id: string
    cluster_id: string
    associated: Generated<boolean>
    since: string
    until: string | null
  }
  users: {
    id: GeneratedId
    email: string
    password_hash: string
    full_name: string
    locale: Generated<'it' | 'en'>
    created_at: Timestamp
  }
  user_roles: { user_id: string; role: PlatformRole }
  organisation_users: { organisation_id: string; user_id: string; role: 'member' | 'admin' }
  district_managers: { cluster_id: string; user_id: string }
  sessions: { token_hash: string; user_id: string; created_at: Timestamp; expires_at: Timestamp }
  password_resets: {
    token_hash: string
    user_id: string
    created_at: Timestamp
    expires_at: Timestamp
    used_at: Timestamp | null
  }
  outbox: {
    id: GeneratedId
    to_email: string
    subject: string
    body: string
    created_at: Timestamp
    sent_at: Timestamp | null
  }
  audit_log: {
    id: Generated<number>
    user_id: string | null
    action: string
    entity: string
    entity_id: string
    details: ColumnType<unknown, string | undefined, string>
    created_at: Timestamp
  }
}

export type PlatformRole = (typeof platformRoles)[number]

export type ClustersTable = {
  id: GeneratedId
  slug: string
  kind: (typeof clusterKinds)[number]
  name_it: string
  name_en: string
  short_name: string
  sector_it: string
  sector_en: string
  region_nuts2: string | null
  managing_entity: string | null
  website: string | null
  description_it: Generated<string>
  description_en: Generated<string>
  funded_by_region: Generated<boolean>
  founded_year: number | null
  position: Generated<number>
  updated_at: Timestamp
}

export type OrganisationType = (typeof organisationTypes)[number]

export type OrganisationsTable = {
  id: GeneratedId
  legal_name: string
  short_name: string | null
  type: OrganisationType
  headcount: number | null
  turnover_cents: number | null
  balance_sheet_cents: number | null
  size_class: (typeof sizeClasses)[number] | null
  vat_number: string | null
  fiscal_code: string | null
  country: Generated<string>
  street: string | null
  postcode: string | null
  city: string | null
  province_code: string | null
  nuts2: string | null
  nuts3: string | null
  website: string | null
  description_it: Generated<string>
  description_en: Generated<string>
  keywords: Generated<string[]>
  founded_year: number | null
  source: Generated<string>
  source_id: string | null
  name_folded: Generated<string>
  search_document: Generated<string | null>
  created_at: Timestamp
  updated_at: Timestamp
}
