import { describe, expect, it } from 'vitest'
import { regions } from '../organisations/geo-data'
import { taxonomyNodes } from '../taxonomy/taxonomy-data'
import { clusters, tuscanyDistrictCounts } from './reference-data'

describe('cluster reference data', () => {
  const bySlug = new Map(clusters.map((c) => [c.slug, c]))
  const ofKind = (kind: string): number => clusters.filter((c) => c.kind === kind).length

  it('has unique kebab-case slugs', () => {
    expect(bySlug.size).toBe(clusters.length)
    for (const c of clusters) expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('holds CLOCK, ten Tuscan districts, seven Piedmont clusters and twelve national clusters', () => {
    expect(ofKind('cluster_of_clusters')).toBe(1)
    expect(ofKind('regional_district')).toBe(tuscanyDistrictCounts.namedInSources)
    expect(ofKind('regional_cluster')).toBe(7)
    expect(ofKind('national_cluster')).toBe(12)
    expect(clusters.filter((c) => c.fundedByRegion)).toHaveLength(tuscanyDistrictCounts.fundedByRegion)
    expect(clusters.filter((c) => c.kind === 'national_cluster' && c.foundedYear === 2012)).toHaveLength(8)
  })

  it('refers only to known regions, priorities and parents', () => {
    const nuts2 = new Set(regions.map((r) => r.nuts2))
    const codes = new Set(taxonomyNodes.map((n) => n.code))
    for (const c of clusters) {
      if (c.regionNuts2 !== null) expect(nuts2.has(c.regionNuts2), c.slug).toBe(true)
      expect(c.regionNuts2 === null, c.slug).toBe(c.kind === 'national_cluster')
      for (const code of c.priorityCodes) expect(codes.has(code), `${c.slug} ${code}`).toBe(true)
      for (const parent of c.parentSlugs) expect(bySlug.has(parent), `${c.slug} ${parent}`).toBe(true)
    }
  })

  it('puts every Tuscan district under CLOCK', () => {
    for (const c of clusters.filter((x) => x.kind === 'regional_district')) {
      expect(c.regionNuts2).toBe('ITI1')
      expect(c.parentSlugs).toEqual(['clock'])
    }
  })
})
