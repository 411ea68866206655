// What every `npm run bench:*` that seeds a database shares: which backends to measure, a throwaway PGlite
// folder, a sibling PostgreSQL database (on DATABASE_URL's server or a throwaway one), and the options to keep a
// seeded PostgreSQL database and measure it again without seeding it while tuning.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { openDatabase, type DbHandle } from '../src/platform/db.js'
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js'

export type BenchOptions = {
  /** BENCH_BACKENDS=pglite,postgres (the default) or either one, e.g. only PostgreSQL while tuning. */
  backends: readonly string[]
  /** BENCH_KEEP=1 with DATABASE_URL: keep the seeded sibling database, to look at its plans afterwards. */
  keep: boolean
  /** BENCH_REUSE_URL: measure again on a database kept by BENCH_KEEP=1, without seeding it (PostgreSQL only). */
  reuseUrl: string | undefined
}

function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  return {
    backends: (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((name) => name.trim()),
    keep: env.BENCH_KEEP === '1',
    reuseUrl: env.BENCH_REUSE_URL || undefined,
  }
}

/**
 * The throwaway server of a bench is sized as a server for this data would be: the packaged default of 128 MB of
 * shared buffers holds a tenth of the matchmaking bench's gigabyte, so most reads would come from the operating
 * system's cache (measured on a kept database: recommendation p95 about 5 % higher). A server given in
 * DATABASE_URL is measured with its own settings.
 */
const benchServerSettings = ["shared_buffers = '512MB'"]

/** Errors from a bulk statement carry the whole statement: the message's start is enough. */
function shortMessage(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 2000) : String(error)
}

async function onPglite<T>(run: (label: string, handle: DbHandle) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'clock-bench-pglite-'))
  const handle = await openDatabase({ dataDir: folder })
  try {
    return await run('PGlite (on disk)', handle)
  } finally {
    await handle.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

/**
 * Runs on a fresh sibling database named `name` (never seeding fake rows into the configured database itself),
 * or on BENCH_REUSE_URL's database; the reason as a string when no PostgreSQL could be reached.
 */
async function onPostgres<T>(
  name: string,
  options: BenchOptions,
  run: (label: string, handle: DbHandle, reused: boolean) => Promise<T>,
): Promise<T | string> {
  if (options.reuseUrl) {
    const handle = await openDatabase({ databaseUrl: options.reuseUrl })
    try {
      return await run('PostgreSQL (reused)', handle, true)
    } finally {
      await handle.close()
    }
  }
  let server: ThrowawayPostgres | null = null
  let adminUrl = process.env.DATABASE_URL
  try {
    if (!adminUrl) {
      server = await startThrowawayPostgres(benchServerSettings)
      adminUrl = server.url
    }
    const url = await createDatabase(adminUrl, name)
    const handle = await openDatabase({ databaseUrl: url })
    try {
      return await run('PostgreSQL', handle, false)
    } finally {
      await handle.close()
      if (options.keep && server === null) console.log(`(kept database ${name}: measure it again with BENCH_REUSE_URL set to DATABASE_URL naming that database)`)
      else await dropDatabase(adminUrl, name)
    }
  } catch (error) {
    return `failed: ${shortMessage(error)}`
  } finally {
    await server?.stop()
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: adminUrl })
  try {
    await sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).execute(admin.db)
  } finally {
    await admin.close()
  }
}

/**
 * Runs `run` on each backend BENCH_BACKENDS names (PGlite first) and hands each result to `report`, told whether
 * it comes from PostgreSQL (where the targets apply). A PGlite failure ends the process; a PostgreSQL one is
 * said and sets the exit code.
 */
export async function runOnBackends<T>(
  databaseName: string,
  run: (label: string, handle: DbHandle, reused: boolean) => Promise<T>,
  report: (result: T, onPostgreSQL: boolean) => void,
): Promise<void> {
  const options = benchOptions()
  if (options.backends.includes('pglite')) {
    const result = await onPglite((label, handle) => run(label, handle, false)).catch((error: unknown) => {
      console.error(`\nPGlite bench failed: ${shortMessage(error)}`)
      process.exit(1)
    })
    report(result, false)
  }
  if (options.backends.includes('postgres')) {
    const result = await onPostgres(databaseName, options, run)
    if (typeof result === 'string') {
      console.log(`\n== PostgreSQL: not benchmarked (${result}).`)
      process.exitCode = 1
    } else report(result, true)
  }
}

/**
 * As autovacuum leaves tables after a bulk load (PostgreSQL 13+ vacuums insert-only tables too): statistics, the
 * visibility map that index-only scans need, and the GIN indexes' pending lists merged. Measuring before that
 * measures the load.
 */
export async function settle(handle: DbHandle): Promise<void> {
  await sql`VACUUM ANALYZE`.execute(handle.db)
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}
