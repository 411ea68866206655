import type { Actor } from '../../platform/policies.js'
import { canManageCalls } from '../calls.policies.js'

// Who may do what in the evaluation. evaluation.policies.test.ts checks the matrix.

export const isEvaluator = (actor: Actor): boolean => actor !== null && actor.roles.includes('evaluator')

/** The officers run assignment, pick rapporteurs, see every score, rank and move budget. */
export const canRunEvaluation = (actor: Actor): boolean => canManageCalls(actor)

/** An evaluator's profile: the officers, or the evaluator for their own. */
export function canEditEvaluatorProfile(actor: Actor, evaluatorId: string): boolean {
  return canRunEvaluation(actor) || (isEvaluator(actor) && actor?.userId === evaluatorId)
}

/** Only an evaluator still assigned to the proposal scores it, and only for their own report. */
export function canReport(actor: Actor, activeEvaluatorIds: readonly string[]): boolean {
  return isEvaluator(actor) && activeEvaluatorIds.includes(actor?.userId ?? '')
}

export function canWriteConsensus(actor: Actor, rapporteurId: string | null, activeEvaluatorIds: readonly string[]): boolean {
  return canReport(actor, activeEvaluatorIds) && actor?.userId === rapporteurId
}

/** The evaluation page of a proposal: its officers and its assigned evaluators (declined ones no longer). */
export function canViewEvaluation(actor: Actor, activeEvaluatorIds: readonly string[]): boolean {
  return canRunEvaluation(actor) || canReport(actor, activeEvaluatorIds)
}
