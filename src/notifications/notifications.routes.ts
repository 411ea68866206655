import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { unauthenticated } from '../platform/errors.js'
import type { AppContext } from '../platform/http.js'
import { uuid } from '../platform/validation.js'
import { listNotifications, markRead } from './notifications.service.js'

const tags = ['notifications']
const notification = z.object({ id: z.string(), kind: z.string(), text: z.string(), link: z.string(), createdAt: z.string(), read: z.boolean() })

export function notificationsRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/notifications',
    { schema: { tags, summary: 'My latest notifications, in my language, and how many are unread', response: { 200: z.object({ items: z.array(notification), unread: z.number() }) } } },
    async (request) => {
      if (!request.actor) throw unauthenticated()
      return listNotifications(db, request.actor.userId, request.locale)
    },
  )

  app.post(
    '/notifications/read',
    { schema: { tags, summary: 'Mark one notification read, or all of them', body: z.object({ id: uuid.optional() }).strict(), response: { 200: z.object({ updated: z.number() }) } } },
    async (request) => {
      if (!request.actor) throw unauthenticated()
      return { updated: await markRead(db, request.actor.userId, request.body.id) }
    },
  )
}
