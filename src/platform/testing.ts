import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../app.js'
import { hashPassword } from '../accounts/password.js'
import type { QueryExpander } from '../matchmaking/query-expansion.js'
import { seedIfEmpty } from '../demo/seed.js'
import { loadReferenceData } from '../reference.js'
import { loadConfig } from './config.js'
import type { PlatformRole } from './database.js'
import { openDatabase, type Db, type DbHandle } from './db.js'
import { migrate } from './migrate.js'

export type TestContext = { app: FastifyInstance; db: Db; handle: DbHandle; close: () => Promise<void> }

/**
 * A fresh database for one test file: in-memory PGlite by default; with CLOCK_TEST_PG_ADMIN_URL (set by
 * `npm test` for its throwaway server) a new PostgreSQL database; with only DATABASE_URL, that database.
 */
export async function openTestDatabase(): Promise<DbHandle & { drop: () => Promise<void> }> {
  const adminUrl = process.env.CLOCK_TEST_PG_ADMIN_URL
  if (adminUrl) {
    const name = `clock_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const handle = await openDatabase({ databaseUrl: url.toString() })
    const drop = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      // pg's Pool.end() resolves once the first of its connections has closed, not the last: FORCE on a
      // connection still closing makes the server send it a FATAL that surfaces as an uncaught error.
      await waitForConnectionsToClose(client, name)
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    }
    return { ...handle, drop }
  }
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL })
  return { ...handle, drop: async () => {} }
}

async function waitForConnectionsToClose(admin: pg.Client, database: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database])
    if (rows[0]!.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export async function createTestContext(options: { demo?: boolean; queryExpander?: QueryExpander } = {}): Promise<TestContext> {
  const handle = await openTestDatabase()
  await migrate(handle)
  await loadReferenceData(handle.db)
  if (options.demo ?? true) await seedIfEmpty(handle.db)
  const config = { ...loadConfig({}), publicUrl: 'http://clock.test', logLevel: 'silent' }
  const app = await buildApp({ db: handle.db, config, queryExpander: options.queryExpander })
  await app.ready()
  return {
    app,
    db: handle.db,
    handle,
    close: async () => {
      await app.close()
      await handle.close()
      await handle.drop()
    },
  }
}

export type TestUser = { id: string; email: string; password: string }

let counter = 0

/** Creates a user straight in the database, with the given platform, organisation and district roles. */
export async function createUser(
  db: Db,
  options: {
    roles?: PlatformRole[]
    organisations?: { id: string; role: 'member' | 'admin' }[]
    managedClusterSlugs?: string[]
    locale?: 'it' | 'en'
  } = {},
): Promise<TestUser> {
  counter += 1
  const email = `user${counter}.${randomBytes(3).toString('hex')}@example.test`
  const password = 'correct horse battery staple'
  const user = await db
    .insertInto('users')
    .values({ email, password_hash: await hashPassword(password), full_name: `Test User ${counter}`, locale: options.locale ?? 'it' })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const role of options.roles ?? []) await db.insertInto('user_roles').values({ user_id: user.id, role }).execute()
  for (const organisation of options.organisations ?? []) {
    await db.insertInto('organisation_users').values({ user_id: user.id, organisation_id: organisation.id, role: organisation.role }).execute()
  }
  for (const slug of options.managedClusterSlugs ?? []) {
    const cluster = await db.selectFrom('clusters').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    await db.insertInto('district_managers').values({ user_id: user.id, cluster_id: cluster.id }).execute()
  }
  return { id: user.id, email, password }
}

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signInAs(app: FastifyInstance, user: { email: string; password: string }): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: user.email, password: user.password } })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`)
  return cookieHeader(response)
}

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

export async function anyOrganisationId(db: Db, offset = 0): Promise<string> {
  const row = await db.selectFrom('organisations').select('id').orderBy('legal_name').offset(offset).limit(1).executeTakeFirstOrThrow()
  return row.id
}

const fingerprintTables = [
  'organisations',
  'organisation_competences',
  'organisation_contacts',
  'memberships',
  'users',
  'user_roles',
  'organisation_users',
  'district_managers',
  'clusters',
  'cluster_priorities',
  'password_resets',
  'calls',
  'call_lines',
  'call_attachments',
  'proposals',
  'proposal_partners',
  'proposal_versions',
  'evaluator_profiles',
  'proposal_providers',
  'evaluation_conflicts',
  'evaluation_assignments',
  'evaluation_reports',
  'evaluation_consensus',
  'budget_moves',
  'grant_decisions',
  'grant_partners',
  'research_contracts',
  'grant_payments',
  'events',
  'event_organisers',
  'event_coorganisers',
  'event_taxonomy',
  'event_registrations',
  'event_feed_tokens',
  'brokerages',
  'brokerage_participants',
  'brokerage_participant_profiles',
  'brokerage_requests',
  'brokerage_meetings',
  'profiles',
  'profile_taxonomy',
  'profile_interests',
  'interest_steps',
  'interest_messages',
  'profile_routings',
  'profile_forwards',
  'notifications',
  'past_projects',
  'past_participants',
  'eu_topics',
  'eu_topic_flags',
] as const

/** A digest of every business table's content: equal before and after means nothing changed. */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const digest: Record<string, string> = {}
  for (const table of fingerprintTables) {
    const result = await sql<{ digest: string | null; rows: number }>`
      SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*)::int AS rows FROM ${sql.table(table)} t`.execute(db)
    const row = result.rows[0]
    digest[table] = `${row?.rows}:${row?.digest}`
  }
  return digest
}
