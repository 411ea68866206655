import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useSession } from '../accounts/session'
import { useClusters } from '../districts/use-clusters'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField } from '../platform/forms'
import { formatDate, intlLocale } from '../platform/format'
import { withQuery } from '../platform/api'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { addDays, romeToday } from '../../../src/platform/rome-time'
import { calendarViews, eventsByDay, monthGrid, romeTime, shiftAnchor, startOfWeek, viewRange, type CalendarView } from './calendar'
import { EventCard, eventTitle } from './event-bits'
import { audiences, eventKinds, type EventSummary } from './types'

type Filters = { district: string; kind: string; taxonomy: string; audience: string }
const filterKeys: (keyof Filters)[] = ['district', 'kind', 'taxonomy', 'audience']

export function CalendarPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  useDocumentTitle(t('events.calendar.title'))
  const [params, setParams] = useSearchParams()
  const view: CalendarView = calendarViews.includes(params.get('view') as CalendarView) ? (params.get('view') as CalendarView) : 'month'
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : romeToday()
  const filters: Filters = { district: params.get('district') ?? '', kind: params.get('kind') ?? '', taxonomy: params.get('taxonomy') ?? '', audience: params.get('audience') ?? '' }
  const range = viewRange(view, anchor)
  const { data, error, loading } = useApi<{ items: EventSummary[] }>(withQuery('/api/events', { ...range, ...filters }))
  const clusters = useClusters()

  const update = (changes: Record<string, string>): void => {
    const next = new URLSearchParams(window.location.search)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next)
  }
  const canCreate = user !== null && (user.managedClusters.length > 0 || user.roles.includes('platform_admin'))
  const canCoordinate = user !== null && (user.roles.includes('platform_admin') || user.roles.includes('ma_officer') || user.managedClusters.some((c) => c.slug === 'clock'))
  const feedPath = filters.district ? `/api/events/feeds/district/${filters.district}.ics` : filters.taxonomy ? `/api/events/feeds/taxonomy/${filters.taxonomy}.ics` : null

  return (
    <div className="page events-calendar" data-testid="events-calendar">
      <header className="page-header">
        <div>
          <h1>{t('events.calendar.title')}</h1>
          <p className="page-lead">{t('events.calendar.lead')}</p>
        </div>
        <div className="events-actions">
          {user && <Link className="button button--secondary" to="/events/mine" data-testid="my-events-link">{t('events.mine.title')}</Link>}
          {canCoordinate && <Link className="button button--secondary" to="/events/overlaps" data-testid="overlaps-link">{t('events.overlaps.title')}</Link>}
          {canCreate && <Link className="button" to="/events/new" data-testid="new-event">{t('events.form.newTitle')}</Link>}
        </div>
      </header>
      <div className="directory__layout">
        <aside className="filters" aria-label={t('events.filters.title')}>
          <h2 className="filters__title">{t('events.filters.title')}</h2>
          <SelectField
            label={t('events.filters.district')}
            value={filters.district}
            onChange={(district) => update({ district })}
            emptyLabel={t('common.any')}
            testId="filter-district"
            options={(clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))}
          />
          <SelectField label={t('events.filters.kind')} value={filters.kind} onChange={(kind) => update({ kind })} emptyLabel={t('common.any')} testId="filter-kind"
            options={eventKinds.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))} />
          <TaxonomySelect label={t('events.filters.taxonomy')} value={filters.taxonomy} onChange={(taxonomy) => update({ taxonomy })} testId="filter-taxonomy" />
          <SelectField label={t('events.filters.audience')} value={filters.audience} onChange={(audience) => update({ audience })} emptyLabel={t('common.any')} testId="filter-audience"
            options={audiences.map((audience) => ({ value: audience, label: t(`events.audience.${audience}`) }))} />
          {filterKeys.some((key) => filters[key]) && (
            <button type="button" className="link-button" onClick={() => update({ district: '', kind: '', taxonomy: '', audience: '' })}>
              {t('events.filters.clear')}
            </button>
          )}
          {feedPath && (
            <p>
              <a href={feedPath} data-testid="filter-feed">{t('events.feeds.subscribe')}</a>
            </p>
          )}
        </aside>
        <section aria-busy={loading}>
          <div className="events-toolbar">
            <div role="group" aria-label={t('events.calendar.view')} className="events-views">
              {calendarViews.map((option) => (
                <button key={option} type="button" className={option === view ? 'button' : 'button button--secondary'} aria-pressed={option === view} data-testid={`view-${option}`} onClick={() => update({ view: option })}>
                  {t(`events.calendar.views.${option}`)}
                </button>
              ))}
            </div>
            <div className="events-nav">
              <button type="button" className="button button--secondary" onClick={() => update({ date: shiftAnchor(view, anchor, -1) })} aria-label={t('events.calendar.previous')} data-testid="calendar-previous">‹</button>
              <button type="button" className="button button--secondary" onClick={() => update({ date: '' })}>{t('events.calendar.today')}</button>
              <button type="button" className="button button--secondary" onClick={() => update({ date: shiftAnchor(view, anchor, 1) })} aria-label={t('events.calendar.next')} data-testid="calendar-next">›</button>
            </div>
            <h2 className="events-period" data-testid="calendar-period">
              {view === 'month'
                ? new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${anchor.slice(0, 7)}-15T12:00:00Z`))
                : `${formatDate(language, range.from)} – ${formatDate(language, range.to)}`}
            </h2>
          </div>
          {error && <ErrorMessage error={error} />}
          {!data && loading && <Loading />}
          {data && view === 'month' && <MonthView anchor={anchor} events={data.items} />}
          {data && view === 'week' && <WeekView anchor={anchor} events={data.items} />}
          {data && view === 'list' && <ListView from={range.from} to={range.to} events={data.items} />}
        </section>
      </div>
    </div>
  )
}

function weekdayNames(language: 'it' | 'en'): string[] {
  const monday = '2026-11-23'
  return Array.from({ length: 7 }, (_, index) =>
    new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${addDays(monday, index)}T12:00:00Z`)),
  )
}

function DayEvents({ events }: { events: EventSummary[] }): ReactElement {
  const language = useLanguage()
  return (
    <ul className="events-day__list">
      {events.map((event) => (
        <li key={event.id} className={`events-chip events-chip--${event.kind}${event.status === 'cancelled' ? ' events-chip--cancelled' : ''}`}>
          <Link to={`/events/${event.id}`} data-testid="calendar-event">
            <span className="events-chip__time">{romeTime(event.startsAt)}</span> {eventTitle(language, event)}
          </Link>
        </li>
      ))}
    </ul>
  )
}

function MonthView({ anchor, events }: { anchor: string; events: EventSummary[] }): ReactElement {
  const language = useLanguage()
  const weeks = monthGrid(anchor)
  const byDay = eventsByDay(events, weeks[0]?.[0] as string, weeks[weeks.length - 1]?.[6] as string)
  const today = romeToday()
  return (
    <table className="events-month" data-testid="month-view">
      <thead>
        <tr>{weekdayNames(language).map((name) => <th key={name} scope="col">{name}</th>)}</tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => (
              <td key={day} className={[day.slice(0, 7) !== anchor.slice(0, 7) ? 'events-day--outside' : '', day === today ? 'events-day--today' : ''].join(' ')} data-day={day}>
                <span className="events-day__number">{Number(day.slice(8))}</span>
                <DayEvents events={byDay.get(day) ?? []} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function WeekView({ anchor, events }: { anchor: string; events: EventSummary[] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const monday = startOfWeek(anchor)
  const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index))
  const byDay = eventsByDay(events, days[0] as string, days[6] as string)
  return (
    <ol className="events-week" data-testid="week-view">
      {days.map((day) => (
        <li key={day} className="events-week__day" data-day={day}>
          <h3>{new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))}</h3>
          {(byDay.get(day) ?? []).length === 0 ? <p className="muted">{t('events.calendar.nothing')}</p> : <DayEvents events={byDay.get(day) ?? []} />}
        </li>
      ))}
    </ol>
  )
}

function ListView({ from, to, events }: { from: string; to: string; events: EventSummary[] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const byDay = eventsByDay(events, from, to)
  if (events.length === 0) return <p className="empty-state" data-testid="list-view">{t('events.calendar.empty')}</p>
  const seen = new Set<string>()
  return (
    <div data-testid="list-view">
      {[...byDay.entries()].map(([day, dayEvents]) => {
        const fresh = dayEvents.filter((event) => !seen.has(event.id))
        for (const event of fresh) seen.add(event.id)
        if (fresh.length === 0) return null
        return (
          <section key={day}>
            <h3>{formatDate(language, day)}</h3>
            <ul className="result-list">{fresh.map((event) => <EventCard key={event.id} event={event} />)}</ul>
          </section>
        )
      })}
    </div>
  )
}
