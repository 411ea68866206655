import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { romeDate } from '../../../src/platform/rome-time'
import { formatDate } from '../platform/format'
import { localized, useLanguage } from '../platform/use-language'
import { useTaxonomy } from '../taxonomy/use-taxonomy'
import { romeTime } from './calendar'
import type { DistrictRef, EventSummary, SharedReasons } from './types'

export function eventTitle(language: 'it' | 'en', event: { titleIt: string; titleEn: string }): string {
  return localized(language, event.titleIt, event.titleEn)
}

export function districtName(language: 'it' | 'en', district: DistrictRef): string {
  return localized(language, district.nameIt, district.nameEn)
}

/** "3 dicembre 2026, 10:00–13:00" in Rome time; a multi-day event names both days. */
export function EventWhen({ event }: { event: { startsAt: string; endsAt: string } }): ReactElement {
  const language = useLanguage()
  const sameDay = romeDate(event.startsAt) === romeDate(new Date(new Date(event.endsAt).getTime() - 1))
  return (
    <span className="event-when">
      {sameDay
        ? `${formatDate(language, romeDate(event.startsAt))}, ${romeTime(event.startsAt)}–${romeTime(event.endsAt)}`
        : `${formatDate(language, romeDate(event.startsAt))} ${romeTime(event.startsAt)} – ${formatDate(language, romeDate(event.endsAt))} ${romeTime(event.endsAt)}`}
    </span>
  )
}

export function EventCard({ event }: { event: EventSummary }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <li className="result-card event-card" data-testid="event-card" data-event-id={event.id}>
      <p className="card__kicker">
        {t(`events.kind.${event.kind}`)}
        {event.status !== 'published' && <span className="badge">{t(`events.status.${event.status}`)}</span>}
      </p>
      <h3 className="result-card__title">
        <Link to={`/events/${event.id}`}>{eventTitle(language, event)}</Link>
      </h3>
      <p className="result-card__meta">
        <EventWhen event={event} />
        {' · '}
        {[event.inPerson ? (event.city ?? event.venueName ?? '') : '', event.online ? t('events.online') : ''].filter(Boolean).join(' · ')}
      </p>
      <p className="result-card__clusters muted">{[...event.organisers, ...event.coorganisers].map((district) => district.shortName).join(', ')}</p>
    </li>
  )
}

/** Why two events clash: the shared audiences and taxonomy nodes, in words. */
export function ClashReasons({ reasons }: { reasons: SharedReasons }): ReactElement {
  const { t } = useTranslation()
  const { label } = useTaxonomy()
  return (
    <ul className="reasons" data-testid="clash-reasons">
      <li>
        {t('events.clash.overlap')} <EventWhen event={{ startsAt: reasons.overlapStart, endsAt: reasons.overlapEnd }} />
      </li>
      {reasons.sharedAudiences.length > 0 && (
        <li>{t('events.clash.sharedAudiences', { list: reasons.sharedAudiences.map((audience) => t(`events.audience.${audience}`)).join(', ') })}</li>
      )}
      {reasons.sharedTaxonomy.map((match) => (
        <li key={`${match.ours}-${match.theirs}`}>
          {match.ours === match.theirs
            ? t('events.clash.sameTopic', { topic: label(match.ours) })
            : t('events.clash.relatedTopic', { ours: label(match.ours), theirs: label(match.theirs) })}
        </li>
      ))}
    </ul>
  )
}
