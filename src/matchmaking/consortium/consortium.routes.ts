import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppContext } from '../../platform/http.js'
import { ensure } from '../matchmaking.policies.js'
import { suggestionsBody, suggestionsResponse } from './consortium.schema.js'
import { suggestPartners, type PartnerRequest } from './consortium.service.js'
import { explainSuggestionReason } from './suggest.js'

const tags = ['marketplace']

export function consortiumRoutes(server: FastifyInstance, { db, queryExpander }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/consortium/suggestions',
    {
      schema: {
        tags,
        summary: 'Consortium builder: who is missing from a project idea’s consortium, with the reasons',
        body: suggestionsBody,
        response: { 200: suggestionsResponse },
      },
    },
    async (request) => {
      ensure(request.actor, request.actor !== null)
      const { partners, ...idea } = request.body
      const result = await suggestPartners(db, {
        ...idea,
        partners: partners.map((p): PartnerRequest =>
          p.organisationId !== undefined ? { organisationId: p.organisationId } : { name: p.name ?? '', country: p.country ?? '', city: p.city },
        ),
      }, queryExpander)
      return {
        corpus: result.corpus,
        suggestions: result.suggestions.map((s) => ({
          ...s,
          reasons: s.reasons.map((reason) => ({ code: reason.code, text: explainSuggestionReason(request.locale, reason) })),
        })),
      }
    },
  )
}
