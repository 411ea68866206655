import { flowBound } from './bound.js'
import { mipVariableCount, solveExact } from './exact.js'
import { compactState, heuristicState } from './heuristic.js'
import { buildProblem, pairKey } from './problem.js'
import { scheduledCount, toResult, totalIdle, type State } from './state.js'
import type { Meeting, ScheduleInput, ScheduleOptions, ScheduleResult, ScheduleViolation, UpperBound } from './types.js'

export type * from './types.js'
export { ScheduleInputError } from './problem.js'
export { firstFitSchedule } from './greedy.js'
export { parseScheduleInstance, scheduleInstanceSchema, type ScheduleInstance } from './instance.js'

export const defaultMipMaxVariables = 400
export const defaultMipMaxNodes = 500

/**
 * Schedules the accepted requests: maximum meetings first, then fewest idle slots. Small models are solved
 * with the HiGHS MIP (and compared with the heuristic), large ones with the heuristic alone. Deterministic.
 */
export async function scheduleMeetings(input: ScheduleInput, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  const problem = buildProblem(input)
  const { bound, requestFlow } = flowBound(problem)
  const heuristic = heuristicState(problem, requestFlow, bound.value - problem.locked.length)
  const mode = options.algorithm ?? 'auto'
  const useMip =
    mode === 'exact' || (mode === 'auto' && mipVariableCount(problem) <= (options.mipMaxVariables ?? defaultMipMaxVariables))
  const atBound = scheduledCount(heuristic) + problem.locked.length >= bound.value
  if (!useMip || (mode === 'auto' && atBound && totalIdle(problem, heuristic.occ) === 0)) {
    return toResult(problem, heuristic, 'heuristic', bound, false)
  }
  const exact = await solveExact(problem, options.mipMaxNodes ?? defaultMipMaxNodes, atBound ? heuristic : undefined)
  if (!exact) return toResult(problem, heuristic, 'heuristic', bound, false)
  const polished = compactState(problem, exact.state)
  const exactWins = better(problem, polished, heuristic)
  const chosen = exactWins ? polished : heuristic
  const proven = exact.countOptimal && scheduledCount(chosen) >= scheduledCount(exact.state)
  return toResult(problem, chosen, exactWins ? 'exact-mip' : 'heuristic', bound, proven)
}

/** The heuristic engine alone, synchronously (no solver): for large events or callers that cannot await. */
export function scheduleMeetingsHeuristic(input: ScheduleInput): ScheduleResult {
  const problem = buildProblem(input)
  const { bound, requestFlow } = flowBound(problem)
  return toResult(problem, heuristicState(problem, requestFlow, bound.value - problem.locked.length), 'heuristic', bound, false)
}

/** An upper bound on the meetings of any valid schedule of this input (locked meetings included). */
export function computeUpperBound(input: ScheduleInput): UpperBound {
  return flowBound(buildProblem(input)).bound
}

/** True when `x` beats `y` lexicographically: more meetings, then fewer idle slots (ties keep `y`). */
function better(problem: ReturnType<typeof buildProblem>, x: State, y: State): boolean {
  const dx = scheduledCount(x) - scheduledCount(y)
  if (dx !== 0) return dx > 0
  return totalIdle(problem, x.occ) < totalIdle(problem, y.occ)
}

/** Idle slots (available, no meeting) between two meetings of a person within a session, summed and per person. */
export function countIdleGaps(input: ScheduleInput, meetings: readonly Meeting[]): { total: number; perPerson: number } {
  const sessions = input.sessions ?? [Array.from({ length: input.slots }, (_, s) => s)]
  const busy = new Map<string, Set<number>>()
  for (const m of meetings) for (const id of [m.a, m.b]) (busy.get(id) ?? busy.set(id, new Set()).get(id)!).add(m.slot)
  let total = 0
  for (const person of input.participants) {
    const mine = busy.get(person.id)
    if (!mine) continue
    const available = new Set(person.available)
    for (const session of sessions) {
      const ordered = [...session].sort((u, v) => u - v)
      const used = ordered.filter((s) => mine.has(s))
      if (used.length < 2) continue
      const first = used[0]!
      const last = used[used.length - 1]!
      total += ordered.filter((s) => s > first && s < last && !mine.has(s) && available.has(s)).length
    }
  }
  return { total, perPerson: input.participants.length === 0 ? 0 : total / input.participants.length }
}

/** Every hard-constraint violation of `meetings` against `input`; empty for a valid schedule. */
export function checkSchedule(input: ScheduleInput, meetings: readonly Meeting[]): ScheduleViolation[] {
  const violations: ScheduleViolation[] = []
  const report = (kind: ScheduleViolation['kind'], message: string): void => void violations.push({ kind, message })
  const people = new Map(input.participants.map((p) => [p.id, p]))
  const index = new Map(input.participants.map((p, i) => [p.id, i]))
  const key = (a: string, b: string): number => pairKey(index.get(a) ?? -1, index.get(b) ?? -1)
  const requested = new Set(input.requests.map(([a, b]) => key(a, b)))
  const lockedAt = new Map((input.locked ?? []).map((m) => [key(m.a, m.b), m]))
  const seenPairs = new Set<number>()
  const personSlot = new Set<string>()
  const tableSlot = new Set<string>()
  const load = new Map<number, number>()
  const count = new Map<string, number>()
  for (const m of meetings) {
    const label = `${m.a}–${m.b} in slot ${m.slot}`
    if (!people.has(m.a) || !people.has(m.b) || m.a === m.b) {
      report('unknown-request', `${label}: unknown or identical participants`)
      continue
    }
    const k = key(m.a, m.b)
    const lock = lockedAt.get(k)
    if (!requested.has(k) && !lock) report('unknown-request', `${label}: not an accepted request`)
    if (seenPairs.has(k)) report('duplicate', `${label}: the pair meets twice`)
    seenPairs.add(k)
    if (lock && (lock.slot !== m.slot || lock.table !== m.table)) report('locked-moved', `${label}: locked in slot ${lock.slot} table ${lock.table}`)
    for (const id of [m.a, m.b]) {
      if (personSlot.has(`${id}@${m.slot}`)) report('clash', `${label}: ${id} has two meetings in the slot`)
      personSlot.add(`${id}@${m.slot}`)
      if (!lock && !people.get(id)!.available.includes(m.slot)) report('unavailable', `${label}: ${id} is not available`)
      count.set(id, (count.get(id) ?? 0) + 1)
    }
    const virtual = typeof m.table === 'string'
    const room = virtual ? Number(String(m.table).slice('virtual:'.length)) : m.table
    const limit = virtual ? (input.virtualRooms ?? 0) : input.tables
    if (!Number.isInteger(room) || (room as number) < 0 || (room as number) >= limit) report('table', `${label}: table ${m.table} does not exist`)
    if (tableSlot.has(`${m.slot}/${m.table}`)) report('table', `${label}: table ${m.table} is used twice`)
    tableSlot.add(`${m.slot}/${m.table}`)
    load.set(m.slot, (load.get(m.slot) ?? 0) + 1)
  }
  for (const [slot, n] of load) {
    if (n > input.tables + (input.virtualRooms ?? 0)) report('capacity', `slot ${slot}: ${n} meetings exceed the capacity`)
  }
  for (const person of input.participants) {
    const cap = person.cap ?? input.cap
    const n = count.get(person.id) ?? 0
    if (cap !== undefined && n > cap) report('cap', `${person.id}: ${n} meetings exceed the cap of ${cap}`)
  }
  for (const m of input.locked ?? []) {
    if (!seenPairs.has(key(m.a, m.b))) report('locked-moved', `locked meeting ${m.a}–${m.b} is missing`)
  }
  return violations
}
