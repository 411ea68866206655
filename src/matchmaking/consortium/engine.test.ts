import { describe, expect, it } from 'vitest'
import { orgKey } from './corpus'
import fc from 'fast-check'
import { buildIndex, candidateFeatures, featureNames, orgKind, rankCandidates, recommendPartners, topCandidates } from './engine'
import { tinyCorpus } from './fixtures.test-helpers'

const corpus = tinyCorpus({
  P1: { title: 'Wireless sensor networks for bridges', members: ['Alpha Univ', 'Beta GmbH', 'Missing Lab'] },
  P2: { title: 'Sensor calibration', members: ['Alpha Univ', 'Gamma SpA', 'Missing Lab'] },
  P3: { title: 'Structural monitoring of bridges', members: ['Beta GmbH', 'Gamma SpA', 'Missing Lab'] },
  P4: { title: 'Marine biology', members: ['Popular Inst', 'Other One'] },
  P5: { title: 'Cultural heritage', members: ['Popular Inst', 'Other Two'] },
  P6: { title: 'Food safety', members: ['Popular Inst', 'Other Three'] },
  P7: { title: 'Food safety', members: ['Popular Inst', 'Other Four'] },
})
const index = buildIndex(corpus)

describe('recommendPartners', () => {
  const query = {
    title: 'Sensor networks for bridge monitoring',
    partners: [{ name: 'Alpha Univ' }, { name: 'BETA gmbh', country: 'DE' }, { name: 'Gamma S.p.A.' }],
  }

  it('ranks the obvious missing partner first, with reasons', () => {
    const [top] = recommendPartners(index, query, 5)
    expect(top?.key).toBe('MISSING LAB')
    const co = top?.reasons.find((r) => r.kind === 'coParticipated')
    expect(co).toEqual({ kind: 'coParticipated', with: ['Alpha Univ', 'Beta GmbH'], projects: 3 })
    expect(top?.reasons.some((r) => r.kind === 'similarTopic')).toBe(true)
  })

  it('never returns a given partner, and honours the limit', () => {
    const all = recommendPartners(index, query, 100)
    const given = new Set(query.partners.map((p) => orgKey(p.name)))
    expect(all.some((r) => given.has(r.key))).toBe(false)
    expect(all).toHaveLength(index.orgs.length - 2) // 'Gamma S.p.A.' is not 'GAMMA SPA', so it stays a candidate
    expect(recommendPartners(index, query, 2)).toHaveLength(2)
    expect(recommendPartners(index, query, 0)).toEqual([])
  })

  it('orders ties by key, whatever the order of the corpus', () => {
    const tieQuery = { title: '', partners: [{ name: 'Popular Inst' }] }
    const keys = (c: typeof corpus): string[] => recommendPartners(buildIndex(c), tieQuery, 10).map((r) => r.key)
    const reversed = { projects: [...corpus.projects].reverse(), participations: [...corpus.participations].reverse() }
    const forward = keys(corpus)
    expect(forward).toEqual(keys(reversed))
    // The four partners of Popular Inst have exactly the same evidence: they stand together, by key.
    const tied = forward.filter((key) => key.startsWith('OTHER '))
    expect(tied).toEqual(['OTHER FOUR', 'OTHER ONE', 'OTHER THREE', 'OTHER TWO'])
    const first = forward.indexOf('OTHER FOUR')
    expect(forward.slice(first, first + 4)).toEqual(tied)
  })
})

describe('candidateFeatures', () => {
  it('gives popularity a second weight only to organisations that never worked with a given partner', () => {
    const f = candidateFeatures(index, { title: '', partners: [{ name: 'Alpha Univ' }] }, 0.3)
    const width = featureNames.length
    const at = (key: string, name: (typeof featureNames)[number]): number =>
      f.values[index.orgByKey.get(key)! * width + featureNames.indexOf(name)]!
    expect(at('MISSING LAB', 'anyCoParticipation')).toBe(1)
    expect(at('MISSING LAB', 'popularityNoCo')).toBe(0)
    expect(at('POPULAR INST', 'anyCoParticipation')).toBe(0)
    expect(at('POPULAR INST', 'popularityNoCo')).toBeCloseTo(Math.log1p(4))
    expect(at('POPULAR INST', 'popularityNoCo')).toBe(at('POPULAR INST', 'popularity'))
  })
})

describe('orgKind', () => {
  it('reads legal forms written with dots, which the key turns into single letters', () => {
    expect(orgKind(orgKey('Philips Electronics Nederland B.V.'))).toBe('company')
    expect(orgKind(orgKey('Telecom Italia S.p.A.'))).toBe('company')
    expect(orgKind(orgKey('Siemens Aktiengesellschaft'))).toBe('company')
    expect(orgKind(orgKey('Vodafone Panafon Anonymi Etaireia'))).toBe('company')
  })

  it('knows universities and research bodies by their names in several EU languages', () => {
    expect(orgKind(orgKey('Kungliga Tekniska Högskolan'))).toBe('university')
    expect(orgKind(orgKey('Budapesti Muszaki es Gazdasagtudomanyi Egyetem'))).toBe('university')
    expect(orgKind(orgKey('Politechnika Warszawska'))).toBe('university')
    expect(orgKind(orgKey('Istituto Nazionale di Fisica Nucleare'))).toBe('research')
    expect(orgKind(orgKey('Fondazione Bruno Kessler'))).toBe('research')
    expect(orgKind(orgKey('Max Planck Gesellschaft zur Foerderung der Wissenschaften e.V.'))).toBe('research')
    // A company form wins over a research word: a firm's research arm is still a firm.
    expect(orgKind(orgKey('Saint-Gobain Recherche S.A.'))).toBe('company')
    expect(orgKind(orgKey('Page and Park Architects'))).toBe('other')
  })
})

describe('topCandidates', () => {
  it('is the head of the full ranking, ties broken by key, excluded ones left out', () => {
    const n = index.orgs.length
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: n + 2 }),
        (raw, excludedList, limit) => {
          const scores = Float64Array.from(raw)
          const excluded = new Set(excludedList)
          expect(topCandidates(index, scores, excluded, limit)).toEqual(rankCandidates(index, scores, excluded).slice(0, limit))
        },
      ),
    )
  })
})
