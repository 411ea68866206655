import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/database.js'

// The opportunities domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.
export type TopicStatus = 'open' | 'forthcoming' | 'closed'

export type OpportunitiesTables = {
  eu_topics: {
    id: Generated<string>
    identifier: string
    title: string
    programme: string
    programme_part: Generated<string>
    call_identifier: Generated<string>
    call_title: Generated<string>
    action_type: Generated<string>
    types_of_action: Generated<string>
    status: TopicStatus
    opens_on: string | null
    deadline: string | null
    deadline_model: Generated<string>
    budget_min_cents: number | null
    budget_max_cents: number | null
    expected_grants: number | null
    keywords: ColumnType<string[], string[] | undefined, string[]>
    description: Generated<string>
    portal_url: string | null
    search_text: Generated<string>
    source: Generated<'import' | 'demo'>
    created_at: Timestamp
    updated_at: Timestamp
  }
  eu_topic_flags: {
    topic_id: string
    cluster_id: string
    note: Generated<string>
    flagged_by: string | null
    flagged_at: Timestamp
  }
}
