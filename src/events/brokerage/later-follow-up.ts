import { romeLocalToInstant, toRomeLocal } from '../../platform/rome-time.js'
import type { FollowUp } from '../event-terms.js'

// The six-month follow-up of a brokerage meeting, as pure date rules: when a side is due to be asked
// again, and when it may answer.

export const laterFollowUpMonths = 6

const pad = (value: number): string => String(value).padStart(2, '0')

/**
 * The instant `months` calendar months after `startsAt`, on Rome's wall clock: a meeting at 10:00 on
 * 15 March is due at 10:00 on 15 September (summer time or not). A day the target month lacks falls
 * back to its last day (31 August → 28 or 29 February).
 */
export function laterFollowUpDueAt(startsAt: Date, months = laterFollowUpMonths): Date {
  const local = toRomeLocal(startsAt)
  const [year, month, day] = local.slice(0, 10).split('-').map(Number) as [number, number, number]
  const total = year * 12 + (month - 1) + months
  const targetYear = Math.floor(total / 12)
  const targetMonth = (total % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  const text = `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}T${local.slice(11, 16)}`
  return romeLocalToInstant(text) as Date
}

/** Six calendar months have passed since the meeting started. */
export function isLaterFollowUpDue(startsAt: Date, now: Date): boolean {
  return now.getTime() >= laterFollowUpDueAt(startsAt).getTime()
}

/** A safe lower bound for a database pre-filter: six calendar months are never shorter than 181 days (less an hour of summer time). */
export const laterFollowUpMinDays = 180

export type LaterSide = 'a' | 'b'
export type LaterFollowUpState = {
  startsAt: Date
  aHeld: boolean | null
  bHeld: boolean | null
  aLaterAskedAt: Date | null
  bLaterAskedAt: Date | null
  aLaterFollowUp: FollowUp | null
  bLaterFollowUp: FollowUp | null
}

/**
 * The sides to ask now: the meeting was held (either side said so), it started six calendar months
 * ago or more, and the side has neither been asked nor answered already.
 */
export function sidesToAsk(meeting: LaterFollowUpState, now: Date): LaterSide[] {
  if (meeting.aHeld !== true && meeting.bHeld !== true) return []
  if (!isLaterFollowUpDue(meeting.startsAt, now)) return []
  const sides: LaterSide[] = []
  if (meeting.aLaterAskedAt === null && meeting.aLaterFollowUp === null) sides.push('a')
  if (meeting.bLaterAskedAt === null && meeting.bLaterFollowUp === null) sides.push('b')
  return sides
}

/** A side may record its six-month status once it has been asked, or once six months have passed anyway. */
export function mayAnswerLater(startsAt: Date, askedAt: Date | null, now: Date): boolean {
  return askedAt !== null || isLaterFollowUpDue(startsAt, now)
}
