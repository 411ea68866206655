import ical, { ICalEventStatus } from 'ical-generator'

// iCalendar (RFC 5545) feeds: data in, text out. Times are written in UTC ("...Z"), which every calendar
// shows in its own zone; X-WR-TIMEZONE tells clients that honour it that the calendar lives in Rome.

export type FeedEvent = {
  id: string
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  location: string | null
  virtualUrl: string | null
  status: 'draft' | 'published' | 'cancelled'
  kindLabel: string
  organisers: string[]
  updatedAt: Date
  /** For entries that are not the event itself (a brokerage meeting): their own UID and page. */
  uid?: string
  url?: string
}

export type Feed = { name: string; publicUrl: string; events: readonly FeedEvent[] }

/** The UID never changes for an event, so a re-imported feed updates entries instead of duplicating them. */
export function eventUid(eventId: string): string {
  return `event-${eventId}@clock`
}

export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@clock`
}

export function renderFeed(feed: Feed): string {
  const calendar = ical({
    name: feed.name,
    prodId: { company: 'CLOCK', product: 'events', language: 'IT' },
    x: { 'X-WR-TIMEZONE': 'Europe/Rome' },
  })
  for (const event of feed.events) {
    const page = event.url ?? `${feed.publicUrl}/events/${event.id}`
    const lines = [event.description, event.organisers.join(', '), event.virtualUrl ?? '', page].filter((line) => line.trim() !== '')
    calendar.createEvent({
      id: event.uid ?? eventUid(event.id),
      start: event.startsAt,
      end: event.endsAt,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      summary: event.title,
      description: lines.join('\n\n'),
      location: event.location ?? event.virtualUrl,
      url: page,
      categories: [{ name: event.kindLabel }],
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}
