import { sql } from 'kysely'
import type { Db } from '../platform/db.js'
import type { Locale } from '../platform/i18n.js'
import { translate } from '../platform/i18n.js'
import type { NotificationParams } from './notifications.tables.js'

export type NotificationKind = 'need_routed' | 'need_forwarded' | 'eu_topic_flagged' | 'brokerage_later_follow_up'

export type Notification = { id: string; kind: string; text: string; link: string; createdAt: string; read: boolean }

/** The text of a notification in the reader's language, composed when read. */
export function notificationText(locale: Locale, kind: string, params: NotificationParams): string {
  const values: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) values[key] = typeof value === 'object' ? value[locale] : value
  return translate(locale, `notification.${kind}`, values)
}

/** Queues one notification per user, inside the caller's transaction. */
export async function notify(db: Db, userIds: readonly string[], kind: NotificationKind, params: NotificationParams, link: string): Promise<void> {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return
  await db
    .insertInto('notifications')
    .values(unique.map((userId) => ({ user_id: userId, kind, params: JSON.stringify(params), link })))
    .execute()
}

const pageSize = 50

export async function listNotifications(db: Db, userId: string, locale: Locale): Promise<{ items: Notification[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageSize)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      text: notificationText(locale, row.kind, row.params),
      link: row.link,
      createdAt: new Date(row.created_at).toISOString(),
      read: row.read_at !== null,
    })),
    unread: Number(unread.n),
  }
}

/** Marks the user's notifications read: one, or all when no id is given. Returns how many changed. */
export async function markRead(db: Db, userId: string, id?: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (id !== undefined) query = query.where('id', '=', id)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * For the daily job: one e-mail per user listing the notifications of past days (Europe/Rome) they have
 * neither read nor had in a digest; each notification goes into one digest at most. The job runs every
 * few hours, and only the first run of a day finds anything: one digest a day. Returns the e-mails queued.
 */
export async function queueDigests(db: Db, publicUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .updateTable('notifications')
      .set({ digested_at: new Date() })
      .where('digested_at', 'is', null)
      .where(sql<boolean>`created_at < (date_trunc('day', now() AT TIME ZONE 'Europe/Rome') AT TIME ZONE 'Europe/Rome')`)
      .returning(['user_id', 'kind', 'params', 'link', 'read_at', 'created_at'])
      .execute()
    const unreadByUser = new Map<string, typeof pending>()
    for (const row of pending) {
      if (row.read_at !== null) continue
      unreadByUser.set(row.user_id, [...(unreadByUser.get(row.user_id) ?? []), row])
    }
    if (unreadByUser.size === 0) return 0
    const users = await trx.selectFrom('users').select(['id', 'email', 'full_name', 'locale']).where('id', 'in', [...unreadByUser.keys()]).execute()
    const base = publicUrl.replace(/\/$/, '')
    for (const user of users) {
      const rows = (unreadByUser.get(user.id) ?? []).sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      const items = rows.map((row) => `- ${notificationText(user.locale, row.kind, row.params)}\n  ${base}${row.link}`).join('\n')
      await trx
        .insertInto('outbox')
        .values({
          to_email: user.email,
          subject: translate(user.locale, 'mail.digest.subject', { count: rows.length }),
          body: translate(user.locale, 'mail.digest.body', { name: user.full_name, items, link: `${base}/notifications` }),
        })
        .execute()
    }
    return users.length
  })
}

/** The managers of a district, to be told about what concerns it. */
export async function districtManagerIds(db: Db, clusterId: string): Promise<string[]> {
  const rows = await sql<{ user_id: string }>`SELECT user_id FROM district_managers WHERE cluster_id = ${clusterId} ORDER BY user_id`.execute(db)
  return rows.rows.map((row) => row.user_id)
}
