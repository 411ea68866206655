// The ranking of a call's evaluated proposals, line by line, and the funding that goes down each ranking.
// Scores are in half points and weights in hundredths, so totals are compared as exact integers.

export type RankingCriterion = { code: string; weight: number; threshold: number }
export type ScoreSheet = Readonly<Record<string, number>>

export type RankingProposal = {
  id: string
  line: string
  /** The consensus scores per criterion code; null while the consensus is not written. */
  consensus: ScoreSheet | null
  /** The grant requested (the GBER estimate frozen at submission), in cents. */
  grantCents: number
  smes: number
  researchOrganisations: number
  submittedAt: string
}

export type RankingLine = { code: string; budgetCents: number }

export type RankingStatus = 'funded' | 'reserve' | 'below_threshold' | 'pending'

export type RankedProposal = {
  proposalId: string
  /** 1-based position among the proposals that pass the thresholds; null for the others. */
  rank: number | null
  status: RankingStatus
  /** Weighted mean on the 0–5 scale, rounded to the hundredth for display; null while pending. */
  weightedTotal: number | null
  failedCriteria: string[]
  failsOverall: boolean
  grantCents: number
}

export type LineRanking = { code: string; budgetCents: number; fundedCents: number; unspentCents: number; proposals: RankedProposal[] }

const halfPoints = (score: number): number => Math.round(score * 2)
const hundredths = (value: number): number => Math.round(value * 100)

/** Σ score·weight in half points × hundredths, and the denominator that turns it into a 0–5 mean. */
export function weightedSum(criteria: readonly RankingCriterion[], scores: ScoreSheet): { numerator: number; denominator: number } {
  let numerator = 0
  let weights = 0
  for (const criterion of criteria) {
    numerator += halfPoints(scores[criterion.code] ?? 0) * hundredths(criterion.weight)
    weights += hundredths(criterion.weight)
  }
  return { numerator, denominator: 2 * weights }
}

export function weightedTotal(criteria: readonly RankingCriterion[], scores: ScoreSheet): number {
  const { numerator, denominator } = weightedSum(criteria, scores)
  return denominator === 0 ? 0 : Math.round((numerator * 100) / denominator) / 100
}

export function failedCriteria(criteria: readonly RankingCriterion[], scores: ScoreSheet): string[] {
  return criteria.filter((criterion) => (scores[criterion.code] ?? 0) < criterion.threshold).map((criterion) => criterion.code)
}

/** total ≥ overall ⇔ 100·numerator ≥ overall(hundredths)·denominator: no floating point in the verdict. */
export function failsOverallThreshold(criteria: readonly RankingCriterion[], scores: ScoreSheet, overallThreshold: number | undefined): boolean {
  if (overallThreshold === undefined) return false
  const { numerator, denominator } = weightedSum(criteria, scores)
  return 100 * numerator < hundredths(overallThreshold) * denominator
}

/**
 * Order of merit: higher weighted total; then the higher score on the first criterion; then more SMEs;
 * then more research organisations. Last, so that the order never depends on the database's, the earlier
 * submission and then the id.
 */
export function compareMerit(criteria: readonly RankingCriterion[]): (a: RankingProposal, b: RankingProposal) => number {
  const first = criteria[0]?.code
  return (a, b) => {
    const left = a.consensus ?? {}
    const right = b.consensus ?? {}
    return (
      weightedSum(criteria, right).numerator - weightedSum(criteria, left).numerator ||
      (first === undefined ? 0 : halfPoints(right[first] ?? 0) - halfPoints(left[first] ?? 0)) ||
      b.smes - a.smes ||
      b.researchOrganisations - a.researchOrganisations ||
      a.submittedAt.localeCompare(b.submittedAt) ||
      a.id.localeCompare(b.id)
    )
  }
}

/**
 * Each line's ranking. Funding goes down the ranking while the next proposal's grant fits whole in what
 * is left of the line's budget. The first proposal that does not fit whole goes to the reserve list, and
 * so does every proposal below it: a smaller proposal further down is not funded ahead of a better one
 * (DOMAIN.md says nothing otherwise). What is left is the line's unspent budget, which the officer may
 * move to another line.
 */
export function rankCall(
  criteria: readonly RankingCriterion[],
  overallThreshold: number | undefined,
  lines: readonly RankingLine[],
  proposals: readonly RankingProposal[],
): LineRanking[] {
  const byMerit = compareMerit(criteria)
  return lines.map((line) => {
    const mine = proposals.filter((proposal) => proposal.line === line.code)
    const passing = mine.filter((proposal) => proposal.consensus !== null && passes(criteria, overallThreshold, proposal.consensus)).sort(byMerit)
    let left = line.budgetCents
    let funding = true
    const ranked: RankedProposal[] = passing.map((proposal, index) => {
      funding = funding && proposal.grantCents <= left
      if (funding) left -= proposal.grantCents
      return entry(criteria, overallThreshold, proposal, index + 1, funding ? 'funded' : 'reserve')
    })
    const failing = mine
      .filter((proposal) => proposal.consensus !== null && !passes(criteria, overallThreshold, proposal.consensus))
      .sort(byMerit)
      .map((proposal) => entry(criteria, overallThreshold, proposal, null, 'below_threshold'))
    const pending = mine.filter((proposal) => proposal.consensus === null).map((proposal) => entry(criteria, overallThreshold, proposal, null, 'pending'))
    return { code: line.code, budgetCents: line.budgetCents, fundedCents: line.budgetCents - left, unspentCents: left, proposals: [...ranked, ...failing, ...pending] }
  })
}

function passes(criteria: readonly RankingCriterion[], overallThreshold: number | undefined, scores: ScoreSheet): boolean {
  return failedCriteria(criteria, scores).length === 0 && !failsOverallThreshold(criteria, scores, overallThreshold)
}

function entry(criteria: readonly RankingCriterion[], overallThreshold: number | undefined, proposal: RankingProposal, rank: number | null, status: RankingStatus): RankedProposal {
  const scores = proposal.consensus
  return {
    proposalId: proposal.id,
    rank,
    status,
    weightedTotal: scores === null ? null : weightedTotal(criteria, scores),
    failedCriteria: scores === null ? [] : failedCriteria(criteria, scores),
    failsOverall: scores === null ? false : failsOverallThreshold(criteria, scores, overallThreshold),
    grantCents: proposal.grantCents,
  }
}
