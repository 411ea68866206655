import { describe, expect, it } from 'vitest'
import { partnerSizeOf, partnerTypeOf, romeDate } from './registry-partner.js'

describe('registry organisations as partners', () => {
  it('maps every registry type', () => {
    expect(partnerTypeOf('startup', 'micro')).toBe('startup')
    expect(partnerTypeOf('sme', 'small')).toBe('sme')
    expect(partnerTypeOf('large_company', null)).toBe('large')
    expect(partnerTypeOf('company', 'large')).toBe('large')
    expect(partnerTypeOf('company', 'medium')).toBe('sme')
    expect(partnerTypeOf('company', null)).toBe('other')
    expect(partnerTypeOf('research_organisation', null)).toBe('research')
    expect(partnerTypeOf('university', null)).toBe('university')
    expect(partnerTypeOf('public_body', 'large')).toBe('other')
  })

  it('takes the size from the registry, large companies always large, research organisations none', () => {
    expect(partnerSizeOf('large', 'medium')).toBe('large')
    expect(partnerSizeOf('sme', 'micro')).toBe('micro')
    expect(partnerSizeOf('research', 'large')).toBeUndefined()
    expect(partnerSizeOf('sme', null)).toBeUndefined()
  })

  it('judges the date in Europe/Rome', () => {
    expect(romeDate(new Date('2026-03-31T21:59:59Z'))).toBe('2026-03-31')
    expect(romeDate(new Date('2026-03-31T22:00:00Z'))).toBe('2026-04-01')
    expect(romeDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16')
  })
})
