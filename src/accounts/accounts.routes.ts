import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../platform/errors.js'
import { languageCookie, sessionCookie, type AppContext } from '../platform/http.js'
import { authorize, requireSignedIn } from '../platform/policies.js'
import { uuid } from '../platform/validation.js'
import {
  confirmPasswordReset,
  getUserView,
  listUsers,
  requestPasswordReset,
  sessionLifetimeMs,
  setRoles,
  signIn,
  signOut,
  signUp,
  updateProfile,
} from './accounts.service.js'
import {
  profileBody,
  resetConfirmBody,
  resetRequestBody,
  rolesBody,
  signInBody,
  signUpBody,
  userListItem,
  userView,
} from './accounts.schema.js'
import { createThrottle } from './throttle.js'

const tags = ['accounts']

export function accountsRoutes(server: FastifyInstance, { db, config }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  const failedSignIns = createThrottle({ limit: 10, windowMs: 15 * 60_000 })
  const resetRequests = createThrottle({ limit: 5, windowMs: 15 * 60_000 })
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    maxAge: sessionLifetimeMs / 1000,
  }

  app.post('/auth/signup', { schema: { tags, body: signUpBody, response: { 201: z.object({ user: userView }) } } }, async (request, reply) => {
    const userId = await signUp(db, request.body)
    const session = await signIn(db, request.body)
    reply.setCookie(sessionCookie, session.token, cookieOptions)
    return reply.status(201).send({ user: await getUserView(db, userId) })
  })

  app.post('/auth/signin', { schema: { tags, body: signInBody, response: { 200: z.object({ user: userView }) } } }, async (request, reply) => {
    const throttleKey = `${request.ip}|${request.body.email}`
    if (failedSignIns.isBlocked(throttleKey)) throw new AppError('rate_limited')
    const session = await signIn(db, request.body).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'invalid_credentials') failedSignIns.recordFailure(throttleKey)
      throw error
    })
    failedSignIns.reset(throttleKey)
    const user = await getUserView(db, session.userId)
    reply.setCookie(sessionCookie, session.token, cookieOptions)
    reply.setCookie(languageCookie, user.locale, { path: '/', sameSite: 'lax', secure: config.secureCookies, maxAge: 365 * 24 * 3600 })
    return { user }
  })

  app.post('/auth/signout', { schema: { tags } }, async (request, reply) => {
    await signOut(db, request.cookies[sessionCookie])
    reply.clearCookie(sessionCookie, { path: '/' })
    return reply.status(204).send()
  })

  app.get('/auth/me', { schema: { tags, response: { 200: z.object({ user: userView.nullable() }) } } }, async (request) => {
    if (!request.actor) return { user: null }
    return { user: await getUserView(db, request.actor.userId) }
  })

  app.patch('/auth/me', { schema: { tags, body: profileBody, response: { 200: z.object({ user: userView }) } } }, async (request) => {
    requireSignedIn(request.actor)
    await updateProfile(db, request.actor.userId, request.body)
    return { user: await getUserView(db, request.actor.userId) }
  })

  app.post('/auth/password-reset', { schema: { tags, body: resetRequestBody } }, async (request, reply) => {
    const throttleKey = `${request.ip}|${request.body.email}`
    if (resetRequests.isBlocked(throttleKey)) throw new AppError('rate_limited')
    resetRequests.recordFailure(throttleKey)
    await requestPasswordReset(db, request.body.email, config.publicUrl)
    return reply.status(202).send({ status: 'queued' })
  })

  app.post('/auth/password-reset/confirm', { schema: { tags, body: resetConfirmBody } }, async (request, reply) => {
    await confirmPasswordReset(db, request.body.token, request.body.password)
    return reply.status(204).send()
  })

  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        querystring: z.object({ q: z.string().max(100).optional() }).strict(),
        response: { 200: z.object({ items: z.array(userListItem) }) },
      },
    },
    async (request) => {
      authorize(request.actor, { action: 'user.list' })
      return { items: await listUsers(db, { q: request.query.q, limit: 200 }) }
    },
  )

  app.put(
    '/admin/users/:id/roles',
    { schema: { tags, params: z.object({ id: uuid }), body: rolesBody, response: { 200: z.object({ user: userView }) } } },
    async (request) => {
      authorize(request.actor, { action: 'user.manageRoles' })
      await setRoles(db, request.actor.userId, request.params.id, request.body)
      return { user: await getUserView(db, request.params.id) }
    },
  )
}
