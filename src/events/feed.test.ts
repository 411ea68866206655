import { describe, expect, it } from 'vitest'
import { eventUid, renderFeed, type FeedEvent } from './feed.js'
import { parseVevents } from './ical-parse.js'

const event = (id: string, overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  id,
  title: `Workshop ${id}: idrogeno, materiali; futuro`,
  description: 'Una giornata di lavoro.\nSeconda riga.',
  startsAt: new Date('2026-12-03T09:00:00Z'),
  endsAt: new Date('2026-12-03T13:30:00Z'),
  location: 'Polo Tecnologico, Via Roma 1, Pisa',
  virtualUrl: null,
  status: 'published',
  kindLabel: 'Workshop',
  organisers: ['Distretto Materiali Avanzati'],
  updatedAt: new Date('2026-11-01T08:00:00Z'),
  ...overrides,
})

describe('renderFeed', () => {
  it('writes one VEVENT per event, in UTC, with escaped text that parses back', () => {
    const text = renderFeed({ name: 'Materiali', publicUrl: 'https://clock.test', events: [event('a'), event('b', { status: 'cancelled' })] })
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const parsed = parseVevents(text)
    expect(parsed).toHaveLength(2)
    expect(parsed[0]).toMatchObject({
      UID: eventUid('a'),
      DTSTART: '20261203T090000Z',
      DTEND: '20261203T133000Z',
      SUMMARY: 'Workshop a: idrogeno, materiali; futuro',
      LOCATION: 'Polo Tecnologico, Via Roma 1, Pisa',
      STATUS: 'CONFIRMED',
      URL: 'https://clock.test/events/a',
    })
    expect(parsed[0]?.DESCRIPTION).toContain('Seconda riga.')
    expect(parsed[1]?.STATUS).toBe('CANCELLED')
  })

  it('is stable: the same events give the same text and the same UIDs', () => {
    const feed = { name: 'x', publicUrl: 'https://clock.test', events: [event('a')] }
    expect(renderFeed(feed)).toBe(renderFeed(feed))
    expect(parseVevents(renderFeed(feed))[0]?.UID).toBe('event-a@clock')
  })

  it('uses the virtual link as the location of an online event', () => {
    const text = renderFeed({ name: 'x', publicUrl: 'https://clock.test', events: [event('a', { location: null, virtualUrl: 'https://meet.example/abc' })] })
    expect(parseVevents(text)[0]?.LOCATION).toBe('https://meet.example/abc')
  })
})
