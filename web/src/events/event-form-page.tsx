import { useEffect, useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { useClusters } from '../districts/use-clusters'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { Checkbox, SelectField, TextArea, TextField, errorFor, useSubmit } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { useDebounced } from '../platform/use-debounced'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import { ClashReasons, EventWhen, districtName, eventTitle } from './event-bits'
import { clashQuery, emptyEventForm, eventBody, formFromEvent, type EventFormValues } from './event-form'
import { audiences, eventKinds, type Clash, type EventDetail } from './types'

export function NewEventPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  useDocumentTitle(t('events.form.newTitle'))
  if (!user) return <SignInRequired title={t('events.form.newTitle')} />
  const managed = user.managedClusters.map((cluster) => cluster.slug)
  if (managed.length === 0 && !user.roles.includes('platform_admin')) {
    return (
      <div className="page">
        <h1>{t('events.form.newTitle')}</h1>
        <Notice tone="warning" testId="not-a-manager"><p>{t('events.form.managersOnly')}</p></Notice>
      </div>
    )
  }
  return <EventForm initial={emptyEventForm(managed.slice(0, 1))} title={t('events.form.newTitle')} />
}

export function EditEventPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { user } = useSession()
  const { data, error, loading } = useApi<{ event: EventDetail }>(user ? `/api/events/${encodeURIComponent(id)}` : null)
  useDocumentTitle(t('events.form.editTitle'))
  if (!user) return <SignInRequired title={t('events.form.editTitle')} />
  if (error) return <ErrorMessage error={error} />
  if (!data) return loading ? <Loading /> : <></>
  if (!data.event.canEdit) return <Notice tone="warning" testId="not-allowed"><p>{t('events.form.notAllowed')}</p></Notice>
  return <EventForm initial={formFromEvent(data.event)} eventId={data.event.id} title={t('events.form.editTitle')} />
}

function DateTimeField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; testId: string }): ReactElement {
  const id = useId()
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        <span className="required" aria-hidden="true"> *</span>
      </label>
      {props.error && <p className="field-error" id={`${id}-error`} data-testid="field-error">{props.error}</p>}
      <input id={id} type="datetime-local" required value={props.value} data-testid={props.testId} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? `${id}-error` : undefined} onChange={(event) => props.onChange(event.target.value)} />
    </div>
  )
}

function EventForm({ initial, eventId, title }: { initial: EventFormValues; eventId?: string; title: string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const { user } = useSession()
  const clusters = useClusters()
  const [values, setValues] = useState(initial)
  const [clashes, setClashes] = useState<Clash[] | null>(null)
  const [proposeTo, setProposeTo] = useState<string[]>([])
  const submit = useSubmit()
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]): void => setValues((current) => ({ ...current, [key]: value }))
  const toggle = (list: string[], item: string, on: boolean): string[] => (on ? [...new Set([...list, item])] : list.filter((entry) => entry !== item))

  // The clash warning follows the form as it is filled in, so it is on screen before saving.
  const query = useDebounced(JSON.stringify(clashQuery(values, eventId)), 400)
  useEffect(() => {
    const body = JSON.parse(query) as Record<string, unknown> | null
    if (!body) {
      setClashes(null)
      return
    }
    let current = true
    api.post<{ clashes: Clash[] }>('/api/events/check', body).then(
      (result) => current && setClashes(result.clashes),
      () => current && setClashes(null),
    )
    return () => {
      current = false
    }
  }, [query])

  const isAdmin = user?.roles.includes('platform_admin') ?? false
  const organiserChoices = isAdmin
    ? (clusters.data?.items ?? []).map((c) => ({ slug: c.slug, name: localized(language, c.nameIt, c.nameEn) }))
    : [
        ...(user?.managedClusters ?? []).map((c) => ({ slug: c.slug, name: localized(language, c.nameIt, c.nameEn) })),
        ...initial.organiserSlugs
          .filter((slug) => !(user?.managedClusters ?? []).some((c) => c.slug === slug))
          .map((slug) => {
            const cluster = clusters.bySlug.get(slug)
            return { slug, name: cluster ? localized(language, cluster.nameIt, cluster.nameEn) : slug }
          }),
      ]

  const onSubmit = (formEvent: FormEvent): void => {
    formEvent.preventDefault()
    void submit.run(async () => {
      const body = eventBody(values)
      const saved = eventId
        ? await api.patch<{ event: EventDetail }>(`/api/events/${eventId}`, body)
        : await api.post<{ event: EventDetail }>('/api/events', body)
      for (const slug of proposeTo) {
        await api.post(`/api/events/${saved.event.id}/coorganisers`, { districtSlug: slug, message: t('events.coorganisation.defaultMessage') })
      }
      navigate(`/events/${saved.event.id}`, { state: { saved: true } })
    })
  }
  const fieldError = (field: string): string | undefined => errorFor(submit.failure, field)

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={eventId ? `/events/${eventId}` : '/events'}>{eventId ? t('events.form.backToEvent') : t('events.calendar.title')}</Link>
      </nav>
      <h1>{title}</h1>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="event-form">
        <fieldset className={`fieldset${fieldError('organiserSlugs') ? ' field--invalid' : ''}`} data-testid="organisers">
          <legend>{t('events.form.organisers')}</legend>
          {fieldError('organiserSlugs') && <p className="field-error" data-testid="field-error">{fieldError('organiserSlugs')}</p>}
          <div className="checkbox-columns">
            {organiserChoices.map((choice) => (
              <Checkbox key={choice.slug} label={choice.name} checked={values.organiserSlugs.includes(choice.slug)} onChange={(on) => set('organiserSlugs', toggle(values.organiserSlugs, choice.slug, on))} testId={`organiser-${choice.slug}`} />
            ))}
          </div>
        </fieldset>
        <div className="field-row">
          <SelectField label={t('events.form.kind')} value={values.kind} onChange={(kind) => set('kind', kind as EventFormValues['kind'])} options={eventKinds.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))} testId="event-kind" />
          <SelectField label={t('events.form.status')} value={values.status} onChange={(status) => set('status', status as EventFormValues['status'])}
            options={(eventId ? ['draft', 'published', 'cancelled'] : ['draft', 'published']).map((status) => ({ value: status, label: t(`events.status.${status}`) }))} testId="event-status" />
        </div>
        <TextField label={t('events.form.titleIt')} value={values.titleIt} onChange={(v) => set('titleIt', v)} required maxLength={200} error={fieldError('titleIt')} testId="title-it" />
        <TextField label={t('events.form.titleEn')} value={values.titleEn} onChange={(v) => set('titleEn', v)} maxLength={200} error={fieldError('titleEn')} testId="title-en" />
        <div className="field-row">
          <DateTimeField label={t('events.form.startsAt')} value={values.startsAt} onChange={(v) => set('startsAt', v)} error={fieldError('startsAt')} testId="starts-at" />
          <DateTimeField label={t('events.form.endsAt')} value={values.endsAt} onChange={(v) => set('endsAt', v)} error={fieldError('endsAt')} testId="ends-at" />
        </div>
        <p className="field-hint">{t('events.form.timesHint')}</p>
        <fieldset className="fieldset" data-testid="audiences">
          <legend>{t('events.form.audiences')}</legend>
          <div className="checkbox-columns">
            {audiences.map((audience) => (
              <Checkbox key={audience} label={t(`events.audience.${audience}`)} checked={values.audiences.includes(audience)} onChange={(on) => set('audiences', toggle(values.audiences, audience, on))} testId={`audience-${audience}`} />
            ))}
          </div>
        </fieldset>
        <TaxonomyPicker legend={t('events.form.topics')} value={values.taxonomyCodes} onChange={(codes) => set('taxonomyCodes', codes)} error={fieldError('taxonomyCodes')} testId="event-topics" />

        <ClashWarning clashes={clashes} proposeTo={proposeTo} onPropose={(slug, on) => setProposeTo((list) => toggle(list, slug, on))} />

        <TextArea label={t('events.form.descriptionIt')} value={values.descriptionIt} onChange={(v) => set('descriptionIt', v)} error={fieldError('descriptionIt')} lang="it" />
        <TextArea label={t('events.form.descriptionEn')} value={values.descriptionEn} onChange={(v) => set('descriptionEn', v)} error={fieldError('descriptionEn')} lang="en" />
        <fieldset className="fieldset">
          <legend>{t('events.form.place')}</legend>
          <p className="field-hint">{t('events.form.placeHint')}</p>
          <div className="field-row">
            <TextField label={t('events.form.venueName')} value={values.venueName} onChange={(v) => set('venueName', v)} error={fieldError('venueName')} />
            <TextField label={t('events.form.venueRoom')} value={values.venueRoom} onChange={(v) => set('venueRoom', v)} error={fieldError('venueRoom')} />
          </div>
          <div className="field-row">
            <TextField label={t('events.form.venueAddress')} value={values.venueAddress} onChange={(v) => set('venueAddress', v)} error={fieldError('venueAddress')} testId="venue-address" />
            <TextField label={t('events.form.city')} value={values.city} onChange={(v) => set('city', v)} error={fieldError('city')} />
          </div>
          <TextField label={t('events.form.virtualUrl')} type="url" value={values.virtualUrl} onChange={(v) => set('virtualUrl', v)} error={fieldError('virtualUrl')} testId="virtual-url" />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('events.form.registrationTitle')}</legend>
          <div className="field-row field-row--three">
            <SelectField label={t('events.form.registration')} value={values.registration} onChange={(v) => set('registration', v as EventFormValues['registration'])}
              options={['open', 'approval', 'none'].map((mode) => ({ value: mode, label: t(`events.registrationMode.${mode}`) }))} testId="registration-mode" />
            <TextField label={t('events.form.capacity')} type="number" inputMode="numeric" value={values.capacity} onChange={(v) => set('capacity', v)} error={fieldError('capacity')} hint={t('events.form.capacityHint')} testId="capacity" />
            <SelectField label={t('events.form.language')} value={values.language} onChange={(v) => set('language', v as EventFormValues['language'])}
              options={['it', 'en', 'it_en'].map((code) => ({ value: code, label: t(`events.language.${code}`) }))} />
          </div>
          <Checkbox label={t('events.form.waitingList')} checked={values.waitingList} onChange={(on) => set('waitingList', on)} testId="waiting-list" />
        </fieldset>
        {submit.failure && (
          <p className="field-error" role="alert" data-testid="form-error">{submit.failure.message}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={submit.busy} data-testid="save-event">
            {clashes && clashes.length > 0 ? t('events.form.saveAnyway') : t('common.save')}
          </button>
        </div>
      </form>
    </div>
  )
}

function ClashWarning({ clashes, proposeTo, onPropose }: { clashes: Clash[] | null; proposeTo: string[]; onPropose: (slug: string, on: boolean) => void }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  if (clashes === null) return null
  if (clashes.length === 0) return <p className="muted" data-testid="no-clashes">{t('events.clash.none')}</p>
  return (
    <div className="alert alert--warning" role="status" data-testid="clash-warning">
      <p className="alert__title">{t('events.clash.title', { count: clashes.length })}</p>
      <p>{t('events.clash.lead')}</p>
      <ul className="plain-list">
        {clashes.map((clash) => {
          const district = clash.event.organisers[0]
          return (
            <li key={clash.event.id} className="plain-list__item events-clash" data-testid="clash">
              <Link to={`/events/${clash.event.id}`} target="_blank">{eventTitle(language, clash.event)}</Link>{' '}
              <span className="muted">
                ({clash.event.organisers.map((d) => districtName(language, d)).join(', ')}; <EventWhen event={clash.event} />)
              </span>
              <ClashReasons reasons={clash} />
              {district && (
                <Checkbox
                  label={t('events.clash.propose', { district: districtName(language, district) })}
                  checked={proposeTo.includes(district.slug)}
                  onChange={(on) => onPropose(district.slug, on)}
                  testId="propose-coorganisation"
                />
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
