import type { Meeting, ScheduleInput, ScheduleResult, TableRef } from '../scheduler/index.js'
import { slotKey, type Slot } from './slots.js'

// Between the database and the pure scheduler: the event's state as a ScheduleInput (published meetings
// pinned through the scheduler's own `locked`), the result back as timed meetings, and the checks of a
// meeting moved by hand.

export type PlanParticipant = { id: string; availableSessions: readonly string[]; blockedSlots: readonly string[] }
export type PlannedMeeting = { id: string; a: string; b: string; slot: number; table: TableRef }

export type Plan = {
  slots: readonly Slot[]
  tables: number
  virtualRooms: number
  cap: number
  participants: readonly PlanParticipant[]
  /** Accepted requests, as unordered pairs of participant ids. */
  requests: readonly (readonly [string, string])[]
  /** Published meetings: they keep their slot and table. */
  pinned: readonly Omit<PlannedMeeting, 'id'>[]
}

/** The slots a participant can meet in: those of the sessions they attend, minus the ones kept for talks. */
export function availableSlots(slots: readonly Slot[], participant: PlanParticipant): number[] {
  const sessions = new Set(participant.availableSessions)
  const blocked = new Set(participant.blockedSlots)
  return slots.filter((slot) => sessions.has(slot.sessionId) && !blocked.has(slotKey(slot.startsAt))).map((slot) => slot.index)
}

export function toScheduleInput(plan: Plan): ScheduleInput {
  const sessions = new Map<string, number[]>()
  for (const slot of plan.slots) sessions.set(slot.sessionId, [...(sessions.get(slot.sessionId) ?? []), slot.index])
  const known = new Set(plan.participants.map((p) => p.id))
  return {
    slots: plan.slots.length,
    tables: plan.tables,
    virtualRooms: plan.virtualRooms,
    sessions: [...sessions.values()],
    cap: plan.cap,
    participants: plan.participants.map((p) => ({ id: p.id, available: availableSlots(plan.slots, p) })),
    requests: plan.requests.filter(([a, b]) => known.has(a) && known.has(b)),
    locked: plan.pinned.map((m) => ({ a: m.a, b: m.b, slot: m.slot, table: m.table })),
  }
}

export type TimedMeeting = { a: string; b: string; slot: Slot; tableNumber: number | null; virtualRoom: number | null }

export function tableColumns(table: TableRef): { tableNumber: number | null; virtualRoom: number | null } {
  return typeof table === 'number' ? { tableNumber: table, virtualRoom: null } : { tableNumber: null, virtualRoom: Number(table.slice('virtual:'.length)) }
}

export function tableRefOf(row: { table_number: number | null; virtual_room: number | null }): TableRef {
  return row.table_number !== null ? row.table_number : `virtual:${row.virtual_room ?? 0}`
}

/** The meetings of a result that are not pinned ones, with their times. */
export function newMeetings(plan: Plan, result: ScheduleResult): TimedMeeting[] {
  const pinned = new Set(plan.pinned.map((m) => `${m.slot}/${String(m.table)}`))
  return result.meetings
    .filter((m: Meeting) => !pinned.has(`${m.slot}/${String(m.table)}`))
    .map((m) => ({ a: m.a, b: m.b, slot: plan.slots[m.slot] as Slot, ...tableColumns(m.table) }))
}

export type MoveProblem = 'unknown_slot' | 'unknown_table' | 'table_taken' | 'clash' | 'unavailable'

/** Why `meetingId` cannot go to `slot` at `table`, or null when it can. */
export function moveProblem(plan: Plan, meetings: readonly PlannedMeeting[], meetingId: string, slot: number, table: TableRef): MoveProblem | null {
  if (!Number.isInteger(slot) || slot < 0 || slot >= plan.slots.length) return 'unknown_slot'
  const room = typeof table === 'number' ? table : Number(table.slice('virtual:'.length))
  const limit = typeof table === 'number' ? plan.tables : plan.virtualRooms
  if (!Number.isInteger(room) || room < 0 || room >= limit) return 'unknown_table'
  const moving = meetings.find((m) => m.id === meetingId)
  if (!moving) return 'unknown_slot'
  const others = meetings.filter((m) => m.id !== meetingId && m.slot === slot)
  if (others.some((m) => String(m.table) === String(table))) return 'table_taken'
  if (others.some((m) => [m.a, m.b].includes(moving.a) || [m.a, m.b].includes(moving.b))) return 'clash'
  for (const id of [moving.a, moving.b]) {
    const person = plan.participants.find((p) => p.id === id)
    if (!person || !availableSlots(plan.slots, person).includes(slot)) return 'unavailable'
  }
  return null
}

/** Every (slot, table) the meeting could be moved to, for the organiser's picker. */
export function moveOptions(plan: Plan, meetings: readonly PlannedMeeting[], meetingId: string): { slot: number; tables: TableRef[] }[] {
  const allTables: TableRef[] = [
    ...Array.from({ length: plan.tables }, (_, i) => i),
    ...Array.from({ length: plan.virtualRooms }, (_, i) => `virtual:${i}` as const),
  ]
  return plan.slots
    .map((slot) => ({ slot: slot.index, tables: allTables.filter((table) => moveProblem(plan, meetings, meetingId, slot.index, table) === null) }))
    .filter((option) => option.tables.length > 0)
}
