import { useEffect, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { activeFilterCount } from '../platform/address-filters'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField, TextField } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { FiltersPanel, SearchBox, useAddressFilters } from '../platform/search-page'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { directoryApiPath, directoryPageSize, emptyFilters, filtersFromSearch, hasFilters, type DirectoryFilters } from './directory-query'
import { OrganisationCard } from './organisation-card'
import { ClusterFilter, OrganisationTypeFilter, RegionFilter, SizeClassFilter } from './organisation-filter-fields'
import type { OrganisationPage } from './types'
import { useGeography } from './use-geo'

export function DirectoryPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  useDocumentTitle(t('nav.directory'))
  const [filters, apply] = useAddressFilters(filtersFromSearch)
  const { data, error, loading } = useApi<OrganisationPage>(directoryApiPath(filters))
  const goToPage = (page: number): void => {
    apply({ page })
    window.scrollTo(0, 0)
  }

  return (
    <div className="page directory">
      <h1>{t('directory.title')}</h1>
      <p className="page-lead">{t('directory.lead')}</p>
      <SearchBox
        name="directory"
        value={filters.q}
        onSearch={(q) => apply({ q })}
        label={t('directory.searchLabel')}
        hint={t('directory.searchHint')}
        button={t('directory.searchButton')}
      />
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

function Filters({ filters, onChange }: { filters: DirectoryFilters; onChange: (changes: Partial<DirectoryFilters>) => void }): ReactElement {
  const { t } = useTranslation()
  const geography = useGeography()
  const provinces = filters.region ? geography.provinces.filter((province) => province.regionNuts2 === filters.region) : geography.provinces
  const [country, setCountry] = useState(filters.country)
  useEffect(() => {
    setCountry(filters.country)
  }, [filters.country])

  const active = activeFilterCount(filters)
  return (
    <FiltersPanel title={t('directory.filters')} activeBadge={active > 0 ? t('directory.activeFilters', { count: active }) : null}>
      <OrganisationTypeFilter label={t('organisation.type')} value={filters.type} onChange={(type) => onChange({ type })} testId="filter-type" />
      <SizeClassFilter label={t('organisation.size')} value={filters.size} onChange={(size) => onChange({ size })} testId="filter-size" />
      <ClusterFilter label={t('directory.cluster')} value={filters.cluster} onChange={(cluster) => onChange({ cluster })} testId="filter-cluster" />
      <TaxonomySelect
        label={t('directory.taxonomy')}
        hint={t('directory.taxonomyHint')}
        value={filters.taxonomy}
        onChange={(taxonomy) => onChange({ taxonomy })}
        testId="filter-taxonomy"
      />
      <RegionFilter label={t('directory.region')} value={filters.region} onChange={(region) => onChange({ region, province: '' })} testId="filter-region" />
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
    </FiltersPanel>
  )
}
