import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import type { Criterion } from '../calls.tables.js'
import { admittedProposals, consensusRows, loadCallForEvaluation, rapporteurOf, type Executor } from './evaluation.service.js'
import { canReport, canWriteConsensus } from './evaluation.policies.js'
import type { EvaluationDetail } from './evaluation.schema.js'
import type { CriterionScore } from './evaluation.tables.js'
import { weightedTotal } from './ranking.js'

type PanelRow = { evaluator_id: string; status: 'active' | 'declined'; full_name: string; matched_codes: string[] }

export type Panel = { callId: string; rows: PanelRow[]; active: string[]; rapporteurId: string | null; consensusSubmitted: boolean }

/** A proposal's evaluators in assignment order, with the rapporteur; 404 when it was never assigned. */
export async function panelOf(db: Executor, proposalId: string): Promise<Panel> {
  const proposal = await db.selectFrom('proposals').select('call_id').where('id', '=', proposalId).executeTakeFirst()
  if (!proposal) throw notFound('entity.proposal')
  const rows = await db
    .selectFrom('evaluation_assignments')
    .innerJoin('users', 'users.id', 'evaluation_assignments.evaluator_id')
    .select(['evaluation_assignments.evaluator_id', 'evaluation_assignments.status', 'users.full_name', 'evaluation_assignments.matched_codes'])
    .where('evaluation_assignments.proposal_id', '=', proposalId)
    .orderBy('evaluation_assignments.position')
    .execute()
  const consensus = (await consensusRows(db, [proposalId])).get(proposalId) ?? null
  return {
    callId: proposal.call_id,
    rows,
    active: rows.filter((row) => row.status === 'active').map((row) => row.evaluator_id),
    rapporteurId: rapporteurOf(consensus, rows),
    consensusSubmitted: consensus?.submitted_at != null,
  }
}

/**
 * Every criterion of the call exactly once, each with a comment (the schema checks the comment and the
 * 0–5 range); the scores come back in the call's criterion order.
 */
export function checkScores(criteria: readonly Criterion[], scores: readonly CriterionScore[]): CriterionScore[] {
  const codes = new Set(criteria.map((criterion) => criterion.code))
  scores.forEach((item, index) => {
    if (!codes.has(item.criterion)) throw invalidField(`scores.${index}.criterion`, 'evaluation.validation.unknown_criterion', { criterion: item.criterion })
    if (scores.findIndex((other) => other.criterion === item.criterion) !== index) throw invalidField(`scores.${index}.criterion`, 'evaluation.validation.duplicate_criterion')
  })
  const missing = criteria.find((criterion) => !scores.some((item) => item.criterion === criterion.code))
  if (missing) throw invalidField('scores', 'evaluation.validation.missing_criterion', { criterion: missing.code })
  return criteria.map((criterion) => {
    const item = scores.find((entry) => entry.criterion === criterion.code) as CriterionScore
    return { criterion: item.criterion, score: item.score, comment: item.comment }
  })
}

export const scoreSheet = (scores: readonly CriterionScore[]): Record<string, number> => Object.fromEntries(scores.map((item) => [item.criterion, item.score]))

export async function submitReport(db: Db, evaluatorId: string, proposalId: string, scores: readonly CriterionScore[], now: Date): Promise<void> {
  const panel = await panelOf(db, proposalId)
  const call = await loadCallForEvaluation(db, panel.callId, now)
  const checked = checkScores(call.criteria, scores)
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('evaluation_reports')
      .values({ proposal_id: proposalId, evaluator_id: evaluatorId, scores: JSON.stringify(checked), submitted_at: now })
      .onConflict((conflict) => conflict.columns(['proposal_id', 'evaluator_id']).doNothing())
      .returning('proposal_id')
      .execute()
    if (inserted.length === 0) throw new AppError('conflict', { messageKey: 'evaluation.error.report_submitted' })
    await audit(trx, evaluatorId, 'evaluation.report', 'proposal', proposalId)
  })
}

export async function setRapporteur(db: Db, actorId: string, proposalId: string, evaluatorId: string): Promise<void> {
  const panel = await panelOf(db, proposalId)
  if (!panel.active.includes(evaluatorId)) throw invalidField('evaluatorId', 'evaluation.validation.not_assigned')
  if (panel.consensusSubmitted) throw new AppError('conflict', { messageKey: 'evaluation.error.consensus_submitted' })
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evaluation_consensus')
      .values({ proposal_id: proposalId, rapporteur_id: evaluatorId })
      .onConflict((conflict) => conflict.column('proposal_id').doUpdateSet({ rapporteur_id: evaluatorId }))
      .execute()
    await audit(trx, actorId, 'evaluation.rapporteur', 'proposal', proposalId, { evaluatorId })
  })
}

export async function submitConsensus(db: Db, rapporteurId: string, proposalId: string, input: { scores: readonly CriterionScore[]; comment: string }, now: Date): Promise<void> {
  const panel = await panelOf(db, proposalId)
  const call = await loadCallForEvaluation(db, panel.callId, now)
  const checked = checkScores(call.criteria, input.scores)
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('evaluation_consensus').select('submitted_at').where('proposal_id', '=', proposalId).forUpdate().executeTakeFirst()
    if (existing?.submitted_at) throw new AppError('conflict', { messageKey: 'evaluation.error.consensus_submitted' })
    const reports = await trx.selectFrom('evaluation_reports').select('evaluator_id').where('proposal_id', '=', proposalId).where('evaluator_id', 'in', panel.active).execute()
    if (reports.length < panel.active.length) {
      throw new AppError('conflict', { messageKey: 'evaluation.error.reports_missing', params: { done: reports.length, expected: panel.active.length } })
    }
    const values = { scores: JSON.stringify(checked), comment: input.comment, submitted_at: now, submitted_by: rapporteurId }
    await trx
      .insertInto('evaluation_consensus')
      .values({ proposal_id: proposalId, rapporteur_id: rapporteurId, ...values })
      .onConflict((conflict) => conflict.column('proposal_id').doUpdateSet(values))
      .execute()
    await audit(trx, rapporteurId, 'evaluation.consensus', 'proposal', proposalId)
  })
}

/** The frozen proposal with the call's criteria, the viewer's own report, and for the rapporteur and officers every report. */
export async function evaluationDetail(db: Db, proposalId: string, actor: NonNullable<Actor>, seesEverything: boolean, now: Date): Promise<EvaluationDetail> {
  const panel = await panelOf(db, proposalId)
  const call = await loadCallForEvaluation(db, panel.callId, now)
  const [proposal] = await admittedProposals(db, panel.callId, proposalId)
  if (!proposal) throw notFound('entity.proposal')
  const reports = await db
    .selectFrom('evaluation_reports')
    .innerJoin('users', 'users.id', 'evaluation_reports.evaluator_id')
    .select(['evaluation_reports.evaluator_id', 'evaluation_reports.scores', 'evaluation_reports.submitted_at', 'users.full_name'])
    .where('evaluation_reports.proposal_id', '=', proposalId)
    .orderBy('evaluation_reports.submitted_at')
    .execute()
  const consensus = (await consensusRows(db, [proposalId])).get(proposalId) ?? null
  const mine = reports.find((report) => report.evaluator_id === actor.userId)
  const isRapporteur = panel.rapporteurId === actor.userId && panel.active.includes(actor.userId)
  const rapporteurRow = panel.rows.find((row) => row.evaluator_id === panel.rapporteurId)
  const frozen = proposal.snapshot.proposal
  const activeReports = reports.filter((report) => panel.active.includes(report.evaluator_id))
  return {
    proposalId,
    callId: panel.callId,
    callTitleIt: call.titleIt,
    callTitleEn: call.titleEn,
    version: proposal.version,
    title: frozen.title,
    abstract: frozen.abstract,
    line: frozen.line,
    taxonomyCode: frozen.taxonomyCode,
    trlStart: frozen.trlStart,
    trlEnd: frozen.trlEnd,
    partners: frozen.partners.map((partner) => ({
      name: partner.name,
      type: partner.type,
      lead: partner.lead,
      costsCents: partner.costs.industrialResearch + partner.costs.experimentalDevelopment + partner.costs.other,
    })),
    grantCents: proposal.snapshot.grant.total,
    criteria: call.criteria,
    myReport: mine ? { scores: mine.scores, submittedAt: mine.submitted_at.toISOString() } : null,
    canReport: !mine && canReport(actor, panel.active),
    rapporteur: rapporteurRow ? { evaluatorId: rapporteurRow.evaluator_id, name: rapporteurRow.full_name } : null,
    isRapporteur,
    // The rapporteur reads the others' reports only after submitting their own, so that every individual report stays independent.
    reports: seesEverything || (isRapporteur && mine !== undefined) ? activeReports.map((report) => ({ evaluatorName: report.full_name, scores: report.scores, submittedAt: report.submitted_at.toISOString() })) : [],
    reportsExpected: panel.active.length,
    consensus:
      consensus?.submitted_at && consensus.scores
        ? { scores: consensus.scores, comment: consensus.comment ?? '', submittedAt: consensus.submitted_at.toISOString(), weightedTotal: weightedTotal(call.criteria, scoreSheet(consensus.scores)) }
        : null,
    canWriteConsensus: !consensus?.submitted_at && canWriteConsensus(actor, panel.rapporteurId, panel.active) && activeReports.length === panel.active.length,
  }
}

export type MyEvaluation = {
  proposalId: string
  callId: string
  callTitleIt: string
  callTitleEn: string
  title: string
  line: string
  status: 'active' | 'declined'
  reportSubmitted: boolean
  rapporteur: boolean
  consensusSubmitted: boolean
  matchedCodes: string[]
}

export async function myEvaluations(db: Db, evaluatorId: string): Promise<MyEvaluation[]> {
  const rows = await db
    .selectFrom('evaluation_assignments')
    .innerJoin('proposals', 'proposals.id', 'evaluation_assignments.proposal_id')
    .innerJoin('calls', 'calls.id', 'evaluation_assignments.call_id')
    .leftJoin('evaluation_reports', (join) =>
      join.onRef('evaluation_reports.proposal_id', '=', 'evaluation_assignments.proposal_id').onRef('evaluation_reports.evaluator_id', '=', 'evaluation_assignments.evaluator_id'),
    )
    .select([
      'evaluation_assignments.proposal_id',
      'evaluation_assignments.call_id',
      'evaluation_assignments.status',
      'evaluation_assignments.matched_codes',
      'calls.title_it',
      'calls.title_en',
      'proposals.title',
      'proposals.line_code',
      'evaluation_reports.submitted_at',
    ])
    .where('evaluation_assignments.evaluator_id', '=', evaluatorId)
    .orderBy('calls.closes_at', 'desc')
    .orderBy('proposals.line_code')
    .orderBy('proposals.title')
    .execute()
  const result: MyEvaluation[] = []
  for (const row of rows) {
    const panel = await panelOf(db, row.proposal_id)
    result.push({
      proposalId: row.proposal_id,
      callId: row.call_id,
      callTitleIt: row.title_it,
      callTitleEn: row.title_en,
      title: row.title,
      line: row.line_code,
      status: row.status,
      reportSubmitted: row.submitted_at !== null,
      rapporteur: row.status === 'active' && panel.rapporteurId === evaluatorId,
      consensusSubmitted: panel.consensusSubmitted,
      matchedCodes: row.matched_codes,
    })
  }
  return result
}
