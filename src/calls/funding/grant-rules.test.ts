import { describe, expect, it } from 'vitest'
import { budgetAfterMoves, checkDate, checkFitsBudget, checkOutcomeAllowed, checkPayment, partnerLedger, remainingBudget, reserveBlocker, resolvePartnerGrants, type Payment, type RankedEntry } from './grant-rules.js'

const estimates = [
  { organisationId: 'lead', estimateCents: 1_000_000 },
  { organisationId: 'uni', estimateCents: 500_000 },
]

describe('partner grants', () => {
  it('default to the GBER estimate of every partner', () => {
    expect(resolvePartnerGrants(estimates, [])).toEqual({
      ok: true,
      value: {
        partners: [
          { organisationId: 'lead', estimateCents: 1_000_000, grantCents: 1_000_000, reductionReason: null },
          { organisationId: 'uni', estimateCents: 500_000, grantCents: 500_000, reductionReason: null },
        ],
        totalCents: 1_500_000,
      },
    })
  })

  it('may be lowered, down to zero, with a reason', () => {
    const result = resolvePartnerGrants(estimates, [{ organisationId: 'uni', grantCents: 0, reason: '  Costs not justified. ' }])
    expect(result).toMatchObject({ ok: true, value: { totalCents: 1_000_000, partners: [{ grantCents: 1_000_000 }, { grantCents: 0, reductionReason: 'Costs not justified.' }] } })
  })

  it('keep no reason when the amount is the estimate itself', () => {
    const result = resolvePartnerGrants(estimates, [{ organisationId: 'lead', grantCents: 1_000_000, reason: 'why not' }])
    expect(result).toMatchObject({ ok: true, value: { partners: [{ reductionReason: null }, {}] } })
  })

  it('are never above the estimate, not even by a cent', () => {
    expect(resolvePartnerGrants(estimates, [{ organisationId: 'uni', grantCents: 500_001, reason: 'x' }])).toEqual({
      ok: false,
      issue: { field: 'partners.0.grantCents', key: 'funding.validation.above_estimate', money: { estimate: 500_000 } },
    })
  })

  it('need a reason to be lowered, a partner of the proposal, each once', () => {
    expect(resolvePartnerGrants(estimates, [{ organisationId: 'uni', grantCents: 499_999, reason: '  ' }])).toMatchObject({ ok: false, issue: { field: 'partners.0.reason', key: 'funding.validation.reduction_reason' } })
    expect(resolvePartnerGrants(estimates, [{ organisationId: 'other', grantCents: 1 }])).toMatchObject({ ok: false, issue: { field: 'partners.0.organisationId', key: 'funding.validation.not_a_partner' } })
    const twice = [
      { organisationId: 'uni', grantCents: 1, reason: 'a' },
      { organisationId: 'uni', grantCents: 2, reason: 'b' },
    ]
    expect(resolvePartnerGrants(estimates, twice)).toMatchObject({ ok: false, issue: { field: 'partners.1.organisationId', key: 'funding.validation.duplicate_partner' } })
  })
})

describe('line budget', () => {
  const moves = [
    { fromLine: 'B', toLine: 'A', amountCents: 300 },
    { fromLine: 'A', toLine: 'C', amountCents: 100 },
    { fromLine: 'B', toLine: 'C', amountCents: 50 },
  ]

  it('counts the moves into and out of the line', () => {
    expect(budgetAfterMoves({ code: 'A', budgetCents: 1_000 }, moves)).toBe(1_200)
    expect(budgetAfterMoves({ code: 'B', budgetCents: 1_000 }, moves)).toBe(650)
    expect(budgetAfterMoves({ code: 'D', budgetCents: 1_000 }, moves)).toBe(1_000)
  })

  it('holds the estimates of funded proposals awaiting their decision', () => {
    expect(remainingBudget(1_200, [700], [300, 100])).toBe(100)
    expect(remainingBudget(1_200, [], [])).toBe(1_200)
  })

  it('leaves the budget less the grants still granted, and a grant must fit whole', () => {
    const remaining = remainingBudget(1_200, [700, 400])
    expect(remaining).toBe(100)
    expect(checkFitsBudget('A', remaining, 100)).toBeNull()
    expect(checkFitsBudget('A', remaining, 101)).toEqual({ key: 'funding.error.exceeds_budget', params: { line: 'A' }, money: { grant: 101, remaining: 100 } })
    expect(checkFitsBudget('A', remainingBudget(100, [150]), 1)).toMatchObject({ money: { remaining: 0 } })
    expect(checkFitsBudget('A', 0, 0)).toBeNull()
  })
})

describe('payments', () => {
  const paid: Payment[] = [
    { kind: 'advance', amountCents: 300 },
    { kind: 'interim', amountCents: 200 },
  ]

  it('sum per partner: granted, paid so far, remaining', () => {
    expect(partnerLedger(1_000, paid)).toEqual({ grantedCents: 1_000, paidCents: 500, remainingCents: 500, balancePaid: false })
    expect(partnerLedger(1_000, [])).toEqual({ grantedCents: 1_000, paidCents: 0, remainingCents: 1_000, balancePaid: false })
  })

  it('never take the total above the grant: exactly the rest is allowed', () => {
    const ledger = partnerLedger(1_000, paid)
    expect(checkPayment(ledger, paid, { kind: 'balance', amountCents: 500 })).toBeNull()
    expect(checkPayment(ledger, paid, { kind: 'interim', amountCents: 501 })).toEqual({ field: 'amountCents', key: 'funding.validation.above_remaining', money: { remaining: 500, grant: 1_000 } })
  })

  it('close with the balance, and take an advance only first', () => {
    const closed = [...paid, { kind: 'balance' as const, amountCents: 100 }]
    expect(checkPayment(partnerLedger(1_000, closed), closed, { kind: 'interim', amountCents: 1 })).toEqual({ key: 'funding.error.balance_paid' })
    expect(checkPayment(partnerLedger(1_000, paid), paid, { kind: 'advance', amountCents: 1 })).toEqual({ field: 'kind', key: 'funding.validation.advance_first' })
    expect(checkPayment(partnerLedger(1_000, []), [], { kind: 'advance', amountCents: 1_000 })).toBeNull()
  })
})

describe('decisions on the ranking', () => {
  const line: RankedEntry[] = [
    { proposalId: 'p1', rank: 1, status: 'funded' },
    { proposalId: 'p2', rank: 2, status: 'reserve' },
    { proposalId: 'p3', rank: 3, status: 'reserve' },
    { proposalId: 'p4', rank: null, status: 'below_threshold' },
    { proposalId: 'p5', rank: null, status: 'pending' },
  ]

  it('grant funded and reserve proposals; refuse any ranked one; wait for the pending', () => {
    expect(checkOutcomeAllowed('funded', 'granted')).toBeNull()
    expect(checkOutcomeAllowed('reserve', 'granted')).toBeNull()
    expect(checkOutcomeAllowed('below_threshold', 'granted')).toEqual({ key: 'funding.error.below_threshold' })
    expect(checkOutcomeAllowed('below_threshold', 'not_granted')).toBeNull()
    expect(checkOutcomeAllowed('pending', 'not_granted')).toEqual({ key: 'funding.error.not_ranked' })
  })

  it('promote the reserve list in ranking order', () => {
    expect(reserveBlocker(line, new Set(), 'p3')).toBe('p2')
    expect(reserveBlocker(line, new Set(['p2']), 'p3')).toBeNull()
    expect(reserveBlocker(line, new Set(), 'p2')).toBeNull()
    expect(reserveBlocker(line, new Set(), 'p1')).toBeNull()
  })
})

describe('dates', () => {
  it('are not in the future nor before their floor', () => {
    expect(checkDate('paidOn', '2026-12-07', '2026-12-07')).toBeNull()
    expect(checkDate('paidOn', '2026-12-08', '2026-12-07')).toEqual({ field: 'paidOn', key: 'funding.validation.future_date' })
    const floor = { date: '2026-06-01', key: 'funding.validation.before_decision' }
    expect(checkDate('paidOn', '2026-06-01', '2026-12-07', floor)).toBeNull()
    expect(checkDate('paidOn', '2026-05-31', '2026-12-07', floor)).toEqual({ field: 'paidOn', key: 'funding.validation.before_decision', dates: { date: '2026-06-01' } })
  })
})
