import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { z } from 'zod'
import type { suggestionsResponse } from '../../../src/matchmaking/consortium/consortium.schema'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { OrganisationSearch } from '../organisations/organisation-search'
import { api } from '../platform/api'
import { useDocumentTitle } from '../platform/feedback'
import { errorFor, Fieldset, FormAlert, TextArea, TextField, useSubmit } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { useLanguage } from '../platform/use-language'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import { addPartner, emptyConsortiumForm, removePartner, suggestionsRequest, type ConsortiumFormState, type PartnerChoice } from './consortium-form'
import { MarketplaceNav } from './marketplace-nav'

// The API's answer, as its response schema defines it.
type SuggestionsResponse = z.infer<typeof suggestionsResponse>

function useCountryName(): (code: string) => string {
  const language = useLanguage()
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })
  return (code) => {
    try {
      return names.of(code) ?? code
    } catch {
      return code
    }
  }
}

/** The consortium builder: a project idea and the partners already in; who is missing, and why. */
export function ConsortiumPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  useDocumentTitle(t('marketplace.consortium.title'))
  if (!user) return <SignInRequired title={t('marketplace.consortium.title')} message={t('marketplace.consortium.signInFirst')} />
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.consortium.title')}</h1>
      <p className="page-lead">{t('marketplace.consortium.lead')}</p>
      <ConsortiumBuilder />
    </div>
  )
}

function ConsortiumBuilder(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const countryName = useCountryName()
  // An EU topic's "start a consortium" link brings its title as the idea.
  const [searchParams] = useSearchParams()
  const [form, setForm] = useState<ConsortiumFormState>(() => ({ ...emptyConsortiumForm, title: (searchParams.get('idea') ?? '').slice(0, 300) }))
  const [freeName, setFreeName] = useState('')
  const [freeCountry, setFreeCountry] = useState('')
  const [result, setResult] = useState<SuggestionsResponse | null>(null)
  // A new search box after each pick, so that the previous query and its results go away.
  const [searchKey, setSearchKey] = useState(0)
  const { busy, failure, run } = useSubmit()

  const set = <K extends keyof ConsortiumFormState>(key: K, value: ConsortiumFormState[K]): void => setForm((current) => ({ ...current, [key]: value }))
  const add = (partner: PartnerChoice): void => setForm((current) => ({ ...current, partners: addPartner(current.partners, partner) }))
  const addFree = (): void => {
    add({ kind: 'free', name: freeName, country: freeCountry })
    setFreeName('')
    setFreeCountry('')
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      setResult(await api.post<SuggestionsResponse>('/api/consortium/suggestions', suggestionsRequest(form)))
    })
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate data-testid="consortium-form">
        <FormAlert failure={failure} />
        <Fieldset legend={t('marketplace.consortium.idea')}>
          <TextField
            label={t('marketplace.consortium.ideaTitle')}
            required
            value={form.title}
            onChange={(value) => set('title', value)}
            error={errorFor(failure, 'title')}
            maxLength={300}
            testId="consortium-title"
          />
          <TextArea
            label={t('marketplace.consortium.description')}
            hint={t('marketplace.consortium.descriptionHint')}
            value={form.description}
            onChange={(value) => set('description', value)}
            error={errorFor(failure, 'description')}
            rows={4}
            testId="consortium-description"
          />
        </Fieldset>
        <TaxonomyPicker
          legend={t('marketplace.consortium.taxonomy')}
          hint={t('marketplace.consortium.taxonomyHint')}
          value={form.taxonomyCodes}
          onChange={(codes) => set('taxonomyCodes', codes)}
          error={errorFor(failure, 'taxonomyCodes')}
          testId="consortium-taxonomy"
        />
        <Fieldset legend={t('marketplace.consortium.partners')} hint={t('marketplace.consortium.partnersHint')}>
          {form.partners.length === 0 ? (
            <p className="muted" data-testid="consortium-no-partners">
              {t('marketplace.consortium.noPartners')}
            </p>
          ) : (
            <ul className="consortium-partners" data-testid="consortium-partners">
              {form.partners.map((partner, index) => (
                <li key={partner.kind === 'directory' ? partner.organisationId : `${partner.name}|${partner.country}`} data-testid="consortium-partner">
                  <strong>{partner.name}</strong>
                  <span className="muted">
                    {' · '}
                    {partner.kind === 'directory' ? (partner.city ?? t('marketplace.consortium.fromDirectory')) : countryName(partner.country.toUpperCase())}
                  </span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => set('partners', removePartner(form.partners, index))}
                    aria-label={t('marketplace.consortium.removePartner', { name: partner.name })}
                  >
                    {t('marketplace.consortium.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {errorFor(failure, 'partners') && <p className="field-error">{errorFor(failure, 'partners')}</p>}
          <OrganisationSearch
            key={searchKey}
            label={t('marketplace.consortium.addFromDirectory')}
            selected={null}
            onSelect={(organisation) => {
              if (!organisation) return
              add({ kind: 'directory', organisationId: organisation.id, name: organisation.legalName, city: organisation.city })
              setSearchKey((key) => key + 1)
            }}
          />
          <div className="consortium-free-partner">
            <TextField label={t('marketplace.consortium.freeName')} value={freeName} onChange={setFreeName} maxLength={300} testId="consortium-free-name" />
            <TextField
              label={t('marketplace.consortium.freeCountry')}
              hint={t('marketplace.consortium.freeCountryHint')}
              value={freeCountry}
              onChange={setFreeCountry}
              maxLength={2}
              testId="consortium-free-country"
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={addFree}
              disabled={freeName.trim() === '' || !/^[a-zA-Z]{2}$/.test(freeCountry.trim())}
              data-testid="consortium-add-free"
            >
              {t('marketplace.consortium.addFree')}
            </button>
          </div>
        </Fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="consortium-submit">
            {busy ? t('marketplace.consortium.searching') : t('marketplace.consortium.submit')}
          </button>
        </div>
      </form>

      {result && (
        <section aria-labelledby="consortium-results-title" data-testid="consortium-results">
          <h2 id="consortium-results-title">{t('marketplace.consortium.results')}</h2>
          <p className="field-hint">
            {t('marketplace.consortium.corpus', {
              projects: formatNumber(language, result.corpus.projects),
              organisations: formatNumber(language, result.corpus.organisations),
            })}
          </p>
          {result.suggestions.length === 0 ? (
            <p className="muted" data-testid="consortium-none">
              {t('marketplace.consortium.none')}
            </p>
          ) : (
            <ol className="results">
              {result.suggestions.map((item) => (
                <li key={item.organisation?.id ?? item.name} className="result-card" data-testid="consortium-suggestion">
                  <h3 className="result-card__title">
                    {item.organisation ? <Link to={`/organisations/${item.organisation.id}`}>{item.name}</Link> : item.name}
                  </h3>
                  <p className="result-card__meta">
                    {item.organisation && <span className="badge badge--type">{t(`organisation.types.${item.organisation.type}`)}</span>}
                    {!item.organisation && <span className="badge">{t('marketplace.consortium.outsideDirectory')}</span>}
                    {item.country && (
                      <span className="result-card__place">
                        {item.organisation?.city ? `${item.organisation.city} · ` : ''}
                        {countryName(item.country)}
                      </span>
                    )}
                  </p>
                  <ul className="reasons" data-testid="consortium-reasons">
                    {item.reasons.map((reason) => (
                      <li key={`${reason.code}-${reason.text}`} data-code={reason.code}>
                        {reason.text}
                      </li>
                    ))}
                  </ul>
                  {item.organisation && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        const organisation = item.organisation
                        if (organisation) add({ kind: 'directory', organisationId: organisation.id, name: organisation.name, city: organisation.city })
                      }}
                      data-testid="consortium-add-suggestion"
                    >
                      {t('marketplace.consortium.addToConsortium')}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  )
}
