import { describe, expect, it } from 'vitest'
import { activeFilterCount, filtersToSearch, matching, oneOf, pageFromSearch, queryFromSearch } from './address-filters'

describe('filters in the address bar', () => {
  it('keep only what is set, trimmed, and no page number for the first page', () => {
    expect(filtersToSearch({ q: ' laser ', kind: '', region: 'ITI1', page: 1 }).toString()).toBe('q=laser&region=ITI1')
    expect(filtersToSearch({ q: '', page: 3 }).toString()).toBe('page=3')
  })

  it('count the filters set, not the text query nor the page', () => {
    expect(activeFilterCount({ q: 'laser', kind: 'technology_offer', region: '', page: 4 })).toBe(1)
    expect(activeFilterCount({ q: 'laser', kind: '', page: 1 })).toBe(0)
  })

  it('read back only values the server accepts', () => {
    expect(oneOf(['sme', 'startup'] as const, 'castle')).toBe('')
    expect(oneOf(['sme', 'startup'] as const, 'sme')).toBe('sme')
    expect(matching(/^[A-Z]{2}$/, 'pisa')).toBe('')
    expect(matching(/^[A-Z]{2}$/, null)).toBe('')
    expect(pageFromSearch(new URLSearchParams('page=-2'))).toBe(1)
    expect(pageFromSearch(new URLSearchParams('page=2.5'))).toBe(1)
    expect(pageFromSearch(new URLSearchParams('page=7'))).toBe(7)
    expect(queryFromSearch(new URLSearchParams(`q=${'a'.repeat(300)}`))).toHaveLength(200)
  })
})
