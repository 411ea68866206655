import { describe, expect, it } from 'vitest'
import { defaultDraft, draftFromView, pairKey, parseBreaks, possiblePairs, toConfigInput } from './config-form'
import type { BrokerageView } from './types'

describe('the configuration form', () => {
  it('reads breaks as typed, with either separator', () => {
    expect(parseBreaks('')).toEqual([])
    expect(parseBreaks('11:00-11:15, 13.00 – 14:00')).toEqual([{ start: '11:00', end: '11:15' }, { start: '13:00', end: '14:00' }])
    expect(parseBreaks('9:30-9:40')).toEqual([{ start: '09:30', end: '09:40' }])
    expect(parseBreaks('lunch')).toBeNull()
  })

  it('proposes one session on the event day in Rome time', () => {
    // 08:00Z is 09:00 in Rome in December.
    const draft = defaultDraft({ startsAt: '2026-12-03T08:00:00.000Z', endsAt: '2026-12-03T17:00:00.000Z' }, new Date('2026-11-01T10:00:00.000Z'))
    expect(draft.sessions).toEqual([{ day: '2026-12-03', start: '09:00', end: '18:00', breaks: '' }])
    expect(draft.registrationOpensAt).toBe('2026-11-01T11:00')
    expect(draft.bookingClosesAt).toBe('2026-12-02T09:00')
    expect(draft.rolePairs).toEqual(['buyer|seller'])
  })

  it('turns the form into the API body, dropping pairs of removed roles', () => {
    const draft = defaultDraft({ startsAt: '2026-12-03T08:00:00.000Z', endsAt: '2026-12-03T17:00:00.000Z' })
    draft.sessions[0]!.breaks = '11:00-11:10'
    draft.roles.push({ key: 'investor', labelIt: 'Investitore', labelEn: 'Investor' })
    draft.rolePairs.push(pairKey('investor', 'seller'), 'ghost|seller')
    draft.tables = 'ten'
    const result = toConfigInput(draft)
    if (!('input' in result)) throw new Error('expected an input')
    expect(result.input.sessions[0]).toEqual({ day: '2026-12-03', start: '09:00', end: '18:00', breaks: [{ start: '11:00', end: '11:10' }] })
    expect(result.input.rolePairs).toEqual([['buyer', 'seller'], ['investor', 'seller']])
    expect(result.input.meetingMinutes).toBe(20)
    expect(Number.isNaN(result.input.tables)).toBe(true)
    draft.sessions[0]!.breaks = 'at noon'
    expect(toConfigInput(draft)).toEqual({ field: 'sessions.0.breaks' })
  })

  it('lists every unordered pair of roles, and reads a saved configuration back', () => {
    expect(possiblePairs([{ key: 'a', labelIt: 'A', labelEn: 'A' }, { key: 'b', labelIt: 'B', labelEn: 'B' }])).toEqual([['a', 'a'], ['a', 'b'], ['b', 'b']])
    const view = {
      registrationOpensAt: '2026-11-01T10:00:00.000Z',
      registrationClosesAt: '2026-12-01T10:00:00.000Z',
      bookingOpensAt: '2026-11-01T10:00:00.000Z',
      bookingClosesAt: '2026-12-02T10:00:00.000Z',
      sessions: [{ id: 's1', day: '2026-12-03', start: '09:00', end: '12:00', breaks: [{ start: '10:30', end: '10:45' }] }],
      meetingMinutes: 30,
      tables: 4,
      virtualRooms: 2,
      maxMeetings: 6,
      requestMode: 'opt_out',
      approval: true,
      roles: [{ key: 'seller', labelIt: 'Fornitore', labelEn: 'Seller' }, { key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' }],
      rolePairs: [['seller', 'buyer']],
    } as unknown as BrokerageView
    const draft = draftFromView(view)
    expect(draft).toMatchObject({ registrationOpensAt: '2026-11-01T11:00', meetingMinutes: '30', requestMode: 'opt_out', approval: true, rolePairs: ['buyer|seller'] })
    expect(draft.sessions[0]).toEqual({ id: 's1', day: '2026-12-03', start: '09:00', end: '12:00', breaks: '10:30-10:45' })
  })
})
