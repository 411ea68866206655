import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../platform/http.js'
import { authorize, can } from '../platform/policies.js'
import { uuid } from '../platform/validation.js'
import { searchDirectory } from './directory.js'
import { listProvinces, listRegions } from './geo.service.js'
import {
  directoryQuery,
  organisationChanges,
  organisationCreate,
  organisationDetail,
  organisationPage,
  organisationUser,
  organisationUserBody,
  province,
  region,
  sizePreviewQuery,
  smeAssessment,
} from './organisations.schema.js'
import {
  addOrganisationUser,
  assertOrganisationExists,
  createOrganisation,
  describeSme,
  getOrganisation,
  listOrganisationUsers,
  removeOrganisationUser,
  updateOrganisation,
} from './organisations.service.js'
import { classifySme } from './sme.js'

const tags = ['organisations']
const idParams = z.object({ id: uuid })
const detailResponse = { 200: z.object({ organisation: organisationDetail }) }

export function organisationsRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Search the directory',
        querystring: directoryQuery,
        response: { 200: organisationPage },
      },
    },
    async (request) => {
      const result = await searchDirectory(db, request.query)
      return { ...result, page: request.query.page, pageSize: request.query.pageSize }
    },
  )

  app.get(
    '/organisations/size-preview',
    { schema: { tags, summary: 'EU SME class for the given figures, with reasons', querystring: sizePreviewQuery, response: { 200: smeAssessment } } },
    async (request) => {
      const classification = classifySme({
        headcount: request.query.headcount ?? null,
        turnoverCents: request.query.turnoverCents ?? null,
        balanceSheetCents: request.query.balanceSheetCents ?? null,
      })
      return { size: classification.size, reasons: describeSme(request.locale, classification) }
    },
  )

  app.get('/organisations/:id', { schema: { tags, params: idParams, response: detailResponse } }, async (request) => {
    const organisation = await getOrganisation(db, request.params.id, {
      locale: request.locale,
      withContacts: can(request.actor, { action: 'organisation.viewContacts' }),
    })
    return { organisation: { ...organisation, canEdit: can(request.actor, { action: 'organisation.update', organisationId: organisation.id }) } }
  })

  app.post(
    '/organisations',
    { schema: { tags, body: organisationCreate, response: { 201: z.object({ organisation: organisationDetail }) } } },
    async (request, reply) => {
      authorize(request.actor, { action: 'organisation.create' })
      const id = await createOrganisation(db, request.actor.userId, request.body)
      const organisation = await getOrganisation(db, id, { locale: request.locale, withContacts: true })
      return reply.status(201).send({ organisation: { ...organisation, canEdit: true } })
    },
  )

  app.patch(
    '/organisations/:id',
    { schema: { tags, params: idParams, body: organisationChanges, response: detailResponse } },
    async (request) => {
      await assertOrganisationExists(db, request.params.id)
      authorize(request.actor, { action: 'organisation.update', organisationId: request.params.id })
      await updateOrganisation(db, request.actor.userId, request.params.id, request.body)
      const organisation = await getOrganisation(db, request.params.id, { locale: request.locale, withContacts: true })
      return { organisation: { ...organisation, canEdit: true } }
    },
  )

  app.get(
    '/organisations/:id/users',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(organisationUser) }) } } },
    async (request) => {
      await assertOrganisationExists(db, request.params.id)
      authorize(request.actor, { action: 'organisation.manageUsers', organisationId: request.params.id })
      return { items: await listOrganisationUsers(db, request.params.id) }
    },
  )

  app.post(
    '/organisations/:id/users',
    { schema: { tags, params: idParams, body: organisationUserBody, response: { 200: z.object({ items: z.array(organisationUser) }) } } },
    async (request) => {
      await assertOrganisationExists(db, request.params.id)
      authorize(request.actor, { action: 'organisation.manageUsers', organisationId: request.params.id })
      await addOrganisationUser(db, request.actor.userId, request.params.id, request.body)
      return { items: await listOrganisationUsers(db, request.params.id) }
    },
  )

  app.delete(
    '/organisations/:id/users/:userId',
    { schema: { tags, params: z.object({ id: uuid, userId: uuid }) } },
    async (request, reply) => {
      await assertOrganisationExists(db, request.params.id)
      authorize(request.actor, { action: 'organisation.manageUsers', organisationId: request.params.id })
      await removeOrganisationUser(db, request.actor.userId, request.params.id, request.params.userId)
      return reply.status(204).send()
    },
  )

  app.get(
    '/geo/provinces',
    { schema: { tags: ['geography'], response: { 200: z.object({ items: z.array(province) }) } } },
    async () => ({ items: await listProvinces(db) }),
  )

  app.get(
    '/geo/regions',
    { schema: { tags: ['geography'], response: { 200: z.object({ items: z.array(region) }) } } },
    async () => ({ items: await listRegions(db) }),
  )
}
