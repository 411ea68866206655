import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { useSubmit } from '../platform/forms'
import { formatDateTime } from '../platform/format'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { EventWhen, districtName, eventTitle } from './event-bits'
import type { MineResponse } from './types'

export function MinePage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  useDocumentTitle(t('events.mine.title'))
  const { data, error, loading, reload } = useApi<MineResponse>(user ? '/api/events/mine' : null)
  const [feedUrl, setFeedUrl] = useState<string | null>(null)
  const submit = useSubmit()
  if (!user) return <SignInRequired title={t('events.mine.title')} />
  if (error) return <ErrorMessage error={error} />
  if (!data) return loading ? <Loading /> : <></>

  const createFeed = (): Promise<void> =>
    submit.run(async () => {
      setFeedUrl((await api.post<{ url: string }>('/api/events/feed-token')).url)
      reload()
    })
  const revokeFeed = (): Promise<void> =>
    submit.run(async () => {
      await api.del('/api/events/feed-token')
      setFeedUrl(null)
      reload()
    })
  const cancel = (eventId: string): Promise<void> =>
    submit.run(async () => {
      await api.del(`/api/events/${eventId}/registration`)
      reload()
    })
  const answer = (eventId: string, slug: string, accept: boolean): Promise<void> =>
    submit.run(async () => {
      await api.post(`/api/events/${eventId}/coorganisers/${slug}/answer`, { accept })
      reload()
    })

  return (
    <div className="page" data-testid="mine-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/events">{t('events.calendar.title')}</Link>
      </nav>
      <h1>{t('events.mine.title')}</h1>
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      {data.invitations.length > 0 && (
        <section aria-labelledby="invitations-title" data-testid="pending-invitations">
          <h2 id="invitations-title">{t('events.mine.invitations')}</h2>
          <ul className="plain-list">
            {data.invitations.map((invitation) => (
              <li key={`${invitation.event.id}-${invitation.district.slug}`} className="plain-list__item">
                <Link to={`/events/${invitation.event.id}`}>{eventTitle(language, invitation.event)}</Link> (<EventWhen event={invitation.event} />){' '}
                {t('events.mine.invitedAs', { district: districtName(language, invitation.district) })}
                {invitation.message && <span className="muted"> — {invitation.message}</span>}{' '}
                <button type="button" className="button" onClick={() => answer(invitation.event.id, invitation.district.slug, true)}>{t('events.coorganisation.accept')}</button>{' '}
                <button type="button" className="button button--secondary" onClick={() => answer(invitation.event.id, invitation.district.slug, false)}>{t('events.coorganisation.decline')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="registrations-title">
        <h2 id="registrations-title">{t('events.mine.registrations')}</h2>
        {data.registrations.length === 0 ? (
          <p className="empty-state">{t('events.mine.noRegistrations')}</p>
        ) : (
          <ul className="result-list" data-testid="my-registrations">
            {data.registrations.map((registration) => (
              <li key={registration.id} className="result-card" data-testid="my-registration-row" data-status={registration.status}>
                <h3 className="result-card__title">
                  <Link to={`/events/${registration.event.id}`}>{eventTitle(language, registration.event)}</Link>
                </h3>
                <p className="result-card__meta">
                  <EventWhen event={registration.event} /> · <strong>{t(`events.registration.status.${registration.status}`)}</strong>
                </p>
                {['confirmed', 'pending', 'waitlisted'].includes(registration.status) && (
                  <button type="button" className="link-button link-button--danger" onClick={() => cancel(registration.event.id)}>{t('events.registration.cancel')}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="feed-title" data-testid="my-feed">
        <h2 id="feed-title">{t('events.mine.feedTitle')}</h2>
        <p>{t('events.mine.feedLead')}</p>
        {feedUrl && (
          <Notice tone="success" testId="feed-url">
            <p>{t('events.mine.feedCreated')}</p>
            <p><code data-testid="feed-url-value">{feedUrl}</code></p>
          </Notice>
        )}
        {!feedUrl && data.feed.active && data.feed.createdAt && <p>{t('events.mine.feedActive', { date: formatDateTime(language, data.feed.createdAt) })}</p>}
        <div className="form-actions">
          <button type="button" className="button" onClick={createFeed} disabled={submit.busy} data-testid="create-feed">
            {data.feed.active ? t('events.mine.feedRegenerate') : t('events.mine.feedCreate')}
          </button>
          {data.feed.active && (
            <button type="button" className="button button--secondary" onClick={revokeFeed} disabled={submit.busy} data-testid="revoke-feed">{t('events.mine.feedRevoke')}</button>
          )}
        </div>
      </section>
    </div>
  )
}
