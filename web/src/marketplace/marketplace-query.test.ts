import { describe, expect, it } from 'vitest'
import { filtersToSearch } from '../platform/address-filters'
import { emptyMarketplaceFilters, marketplaceApiPath, marketplaceFiltersFromSearch } from './marketplace-query'

describe('marketplace filters in the address bar', () => {
  it('round-trip through the address bar', () => {
    const filters = { ...emptyMarketplaceFilters, q: 'idrogeno verde', kind: 'technology_offer' as const, taxonomy: 'TR', trlMin: '4', page: 2 }
    expect(marketplaceFiltersFromSearch(filtersToSearch(filters))).toEqual(filters)
    expect(filtersToSearch(emptyMarketplaceFilters).toString()).toBe('')
  })

  it('drop values the server would refuse', () => {
    const filters = marketplaceFiltersFromSearch(new URLSearchParams('kind=gift&trlMin=12&taxonomy=<x>&district=Marble!&page=-3&size=huge'))
    expect(filters).toEqual(emptyMarketplaceFilters)
  })

  it('ask the API for one page with the set filters only', () => {
    expect(marketplaceApiPath({ ...emptyMarketplaceFilters, q: 'marmo', district: 'tuscany-marble-stone' })).toBe(
      '/api/profiles?q=marmo&district=tuscany-marble-stone&page=1&pageSize=20',
    )
  })
})
