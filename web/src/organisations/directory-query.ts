import { filterPatterns, filtersToSearch, matching, oneOf, pageFromSearch, queryFromSearch } from '../platform/address-filters'
import { withQuery } from '../platform/api'
import { organisationTypes, sizeClasses, type OrganisationType, type SizeClass } from './types'

export type DirectoryFilters = {
  q: string
  type: OrganisationType | ''
  size: SizeClass | ''
  cluster: string
  taxonomy: string
  province: string
  region: string
  country: string
  page: number
}

export const emptyFilters: DirectoryFilters = {
  q: '',
  type: '',
  size: '',
  cluster: '',
  taxonomy: '',
  province: '',
  region: '',
  country: '',
  page: 1,
}

export const directoryPageSize = 20

export function filtersFromSearch(params: URLSearchParams): DirectoryFilters {
  return {
    q: queryFromSearch(params),
    type: oneOf(organisationTypes, params.get('type')),
    size: oneOf(sizeClasses, params.get('size')),
    cluster: matching(filterPatterns.clusterSlug, params.get('cluster')),
    taxonomy: matching(filterPatterns.taxonomy, params.get('taxonomy')),
    province: matching(filterPatterns.province, params.get('province')),
    region: matching(filterPatterns.region, params.get('region')),
    country: matching(filterPatterns.country, (params.get('country') ?? '').toUpperCase() || null),
    page: pageFromSearch(params),
  }
}

export function directoryApiPath(filters: DirectoryFilters): string {
  const { page, ...rest } = filters
  return withQuery('/api/organisations', { ...rest, q: rest.q.trim(), page, pageSize: directoryPageSize })
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return filtersToSearch({ ...filters, page: 1 }).toString() !== ''
}
