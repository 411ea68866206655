import { describe, expect, it } from 'vitest'
import { filtersToSearch } from '../platform/address-filters'
import { directoryApiPath, emptyFilters, filtersFromSearch, hasFilters } from './directory-query'

describe('directory filters in the address bar', () => {
  it('round-trips every filter', () => {
    const filters = {
      q: 'materiali compositi',
      type: 'sme' as const,
      size: 'small' as const,
      cluster: 'tuscany-advanced-materials',
      taxonomy: 'CN.03',
      province: 'PI',
      region: 'ITI1',
      country: 'IT',
      page: 3,
    }
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters)
  })

  it('leaves out empty filters and the first page', () => {
    expect(filtersToSearch({ ...emptyFilters, q: 'laser' }).toString()).toBe('q=laser')
    expect(hasFilters(emptyFilters)).toBe(false)
    expect(hasFilters({ ...emptyFilters, page: 4 })).toBe(false)
    expect(hasFilters({ ...emptyFilters, taxonomy: 'ICT' })).toBe(true)
  })

  it('drops values the server would refuse', () => {
    const filters = filtersFromSearch(new URLSearchParams('type=castle&size=huge&taxonomy=<x>&page=-2&province=pisa&country=it'))
    expect(filters).toEqual({ ...emptyFilters, country: 'IT' })
  })

  it('asks the API for one page of twenty', () => {
    expect(directoryApiPath({ ...emptyFilters, q: ' fotonica ', taxonomy: 'ICT', page: 2 })).toBe(
      '/api/organisations?q=fotonica&taxonomy=ICT&page=2&pageSize=20',
    )
  })
})
