import { describe, expect, it } from 'vitest'
import { tinyCorpus } from './fixtures.test-helpers'
import { generateQueries } from './queries'

describe('generateQueries', () => {
  it('hides each corpus-known distinct participant of projects with two or more distinct participants', () => {
    const test = tinyCorpus({
      T1: { members: ['Alpha', 'Beta', 'Zeta'] }, // Zeta unknown to the corpus: 2 queries
      T2: { members: ['Alpha'] }, // mono-beneficiary: none
      T3: { members: ['Alpha', 'ALPHA.', 'Beta'] }, // Alpha listed twice counts once: 2 queries
      T4: { members: ['alpha', 'Alpha'] }, // one distinct participant: none
    })
    const queries = generateQueries(test, new Set(['ALPHA', 'BETA']))
    expect(queries).toHaveLength(4)
    const first = queries[0]!
    expect(first.hidden.key).toBe('ALPHA')
    expect(first.partners.map((p) => p.name)).toEqual(['Beta', 'Zeta'])
    const t3 = queries.filter((q) => q.projectId === 'T3')
    expect(t3.map((q) => q.partners.length)).toEqual([1, 1])
  })
})
