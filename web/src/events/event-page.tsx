import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { useClusters } from '../districts/use-clusters'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { SelectField, TextArea, errorFor, useSubmit } from '../platform/forms'
import { formatDateTime, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { EventWhen, districtName, eventTitle } from './event-bits'
import type { EventDetail, RegistrationRow } from './types'

export function EventPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const location = useLocation()
  const { user } = useSession()
  const { data, error, loading, reload } = useApi<{ event: EventDetail }>(`/api/events/${encodeURIComponent(id)}`)
  const event = data?.event
  useDocumentTitle(event ? eventTitle(language, event) : undefined)
  const registration = useSubmit()
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true

  if (error) return <ErrorMessage error={error} />
  if (!event) return loading ? <Loading /> : <></>
  const description = localized(language, event.descriptionIt, event.descriptionEn)
  const mine = event.myRegistration
  const active = mine !== null && mine.status !== 'cancelled'
  const register = (): Promise<void> =>
    registration.run(async () => {
      await api.post(`/api/events/${event.id}/registration`)
      reload()
    })
  const cancel = (): Promise<void> =>
    registration.run(async () => {
      await api.del(`/api/events/${event.id}/registration`)
      reload()
    })

  return (
    <article className="page" data-testid="event-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/events">{t('events.calendar.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">
            {t(`events.kind.${event.kind}`)}
            {event.status !== 'published' && <span className="badge" data-testid="event-status">{t(`events.status.${event.status}`)}</span>}
          </p>
          <h1 data-testid="event-title">{eventTitle(language, event)}</h1>
          <p className="page-subtitle" data-testid="event-when">
            <EventWhen event={event} /> <span className="muted">({t('events.romeTime')})</span>
          </p>
        </div>
        <div className="events-actions">
          <a className="button button--secondary" href={`/api/events/${event.id}/ics?lang=${language}`} data-testid="add-to-calendar" download>
            {t('events.event.addToCalendar')}
          </a>
          {event.canEdit && (
            <Link className="button" to={`/events/${event.id}/edit`} data-testid="edit-event">
              {t('common.edit')}
            </Link>
          )}
        </div>
      </header>
      {justSaved && (
        <Notice tone="success" testId="saved">
          <p>{t('events.form.saved')}</p>
        </Notice>
      )}
      <div className="two-columns">
        <div>
          {description && <p className="prose">{description}</p>}
          <dl className="facts">
            <dt>{t('events.event.organisers')}</dt>
            <dd data-testid="event-organisers">{event.organisers.map((d) => districtName(language, d)).join(', ')}</dd>
            {event.coorganisers.length > 0 && (
              <>
                <dt>{t('events.event.coorganisers')}</dt>
                <dd data-testid="event-coorganisers">{event.coorganisers.map((d) => districtName(language, d)).join(', ')}</dd>
              </>
            )}
            {event.inPerson && (
              <>
                <dt>{t('events.event.venue')}</dt>
                <dd>{[event.venueName, event.venueRoom, event.venueAddress, event.city].filter(Boolean).join(', ')}</dd>
              </>
            )}
            {event.online && (
              <>
                <dt>{t('events.event.online')}</dt>
                <dd>{event.virtualUrl ? <a href={event.virtualUrl} rel="noopener noreferrer" target="_blank">{event.virtualUrl}</a> : t('events.event.linkForParticipants')}</dd>
              </>
            )}
            <dt>{t('events.event.language')}</dt>
            <dd>{t(`events.language.${event.language}`)}</dd>
            {event.audiences.length > 0 && (
              <>
                <dt>{t('events.event.audience')}</dt>
                <dd>{event.audiences.map((audience) => t(`events.audience.${audience}`)).join(', ')}</dd>
              </>
            )}
          </dl>
          {event.taxonomyCodes.length > 0 && (
            <section>
              <h2>{t('events.event.topics')}</h2>
              <TaxonomyLabels codes={event.taxonomyCodes} />
            </section>
          )}
        </div>
        <aside>
          <section className="card" aria-labelledby="registration-title" data-testid="registration-box">
            <h2 id="registration-title">{t('events.registration.title')}</h2>
            {event.registration === 'none' ? (
              <p>{t('events.registration.none')}</p>
            ) : (
              <>
                <p>
                  {event.capacity === null
                    ? t('events.registration.noLimit')
                    : t('events.registration.seats', { left: formatNumber(language, event.seatsLeft ?? 0), capacity: formatNumber(language, event.capacity) })}
                  {event.registration === 'approval' && ` ${t('events.registration.approvalNeeded')}`}
                </p>
                {active && mine && (
                  <p data-testid="my-registration" data-status={mine.status}>
                    <strong>{t(`events.registration.status.${mine.status}`)}</strong>
                  </p>
                )}
                {registration.failure && <p className="field-error" role="alert">{registration.failure.message}</p>}
                {!user && <p><Link to="/signin" state={{ from: location.pathname }}>{t('events.registration.signIn')}</Link></p>}
                {user && event.canRegister && !active && (
                  <button type="button" className="button" onClick={register} disabled={registration.busy} data-testid="register">
                    {t('events.registration.register')}
                  </button>
                )}
                {user && active && mine && ['confirmed', 'pending', 'waitlisted'].includes(mine.status) && (
                  <button type="button" className="button button--secondary" onClick={cancel} disabled={registration.busy} data-testid="cancel-registration">
                    {t('events.registration.cancel')}
                  </button>
                )}
              </>
            )}
          </section>
          {event.kind === 'matchmaking' && (
            <section className="card" aria-labelledby="brokerage-box-title" data-testid="brokerage-box">
              <h2 id="brokerage-box-title">{t('events.brokerage.title')}</h2>
              <p>{t('events.brokerage.eventLead')}</p>
              <Link className="button" to={`/events/${event.id}/brokerage`} data-testid="brokerage-link">
                {t('events.brokerage.open')}
              </Link>
            </section>
          )}
          <Invitations event={event} reload={reload} />
        </aside>
      </div>
      {event.canEdit && event.registration !== 'none' && <Registrations eventId={event.id} onChange={reload} />}
    </article>
  )
}

function Invitations({ event, reload }: { event: EventDetail; reload: () => void }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  const [district, setDistrict] = useState('')
  const [message, setMessage] = useState('')
  const submit = useSubmit()
  if (!event.canEdit && !event.invitations.some((invitation) => invitation.canAnswer)) return null
  const taken = new Set([...event.organisers, ...event.invitations.map((invitation) => invitation.district)].map((d) => d.slug))
  const answer = (slug: string, accept: boolean): Promise<void> =>
    submit.run(async () => {
      await api.post(`/api/events/${event.id}/coorganisers/${slug}/answer`, { accept })
      reload()
    })
  return (
    <section className="card" aria-labelledby="coorganisation-title" data-testid="coorganisation">
      <h2 id="coorganisation-title">{t('events.coorganisation.title')}</h2>
      {event.invitations.length > 0 && (
        <ul className="plain-list">
          {event.invitations.map((invitation) => (
            <li key={invitation.district.slug} className="plain-list__item events-clash" data-testid="invitation" data-status={invitation.status}>
              {districtName(language, invitation.district)}: <strong>{t(`events.coorganisation.status.${invitation.status}`)}</strong>
              {invitation.message && <span className="muted"> — {invitation.message}</span>}
              {invitation.canAnswer && (
                <span className="table__actions">
                  <button type="button" className="button" onClick={() => answer(invitation.district.slug, true)} data-testid="accept-invitation">{t('events.coorganisation.accept')}</button>
                  <button type="button" className="button button--secondary" onClick={() => answer(invitation.district.slug, false)}>{t('events.coorganisation.decline')}</button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {event.canEdit && (
        <form
          className="form"
          onSubmit={(formEvent) => {
            formEvent.preventDefault()
            void submit.run(async () => {
              await api.post(`/api/events/${event.id}/coorganisers`, { districtSlug: district, message })
              setDistrict('')
              setMessage('')
              reload()
            })
          }}
        >
          <SelectField
            label={t('events.coorganisation.district')}
            value={district}
            onChange={setDistrict}
            emptyLabel={t('events.coorganisation.choose')}
            error={errorFor(submit.failure, 'districtSlug')}
            testId="invite-district"
            options={(clusters.data?.items ?? []).filter((c) => !taken.has(c.slug)).map((c) => ({ value: c.slug, label: localized(language, c.nameIt, c.nameEn) }))}
          />
          <TextArea label={t('events.coorganisation.message')} value={message} onChange={setMessage} rows={2} />
          {submit.failure && !submit.failure.field && <p className="field-error" role="alert">{submit.failure.message}</p>}
          <button type="submit" className="button" disabled={!district || submit.busy} data-testid="invite-submit">{t('events.coorganisation.propose')}</button>
        </form>
      )}
    </section>
  )
}

function Registrations({ eventId, onChange }: { eventId: string; onChange: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data, error, reload } = useApi<{ items: RegistrationRow[] }>(`/api/events/${eventId}/registrations`)
  const submit = useSubmit()
  const decide = (registrationId: string, decision: 'approve' | 'decline'): Promise<void> =>
    submit.run(async () => {
      await api.post(`/api/events/${eventId}/registrations/${registrationId}/decision`, { decision })
      reload()
      onChange()
    })
  return (
    <section aria-labelledby="registrations-title" data-testid="registrations">
      <h2 id="registrations-title">{t('events.registrations.title')}</h2>
      {error && <ErrorMessage error={error} />}
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      {data && data.items.length === 0 && <p className="muted">{t('events.registrations.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrapper">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('events.registrations.name')}</th>
                <th scope="col">{t('events.registrations.email')}</th>
                <th scope="col">{t('events.registrations.when')}</th>
                <th scope="col">{t('events.registrations.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('events.registrations.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.id} data-testid="registration-row" data-status={row.status}>
                  <td>{row.fullName}</td>
                  <td>{row.email}</td>
                  <td>{formatDateTime(language, row.createdAt)}</td>
                  <td>{t(`events.registration.status.${row.status}`)}</td>
                  <td className="table__actions">
                    {['pending', 'waitlisted'].includes(row.status) && (
                      <button type="button" className="button" onClick={() => decide(row.id, 'approve')} data-testid="approve">{t('events.registrations.approve')}</button>
                    )}
                    {['pending', 'waitlisted', 'confirmed'].includes(row.status) && (
                      <button type="button" className="link-button link-button--danger" onClick={() => decide(row.id, 'decline')}>{t('events.registrations.decline')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
