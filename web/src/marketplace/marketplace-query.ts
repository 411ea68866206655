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

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | '' => (allowed.includes(value as T) ? (value as T) : '')
const matching = (pattern: RegExp, value: string | null): string => (value !== null && pattern.test(value) ? value : '')
const trl = (value: string | null): string => matching(/^[1-9]$/, value)

/** Reads the filters from the address bar; a value the server would refuse (a hand-edited link) is dropped. */
export function marketplaceFiltersFromSearch(params: URLSearchParams): MarketplaceFilters {
  const page = Number(params.get('page'))
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    kind: oneOf(profileKinds, params.get('kind')),
    taxonomy: matching(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/, params.get('taxonomy')),
    district: matching(/^[a-z0-9-]{1,80}$/, params.get('district')),
    trlMin: trl(params.get('trlMin')),
    trlMax: trl(params.get('trlMax')),
    organisationType: oneOf(organisationTypes, params.get('organisationType')),
    size: oneOf(sizeClasses, params.get('size')),
    region: matching(/^[A-Z]{2}[A-Z0-9]{1,3}$/, params.get('region')),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

/** The address-bar form: only what is set, no page number for the first page. */
export function marketplaceFiltersToSearch(filters: MarketplaceFilters): URLSearchParams {
  const params = new URLSearchParams()
  const { page, ...rest } = filters
  for (const [key, value] of Object.entries(rest)) {
    const text = value.trim()
    if (text !== '') params.set(key, text)
  }
  if (page > 1) params.set('page', String(page))
  return params
}

export function marketplaceApiPath(filters: MarketplaceFilters): string {
  const { page, ...rest } = filters
  return withQuery('/api/profiles', { ...rest, page, pageSize: marketplacePageSize })
}
