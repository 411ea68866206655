import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { withQuery } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { TextField } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { addDays, romeToday } from '../../../src/platform/rome-time'
import { ClashReasons, EventWhen, districtName, eventTitle } from './event-bits'
import type { EventSummary, Overlap } from './types'

/** CLOCK's coordinators: every pair of events of different districts that overlap and share audience or topics. */
export function OverlapsPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  useDocumentTitle(t('events.overlaps.title'))
  const [from, setFrom] = useState(romeToday())
  const [to, setTo] = useState(addDays(romeToday(), 179))
  const { data, error, loading } = useApi<{ items: Overlap[] }>(user ? withQuery('/api/events/overlaps', { from, to }) : null)
  if (!user) return <SignInRequired title={t('events.overlaps.title')} />
  return (
    <div className="page" data-testid="overlaps-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/events">{t('events.calendar.title')}</Link>
      </nav>
      <h1>{t('events.overlaps.title')}</h1>
      <p className="page-lead">{t('events.overlaps.lead')}</p>
      <div className="field-row form--inline">
        <TextField label={t('events.overlaps.from')} type="date" value={from} onChange={setFrom} testId="overlaps-from" />
        <TextField label={t('events.overlaps.to')} type="date" value={to} onChange={setTo} testId="overlaps-to" />
      </div>
      {error && <ErrorMessage error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <p aria-live="polite" data-testid="overlaps-count" data-count={data.items.length}>
          {t('events.overlaps.count', { count: data.items.length })}
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul className="result-list">
          {data.items.map((overlap) => (
            <li key={`${overlap.first.id}-${overlap.second.id}`} className="result-card" data-testid="overlap">
              <div className="two-columns">
                <OverlapSide event={overlap.first} />
                <OverlapSide event={overlap.second} />
              </div>
              <ClashReasons reasons={overlap} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function OverlapSide({ event }: { event: EventSummary }): ReactElement {
  const language = useLanguage()
  return (
    <div>
      <h3 className="result-card__title">
        <Link to={`/events/${event.id}`}>{eventTitle(language, event)}</Link>
      </h3>
      <p className="result-card__meta">
        <EventWhen event={event} />
      </p>
      <p className="muted">{event.organisers.map((district) => districtName(language, district)).join(', ')}</p>
    </div>
  )
}
