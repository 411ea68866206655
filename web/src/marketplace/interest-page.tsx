import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { romeToday } from '../../../src/platform/rome-time'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { formatDate, formatDateTime, formatEuros, parseEurosToCents } from '../platform/format'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { MarketplaceNav } from './marketplace-nav'
import { partnershipKinds, type InterestDetail } from './types'

/** One expression of interest: the decision, the contact thread and the steps towards an agreement. */
export function InterestPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { user } = useSession()
  const language = useLanguage()
  const { data, error, loading, replace } = useApi<{ interest: InterestDetail }>(user ? `/api/interests/${encodeURIComponent(id)}` : null)
  const interest = data?.interest
  useDocumentTitle(interest?.profile.title)
  const decision = useSubmit()
  if (!user) return <SignInRequired title={t('marketplace.inbox.title')} />
  if (error) return <ErrorMessage error={error} />
  if (!interest) return loading ? <Loading /> : <></>
  const update = (next: InterestDetail): void => replace({ interest: next })
  const decide = (choice: 'accept' | 'decline'): void =>
    void decision.run(async () => update((await api.post<{ interest: InterestDetail }>(`/api/interests/${interest.id}/decision`, { decision: choice })).interest))

  return (
    <article className="page" data-testid="interest-page" data-status={interest.status}>
      <MarketplaceNav />
      <header className="page-header">
        <div>
          <p className="page-kicker">{t(`marketplace.interestStatuses.${interest.status}`)}</p>
          <h1>
            <Link to={`/marketplace/profiles/${interest.profile.id}`}>{interest.profile.title}</Link>
          </h1>
          <p className="page-subtitle">
            {interest.organisation.name} → {interest.profile.organisation.name}
          </p>
        </div>
      </header>
      <div className="two-columns">
        <div>
          <section aria-labelledby="first-message">
            <h2 id="first-message">{t('marketplace.thread.interestMessage')}</h2>
            <p className="prose" data-testid="interest-first-message">
              {interest.message}
            </p>
          </section>
          {interest.canDecide && (
            <section className="form form--panel" data-testid="decision-panel">
              <FormAlert failure={decision.failure} />
              <p>{t('marketplace.thread.decideHint')}</p>
              <div className="form-actions">
                <button type="button" className="button" disabled={decision.busy} onClick={() => decide('accept')} data-testid="accept-interest">
                  {t('marketplace.thread.accept')}
                </button>
                <button type="button" className="button button--secondary" disabled={decision.busy} onClick={() => decide('decline')} data-testid="decline-interest">
                  {t('marketplace.thread.decline')}
                </button>
              </div>
            </section>
          )}
          {interest.status === 'pending' && !interest.canDecide && <p className="muted">{t('marketplace.thread.waiting')}</p>}
          {interest.status === 'accepted' && (
            <section aria-labelledby="thread-title">
              <h2 id="thread-title">{t('marketplace.thread.title')}</h2>
              {interest.messages.length === 0 && <p className="empty-state">{t('marketplace.thread.noMessages')}</p>}
              <ol className="timeline" data-testid="thread">
                {interest.messages.map((message) => (
                  <li key={message.id} data-testid="thread-message">
                    <p className="muted">
                      {message.organisationName}
                      {message.authorName ? ` · ${message.authorName}` : ''} · {formatDateTime(language, message.createdAt)}
                    </p>
                    <p>{message.body}</p>
                  </li>
                ))}
              </ol>
              {interest.canTakePart && <MessageForm interestId={interest.id} onSent={update} />}
            </section>
          )}
        </div>
        <div>
          <section className="facts" aria-labelledby="steps-title">
            <h2 id="steps-title">{t('marketplace.thread.steps')}</h2>
            <ol className="timeline" data-testid="steps">
              {interest.steps.map((step, index) => (
                <li key={`${step.step}-${index}`} data-testid="step" data-step={step.step}>
                  <strong>{t(`marketplace.steps.${step.step}`)}</strong> · {formatDate(language, step.occurredOn)}
                  {step.meetingMode && ` · ${t(`marketplace.meetingModes.${step.meetingMode}`)}`}
                  {step.agreementType && ` · ${t(`marketplace.partnerships.${step.agreementType}`)}`}
                  {step.valueCents !== null && ` · ${formatEuros(language, step.valueCents)}`}
                </li>
              ))}
            </ol>
          </section>
          {interest.canTakePart && <StepForm interestId={interest.id} onRecorded={update} />}
        </div>
      </div>
    </article>
  )
}

function MessageForm({ interestId, onSent }: { interestId: string; onSent: (interest: InterestDetail) => void }): ReactElement {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      onSent((await api.post<{ interest: InterestDetail }>(`/api/interests/${interestId}/messages`, { body: body.trim() })).interest)
      setBody('')
    })
  }
  return (
    <form className="form" onSubmit={submit} data-testid="message-form">
      <FormAlert failure={failure} />
      <TextArea label={t('marketplace.thread.newMessage')} value={body} onChange={setBody} rows={3} error={errorFor(failure, 'body')} testId="message-body" />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="send-message">
          {t('marketplace.thread.send')}
        </button>
      </div>
    </form>
  )
}

/** An amount the browser cannot read goes to the server as typed, so that the server names the field. */
function centsOrText(cents: number | null, typed: string): number | string | null {
  return cents !== null && Number.isNaN(cents) ? typed : cents
}

function StepForm({ interestId, onRecorded }: { interestId: string; onRecorded: (interest: InterestDetail) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [step, setStep] = useState<'meeting' | 'agreement' | 'no_agreement'>('meeting')
  const [occurredOn, setOccurredOn] = useState(romeToday())
  const [meetingMode, setMeetingMode] = useState<'physical' | 'virtual'>('physical')
  const [agreementType, setAgreementType] = useState<string>('technical_cooperation')
  const [value, setValue] = useState('')
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      const body =
        step === 'meeting'
          ? { step, occurredOn, meetingMode }
          : step === 'agreement'
            ? { step, occurredOn, agreementType, valueCents: centsOrText(parseEurosToCents(language, value), value) }
            : { step, occurredOn }
      onRecorded((await api.post<{ interest: InterestDetail }>(`/api/interests/${interestId}/steps`, body)).interest)
    })
  }
  return (
    <form className="form form--panel" onSubmit={submit} data-testid="step-form">
      <h2>{t('marketplace.thread.recordStep')}</h2>
      <FormAlert failure={failure} />
      <SelectField
        label={t('marketplace.thread.step')}
        value={step}
        onChange={(next) => setStep(next as typeof step)}
        options={(['meeting', 'agreement', 'no_agreement'] as const).map((kind) => ({ value: kind, label: t(`marketplace.steps.${kind}`) }))}
        testId="step-kind"
      />
      <TextField label={t('marketplace.thread.date')} type="date" value={occurredOn} onChange={setOccurredOn} error={errorFor(failure, 'occurredOn')} testId="step-date" />
      {step === 'meeting' && (
        <SelectField
          label={t('marketplace.thread.meetingMode')}
          value={meetingMode}
          onChange={(next) => setMeetingMode(next as 'physical' | 'virtual')}
          options={(['physical', 'virtual'] as const).map((mode) => ({ value: mode, label: t(`marketplace.meetingModes.${mode}`) }))}
          testId="step-meeting-mode"
        />
      )}
      {step === 'agreement' && (
        <>
          <SelectField
            label={t('marketplace.thread.agreementType')}
            value={agreementType}
            onChange={setAgreementType}
            options={partnershipKinds.map((kind) => ({ value: kind, label: t(`marketplace.partnerships.${kind}`) }))}
            testId="step-agreement-type"
          />
          <TextField label={t('marketplace.thread.value')} hint={t('marketplace.thread.valueHint')} inputMode="decimal" value={value} onChange={setValue} error={errorFor(failure, 'valueCents')} testId="step-value" />
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="record-step">
          {t('marketplace.thread.record')}
        </button>
      </div>
    </form>
  )
}
