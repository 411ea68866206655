import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { errorFor, Fieldset, FormAlert, SelectField, TextArea, TextField, useFocusOnFailure, useSubmit, type FormFailure } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { useDebounced } from '../platform/use-debounced'
import { useLanguage } from '../platform/use-language'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import { ContactsEditor } from './contacts-editor'
import { KeywordsEditor } from './keywords-editor'
import { changedFields, emptyForm, formFromOrganisation, readForm, sizePreviewQuery, withoutBlankContacts, type FormState } from './organisation-form'
import { organisationTypes, type Organisation, type OrganisationInput, type SmeAssessment } from './types'
import { useGeography } from './use-geo'

export function OrganisationNewPage(): ReactElement {
  const { t } = useTranslation()
  const { user, refresh } = useSession()
  const navigate = useNavigate()
  const language = useLanguage()
  useDocumentTitle(t('organisationForm.newTitle'))
  if (!user) return <SignInRequired title={t('organisationForm.newTitle')} message={t('organisationForm.signInFirst')} />
  const create = async (input: OrganisationInput): Promise<void> => {
    const { organisation } = await api.post<{ organisation: Organisation }>('/api/organisations', input)
    await refresh()
    navigate(`/organisations/${organisation.id}`, { state: { saved: true } })
  }
  return (
    <div className="page">
      <h1>{t('organisationForm.newTitle')}</h1>
      <p className="page-lead">{t('organisationForm.newLead')}</p>
      <OrganisationForm key={language} initial={emptyForm()} language={language} onSubmit={create} />
    </div>
  )
}

export function OrganisationEditPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { user } = useSession()
  const language = useLanguage()
  const navigate = useNavigate()
  const { data, error } = useApi<{ organisation: Organisation }>(`/api/organisations/${encodeURIComponent(id)}`)
  const organisation = data?.organisation
  useDocumentTitle(organisation ? t('organisationForm.editTitle', { name: organisation.legalName }) : undefined)

  if (error) return <ErrorMessage error={error} />
  if (!organisation) return <Loading />
  if (!user) return <SignInRequired title={t('organisationForm.editTitle', { name: organisation.legalName })} message={t('organisationForm.signInFirst')} />
  const initial = formFromOrganisation(organisation, language)
  const save = async (input: OrganisationInput): Promise<void> => {
    const before = readForm(initial, language)
    const changes = before.ok ? changedFields(before.input, input) : input
    await api.patch<{ organisation: Organisation }>(`/api/organisations/${organisation.id}`, changes)
    navigate(`/organisations/${organisation.id}`, { state: { saved: true } })
  }
  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/organisations/${organisation.id}`}>{organisation.legalName}</Link>
      </nav>
      <h1>{t('organisationForm.editTitle', { name: organisation.legalName })}</h1>
      <OrganisationForm
        key={`${organisation.id}-${language}`}
        initial={initial}
        language={language}
        onSubmit={save}
        forbiddenHint={!organisation.canEdit}
        cancelTo={`/organisations/${organisation.id}`}
      />
    </div>
  )
}

/** The refusal, shown as a hint when the profile says so and as the verdict when the server refuses a save. */
function ForbiddenAlert({ failure }: { failure: FormFailure | null }): ReactElement {
  const { t } = useTranslation()
  const ref = useFocusOnFailure(failure)
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="alert alert--error"
      role="alert"
      data-testid="edit-forbidden"
      data-source={failure ? 'server' : 'hint'}
    >
      <p className="alert__title">{t('organisationForm.forbidden')}</p>
      <p>{failure ? failure.message : t('organisationForm.forbiddenHint')}</p>
    </div>
  )
}

type FormProps = {
  initial: FormState
  language: 'it' | 'en'
  onSubmit: (input: OrganisationInput) => Promise<void>
  forbiddenHint?: boolean
  cancelTo?: string
}

function OrganisationForm({ initial, language, onSubmit, forbiddenHint = false, cancelTo = '/directory' }: FormProps): ReactElement {
  const { t } = useTranslation()
  const geography = useGeography()
  const [form, setForm] = useState<FormState>(initial)
  const { busy, failure, run } = useSubmit()
  const [clientFailure, setClientFailure] = useState<FormFailure | null>(null)
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]): void => setForm((current) => ({ ...current, [key]: value }))
  const shown = clientFailure ?? failure
  const forbidden = failure?.status === 403
  const fieldError = (field: string): string | undefined => errorFor(shown, field)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const cleaned = withoutBlankContacts(form)
    setForm(cleaned)
    const reading = readForm(cleaned, language)
    if (!reading.ok) {
      const { field, problem } = reading.problem
      setClientFailure({ message: t(`organisationForm.problems.${problem}`, { field: t(`organisationForm.fieldNames.${field}`) }), field, status: 0, code: 'client' })
      return
    }
    setClientFailure(null)
    void run(() => onSubmit(reading.input))
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="organisation-form">
      {(forbidden || forbiddenHint) && <ForbiddenAlert failure={forbidden ? failure : null} />}
      {!forbidden && <FormAlert failure={shown} />}
      <p className="field-hint">{t('form.requiredNote')}</p>

      <Fieldset legend={t('organisationForm.identity')}>
        <TextField label={t('organisation.legalName')} value={form.legalName} onChange={set('legalName')} error={fieldError('legalName')} required testId="field-legalName" maxLength={250} />
        <TextField label={t('organisation.shortName')} value={form.shortName} onChange={set('shortName')} error={fieldError('shortName')} maxLength={80} />
        <SelectField
          label={t('organisation.type')}
          hint={t('organisationForm.typeHint')}
          value={form.type}
          onChange={(value) => set('type')(value as FormState['type'])}
          options={organisationTypes.map((type) => ({ value: type, label: t(`organisation.types.${type}`) }))}
          emptyLabel={t('organisationForm.chooseType')}
          error={fieldError('type')}
          required
          testId="field-type"
        />
        <div className="field-row">
          <TextField label={t('organisation.vatNumber')} hint={t('organisationForm.vatHint')} value={form.vatNumber} onChange={set('vatNumber')} error={fieldError('vatNumber')} testId="field-vatNumber" />
          <TextField label={t('organisation.fiscalCode')} value={form.fiscalCode} onChange={set('fiscalCode')} error={fieldError('fiscalCode')} />
        </div>
        <div className="field-row">
          <TextField label={t('organisation.foundedYear')} inputMode="numeric" value={form.foundedYear} onChange={set('foundedYear')} error={fieldError('foundedYear')} maxLength={4} />
          <TextField label={t('organisation.website')} hint={t('form.websiteHint')} type="url" value={form.website} onChange={set('website')} error={fieldError('website')} />
        </div>
      </Fieldset>

      <Fieldset legend={t('organisationForm.size')} hint={t('organisationForm.sizeHint')}>
        <div className="field-row field-row--three">
          <TextField label={t('organisation.headcount')} inputMode="numeric" value={form.headcount} onChange={set('headcount')} error={fieldError('headcount')} testId="field-headcount" />
          <TextField label={t('organisationForm.turnoverEuros')} inputMode="decimal" value={form.turnover} onChange={set('turnover')} error={fieldError('turnoverCents')} testId="field-turnover" />
          <TextField label={t('organisationForm.balanceSheetEuros')} inputMode="decimal" value={form.balanceSheet} onChange={set('balanceSheet')} error={fieldError('balanceSheetCents')} testId="field-balanceSheet" />
        </div>
        <SizePreview form={form} language={language} />
      </Fieldset>

      <Fieldset legend={t('organisationForm.address')}>
        <TextField label={t('organisationForm.street')} value={form.street} onChange={set('street')} error={fieldError('street')} autoComplete="street-address" />
        <div className="field-row field-row--three">
          <TextField label={t('organisationForm.postcode')} value={form.postcode} onChange={set('postcode')} error={fieldError('postcode')} autoComplete="postal-code" maxLength={12} />
          <TextField label={t('organisationForm.city')} value={form.city} onChange={set('city')} error={fieldError('city')} autoComplete="address-level2" />
          <TextField
            label={t('organisationForm.country')}
            hint={t('directory.countryHint')}
            value={form.country}
            onChange={(value) => set('country')(value.toUpperCase())}
            error={fieldError('country')}
            maxLength={2}
          />
        </div>
        {form.country.toUpperCase() === 'IT' && (
          <SelectField
            label={t('directory.province')}
            value={form.provinceCode}
            onChange={set('provinceCode')}
            options={geography.provinces.map((province) => ({ value: province.code, label: `${province.name} (${province.code})` }))}
            emptyLabel={t('common.notStated')}
            error={fieldError('provinceCode')}
          />
        )}
      </Fieldset>

      <Fieldset legend={t('organisation.description')} hint={t('organisationForm.descriptionHint')}>
        <TextArea label={t('organisationForm.descriptionIt')} lang="it" value={form.descriptionIt} onChange={set('descriptionIt')} error={fieldError('descriptionIt')} testId="field-descriptionIt" />
        <TextArea label={t('organisationForm.descriptionEn')} lang="en" value={form.descriptionEn} onChange={set('descriptionEn')} error={fieldError('descriptionEn')} testId="field-descriptionEn" />
      </Fieldset>

      <TaxonomyPicker
        legend={t('organisation.competences')}
        hint={t('organisationForm.competencesHint')}
        value={form.competences}
        onChange={set('competences')}
        error={fieldError('competences')}
        testId="field-competences"
      />
      <KeywordsEditor value={form.keywords} onChange={set('keywords')} error={fieldError('keywords')} />
      <ContactsEditor value={form.contacts} onChange={set('contacts')} failure={shown} />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="save-organisation">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <Link className="button button--secondary" to={cancelTo}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  )
}

function SizePreview({ form, language }: { form: FormState; language: 'it' | 'en' }): ReactElement {
  const { t } = useTranslation()
  const path = useDebounced(sizePreviewQuery(form, language), 300)
  const { data, loading } = useApi<SmeAssessment>(path)
  return (
    <div className="size-preview" aria-live="polite" aria-busy={loading} data-testid="size-preview">
      <p className="size-preview__title">
        {t('organisationForm.sizePreview')}{' '}
        <strong data-testid="size-preview-class">{path && data ? (data.size ? t(`organisation.sizes.${data.size}`) : t('organisation.sizes.unknown')) : t('organisationForm.sizePreviewEmpty')}</strong>
      </p>
      {path && data && data.reasons.length > 0 && (
        <ul className="reasons">
          {data.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
