import { describe, expect, it } from 'vitest'
import { formatMeetingDay, formatMeetingTime, formatSlot, planColumns, roleLabel, rolesMayMeet, showsLaterFollowUp, tablePlace } from './brokerage-format'

describe('meeting times', () => {
  // 08:00 UTC on 3 December is 09:00 in Rome (CET); 07:00 UTC on 3 June is 09:00 in Rome (CEST).
  it('shows Rome time in either language, summer or winter', () => {
    expect(formatMeetingTime('it', '2026-12-03T08:00:00.000Z', '2026-12-03T08:20:00.000Z')).toBe('09:00–09:20')
    expect(formatMeetingTime('en', '2026-06-03T07:00:00.000Z', '2026-06-03T07:20:00.000Z')).toBe('09:00–09:20')
  })

  it('names the day per locale', () => {
    expect(formatMeetingDay('it', '2026-12-03T08:00:00.000Z')).toBe('giovedì 3 dicembre 2026')
    expect(formatMeetingDay('en', '2026-12-03T08:00:00.000Z')).toBe('Thursday, 3 December 2026')
    expect(formatSlot('it', '2026-12-03T22:30:00.000Z', '2026-12-03T22:50:00.000Z')).toBe('3 dic 2026, 23:30–23:50')
    expect(formatSlot('en', '2026-12-03T08:00:00.000Z', '2026-12-03T08:20:00.000Z')).toBe('3 Dec 2026, 09:00–09:20')
  })
})

describe('tables and roles', () => {
  it('numbers tables and video rooms from one for people', () => {
    expect(tablePlace(0)).toEqual({ kind: 'table', number: 1 })
    expect(tablePlace('virtual:2')).toEqual({ kind: 'virtual', number: 3 })
    expect(planColumns(2, 1)).toEqual([0, 1, 'virtual:0'])
  })

  it('reads role pairs both ways and labels roles per language', () => {
    expect(rolesMayMeet([['buyer', 'seller']], 'seller', 'buyer')).toBe(true)
    expect(rolesMayMeet([['buyer', 'seller']], 'buyer', 'buyer')).toBe(false)
    const roles = [{ key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' }]
    expect(roleLabel('it', roles, 'buyer')).toBe('Acquirente')
    expect(roleLabel('en', roles, 'buyer')).toBe('Buyer')
    expect(roleLabel('en', roles, 'ghost')).toBe('ghost')
  })
})

describe('showsLaterFollowUp', () => {
  it('shows the six-month question once asked, or once answered, never before it is open', () => {
    expect(showsLaterFollowUp({ laterOpen: false, laterAskedAt: null, myLaterFollowUp: null })).toBe(false)
    expect(showsLaterFollowUp({ laterOpen: true, laterAskedAt: null, myLaterFollowUp: null })).toBe(false)
    expect(showsLaterFollowUp({ laterOpen: true, laterAskedAt: '2027-06-03T08:00:00.000Z', myLaterFollowUp: null })).toBe(true)
    expect(showsLaterFollowUp({ laterOpen: true, laterAskedAt: null, myLaterFollowUp: 'agreement' })).toBe(true)
  })
})
