import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../platform/http.js'
import { listTaxonomy } from './taxonomy.service.js'

const taxonomyNode = z.object({ code: z.string(), parentCode: z.string().nullable(), labelIt: z.string(), labelEn: z.string() })

export function taxonomyRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/taxonomy',
    { schema: { tags: ['taxonomy'], summary: 'The S3 technology priorities and trends, as one tree', response: { 200: z.object({ items: z.array(taxonomyNode) }) } } },
    async () => ({ items: await listTaxonomy(db) }),
  )
}
