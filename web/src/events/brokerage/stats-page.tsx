import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage, Loading } from '../../platform/feedback'
import { formatNumber } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import type { BrokerageProps } from './brokerage-page'
import { roleLabel } from './brokerage-format'
import type { StatsView } from './types'

/** The organisers' figures (registrations, requests, meetings by role and district) and the CSV and Excel exports. */
export function StatsPage({ brokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data, error } = useApi<{ stats: StatsView }>(`/api/events/${brokerage.eventId}/brokerage/stats`)
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const { stats } = data
  const number = (value: number): string => formatNumber(language, value)
  const role = (key: string): string => roleLabel(language, brokerage.roles, key)
  // The server counts districts by their short name, and people without one under "none".
  const district = (key: string): string => (key === 'none' ? t('events.brokerage.stats.noDistrict') : key)
  const breakdown = (title: string, counts: Record<string, number>, label: (key: string) => string, testId: string): ReactElement => (
    <div data-testid={testId}>
      <h4>{title}</h4>
      {Object.keys(counts).length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="plain-list">
          {Object.entries(counts)
            .sort(([, x], [, y]) => y - x)
            .map(([key, value]) => (
              <li key={key}>
                {label(key)}: <strong>{number(value)}</strong>
              </li>
            ))}
        </ul>
      )}
    </div>
  )
  const exportLink = (file: string, label: string): ReactElement => (
    <li>
      <a href={`/api/events/${brokerage.eventId}/brokerage/export/${file}?lang=${language}`} download data-testid={`export-${file}`}>
        {label}
      </a>
    </li>
  )
  return (
    <div className="two-columns">
      <section aria-labelledby="stats-title" data-testid="stats">
        <h2 id="stats-title">{t('events.brokerage.stats.title')}</h2>
        <h3>{t('events.brokerage.stats.participants')}</h3>
        <dl className="facts">
          <dt>{t('events.brokerage.stats.registered')}</dt>
          <dd data-testid="stats-participants">{number(stats.participants.total)}</dd>
          <dt>{t('events.brokerage.stats.checkedIn')}</dt>
          <dd>{number(stats.participants.checkedIn)}</dd>
        </dl>
        {breakdown(t('events.brokerage.stats.byStatus'), stats.participants.byStatus, (key) => t(`events.brokerage.participantStatus.${key}`), 'stats-by-status')}
        {breakdown(t('events.brokerage.stats.byRole'), stats.participants.byRole, role, 'stats-by-role')}
        {breakdown(t('events.brokerage.stats.byDistrict'), stats.participants.byDistrict, district, 'stats-by-district')}
        <h3>{t('events.brokerage.stats.requests')}</h3>
        <dl className="facts">
          <dt>{t('events.brokerage.stats.sent')}</dt>
          <dd data-testid="stats-requests">{number(stats.requests.sent)}</dd>
        </dl>
        {breakdown(t('events.brokerage.stats.byStatus'), stats.requests.byStatus, (key) => t(`events.brokerage.requestStatus.${key}`), 'stats-requests-by-status')}
        {breakdown(t('events.brokerage.stats.acceptedByRole'), stats.requests.acceptedByRole, role, 'stats-accepted-by-role')}
        <h3>{t('events.brokerage.stats.meetings')}</h3>
        <dl className="facts">
          <dt>{t('events.brokerage.schedule.scheduled')}</dt>
          <dd data-testid="stats-scheduled">{number(stats.meetings.scheduled)}</dd>
          <dt>{t('events.brokerage.stats.published')}</dt>
          <dd>{number(stats.meetings.published)}</dd>
          <dt>{t('events.brokerage.stats.held')}</dt>
          <dd>{number(stats.meetings.held)}</dd>
          <dt>{t('events.brokerage.stats.notHeld')}</dt>
          <dd>{number(stats.meetings.notHeld)}</dd>
        </dl>
        {breakdown(t('events.brokerage.stats.byRole'), stats.meetings.byRole, role, 'stats-meetings-by-role')}
        {breakdown(t('events.brokerage.stats.byDistrict'), stats.meetings.byDistrict, district, 'stats-meetings-by-district')}
        {breakdown(t('events.brokerage.stats.followUps'), stats.meetings.followUps, (key) => t(`events.brokerage.followUp.status.${key}`), 'stats-follow-ups')}
        <h4>{t('events.brokerage.stats.laterTitle')}</h4>
        <dl className="facts">
          <dt>{t('events.brokerage.stats.laterAsked')}</dt>
          <dd data-testid="stats-later-asked">{number(stats.meetings.laterAsked)}</dd>
          <dt>{t('events.brokerage.stats.laterAnswered')}</dt>
          <dd data-testid="stats-later-answered">{number(stats.meetings.laterAnswered)}</dd>
          <dt>{t('events.brokerage.stats.agreements')}</dt>
          <dd data-testid="stats-agreements">{number(stats.meetings.agreements)}</dd>
        </dl>
        {breakdown(t('events.brokerage.stats.laterFollowUps'), stats.meetings.laterFollowUps, (key) => t(`events.brokerage.followUp.status.${key}`), 'stats-later-follow-ups')}
      </section>
      <aside>
        <section className="card" aria-labelledby="exports-title">
          <h2 id="exports-title">{t('events.brokerage.stats.exports')}</h2>
          <ul className="link-list">
            {exportLink('participants.xlsx', t('events.brokerage.stats.participantsXlsx'))}
            {exportLink('participants.csv', t('events.brokerage.stats.participantsCsv'))}
            {exportLink('meetings.xlsx', t('events.brokerage.stats.meetingsXlsx'))}
            {exportLink('meetings.csv', t('events.brokerage.stats.meetingsCsv'))}
          </ul>
        </section>
      </aside>
    </div>
  )
}
