import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../platform/http.js'

export function matchmakingRoutes(_server: FastifyInstance, _context: AppContext): void {}
