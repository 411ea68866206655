import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../platform/errors.js'
import type { AppContext } from '../../platform/http.js'
import { uuid } from '../../platform/validation.js'
import { canEditProposal, canViewProposal, enforce } from '../calls.policies.js'
import { systemClock } from '../calls.service.js'
import { proposalParties } from '../proposals.service.js'
import { canEditEvaluatorProfile, canReport, canRunEvaluation, canViewEvaluation, canWriteConsensus, isEvaluator } from './evaluation.policies.js'
import {
  budgetMoveInput,
  consensusInput,
  evaluationDetail as evaluationDetailSchema,
  evaluationOverview as evaluationOverviewSchema,
  evaluatorProfileInput,
  evaluatorSummary,
  indicatorsResult,
  myEvaluation,
  providerRow,
  providersInput,
  rankingResult,
  rapporteurInput,
  reasonInput,
  reportInput,
} from './evaluation.schema.js'
import { consensusRows, declareConflict, declineAssignment, evaluationOverview, evaluatorPool, runAssignment, setEvaluatorProfile } from './evaluation.service.js'
import { proposalPdf, rankingCsv, rankingWorkbook } from './exports.js'
import { listProviders, replaceProviders } from './providers.service.js'
import { evaluationDetail, myEvaluations, panelOf, setRapporteur, submitConsensus, submitReport } from './reports.service.js'
import { callIndicators, callRanking, moveBudget } from './results.service.js'

const tags = ['evaluation']
const idParams = z.object({ id: uuid })

function download(reply: FastifyReply, body: string | Buffer, contentType: string, fileName: string): FastifyReply {
  return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${fileName}"`).send(body)
}

export function evaluationRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  const clock = systemClock

  app.get('/evaluators', { schema: { tags, summary: 'Evaluators with organisation and expertise', response: { 200: z.object({ items: z.array(evaluatorSummary) }) } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    return { items: (await evaluatorPool(db)).map(({ id, fullName, email, organisationId, organisationName, expertise }) => ({ id, fullName, email, organisationId, organisationName, expertise: [...expertise] })) }
  })

  app.get('/evaluators/me', { schema: { tags, summary: 'My own evaluator profile: organisation and expertise', response: { 200: z.object({ evaluator: evaluatorSummary }) } } }, async (request) => {
    enforce(request.actor, isEvaluator(request.actor))
    const { userId } = request.actor
    const evaluator = (await evaluatorPool(db)).find((item) => item.id === userId)
    if (!evaluator) throw notFound('entity.evaluator')
    const { id, fullName, email, organisationId, organisationName, expertise } = evaluator
    return { evaluator: { id, fullName, email, organisationId, organisationName, expertise: [...expertise] } }
  })

  app.put('/evaluators/:id/profile', { schema: { tags, params: idParams, body: evaluatorProfileInput, response: { 200: z.object({ evaluator: evaluatorSummary }) } } }, async (request) => {
    enforce(request.actor, canEditEvaluatorProfile(request.actor, request.params.id))
    await setEvaluatorProfile(db, request.actor.userId, request.params.id, request.body)
    const evaluator = (await evaluatorPool(db)).find((item) => item.id === request.params.id)
    if (!evaluator) throw notFound('entity.evaluator')
    return { evaluator: { ...evaluator, expertise: [...evaluator.expertise] } }
  })

  app.get('/calls/:id/evaluation', { schema: { tags, summary: 'Admitted proposals with their panels and the reasons of each assignment', params: idParams, response: { 200: evaluationOverviewSchema } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    return evaluationOverview(db, request.params.id, clock())
  })

  app.post('/calls/:id/evaluation/assign', { schema: { tags, summary: 'Assign evaluators to every admitted proposal still short of its panel', params: idParams, response: { 200: evaluationOverviewSchema } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    await runAssignment(db, request.actor.userId, request.params.id, clock(), request.locale)
    return evaluationOverview(db, request.params.id, clock())
  })

  app.get('/evaluations', { schema: { tags, summary: 'My assignments as an evaluator', response: { 200: z.object({ items: z.array(myEvaluation) }) } } }, async (request) => {
    enforce(request.actor, isEvaluator(request.actor))
    return { items: await myEvaluations(db, request.actor.userId) }
  })

  app.get('/proposals/:id/evaluation', { schema: { tags, params: idParams, response: { 200: z.object({ evaluation: evaluationDetailSchema }) } } }, async (request) => {
    const panel = await panelOf(db, request.params.id)
    enforce(request.actor, canViewEvaluation(request.actor, panel.active))
    return { evaluation: await evaluationDetail(db, request.params.id, request.actor, canRunEvaluation(request.actor), clock()) }
  })

  app.post('/proposals/:id/evaluation/decline', { schema: { tags, summary: 'Decline an assignment for a conflict of interest', params: idParams, body: reasonInput, response: { 200: z.object({ replacedBy: z.string().nullable() }) } } }, async (request) => {
    const panel = await panelOf(db, request.params.id)
    enforce(request.actor, canReport(request.actor, panel.active))
    return declineAssignment(db, request.actor.userId, request.params.id, request.body.reason, clock(), request.locale)
  })

  app.post('/proposals/:id/evaluation/conflict', { schema: { tags, summary: 'Declare a conflict of interest before any assignment', params: idParams, body: reasonInput } }, async (request, reply) => {
    enforce(request.actor, isEvaluator(request.actor))
    await declareConflict(db, request.actor.userId, request.params.id, request.body.reason, clock())
    return reply.status(204).send()
  })

  app.put('/proposals/:id/evaluation/report', { schema: { tags, summary: 'Submit my scores, one per criterion with a comment', params: idParams, body: reportInput, response: { 200: z.object({ evaluation: evaluationDetailSchema }) } } }, async (request) => {
    const panel = await panelOf(db, request.params.id)
    enforce(request.actor, canReport(request.actor, panel.active))
    await submitReport(db, request.actor.userId, request.params.id, request.body.scores, clock())
    return { evaluation: await evaluationDetail(db, request.params.id, request.actor, false, clock()) }
  })

  app.put('/proposals/:id/evaluation/rapporteur', { schema: { tags, params: idParams, body: rapporteurInput, response: { 200: z.object({ evaluation: evaluationDetailSchema }) } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    await setRapporteur(db, request.actor.userId, request.params.id, request.body.evaluatorId)
    return { evaluation: await evaluationDetail(db, request.params.id, request.actor, true, clock()) }
  })

  app.put('/proposals/:id/evaluation/consensus', { schema: { tags, summary: 'The rapporteur’s consensus report', params: idParams, body: consensusInput, response: { 200: z.object({ evaluation: evaluationDetailSchema }) } } }, async (request) => {
    const panel = await panelOf(db, request.params.id)
    enforce(request.actor, canWriteConsensus(request.actor, panel.rapporteurId, panel.active))
    await submitConsensus(db, request.actor.userId, request.params.id, request.body, clock())
    return { evaluation: await evaluationDetail(db, request.params.id, request.actor, false, clock()) }
  })

  app.get('/calls/:id/ranking', { schema: { tags, params: idParams, response: { 200: rankingResult } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    const { admitted: _admitted, ...ranking } = await callRanking(db, request.params.id, clock())
    return ranking
  })

  app.post('/calls/:id/budget-moves', { schema: { tags, summary: 'Move unspent budget between lines, with the reason', params: idParams, body: budgetMoveInput, response: { 200: rankingResult } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    await moveBudget(db, request.actor.userId, request.params.id, request.body, clock(), request.locale)
    const { admitted: _admitted, ...ranking } = await callRanking(db, request.params.id, clock())
    return ranking
  })

  app.get('/calls/:id/ranking.csv', { schema: { tags, summary: 'The ranking with consensus scores, CSV', params: idParams } }, async (request, reply) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    const ranking = await callRanking(db, request.params.id, clock())
    return download(reply, rankingCsv(ranking, request.locale), 'text/csv; charset=utf-8', `ranking-${request.params.id}.csv`)
  })

  app.get('/calls/:id/ranking.xlsx', { schema: { tags, summary: 'The ranking and the consensus scores with their reasons, Excel', params: idParams } }, async (request, reply) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    const ranking = await callRanking(db, request.params.id, clock())
    const consensus = await consensusRows(db, ranking.admitted.map((proposal) => proposal.id))
    const scores = new Map([...consensus].flatMap(([id, row]) => (row.submitted_at && row.scores ? [[id, row.scores] as const] : [])))
    const workbook = await rankingWorkbook(ranking, request.locale, scores)
    return download(reply, workbook, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `ranking-${request.params.id}.xlsx`)
  })

  app.get('/proposals/:id/evaluation.pdf', { schema: { tags, summary: 'The outcome of one proposal for its applicants, PDF', params: idParams } }, async (request, reply) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    const panel = await panelOf(db, request.params.id)
    const ranking = await callRanking(db, panel.callId, clock())
    const entry = ranking.lines.flatMap((line) => line.proposals).find((item) => item.proposalId === request.params.id)
    if (!entry) throw notFound('entity.proposal')
    const detail = await evaluationDetail(db, request.params.id, request.actor, true, clock())
    const pdf = await proposalPdf({ detail, leadName: entry.leadName, rank: entry.rank, status: entry.status }, request.locale, clock())
    return download(reply, pdf, 'application/pdf', `evaluation-${request.params.id}.pdf`)
  })

  app.get('/calls/:id/indicators', { schema: { tags, summary: 'Results indicators per line and in total', params: idParams, response: { 200: indicatorsResult } } }, async (request) => {
    enforce(request.actor, canRunEvaluation(request.actor))
    return callIndicators(db, request.params.id, clock())
  })

  app.get('/proposals/:id/providers', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(providerRow) }) } } }, async (request) => {
    const parties = await proposalParties(db, request.params.id)
    if (request.actor && !canViewProposal(request.actor, parties)) throw notFound('entity.proposal')
    enforce(request.actor, true)
    return { items: await listProviders(db, request.params.id) }
  })

  app.put('/proposals/:id/providers', { schema: { tags, summary: 'Name the providers of qualified services', params: idParams, body: providersInput, response: { 200: z.object({ items: z.array(providerRow) }) } } }, async (request) => {
    const parties = await proposalParties(db, request.params.id)
    if (request.actor && !canViewProposal(request.actor, parties)) throw notFound('entity.proposal')
    enforce(request.actor, canEditProposal(request.actor, parties))
    await replaceProviders(db, request.actor.userId, request.params.id, request.body.providers, clock())
    return { items: await listProviders(db, request.params.id) }
  })
}
