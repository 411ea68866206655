import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppContext } from '../platform/http.js'
import { requireSignedIn } from '../platform/policies.js'
import { flagBody, flagParams, idParams, mineQuery, mineResponse, topicDetail, topicFlag, topicListQuery, topicListResponse } from './opportunities.schema.js'
import { flagTopic, getTopic, listTopics, topicsForMyOrganisation, unflagTopic } from './opportunities.service.js'

const tags = ['opportunities']

export function opportunitiesRoutes(server: FastifyInstance, { db, queryExpander }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/opportunities/topics',
    {
      schema: {
        tags,
        summary: 'EU Funding & Tenders topics: by status (as of today in Rome), programme, deadline range and text in Italian or English',
        querystring: topicListQuery,
        response: { 200: topicListResponse },
      },
    },
    async (request) => listTopics(db, request.actor, request.locale, request.query, queryExpander),
  )

  app.get(
    '/opportunities/mine',
    {
      schema: {
        tags,
        summary: 'The open topics that fit my organisation’s competences, with the reasons; those flagged by its districts first',
        querystring: mineQuery,
        response: { 200: mineResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.actor)
      return topicsForMyOrganisation(db, request.actor, request.locale, request.query, queryExpander)
    },
  )

  app.get(
    '/opportunities/topics/:id',
    { schema: { tags, summary: 'One topic with its description', params: idParams, response: { 200: topicDetail } } },
    async (request) => getTopic(db, request.actor, request.locale, request.params.id),
  )

  app.post(
    '/opportunities/topics/:id/flags',
    {
      schema: {
        tags,
        summary: 'District managers: flag an open or forthcoming topic to the district’s members, with a note (each is notified)',
        params: idParams,
        body: flagBody,
        response: { 201: topicFlag },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.actor)
      return reply.status(201).send(await flagTopic(db, request.actor, request.locale, request.params.id, request.body))
    },
  )

  app.delete(
    '/opportunities/topics/:id/flags/:district',
    { schema: { tags, summary: 'District managers: withdraw the district’s flag', params: flagParams } },
    async (request, reply) => {
      requireSignedIn(request.actor)
      await unflagTopic(db, request.actor, request.locale, request.params.id, request.params.district)
      return reply.status(204).send()
    },
  )
}
