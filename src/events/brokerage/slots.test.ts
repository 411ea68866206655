import { describe, expect, it } from 'vitest'
import { toRomeLocal } from '../../platform/rome-time.js'
import { deriveSlots } from './slots.js'

const session = (overrides: Partial<{ id: string; day: string; start: string; end: string; breaks: { start: string; end: string }[] }> = {}) => ({
  id: 's1', day: '2026-12-03', start: '09:00', end: '10:00', breaks: [], ...overrides,
})

describe('deriveSlots', () => {
  it('cuts a session into back-to-back meetings of the given length, in Rome time', () => {
    const slots = deriveSlots([session()], 20)
    expect(slots.map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-09:20', '09:20-09:40', '09:40-10:00'])
    expect(toRomeLocal(slots[0]!.startsAt)).toBe('2026-12-03T09:00')
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-12-03T08:00:00.000Z')
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2])
  })

  it('leaves a tail shorter than a meeting unused', () => {
    expect(deriveSlots([session({ end: '10:10' })], 30).map((s) => s.start)).toEqual(['09:00', '09:30'])
  })

  it('never overlaps a break and restarts when the break ends', () => {
    const slots = deriveSlots([session({ end: '11:00', breaks: [{ start: '09:50', end: '10:05' }] })], 20)
    expect(slots.map((s) => s.start)).toEqual(['09:00', '09:20', '10:05', '10:25'])
    expect(slots.every((s) => s.end <= '09:50' || s.start >= '10:05')).toBe(true)
  })

  it('numbers slots chronologically across sessions given in any order, and keeps their session', () => {
    const slots = deriveSlots([session({ id: 'pm', start: '14:00', end: '14:30' }), session({ id: 'am', start: '09:00', end: '09:30' }), session({ id: 'd2', day: '2026-12-04', end: '09:15' })], 15)
    expect(slots.map((s) => `${s.sessionId}@${s.day}T${s.start}#${s.index}`)).toEqual([
      'am@2026-12-03T09:00#0', 'am@2026-12-03T09:15#1', 'pm@2026-12-03T14:00#2', 'pm@2026-12-03T14:15#3', 'd2@2026-12-04T09:00#4',
    ])
  })

  it('follows the summer time offset', () => {
    expect(deriveSlots([session({ day: '2026-07-01' })], 30)[0]!.startsAt.toISOString()).toBe('2026-07-01T07:00:00.000Z')
  })
})
