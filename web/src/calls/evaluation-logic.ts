import type { MyEvaluation } from './evaluation-types'

/** The scores an evaluator can give: 0 to 5 in half points. */
export const scoreOptions: readonly number[] = Array.from({ length: 11 }, (_, half) => half / 2)

/** Where the consensus form starts: the panel's mean, rounded to the nearest half point (halves round up); null without scores. */
export function panelMean(scores: readonly number[]): number | null {
  if (scores.length === 0) return null
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 2) / 2
}

export type EvaluationState = 'declined' | 'toScore' | 'toAgree' | 'waiting' | 'done'

/** What is left for the evaluator on one assignment. */
export function evaluationState(item: Pick<MyEvaluation, 'status' | 'reportSubmitted' | 'rapporteur' | 'consensusSubmitted'>): EvaluationState {
  if (item.status === 'declined') return 'declined'
  if (!item.reportSubmitted) return 'toScore'
  if (item.consensusSubmitted) return 'done'
  return item.rapporteur ? 'toAgree' : 'waiting'
}
