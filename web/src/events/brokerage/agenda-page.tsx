import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../platform/api'
import { ErrorMessage, Loading, Notice } from '../../platform/feedback'
import { formatDate } from '../../platform/format'
import { SelectField, useSubmit } from '../../platform/forms'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import { StatusNotice, type BrokerageProps } from './brokerage-page'
import { formatMeetingDay, formatMeetingTime, roleLabel, showsLaterFollowUp } from './brokerage-format'
import { TablePlace } from './table-place'
import { followUps, type AgendaItem, type AgendaView, type BrokerageView, type FollowUp } from './types'

/** My published meetings, in time order and grouped by day, with the printable PDF, the calendar feed and the follow-up. */
export function AgendaPage({ brokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data, error, reload } = useApi<{ agenda: AgendaView }>(brokerage.me ? `/api/events/${brokerage.eventId}/brokerage/agenda` : null)
  if (!brokerage.me) return <p className="empty-state">{t('events.brokerage.agenda.notParticipant')}</p>
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const { items } = data.agenda
  const days = [...new Set(items.map((item) => formatMeetingDay(language, item.startsAt)))]
  return (
    <div className="two-columns">
      <section aria-labelledby="agenda-title" data-testid="agenda">
        <h2 id="agenda-title">{t('events.brokerage.agenda.title')}</h2>
        <StatusNotice brokerage={brokerage} />
        {data.agenda.agendaStatus === 'preliminary' && <p className="muted">{t('events.brokerage.agenda.preliminary')}</p>}
        {items.length === 0 && <p className="empty-state" data-testid="agenda-empty">{t('events.brokerage.agenda.none')}</p>}
        {days.map((day) => (
          <div key={day}>
            <h3 className="brokerage-day">{day}</h3>
            <ul className="result-list">
              {items
                .filter((item) => formatMeetingDay(language, item.startsAt) === day)
                .map((item) => (
                  <AgendaEntry key={item.meetingId} brokerage={brokerage} item={item} onSaved={reload} />
                ))}
            </ul>
          </div>
        ))}
        <p className="muted">{t('events.romeTime')}</p>
      </section>
      <aside>
        <section className="card" aria-labelledby="agenda-take-away">
          <h2 id="agenda-take-away">{t('events.brokerage.agenda.takeAway')}</h2>
          <p>
            <a className="button button--secondary" href={`/api/events/${brokerage.eventId}/brokerage/agenda.pdf?lang=${language}`} target="_blank" rel="noopener" data-testid="agenda-pdf">
              {t('events.brokerage.agenda.pdf')}
            </a>
          </p>
          <FeedLink />
        </section>
      </aside>
    </div>
  )
}

function AgendaEntry({ brokerage, item, onSaved }: { brokerage: BrokerageView; item: AgendaItem; onSaved: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const started = new Date(item.startsAt).getTime() <= Date.now()
  return (
    <li className="result-card" data-testid="agenda-item" data-meeting-id={item.meetingId}>
      <p className="result-card__meta">
        <strong className="brokerage-time">{formatMeetingTime(language, item.startsAt, item.endsAt)}</strong> · <TablePlace table={item.table} />
      </p>
      <h4 className="result-card__title" data-testid="agenda-with">{item.with.fullName}</h4>
      <p className="muted">{[item.with.organisation, roleLabel(language, brokerage.roles, item.with.role)].filter(Boolean).join(' · ')}</p>
      {item.with.offer && (
        <p>
          <strong>{t('events.brokerage.participation.offer')}:</strong> {item.with.offer}
        </p>
      )}
      {item.with.request && (
        <p>
          <strong>{t('events.brokerage.participation.request')}:</strong> {item.with.request}
        </p>
      )}
      {started ? <FollowUpForm eventId={brokerage.eventId} item={item} onSaved={onSaved} /> : null}
      {showsLaterFollowUp(item) ? <LaterFollowUpForm eventId={brokerage.eventId} item={item} onSaved={onSaved} /> : null}
    </li>
  )
}

/** After the meeting: was it held, and what came of it (feeds the partnership funnel). */
function FollowUpForm({ eventId, item, onSaved }: { eventId: string; item: AgendaItem; onSaved: () => void }): ReactElement {
  const { t } = useTranslation()
  const [held, setHeld] = useState(item.myHeld === null ? '' : String(item.myHeld))
  const [followUp, setFollowUp] = useState<string>(item.myFollowUp ?? 'none')
  const [saved, setSaved] = useState(false)
  const submit = useSubmit()
  return (
    <form
      className="form form--inline"
      data-testid="follow-up"
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void submit.run(async () => {
          await api.put(`/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up`, { held: held === 'true', followUp: followUp as FollowUp })
          setSaved(true)
          onSaved()
        })
      }}
    >
      <SelectField
        label={t('events.brokerage.followUp.held')}
        value={held}
        onChange={setHeld}
        emptyLabel={t('events.brokerage.followUp.choose')}
        required
        testId="follow-up-held"
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
      <SelectField
        label={t('events.brokerage.followUp.next')}
        value={followUp}
        onChange={setFollowUp}
        testId="follow-up-status"
        options={followUps.map((value) => ({ value, label: t(`events.brokerage.followUp.status.${value}`) }))}
      />
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      <button type="submit" className="button" disabled={submit.busy || held === ''} data-testid="save-follow-up">
        {t('events.brokerage.followUp.save')}
      </button>
      {saved && <span className="muted" data-testid="follow-up-saved">{t('common.saved')}</span>}
    </form>
  )
}

/** Six months on, CLOCK asks again what came of the meeting; my first answer is shown beside it. */
function LaterFollowUpForm({ eventId, item, onSaved }: { eventId: string; item: AgendaItem; onSaved: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [followUp, setFollowUp] = useState<string>(item.myLaterFollowUp ?? '')
  const [saved, setSaved] = useState(false)
  const submit = useSubmit()
  const status = (value: FollowUp | null): string => (value ? t(`events.brokerage.followUp.status.${value}`) : t('events.brokerage.laterFollowUp.notRecorded'))
  return (
    <form
      className="form form--inline"
      data-testid="later-follow-up"
      aria-label={t('events.brokerage.laterFollowUp.title')}
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void submit.run(async () => {
          await api.put(`/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up/later`, { followUp: followUp as FollowUp })
          setSaved(true)
          onSaved()
        })
      }}
    >
      <p className="muted">
        <strong>{t('events.brokerage.laterFollowUp.title')}</strong>
        {item.laterAskedAt && <> · {t('events.brokerage.laterFollowUp.askedOn', { date: formatDate(language, item.laterAskedAt) })}</>}
      </p>
      <dl className="facts">
        <dt>{t('events.brokerage.laterFollowUp.first')}</dt>
        <dd data-testid="later-follow-up-first">{status(item.myFollowUp)}</dd>
        <dt>{t('events.brokerage.laterFollowUp.later')}</dt>
        <dd data-testid="later-follow-up-answer">{status(item.myLaterFollowUp)}</dd>
      </dl>
      <SelectField
        label={t('events.brokerage.laterFollowUp.question')}
        value={followUp}
        onChange={setFollowUp}
        emptyLabel={t('events.brokerage.followUp.choose')}
        required
        testId="later-follow-up-status"
        options={followUps.map((value) => ({ value, label: t(`events.brokerage.followUp.status.${value}`) }))}
      />
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      <button type="submit" className="button" disabled={submit.busy || followUp === ''} data-testid="save-later-follow-up">
        {t('events.brokerage.followUp.save')}
      </button>
      {saved && <span className="muted" data-testid="later-follow-up-saved">{t('common.saved')}</span>}
    </form>
  )
}

/** The personal iCalendar feed (registrations and meetings): a secret address, shown once when created. */
function FeedLink(): ReactElement {
  const { t } = useTranslation()
  const [url, setUrl] = useState<string | null>(null)
  const submit = useSubmit()
  return (
    <div data-testid="agenda-feed">
      <p>{t('events.brokerage.agenda.feedLead')}</p>
      {url ? (
        <Notice tone="success">
          <p>{t('events.mine.feedCreated')}</p>
          <p>
            <code className="brokerage-feed-url" data-testid="feed-url-value">{url}</code>
          </p>
        </Notice>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={submit.busy}
          data-testid="create-feed"
          onClick={() =>
            void submit.run(async () => {
              setUrl((await api.post<{ url: string }>('/api/events/feed-token')).url)
            })
          }
        >
          {t('events.brokerage.agenda.feedCreate')}
        </button>
      )}
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      <p className="muted">
        <Link to="/events/mine">{t('events.brokerage.agenda.feedManage')}</Link>
      </p>
    </div>
  )
}
