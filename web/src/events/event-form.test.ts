import { describe, expect, it } from 'vitest'
import { clashQuery, emptyEventForm, eventBody } from './event-form'

describe('the event form', () => {
  it('sends Rome wall-clock times and nulls for empty optional texts', () => {
    const values = { ...emptyEventForm(['tuscany-ict']), titleIt: 'Prova', startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T12:00', capacity: '40', venueAddress: ' Via Roma 1 ' }
    expect(eventBody(values)).toMatchObject({ startsAt: '2026-12-03T10:00', capacity: 40, venueAddress: 'Via Roma 1', virtualUrl: null, organiserSlugs: ['tuscany-ict'] })
    expect(eventBody({ ...values, capacity: '' }).capacity).toBeNull()
  })

  it('asks for a clash check only once the times and organisers make sense', () => {
    const values = { ...emptyEventForm(['tuscany-ict']), startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T12:00', audiences: ['smes'] }
    expect(clashQuery(values, undefined)).toEqual({ startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T12:00', organiserSlugs: ['tuscany-ict'], audiences: ['smes'], taxonomyCodes: [] })
    expect(clashQuery(values, 'e1')).toMatchObject({ eventId: 'e1' })
    expect(clashQuery({ ...values, endsAt: '2026-12-03T09:00' }, undefined)).toBeNull()
    expect(clashQuery({ ...values, startsAt: '' }, undefined)).toBeNull()
    expect(clashQuery({ ...values, organiserSlugs: [] }, undefined)).toBeNull()
  })
})
