import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../platform/http.js'
import { authorize, can } from '../platform/policies.js'
import { uuid } from '../platform/validation.js'
import {
  clusterChanges,
  clusterDetail,
  clusterKind,
  clusterSummary,
  memberPage,
  membersQuery,
  membershipBody,
  membershipChanges,
  slugParams,
} from './districts.schema.js'
import {
  addMembership,
  deleteMembership,
  findClusterId,
  getCluster,
  listClusters,
  listMembers,
  membershipCluster,
  updateCluster,
  updateMembership,
} from './districts.service.js'

const tags = ['districts']

export function districtsRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/clusters',
    { schema: { tags, summary: 'Every district and cluster', querystring: z.object({ kind: clusterKind.optional() }).strict(), response: { 200: z.object({ items: z.array(clusterSummary) }) } } },
    async (request) => ({ items: await listClusters(db, request.query.kind) }),
  )

  app.get(
    '/clusters/:slug',
    { schema: { tags, params: slugParams, response: { 200: z.object({ cluster: clusterDetail }) } } },
    async (request) => {
      const cluster = await getCluster(db, request.params.slug)
      return { cluster: { ...cluster, canEdit: can(request.actor, { action: 'cluster.update', clusterId: cluster.id }) } }
    },
  )

  app.patch(
    '/clusters/:slug',
    { schema: { tags, params: slugParams, body: clusterChanges, response: { 200: z.object({ cluster: clusterDetail }) } } },
    async (request) => {
      const clusterId = await findClusterId(db, request.params.slug)
      authorize(request.actor, { action: 'cluster.update', clusterId })
      await updateCluster(db, request.actor.userId, clusterId, request.body)
      return { cluster: { ...(await getCluster(db, request.params.slug)), canEdit: true } }
    },
  )

  app.get(
    '/clusters/:slug/members',
    { schema: { tags, params: slugParams, querystring: membersQuery, response: { 200: memberPage } } },
    async (request) => {
      const clusterId = await findClusterId(db, request.params.slug)
      return listMembers(db, clusterId, request.query.page, request.query.pageSize)
    },
  )

  app.post(
    '/clusters/:slug/members',
    { schema: { tags, params: slugParams, body: membershipBody, response: { 201: z.object({ membershipId: z.string() }) } } },
    async (request, reply) => {
      const clusterId = await findClusterId(db, request.params.slug)
      authorize(request.actor, { action: 'membership.manage', clusterId })
      const membershipId = await addMembership(db, request.actor.userId, clusterId, request.body)
      return reply.status(201).send({ membershipId })
    },
  )

  app.patch(
    '/memberships/:id',
    { schema: { tags, params: z.object({ id: uuid }), body: membershipChanges } },
    async (request, reply) => {
      const clusterId = await membershipCluster(db, request.params.id)
      authorize(request.actor, { action: 'membership.manage', clusterId })
      await updateMembership(db, request.actor.userId, request.params.id, request.body)
      return reply.status(204).send()
    },
  )

  app.delete(
    '/memberships/:id',
    { schema: { tags, params: z.object({ id: uuid }) } },
    async (request, reply) => {
      const clusterId = await membershipCluster(db, request.params.id)
      authorize(request.actor, { action: 'membership.manage', clusterId })
      await deleteMembership(db, request.actor.userId, request.params.id)
      return reply.status(204).send()
    },
  )
}
