import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { notFound } from '../../platform/errors.js'
import type { AppContext } from '../../platform/http.js'
import type { Locale } from '../../platform/i18n.js'
import { uuid } from '../../platform/validation.js'
import { canViewProfile, ensure } from '../matchmaking.policies.js'
import { forwardBody, recommendationsQuery, recommendationsResponse, recommendedNeedsResponse } from '../matchmaking.schema.js'
import { profileRef } from '../profiles.service.js'
import { explainReason } from './explain.js'
import { loadNames, referencedIds } from './names.js'
import { needsForOrganisation, recommendForProfile } from './recommend.service.js'
import { forwardNeed } from './routing.js'
import type { Reason } from './score.js'
import type { ProfileKind } from '../marketplace-terms.js'

const tags = ['marketplace']
const idParams = z.object({ id: uuid })

export function recommendRoutes(server: FastifyInstance, { db, queryExpander }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  /** Reasons in the reader's language, with the names of the districts, regions and taxonomy nodes they mention. */
  const explainAll = async (locale: Locale, items: readonly { kind: ProfileKind; reasons: readonly Reason[] }[]) => {
    const ids = referencedIds(items.flatMap((item) => item.reasons))
    const names = await loadNames(db, ids.districts, ids.regions)
    return { names, explain: (kind: ProfileKind, reasons: readonly Reason[]) => reasons.map((reason) => explainReason(locale, kind, reason, names)) }
  }

  app.get(
    '/profiles/:id/recommendations',
    {
      schema: {
        tags,
        summary: 'Organisations and profiles from every district that could answer this profile, with the reasons',
        params: idParams,
        querystring: recommendationsQuery,
        response: { 200: recommendationsResponse },
      },
    },
    async (request) => {
      const profile = await profileRef(db, request.params.id)
      if (!canViewProfile(request.actor, profile)) throw notFound('entity.profile')
      ensure(request.actor, true)
      const result = await recommendForProfile(db, profile.id, { limit: request.query.limit, expander: queryExpander })
      const kind = result.seeker.kind
      const allDistricts = result.organisations.flatMap((item) => item.districtIds)
      const { names, explain } = await explainAll(request.locale, [
        ...result.organisations.map((item) => ({ kind, reasons: item.reasons })),
        ...result.profiles.map((item) => ({ kind, reasons: item.reasons })),
        { kind, reasons: [{ code: 'other_district', points: 0, detail: { districtIds: allDistricts } }] },
      ])
      return {
        organisations: result.organisations.map((item) => ({
          organisation: item.organisation,
          districts: item.districtIds.flatMap((id) => names.districtRefs.get(id) ?? []),
          score: item.score,
          reasons: explain(kind, item.reasons),
        })),
        profiles: result.profiles.map((item) => ({ profile: item.profile, score: item.score, reasons: explain(kind, item.reasons) })),
      }
    },
  )

  app.get(
    '/organisations/:id/recommended-needs',
    {
      schema: {
        tags,
        summary: 'Published needs from every district that this organisation could answer, with the reasons',
        params: idParams,
        querystring: recommendationsQuery,
        response: { 200: recommendedNeedsResponse },
      },
    },
    async (request) => {
      const actor = request.actor
      ensure(actor, actor !== null && (actor.organisationRoles.has(request.params.id) || actor.roles.includes('platform_admin')))
      const items = await needsForOrganisation(db, request.params.id, { limit: request.query.limit, expander: queryExpander })
      const { explain } = await explainAll(request.locale, items.map((item) => ({ kind: item.profile.kind, reasons: item.reasons })))
      return { items: items.map((item) => ({ profile: item.profile, score: item.score, reasons: explain(item.profile.kind, item.reasons) })) }
    },
  )

  app.post(
    '/profiles/:id/forwards',
    { schema: { tags, summary: 'A district manager forwards a published need to an organisation', params: idParams, body: forwardBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = request.actor
      ensure(actor, actor !== null && actor.managedClusterIds.size > 0)
      const profile = await profileRef(db, request.params.id)
      if (!canViewProfile(actor, profile)) throw notFound('entity.profile')
      await forwardNeed(db, actor, profile.id, request.body.organisationId, request.body.note)
      return reply.status(204).send(null)
    },
  )
}
