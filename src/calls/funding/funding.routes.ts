import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../platform/http.js'
import { uuid } from '../../platform/validation.js'
import { enforce } from '../calls.policies.js'
import { systemClock } from '../calls.service.js'
import { proposalParties } from '../proposals.service.js'
import { canManageFunding, canViewFunding } from './funding.policies.js'
import { callFunding as callFundingSchema, contractInput, decisionInput, myFunding, paymentInput, proposalFunding, withdrawalInput } from './funding.schema.js'
import { callFunding, decide, fundingOf, proposalFundingOf, recordContract, recordPayment, researchOrganisations, withdraw } from './funding.service.js'

const tags = ['funding']
const idParams = z.object({ id: uuid })
const proposalAnswer = { 200: z.object({ proposal: proposalFunding }) }

export function fundingRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  const clock = systemClock

  app.get('/calls/:id/funding', { schema: { tags, summary: 'Grant decisions, budgets left, contracts and payments of every ranked proposal', params: idParams, response: { 200: callFundingSchema } } }, async (request) => {
    enforce(request.actor, canManageFunding(request.actor))
    return { ...(await callFunding(db, request.params.id, clock())), researchOrganisations: await researchOrganisations(db) }
  })

  app.get('/calls/:id/funding/mine', { schema: { tags, summary: 'The funding of the proposals my organisations take part in', params: idParams, response: { 200: myFunding } } }, async (request) => {
    enforce(request.actor, true)
    const actor = request.actor
    return fundingOf(db, request.params.id, clock(), (parties) => canViewFunding(actor, parties))
  })

  app.get('/proposals/:id/funding', { schema: { tags, summary: 'One proposal’s grant per partner, contracts and payments', params: idParams, response: proposalAnswer } }, async (request) => {
    const parties = await proposalParties(db, request.params.id)
    enforce(request.actor, canViewFunding(request.actor, parties))
    return { proposal: await proposalFundingOf(db, parties.callId, request.params.id, clock()) }
  })

  app.post('/proposals/:id/decision', { schema: { tags, summary: 'Grant or refuse, with the date and reference of the act', params: idParams, body: decisionInput, response: proposalAnswer } }, async (request) => {
    enforce(request.actor, canManageFunding(request.actor))
    const parties = await proposalParties(db, request.params.id)
    await decide(db, request.actor.userId, request.params.id, request.body, clock(), request.locale)
    return { proposal: await proposalFundingOf(db, parties.callId, request.params.id, clock()) }
  })

  app.post('/proposals/:id/decision/withdrawal', { schema: { tags, summary: 'Record that the beneficiaries renounced the grant', params: idParams, body: withdrawalInput, response: proposalAnswer } }, async (request) => {
    enforce(request.actor, canManageFunding(request.actor))
    const parties = await proposalParties(db, request.params.id)
    await withdraw(db, request.actor.userId, request.params.id, request.body, clock(), request.locale)
    return { proposal: await proposalFundingOf(db, parties.callId, request.params.id, clock()) }
  })

  app.post('/proposals/:id/research-contracts', { schema: { tags, summary: 'Record a contract between a partner and a research organisation', params: idParams, body: contractInput, response: proposalAnswer } }, async (request) => {
    enforce(request.actor, canManageFunding(request.actor))
    const parties = await proposalParties(db, request.params.id)
    await recordContract(db, request.actor.userId, request.params.id, request.body, clock(), request.locale)
    return { proposal: await proposalFundingOf(db, parties.callId, request.params.id, clock()) }
  })

  app.post('/proposals/:id/payments', { schema: { tags, summary: 'Record a verified payment to a partner', params: idParams, body: paymentInput, response: proposalAnswer } }, async (request) => {
    enforce(request.actor, canManageFunding(request.actor))
    const parties = await proposalParties(db, request.params.id)
    await recordPayment(db, request.actor.userId, request.params.id, request.body, clock(), request.locale)
    return { proposal: await proposalFundingOf(db, parties.callId, request.params.id, clock()) }
  })
}
