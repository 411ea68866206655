import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../../platform/database.js'

// The consortium builder's tables (migration 0009), joined into the one Database type in platform/database.ts.

type Bigint = ColumnType<number, number | bigint, number | bigint>

export type ConsortiumTables = {
  past_projects: {
    id: Generated<string>
    source: string
    source_id: string
    rcn: string | null
    acronym: Generated<string>
    title: string
    start_date: string | null
    end_date: string | null
    cost_cents: Bigint | null
    funding_cents: Bigint | null
    url: string | null
    website: string | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  past_participants: {
    project_id: string
    position: number
    name: string
    org_key: string
    country: string | null
    city: string | null
    lat: number | null
    lon: number | null
    organisation_id: string | null
    updated_at: Timestamp
  }
}
