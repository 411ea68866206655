import { romeLocalToInstant } from '../../platform/rome-time.js'
import type { SessionConfig } from './brokerage.tables.js'

// Meeting slots follow from the sessions, the meeting length and the breaks: data in, data out.

export type Slot = {
  /** Chronological position among all slots of the event: the scheduler's slot index. */
  index: number
  sessionId: string
  /** Rome wall-clock times, "HH:mm". */
  day: string
  start: string
  end: string
  startsAt: Date
  endsAt: Date
}

export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return hours * 60 + minutes
}

export const timeOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/**
 * Back-to-back slots of `meetingMinutes` from each session's start; a slot never overlaps a break, and
 * after a break the next slot starts when the break ends. A tail shorter than a meeting is left unused.
 */
export function deriveSlots(sessions: readonly SessionConfig[], meetingMinutes: number): Slot[] {
  const local: Omit<Slot, 'index' | 'startsAt' | 'endsAt'>[] = []
  for (const session of sessions) {
    const end = minutesOf(session.end)
    const breaks = session.breaks.map((b) => ({ start: minutesOf(b.start), end: minutesOf(b.end) })).sort((x, y) => x.start - y.start)
    let cursor = minutesOf(session.start)
    while (cursor + meetingMinutes <= end) {
      const blocking = breaks.find((b) => cursor < b.end && cursor + meetingMinutes > b.start)
      if (blocking) {
        cursor = blocking.end
        continue
      }
      local.push({ sessionId: session.id, day: session.day, start: timeOf(cursor), end: timeOf(cursor + meetingMinutes) })
      cursor += meetingMinutes
    }
  }
  return local
    .map((slot) => ({
      ...slot,
      startsAt: romeLocalToInstant(`${slot.day}T${slot.start}`) as Date,
      endsAt: romeLocalToInstant(`${slot.day}T${slot.end}`) as Date,
    }))
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())
    .map((slot, index) => ({ ...slot, index }))
}

/** The key by which a stored meeting or a blocked slot refers to a slot: its start instant. */
export const slotKey = (instant: Date): string => instant.toISOString()
