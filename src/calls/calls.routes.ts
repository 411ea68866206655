import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../platform/errors.js'
import type { AppContext } from '../platform/http.js'
import { requireSignedIn } from '../platform/policies.js'
import { uuid } from '../platform/validation.js'
import { canConfirmPartner, canEditProposal, canLeadFor, canManageCalls, canViewProposal, enforce } from './calls.policies.js'
import {
  callChanges,
  callCreate,
  callDetail,
  callSummary,
  eligibilityResult,
  grantResult,
  proposalChanges,
  proposalCreate,
  proposalDetail,
  proposalSummary,
  screeningOverride,
  screeningRow,
  submissionResult,
} from './calls.schema.js'
import { cloneCall, createCall, getCall, listCalls, publishCall, systemClock, updateCall } from './calls.service.js'
import {
  confirmPartner,
  createProposal,
  currentEligibility,
  currentGrant,
  getProposal,
  listProposalsFor,
  overrideScreening,
  proposalParties,
  renderEligibility,
  screeningList,
  submitProposal,
  updateProposal,
} from './proposals.service.js'

const tags = ['calls']
const idParams = z.object({ id: uuid })
const callResponse = { 200: z.object({ call: callDetail }) }
const proposalResponse = { 200: z.object({ proposal: proposalDetail }) }

export function callsRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  const clock = systemClock

  app.get('/calls', { schema: { tags, summary: 'Published calls; officers also see drafts', response: { 200: z.object({ items: z.array(callSummary) }) } } }, async (request) => ({
    items: await listCalls(db, { includeDrafts: canManageCalls(request.actor), now: clock() }),
  }))

  app.get('/calls/:id', { schema: { tags, params: idParams, response: callResponse } }, async (request) => ({
    call: await getCall(db, request.params.id, { canManage: canManageCalls(request.actor), locale: request.locale, now: clock() }),
  }))

  app.post('/calls', { schema: { tags, body: callCreate, response: { 201: z.object({ call: callDetail }) } } }, async (request, reply) => {
    enforce(request.actor, canManageCalls(request.actor))
    const id = await createCall(db, request.actor.userId, request.body)
    return reply.status(201).send({ call: await getCall(db, id, { canManage: true, locale: request.locale, now: clock() }) })
  })

  app.patch('/calls/:id', { schema: { tags, summary: 'Edit a draft call', params: idParams, body: callChanges, response: callResponse } }, async (request) => {
    enforce(request.actor, canManageCalls(request.actor))
    await updateCall(db, request.actor.userId, request.params.id, request.body)
    return { call: await getCall(db, request.params.id, { canManage: true, locale: request.locale, now: clock() }) }
  })

  app.post('/calls/:id/publish', { schema: { tags, params: idParams, response: callResponse } }, async (request) => {
    enforce(request.actor, canManageCalls(request.actor))
    await publishCall(db, request.actor.userId, request.params.id, clock())
    return { call: await getCall(db, request.params.id, { canManage: true, locale: request.locale, now: clock() }) }
  })

  app.post('/calls/:id/clone', { schema: { tags, params: idParams, response: { 201: z.object({ call: callDetail }) } } }, async (request, reply) => {
    enforce(request.actor, canManageCalls(request.actor))
    const id = await cloneCall(db, request.actor.userId, request.params.id)
    return reply.status(201).send({ call: await getCall(db, id, { canManage: true, locale: request.locale, now: clock() }) })
  })

  app.get('/calls/:id/screening', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(screeningRow) }) } } }, async (request) => {
    enforce(request.actor, canManageCalls(request.actor))
    await getCall(db, request.params.id, { canManage: true, locale: request.locale, now: clock() })
    return { items: await screeningList(db, request.params.id, request.locale) }
  })

  app.post('/calls/:id/proposals', { schema: { tags, params: idParams, body: proposalCreate, response: { 201: z.object({ proposal: proposalDetail }) } } }, async (request, reply) => {
    requireSignedIn(request.actor)
    await getCall(db, request.params.id, { canManage: false, locale: request.locale, now: clock() })
    enforce(request.actor, canLeadFor(request.actor, request.body.leadOrganisationId))
    const id = await createProposal(db, request.actor.userId, request.params.id, request.body, clock())
    return reply.status(201).send({ proposal: await getProposal(db, id, request.actor) })
  })

  app.get('/proposals', { schema: { tags, summary: 'Proposals my organisations lead or take part in', response: { 200: z.object({ items: z.array(proposalSummary) }) } } }, async (request) => {
    requireSignedIn(request.actor)
    const roles = [...request.actor.organisationRoles]
    const adminOf = new Set(roles.filter(([, role]) => role === 'admin').map(([id]) => id))
    return { items: await listProposalsFor(db, roles.map(([id]) => id), adminOf) }
  })

  const viewable = async (request: { actor: Parameters<typeof canViewProposal>[0]; params: { id: string } }): Promise<Awaited<ReturnType<typeof proposalParties>>> => {
    const parties = await proposalParties(db, request.params.id)
    if (request.actor && !canViewProposal(request.actor, parties)) throw notFound('entity.proposal')
    enforce(request.actor, true)
    return parties
  }

  app.get('/proposals/:id', { schema: { tags, params: idParams, response: proposalResponse } }, async (request) => {
    await viewable(request)
    return { proposal: await getProposal(db, request.params.id, request.actor) }
  })

  app.patch('/proposals/:id', { schema: { tags, summary: 'Save the draft', params: idParams, body: proposalChanges, response: proposalResponse } }, async (request) => {
    const parties = await viewable(request)
    enforce(request.actor, canEditProposal(request.actor, parties))
    await updateProposal(db, request.actor.userId, request.params.id, request.body, clock())
    return { proposal: await getProposal(db, request.params.id, request.actor) }
  })

  app.get('/proposals/:id/eligibility', { schema: { tags, summary: 'The rules, run now on the draft', params: idParams, response: { 200: eligibilityResult } } }, async (request) => {
    await viewable(request)
    return renderEligibility(await currentEligibility(db, request.params.id, clock()), request.locale)
  })

  app.get('/proposals/:id/grant', { schema: { tags, summary: 'GBER art. 25 estimate per partner (cents, basis points)', params: idParams, response: { 200: grantResult } } }, async (request) => {
    await viewable(request)
    const estimate = await currentGrant(db, request.params.id, clock())
    return {
      collaboration: estimate.collaboration,
      partners: estimate.partners.map((partner, index) => ({ organisationId: estimate.organisationIds[index] as string, ...partner })),
      total: estimate.total,
    }
  })

  app.post('/proposals/:id/partners/:organisationId/confirm', { schema: { tags, params: z.object({ id: uuid, organisationId: uuid }), response: proposalResponse } }, async (request) => {
    await viewable(request)
    enforce(request.actor, canConfirmPartner(request.actor, request.params.organisationId))
    await confirmPartner(db, request.actor.userId, request.params.id, request.params.organisationId, clock())
    return { proposal: await getProposal(db, request.params.id, request.actor) }
  })

  app.post('/proposals/:id/submit', { schema: { tags, summary: 'Freeze the draft as a new version', params: idParams, response: { 200: submissionResult } } }, async (request) => {
    const parties = await viewable(request)
    enforce(request.actor, canEditProposal(request.actor, parties))
    const submission = await submitProposal(db, request.actor.userId, request.params.id, clock, request.locale)
    return {
      version: submission.version,
      created: submission.created,
      submittedAt: submission.submittedAt.toISOString(),
      eligibility: renderEligibility(submission.eligibility, request.locale),
    }
  })

  app.post('/proposals/:id/screening', { schema: { tags, summary: 'Override the eligibility status, with a reason', params: idParams, body: screeningOverride } }, async (request, reply) => {
    enforce(request.actor, canManageCalls(request.actor))
    await overrideScreening(db, request.actor.userId, request.params.id, request.body, clock())
    return reply.status(204).send()
  })
}
