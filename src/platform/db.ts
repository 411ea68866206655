import { mkdirSync } from 'node:fs'
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import type { Database } from './database.js'

export type Db = Kysely<Database>
export type DbBackend = 'pglite' | 'postgres'
export type DbHandle = {
  db: Db
  backend: DbBackend
  /** Runs a script of several statements (migrations, bulk loads) outside Kysely. */
  execScript: (script: string) => Promise<void>
  close: () => Promise<void>
}

const INT8 = 20
const DATE = 1082

// Both backends hand back the same JavaScript shapes: counts and ids as numbers, calendar dates as 'YYYY-MM-DD'.
pg.types.setTypeParser(INT8, (value: string) => Number(value))
pg.types.setTypeParser(DATE, (value: string) => value)

// The platform's days are days in Rome: with the sessions on Rome's clock, `current_date` in SQL is the same
// day as `romeDate()` in TypeScript, also between midnight in Rome and midnight UTC.
const timeZone = 'Europe/Rome'

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl)
  return openPglite(options.dataDir)
}

function openPostgres(connectionString: string): DbHandle {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // Queued before any other query of a new connection (pg runs a client's queries in order). A SET rather than
  // a startup option, which connection poolers such as PgBouncer may refuse.
  pool.on('connect', (client) => {
    client.query(`SET TIME ZONE '${timeZone}'`).catch((error: unknown) => console.error(`database: cannot set the time zone: ${error instanceof Error ? error.message : String(error)}`))
  })
  // An idle connection dropped by the server (restart, failover) must not take the process down: the pool
  // discards it and the next query opens a new one.
  pool.on('error', (error) => console.error(`database: idle connection lost: ${error.message}`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const execScript = async (script: string): Promise<void> => {
    await pool.query(script)
  }
  return { db, backend: 'postgres', execScript, close: () => db.destroy() }
}

async function openPglite(dataDir?: string): Promise<DbHandle> {
  // PGlite creates only the last folder of the path; on a fresh clone `.clock-data/` does not exist yet.
  if (dataDir !== undefined && !dataDir.includes('://')) mkdirSync(dataDir, { recursive: true })
  const client = await PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent },
    parsers: {
      [INT8]: (value: string) => Number(value),
      [DATE]: (value: string) => value,
      [pgliteTypes.TIMESTAMPTZ]: (value: string) => new Date(value),
    },
  })
  await client.exec(`SET TIME ZONE '${timeZone}'`)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(client) }) })
  const execScript = async (script: string): Promise<void> => {
    await client.exec(script)
  }
  return { db, backend: 'pglite', execScript, close: () => db.destroy() }
}

/**
 * PGlite is one connection. Kysely's Postgres driver wants a pool, so this pool hands out that single
 * connection to one borrower at a time: a transaction holds it until commit or rollback.
 */
function pglitePool(client: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve()
  const connection = (release: () => void): PostgresPoolClient => ({
    async query(sql: string, parameters: readonly unknown[]) {
      const result = await client.query(sql, parameters as unknown[])
      return {
        command: commandOf(sql),
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      }
    },
    release,
  }) as unknown as PostgresPoolClient
  return {
    connect() {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const ready = queue.then(() => connection(release))
      queue = queue.then(() => turn)
      return ready
    },
    async end() {
      await queue
      await client.close()
    },
  }
}

function commandOf(sql: string): string {
  const word = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? ''
  if (word === 'WITH') return /\b(INSERT|UPDATE|DELETE)\b/i.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT'
  return word
}
