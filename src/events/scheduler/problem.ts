import type { ScheduleInput, TableRef } from './types.js'

export class ScheduleInputError extends Error {
  override readonly name = 'ScheduleInputError'
}

export type LockedMeeting = { readonly a: number; readonly b: number; readonly slot: number; readonly table: TableRef }

/** Index-based form of a ScheduleInput; participants, slots and open requests are dense integers. */
export type Problem = {
  readonly input: ScheduleInput
  readonly slots: number
  readonly people: number
  readonly ids: readonly string[]
  readonly tables: number
  readonly rooms: number
  /** Meetings per slot: physical tables plus video rooms. */
  readonly slotCapacity: number
  /** Per participant: their cap, at most `slots`. */
  readonly cap: Int32Array
  /** avail[p * slots + s] = 1 when p declared slot s available. */
  readonly avail: Uint8Array
  readonly sessionOf: Int32Array
  /** Slots of each session in ascending order. */
  readonly sessionSlots: readonly Int32Array[]
  /** Open requests: those not already held by a locked meeting. */
  readonly reqA: Int32Array
  readonly reqB: Int32Array
  /** Index of each open request in input.requests. */
  readonly reqInput: Int32Array
  /** Per open request: ascending slots where both are available and neither has a locked meeting. */
  readonly common: readonly Int32Array[]
  readonly locked: readonly LockedMeeting[]
  readonly lockedBusy: Uint8Array
  readonly lockedLoad: Int32Array
  readonly lockedCount: Int32Array
  /** Open requests per participant. */
  readonly requestsOf: readonly Int32Array[]
}

const isInt = (n: number): boolean => Number.isInteger(n)

export const pairKey = (a: number, b: number): number => (a < b ? a * 0x200000 + b : b * 0x200000 + a)

/** Validates the input and builds the index form. Throws ScheduleInputError on inconsistent input. */
export function buildProblem(input: ScheduleInput): Problem {
  const fail = (message: string): never => {
    throw new ScheduleInputError(message)
  }
  const S = input.slots
  if (!isInt(S) || S < 1) fail(`slots must be a positive integer, got ${S}`)
  if (!isInt(input.tables) || input.tables < 0) fail(`tables must be a non-negative integer, got ${input.tables}`)
  const rooms = input.virtualRooms ?? 0
  if (!isInt(rooms) || rooms < 0) fail(`virtualRooms must be a non-negative integer, got ${rooms}`)
  if (input.cap !== undefined && (!isInt(input.cap) || input.cap < 0)) fail(`cap must be a non-negative integer, got ${input.cap}`)

  const sessionOf = new Int32Array(S).fill(-1)
  const sessionSlots: Int32Array[] = []
  const sessions = input.sessions ?? [Array.from({ length: S }, (_, s) => s)]
  sessions.forEach((session, k) => {
    for (const s of session) {
      if (!isInt(s) || s < 0 || s >= S) fail(`session ${k} has slot ${s} outside 0..${S - 1}`)
      if (sessionOf[s] !== -1) fail(`slot ${s} belongs to more than one session`)
      sessionOf[s] = k
    }
    sessionSlots.push(Int32Array.from(session).sort())
  })
  for (let s = 0; s < S; s++) if (sessionOf[s] === -1) fail(`slot ${s} belongs to no session`)

  const P = input.participants.length
  const index = new Map<string, number>()
  const ids: string[] = []
  const cap = new Int32Array(P)
  const avail = new Uint8Array(P * S)
  input.participants.forEach((person, p) => {
    if (index.has(person.id)) fail(`participant ${person.id} appears twice`)
    index.set(person.id, p)
    ids.push(person.id)
    const own = person.cap ?? input.cap ?? S
    if (!isInt(own) || own < 0) fail(`participant ${person.id} has invalid cap ${own}`)
    cap[p] = Math.min(own, S)
    for (const s of person.available) {
      if (!isInt(s) || s < 0 || s >= S) fail(`participant ${person.id} is available in slot ${s} outside 0..${S - 1}`)
      avail[p * S + s] = 1
    }
  })
  const person = (id: string, where: string): number => index.get(id) ?? fail(`${where}: unknown participant ${id}`)

  const lockedBusy = new Uint8Array(P * S)
  const lockedLoad = new Int32Array(S)
  const lockedCount = new Int32Array(P)
  const lockedPairs = new Set<number>()
  const tablesUsed = new Set<string>()
  const locked: LockedMeeting[] = []
  for (const m of input.locked ?? []) {
    const where = `locked meeting ${m.a}–${m.b} in slot ${m.slot}`
    const a = person(m.a, where)
    const b = person(m.b, where)
    if (a === b) fail(`${where}: a participant cannot meet themselves`)
    if (!isInt(m.slot) || m.slot < 0 || m.slot >= S) fail(`${where}: slot outside 0..${S - 1}`)
    if (typeof m.table === 'number') {
      if (!isInt(m.table) || m.table < 0 || m.table >= input.tables) fail(`${where}: table ${m.table} outside 0..${input.tables - 1}`)
    } else {
      const room = Number(m.table.slice('virtual:'.length))
      if (!m.table.startsWith('virtual:') || !isInt(room) || room < 0 || room >= rooms) fail(`${where}: invalid virtual room ${m.table}`)
    }
    const tableKey = `${m.slot}/${m.table}`
    if (tablesUsed.has(tableKey)) fail(`${where}: table ${m.table} is already used in that slot`)
    tablesUsed.add(tableKey)
    for (const p of [a, b]) {
      if (lockedBusy[p * S + m.slot] === 1) fail(`${where}: ${ids[p]} has another locked meeting in that slot`)
      lockedBusy[p * S + m.slot] = 1
      lockedCount[p]!++
    }
    const key = pairKey(a, b)
    if (lockedPairs.has(key)) fail(`${where}: the pair already has a locked meeting`)
    lockedPairs.add(key)
    lockedLoad[m.slot]!++
    locked.push({ a, b, slot: m.slot, table: m.table })
  }

  const seen = new Set<number>()
  const reqA: number[] = []
  const reqB: number[] = []
  const reqInput: number[] = []
  input.requests.forEach(([idA, idB], i) => {
    const where = `request ${i} (${idA}–${idB})`
    const a = person(idA, where)
    const b = person(idB, where)
    if (a === b) fail(`${where}: a participant cannot meet themselves`)
    const key = pairKey(a, b)
    if (seen.has(key)) fail(`${where}: the pair is requested twice`)
    seen.add(key)
    if (lockedPairs.has(key)) return
    reqA.push(a)
    reqB.push(b)
    reqInput.push(i)
  })

  const R = reqA.length
  const common: Int32Array[] = []
  const perPerson: number[][] = Array.from({ length: P }, () => [])
  const open = (p: number, s: number): boolean => avail[p * S + s] === 1 && lockedBusy[p * S + s] === 0
  for (let r = 0; r < R; r++) {
    const a = reqA[r]!
    const b = reqB[r]!
    const slots: number[] = []
    for (let s = 0; s < S; s++) if (open(a, s) && open(b, s)) slots.push(s)
    common.push(Int32Array.from(slots))
    perPerson[a]!.push(r)
    perPerson[b]!.push(r)
  }

  return {
    input,
    slots: S,
    people: P,
    ids,
    tables: input.tables,
    rooms,
    slotCapacity: input.tables + rooms,
    cap,
    avail,
    sessionOf,
    sessionSlots,
    reqA: Int32Array.from(reqA),
    reqB: Int32Array.from(reqB),
    reqInput: Int32Array.from(reqInput),
    common,
    locked,
    lockedBusy,
    lockedLoad,
    lockedCount,
    requestsOf: perPerson.map((list) => Int32Array.from(list)),
  }
}
