import { toRomeLocal } from '../../../../src/platform/rome-time'
import type { BrokerageView, Role } from './types'

// The organiser's configuration form as strings a form can hold, and its conversion to the API's body.
// Times are Rome wall-clock ("2026-12-03T10:00"), as the event form writes them; the server checks the rules.

export type SessionDraft = { id?: string; day: string; start: string; end: string; breaks: string }
export type ConfigDraft = {
  registrationOpensAt: string
  registrationClosesAt: string
  bookingOpensAt: string
  bookingClosesAt: string
  sessions: SessionDraft[]
  meetingMinutes: string
  tables: string
  virtualRooms: string
  maxMeetings: string
  requestMode: 'opt_in' | 'opt_out'
  approval: boolean
  roles: Role[]
  /** Allowed pairs as "a|b" keys, with a ≤ b. */
  rolePairs: string[]
}

export type ConfigInput = {
  registrationOpensAt: string
  registrationClosesAt: string
  bookingOpensAt: string
  bookingClosesAt: string
  sessions: { id?: string; day: string; start: string; end: string; breaks: { start: string; end: string }[] }[]
  meetingMinutes: number
  tables: number
  virtualRooms: number
  maxMeetings: number
  requestMode: 'opt_in' | 'opt_out'
  approval: boolean
  roles: Role[]
  rolePairs: [string, string][]
}

export const pairKey = (a: string, b: string): string => (a <= b ? `${a}|${b}` : `${b}|${a}`)

/** Every unordered pair of roles, a role with itself included (research meets research). */
export function possiblePairs(roles: readonly Role[]): [string, string][] {
  const keys = roles.map((r) => r.key).filter(Boolean)
  return keys.flatMap((a, i) => keys.slice(i).map((b) => [a, b] as [string, string]))
}

export const formatBreaks = (breaks: readonly { start: string; end: string }[]): string => breaks.map((b) => `${b.start}-${b.end}`).join(', ')

/** "11:00-11:15, 13:00-14:00" into breaks; null when a part is not two HH:mm times. */
export function parseBreaks(text: string): { start: string; end: string }[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean)
  const breaks: { start: string; end: string }[] = []
  for (const part of parts) {
    const match = /^(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/.exec(part)
    if (!match) return null
    const [start, end] = [match[1], match[2]].map((time) => (time as string).replace('.', ':').padStart(5, '0')) as [string, string]
    breaks.push({ start, end })
  }
  return breaks
}

export const defaultRoles: Role[] = [
  { key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' },
  { key: 'seller', labelIt: 'Fornitore', labelEn: 'Seller' },
]

/** A sensible first configuration for an event: one session over the event's first day, 20-minute meetings. */
export function defaultDraft(event: { startsAt: string; endsAt: string }, now: Date = new Date()): ConfigDraft {
  const start = toRomeLocal(event.startsAt)
  const end = toRomeLocal(event.endsAt)
  const sameDay = start.slice(0, 10) === end.slice(0, 10)
  const dayBefore = toRomeLocal(new Date(new Date(event.startsAt).getTime() - 86_400_000))
  return {
    registrationOpensAt: toRomeLocal(now),
    registrationClosesAt: dayBefore,
    bookingOpensAt: toRomeLocal(now),
    bookingClosesAt: dayBefore,
    sessions: [{ day: start.slice(0, 10), start: start.slice(11), end: sameDay ? end.slice(11) : '18:00', breaks: '' }],
    meetingMinutes: '20',
    tables: '10',
    virtualRooms: '0',
    maxMeetings: '8',
    requestMode: 'opt_in',
    approval: false,
    roles: defaultRoles.map((role) => ({ ...role })),
    rolePairs: [pairKey('buyer', 'seller')],
  }
}

export function draftFromView(view: BrokerageView): ConfigDraft {
  return {
    registrationOpensAt: toRomeLocal(view.registrationOpensAt),
    registrationClosesAt: toRomeLocal(view.registrationClosesAt),
    bookingOpensAt: toRomeLocal(view.bookingOpensAt),
    bookingClosesAt: toRomeLocal(view.bookingClosesAt),
    sessions: view.sessions.map((s) => ({ id: s.id, day: s.day, start: s.start, end: s.end, breaks: formatBreaks(s.breaks) })),
    meetingMinutes: String(view.meetingMinutes),
    tables: String(view.tables),
    virtualRooms: String(view.virtualRooms),
    maxMeetings: String(view.maxMeetings),
    requestMode: view.requestMode,
    approval: view.approval,
    roles: view.roles.map((role) => ({ ...role })),
    rolePairs: view.rolePairs.map(([a, b]) => pairKey(a, b)),
  }
}

/** A whole number, or NaN for anything else: the server then names the field. */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

/**
 * The API body, or the field whose text the browser can already tell is malformed (a break list).
 * Pairs of roles no longer listed are dropped.
 */
export function toConfigInput(draft: ConfigDraft): { input: ConfigInput } | { field: string } {
  const sessions: ConfigInput['sessions'] = []
  for (const [index, session] of draft.sessions.entries()) {
    const breaks = parseBreaks(session.breaks)
    if (!breaks) return { field: `sessions.${index}.breaks` }
    sessions.push({ ...(session.id ? { id: session.id } : {}), day: session.day, start: session.start, end: session.end, breaks })
  }
  const keys = new Set(draft.roles.map((r) => r.key))
  const rolePairs = draft.rolePairs.map((key) => key.split('|') as [string, string]).filter(([a, b]) => keys.has(a) && keys.has(b))
  return {
    input: {
      registrationOpensAt: draft.registrationOpensAt,
      registrationClosesAt: draft.registrationClosesAt,
      bookingOpensAt: draft.bookingOpensAt,
      bookingClosesAt: draft.bookingClosesAt,
      sessions,
      meetingMinutes: wholeNumber(draft.meetingMinutes),
      tables: wholeNumber(draft.tables),
      virtualRooms: wholeNumber(draft.virtualRooms),
      maxMeetings: wholeNumber(draft.maxMeetings),
      requestMode: draft.requestMode,
      approval: draft.approval,
      roles: draft.roles,
      rolePairs,
    },
  }
}
