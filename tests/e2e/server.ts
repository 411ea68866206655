import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { build } from 'vite'
import { buildApp } from '../../src/app.js'
import { seedIfEmpty } from '../../src/demo/seed.js'
import { loadConfig } from '../../src/platform/config.js'
import { openDatabase, type Db } from '../../src/platform/db.js'
import { migrate } from '../../src/platform/migrate.js'
import { loadReferenceData } from '../../src/reference.js'

/** `app` and `db` let a test set up, through the API or the database, what is slow to click through. */
export type TestServer = { url: string; app: FastifyInstance; db: Db; close: () => Promise<void> }

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))
const webSource = join(projectRoot, 'web')
const builtIndex = join(process.env.CLOCK_WEB_DIST ?? join(projectRoot, 'web/dist'), 'index.html')

function newestChange(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(stats.mtimeMs, ...readdirSync(path).filter((name) => name !== 'dist').map((name) => newestChange(join(path, name))))
}

// The server's sources that the web bundle includes, the plain word lists named *-terms.ts and the Rome clock (see
// ARCHITECTURE.md); the others it imports are types only.
const sharedWithWeb = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('-terms.ts') || path === join('platform', 'rome-time.ts'))
  .map((path) => join(projectRoot, 'src', path))

/** The server serves web/dist: build it when it is missing or older than the sources (the test runner usually has). */
export async function ensureWebBuilt(): Promise<void> {
  const newestSource = Math.max(newestChange(webSource), ...sharedWithWeb.map(newestChange))
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource) return
  await build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' })
}

/** The real application on a fresh in-memory database with the reference and demo data, on a free port. */
export async function startServer(): Promise<TestServer> {
  await ensureWebBuilt()
  const handle = await openDatabase({})
  await migrate(handle)
  await loadReferenceData(handle.db)
  await seedIfEmpty(handle.db)
  // Plain HTTP on 127.0.0.1: the session cookie must not be marked Secure.
  const config = loadConfig({ ...process.env, PORT: '0', CLOCK_SECURE_COOKIES: 'false', LOG_LEVEL: 'warn' })
  const app = await buildApp({ db: handle.db, config, serveWeb: true })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db: handle.db,
    close: async () => {
      await app.close()
      await handle.close()
    },
  }
}
