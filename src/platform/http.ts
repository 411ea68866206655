import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { QueryExpander } from '../matchmaking/query-expansion.js'
import type { Config } from './config.js'
import type { Db } from './db.js'
import { AppError } from './errors.js'
import { fieldLabel, pickLocale, translate, type Locale } from './i18n.js'
import type { Actor } from './policies.js'

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale
    actor: Actor
  }
}

/** What every route module gets: the database, the configuration and the search's query expander (pluggable, see config.ts). */
export type AppContext = { db: Db; config: Config; queryExpander: QueryExpander }
export type App = FastifyInstance & { withTypeProvider: () => FastifyInstance }
export type RouteModule = (app: FastifyInstance, context: AppContext) => Promise<void> | void

export const sessionCookie = 'clock_session'
export const languageCookie = 'clock_lang'
// CLOCK_WEB_DIST: another build folder, so that parallel test runs need not share one.
const webDist = process.env.CLOCK_WEB_DIST ?? fileURLToPath(new URL('../../web/dist/', import.meta.url))

export type ErrorBody = { error: { code: string; message: string; field?: string } }

export async function buildHttpServer(options: {
  context: AppContext
  routes: RouteModule[]
  resolveActor: (db: Db, sessionToken: string | undefined) => Promise<Actor>
  logger: boolean
  serveWeb: boolean
}): Promise<FastifyInstance> {
  const { context } = options
  const app = Fastify({
    logger: options.logger
      ? {
          level: context.config.logLevel,
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          serializers: {
            // Personal calendar feeds carry their secret in the path.
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: request.url.replace(/(\/feeds\/user\/)[^/?]+/, '$1[redacted]'),
            }),
          },
        }
      : false,
    bodyLimit: 256 * 1024,
    trustProxy: true,
  })
  // The API speaks JSON only; anything else is refused with 415 before it reaches a route.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(fastifyCookie)
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'CLOCK API',
        description: 'Cluster Of Clusters for Knowledge: districts, clusters, organisations and accounts.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  app.decorateRequest('locale', 'it')
  app.decorateRequest('actor', null)
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.cookies[languageCookie], request.headers['accept-language'])
    request.actor = await options.resolveActor(context.db, request.cookies[sessionCookie])
  })
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'same-origin')
    reply.header('X-Frame-Options', 'DENY')
  })

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply))

  const typed = app.withTypeProvider<ZodTypeProvider>()
  await app.register(async (api) => {
    for (const routes of options.routes) await routes(api, context)
  }, { prefix: '/api' })

  typed.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }))

  if (options.serveWeb && existsSync(`${webDist}/index.html`)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false })
    app.get('/assets/*', (request, reply) => reply.sendFile(request.url.replace(/^\//, '').split('?')[0] ?? ''))
  }
  app.setNotFoundHandler((request, reply) => {
    // Only the app's own paths fall back to index.html: a missing script under /assets/ (one a new release
    // replaced) must fail as such, not load a page in its place.
    if (request.url.startsWith('/api') || request.url.startsWith('/assets/') || !options.serveWeb || !existsSync(`${webDist}/index.html`)) {
      return sendError(new AppError('not_found', { params: { entity: translate(request.locale, 'entity.route') } }), request, reply)
    }
    return reply.type('text/html').sendFile('index.html')
  })
  return app
}

function sendError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toErrorBody(error, request)
  if (body.status >= 500) request.log.error({ err: error }, 'request failed')
  return reply.status(body.status).send({ error: body.error } satisfies ErrorBody)
}

function toErrorBody(error: FastifyError | AppError, request: FastifyRequest): { status: number } & ErrorBody {
  const locale = request.locale ?? 'it'
  const appError = asAppError(error, locale)
  if (!appError) {
    return { status: 500, error: { code: 'internal', message: translate(locale, 'error.internal') } }
  }
  const params = { ...appError.params }
  if (typeof params.entity === 'string' && params.entity.startsWith('entity.')) params.entity = translate(locale, params.entity)
  let message = translate(locale, appError.messageKey, params)
  if (appError.field && appError.messageKey.startsWith('validation.')) {
    message = translate(locale, 'validation.field', { field: fieldLabel(locale, appError.field), problem: message })
  }
  const body: ErrorBody['error'] = { code: appError.code, message }
  if (appError.field) body.field = appError.field
  return { status: appError.status, error: body }
}

function asAppError(error: FastifyError | AppError, _locale: Locale): AppError | undefined {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) return fromSchemaValidation(error)
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json')
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type')
  }
  if (error instanceof SyntaxError) return new AppError('malformed_json')
  if ((error as { code?: string }).code === '23505') return new AppError('conflict')
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('validation_failed')
  }
  return undefined
}

type SchemaIssue = { keyword: string; instancePath: string; params: Record<string, unknown> }

function fromSchemaValidation(error: { validation: SchemaIssue[] }): AppError {
  const issue = error.validation[0] as SchemaIssue
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const { params } = issue
  const origin = typeof params.origin === 'string' ? params.origin : 'string'
  const kind = origin === 'number' || origin === 'bigint' || origin === 'int' ? 'number' : origin === 'array' ? 'array' : 'string'
  let messageKey = 'validation.invalid_value'
  const messageParams: Record<string, string | number> = {}
  switch (issue.keyword) {
    case 'invalid_type':
      messageKey = params.input === undefined ? 'validation.required' : 'validation.invalid_type'
      messageParams.expected = String(params.expected ?? '')
      break
    case 'too_big':
      messageKey = `validation.too_big.${kind}`
      messageParams.maximum = Number(params.maximum)
      break
    case 'too_small':
      messageKey = `validation.too_small.${kind}`
      messageParams.minimum = Number(params.minimum)
      break
    case 'unrecognized_keys':
      messageKey = 'validation.unrecognized_keys'
      break
    case 'invalid_format':
      messageKey = 'validation.invalid_format'
      messageParams.format = String(params.format ?? '')
      break
    case 'custom':
      messageKey = typeof params.params === 'object' && params.params && 'messageKey' in params.params
        ? String((params.params as { messageKey: unknown }).messageKey)
        : 'validation.invalid_value'
      break
  }
  const keys = Array.isArray(params.keys) ? (params.keys as string[]) : []
  const field = issue.keyword === 'unrecognized_keys' && keys.length > 0 ? [path, keys[0]].filter(Boolean).join('.') : path
  return new AppError('validation_failed', { messageKey, params: messageParams, field: field || '(body)' })
}
