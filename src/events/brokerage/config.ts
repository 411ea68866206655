import { romeLocalToInstant } from '../../platform/rome-time.js'
import type { RoleConfig, SessionConfig } from './brokerage.tables.js'
import { deriveSlots, minutesOf } from './slots.js'

// The rules a brokerage configuration must satisfy, as one pure check: the first problem found, with the
// field it concerns, or null. The service turns a problem into a 400 naming the field.

export type ConfigDraft = {
  registrationOpensAt: Date
  registrationClosesAt: Date
  bookingOpensAt: Date
  bookingClosesAt: Date
  sessions: SessionConfig[]
  meetingMinutes: number
  tables: number
  virtualRooms: number
  roles: RoleConfig[]
  rolePairs: [string, string][]
}

export type ConfigProblem = { field: string; messageKey: string; params?: Record<string, string | number> }

export function configProblem(config: ConfigDraft, event: { startsAt: Date; endsAt: Date }): ConfigProblem | null {
  if (config.registrationClosesAt <= config.registrationOpensAt) return { field: 'registrationClosesAt', messageKey: 'validation.brokerage.window_order' }
  if (config.bookingClosesAt <= config.bookingOpensAt) return { field: 'bookingClosesAt', messageKey: 'validation.brokerage.window_order' }
  if (config.tables + config.virtualRooms < 1) return { field: 'tables', messageKey: 'validation.brokerage.no_tables' }
  const sessionProblem = sessionsProblem(config.sessions, event)
  if (sessionProblem) return sessionProblem
  const slots = deriveSlots(config.sessions, config.meetingMinutes)
  if (slots.length === 0) return { field: 'meetingMinutes', messageKey: 'validation.brokerage.no_slots' }
  if (config.bookingClosesAt > (slots[0] as { startsAt: Date }).startsAt) return { field: 'bookingClosesAt', messageKey: 'validation.brokerage.booking_after_start' }
  return rolesProblem(config.roles, config.rolePairs)
}

function sessionsProblem(sessions: readonly SessionConfig[], event: { startsAt: Date; endsAt: Date }): ConfigProblem | null {
  const ids = new Set<string>()
  const intervals: { start: number; end: number; index: number }[] = []
  for (const [index, session] of sessions.entries()) {
    const field = `sessions.${index}`
    if (ids.has(session.id)) return { field: `${field}.id`, messageKey: 'validation.brokerage.duplicate_session' }
    ids.add(session.id)
    const start = romeLocalToInstant(`${session.day}T${session.start}`)
    const end = romeLocalToInstant(`${session.day}T${session.end}`)
    if (!start || !end) return { field: `${field}.day`, messageKey: 'validation.invalid_value' }
    if (end <= start) return { field: `${field}.end`, messageKey: 'validation.events.ends_before_start' }
    if (start < event.startsAt || end > event.endsAt) return { field: `${field}.day`, messageKey: 'validation.brokerage.session_outside_event' }
    for (const [breakIndex, pause] of session.breaks.entries()) {
      const from = minutesOf(pause.start)
      const to = minutesOf(pause.end)
      if (to <= from || from < minutesOf(session.start) || to > minutesOf(session.end)) {
        return { field: `${field}.breaks.${breakIndex}`, messageKey: 'validation.brokerage.break_outside_session' }
      }
    }
    intervals.push({ start: start.getTime(), end: end.getTime(), index })
  }
  intervals.sort((x, y) => x.start - y.start)
  for (let i = 1; i < intervals.length; i += 1) {
    const current = intervals[i] as { start: number; index: number }
    if (current.start < (intervals[i - 1] as { end: number }).end) return { field: `sessions.${current.index}.start`, messageKey: 'validation.brokerage.sessions_overlap' }
  }
  return null
}

function rolesProblem(roles: readonly RoleConfig[], pairs: readonly [string, string][]): ConfigProblem | null {
  const keys = new Set<string>()
  for (const [index, role] of roles.entries()) {
    if (keys.has(role.key)) return { field: `roles.${index}.key`, messageKey: 'validation.brokerage.duplicate_role' }
    keys.add(role.key)
  }
  for (const [index, pair] of pairs.entries()) {
    const unknown = pair.find((key) => !keys.has(key))
    if (unknown !== undefined) return { field: `rolePairs.${index}`, messageKey: 'validation.brokerage.unknown_role', params: { role: unknown } }
  }
  return null
}

/** Role pairs are unordered: [buyer, seller] also allows a seller to ask a buyer. */
export function rolesMayMeet(pairs: readonly (readonly [string, string])[], first: string, second: string): boolean {
  return pairs.some(([x, y]) => (x === first && y === second) || (x === second && y === first))
}
