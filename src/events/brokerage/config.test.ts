import { describe, expect, it } from 'vitest'
import { configProblem, rolesMayMeet, type ConfigDraft } from './config.js'

const event = { startsAt: new Date('2026-12-03T07:00:00Z'), endsAt: new Date('2026-12-03T17:00:00Z') }
const valid = (): ConfigDraft => ({
  registrationOpensAt: new Date('2026-11-01T00:00:00Z'),
  registrationClosesAt: new Date('2026-12-01T00:00:00Z'),
  bookingOpensAt: new Date('2026-11-10T00:00:00Z'),
  bookingClosesAt: new Date('2026-12-02T18:00:00Z'),
  sessions: [{ id: 's1', day: '2026-12-03', start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '10:45' }] }],
  meetingMinutes: 20,
  tables: 10,
  virtualRooms: 0,
  roles: [{ key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' }, { key: 'seller', labelIt: 'Venditore', labelEn: 'Seller' }],
  rolePairs: [['buyer', 'seller']],
})

describe('configProblem', () => {
  it('accepts a consistent configuration', () => {
    expect(configProblem(valid(), event)).toBeNull()
  })

  it.each([
    ['windows in the wrong order', { registrationClosesAt: new Date('2026-10-01T00:00:00Z') }, 'registrationClosesAt', 'validation.brokerage.window_order'],
    ['booking closing after the first meeting', { bookingClosesAt: new Date('2026-12-03T09:00:00Z') }, 'bookingClosesAt', 'validation.brokerage.booking_after_start'],
    ['no table and no video room', { tables: 0 }, 'tables', 'validation.brokerage.no_tables'],
    ['a session outside the event', { sessions: [{ id: 's1', day: '2026-12-04', start: '09:00', end: '12:00', breaks: [] }] }, 'sessions.0.day', 'validation.brokerage.session_outside_event'],
    ['a session ending before it starts', { sessions: [{ id: 's1', day: '2026-12-03', start: '12:00', end: '09:00', breaks: [] }] }, 'sessions.0.end', 'validation.events.ends_before_start'],
    ['a break outside its session', { sessions: [{ id: 's1', day: '2026-12-03', start: '09:00', end: '12:00', breaks: [{ start: '12:00', end: '12:30' }] }] }, 'sessions.0.breaks.0', 'validation.brokerage.break_outside_session'],
    ['overlapping sessions', { sessions: [{ id: 'a', day: '2026-12-03', start: '09:00', end: '12:00', breaks: [] }, { id: 'b', day: '2026-12-03', start: '11:00', end: '13:00', breaks: [] }] }, 'sessions.1.start', 'validation.brokerage.sessions_overlap'],
    ['sessions too short for one meeting', { meetingMinutes: 240 }, 'meetingMinutes', 'validation.brokerage.no_slots'],
    ['a pair naming an unknown role', { rolePairs: [['buyer', 'investor']] }, 'rolePairs.0', 'validation.brokerage.unknown_role'],
    ['two roles with one key', { roles: [{ key: 'buyer', labelIt: 'A', labelEn: 'A' }, { key: 'buyer', labelIt: 'B', labelEn: 'B' }], rolePairs: [['buyer', 'buyer']] }, 'roles.1.key', 'validation.brokerage.duplicate_role'],
  ] as const)('refuses %s', (_name, change, field, messageKey) => {
    expect(configProblem({ ...valid(), ...(change as Partial<ConfigDraft>) }, event)).toMatchObject({ field, messageKey })
  })
})

describe('rolesMayMeet', () => {
  it('reads pairs both ways and allows same-role meetings only when listed', () => {
    const pairs: [string, string][] = [['investor', 'startup'], ['research', 'research']]
    expect(rolesMayMeet(pairs, 'startup', 'investor')).toBe(true)
    expect(rolesMayMeet(pairs, 'investor', 'startup')).toBe(true)
    expect(rolesMayMeet(pairs, 'research', 'research')).toBe(true)
    expect(rolesMayMeet(pairs, 'startup', 'startup')).toBe(false)
    expect(rolesMayMeet(pairs, 'research', 'startup')).toBe(false)
  })
})
