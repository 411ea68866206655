import { describe, expect, it } from 'vitest'
import { addDays, parseEventTime, romeDate, romeDateIn, romeLocalToInstant, toRomeLocal } from './rome-time.js'

describe('Rome wall-clock times', () => {
  it('reads winter and summer times with their offsets', () => {
    expect(romeLocalToInstant('2026-12-03T10:00')?.toISOString()).toBe('2026-12-03T09:00:00.000Z')
    expect(romeLocalToInstant('2026-07-03T10:00')?.toISOString()).toBe('2026-07-03T08:00:00.000Z')
  })

  it('handles the change-over days', () => {
    expect(romeLocalToInstant('2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T00:30:00.000Z')
    expect(romeLocalToInstant('2026-03-29T03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(romeLocalToInstant('2026-03-29T02:30')).not.toBeNull()
    expect(romeLocalToInstant('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(romeLocalToInstant('2026-10-25T04:00')?.toISOString()).toBe('2026-10-25T03:00:00.000Z')
  })

  it('refuses dates that do not exist', () => {
    expect(romeLocalToInstant('2026-02-30T10:00')).toBeNull()
    expect(romeLocalToInstant('2026-12-03T24:00')).toBeNull()
    expect(romeLocalToInstant('tomorrow')).toBeNull()
  })

  it('round-trips through toRomeLocal', () => {
    for (const text of ['2026-01-15T08:15', '2026-06-30T23:45', '2027-03-28T12:00']) {
      expect(toRomeLocal(romeLocalToInstant(text) as Date)).toBe(text)
    }
  })

  it('accepts instants with an offset as they are', () => {
    expect(parseEventTime('2026-12-03T09:00:00Z')?.toISOString()).toBe('2026-12-03T09:00:00.000Z')
    expect(parseEventTime('2026-12-03T10:00:00+01:00')?.toISOString()).toBe('2026-12-03T09:00:00.000Z')
    expect(parseEventTime('2026-12-03T10:00')?.toISOString()).toBe('2026-12-03T09:00:00.000Z')
  })
})

describe('days in Rome', () => {
  it('takes the calendar day in Rome, not in UTC', () => {
    expect(romeDate(new Date('2026-03-31T21:59:59Z'))).toBe('2026-03-31')
    expect(romeDate(new Date('2026-03-31T22:00:00Z'))).toBe('2026-04-01')
    expect(romeDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16')
    expect(romeDate('2026-12-31T23:30:00Z')).toBe('2027-01-01')
    expect(toRomeLocal('2026-07-03T08:00:00Z')).toBe('2026-07-03T10:00')
  })

  it('adds calendar days across months, years and the clock changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28')
  })

  it('counts days from today in Rome, across months and the clock changes', () => {
    const lateEvening = new Date('2026-12-07T23:15:00Z') // already 8 December in Rome
    expect(romeDateIn(0, lateEvening)).toBe('2026-12-08')
    expect(romeDateIn(1, lateEvening)).toBe('2026-12-09')
    expect(romeDateIn(-8, lateEvening)).toBe('2026-11-30')
    expect(romeDateIn(24, lateEvening)).toBe('2027-01-01')
    expect(romeDateIn(1, new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-30')
    expect(romeDateIn(1, new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-26')
  })
})
