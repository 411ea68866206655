import { useEffect, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useClusters } from '../districts/use-clusters'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField, TextField } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { directoryApiPath, directoryPageSize, emptyFilters, filtersFromSearch, filtersToSearch, hasFilters, type DirectoryFilters } from './directory-query'
import { OrganisationCard } from './organisation-card'
import { organisationTypes, sizeClasses, type OrganisationPage } from './types'
import { useGeography } from './use-geo'

export function DirectoryPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  useDocumentTitle(t('nav.directory'))
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = filtersFromSearch(searchParams)
  const { data, error, loading } = useApi<OrganisationPage>(directoryApiPath(filters))

  // Read the address bar itself, not this render's copy: two quick changes must not undo each other.
  const apply = (changes: Partial<DirectoryFilters>): void => {
    const latest = filtersFromSearch(new URLSearchParams(window.location.search))
    setSearchParams(filtersToSearch({ ...latest, page: 1, ...changes }))
  }
  const goToPage = (page: number): void => {
    apply({ page })
    window.scrollTo(0, 0)
  }

  return (
    <div className="page directory">
      <h1>{t('directory.title')}</h1>
      <p className="page-lead">{t('directory.lead')}</p>
      <SearchBox value={filters.q} onSearch={(q) => apply({ q })} />
      <div className="directory__layout">
        <Filters filters={filters} onChange={apply} />
        <section className="directory__results" aria-labelledby="results-title" aria-busy={loading}>
          <h2 id="results-title" className="results-title" aria-live="polite" data-testid="results-total" data-total={data?.total}>
            {data
              ? t(data.totalExact ? 'directory.total' : 'directory.totalAtLeast', { count: data.total, formatted: formatNumber(language, data.total) })
              : t('common.loading')}
          </h2>
          {error && <ErrorMessage error={error} />}
          {!data && loading && <Loading />}
          {data && data.items.length === 0 && <p className="empty-state">{t('directory.noResults')}</p>}
          {data && data.items.length > 0 && (
            <ul className="result-list" data-testid="results">
              {data.items.map((organisation) => (
                <OrganisationCard key={organisation.id} organisation={organisation} />
              ))}
            </ul>
          )}
          {data && <Pagination page={filters.page} total={data.total} pageSize={directoryPageSize} onPage={goToPage} />}
        </section>
      </div>
    </div>
  )
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }): ReactElement {
  const { t } = useTranslation()
  const [text, setText] = useState(value)
  useEffect(() => {
    setText(value)
  }, [value])
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSearch(text.trim())
  }
  return (
    <form role="search" className="search-form" onSubmit={submit} data-testid="directory-search">
      <label htmlFor="directory-q" className="search-form__label">
        {t('directory.searchLabel')}
      </label>
      <p className="field-hint" id="directory-q-hint">
        {t('directory.searchHint')}
      </p>
      <div className="search-row">
        <input
          id="directory-q"
          type="search"
          value={text}
          aria-describedby="directory-q-hint"
          data-testid="directory-q"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" data-testid="directory-submit">
          {t('directory.searchButton')}
        </button>
      </div>
    </form>
  )
}

function Filters({ filters, onChange }: { filters: DirectoryFilters; onChange: (changes: Partial<DirectoryFilters>) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  const geography = useGeography()
  const provinces = filters.region ? geography.provinces.filter((province) => province.regionNuts2 === filters.region) : geography.provinces
  const [country, setCountry] = useState(filters.country)
  useEffect(() => {
    setCountry(filters.country)
  }, [filters.country])

  // Filters stay open beside the results on wide screens; on a phone they fold above the results.
  const [wide] = useState(() => window.matchMedia('(min-width: 901px)').matches)
  const active = [...filtersToSearch({ ...filters, q: '', page: 1 }).keys()].length
  return (
    <details className="filters" open={wide} data-testid="filters">
      <summary className="filters__title" onClick={(event) => wide && event.preventDefault()}>
        <h2>{t('directory.filters')}</h2>
        {active > 0 && <span className="badge">{t('directory.activeFilters', { count: active })}</span>}
      </summary>
      <SelectField
        label={t('organisation.type')}
        value={filters.type}
        onChange={(type) => onChange({ type: type as DirectoryFilters['type'] })}
        options={organisationTypes.map((type) => ({ value: type, label: t(`organisation.types.${type}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-type"
      />
      <SelectField
        label={t('organisation.size')}
        value={filters.size}
        onChange={(size) => onChange({ size: size as DirectoryFilters['size'] })}
        options={sizeClasses.map((size) => ({ value: size, label: t(`organisation.sizes.${size}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-size"
      />
      <SelectField
        label={t('directory.cluster')}
        value={filters.cluster}
        onChange={(cluster) => onChange({ cluster })}
        options={(clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))}
        emptyLabel={t('common.any')}
        testId="filter-cluster"
      />
      <TaxonomySelect
        label={t('directory.taxonomy')}
        hint={t('directory.taxonomyHint')}
        value={filters.taxonomy}
        onChange={(taxonomy) => onChange({ taxonomy })}
        testId="filter-taxonomy"
      />
      <SelectField
        label={t('directory.region')}
        value={filters.region}
        onChange={(region) => onChange({ region, province: '' })}
        options={geography.regions.map((region) => ({ value: region.nuts2, label: localized(language, region.nameIt, region.nameEn) }))}
        emptyLabel={t('common.any')}
        testId="filter-region"
      />
      <SelectField
        label={t('directory.province')}
        value={filters.province}
        onChange={(province) => onChange({ province })}
        options={provinces.map((province) => ({ value: province.code, label: `${province.name} (${province.code})` }))}
        emptyLabel={t('common.any')}
        testId="filter-province"
      />
      <form
        onSubmit={(event) => {
          event.preventDefault()
          onChange({ country: country.trim().toUpperCase() })
        }}
      >
        <TextField
          label={t('directory.country')}
          hint={t('directory.countryHint')}
          value={country}
          maxLength={2}
          onChange={setCountry}
          testId="filter-country"
        />
      </form>
      {hasFilters(filters) && (
        <button type="button" className="button button--secondary button--block" onClick={() => onChange(emptyFilters)} data-testid="clear-filters">
          {t('directory.clearFilters')}
        </button>
      )}
    </details>
  )
}
