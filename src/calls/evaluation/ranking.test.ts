import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rankCall, weightedTotal, type RankingCriterion, type RankingProposal } from './ranking.js'

const criteria: RankingCriterion[] = [
  { code: 'excellence', weight: 40, threshold: 3 },
  { code: 'impact', weight: 35, threshold: 3 },
  { code: 'implementation', weight: 25, threshold: 2 },
]

const M = 100_000_000

function proposal(id: string, scores: [number, number, number] | null, grantCents: number, extra: Partial<RankingProposal> = {}): RankingProposal {
  return {
    id,
    line: 'A',
    consensus: scores === null ? null : { excellence: scores[0], impact: scores[1], implementation: scores[2] },
    grantCents,
    smes: 1,
    researchOrganisations: 1,
    submittedAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  }
}

describe('ranking', () => {
  it('weighs the criteria on the 0–5 scale', () => {
    expect(weightedTotal(criteria, { excellence: 5, impact: 4, implementation: 3 })).toBe(4.15)
    expect(weightedTotal(criteria, { excellence: 3.5, impact: 3.5, implementation: 3.5 })).toBe(3.5)
  })

  it('orders by weighted total, funds down the ranking, and sends to reserve from the first that does not fit whole', () => {
    const [line] = rankCall(criteria, undefined, [{ code: 'A', budgetCents: 5 * M }], [
      proposal('third', [4, 4, 4], 1 * M),
      proposal('first', [5, 5, 5], 2 * M),
      proposal('second', [5, 4, 4], 2 * M),
      proposal('fourth', [3, 3, 3], 2 * M),
      proposal('small', [3, 3, 2], 50_000_00),
      proposal('weak', [2, 5, 5], 1 * M),
      proposal('waiting', null, 1 * M),
    ])
    expect(line!.proposals.map((item) => [item.proposalId, item.rank, item.status])).toEqual([
      ['first', 1, 'funded'],
      ['second', 2, 'funded'],
      ['third', 3, 'funded'],
      // 2 M€ do not fit in the 0 left: reserve, and so is the smaller one below it.
      ['fourth', 4, 'reserve'],
      ['small', 5, 'reserve'],
      ['weak', null, 'below_threshold'],
      ['waiting', null, 'pending'],
    ])
    expect(line).toMatchObject({ budgetCents: 5 * M, fundedCents: 5 * M, unspentCents: 0 })
    expect(line!.proposals.find((item) => item.proposalId === 'weak')!.failedCriteria).toEqual(['excellence'])
  })

  it('breaks ties on the first criterion, then SMEs, then research organisations', () => {
    const [line] = rankCall(criteria, undefined, [{ code: 'A', budgetCents: 100 * M }], [
      proposal('lowFirst', [4, 4, 4], M, { smes: 9 }),
      // 5·40 + 4·35 + 2.5·25 = 402.5 against 400 for the others: strictly first.
      proposal('highFirst', [5, 4, 2.5], M),
      proposal('moreSmes', [4, 4, 4], M, { smes: 3, researchOrganisations: 0 }),
      proposal('moreLabs', [4, 4, 4], M, { smes: 3, researchOrganisations: 2 }),
    ])
    expect(line!.proposals.map((item) => item.proposalId)).toEqual(['highFirst', 'lowFirst', 'moreLabs', 'moreSmes'])
    // 3·40 + 5·35 + 4·25 = 395 = 4.5·40 + 4·35 + 3·25: the higher excellence wins.
    const [tie] = rankCall(criteria, undefined, [{ code: 'A', budgetCents: 100 * M }], [proposal('impactful', [3, 5, 4], M), proposal('excellent', [4.5, 4, 3], M)])
    expect(tie!.proposals.map((item) => item.proposalId)).toEqual(['excellent', 'impactful'])
  })

  it('applies the overall threshold exactly', () => {
    const [line] = rankCall(criteria, 3.5, [{ code: 'A', budgetCents: 100 * M }], [proposal('exact', [3.5, 3.5, 3.5], M), proposal('below', [3.5, 3.5, 3], M)])
    expect(line!.proposals.map((item) => [item.proposalId, item.status, item.failsOverall])).toEqual([
      ['exact', 'funded', false],
      ['below', 'below_threshold', true],
    ])
  })

  it('keeps each line to its own budget and proposals', () => {
    const lines = rankCall(criteria, undefined, [{ code: 'A', budgetCents: 3 * M }, { code: 'B', budgetCents: 1 * M }], [
      proposal('a1', [5, 5, 5], 2 * M),
      proposal('b1', [4, 4, 4], 1 * M, { line: 'B' }),
      proposal('b2', [3, 3, 3], 1 * M, { line: 'B' }),
    ])
    expect(lines.map((line) => [line.code, line.proposals.map((item) => item.status), line.unspentCents])).toEqual([
      ['A', ['funded'], 1 * M],
      ['B', ['funded', 'reserve'], 0],
    ])
  })

  it('properties: funded never exceed the budget, funded come before reserve, ranks follow merit, money is conserved', () => {
    const score = fc.integer({ min: 0, max: 10 }).map((half) => half / 2)
    const item = fc.record({ scores: fc.option(fc.tuple(score, score, score), { nil: null }), grant: fc.integer({ min: 0, max: 5 * M }), smes: fc.nat(4), labs: fc.nat(3) })
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.integer({ min: 0, max: 20 * M }), (items, budget) => {
        const proposals = items.map((entry, index) => proposal(`p${String(index).padStart(2, '0')}`, entry.scores, entry.grant, { smes: entry.smes, researchOrganisations: entry.labs }))
        const [line] = rankCall(criteria, undefined, [{ code: 'A', budgetCents: budget }], proposals)
        const funded = line!.proposals.filter((entry) => entry.status === 'funded')
        const total = funded.reduce((sum, entry) => sum + entry.grantCents, 0)
        expect(total).toBeLessThanOrEqual(budget)
        expect(line!.fundedCents + line!.unspentCents).toBe(budget)
        expect(line!.fundedCents).toBe(total)
        const statuses = line!.proposals.map((entry) => entry.status)
        expect(statuses.join(',')).toMatch(/^(funded,?)*(reserve,?)*(below_threshold,?)*(pending,?)*$/)
        const ranked = line!.proposals.filter((entry) => entry.rank !== null)
        expect(ranked.map((entry) => entry.rank)).toEqual(ranked.map((_, index) => index + 1))
        for (let index = 1; index < ranked.length; index++) expect(ranked[index - 1]!.weightedTotal!).toBeGreaterThanOrEqual(ranked[index]!.weightedTotal!)
        const firstReserve = ranked.find((entry) => entry.status === 'reserve')
        if (firstReserve) expect(firstReserve.grantCents).toBeGreaterThan(line!.unspentCents)
        expect(line!.proposals).toHaveLength(proposals.length)
      }),
    )
  })
})
