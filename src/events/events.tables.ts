import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/database.js'
import type { BrokerageTables } from './brokerage/brokerage.tables.js'
import type { EventKind } from './event-terms.js'

// The events domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.
export type EventStatus = 'draft' | 'published' | 'cancelled'
export type EventLanguage = 'it' | 'en' | 'it_en'
export type RegistrationMode = 'none' | 'open' | 'approval'
export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled'
export type CoorganiserStatus = 'pending' | 'accepted' | 'declined'

export type EventsTables = BrokerageTables & {
  events: {
    id: Generated<string>
    kind: EventKind
    status: Generated<EventStatus>
    title_it: string
    title_en: Generated<string>
    description_it: Generated<string>
    description_en: Generated<string>
    starts_at: Timestamp
    ends_at: Timestamp
    venue_name: string | null
    venue_address: string | null
    venue_room: string | null
    city: string | null
    virtual_url: string | null
    language: Generated<EventLanguage>
    audiences: ColumnType<string[], string[] | undefined, string[]>
    capacity: number | null
    registration: Generated<RegistrationMode>
    waiting_list: Generated<boolean>
    created_by: string | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  event_organisers: { event_id: string; cluster_id: string }
  event_coorganisers: {
    event_id: string
    cluster_id: string
    status: Generated<CoorganiserStatus>
    message: Generated<string>
    proposed_by: string | null
    proposed_at: Timestamp
    responded_by: string | null
    responded_at: Timestamp | null
  }
  event_taxonomy: { event_id: string; taxonomy_code: string }
  event_registrations: {
    id: Generated<string>
    event_id: string
    user_id: string
    status: RegistrationStatus
    created_at: Timestamp
    updated_at: Timestamp
  }
  event_feed_tokens: { user_id: string; token_hash: string; created_at: Timestamp }
}
