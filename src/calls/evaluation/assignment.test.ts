import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignEvaluators, expertiseFit, isConflicted, type AssignmentInput, type Pair } from './assignment.js'

const codes = ['ICT', 'ICT.01', 'ICT.03', 'SF', 'SF.01', 'CN.02']
const organisations = ['o1', 'o2', 'o3', 'o4']

/** Small random instances: a few proposals and evaluators, organisations shared at random, some declared conflicts. */
function instance(maxProposals: number, maxEvaluators: number): fc.Arbitrary<AssignmentInput> {
  return fc
    .record({
      proposals: fc.array(fc.record({ taxonomyCode: fc.option(fc.constantFrom(...codes.filter((code) => code.includes('.'))), { nil: null }), organisationIds: fc.subarray(organisations) }), { minLength: 1, maxLength: maxProposals }),
      evaluators: fc.array(fc.record({ organisationId: fc.option(fc.constantFrom(...organisations), { nil: null }), expertise: fc.subarray(codes) }), { minLength: 1, maxLength: maxEvaluators }),
      perProposal: fc.integer({ min: 1, max: 3 }),
      conflictSeed: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    })
    .map(({ proposals, evaluators, perProposal, conflictSeed }) => {
      const p = proposals.map((item, index) => ({ id: `p${index}`, ...item }))
      const e = evaluators.map((item, index) => ({ id: `e${index}`, ...item }))
      const conflicts = conflictSeed.map(([a, b]) => ({ proposalId: p[a % p.length]!.id, evaluatorId: e[b % e.length]!.id }))
      return { proposals: p, evaluators: e, perProposal, existing: [], conflicts }
    })
}

const conflictSet = (input: AssignmentInput): Set<string> => new Set(input.conflicts.map((pair) => `${pair.proposalId}\u0000${pair.evaluatorId}`))

function admissible(input: AssignmentInput, proposalIndex: number): string[] {
  const proposal = input.proposals[proposalIndex]!
  const declared = conflictSet(input)
  return input.evaluators
    .filter((evaluator) => !isConflicted(evaluator, proposal, declared) && !input.existing.some((pair) => pair.proposalId === proposal.id && pair.evaluatorId === evaluator.id))
    .map((evaluator) => evaluator.id)
}

function loads(input: AssignmentInput, pairs: readonly Pair[]): number[] {
  return input.evaluators.map((evaluator) => [...input.existing, ...pairs].filter((pair) => pair.evaluatorId === evaluator.id).length)
}

const spread = (values: number[]): number => Math.max(...values) - Math.min(...values)

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  if (items.length < size) return []
  const [first, ...rest] = items as [T, ...T[]]
  return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)]
}

/** Every complete assignment of a tiny instance, for comparison with the flow's. */
function allAssignments(input: AssignmentInput): Pair[][] {
  let partial: Pair[][] = [[]]
  input.proposals.forEach((proposal, index) => {
    const need = input.perProposal - input.existing.filter((pair) => pair.proposalId === proposal.id).length
    const options = subsets(admissible(input, index), Math.max(0, need))
    partial = partial.flatMap((pairs) => options.map((chosen) => [...pairs, ...chosen.map((evaluatorId) => ({ proposalId: proposal.id, evaluatorId }))]))
  })
  return partial
}

function totalFit(input: AssignmentInput, pairs: readonly Pair[]): number {
  return pairs.reduce((sum, pair) => {
    const proposal = input.proposals.find((item) => item.id === pair.proposalId)!
    const evaluator = input.evaluators.find((item) => item.id === pair.evaluatorId)!
    return sum + expertiseFit(proposal.taxonomyCode, evaluator.expertise).fit
  }, 0)
}

const feasible = (input: AssignmentInput): boolean => input.proposals.every((_, index) => admissible(input, index).length >= input.perProposal)

describe('evaluator assignment', () => {
  it('never assigns a conflicted evaluator: same organisation as a partner or provider, or a declared conflict', () => {
    fc.assert(
      fc.property(instance(6, 8), (input) => {
        const result = assignEvaluators(input)
        if (!result.ok) return
        const declared = conflictSet(input)
        for (const pair of result.assignments) {
          const proposal = input.proposals.find((item) => item.id === pair.proposalId)!
          const evaluator = input.evaluators.find((item) => item.id === pair.evaluatorId)!
          expect(isConflicted(evaluator, proposal, declared)).toBe(false)
        }
      }),
    )
  })

  it('gives each proposal exactly k distinct evaluators when feasible, and names the short proposals otherwise', () => {
    fc.assert(
      fc.property(instance(6, 8), (input) => {
        const result = assignEvaluators(input)
        expect(result.ok).toBe(feasible(input))
        if (!result.ok) {
          const short = input.proposals.filter((_, index) => admissible(input, index).length < input.perProposal).map((proposal) => proposal.id)
          expect(result.shortfalls.map((item) => item.proposalId)).toEqual(short)
          return
        }
        for (const proposal of input.proposals) {
          const mine = result.assignments.filter((pair) => pair.proposalId === proposal.id).map((pair) => pair.evaluatorId)
          expect(mine).toHaveLength(input.perProposal)
          expect(new Set(mine).size).toBe(input.perProposal)
        }
      }),
    )
  })

  it('spreads loads within one when a balanced assignment exists, and is optimal (balance, then fit) against brute force', () => {
    fc.assert(
      fc.property(instance(3, 4), (input) => {
        const result = assignEvaluators(input)
        if (!result.ok) return
        const every = allAssignments(input)
        const squares = (pairs: Pair[]): number => loads(input, pairs).reduce((sum, load) => sum + load * load, 0)
        if (every.some((pairs) => spread(loads(input, pairs)) <= 1)) expect(spread(loads(input, result.assignments))).toBeLessThanOrEqual(1)
        const bestSquares = Math.min(...every.map(squares))
        expect(squares(result.assignments)).toBe(bestSquares)
        const bestFit = Math.max(...every.filter((pairs) => squares(pairs) === bestSquares).map((pairs) => totalFit(input, pairs)))
        expect(totalFit(input, result.assignments)).toBe(bestFit)
      }),
      { numRuns: 300 },
    )
  })

  it('with no conflicts, loads are always within one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: 1, max: 3 }), (proposals, evaluators, k) => {
        const input: AssignmentInput = {
          proposals: Array.from({ length: proposals }, (_, index) => ({ id: `p${index}`, taxonomyCode: 'ICT.03', organisationIds: [] })),
          evaluators: Array.from({ length: evaluators }, (_, index) => ({ id: `e${index}`, organisationId: null, expertise: index % 2 === 0 ? ['ICT.03'] : [] })),
          perProposal: k,
          existing: [],
          conflicts: [],
        }
        const result = assignEvaluators(input)
        expect(result.ok).toBe(true)
        if (result.ok) expect(spread(loads(input, result.assignments))).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('prefers the closest expertise at equal loads and gives its reasons', () => {
    const result = assignEvaluators({
      proposals: [{ id: 'p', taxonomyCode: 'ICT.03', organisationIds: ['lab'] }],
      evaluators: [
        { id: 'none', organisationId: null, expertise: ['SF.01'] },
        { id: 'sibling', organisationId: null, expertise: ['ICT.01'] },
        { id: 'exact', organisationId: null, expertise: ['ICT.03', 'SF'] },
        { id: 'partner', organisationId: 'lab', expertise: ['ICT.03'] },
        { id: 'area', organisationId: null, expertise: ['ICT'] },
      ],
      perProposal: 3,
      existing: [],
      conflicts: [],
    })
    expect(result).toEqual({
      ok: true,
      assignments: [
        { proposalId: 'p', evaluatorId: 'sibling', matchedCodes: ['ICT.01'], fit: 1, load: 1 },
        { proposalId: 'p', evaluatorId: 'exact', matchedCodes: ['ICT.03'], fit: 3, load: 1 },
        { proposalId: 'p', evaluatorId: 'area', matchedCodes: ['ICT'], fit: 2, load: 1 },
      ],
    })
  })

  it('replaces a declined evaluator without moving the others, counting existing loads', () => {
    const evaluators = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, organisationId: null, expertise: [] }))
    const existing = [
      { proposalId: 'p1', evaluatorId: 'a' },
      { proposalId: 'p1', evaluatorId: 'b' },
      { proposalId: 'p2', evaluatorId: 'c' },
      { proposalId: 'p2', evaluatorId: 'd' },
      { proposalId: 'p2', evaluatorId: 'e' },
    ]
    const result = assignEvaluators({
      proposals: [{ id: 'p1', taxonomyCode: null, organisationIds: [] }],
      evaluators,
      perProposal: 3,
      existing,
      conflicts: [{ proposalId: 'p1', evaluatorId: 'e' }],
    })
    // c and d already have one proposal each, like a and b; e declined p1.
    expect(result.ok && result.assignments.map((pair) => pair.evaluatorId)).toEqual(['c'])
  })

  it('reports the proposals that cannot get enough evaluators', () => {
    const result = assignEvaluators({
      proposals: [
        { id: 'p1', taxonomyCode: null, organisationIds: ['o1'] },
        { id: 'p2', taxonomyCode: null, organisationIds: [] },
      ],
      evaluators: [
        { id: 'a', organisationId: 'o1', expertise: [] },
        { id: 'b', organisationId: null, expertise: [] },
        { id: 'c', organisationId: null, expertise: [] },
      ],
      perProposal: 3,
      existing: [],
      conflicts: [],
    })
    expect(result).toEqual({ ok: false, shortfalls: [{ proposalId: 'p1', needed: 3, available: 2 }] })
  })
})
