import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router'
import { useSession } from '../../accounts/session'
import { ErrorMessage, Loading, NotFoundPage, Notice, useDocumentTitle } from '../../platform/feedback'
import { formatDateTime, formatNumber } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import { eventTitle } from '../event-bits'
import type { EventDetail } from '../types'
import { AgendaPage } from './agenda-page'
import { formatMeetingDay, formatMeetingTime, roleLabel } from './brokerage-format'
import { ConfigForm } from './config-page'
import { OrganiserParticipantsPage } from './organiser-participants-page'
import { Participation } from './participation'
import { PeoplePage, SuggestionsPage } from './people-page'
import { RequestsPage } from './requests-page'
import { SchedulePage } from './schedule-page'
import { StatsPage } from './stats-page'
import type { BrokerageView } from './types'
import './brokerage.css'

/** What every page of the meetings area receives: the event, its brokerage as the actor sees it, and a way to refresh it. */
export type BrokerageProps = { event: EventDetail; brokerage: BrokerageView; reload: () => void }

/** The "Meetings" area of a matchmaking event, under /events/:id/brokerage, one tab per sub-page. */
export function BrokeragePage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const eventState = useApi<{ event: EventDetail }>(`/api/events/${encodeURIComponent(id)}`)
  const state = useApi<{ brokerage: BrokerageView }>(`/api/events/${encodeURIComponent(id)}/brokerage`)
  const event = eventState.data?.event
  useDocumentTitle(event ? `${t('events.brokerage.title')} · ${eventTitle(language, event)}` : undefined)

  if (eventState.error) return <ErrorMessage error={eventState.error} />
  if (!event || (!state.data && !state.error)) return <Loading />
  const notConfigured = state.error?.status === 404
  if (state.error && !notConfigured) return <ErrorMessage error={state.error} />

  const header = (
    <>
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/events">{t('events.calendar.title')}</Link> <Link to={`/events/${event.id}`}>{eventTitle(language, event)}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">{t('events.kind.matchmaking')}</p>
          <h1 data-testid="brokerage-title">{t('events.brokerage.title')}</h1>
          <p className="page-subtitle">{eventTitle(language, event)}</p>
        </div>
      </header>
    </>
  )

  if (notConfigured || !state.data) {
    return (
      <div className="page" data-testid="brokerage-page">
        {header}
        {event.canEdit ? (
          <>
            <p className="page-lead">{t('events.brokerage.config.firstTime')}</p>
            <ConfigForm event={event} brokerage={null} onSaved={state.reload} />
          </>
        ) : (
          <p className="empty-state" data-testid="brokerage-not-configured">{t('events.brokerage.notConfigured')}</p>
        )}
      </div>
    )
  }

  const props: BrokerageProps = { event, brokerage: state.data.brokerage, reload: state.reload }
  const confirmed = props.brokerage.me?.status === 'confirmed'
  const manage = props.brokerage.canManage
  return (
    <div className="page" data-testid="brokerage-page">
      {header}
      <BrokerageTabs eventId={event.id} participant={confirmed} organiser={manage} />
      <Routes>
        <Route index element={<Overview {...props} />} />
        {confirmed && (
          <>
            <Route path="people" element={<PeoplePage {...props} />} />
            <Route path="suggestions" element={<SuggestionsPage {...props} />} />
            <Route path="requests" element={<RequestsPage {...props} />} />
          </>
        )}
        <Route path="agenda" element={<AgendaPage {...props} />} />
        {manage && (
          <>
            <Route path="settings" element={<ConfigForm event={event} brokerage={props.brokerage} onSaved={state.reload} />} />
            <Route path="registrations" element={<OrganiserParticipantsPage {...props} />} />
            <Route path="schedule" element={<SchedulePage {...props} />} />
            <Route path="stats" element={<StatsPage {...props} />} />
          </>
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  )
}

function BrokerageTabs({ eventId, participant, organiser }: { eventId: string; participant: boolean; organiser: boolean }): ReactElement {
  const { t } = useTranslation()
  const base = `/events/${eventId}/brokerage`
  const tab = (path: string, label: string, testId: string): ReactElement => (
    <li>
      <NavLink to={path ? `${base}/${path}` : base} end data-testid={testId}>
        {label}
      </NavLink>
    </li>
  )
  return (
    <nav className="brokerage-tabs" aria-label={t('events.brokerage.tabs.label')}>
      <ul>
        {tab('', t('events.brokerage.tabs.overview'), 'tab-overview')}
        {participant && tab('people', t('events.brokerage.tabs.people'), 'tab-people')}
        {participant && tab('suggestions', t('events.brokerage.tabs.suggestions'), 'tab-suggestions')}
        {participant && tab('requests', t('events.brokerage.tabs.requests'), 'tab-requests')}
        {participant && tab('agenda', t('events.brokerage.tabs.agenda'), 'tab-agenda')}
      </ul>
      {organiser && (
        <ul className="brokerage-tabs__organiser" aria-label={t('events.brokerage.tabs.organiserLabel')}>
          {tab('settings', t('events.brokerage.tabs.settings'), 'tab-settings')}
          {tab('registrations', t('events.brokerage.tabs.registrations'), 'tab-registrations')}
          {tab('schedule', t('events.brokerage.tabs.schedule'), 'tab-schedule')}
          {tab('stats', t('events.brokerage.tabs.stats'), 'tab-stats')}
        </ul>
      )}
    </nav>
  )
}

/** The rules of the event, then the actor's own participation: register, wait for approval, or edit the profile. */
function Overview(props: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const location = useLocation()
  const { user } = useSession()
  const { brokerage } = props
  return (
    <div className="two-columns">
      <section aria-labelledby="brokerage-rules">
        <h2 id="brokerage-rules">{t('events.brokerage.overview.title')}</h2>
        <dl className="facts" data-testid="brokerage-facts">
          <dt>{t('events.brokerage.overview.sessions')}</dt>
          <dd>
            <ul className="plain-list">
              {brokerage.sessions.map((session) => {
                const slots = brokerage.slots.filter((slot) => slot.sessionId === session.id)
                const first = slots[0]
                const last = slots[slots.length - 1]
                return (
                  <li key={session.id}>
                    {first && last ? `${formatMeetingDay(language, first.startsAt)}, ${formatMeetingTime(language, first.startsAt, last.endsAt)}` : session.day}{' '}
                    <span className="muted">({t('events.brokerage.overview.slotCount', { count: slots.length })})</span>
                  </li>
                )
              })}
            </ul>
            <span className="muted">{t('events.romeTime')}</span>
          </dd>
          <dt>{t('events.brokerage.overview.meetingLength')}</dt>
          <dd>{t('events.brokerage.overview.minutes', { count: brokerage.meetingMinutes })}</dd>
          <dt>{t('events.brokerage.overview.places')}</dt>
          <dd>
            {t('events.brokerage.overview.tables', { count: brokerage.tables })}
            {brokerage.virtualRooms > 0 && `, ${t('events.brokerage.overview.virtualRooms', { count: brokerage.virtualRooms })}`}
          </dd>
          <dt>{t('events.brokerage.overview.maxMeetings')}</dt>
          <dd>{formatNumber(language, brokerage.maxMeetings)}</dd>
          <dt>{t('events.brokerage.overview.requests')}</dt>
          <dd>{t(`events.brokerage.requestMode.${brokerage.requestMode}`)}</dd>
          <dt>{t('events.brokerage.overview.roles')}</dt>
          <dd>{brokerage.rolePairs.map(([a, b]) => `${roleLabel(language, brokerage.roles, a)} ↔ ${roleLabel(language, brokerage.roles, b)}`).join('; ')}</dd>
          <dt>{t('events.brokerage.overview.registration')}</dt>
          <dd>
            {formatDateTime(language, brokerage.registrationOpensAt)} – {formatDateTime(language, brokerage.registrationClosesAt)}
            {brokerage.approval && ` (${t('events.brokerage.overview.approval')})`}
          </dd>
          <dt>{t('events.brokerage.overview.booking')}</dt>
          <dd>
            {formatDateTime(language, brokerage.bookingOpensAt)} – {formatDateTime(language, brokerage.bookingClosesAt)}
          </dd>
          <dt>{t('events.brokerage.overview.participants')}</dt>
          <dd data-testid="participant-count">{formatNumber(language, brokerage.participantCount)}</dd>
          <dt>{t('events.brokerage.overview.agenda')}</dt>
          <dd data-testid="agenda-status" data-status={brokerage.agendaStatus}>{t(`events.brokerage.agendaStatus.${brokerage.agendaStatus}`)}</dd>
        </dl>
      </section>
      <section aria-labelledby="my-participation" className="card" data-testid="my-participation">
        <h2 id="my-participation">{t('events.brokerage.participation.title')}</h2>
        {!user ? (
          <p>
            <Link to="/signin" state={{ from: location.pathname }}>{t('events.brokerage.participation.signIn')}</Link>
          </p>
        ) : (
          <Participation {...props} />
        )}
      </section>
    </div>
  )
}

export function StatusNotice({ brokerage }: { brokerage: BrokerageView }): ReactElement | null {
  const { t } = useTranslation()
  if (brokerage.agendaStatus === 'preliminary' || brokerage.agendaStatus === 'final') return null
  return (
    <Notice testId="agenda-not-published">
      <p>{t('events.brokerage.agenda.notPublished')}</p>
    </Notice>
  )
}
