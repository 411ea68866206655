import type { Problem } from './problem.js'
import type { Meeting, ScheduleResult, SchedulerAlgorithm, TableRef, UnscheduledRequest, UpperBound } from './types.js'

export const FREE = -1
export const UNAVAILABLE = -2
export const LOCKED = -3

/** Mutable assignment of open requests to slots, with the occupancy indexes the algorithms need. */
export type State = {
  /** Slot of each open request, -1 when unscheduled. */
  readonly slotOf: Int32Array
  /** occ[p * S + s]: the open request p meets in s, or FREE / UNAVAILABLE / LOCKED. */
  readonly occ: Int32Array
  readonly load: Int32Array
  readonly count: Int32Array
}

export function createState(problem: Problem): State {
  const { slots: S, people: P } = problem
  const occ = new Int32Array(P * S)
  for (let i = 0; i < P * S; i++) occ[i] = problem.lockedBusy[i] === 1 ? LOCKED : problem.avail[i] === 1 ? FREE : UNAVAILABLE
  return {
    slotOf: new Int32Array(problem.reqA.length).fill(-1),
    occ,
    load: Int32Array.from(problem.lockedLoad),
    count: Int32Array.from(problem.lockedCount),
  }
}

export function canPlace(problem: Problem, state: State, r: number, s: number): boolean {
  const S = problem.slots
  const a = problem.reqA[r]!
  const b = problem.reqB[r]!
  return (
    state.occ[a * S + s] === FREE &&
    state.occ[b * S + s] === FREE &&
    state.load[s]! < problem.slotCapacity &&
    state.count[a]! < problem.cap[a]! &&
    state.count[b]! < problem.cap[b]!
  )
}

export function place(problem: Problem, state: State, r: number, s: number): void {
  const S = problem.slots
  const a = problem.reqA[r]!
  const b = problem.reqB[r]!
  state.slotOf[r] = s
  state.occ[a * S + s] = r
  state.occ[b * S + s] = r
  state.load[s]!++
  state.count[a]!++
  state.count[b]!++
}

export function unplace(problem: Problem, state: State, r: number): void {
  const S = problem.slots
  const s = state.slotOf[r]!
  const a = problem.reqA[r]!
  const b = problem.reqB[r]!
  state.slotOf[r] = -1
  state.occ[a * S + s] = FREE
  state.occ[b * S + s] = FREE
  state.load[s]!--
  state.count[a]!--
  state.count[b]!--
}

/** Idle slots of p in one session: free available slots strictly between their first and last meeting. */
export function sessionIdle(problem: Problem, occ: Int32Array, p: number, session: number): number {
  const S = problem.slots
  const slots = problem.sessionSlots[session]!
  let seenMeeting = false
  let pending = 0
  let idle = 0
  for (let i = 0; i < slots.length; i++) {
    const o = occ[p * S + slots[i]!]!
    if (o >= 0 || o === LOCKED) {
      if (seenMeeting) idle += pending
      seenMeeting = true
      pending = 0
    } else if (o === FREE && seenMeeting) pending++
  }
  return idle
}

export function personIdle(problem: Problem, occ: Int32Array, p: number): number {
  let idle = 0
  for (let k = 0; k < problem.sessionSlots.length; k++) idle += sessionIdle(problem, occ, p, k)
  return idle
}

export function totalIdle(problem: Problem, occ: Int32Array): number {
  let idle = 0
  for (let p = 0; p < problem.people; p++) idle += personIdle(problem, occ, p)
  return idle
}

export function scheduledCount(state: State): number {
  let n = 0
  for (const s of state.slotOf) if (s >= 0) n++
  return n
}

const tableOrder = (t: TableRef): number => (typeof t === 'number' ? t : 1e9 + Number(t.slice('virtual:'.length)))

/** Turns a state into the public result: tables assigned, meetings sorted, unscheduled requests explained. */
export function toResult(
  problem: Problem,
  state: State,
  algorithm: SchedulerAlgorithm,
  upperBound: UpperBound,
  optimalCount: boolean,
): ScheduleResult {
  const { ids, slots: S, tables, rooms } = problem
  const used: Set<TableRef>[] = Array.from({ length: S }, () => new Set<TableRef>())
  const meetings: Meeting[] = problem.locked.map((m) => {
    used[m.slot]!.add(m.table)
    return { a: ids[m.a]!, b: ids[m.b]!, slot: m.slot, table: m.table }
  })
  const nextTable = new Int32Array(S)
  const nextRoom = new Int32Array(S)
  const R = problem.reqA.length
  for (let r = 0; r < R; r++) {
    const s = state.slotOf[r]!
    if (s < 0) continue
    const taken = used[s]!
    while (nextTable[s]! < tables && taken.has(nextTable[s]!)) nextTable[s]!++
    let table: TableRef
    if (nextTable[s]! < tables) {
      table = nextTable[s]!
      nextTable[s]!++
    } else {
      while (nextRoom[s]! < rooms && taken.has(`virtual:${nextRoom[s]!}`)) nextRoom[s]!++
      table = `virtual:${nextRoom[s]!}`
      nextRoom[s]!++
    }
    const [x, y] = orderedPair(problem, r)
    meetings.push({ a: x, b: y, slot: s, table })
  }
  meetings.sort((m, n) => m.slot - n.slot || tableOrder(m.table) - tableOrder(n.table))

  const unscheduled: UnscheduledRequest[] = []
  for (let r = 0; r < R; r++) {
    if (state.slotOf[r]! >= 0) continue
    const a = problem.reqA[r]!
    const b = problem.reqB[r]!
    const [x, y] = orderedPair(problem, r)
    if (problem.common[r]!.length === 0) unscheduled.push({ a: x, b: y, reason: 'no-common-slot' })
    else if (state.count[a]! >= problem.cap[a]!) unscheduled.push({ a: x, b: y, reason: 'participant-cap', participant: ids[a]! })
    else if (state.count[b]! >= problem.cap[b]!) unscheduled.push({ a: x, b: y, reason: 'participant-cap', participant: ids[b]! })
    else if (!hasFreeSlot(problem, state, a)) unscheduled.push({ a: x, b: y, reason: 'participant-full', participant: ids[a]! })
    else if (!hasFreeSlot(problem, state, b)) unscheduled.push({ a: x, b: y, reason: 'participant-full', participant: ids[b]! })
    else unscheduled.push({ a: x, b: y, reason: 'no-free-common-slot' })
  }
  const count = meetings.length
  return {
    meetings,
    unscheduled,
    stats: {
      meetings: count,
      locked: problem.locked.length,
      idleGaps: totalIdle(problem, state.occ),
      upperBound,
      algorithm,
      maxMeetingsProven: optimalCount || count >= upperBound.value,
    },
  }
}

function hasFreeSlot(problem: Problem, state: State, p: number): boolean {
  for (let s = 0; s < problem.slots; s++) if (state.occ[p * problem.slots + s] === FREE) return true
  return false
}

/** The request's ids in the order the input gave them. */
function orderedPair(problem: Problem, r: number): readonly [string, string] {
  const request = problem.input.requests[problem.reqInput[r]!]!
  return [request[0], request[1]]
}
