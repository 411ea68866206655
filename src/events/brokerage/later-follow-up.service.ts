import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { translate } from '../../platform/i18n.js'
import { AppError } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import { notify } from '../../notifications/notifications.service.js'
import type { FollowUp } from '../event-terms.js'
import { laterFollowUpMinDays, mayAnswerLater, sidesToAsk, type LaterSide } from './later-follow-up.js'
import { personRefs } from './requests.service.js'
import { ownPublishedMeeting } from './schedule.service.js'

// The six-month follow-up of brokerage meetings: the daily job that asks each side of a held meeting
// once, and the answer. The date rules are in later-follow-up.ts.

const dayFormat = (locale: 'it' | 'en') => new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', dateStyle: 'long' })

/**
 * For the daily job: asks each side of every held, published meeting that started six calendar months
 * ago (Rome) or more, and was neither asked nor has answered, what came of it: an in-app notification
 * and an e-mail, both linking to the agenda. A side is marked asked in the same transaction, by a
 * conditional update, so running the job twice (or two at once) asks once. Returns the sides asked.
 */
export async function askLaterFollowUps(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('brokerage_meetings as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .select([
        'm.id',
        'm.event_id',
        'm.participant_a',
        'm.participant_b',
        'm.starts_at',
        'm.a_held',
        'm.b_held',
        'm.a_later_asked_at',
        'm.b_later_asked_at',
        'm.a_later_follow_up',
        'm.b_later_follow_up',
        'e.title_it',
        'e.title_en',
      ])
      .where('m.status', '=', 'scheduled')
      .where('m.published', '=', true)
      .where((eb) => eb.or([eb('m.a_held', '=', true), eb('m.b_held', '=', true)]))
      .where((eb) => eb.or([eb('m.a_later_asked_at', 'is', null), eb('m.b_later_asked_at', 'is', null)]))
      .where('m.starts_at', '<=', new Date(now.getTime() - laterFollowUpMinDays * 86_400_000))
      .orderBy('m.starts_at')
      .orderBy('m.id')
      .execute()
    const due = candidates
      .map((m) => ({
        meeting: m,
        sides: sidesToAsk(
          { startsAt: m.starts_at, aHeld: m.a_held, bHeld: m.b_held, aLaterAskedAt: m.a_later_asked_at, bLaterAskedAt: m.b_later_asked_at, aLaterFollowUp: m.a_later_follow_up, bLaterFollowUp: m.b_later_follow_up },
          now,
        ),
      }))
      .filter((entry) => entry.sides.length > 0)
    if (due.length === 0) return 0
    const participantIds = due.flatMap(({ meeting }) => [meeting.participant_a, meeting.participant_b])
    const people = await personRefs(trx, participantIds)
    const users = new Map(
      (
        await trx
          .selectFrom('brokerage_participants as p')
          .innerJoin('users as u', 'u.id', 'p.user_id')
          .select(['p.id', 'p.user_id', 'u.email', 'u.full_name', 'u.locale'])
          .where('p.id', 'in', [...new Set(participantIds)])
          .where('p.status', '=', 'confirmed')
          .execute()
      ).map((row) => [row.id, row]),
    )
    const base = publicUrl.replace(/\/$/, '')
    let asked = 0
    for (const { meeting, sides } of due) {
      for (const side of sides) {
        const mine = side === 'a' ? meeting.participant_a : meeting.participant_b
        const other = side === 'a' ? meeting.participant_b : meeting.participant_a
        const user = users.get(mine)
        if (!user) continue // no longer a confirmed participant: cannot answer, so is not asked
        if (!(await markAsked(trx, meeting.id, side, now))) continue
        const link = `/events/${meeting.event_id}/brokerage/agenda`
        const otherName = people.get(other)?.fullName ?? ''
        const event = { it: meeting.title_it, en: meeting.title_en || meeting.title_it }
        await notify(trx, [user.user_id], 'brokerage_later_follow_up', { event, name: otherName }, link)
        const values = { name: user.full_name, other: otherName, event: event[user.locale], date: dayFormat(user.locale).format(meeting.starts_at), link: `${base}${link}` }
        await trx
          .insertInto('outbox')
          .values({
            to_email: user.email,
            subject: translate(user.locale, 'mail.brokerage_later_follow_up.subject', values),
            body: translate(user.locale, 'mail.brokerage_later_follow_up.body', values),
          })
          .execute()
        asked += 1
      }
    }
    return asked
  })
}

/** Marks one side asked unless it already was (or has answered); true when this call marked it. */
async function markAsked(db: Db, meetingId: string, side: LaterSide, now: Date): Promise<boolean> {
  const query = db.updateTable('brokerage_meetings').where('id', '=', meetingId)
  const result =
    side === 'a'
      ? await query.set({ a_later_asked_at: now }).where('a_later_asked_at', 'is', null).where('a_later_follow_up', 'is', null).executeTakeFirst()
      : await query.set({ b_later_asked_at: now }).where('b_later_asked_at', 'is', null).where('b_later_follow_up', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * One side records, six months on, how the meeting went on: a confirmed participant, on their own
 * published meeting, once they were asked or six months (Rome calendar) after its start. They may
 * correct the answer later, as with the first follow-up.
 */
export async function recordLaterFollowUp(db: Db, someone: Actor, eventId: string, meetingId: string, followUp: FollowUp, now = new Date()): Promise<void> {
  const { actor, meeting, side } = await ownPublishedMeeting(db, someone, eventId, meetingId)
  const askedAt = side === 'a' ? meeting.a_later_asked_at : meeting.b_later_asked_at
  if (!mayAnswerLater(meeting.starts_at, askedAt, now)) throw new AppError('conflict', { messageKey: 'brokerage.error.later_not_due' })
  const changes = side === 'a' ? { a_later_follow_up: followUp, a_later_answered_at: now } : { b_later_follow_up: followUp, b_later_answered_at: now }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('brokerage_meetings').set({ ...changes, updated_at: now }).where('id', '=', meetingId).execute()
    await audit(trx, actor.userId, 'brokerage.meeting.later_follow_up', 'event', eventId, { meetingId, followUp })
  })
}
