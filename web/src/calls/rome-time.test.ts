import { describe, expect, it } from 'vitest'
import { isoToRomeLocal, romeLocalToIso } from './rome-time'

describe('Rome wall-clock time', () => {
  it('converts winter and summer times', () => {
    expect(romeLocalToIso('2026-01-15T09:00')).toBe('2026-01-15T08:00:00.000Z')
    expect(romeLocalToIso('2026-06-30T17:00')).toBe('2026-06-30T15:00:00.000Z')
    expect(romeLocalToIso('2026-06-30T23:59:59')).toBe('2026-06-30T21:59:59.000Z')
  })

  it('round-trips and refuses non-dates', () => {
    expect(isoToRomeLocal('2026-06-30T15:00:00.000Z')).toBe('2026-06-30T17:00:00')
    expect(romeLocalToIso(isoToRomeLocal('2026-11-02T10:30:00.000Z'))).toBe('2026-11-02T10:30:00.000Z')
    expect(romeLocalToIso('tomorrow')).toBeNull()
  })
})
