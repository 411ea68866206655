import { useEffect, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useSession } from '../accounts/session'
import { useClusters } from '../districts/use-clusters'
import { organisationTypes, sizeClasses } from '../organisations/types'
import { useGeography } from '../organisations/use-geo'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { MarketplaceNav } from './marketplace-nav'
import {
  emptyMarketplaceFilters,
  marketplaceApiPath,
  marketplaceFiltersFromSearch,
  marketplaceFiltersToSearch,
  marketplacePageSize,
  type MarketplaceFilters,
} from './marketplace-query'
import { ProfileCard } from './profile-card'
import { RecommendedNeeds } from './recommendations'
import { profileKinds, type ProfilePage } from './types'

const trlOptions = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((value) => ({ value, label: value }))

export function MarketplacePage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  useDocumentTitle(t('marketplace.title'))
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = marketplaceFiltersFromSearch(searchParams)
  const { data, error, loading } = useApi<ProfilePage>(marketplaceApiPath(filters))
  const { user } = useSession()
  const ownOrganisation = user?.organisations[0]

  // Read the address bar itself, not this render's copy: two quick changes must not undo each other.
  const apply = (changes: Partial<MarketplaceFilters>): void => {
    const latest = marketplaceFiltersFromSearch(new URLSearchParams(window.location.search))
    setSearchParams(marketplaceFiltersToSearch({ ...latest, page: 1, ...changes }))
  }

  return (
    <div className="page directory">
      <MarketplaceNav />
      <h1>{t('marketplace.title')}</h1>
      <p className="page-lead">{t('marketplace.lead')}</p>
      {ownOrganisation && !filters.q && <RecommendedNeeds organisationId={ownOrganisation.id} />}
      <SearchBox value={filters.q} onSearch={(q) => apply({ q })} />
      <div className="directory__layout">
        <Filters filters={filters} onChange={apply} />
        <section className="directory__results" aria-labelledby="results-title" aria-busy={loading}>
          <h2 id="results-title" className="results-title" aria-live="polite" data-testid="results-total" data-total={data?.total}>
            {data
              ? t(data.totalExact ? 'marketplace.total' : 'marketplace.totalAtLeast', { count: data.total, formatted: formatNumber(language, data.total) })
              : t('common.loading')}
          </h2>
          {data?.correction && (
            <p className="muted" data-testid="search-correction">
              {t('marketplace.correction', { query: data.correction })}
            </p>
          )}
          {data && data.expandedTerms.length > 0 && (
            <p className="muted" data-testid="expanded-terms">
              {t('marketplace.expandedTerms', { terms: data.expandedTerms.slice(0, 12).join(', ') })}
            </p>
          )}
          {error && <ErrorMessage error={error} />}
          {!data && loading && <Loading />}
          {data && data.items.length === 0 && <p className="empty-state">{t('marketplace.noResults')}</p>}
          {data && data.items.length > 0 && (
            <ul className="result-list" data-testid="results">
              {data.items.map((profile) => (
                <ProfileCard key={profile.id} profile={profile} />
              ))}
            </ul>
          )}
          {data && (
            <Pagination
              page={filters.page}
              total={data.total}
              pageSize={marketplacePageSize}
              onPage={(page) => {
                apply({ page })
                window.scrollTo(0, 0)
              }}
            />
          )}
        </section>
      </div>
    </div>
  )
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }): ReactElement {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSearch(text.trim())
  }
  return (
    <form role="search" className="search-form" onSubmit={submit} data-testid="marketplace-search">
      <label htmlFor="marketplace-q" className="search-form__label">
        {t('marketplace.searchLabel')}
      </label>
      <p className="field-hint" id="marketplace-q-hint">
        {t('marketplace.searchHint')}
      </p>
      <div className="search-row">
        <input id="marketplace-q" type="search" value={text} aria-describedby="marketplace-q-hint" data-testid="marketplace-q" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button" data-testid="marketplace-submit">
          {t('marketplace.searchButton')}
        </button>
      </div>
    </form>
  )
}

function Filters({ filters, onChange }: { filters: MarketplaceFilters; onChange: (changes: Partial<MarketplaceFilters>) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  const geography = useGeography()
  const [wide] = useState(() => window.matchMedia('(min-width: 901px)').matches)
  const active = [...marketplaceFiltersToSearch({ ...filters, q: '', page: 1 }).keys()].length
  return (
    <details className="filters" open={wide} data-testid="filters">
      <summary className="filters__title" onClick={(event) => wide && event.preventDefault()}>
        <h2>{t('marketplace.filters')}</h2>
        {active > 0 && <span className="badge">{t('marketplace.activeFilters', { count: active })}</span>}
      </summary>
      <SelectField
        label={t('marketplace.kind')}
        value={filters.kind}
        onChange={(kind) => onChange({ kind: kind as MarketplaceFilters['kind'] })}
        options={profileKinds.map((kind) => ({ value: kind, label: t(`marketplace.kinds.${kind}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-kind"
      />
      <TaxonomySelect label={t('marketplace.taxonomy')} hint={t('marketplace.taxonomyHint')} value={filters.taxonomy} onChange={(taxonomy) => onChange({ taxonomy })} testId="filter-taxonomy" />
      <SelectField
        label={t('marketplace.district')}
        value={filters.district}
        onChange={(district) => onChange({ district })}
        options={(clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))}
        emptyLabel={t('common.any')}
        testId="filter-district"
      />
      <div className="field-row">
        <SelectField label={t('marketplace.trlMin')} value={filters.trlMin} onChange={(trlMin) => onChange({ trlMin })} options={trlOptions} emptyLabel={t('common.any')} testId="filter-trl-min" />
        <SelectField label={t('marketplace.trlMax')} value={filters.trlMax} onChange={(trlMax) => onChange({ trlMax })} options={trlOptions} emptyLabel={t('common.any')} testId="filter-trl-max" />
      </div>
      <SelectField
        label={t('marketplace.organisationType')}
        value={filters.organisationType}
        onChange={(organisationType) => onChange({ organisationType: organisationType as MarketplaceFilters['organisationType'] })}
        options={organisationTypes.map((type) => ({ value: type, label: t(`organisation.types.${type}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-organisation-type"
      />
      <SelectField
        label={t('marketplace.size')}
        value={filters.size}
        onChange={(size) => onChange({ size: size as MarketplaceFilters['size'] })}
        options={sizeClasses.map((size) => ({ value: size, label: t(`organisation.sizes.${size}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-size"
      />
      <SelectField
        label={t('marketplace.region')}
        value={filters.region}
        onChange={(region) => onChange({ region })}
        options={geography.regions.map((region) => ({ value: region.nuts2, label: localized(language, region.nameIt, region.nameEn) }))}
        emptyLabel={t('common.any')}
        testId="filter-region"
      />
      {active > 0 && (
        <button type="button" className="button button--secondary button--block" onClick={() => onChange({ ...emptyMarketplaceFilters, q: filters.q })} data-testid="clear-filters">
          {t('marketplace.clearFilters')}
        </button>
      )}
    </details>
  )
}
