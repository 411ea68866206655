import type { Db } from '../../platform/db.js'
import type { Random } from '../../demo/random.js'
import { loadCallForEvaluation, runAssignment, setEvaluatorProfile } from './evaluation.service.js'
import { panelOf, submitConsensus, submitReport } from './reports.service.js'
import type { CriterionScore } from './evaluation.tables.js'

/** The demo evaluators' expertise, by e-mail; the last one works for a demo university (a conflict to see). */
const demoExpertise: Record<string, string[]> = {
  'evaluator@clock.demo': ['CN'],
  'evaluator2@clock.demo': ['SF', 'ICT.07'],
  'evaluator3@clock.demo': ['CN.02', 'CN.03', 'SF.01'],
  'evaluator4@clock.demo': ['ICT'],
}

const assignedOn = new Date('2025-06-04T08:00:00Z')
const reportedOn = new Date('2025-06-25T15:00:00Z')
const agreedOn = new Date('2025-07-08T11:00:00Z')

const commentIt: Record<string, (score: number) => string> = {
  excellence: (score) => (score >= 4 ? 'Obiettivi chiari e metodo solido, oltre lo stato dell’arte.' : score >= 3 ? 'Metodo adeguato; l’avanzamento oltre lo stato dell’arte è modesto.' : 'Obiettivi vaghi e metodo poco descritto.'),
  impact: (score) => (score >= 4 ? 'Ricadute concrete per la filiera e per le PMI del distretto.' : score >= 3 ? 'Ricadute plausibili, da quantificare meglio.' : 'Ricadute non dimostrate.'),
  implementation: (score) => (score >= 4 ? 'Partenariato complementare e piano di lavoro credibile.' : score >= 3 ? 'Piano accettabile; ruoli dei partner da precisare.' : 'Piano di lavoro debole e costi poco giustificati.'),
}

const halfPoints = (value: number): number => Math.min(5, Math.max(0, Math.round(value * 2) / 2))
const scored = (criterion: string, value: number): CriterionScore => {
  const score = halfPoints(value)
  return { criterion, score, comment: commentIt[criterion]?.(score) ?? `${score}` }
}

/**
 * Evaluates the demo's closed call as its officer and evaluators would have: expertise profiles, the assignment
 * (three per proposal), every evaluator's report around each proposal's merit, and the rapporteur's consensus
 * at the panel's mean. Skipped when the officer or fewer than three evaluators exist.
 */
export async function evaluateDemoCall(db: Db, callId: string, proposals: readonly string[], random: Random): Promise<void> {
  const officer = await db.selectFrom('users').select('id').where('email', '=', 'officer@clock.demo').executeTakeFirst()
  const evaluators = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', Object.keys(demoExpertise)).orderBy('email').execute()
  if (!officer || evaluators.length < 3 || proposals.length === 0) return
  const university = await db.selectFrom('organisations').select('id').where('source', '=', 'demo').where('type', '=', 'university').orderBy('legal_name').limit(1).executeTakeFirst()
  for (const evaluator of evaluators) {
    const organisationId = evaluator.email === 'evaluator4@clock.demo' ? (university?.id ?? null) : null
    await setEvaluatorProfile(db, officer.id, evaluator.id, { organisationId, expertise: demoExpertise[evaluator.email] ?? [] })
  }
  await runAssignment(db, officer.id, callId, assignedOn, 'it')
  const { criteria } = await loadCallForEvaluation(db, callId, agreedOn)
  for (const proposalId of proposals) {
    const merit = 2.2 + random.next() * 2.6
    const panel = await panelOf(db, proposalId)
    const reports: CriterionScore[][] = []
    for (const evaluatorId of panel.active) {
      const scores = criteria.map(({ code }) => scored(code, merit + (random.next() - 0.5)))
      reports.push(scores)
      await submitReport(db, evaluatorId, proposalId, scores, reportedOn)
    }
    const consensus = criteria.map(({ code }, index) => scored(code, reports.reduce((sum, report) => sum + report[index]!.score, 0) / reports.length))
    const rapporteur = panel.rapporteurId ?? panel.active[0]!
    const summary = merit >= 3.5 ? 'Il gruppo concorda: proposta solida, da finanziare nei limiti del budget.' : merit >= 3 ? 'Il gruppo concorda: proposta finanziabile con riserve.' : 'Il gruppo concorda: proposta sotto soglia.'
    await submitConsensus(db, rapporteur, proposalId, { scores: consensus, comment: summary }, agreedOn)
  }
}
