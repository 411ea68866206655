import { translate, type Locale } from '../../platform/i18n.js'
import { meetingUid, type FeedEvent } from '../feed.js'
import { tableLabel } from './reports.service.js'
import type { MeetingFeedRow } from './schedule.service.js'

/** Published brokerage meetings as entries of the personal feed, each with its own UID and the agenda page. */
export function meetingFeedEvents(rows: readonly MeetingFeedRow[], locale: Locale, publicUrl: string): FeedEvent[] {
  return rows.map((row) => {
    const eventTitle = locale === 'en' && row.eventTitleEn ? row.eventTitleEn : row.eventTitleIt
    const who = row.otherOrganisation ? `${row.otherName} (${row.otherOrganisation})` : row.otherName
    const place = tableLabel(locale, row.table)
    return {
      id: row.meetingId,
      uid: meetingUid(row.meetingId),
      url: `${publicUrl}/events/${row.eventId}/brokerage/agenda`,
      title: translate(locale, 'brokerage.feed.meeting', { name: who }),
      description: `${eventTitle} · ${place}`,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      location: typeof row.table === 'number' && row.venue ? `${place}, ${row.venue}` : (row.virtualUrl ?? row.venue),
      virtualUrl: typeof row.table === 'number' ? null : row.virtualUrl,
      status: 'published',
      kindLabel: translate(locale, 'events.kind.matchmaking'),
      organisers: [],
      updatedAt: row.updatedAt,
    }
  })
}
