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

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | '' =>
  allowed.includes(value as T) ? (value as T) : ''

const matching = (pattern: RegExp, value: string | null): string => (value !== null && pattern.test(value) ? value : '')

/**
 * Reads the filters from the address bar. A value the server would refuse (a hand-edited link) is dropped
 * rather than turned into an error page.
 */
export function filtersFromSearch(params: URLSearchParams): DirectoryFilters {
  const page = Number(params.get('page'))
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    type: oneOf(organisationTypes, params.get('type')),
    size: oneOf(sizeClasses, params.get('size')),
    cluster: matching(/^[a-z0-9-]{1,80}$/, params.get('cluster')),
    taxonomy: matching(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/, params.get('taxonomy')),
    province: matching(/^[A-Z]{2}$/, params.get('province')),
    region: matching(/^[A-Z]{2}[A-Z0-9]{1,3}$/, params.get('region')),
    country: matching(/^[A-Z]{2}$/, (params.get('country') ?? '').toUpperCase() || null),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

/** The address-bar form of the filters: only what is set, and no page number for the first page. */
export function filtersToSearch(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams()
  const { page, ...rest } = filters
  for (const [key, value] of Object.entries(rest)) {
    const text = value.trim()
    if (text !== '') params.set(key, text)
  }
  if (page > 1) params.set('page', String(page))
  return params
}

export function directoryApiPath(filters: DirectoryFilters): string {
  const { page, ...rest } = filters
  return withQuery('/api/organisations', { ...rest, q: rest.q.trim(), page, pageSize: directoryPageSize })
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return filtersToSearch({ ...filters, page: 1 }).toString() !== ''
}
