import type { ScheduleInput } from './types.js'

/** mulberry32: a tiny seeded PRNG, so generated events are identical on every run. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let z = t
    z = Math.imul(z ^ (z >>> 15), z | 1)
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61)
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296
  }
}

export type EventShape = {
  readonly participants: number
  readonly requests: number
  readonly sessions: readonly number[]
  readonly tables: number
  readonly virtualRooms?: number
  readonly cap?: number
  /** Zipf exponent of how often a participant is asked for a meeting. */
  readonly skew: number
  /** Share of requests whose target is drawn by popularity (the rest uniformly). */
  readonly popularShare: number
}

export const benchShape: EventShape = { participants: 1000, requests: 8000, sessions: [12, 12], tables: 400, skew: 1, popularShare: 0.35 }

/**
 * A brokerage event: participants arrive late or leave early in some sessions and attend a few talks;
 * requests pick their target with Zipf-like popularity, so a few participants are asked far too often.
 */
export function generateEvent(seed: number, shape: EventShape): ScheduleInput {
  const random = seededRandom(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const sessions: number[][] = []
  let next = 0
  for (const length of shape.sessions) {
    sessions.push(Array.from({ length }, (_, i) => next + i))
    next += length
  }
  const participants = Array.from({ length: shape.participants }, (_, p) => {
    const off = new Set<number>()
    for (const session of sessions) {
      const roll = random()
      if (roll < 0.02) session.forEach((s) => off.add(s))
      else if (roll < 0.14) session.slice(0, 1 + int(2)).forEach((s) => off.add(s))
      else if (roll < 0.26) session.slice(session.length - 1 - int(2)).forEach((s) => off.add(s))
    }
    const talks = int(3)
    for (let t = 0; t < talks; t++) {
      const start = int(next)
      off.add(start)
      if (random() < 0.4 && start + 1 < next) off.add(start + 1)
    }
    const available = Array.from({ length: next }, (_, s) => s).filter((s) => !off.has(s))
    return { id: `p${String(p).padStart(4, '0')}`, available }
  })
  const weights = Array.from({ length: shape.participants }, (_, rank) => 1 / Math.pow(rank + 8, shape.skew))
  const order = Array.from({ length: shape.participants }, (_, p) => p)
  for (let i = order.length - 1; i > 0; i--) {
    const j = int(i + 1)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  const cumulative: number[] = []
  let total = 0
  for (const w of weights) cumulative.push((total += w))
  const popular = (): number => {
    const x = random() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return order[lo]!
  }
  const seen = new Set<string>()
  const requests: [string, string][] = []
  while (requests.length < shape.requests) {
    const a = int(shape.participants)
    const b = random() < shape.popularShare ? popular() : int(shape.participants)
    if (a === b) continue
    const key = a < b ? `${a}/${b}` : `${b}/${a}`
    if (seen.has(key)) continue
    seen.add(key)
    requests.push([participants[a]!.id, participants[b]!.id])
  }
  return {
    slots: next,
    tables: shape.tables,
    ...(shape.virtualRooms !== undefined ? { virtualRooms: shape.virtualRooms } : {}),
    ...(shape.cap !== undefined ? { cap: shape.cap } : {}),
    sessions,
    participants,
    requests,
  }
}
