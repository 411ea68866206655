import { describe, expect, it } from 'vitest'
import { groupClusters, groupOf } from './groups'

describe('cluster groups', () => {
  it('places each kind of cluster in its home-page section', () => {
    expect(groupOf({ kind: 'regional_district', regionNuts2: 'ITI1' })).toBe('tuscany')
    expect(groupOf({ kind: 'cluster_of_clusters', regionNuts2: 'ITI1' })).toBe('clock')
    expect(groupOf({ kind: 'regional_cluster', regionNuts2: 'ITC1' })).toBe('piedmont')
    expect(groupOf({ kind: 'national_cluster', regionNuts2: null })).toBe('national')
    expect(groupOf({ kind: 'regional_district', regionNuts2: 'ITH3' })).toBe('other')
  })

  it('orders sections and leaves out empty ones', () => {
    const sections = groupClusters([
      { kind: 'national_cluster', regionNuts2: null },
      { kind: 'regional_district', regionNuts2: 'ITI1' },
      { kind: 'regional_district', regionNuts2: 'ITI1' },
    ] as const)
    expect(sections.map((section) => [section.group, section.clusters.length])).toEqual([
      ['tuscany', 2],
      ['national', 1],
    ])
  })
})
