import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { invalidField, notFound } from '../platform/errors.js'
import type { AppContext } from '../platform/http.js'
import type { Actor } from '../platform/policies.js'
import { uuid } from '../platform/validation.js'
import {
  decideInterest,
  expressInterest,
  funnelOf,
  getInterest,
  interestRef,
  listInterests,
  postMessage,
  recordStep,
} from './interests.service.js'
import {
  canDecideInterest,
  canExpressInterest,
  canReviewProfile,
  canTakePartInInterest,
  canViewFunnel,
  canViewInterest,
  canViewProfile,
  canWriteProfiles,
  ensure,
  type ProfileRef,
} from './matchmaking.policies.js'
import {
  closeBody,
  decisionBody,
  duplicate,
  funnelQuery,
  funnelResponse,
  interestCreate,
  interestDetail,
  interestSummary,
  messageBody,
  profileChanges,
  profileCreate,
  profileDetail,
  profilePage,
  profileSummary,
  reviewBody,
  searchQuery,
  stepBody,
} from './matchmaking.schema.js'
import {
  closeProfile,
  createProfile,
  findDuplicates,
  getProfile,
  listOrganisationProfiles,
  listReviewQueue,
  profileRef,
  reviewProfile,
  submitProfile,
  updateProfile,
  type ProfileDetail,
} from './profiles.service.js'
import { districtScope, searchProfiles } from './search.js'
import { routeNeed } from './recommend/routing.js'

const tags = ['marketplace']
const idParams = z.object({ id: uuid })
const detailResponse = { 200: z.object({ profile: profileDetail }) }

type SignedIn = NonNullable<Actor>

const organisationsOf = (actor: SignedIn): string[] => [...actor.organisationRoles.keys()]

/** A profile the actor may not see does not exist for them. */
async function visibleProfile(db: AppContext['db'], actor: Actor, id: string): Promise<ProfileRef & { id: string }> {
  const profile = await profileRef(db, id)
  if (!canViewProfile(actor, profile)) throw notFound('entity.profile')
  return profile
}

async function detailFor(db: AppContext['db'], actor: Actor, id: string): Promise<ProfileDetail & { canEdit: boolean; canReview: boolean }> {
  const profile = await getProfile(db, id)
  const ref = { organisationId: profile.organisation.id, clusterId: profile.district.id, status: profile.status }
  return {
    ...profile,
    canEdit: canWriteProfiles(actor, ref.organisationId) && (profile.status === 'draft' || profile.status === 'returned'),
    canReview: canReviewProfile(actor, ref) && profile.status === 'submitted',
  }
}

export function matchmakingRoutes(server: FastifyInstance, { db, queryExpander }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/profiles',
    {
      schema: {
        tags,
        summary: 'Search the published profiles, in Italian and English',
        querystring: searchQuery,
        response: { 200: profilePage },
      },
    },
    async (request) => searchProfiles(db, request.query, queryExpander),
  )

  app.get(
    '/profiles/mine',
    { schema: { tags, summary: 'The profiles of the organisations I belong to, in every state', response: { 200: z.object({ items: z.array(profileSummary) }) } } },
    async (request) => {
      ensure(request.actor, true)
      return { items: await listOrganisationProfiles(db, organisationsOf(request.actor)) }
    },
  )

  app.get(
    '/profiles/review-queue',
    { schema: { tags, summary: 'Profiles waiting for review in the districts I manage', response: { 200: z.object({ items: z.array(profileSummary) }) } } },
    async (request) => {
      ensure(request.actor, true)
      const scope = request.actor.roles.includes('platform_admin') ? 'all' : [...request.actor.managedClusterIds]
      return { items: await listReviewQueue(db, scope) }
    },
  )

  app.get('/profiles/:id', { schema: { tags, params: idParams, response: detailResponse } }, async (request) => {
    await visibleProfile(db, request.actor, request.params.id)
    return { profile: await detailFor(db, request.actor, request.params.id) }
  })

  app.post('/profiles', { schema: { tags, summary: 'Create a draft profile', body: profileCreate, response: { 201: z.object({ profile: profileDetail }) } } }, async (request, reply) => {
    ensure(request.actor, canWriteProfiles(request.actor, request.body.organisationId))
    const id = await createProfile(db, request.actor.userId, request.body)
    return reply.status(201).send({ profile: await detailFor(db, request.actor, id) })
  })

  app.patch('/profiles/:id', { schema: { tags, params: idParams, body: profileChanges, response: detailResponse } }, async (request) => {
    const profile = await visibleProfile(db, request.actor, request.params.id)
    ensure(request.actor, canWriteProfiles(request.actor, profile.organisationId))
    await updateProfile(db, request.actor.userId, profile.id, request.body)
    return { profile: await detailFor(db, request.actor, profile.id) }
  })

  app.get(
    '/profiles/:id/duplicates',
    { schema: { tags, summary: 'Likely duplicates among the organisation’s other profiles', params: idParams, response: { 200: z.object({ items: z.array(duplicate) }) } } },
    async (request) => {
      const profile = await visibleProfile(db, request.actor, request.params.id)
      ensure(request.actor, canWriteProfiles(request.actor, profile.organisationId))
      return { items: await findDuplicates(db, profile.id) }
    },
  )

  app.post('/profiles/:id/submit', { schema: { tags, summary: 'Send a draft for review', params: idParams, response: detailResponse } }, async (request) => {
    const profile = await visibleProfile(db, request.actor, request.params.id)
    ensure(request.actor, canWriteProfiles(request.actor, profile.organisationId))
    await submitProfile(db, request.actor.userId, profile.id)
    return { profile: await detailFor(db, request.actor, profile.id) }
  })

  app.post(
    '/profiles/:id/review',
    { schema: { tags, summary: 'Approve a submitted profile, or send it back with comments', params: idParams, body: reviewBody, response: detailResponse } },
    async (request) => {
      const profile = await visibleProfile(db, request.actor, request.params.id)
      ensure(request.actor, canReviewProfile(request.actor, profile))
      await reviewProfile(db, request.actor.userId, profile.id, request.body.decision, request.body.comment)
      if (request.body.decision === 'approve') {
        // The approval stands even if routing fails; the daily job routes any need left unrouted.
        await routeNeed(db, profile.id, queryExpander).catch((error: unknown) => request.log.error({ err: error, profileId: profile.id }, 'routing a need failed'))
      }
      return { profile: await detailFor(db, request.actor, profile.id) }
    },
  )

  app.post('/profiles/:id/close', { schema: { tags, summary: 'Close a profile with its outcome', params: idParams, body: closeBody, response: detailResponse } }, async (request) => {
    const profile = await visibleProfile(db, request.actor, request.params.id)
    ensure(request.actor, canWriteProfiles(request.actor, profile.organisationId))
    await closeProfile(db, request.actor.userId, profile.id, request.body.outcome)
    return { profile: await detailFor(db, request.actor, profile.id) }
  })

  app.post(
    '/profiles/:id/interests',
    { schema: { tags, summary: 'Express interest in a published profile', params: idParams, body: interestCreate, response: { 201: z.object({ interest: interestDetail }) } } },
    async (request, reply) => {
      const profile = await visibleProfile(db, request.actor, request.params.id)
      ensure(request.actor, canExpressInterest(request.actor, request.body.organisationId))
      const id = await expressInterest(db, request.actor.userId, profile.id, request.body.organisationId, request.body.message)
      return reply.status(201).send({ interest: await interestFor(request.actor, id) })
    },
  )

  const interestFor = async (actor: SignedIn, id: string): Promise<z.infer<typeof interestDetail>> => {
    const ref = await interestRef(db, id)
    const interest = await getInterest(db, id)
    return {
      ...interest,
      direction: actor.organisationRoles.has(ref.ownerOrganisationId) ? 'received' : 'sent',
      canDecide: canDecideInterest(actor, ref) && interest.status === 'pending',
      canTakePart: canTakePartInInterest(actor, ref) && interest.status === 'accepted',
    }
  }

  app.get('/interests', { schema: { tags, summary: 'Expressions of interest received and sent by my organisations', response: { 200: z.object({ items: z.array(interestSummary) }) } } }, async (request) => {
    ensure(request.actor, true)
    return { items: await listInterests(db, organisationsOf(request.actor)) }
  })

  /** An interest the actor may not see does not exist for them. */
  const visibleInterest = async (actor: Actor, id: string): Promise<Awaited<ReturnType<typeof interestRef>>> => {
    const ref = await interestRef(db, id)
    if (!canViewInterest(actor, ref)) throw notFound('entity.interest')
    return ref
  }

  app.get('/interests/:id', { schema: { tags, params: idParams, response: { 200: z.object({ interest: interestDetail }) } } }, async (request) => {
    await visibleInterest(request.actor, request.params.id)
    ensure(request.actor, true)
    return { interest: await interestFor(request.actor, request.params.id) }
  })

  app.post(
    '/interests/:id/decision',
    { schema: { tags, summary: 'Accept (opens the contact) or decline', params: idParams, body: decisionBody, response: { 200: z.object({ interest: interestDetail }) } } },
    async (request) => {
      const ref = await visibleInterest(request.actor, request.params.id)
      ensure(request.actor, canDecideInterest(request.actor, ref))
      await decideInterest(db, request.actor.userId, ref.id, request.body.decision)
      return { interest: await interestFor(request.actor, ref.id) }
    },
  )

  app.post(
    '/interests/:id/messages',
    { schema: { tags, summary: 'Write in the contact thread', params: idParams, body: messageBody, response: { 201: z.object({ interest: interestDetail }) } } },
    async (request, reply) => {
      const ref = await visibleInterest(request.actor, request.params.id)
      ensure(request.actor, canTakePartInInterest(request.actor, ref))
      const party = request.actor.organisationRoles.has(ref.interestedOrganisationId) ? ref.interestedOrganisationId : ref.ownerOrganisationId
      await postMessage(db, request.actor.userId, ref.id, party, request.body.body)
      return reply.status(201).send({ interest: await interestFor(request.actor, ref.id) })
    },
  )

  app.post(
    '/interests/:id/steps',
    { schema: { tags, summary: 'Record a meeting or the outcome (agreement or none)', params: idParams, body: stepBody, response: { 201: z.object({ interest: interestDetail }) } } },
    async (request, reply) => {
      const ref = await visibleInterest(request.actor, request.params.id)
      ensure(request.actor, canTakePartInInterest(request.actor, ref))
      await recordStep(db, request.actor.userId, ref.id, request.body)
      return reply.status(201).send({ interest: await interestFor(request.actor, ref.id) })
    },
  )

  app.get(
    '/marketplace/funnel',
    { schema: { tags, summary: 'Profile → interest → contact → meeting → agreement → joint project, counted, with the brokerage meetings of the same districts', querystring: funnelQuery, response: { 200: funnelResponse } } },
    async (request) => {
      const actor = request.actor
      if (request.query.district) {
        const scope = await districtScope(db, request.query.district)
        if (scope.length === 0) throw invalidField('district', 'validation.unknown_district', { slug: request.query.district })
        ensure(actor, canViewFunnel(actor, scope[0] as string))
        return funnelOf(db, scope, request.query)
      }
      ensure(actor, canViewFunnel(actor, null) || (actor !== null && actor.managedClusterIds.size > 0))
      return funnelOf(db, canViewFunnel(actor, null) ? 'all' : [...actor.managedClusterIds], request.query)
    },
  )
}
