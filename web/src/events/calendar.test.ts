import { describe, expect, it } from 'vitest'
import { eventsByDay, monthGrid, romeTime, shiftAnchor, startOfWeek, viewRange, weekdayIndex } from './calendar'

describe('calendar arithmetic on Rome days', () => {
  it('shows the time of day on Rome’s clock, summer and winter', () => {
    expect(romeTime('2026-12-31T23:30:00Z')).toBe('00:30')
    expect(romeTime('2026-07-03T08:00:00Z')).toBe('10:00')
  })

  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0)
    expect(weekdayIndex('2026-11-29')).toBe(6)
    expect(startOfWeek('2026-11-25')).toBe('2026-11-23')
  })

  it('lays out a month as whole weeks', () => {
    const weeks = monthGrid('2026-11-25')
    expect(weeks[0]?.[0]).toBe('2026-10-26')
    expect(weeks[weeks.length - 1]?.[6]).toBe('2026-12-06')
    expect(weeks.every((week) => week.length === 7)).toBe(true)
    expect(viewRange('month', '2026-11-25')).toEqual({ from: '2026-10-26', to: '2026-12-06' })
    expect(viewRange('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(viewRange('list', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2027-02-22' })
  })

  it('moves the anchor by a month, a week or a month of list', () => {
    expect(shiftAnchor('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(shiftAnchor('month', '2026-01-15', -1)).toBe('2025-12-01')
    expect(shiftAnchor('week', '2026-11-25', 1)).toBe('2026-12-02')
    expect(shiftAnchor('list', '2026-11-25', -1)).toBe('2026-10-26')
  })

  it('files events under every day they touch, clipped to the range', () => {
    const events = [
      { id: 'b', startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T10:00:00Z' },
      { id: 'a', startsAt: '2026-11-22T08:00:00Z', endsAt: '2026-11-25T16:00:00Z' },
      { id: 'c', startsAt: '2026-11-26T09:00:00Z', endsAt: '2026-11-26T23:00:00Z' },
    ]
    const byDay = eventsByDay(events, '2026-11-23', '2026-11-26')
    expect([...byDay.keys()]).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'])
    expect(byDay.get('2026-11-24')?.map((event) => event.id)).toEqual(['a', 'b'])
    expect(byDay.get('2026-11-26')?.map((event) => event.id)).toEqual(['c'])
  })
})
