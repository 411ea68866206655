import { describe, expect, it } from 'vitest'
import { uncommittedBudget, type FundingFacts } from './funding-facts.js'

const facts = (granted: Record<string, number>, decided: string[]): FundingFacts => ({ decided: decided.length > 0, decidedIds: new Set(decided), granted: new Map(Object.entries(granted)), contracts: [] })

describe('the budget a line may give away', () => {
  const line = {
    budgetCents: 1_000,
    proposals: [
      { proposalId: 'p1', status: 'funded', grantCents: 400 },
      { proposalId: 'p2', status: 'reserve', grantCents: 500 },
      { proposalId: 'p3', status: 'below_threshold', grantCents: 50 },
    ],
  }

  it('before any decision, holds what the ranking funds', () => {
    expect(uncommittedBudget(line, facts({}, []))).toBe(600)
  })

  it('after a withdrawal and a reserve promotion, holds the promoted grant, not the withdrawn estimate', () => {
    expect(uncommittedBudget(line, facts({ p2: 500 }, ['p1', 'p2']))).toBe(500)
  })

  it('counts a lowered grant at its granted amount', () => {
    expect(uncommittedBudget(line, facts({ p1: 350 }, ['p1']))).toBe(650)
  })
})
