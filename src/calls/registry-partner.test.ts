import { describe, expect, it } from 'vitest'
import { partnerSizeOf, partnerTypeOf } from './registry-partner.js'

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
})
