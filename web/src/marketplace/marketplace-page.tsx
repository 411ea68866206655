import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../accounts/session'
import { ClusterFilter, OrganisationTypeFilter, RegionFilter, SizeClassFilter } from '../organisations/organisation-filter-fields'
import { activeFilterCount } from '../platform/address-filters'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { FiltersPanel, SearchBox, useAddressFilters } from '../platform/search-page'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { MarketplaceNav } from './marketplace-nav'
import {
  emptyMarketplaceFilters,
  marketplaceApiPath,
  marketplaceFiltersFromSearch,
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
  const [filters, apply] = useAddressFilters(marketplaceFiltersFromSearch)
  const { data, error, loading } = useApi<ProfilePage>(marketplaceApiPath(filters))
  const { user } = useSession()
  const ownOrganisation = user?.organisations[0]

  return (
    <div className="page directory">
      <MarketplaceNav />
      <h1>{t('marketplace.title')}</h1>
      <p className="page-lead">{t('marketplace.lead')}</p>
      {ownOrganisation && !filters.q && <RecommendedNeeds organisationId={ownOrganisation.id} />}
      <SearchBox
        name="marketplace"
        value={filters.q}
        onSearch={(q) => apply({ q })}
        label={t('marketplace.searchLabel')}
        hint={t('marketplace.searchHint')}
        button={t('marketplace.searchButton')}
      />
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

function Filters({ filters, onChange }: { filters: MarketplaceFilters; onChange: (changes: Partial<MarketplaceFilters>) => void }): ReactElement {
  const { t } = useTranslation()
  const active = activeFilterCount(filters)
  return (
    <FiltersPanel title={t('marketplace.filters')} activeBadge={active > 0 ? t('marketplace.activeFilters', { count: active }) : null}>
      <SelectField
        label={t('marketplace.kind')}
        value={filters.kind}
        onChange={(kind) => onChange({ kind: kind as MarketplaceFilters['kind'] })}
        options={profileKinds.map((kind) => ({ value: kind, label: t(`marketplace.kinds.${kind}`) }))}
        emptyLabel={t('common.any')}
        testId="filter-kind"
      />
      <TaxonomySelect label={t('marketplace.taxonomy')} hint={t('marketplace.taxonomyHint')} value={filters.taxonomy} onChange={(taxonomy) => onChange({ taxonomy })} testId="filter-taxonomy" />
      <ClusterFilter label={t('marketplace.district')} value={filters.district} onChange={(district) => onChange({ district })} testId="filter-district" />
      <div className="field-row">
        <SelectField label={t('marketplace.trlMin')} value={filters.trlMin} onChange={(trlMin) => onChange({ trlMin })} options={trlOptions} emptyLabel={t('common.any')} testId="filter-trl-min" />
        <SelectField label={t('marketplace.trlMax')} value={filters.trlMax} onChange={(trlMax) => onChange({ trlMax })} options={trlOptions} emptyLabel={t('common.any')} testId="filter-trl-max" />
      </div>
      <OrganisationTypeFilter label={t('marketplace.organisationType')} value={filters.organisationType} onChange={(organisationType) => onChange({ organisationType })} testId="filter-organisation-type" />
      <SizeClassFilter label={t('marketplace.size')} value={filters.size} onChange={(size) => onChange({ size })} testId="filter-size" />
      <RegionFilter label={t('marketplace.region')} value={filters.region} onChange={(region) => onChange({ region })} testId="filter-region" />
      {active > 0 && (
        <button type="button" className="button button--secondary button--block" onClick={() => onChange({ ...emptyMarketplaceFilters, q: filters.q })} data-testid="clear-filters">
          {t('marketplace.clearFilters')}
        </button>
      )}
    </FiltersPanel>
  )
}
