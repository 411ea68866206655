import { describe, expect, it } from 'vitest'
import { checkSchedule, scheduleMeetings } from '../scheduler/index.js'
import { availableSlots, moveOptions, moveProblem, newMeetings, toScheduleInput, type Plan, type PlannedMeeting } from './plan.js'
import { deriveSlots, slotKey } from './slots.js'

const slots = deriveSlots(
  [
    { id: 'am', day: '2026-12-03', start: '09:00', end: '10:00', breaks: [] },
    { id: 'pm', day: '2026-12-03', start: '14:00', end: '15:00', breaks: [] },
  ],
  30,
)
const everyone = ['am', 'pm']
const plan = (overrides: Partial<Plan> = {}): Plan => ({
  slots,
  tables: 1,
  virtualRooms: 0,
  cap: 3,
  participants: ['a', 'b', 'c', 'd'].map((id) => ({ id, availableSessions: everyone, blockedSlots: [] })),
  requests: [['a', 'b'], ['c', 'd'], ['a', 'c']],
  pinned: [],
  ...overrides,
})

describe('toScheduleInput', () => {
  it('gives each participant the slots of their sessions minus those kept for talks', () => {
    expect(availableSlots(slots, { id: 'x', availableSessions: ['pm'], blockedSlots: [slotKey(slots[3]!.startsAt)] })).toEqual([2])
    const input = toScheduleInput(plan())
    expect(input.sessions).toEqual([[0, 1], [2, 3]])
    expect(input.participants[0]).toEqual({ id: 'a', available: [0, 1, 2, 3] })
  })

  it('drops requests of people no longer taking part', () => {
    expect(toScheduleInput(plan({ requests: [['a', 'b'], ['a', 'gone']] })).requests).toEqual([['a', 'b']])
  })
})

describe('rescheduling after publication', () => {
  it('places a late request without moving a published meeting', async () => {
    const pinned = [{ a: 'a', b: 'b', slot: 0, table: 0 }, { a: 'c', b: 'd', slot: 1, table: 0 }]
    const late = plan({ requests: [['a', 'b'], ['c', 'd'], ['a', 'c']], pinned })
    const input = toScheduleInput(late)
    const result = await scheduleMeetings(input)
    expect(checkSchedule(input, result.meetings)).toEqual([])
    expect(result.meetings).toEqual(expect.arrayContaining(pinned))
    const added = newMeetings(late, result)
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ a: 'a', b: 'c', tableNumber: 0, virtualRoom: null })
    expect(added[0]!.slot.index).toBeGreaterThanOrEqual(2)
  })

  it('is deterministic', async () => {
    const input = toScheduleInput(plan({ tables: 2 }))
    expect(await scheduleMeetings(input)).toEqual(await scheduleMeetings(input))
  })
})

describe('moveProblem', () => {
  const meetings: PlannedMeeting[] = [
    { id: 'm1', a: 'a', b: 'b', slot: 0, table: 0 },
    { id: 'm2', a: 'c', b: 'd', slot: 1, table: 0 },
  ]
  const two = plan({ tables: 2, participants: [...plan().participants.slice(0, 3), { id: 'd', availableSessions: ['am'], blockedSlots: [] }] })

  it('allows a free table in a slot both can attend', () => {
    expect(moveProblem(two, meetings, 'm1', 2, 1)).toBeNull()
  })

  it('names what is wrong', () => {
    expect(moveProblem(two, meetings, 'm1', 9, 0)).toBe('unknown_slot')
    expect(moveProblem(two, meetings, 'm1', 1, 2)).toBe('unknown_table')
    expect(moveProblem(two, meetings, 'm1', 1, 'virtual:0')).toBe('unknown_table')
    expect(moveProblem(two, meetings, 'm1', 1, 0)).toBe('table_taken')
    expect(moveProblem(two, [...meetings, { id: 'm3', a: 'a', b: 'c', slot: 1, table: 1 }], 'm1', 1, 0)).toBe('table_taken')
    expect(moveProblem(two, [...meetings, { id: 'm3', a: 'c', b: 'b', slot: 2, table: 1 }], 'm1', 2, 0)).toBe('clash')
    expect(moveProblem(two, meetings, 'm2', 2, 0)).toBe('unavailable')
  })

  it('lists only valid destinations', () => {
    const options = moveOptions(two, meetings, 'm2')
    expect(options).toEqual([{ slot: 0, tables: [1] }, { slot: 1, tables: [0, 1] }])
    for (const option of options) for (const table of option.tables) expect(moveProblem(two, meetings, 'm2', option.slot, table)).toBeNull()
  })
})
