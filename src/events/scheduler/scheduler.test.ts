import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateEvent, seededRandom } from './generate.js'
import {
  checkSchedule,
  computeUpperBound,
  countIdleGaps,
  firstFitSchedule,
  parseScheduleInstance,
  scheduleMeetings,
  scheduleMeetingsHeuristic,
  ScheduleInputError,
} from './index.js'
import type { Meeting, ScheduleInput } from './types.js'

const everyone = (ids: string, available: number[]): ScheduleInput['participants'] =>
  ids.split('').map((id) => ({ id, available }))

const pairs = (text: string): [string, string][] => text.split(' ').map((p) => [p[0]!, p[1]!])

/** Exhaustive optimum (max meetings, then min idle slots) by trying every slot or none for every request. */
function bruteForce(input: ScheduleInput): { meetings: number; idle: number } {
  const n = input.requests.length
  let best = { meetings: -1, idle: Infinity }
  const choice = new Array<number>(n).fill(-1)
  const visit = (i: number): void => {
    if (i === n) {
      const meetings: Meeting[] = []
      const perSlot = new Map<number, number>()
      for (let r = 0; r < n; r++) {
        const s = choice[r]!
        if (s < 0) continue
        const k = perSlot.get(s) ?? 0
        perSlot.set(s, k + 1)
        const [a, b] = input.requests[r]!
        meetings.push({ a, b, slot: s, table: k < input.tables ? k : `virtual:${k - input.tables}` })
      }
      if (checkSchedule(input, meetings).length > 0) return
      const idle = countIdleGaps(input, meetings).total
      if (meetings.length > best.meetings || (meetings.length === best.meetings && idle < best.idle)) {
        best = { meetings: meetings.length, idle }
      }
      return
    }
    for (let s = -1; s < input.slots; s++) {
      choice[i] = s
      visit(i + 1)
    }
  }
  visit(0)
  return best
}

const instanceArbitrary = (maxPeople: number, maxSlots: number, maxRequests: number): fc.Arbitrary<ScheduleInput> =>
  fc
    .record({
      people: fc.integer({ min: 2, max: maxPeople }),
      slots: fc.integer({ min: 1, max: maxSlots }),
      tables: fc.integer({ min: 0, max: 3 }),
      rooms: fc.integer({ min: 0, max: 1 }),
      cap: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      split: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      requestCount: fc.integer({ min: 0, max: maxRequests }),
    })
    .map(({ people, slots, tables, rooms, cap, split, seed, requestCount }) => {
      const random = seededRandom(seed)
      const participants = Array.from({ length: people }, (_, p) => ({
        id: `p${p}`,
        available: Array.from({ length: slots }, (_, s) => s).filter(() => random() < 0.75),
      }))
      const seen = new Set<string>()
      const requests: [string, string][] = []
      for (let i = 0; i < requestCount * 3 && requests.length < requestCount; i++) {
        const a = Math.floor(random() * people)
        const b = Math.floor(random() * people)
        const key = `${Math.min(a, b)}/${Math.max(a, b)}`
        if (a === b || seen.has(key)) continue
        seen.add(key)
        requests.push([`p${a}`, `p${b}`])
      }
      const half = Math.ceil(slots / 2)
      const sessions =
        split && slots > 1
          ? [Array.from({ length: half }, (_, s) => s), Array.from({ length: slots - half }, (_, s) => half + s)]
          : undefined
      return {
        slots,
        tables,
        virtualRooms: rooms,
        participants,
        requests,
        ...(cap === undefined ? {} : { cap }),
        ...(sessions ? { sessions } : {}),
      }
    })

describe('hand-made cases', () => {
  it('a triangle in two slots holds two meetings although the bound says three', async () => {
    const input: ScheduleInput = { slots: 2, tables: 5, participants: everyone('abc', [0, 1]), requests: pairs('ab bc ca') }
    const result = await scheduleMeetings(input)
    expect(result.stats.meetings).toBe(2)
    expect(result.stats.upperBound.value).toBe(3)
    expect(result.unscheduled).toHaveLength(1)
    expect(checkSchedule(input, result.meetings)).toEqual([])
  })

  it('places a person’s meetings back to back', async () => {
    const input: ScheduleInput = {
      slots: 4,
      tables: 2,
      participants: [
        { id: 'a', available: [0, 1, 2, 3] },
        { id: 'b', available: [0, 3] },
        { id: 'c', available: [0, 1, 3] },
      ],
      requests: pairs('ab ac'),
    }
    const result = await scheduleMeetings(input)
    expect(result.stats.meetings).toBe(2)
    expect(result.stats.idleGaps).toBe(0)
    expect(result.stats.maxMeetingsProven).toBe(true)
  })

  it('does not count idle slots across sessions', async () => {
    const input: ScheduleInput = {
      slots: 4,
      tables: 1,
      sessions: [[0, 1], [2, 3]],
      participants: [
        { id: 'a', available: [0, 1, 2, 3] },
        { id: 'b', available: [0] },
        { id: 'c', available: [3] },
      ],
      requests: pairs('ab ac'),
    }
    const result = await scheduleMeetings(input)
    expect(result.stats.meetings).toBe(2)
    expect(result.stats.idleGaps).toBe(0)
  })

  it('uses a video room only when the tables are full', async () => {
    const base = { slots: 1, tables: 1, participants: everyone('abcd', [0]), requests: pairs('ab cd') }
    expect((await scheduleMeetings(base)).stats.meetings).toBe(1)
    const virtual = await scheduleMeetings({ ...base, virtualRooms: 1 })
    expect(virtual.meetings.map((m) => m.table)).toEqual([0, 'virtual:0'])
  })

  it('respects the per-person cap and explains the unscheduled request', async () => {
    const input: ScheduleInput = { slots: 3, tables: 3, participants: [...everyone('abc', [0, 1, 2])].map((p) => (p.id === 'a' ? { ...p, cap: 1 } : p)), requests: pairs('ab ac') }
    const result = await scheduleMeetings(input)
    expect(result.stats.meetings).toBe(1)
    expect(result.unscheduled).toEqual([expect.objectContaining({ reason: 'participant-cap', participant: 'a' })])
  })

  it('reports requests without a common slot', () => {
    const input: ScheduleInput = { slots: 2, tables: 1, participants: [{ id: 'a', available: [0] }, { id: 'b', available: [1] }], requests: pairs('ab') }
    expect(scheduleMeetingsHeuristic(input).unscheduled).toEqual([{ a: 'a', b: 'b', reason: 'no-common-slot' }])
  })

  it('rejects inconsistent input with a clear error', () => {
    const base: ScheduleInput = { slots: 2, tables: 1, participants: everyone('ab', [0, 1]), requests: pairs('ab') }
    expect(() => scheduleMeetingsHeuristic({ ...base, requests: pairs('ax') })).toThrow(/unknown participant x/)
    expect(() => scheduleMeetingsHeuristic({ ...base, requests: pairs('ab ba') })).toThrow(ScheduleInputError)
    expect(() => scheduleMeetingsHeuristic({ ...base, locked: [{ a: 'a', b: 'b', slot: 0, table: 3 }] })).toThrow(/table 3/)
    expect(() => parseScheduleInstance({ slots: 0, tables: 1, participants: [], requests: [['a']] })).toThrow(/slots[\s\S]*requests\.0/)
  })
})

describe('locked meetings', () => {
  const event = generateEvent(7, { participants: 60, requests: 300, sessions: [6, 6], tables: 30, skew: 1, popularShare: 0.35 })

  it('keeps published meetings exactly where they are', async () => {
    const first = scheduleMeetingsHeuristic(event)
    const locked = first.meetings.filter((_, i) => i % 3 === 0)
    const again = await scheduleMeetings({ ...event, locked })
    for (const m of locked) expect(again.meetings).toContainEqual(m)
    expect(checkSchedule({ ...event, locked }, again.meetings)).toEqual([])
  })

  it('places a late request without moving any published meeting', async () => {
    const published = scheduleMeetingsHeuristic(event).meetings
    const busy = new Set(published.flatMap((m) => [`${m.a}@${m.slot}`, `${m.b}@${m.slot}`]))
    const load = (s: number): number => published.filter((m) => m.slot === s).length
    const requested = new Set(event.requests.map(([a, b]) => [a, b].sort().join('/')))
    const free = (id: string, s: number): boolean => !busy.has(`${id}@${s}`) && event.participants.find((p) => p.id === id)!.available.includes(s)
    const ids = event.participants.map((p) => p.id)
    const late = ids.flatMap((a) => ids.map((b) => [a, b] as [string, string]))
      .find(([a, b]) => a < b && !requested.has(`${a}/${b}`) && Array.from({ length: event.slots }, (_, s) => s).some((s) => free(a, s) && free(b, s) && load(s) < event.tables))!
    const input: ScheduleInput = { ...event, requests: [...event.requests, late], locked: published }
    const result = await scheduleMeetings(input)
    expect(result.meetings.length).toBe(published.length + 1)
    for (const m of published) expect(result.meetings).toContainEqual(m)
    expect(result.meetings).toContainEqual(expect.objectContaining({ a: late[0], b: late[1] }))
  })

  it('reuses the slot freed by a cancellation', async () => {
    const input: ScheduleInput = { slots: 1, tables: 1, participants: everyone('abcd', [0]), requests: pairs('cd') }
    const cancelled = await scheduleMeetings({ ...input, locked: [] })
    expect(cancelled.meetings).toEqual([{ a: 'c', b: 'd', slot: 0, table: 0 }])
    const withLock = await scheduleMeetings({ ...input, requests: pairs('ab cd'), locked: [{ a: 'a', b: 'b', slot: 0, table: 0 }] })
    expect(withLock.meetings).toEqual([{ a: 'a', b: 'b', slot: 0, table: 0 }])
    expect(withLock.unscheduled).toEqual([expect.objectContaining({ a: 'c', b: 'd' })])
  })
})

describe('determinism and bounds', () => {
  it('gives the same schedule for the same input', async () => {
    const event = generateEvent(11, { participants: 120, requests: 700, sessions: [8, 8], tables: 40, skew: 1, popularShare: 0.35 })
    expect(scheduleMeetingsHeuristic(event)).toEqual(scheduleMeetingsHeuristic(event))
    const small = generateEvent(3, { participants: 12, requests: 30, sessions: [4], tables: 3, skew: 1, popularShare: 0.35 })
    expect(await scheduleMeetings(small)).toEqual(await scheduleMeetings(small))
  })

  it('bound ≥ exact optimum (brute force) = engine, and engine ≥ greedy on tiny instances', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary(5, 3, 5), async (input) => {
        const optimum = bruteForce(input)
        const engine = await scheduleMeetings(input)
        const greedy = firstFitSchedule(input)
        expect(computeUpperBound(input).value).toBeGreaterThanOrEqual(optimum.meetings)
        expect(engine.stats.meetings).toBe(optimum.meetings)
        expect(engine.stats.idleGaps).toBe(optimum.idle)
        expect(engine.stats.meetings).toBeGreaterThanOrEqual(greedy.stats.meetings)
      }),
      { numRuns: 60, seed: 42 },
    )
  })

  it('bound ≥ engine ≥ greedy on random small instances', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary(14, 6, 30), async (input) => {
        const engine = await scheduleMeetings(input)
        const greedy = firstFitSchedule(input)
        expect(engine.stats.upperBound.value).toBeGreaterThanOrEqual(engine.stats.meetings)
        expect(engine.stats.meetings).toBeGreaterThanOrEqual(greedy.stats.meetings)
      }),
      { numRuns: 25, seed: 7 },
    )
    // 25 solver runs: about a second alone, but far more on a loaded 2-core machine.
  }, 60_000)
})

describe('schedules are always valid', () => {
  it('no clashes, table capacity, availability and caps (heuristic)', () => {
    fc.assert(
      fc.property(instanceArbitrary(20, 8, 60), (input) => {
        const result = scheduleMeetingsHeuristic(input)
        expect(checkSchedule(input, result.meetings)).toEqual([])
        expect(result.meetings.length + result.unscheduled.length).toBe(input.requests.length)
        expect(result.stats.meetings).toBeLessThanOrEqual(result.stats.upperBound.value)
      }),
      { numRuns: 150, seed: 1 },
    )
  })

  it('no clashes, table capacity, availability and caps (auto, with locked meetings)', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary(10, 5, 20), fc.integer({ min: 1, max: 4 }), async (input, every) => {
        const locked = scheduleMeetingsHeuristic(input).meetings.filter((_, i) => i % every === 0)
        const withLocks = { ...input, locked }
        const result = await scheduleMeetings(withLocks)
        expect(checkSchedule(withLocks, result.meetings)).toEqual([])
        for (const m of locked) expect(result.meetings).toContainEqual(m)
      }),
      { numRuns: 40, seed: 3 },
    )
  })
})
