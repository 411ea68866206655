import { describe, expect, it } from 'vitest'
import { parseEventTime, romeLocalToInstant, toRomeLocal } from './rome-time.js'

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
