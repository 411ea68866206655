import { describe, expect, it } from 'vitest'
import { isLaterFollowUpDue, laterFollowUpDueAt, mayAnswerLater, sidesToAsk, type LaterFollowUpState } from './later-follow-up.js'

const rome = (instant: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant)

describe('laterFollowUpDueAt', () => {
  it('adds six calendar months on Rome’s wall clock, across summer time', () => {
    // 10:00 in Rome in winter (UTC+1) → 10:00 in Rome in summer (UTC+2).
    expect(laterFollowUpDueAt(new Date('2026-03-15T09:00:00Z')).toISOString()).toBe('2026-09-15T08:00:00.000Z')
    expect(laterFollowUpDueAt(new Date('2026-09-15T08:00:00Z')).toISOString()).toBe('2027-03-15T09:00:00.000Z')
    expect(rome(laterFollowUpDueAt(new Date('2026-12-03T13:20:00Z')))).toBe('2027-06-03 14:20')
  })

  it('falls back to the last day of a shorter month, leap years included', () => {
    expect(rome(laterFollowUpDueAt(new Date('2026-08-31T08:00:00Z')))).toBe('2027-02-28 10:00')
    expect(rome(laterFollowUpDueAt(new Date('2027-08-31T08:00:00Z')))).toBe('2028-02-29 10:00')
    expect(rome(laterFollowUpDueAt(new Date('2026-12-31T09:00:00Z')))).toBe('2027-06-30 10:00')
  })

  it('reads the day in Rome, not in UTC', () => {
    // 00:30 on 1 July in Rome is still 30 June in UTC.
    expect(rome(laterFollowUpDueAt(new Date('2026-06-30T22:30:00Z')))).toBe('2027-01-01 00:30')
  })
})

describe('isLaterFollowUpDue and mayAnswerLater', () => {
  const start = new Date('2026-03-15T09:00:00Z')
  it('is due from the very instant six months later', () => {
    expect(isLaterFollowUpDue(start, new Date('2026-09-15T07:59:59Z'))).toBe(false)
    expect(isLaterFollowUpDue(start, new Date('2026-09-15T08:00:00Z'))).toBe(true)
  })
  it('lets a side answer once asked, or once six months have passed', () => {
    expect(mayAnswerLater(start, null, new Date('2026-06-01T00:00:00Z'))).toBe(false)
    expect(mayAnswerLater(start, new Date('2026-06-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'))).toBe(true)
    expect(mayAnswerLater(start, null, new Date('2026-10-01T00:00:00Z'))).toBe(true)
  })
})

describe('sidesToAsk', () => {
  const held: LaterFollowUpState = { startsAt: new Date('2026-03-15T09:00:00Z'), aHeld: true, bHeld: null, aLaterAskedAt: null, bLaterAskedAt: null, aLaterFollowUp: null, bLaterFollowUp: null }
  const later = new Date('2026-09-16T00:00:00Z')
  it('asks both sides of a held meeting once six months have passed', () => {
    expect(sidesToAsk(held, later)).toEqual(['a', 'b'])
    expect(sidesToAsk({ ...held, aHeld: null, bHeld: true }, later)).toEqual(['a', 'b'])
    expect(sidesToAsk(held, new Date('2026-09-01T00:00:00Z'))).toEqual([])
  })
  it('asks nobody about a meeting not known to be held', () => {
    expect(sidesToAsk({ ...held, aHeld: false, bHeld: false }, later)).toEqual([])
    expect(sidesToAsk({ ...held, aHeld: null }, later)).toEqual([])
  })
  it('never asks a side twice, nor one that already answered', () => {
    expect(sidesToAsk({ ...held, aLaterAskedAt: later }, later)).toEqual(['b'])
    expect(sidesToAsk({ ...held, bLaterFollowUp: 'agreement' }, later)).toEqual(['a'])
    expect(sidesToAsk({ ...held, aLaterAskedAt: later, bLaterAskedAt: later }, later)).toEqual([])
  })
})
