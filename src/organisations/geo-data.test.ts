import { describe, expect, it } from 'vitest'
import { provinces, regions } from './geo-data'

describe('geo reference data', () => {
  it('has the 21 NUTS 2 regions and 107 provinces', () => {
    expect(regions).toHaveLength(21)
    expect(provinces).toHaveLength(107)
  })

  it('has unique codes', () => {
    expect(new Set(regions.map((r) => r.nuts2)).size).toBe(regions.length)
    expect(new Set(provinces.map((p) => p.code)).size).toBe(provinces.length)
    expect(new Set(provinces.map((p) => p.nuts3)).size).toBe(provinces.length)
  })

  it('links every province to an existing region whose code prefixes its NUTS 3 code', () => {
    const known = new Set(regions.map((r) => r.nuts2))
    for (const province of provinces) {
      expect(known.has(province.regionNuts2), province.code).toBe(true)
      expect(province.nuts3.startsWith(province.regionNuts2)).toBe(true)
      expect(province.code).toMatch(/^[A-Z]{2}$/)
    }
  })

  it('gives every region at least one province', () => {
    for (const region of regions) {
      expect(provinces.some((p) => p.regionNuts2 === region.nuts2), region.nuts2).toBe(true)
    }
  })

  it('places the Tuscan and Sardinian provinces as in NUTS 2021', () => {
    const tuscany = provinces.filter((p) => p.regionNuts2 === 'ITI1').map((p) => p.code)
    expect(tuscany).toEqual(['MS', 'LU', 'PT', 'FI', 'PO', 'LI', 'PI', 'AR', 'SI', 'GR'])
    const sardinia = provinces.filter((p) => p.regionNuts2 === 'ITG2').map((p) => p.nuts3)
    expect(sardinia).toEqual(['ITG2D', 'ITG2E', 'ITG2F', 'ITG2G', 'ITG2H'])
  })
})
