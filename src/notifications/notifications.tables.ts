import type { ColumnType, Generated } from 'kysely'
import type { Timestamp } from '../platform/database.js'

/** A value the text needs, the same in both languages or given in each. */
export type NotificationParams = Record<string, string | number | { it: string; en: string }>

export type NotificationsTables = {
  notifications: {
    id: Generated<string>
    user_id: string
    kind: string
    // Read back as an object on both backends; written as JSON text.
    params: ColumnType<NotificationParams, string, string>
    link: string
    created_at: Timestamp
    read_at: Timestamp | null
    digested_at: Timestamp | null
  }
}
