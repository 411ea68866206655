/**
 * Search pages keep their filters in the address bar, so that a search can be bookmarked and shared. These
 * helpers read them back without trusting them: a value the server would refuse (a hand-edited link) is
 * dropped rather than turned into an error page.
 */

export const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | '' => (allowed.includes(value as T) ? (value as T) : '')

export const matching = (pattern: RegExp, value: string | null): string => (value !== null && pattern.test(value) ? value : '')

/** What the API accepts for the usual filters. */
export const filterPatterns = {
  taxonomy: /^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/,
  clusterSlug: /^[a-z0-9-]{1,80}$/,
  region: /^[A-Z]{2}[A-Z0-9]{1,3}$/,
  province: /^[A-Z]{2}$/,
  country: /^[A-Z]{2}$/,
  trl: /^[1-9]$/,
}

export const queryFromSearch = (params: URLSearchParams): string => (params.get('q') ?? '').slice(0, 200)

export function pageFromSearch(params: URLSearchParams): number {
  const page = Number(params.get('page'))
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
}

/** The address-bar form of the filters: only what is set, and no page number for the first page. */
export function filtersToSearch(filters: { page: number } & Record<string, string | number>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'page') continue
    const text = String(value).trim()
    if (text !== '') params.set(key, text)
  }
  if (filters.page > 1) params.set('page', String(filters.page))
  return params
}

/** How many filters are set, the text query and the page left out: the count on a filter panel's badge. */
export function activeFilterCount(filters: { page: number; q: string } & Record<string, string | number>): number {
  return [...filtersToSearch({ ...filters, q: '', page: 1 }).keys()].length
}
