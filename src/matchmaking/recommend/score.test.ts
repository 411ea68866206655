import { describe, expect, it } from 'vitest'
import {
  codeCloseness,
  complementaryKinds,
  isEligible,
  isRelevant,
  maxPoints,
  rank,
  roleFit,
  scoreCandidate,
  taxonomyOverlap,
  trlFit,
  type Candidate,
  type Seeker,
} from './score.js'

const seeker: Seeker = {
  organisationId: 'sme',
  kind: 'technology_request',
  taxonomy: ['CN.02', 'SF.01'],
  concepts: [['laser', 'laser'], ['marmo', 'marble'], ['taglio', 'cutting'], ['lucidatura', 'polishing']],
  trl: 6,
  organisationType: 'sme',
  targetTypes: [],
  nuts2: 'ITI1',
  country: 'IT',
  districtIds: ['marble'],
}

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  organisationId: 'lab',
  organisationType: 'research_organisation',
  taxonomy: [],
  matchedConcepts: [],
  trl: null,
  nuts2: null,
  country: 'DE',
  districtIds: [],
  pastCollaborations: 0,
  sharedPartners: 0,
  ...overrides,
})

describe('taxonomy closeness', () => {
  it('ranks the same node over one inside the other over siblings', () => {
    expect(codeCloseness('CN.02', 'CN.02')).toBe(1)
    expect(codeCloseness('CN', 'CN.02')).toBe(0.6)
    expect(codeCloseness('CN.02', 'CN')).toBe(0.6)
    expect(codeCloseness('CN.02', 'CN.03')).toBe(0.3)
    expect(codeCloseness('CN.02', 'ICT.02')).toBe(0)
    // "CN.0" is not the parent of "CN.02" (prefixes count only at a dot): they are two sub-areas of CN.
    expect(codeCloseness('CN.0', 'CN.02')).toBe(0.3)
  })

  it('averages the best match of every seeker code and names the close ones', () => {
    expect(taxonomyOverlap(['CN.02', 'SF.01'], ['CN.02', 'ICT.01'])).toEqual({ share: 0.5, codes: ['CN.02'] })
    expect(taxonomyOverlap(['CN.02', 'SF.01'], ['CN.03', 'SF'])).toEqual({ share: (0.3 + 0.6) / 2, codes: ['SF'] })
    expect(taxonomyOverlap([], ['CN'])).toEqual({ share: 0, codes: [] })
  })
})

describe('roles', () => {
  it('sends a technical need to research first, then to suppliers, never to a bank', () => {
    expect(roleFit('technology_request', 'university')).toEqual({ share: 1, role: 'research_for_technical_need' })
    expect(roleFit('technology_request', 'sme')?.share).toBe(0.6)
    expect(roleFit('technology_request', 'financial_operator')).toBeNull()
  })

  it('sends a finance request to financiers', () => {
    expect(roleFit('finance_request', 'financial_operator')?.role).toBe('financier_for_finance_need')
    expect(roleFit('finance_request', 'university')).toBeNull()
  })

  it('pairs requests with offers and the reverse', () => {
    expect(complementaryKinds('technology_request')).toEqual(['technology_offer'])
    expect(complementaryKinds('technology_offer')).toContain('technology_request')
    expect(complementaryKinds('finance_offer')).toEqual(['finance_request'])
  })
})

describe('TRL fit', () => {
  it('is full when the offer is at or above the need, half one level short, none beyond', () => {
    expect(trlFit('technology_request', 6, 7)).toBe(1)
    expect(trlFit('technology_request', 6, 6)).toBe(1)
    expect(trlFit('technology_request', 6, 5)).toBe(0.5)
    expect(trlFit('technology_request', 6, 4)).toBe(0)
  })

  it('reads the other way round for an offer looking at requests', () => {
    expect(trlFit('technology_offer', 5, 6)).toBe(0.5)
    expect(trlFit('technology_offer', 7, 6)).toBe(1)
  })
})

describe('scoring a candidate', () => {
  it('adds up points that the reasons explain, strongest first', () => {
    const result = scoreCandidate(
      seeker,
      candidate({ taxonomy: ['CN.02', 'SF.01'], matchedConcepts: [0, 1], trl: 7, nuts2: 'ITI1', country: 'IT', pastCollaborations: 2, sharedPartners: 3, districtIds: ['materials'] }),
    )
    const byCode = Object.fromEntries(result.reasons.map((reason) => [reason.code, reason]))
    expect(byCode.taxonomy?.points).toBe(maxPoints.taxonomy)
    expect(byCode.terms?.points).toBe(maxPoints.terms / 2)
    expect(byCode.terms?.detail.terms).toEqual(['laser', 'marmo'])
    expect(byCode.role?.detail.role).toBe('research_for_technical_need')
    expect(byCode.trl?.detail.trl).toEqual({ source: 6, candidate: 7 })
    expect(byCode.collaboration?.detail.count).toBe(2)
    expect(byCode.shared_partners?.points).toBe(maxPoints.shared_partners)
    expect(byCode.proximity?.detail.region).toBe('ITI1')
    expect(byCode.other_district?.detail.districtIds).toEqual(['materials'])
    expect(result.score).toBeCloseTo(result.reasons.reduce((sum, reason) => sum + reason.points, 0), 5)
    const points = result.reasons.map((reason) => reason.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
  })

  it('scores 100 at most, for a candidate that fits in every way', () => {
    const perfect = scoreCandidate(
      seeker,
      candidate({ taxonomy: ['CN.02', 'SF.01'], matchedConcepts: [0, 1, 2, 3], trl: 9, nuts2: 'ITI1', country: 'IT', pastCollaborations: 5, sharedPartners: 9 }),
    )
    expect(perfect.score).toBe(100)
  })

  it('does not call a member of the seeker’s own district another district', () => {
    const result = scoreCandidate(seeker, candidate({ districtIds: ['marble', 'materials'] }))
    expect(result.reasons.find((reason) => reason.code === 'other_district')).toBeUndefined()
  })

  it('gives some points for the same country, more for the same region', () => {
    const country = scoreCandidate(seeker, candidate({ country: 'IT', nuts2: 'ITC1' })).reasons.find((r) => r.code === 'proximity')
    const region = scoreCandidate(seeker, candidate({ country: 'IT', nuts2: 'ITI1' })).reasons.find((r) => r.code === 'proximity')
    expect(country!.points).toBeLessThan(region!.points)
  })

  it('needs subject-matter relevance, not just a shared region and a past tie', () => {
    expect(isRelevant(scoreCandidate(seeker, candidate({ nuts2: 'ITI1', country: 'IT', pastCollaborations: 3 })))).toBe(false)
    expect(isRelevant(scoreCandidate(seeker, candidate({ taxonomy: ['CN.02'] })))).toBe(true)
  })
})

describe('eligibility and ranking', () => {
  it('never recommends the seeker’s own organisation, and honours the target types', () => {
    expect(isEligible(seeker, { organisationId: 'sme', organisationType: 'university' })).toBe(false)
    expect(isEligible({ ...seeker, targetTypes: ['university'] }, { organisationId: 'x', organisationType: 'sme' })).toBe(false)
    expect(isEligible({ ...seeker, targetTypes: ['university'] }, { organisationId: 'x', organisationType: 'university' })).toBe(true)
  })

  it('orders by score, then by subject-matter points, then by id, and cuts at the limit', () => {
    const item = (id: string, taxonomy: number, proximity: number) => ({
      id,
      scored: {
        score: taxonomy + proximity,
        reasons: [
          { code: 'taxonomy' as const, points: taxonomy, detail: {} },
          { code: 'proximity' as const, points: proximity, detail: {} },
        ],
      },
    })
    const ranked = rank([item('c', 10, 8), item('b', 18, 0), item('a', 18, 0), item('d', 30, 0)], 3)
    expect(ranked.map((entry) => entry.id)).toEqual(['d', 'a', 'b'])
  })
})
