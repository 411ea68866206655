import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { romeToday } from '../../../src/platform/rome-time'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { useClusters } from '../districts/use-clusters'
import { organisationTypes } from '../organisations/types'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { Checkbox, errorFor, Fieldset, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import { MarketplaceNav } from './marketplace-nav'
import { emptyProfileForm, formFromProfile, inputFromForm, toggle, type ProfileFormState } from './profile-form'
import { geographicScopes, kindsWithTrl, partnershipKinds, profileKinds, type Duplicate, type ProfileDetail } from './types'

export function ProfileNewPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  const language = useLanguage()
  useDocumentTitle(t('marketplace.form.newTitle'))
  if (!user) return <SignInRequired title={t('marketplace.form.newTitle')} message={t('marketplace.form.signInFirst')} />
  if (user.organisations.length === 0) {
    return (
      <div className="page">
        <h1>{t('marketplace.form.newTitle')}</h1>
        <Notice tone="warning" testId="no-organisation">
          <p>
            {t('marketplace.form.noOrganisation')} <Link to="/organisations/new">{t('nav.newOrganisation')}</Link>
          </p>
        </Notice>
      </div>
    )
  }
  const initial = emptyProfileForm({ organisationId: user.organisations[0]?.id ?? '', districtSlug: '', language, today: romeToday() })
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.form.newTitle')}</h1>
      <p className="page-lead">{t('marketplace.form.newLead')}</p>
      <ProfileForm initial={initial} profileId={null} />
    </div>
  )
}

export function ProfileEditPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { user } = useSession()
  const { data, error } = useApi<{ profile: ProfileDetail }>(`/api/profiles/${encodeURIComponent(id)}`)
  const profile = data?.profile
  useDocumentTitle(profile ? t('marketplace.form.editTitle', { title: profile.title }) : undefined)
  if (error) return <ErrorMessage error={error} />
  if (!profile) return <Loading />
  if (!user) return <SignInRequired title={t('marketplace.form.editTitle', { title: profile.title })} />
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.form.editTitle', { title: profile.title })}</h1>
      {!profile.canEdit ? (
        <Notice tone="warning" testId="not-editable">
          <p>{t('marketplace.form.notEditable')}</p>
        </Notice>
      ) : (
        <>
          {profile.reviewComment && profile.status === 'returned' && (
            <Notice tone="warning" testId="review-comment">
              <p className="alert__title">{t('marketplace.profile.returnedWithComments')}</p>
              <p>{profile.reviewComment}</p>
            </Notice>
          )}
          <ProfileForm initial={formFromProfile(profile)} profileId={profile.id} />
        </>
      )}
    </div>
  )
}

function ProfileForm({ initial, profileId }: { initial: ProfileFormState; profileId: string | null }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const { user } = useSession()
  const clusters = useClusters()
  const [form, setForm] = useState(initial)
  const [savedId, setSavedId] = useState(profileId)
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null)
  const { busy, failure, run } = useSubmit()
  const set = <K extends keyof ProfileFormState>(key: K, value: ProfileFormState[K]): void => setForm((current) => ({ ...current, [key]: value }))

  const save = async (): Promise<string> => {
    if (savedId) {
      await api.patch<{ profile: ProfileDetail }>(`/api/profiles/${savedId}`, inputFromForm(form, { includeOrganisation: false }))
      return savedId
    }
    const { profile } = await api.post<{ profile: ProfileDetail }>('/api/profiles', inputFromForm(form, { includeOrganisation: true }))
    setSavedId(profile.id)
    return profile.id
  }
  const submitForReview = async (id: string): Promise<void> => {
    await api.post(`/api/profiles/${id}/submit`)
    navigate(`/marketplace/profiles/${id}`, { state: { notice: 'submitted' } })
  }
  const saveDraft = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      const id = await save()
      navigate(`/marketplace/profiles/${id}`, { state: { notice: 'saved' } })
    })
  }
  // Likely duplicates are shown before sending: the user sends anyway or goes back to the draft.
  const saveAndSubmit = (): void => {
    void run(async () => {
      const id = await save()
      const { items } = await api.get<{ items: Duplicate[] }>(`/api/profiles/${id}/duplicates`)
      if (items.length > 0) setDuplicates(items)
      else await submitForReview(id)
    })
  }

  const districtOptions = (clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))
  const trlApplies = kindsWithTrl.includes(form.kind)
  return (
    <form className="form" onSubmit={saveDraft} noValidate data-testid="profile-form">
      <FormAlert failure={failure} />
      {duplicates && savedId && (
        <Notice tone="warning" testId="duplicates">
          <p className="alert__title">{t('marketplace.form.duplicatesTitle')}</p>
          <p>{t('marketplace.form.duplicatesText')}</p>
          <ul className="link-list" data-testid="duplicate-list">
            {duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link to={`/marketplace/profiles/${duplicate.id}`} target="_blank">
                  {duplicate.title}
                </Link>{' '}
                <span className="muted">
                  ({t(`marketplace.statuses.${duplicate.status}`)}, {t('marketplace.form.similarity', { percent: Math.round(duplicate.similarity * 100) })})
                </span>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void run(() => submitForReview(savedId))} data-testid="submit-anyway">
              {t('marketplace.form.submitAnyway')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDuplicates(null)} data-testid="keep-draft">
              {t('marketplace.form.keepDraft')}
            </button>
          </div>
        </Notice>
      )}
      <Fieldset legend={t('marketplace.form.what')}>
        {!savedId && (user?.organisations.length ?? 0) > 1 && (
          <SelectField
            label={t('marketplace.form.organisation')}
            required
            value={form.organisationId}
            onChange={(value) => set('organisationId', value)}
            options={(user?.organisations ?? []).map((organisation) => ({ value: organisation.id, label: organisation.name }))}
            error={errorFor(failure, 'organisationId')}
            testId="profile-organisation"
          />
        )}
        <SelectField
          label={t('marketplace.kind')}
          required
          value={form.kind}
          onChange={(value) => set('kind', value as ProfileFormState['kind'])}
          options={profileKinds.map((kind) => ({ value: kind, label: t(`marketplace.kinds.${kind}`) }))}
          error={errorFor(failure, 'kind')}
          testId="profile-kind"
        />
        <SelectField
          label={t('marketplace.form.district')}
          hint={t('marketplace.form.districtHint')}
          required
          value={form.districtSlug}
          onChange={(value) => set('districtSlug', value)}
          options={districtOptions}
          emptyLabel={t('marketplace.form.chooseDistrict')}
          error={errorFor(failure, 'districtSlug')}
          testId="profile-district"
        />
        <SelectField
          label={t('marketplace.form.language')}
          hint={t('marketplace.form.languageHint')}
          value={form.language}
          onChange={(value) => set('language', value as 'it' | 'en')}
          options={[
            { value: 'it', label: t('marketplace.form.languages.it') },
            { value: 'en', label: t('marketplace.form.languages.en') },
          ]}
          testId="profile-language"
        />
        <TextField label={t('marketplace.form.title')} required maxLength={200} value={form.title} onChange={(value) => set('title', value)} error={errorFor(failure, 'title')} testId="profile-title-input" />
        <TextArea label={t('marketplace.form.summary')} hint={t('marketplace.form.summaryHint')} value={form.summary} onChange={(value) => set('summary', value)} rows={3} error={errorFor(failure, 'summary')} testId="profile-summary-input" />
        <TextArea label={t('marketplace.form.descriptionIt')} lang="it" value={form.descriptionIt} onChange={(value) => set('descriptionIt', value)} rows={6} error={errorFor(failure, 'descriptionIt')} testId="profile-description-it" />
        <TextArea label={t('marketplace.form.descriptionEn')} lang="en" value={form.descriptionEn} onChange={(value) => set('descriptionEn', value)} rows={6} error={errorFor(failure, 'descriptionEn')} testId="profile-description-en" />
        <TextField label={t('marketplace.form.keywords')} hint={t('marketplace.form.keywordsHint')} value={form.keywords} onChange={(value) => set('keywords', value)} error={errorFor(failure, 'keywords')} testId="profile-keywords-input" />
      </Fieldset>
      <TaxonomyPicker legend={t('marketplace.form.taxonomy')} hint={t('marketplace.form.taxonomyHint')} value={form.taxonomy} onChange={(codes) => set('taxonomy', codes)} error={errorFor(failure, 'taxonomy')} testId="profile-taxonomy-picker" />
      <Fieldset legend={t('marketplace.form.partnership')}>
        {trlApplies && (
          <SelectField
            label={t('marketplace.trl')}
            hint={t('marketplace.form.trlHint')}
            value={form.trl}
            onChange={(value) => set('trl', value)}
            options={['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((value) => ({ value, label: value }))}
            emptyLabel={t('common.notStated')}
            error={errorFor(failure, 'trl')}
            testId="profile-trl-input"
          />
        )}
        <fieldset className="fieldset" data-testid="profile-partnerships">
          <legend>{t('marketplace.profile.partnershipKinds')}</legend>
          <div className="checkbox-columns">
            {partnershipKinds.map((kind) => (
              <Checkbox key={kind} label={t(`marketplace.partnerships.${kind}`)} checked={form.partnershipKinds.includes(kind)} onChange={(on) => set('partnershipKinds', toggle(form.partnershipKinds, kind, on))} />
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset" data-testid="profile-targets">
          <legend>{t('marketplace.profile.targets')}</legend>
          <div className="checkbox-columns">
            {organisationTypes.map((type) => (
              <Checkbox key={type} label={t(`organisation.types.${type}`)} checked={form.targetOrganisationTypes.includes(type)} onChange={(on) => set('targetOrganisationTypes', toggle(form.targetOrganisationTypes, type, on))} />
            ))}
          </div>
        </fieldset>
        <SelectField
          label={t('marketplace.profile.scope')}
          value={form.geographicScope}
          onChange={(value) => set('geographicScope', value as ProfileFormState['geographicScope'])}
          options={geographicScopes.map((scope) => ({ value: scope, label: t(`marketplace.scopes.${scope}`) }))}
          testId="profile-scope"
        />
        <TextField label={t('marketplace.profile.expiry')} type="date" required value={form.expiresOn} onChange={(value) => set('expiresOn', value)} error={errorFor(failure, 'expiresOn')} testId="profile-expiry" />
      </Fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={busy} data-testid="save-draft">
          {t('marketplace.form.saveDraft')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={saveAndSubmit} data-testid="save-and-submit">
          {t('marketplace.form.saveAndSubmit')}
        </button>
      </div>
    </form>
  )
}
