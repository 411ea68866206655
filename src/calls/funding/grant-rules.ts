// The rules of grants and payments, data in and data out: each partner's grant is at most its GBER estimate
// (less only with a reason), a line never grants beyond its budget after the officer's moves, a partner is
// never paid beyond its grant, and the reserve list is promoted in the ranking's order. Money is integer cents.

/** A broken rule: the input field it concerns, the message key, and its parameters (money in cents and dates formatted per locale by the caller). */
export type RuleIssue = { field?: string; key: string; params?: Record<string, string | number>; money?: Record<string, number>; dates?: Record<string, string> }

export type PartnerEstimate = { organisationId: string; estimateCents: number }
export type PartnerGrantChange = { organisationId: string; grantCents: number; reason?: string | undefined }
export type PartnerGrant = { organisationId: string; estimateCents: number; grantCents: number; reductionReason: string | null }

export type Checked<T> = { ok: true; value: T } | { ok: false; issue: RuleIssue }

/**
 * Each partner's grant: the estimate unless the officer lowers it. A change names a partner of the
 * proposal, at most once; it is never above the estimate; a lower amount needs a reason. Partners are
 * returned in the estimates' order.
 */
export function resolvePartnerGrants(estimates: readonly PartnerEstimate[], changes: readonly PartnerGrantChange[]): Checked<{ partners: PartnerGrant[]; totalCents: number }> {
  const byPartner = new Map<string, PartnerGrantChange>()
  for (const [index, change] of changes.entries()) {
    const estimate = estimates.find((item) => item.organisationId === change.organisationId)
    if (!estimate) return { ok: false, issue: { field: `partners.${index}.organisationId`, key: 'funding.validation.not_a_partner' } }
    if (byPartner.has(change.organisationId)) return { ok: false, issue: { field: `partners.${index}.organisationId`, key: 'funding.validation.duplicate_partner' } }
    if (change.grantCents > estimate.estimateCents) {
      return { ok: false, issue: { field: `partners.${index}.grantCents`, key: 'funding.validation.above_estimate', money: { estimate: estimate.estimateCents } } }
    }
    const reason = change.reason?.trim() ?? ''
    if (change.grantCents < estimate.estimateCents && reason === '') return { ok: false, issue: { field: `partners.${index}.reason`, key: 'funding.validation.reduction_reason' } }
    byPartner.set(change.organisationId, change)
  }
  const partners = estimates.map((estimate): PartnerGrant => {
    const change = byPartner.get(estimate.organisationId)
    const grantCents = change?.grantCents ?? estimate.estimateCents
    return { organisationId: estimate.organisationId, estimateCents: estimate.estimateCents, grantCents, reductionReason: grantCents < estimate.estimateCents ? (change?.reason?.trim() ?? null) : null }
  })
  return { ok: true, value: { partners, totalCents: sum(partners.map((partner) => partner.grantCents)) } }
}

export type BudgetMove = { fromLine: string; toLine: string; amountCents: number }

/** A line's budget after every move of unspent budget into or out of it. */
export function budgetAfterMoves(line: { code: string; budgetCents: number }, moves: readonly BudgetMove[]): number {
  let budget = line.budgetCents
  for (const move of moves) {
    if (move.fromLine === line.code) budget -= move.amountCents
    if (move.toLine === line.code) budget += move.amountCents
  }
  return budget
}

/**
 * What a line can still grant: its budget after moves, less the grants of its proposals still granted, less
 * the estimates of the proposals the ranking funds that await their decision (held for them, so that the
 * reserve list never takes what a better-ranked proposal is due).
 */
export function remainingBudget(budgetCents: number, grantedCents: readonly number[], heldCents: readonly number[] = []): number {
  return budgetCents - sum(grantedCents) - sum(heldCents)
}

/** A new grant must fit whole in what the line has left. */
export function checkFitsBudget(line: string, remainingCents: number, grantCents: number): RuleIssue | null {
  if (grantCents <= remainingCents) return null
  return { key: 'funding.error.exceeds_budget', params: { line }, money: { grant: grantCents, remaining: Math.max(remainingCents, 0) } }
}

export type Payment = { kind: 'advance' | 'interim' | 'balance'; amountCents: number }
export type PartnerLedger = { grantedCents: number; paidCents: number; remainingCents: number; balancePaid: boolean }

/** A partner's position: granted, paid so far, what is left; the balance closes its payments. */
export function partnerLedger(grantCents: number, payments: readonly Payment[]): PartnerLedger {
  const paidCents = sum(payments.map((payment) => payment.amountCents))
  return { grantedCents: grantCents, paidCents, remainingCents: grantCents - paidCents, balancePaid: payments.some((payment) => payment.kind === 'balance') }
}

/**
 * A payment is refused after the balance, and when it would take the partner's payments above its grant.
 * An advance comes first: none once another payment is made.
 */
export function checkPayment(ledger: PartnerLedger, payments: readonly Payment[], payment: Payment): RuleIssue | null {
  if (ledger.balancePaid) return { key: 'funding.error.balance_paid' }
  if (payment.kind === 'advance' && payments.length > 0) return { field: 'kind', key: 'funding.validation.advance_first' }
  if (payment.amountCents > ledger.remainingCents) return { field: 'amountCents', key: 'funding.validation.above_remaining', money: { remaining: ledger.remainingCents, grant: ledger.grantedCents } }
  return null
}

export type RankedEntry = { proposalId: string; rank: number | null; status: 'funded' | 'reserve' | 'below_threshold' | 'pending' }
export type Outcome = 'granted' | 'not_granted'

/** Which ranking outcomes allow which decision: a grant goes to a funded or reserve proposal; a refusal to any ranked one. */
export function checkOutcomeAllowed(status: RankedEntry['status'], outcome: Outcome): RuleIssue | null {
  if (status === 'pending') return { key: 'funding.error.not_ranked' }
  if (outcome === 'granted' && status === 'below_threshold') return { key: 'funding.error.below_threshold' }
  return null
}

/**
 * The reserve list is promoted in order: a reserve proposal is granted only once every reserve proposal
 * ranked above it on the line has a decision. Returns the first one still undecided, if any.
 */
export function reserveBlocker(line: readonly RankedEntry[], decided: ReadonlySet<string>, proposalId: string): string | null {
  const target = line.find((entry) => entry.proposalId === proposalId)
  if (!target || target.status !== 'reserve' || target.rank === null) return null
  const targetRank = target.rank
  const ahead = line
    .filter((entry) => entry.status === 'reserve' && entry.rank !== null && entry.rank < targetRank && !decided.has(entry.proposalId))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  return ahead[0]?.proposalId ?? null
}

/** A date (YYYY-MM-DD) must not be after today, nor before a floor such as the decision date. */
export function checkDate(field: string, date: string, today: string, notBefore?: { date: string; key: string }): RuleIssue | null {
  if (date > today) return { field, key: 'funding.validation.future_date' }
  if (notBefore && date < notBefore.date) return { field, key: notBefore.key, dates: { date: notBefore.date } }
  return null
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
