import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../../platform/database.js'
import type { FollowUp } from '../event-terms.js'

// The brokerage tables (migrations 0008 and 0013), joined into the Database type through EventsTables.
export type RequestMode = 'opt_in' | 'opt_out'
export type AgendaStatus = 'none' | 'draft' | 'preliminary' | 'final'
export type ParticipantStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled'
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled'

export type SessionConfig = { id: string; day: string; start: string; end: string; breaks: { start: string; end: string }[] }
export type RoleConfig = { key: string; labelIt: string; labelEn: string }

type Json<T> = ColumnType<T, string, string>
type TextArray = ColumnType<string[], string[] | undefined, string[]>

export type BrokerageTables = {
  brokerages: {
    event_id: string
    registration_opens_at: Timestamp
    registration_closes_at: Timestamp
    booking_opens_at: Timestamp
    booking_closes_at: Timestamp
    sessions: Json<SessionConfig[]>
    meeting_minutes: number
    tables: number
    virtual_rooms: Generated<number>
    max_meetings: number
    request_mode: Generated<RequestMode>
    approval: Generated<boolean>
    roles: Json<RoleConfig[]>
    role_pairs: Json<[string, string][]>
    agenda_status: Generated<AgendaStatus>
    agenda_published_at: Timestamp | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  brokerage_participants: {
    id: Generated<string>
    event_id: string
    user_id: string
    organisation_id: string | null
    status: ParticipantStatus
    role: string
    offer: Generated<string>
    request: Generated<string>
    taxonomy_codes: TextArray
    available_sessions: TextArray
    blocked_slots: TextArray
    checked_in_at: Timestamp | null
    reminded_at: Timestamp | null
    created_at: Timestamp
    updated_at: Timestamp
  }
  brokerage_participant_profiles: { participant_id: string; profile_id: string }
  brokerage_requests: {
    id: Generated<string>
    event_id: string
    from_participant: string
    to_participant: string
    message: Generated<string>
    status: RequestStatus
    created_at: Timestamp
    answered_at: Timestamp | null
  }
  brokerage_meetings: {
    id: Generated<string>
    event_id: string
    request_id: string
    participant_a: string
    participant_b: string
    starts_at: Timestamp
    ends_at: Timestamp
    table_number: number | null
    virtual_room: number | null
    status: Generated<'scheduled' | 'cancelled'>
    published: Generated<boolean>
    a_held: boolean | null
    a_follow_up: FollowUp | null
    b_held: boolean | null
    b_follow_up: FollowUp | null
    // The six-month follow-up (migration 0013).
    a_later_follow_up: FollowUp | null
    a_later_asked_at: Timestamp | null
    a_later_answered_at: Timestamp | null
    b_later_follow_up: FollowUp | null
    b_later_asked_at: Timestamp | null
    b_later_answered_at: Timestamp | null
    created_at: Timestamp
    updated_at: Timestamp
  }
}
