import type { FastifyInstance } from 'fastify'
import { accountsRoutes } from './accounts/accounts.routes.js'
import { resolveActor } from './accounts/accounts.service.js'
import { callsRoutes } from './calls/calls.routes.js'
import { evaluationRoutes } from './calls/evaluation/evaluation.routes.js'
import { fundingRoutes } from './calls/funding/funding.routes.js'
import { attachmentsRoutes } from './calls/attachments/attachments.routes.js'
import { districtsRoutes } from './districts/districts.routes.js'
import { brokerageRoutes } from './events/brokerage/brokerage.routes.js'
import { eventsRoutes } from './events/events.routes.js'
import { matchmakingRoutes } from './matchmaking/matchmaking.routes.js'
import type { QueryExpander } from './matchmaking/query-expansion.js'
import { recommendRoutes } from './matchmaking/recommend/recommend.routes.js'
import { consortiumRoutes } from './matchmaking/consortium/consortium.routes.js'
import { defaultQueryExpander } from './matchmaking/search.js'
import { notificationsRoutes } from './notifications/notifications.routes.js'
import { opportunitiesRoutes } from './opportunities/opportunities.routes.js'
import { organisationsRoutes } from './organisations/organisations.routes.js'
import type { Config } from './platform/config.js'
import type { Db } from './platform/db.js'
import { buildHttpServer } from './platform/http.js'
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.js'

/** The whole HTTP application: every domain's routes under /api, the web app at /. */
export function buildApp(options: { db: Db; config: Config; logger?: boolean; serveWeb?: boolean; queryExpander?: QueryExpander }): Promise<FastifyInstance> {
  return buildHttpServer({
    context: { db: options.db, config: options.config, queryExpander: options.queryExpander ?? defaultQueryExpander },
    routes: [accountsRoutes, districtsRoutes, taxonomyRoutes, organisationsRoutes, matchmakingRoutes, recommendRoutes, consortiumRoutes, notificationsRoutes, callsRoutes, attachmentsRoutes, evaluationRoutes, fundingRoutes, eventsRoutes, brokerageRoutes, opportunitiesRoutes],
    resolveActor,
    logger: options.logger ?? false,
    serveWeb: options.serveWeb ?? false,
  })
}
