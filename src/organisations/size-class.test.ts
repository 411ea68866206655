import { describe, expect, it } from 'vitest'
import { sizeClassOf } from './size-class.js'

const million = 100_000_000

describe('the size class stored on an organisation', () => {
  it('follows the EU classification for enterprises', () => {
    expect(sizeClassOf('sme', { headcount: 30, turnoverCents: 5 * million, balanceSheetCents: null })).toBe('small')
  })

  it('keeps a large company large when it gives no figures', () => {
    expect(sizeClassOf('large_company', { headcount: null, turnoverCents: null, balanceSheetCents: null })).toBe('large')
  })

  it('gives no class to bodies that are not enterprises', () => {
    for (const type of ['research_organisation', 'university', 'public_body'] as const) {
      expect(sizeClassOf(type, { headcount: 300, turnoverCents: null, balanceSheetCents: null })).toBeNull()
    }
  })
})
