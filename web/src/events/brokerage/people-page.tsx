import { useState, type ReactElement, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClusters } from '../../districts/use-clusters'
import { api, withQuery } from '../../platform/api'
import { ErrorMessage, Loading } from '../../platform/feedback'
import { SelectField, TextArea, TextField, useSubmit } from '../../platform/forms'
import { useApi } from '../../platform/use-api'
import { useDebounced } from '../../platform/use-debounced'
import { localized, useLanguage } from '../../platform/use-language'
import { TaxonomyLabels } from '../../taxonomy/taxonomy-labels'
import { TaxonomySelect } from '../../taxonomy/taxonomy-select'
import { useTaxonomy } from '../../taxonomy/use-taxonomy'
import type { BrokerageProps } from './brokerage-page'
import { roleLabel, rolesMayMeet } from './brokerage-format'
import type { BrokerageView, ParticipantView, Reason, Suggestion } from './types'

/** Confirmed participants, filtered by role, topic, district and words, each with the way to ask for a meeting. */
export function PeoplePage({ brokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  const [role, setRole] = useState('')
  const [taxonomy, setTaxonomy] = useState('')
  const [district, setDistrict] = useState('')
  const [words, setWords] = useState('')
  const q = useDebounced(words, 300)
  const path = withQuery(`/api/events/${brokerage.eventId}/brokerage/participants`, { role, taxonomy, district, q: q.trim() })
  const { data, error, reload } = useApi<{ items: ParticipantView[] }>(path)
  const others = (data?.items ?? []).filter((p) => p.id !== brokerage.me?.id)
  return (
    <section aria-labelledby="people-title" className="directory__layout">
      <form className="filters" role="search" aria-labelledby="people-filters" onSubmit={(formEvent) => formEvent.preventDefault()}>
        <h2 id="people-filters" className="visually-hidden">{t('events.brokerage.people.filters')}</h2>
        <TextField label={t('events.brokerage.people.search')} type="search" value={words} onChange={setWords} testId="people-q" />
        <SelectField
          label={t('events.brokerage.people.role')}
          value={role}
          onChange={setRole}
          emptyLabel={t('common.any')}
          testId="people-role"
          options={brokerage.roles.map((r) => ({ value: r.key, label: roleLabel(language, brokerage.roles, r.key) }))}
        />
        <TaxonomySelect label={t('events.brokerage.people.topic')} value={taxonomy} onChange={setTaxonomy} testId="people-taxonomy" />
        <SelectField
          label={t('events.brokerage.people.district')}
          value={district}
          onChange={setDistrict}
          emptyLabel={t('common.any')}
          testId="people-district"
          options={(clusters.data?.items ?? []).map((c) => ({ value: c.slug, label: localized(language, c.nameIt, c.nameEn) }))}
        />
      </form>
      <div>
        <h2 id="people-title" className="results-title" data-testid="people-count" data-count={others.length}>
          {t('events.brokerage.people.count', { count: others.length })}
        </h2>
        {error && <ErrorMessage error={error} />}
        {!data && !error && <Loading />}
        {data && others.length === 0 && <p className="empty-state">{t('events.brokerage.people.none')}</p>}
        <ul className="result-list" data-testid="people">
          {others.map((participant) => (
            <ParticipantCard key={participant.id} brokerage={brokerage} participant={participant}>
              <RequestAction brokerage={brokerage} participant={participant} onSent={reload} />
            </ParticipantCard>
          ))}
        </ul>
      </div>
    </section>
  )
}

/** People the matchmaking engine suggests, best first, with the reasons in words. */
export function SuggestionsPage({ brokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const { data, error, reload } = useApi<{ items: Suggestion[] }>(`/api/events/${brokerage.eventId}/brokerage/suggestions`)
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('events.brokerage.suggestions.title')}</h2>
      <p className="section-lead">{t('events.brokerage.suggestions.lead')}</p>
      {data.items.length === 0 && <p className="empty-state">{t('events.brokerage.suggestions.none')}</p>}
      <ul className="result-list" data-testid="suggestions">
        {data.items.map((suggestion) => (
          <ParticipantCard key={suggestion.participant.id} brokerage={brokerage} participant={suggestion.participant} testId="suggestion">
            <Reasons brokerage={brokerage} reasons={suggestion.reasons} />
            <RequestAction brokerage={brokerage} participant={suggestion.participant} onSent={reload} />
          </ParticipantCard>
        ))}
      </ul>
    </section>
  )
}

function Reasons({ brokerage, reasons }: { brokerage: BrokerageView; reasons: Reason[] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { label } = useTaxonomy()
  const text = (reason: Reason): string => {
    switch (reason.kind) {
      case 'shared_topics':
        return t('events.brokerage.reasons.sharedTopics', { list: reason.codes.map(label).join(', ') })
      case 'related_topics':
        return t('events.brokerage.reasons.relatedTopics', { list: reason.codes.map(label).join(', ') })
      case 'complementary_roles':
        return t('events.brokerage.reasons.roles', { mine: roleLabel(language, brokerage.roles, reason.roles[0]), theirs: roleLabel(language, brokerage.roles, reason.roles[1]) })
      case 'different_district':
        return t('events.brokerage.reasons.otherDistrict')
    }
  }
  return (
    <div>
      <p className="muted">{t('events.brokerage.reasons.why')}</p>
      <ul className="reasons" data-testid="reasons">
        {reasons.map((reason) => (
          <li key={reason.kind} data-kind={reason.kind}>{text(reason)}</li>
        ))}
      </ul>
    </div>
  )
}

export function ParticipantCard({ brokerage, participant, children, testId = 'participant' }: { brokerage: BrokerageView; participant: ParticipantView; children?: ReactNode; testId?: string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <li className="result-card" data-testid={testId} data-participant-id={participant.id}>
      <h3 className="result-card__title" data-testid="participant-name">{participant.fullName}</h3>
      <p className="result-card__meta">
        {[participant.organisation?.name, roleLabel(language, brokerage.roles, participant.role), participant.districts.map((d) => d.shortName).join(', ')].filter(Boolean).join(' · ')}
      </p>
      {participant.offer && (
        <p>
          <strong>{t('events.brokerage.participation.offer')}:</strong> {participant.offer}
        </p>
      )}
      {participant.request && (
        <p>
          <strong>{t('events.brokerage.participation.request')}:</strong> {participant.request}
        </p>
      )}
      {participant.profiles.length > 0 && (
        <p className="muted">
          {t('events.brokerage.people.profiles')} {participant.profiles.map((p) => p.title).join('; ')}
        </p>
      )}
      <TaxonomyLabels codes={participant.taxonomyCodes} linked={false} />
      {children}
    </li>
  )
}

/** What the actor can do with someone: ask for a meeting with a message, or see where their request stands. */
export function RequestAction({ brokerage, participant, onSent }: { brokerage: BrokerageView; participant: ParticipantView; onSent: () => void }): ReactElement {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState('')
  const submit = useSubmit()
  const me = brokerage.me
  const live = participant.myRequest && ['pending', 'accepted'].includes(participant.myRequest.status) ? participant.myRequest : null
  if (live) {
    return (
      <p data-testid="request-state" data-status={live.status}>
        <strong>{t(`events.brokerage.requestStatus.${live.status}`)}</strong> {live.sentByMe ? t('events.brokerage.requests.sentByMe') : t('events.brokerage.requests.sentToMe')}
      </p>
    )
  }
  if (!me || !rolesMayMeet(brokerage.rolePairs, me.role, participant.role)) return <p className="muted">{t('events.brokerage.people.rolesCannotMeet')}</p>
  if (!brokerage.bookingOpen) return <p className="muted">{t('events.brokerage.people.bookingClosed')}</p>
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="request-meeting">
        {t('events.brokerage.people.ask')}
      </button>
    )
  }
  return (
    <form
      className="form"
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void submit.run(async () => {
          await api.post(`/api/events/${brokerage.eventId}/brokerage/requests`, { toParticipantId: participant.id, message })
          setOpen(false)
          onSent()
        })
      }}
    >
      <TextArea label={t('events.brokerage.people.message')} value={message} onChange={setMessage} rows={2} testId="request-message" />
      {submit.failure && <p className="field-error" role="alert">{submit.failure.message}</p>}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy} data-testid="send-request">
          {t('events.brokerage.people.send')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
