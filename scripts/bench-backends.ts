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

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  return {
    backends: (env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((name) => name.trim()),
    keep: env.BENCH_KEEP === '1',
    reuseUrl: env.BENCH_REUSE_URL || undefined,
  }
}

/** Errors from a bulk statement carry the whole statement: the message's start is enough. */
export function shortMessage(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 2000) : String(error)
}

export async function onPglite<T>(run: (label: string, handle: DbHandle) => Promise<T>): Promise<T> {
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
export async function onPostgres<T>(
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
      server = await startThrowawayPostgres()
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

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN
}
