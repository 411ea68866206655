import { filterPatterns, matching, oneOf, pageFromSearch, queryFromSearch } from '../platform/address-filters'
import { withQuery } from '../platform/api'
import { organisationTypes, sizeClasses, type OrganisationType, type SizeClass } from '../organisations/types'
import { profileKinds, type ProfileKind } from './types'

export type MarketplaceFilters = {
  q: string
  kind: ProfileKind | ''
  taxonomy: string
  district: string
  trlMin: string
  trlMax: string
  organisationType: OrganisationType | ''
  size: SizeClass | ''
  region: string
  page: number
}

export const emptyMarketplaceFilters: MarketplaceFilters = {
  q: '',
  kind: '',
  taxonomy: '',
  district: '',
  trlMin: '',
  trlMax: '',
  organisationType: '',
  size: '',
  region: '',
  page: 1,
}

export const marketplacePageSize = 20

const trl = (value: string | null): string => matching(filterPatterns.trl, value)

export function marketplaceFiltersFromSearch(params: URLSearchParams): MarketplaceFilters {
  return {
    q: queryFromSearch(params),
    kind: oneOf(profileKinds, params.get('kind')),
    taxonomy: matching(filterPatterns.taxonomy, params.get('taxonomy')),
    district: matching(filterPatterns.clusterSlug, params.get('district')),
    trlMin: trl(params.get('trlMin')),
    trlMax: trl(params.get('trlMax')),
    organisationType: oneOf(organisationTypes, params.get('organisationType')),
    size: oneOf(sizeClasses, params.get('size')),
    region: matching(filterPatterns.region, params.get('region')),
    page: pageFromSearch(params),
  }
}

export function marketplaceApiPath(filters: MarketplaceFilters): string {
  const { page, ...rest } = filters
  return withQuery('/api/profiles', { ...rest, page, pageSize: marketplacePageSize })
}
