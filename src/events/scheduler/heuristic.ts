import type { Problem } from './problem.js'
import { seededRandom } from './generate.js'
import { createState, FREE, place, scheduledCount, sessionIdle, unplace, type State } from './state.js'

/** Weight of one idle slot against the construction's "slot pressure" cost; count comes first. */
const IDLE_WEIGHT = 0.05
/** Tabu iterations per open request; an iteration count rather than a time limit keeps runs deterministic. */
const TABU_ITERATIONS_PER_REQUEST = 25
const TABU_MAX_ITERATIONS = 400_000
const GAP_PASSES = 12

/** Binary min-heap of numeric keys. */
class MinHeap {
  private data: number[] = []
  get size(): number {
    return this.data.length
  }
  push(key: number): void {
    const d = this.data
    d.push(key)
    let i = d.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (d[parent]! <= key) break
      d[i] = d[parent]!
      i = parent
    }
    d[i] = key
  }
  pop(): number {
    const d = this.data
    const top = d[0]!
    const last = d.pop()!
    if (d.length > 0) {
      let i = 0
      const n = d.length
      for (;;) {
        let child = 2 * i + 1
        if (child >= n) break
        if (child + 1 < n && d[child + 1]! < d[child]!) child++
        if (d[child]! >= last) break
        d[i] = d[child]!
        i = child
      }
      d[i] = last
    }
    return top
  }
}

/** Engine state plus per-slot member lists, needed to free a table in a full slot. */
type Engine = {
  readonly problem: Problem
  readonly state: State
  readonly members: Int32Array[]
  readonly memberCount: Int32Array
  readonly memberPos: Int32Array
}

function moveTo(engine: Engine, r: number, to: number): void {
  const { problem, state, members, memberCount, memberPos } = engine
  const from = state.slotOf[r]!
  if (from >= 0) {
    unplace(problem, state, r)
    const list = members[from]!
    const last = --memberCount[from]!
    const moved = list[last]!
    list[memberPos[r]!] = moved
    memberPos[moved] = memberPos[r]!
  }
  if (to >= 0) {
    place(problem, state, r, to)
    memberPos[r] = memberCount[to]!
    members[to]![memberCount[to]!++] = r
  }
}

const freeFor = (engine: Engine, p: number, s: number): boolean => engine.state.occ[p * engine.problem.slots + s] === FREE

function directSlot(engine: Engine, r: number, except = -1): number {
  const { problem, state } = engine
  const a = problem.reqA[r]!
  const b = problem.reqB[r]!
  if (state.count[a]! >= problem.cap[a]! || state.count[b]! >= problem.cap[b]!) return -1
  for (const s of problem.common[r]!) {
    if (s !== except && state.load[s]! < problem.slotCapacity && freeFor(engine, a, s) && freeFor(engine, b, s)) return s
  }
  return -1
}

/** Change in the idle slots of p if its occupancy at s became `value`. */
function idleDelta(problem: Problem, occ: Int32Array, p: number, s: number, value: number): number {
  const k = problem.sessionOf[s]!
  const i = p * problem.slots + s
  const before = sessionIdle(problem, occ, p, k)
  const old = occ[i]!
  occ[i] = value
  const after = sessionIdle(problem, occ, p, k)
  occ[i] = old
  return after - before
}

/** Construction: most constrained request first (fewest free common slots), guided by the flow bound. */
function construct(engine: Engine, requestFlow: Uint8Array): void {
  const { problem, state } = engine
  const { slots: S, reqA, reqB, common, requestsOf } = problem
  const R = reqA.length
  const feas = new Int32Array(R)
  const done = new Uint8Array(R)
  const heap = new MinHeap()
  const keyOf = (r: number): number => ((2 - requestFlow[r]!) * (S + 1) + feas[r]!) * R + r
  const countFeasible = (r: number): number => {
    const a = reqA[r]!
    const b = reqB[r]!
    if (state.count[a]! >= problem.cap[a]! || state.count[b]! >= problem.cap[b]!) return 0
    let n = 0
    for (const s of common[r]!) if (state.load[s]! < problem.slotCapacity && freeFor(engine, a, s) && freeFor(engine, b, s)) n++
    return n
  }
  const refresh = (r: number): void => {
    if (done[r] === 1) return
    const n = countFeasible(r)
    if (n !== feas[r]) {
      feas[r] = n
      heap.push(keyOf(r))
    }
  }
  for (let r = 0; r < R; r++) {
    feas[r] = countFeasible(r)
    heap.push(keyOf(r))
  }
  while (heap.size > 0) {
    const key = heap.pop()
    const r = key % R
    if (done[r] === 1 || key !== keyOf(r)) continue
    done[r] = 1
    if (feas[r] === 0) continue
    const a = reqA[r]!
    const b = reqB[r]!
    let best = -1
    let bestCost = Infinity
    for (const s of common[r]!) {
      if (state.load[s]! >= problem.slotCapacity || !freeFor(engine, a, s) || !freeFor(engine, b, s)) continue
      // Pressure: how much the still-open requests of a and b need this slot.
      let cost = 0
      for (const p of [a, b]) {
        const other = p === a ? b : a
        for (const q of requestsOf[p]!) {
          if (done[q] === 1 || feas[q] === 0) continue
          const partner = reqA[q] === p ? reqB[q]! : reqA[q]!
          if (partner !== other && freeFor(engine, partner, s)) cost += 1 / feas[q]!
        }
      }
      cost += IDLE_WEIGHT * (idleDelta(problem, state.occ, a, s, r) + idleDelta(problem, state.occ, b, s, r))
      if (cost < bestCost - 1e-12) {
        bestCost = cost
        best = s
      }
    }
    moveTo(engine, r, best)
    for (const q of requestsOf[a]!) refresh(q)
    for (const q of requestsOf[b]!) refresh(q)
    if (state.load[best]! >= problem.slotCapacity) {
      for (let q = 0; q < R; q++) if (done[q] === 0 && common[q]!.includes(best)) refresh(q)
    }
  }
}

/**
 * Tabu search on the count: pick an open request, put it in the common slot with the fewest blocking meetings
 * (at most one, so the count never drops), eject the blocker and try to place it elsewhere at once. An ejected
 * meeting may not return to its slot for a few iterations, which walks the plateau instead of cycling.
 */
function tabuSearch(engine: Engine, iterations: number, target: number, seed: number): void {
  const { problem, state } = engine
  const { slots: S, reqA, reqB, common } = problem
  const R = reqA.length
  const random = seededRandom(seed)
  const pool: number[] = []
  const poolPos = new Int32Array(R).fill(-1)
  const addPool = (r: number): void => {
    poolPos[r] = pool.length
    pool.push(r)
  }
  const dropPool = (r: number): void => {
    const i = poolPos[r]!
    const last = pool.pop()!
    if (last !== r) {
      pool[i] = last
      poolPos[last] = i
    }
    poolPos[r] = -1
  }
  for (let r = 0; r < R; r++) if (state.slotOf[r]! < 0 && common[r]!.length > 0) addPool(r)
  const tabuUntil = new Int32Array(R * S)
  let count = scheduledCount(state)
  let best = count
  let bestSlots = Int32Array.from(state.slotOf)
  const candidates: number[] = []
  for (let it = 1; it <= iterations && pool.length > 0 && best < target; it++) {
    const r = pool[Math.floor(random() * pool.length)]!
    const a = reqA[r]!
    const b = reqB[r]!
    const aFull = state.count[a]! >= problem.cap[a]!
    const bFull = state.count[b]! >= problem.cap[b]!
    let bestCost = 1
    candidates.length = 0
    for (const s of common[r]!) {
      const oa = state.occ[a * S + s]!
      const ob = state.occ[b * S + s]!
      if ((aFull && oa < 0) || (bFull && ob < 0)) continue
      let cost = (oa >= 0 ? 1 : 0) + (ob >= 0 ? 1 : 0)
      if (cost === 0 && state.load[s]! >= problem.slotCapacity) cost = 1
      if (cost > bestCost) continue
      if (cost > 0 && tabuUntil[r * S + s]! > it) continue
      if (cost < bestCost) {
        bestCost = cost
        candidates.length = 0
      }
      candidates.push(s)
    }
    if (candidates.length === 0) continue
    const s = candidates[Math.floor(random() * candidates.length)]!
    let ejected = -1
    const oa = state.occ[a * S + s]!
    const ob = state.occ[b * S + s]!
    if (oa >= 0) ejected = oa
    else if (ob >= 0) ejected = ob
    else if (state.load[s]! >= problem.slotCapacity) {
      const list = engine.members[s]!
      ejected = list[Math.floor(random() * engine.memberCount[s]!)]!
    }
    if (ejected >= 0) {
      moveTo(engine, ejected, -1)
      tabuUntil[ejected * S + s] = it + 10 + Math.floor(random() * 10)
      addPool(ejected)
    } else count++
    moveTo(engine, r, s)
    dropPool(r)
    if (ejected >= 0) {
      const to = directSlot(engine, ejected, s)
      if (to >= 0) {
        moveTo(engine, ejected, to)
        dropPool(ejected)
        count++
      }
    }
      if (count > best) {
      best = count
      bestSlots = Int32Array.from(state.slotOf)
    }
  }
  for (let r = 0; r < R; r++) if (state.slotOf[r]! >= 0 && bestSlots[r]! !== state.slotOf[r]) moveTo(engine, r, -1)
  for (let r = 0; r < R; r++) if (bestSlots[r]! >= 0 && state.slotOf[r] !== bestSlots[r]) moveTo(engine, r, bestSlots[r]!)
}

/** Local search on idle slots: move a meeting to another free common slot, or swap two meetings of one person. */
function compact(engine: Engine): void {
  const { problem, state } = engine
  const { slots: S, reqA, reqB, requestsOf, people } = problem
  const R = reqA.length
  const occ = state.occ
  const idleOf = (p: number, s: number): number => sessionIdle(problem, occ, p, problem.sessionOf[s]!)
  for (let pass = 0; pass < GAP_PASSES; pass++) {
    let improved = false
    for (let r = 0; r < R; r++) {
      const from = state.slotOf[r]!
      if (from < 0) continue
      const a = reqA[r]!
      const b = reqB[r]!
      for (const to of problem.common[r]!) {
        if (to === from || state.load[to]! >= problem.slotCapacity || !freeFor(engine, a, to) || !freeFor(engine, b, to)) continue
        const sameSession = problem.sessionOf[to] === problem.sessionOf[from]
        const before = idleOf(a, from) + idleOf(b, from) + (sameSession ? 0 : idleOf(a, to) + idleOf(b, to))
        moveTo(engine, r, to)
        const after = idleOf(a, from) + idleOf(b, from) + (sameSession ? 0 : idleOf(a, to) + idleOf(b, to))
        if (after < before) {
          improved = true
          break
        }
        moveTo(engine, r, from)
      }
    }
    // Swapping the slots of r1 = (p, x) and r2 = (p, y) leaves p's day unchanged and moves x and y.
    for (let p = 0; p < people; p++) {
      const mine = requestsOf[p]!
      for (let i = 0; i < mine.length; i++) {
        const r1 = mine[i]!
        const s1 = state.slotOf[r1]!
        if (s1 < 0) continue
        const x = reqA[r1] === p ? reqB[r1]! : reqA[r1]!
        for (let j = i + 1; j < mine.length; j++) {
          const r2 = mine[j]!
          const s2 = state.slotOf[r2]!
          if (s2 < 0) continue
          const y = reqA[r2] === p ? reqB[r2]! : reqA[r2]!
          if (occ[x * S + s2] !== FREE || occ[y * S + s1] !== FREE) continue
          const before = idleOf(x, s1) + idleOf(y, s1) + (problem.sessionOf[s1] === problem.sessionOf[s2] ? 0 : idleOf(x, s2) + idleOf(y, s2))
          moveTo(engine, r1, -1)
          moveTo(engine, r2, s1)
          moveTo(engine, r1, s2)
          const after = idleOf(x, s1) + idleOf(y, s1) + (problem.sessionOf[s1] === problem.sessionOf[s2] ? 0 : idleOf(x, s2) + idleOf(y, s2))
          if (after < before) {
            improved = true
            break
          }
          moveTo(engine, r1, -1)
          moveTo(engine, r2, s2)
          moveTo(engine, r1, s1)
        }
      }
    }
      if (!improved) break
  }
}

function createEngine(problem: Problem, state: State): Engine {
  const S = problem.slots
  const R = problem.reqA.length
  const engine: Engine = {
    problem,
    state: createState(problem),
    members: Array.from({ length: S }, () => new Int32Array(problem.slotCapacity)),
    memberCount: new Int32Array(S),
    memberPos: new Int32Array(R),
  }
  for (let r = 0; r < R; r++) if (state.slotOf[r]! >= 0) moveTo(engine, r, state.slotOf[r]!)
  return engine
}

/**
 * Construction guided by the flow bound, tabu search on the count while below the bound, then idle-gap local
 * search. `openBound` bounds the open (non-locked) meetings; reaching it stops the search early.
 */
export function heuristicState(problem: Problem, requestFlow: Uint8Array, openBound: number): State {
  const engine = createEngine(problem, createState(problem))
  construct(engine, requestFlow)
  const iterations = Math.min(TABU_MAX_ITERATIONS, TABU_ITERATIONS_PER_REQUEST * problem.reqA.length)
  tabuSearch(engine, iterations, openBound, 0x5eed)
  compact(engine)
  return engine.state
}

/** Idle-gap local search on an existing assignment (used to polish other solvers' output). */
export function compactState(problem: Problem, state: State): State {
  const engine = createEngine(problem, state)
  compact(engine)
  return engine.state
}
