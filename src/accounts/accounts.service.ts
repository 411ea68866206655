import { sql } from 'kysely'
import type { Db } from '../platform/db.js'
import type { PlatformRole } from '../platform/database.js'
import { AppError, notFound } from '../platform/errors.js'
import { translate, type Locale } from '../platform/i18n.js'
import type { Actor } from '../platform/policies.js'
import { audit } from '../platform/audit.js'
import { hashPassword, hashToken, newToken, verifyPassword } from './password.js'

export const sessionLifetimeMs = 14 * 24 * 3600 * 1000
const resetLifetimeMs = 3600 * 1000

export type UserView = {
  id: string
  email: string
  fullName: string
  locale: Locale
  roles: PlatformRole[]
  organisations: { id: string; name: string; role: 'member' | 'admin' }[]
  managedClusters: { id: string; slug: string; nameIt: string; nameEn: string }[]
}

export async function signUp(
  db: Db,
  input: { email: string; password: string; fullName: string; locale: Locale },
): Promise<string> {
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', input.email.toLowerCase())
      .executeTakeFirst()
    if (existing) throw new AppError('email_taken', { field: 'email' })
    const user = await trx
      .insertInto('users')
      .values({ email: input.email.toLowerCase(), password_hash: passwordHash, full_name: input.fullName, locale: input.locale })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, user.id, 'user.signup', 'user', user.id)
    return user.id
  })
}

// A fixed hash to compare against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
let decoyHash: Promise<string> | undefined

export async function signIn(
  db: Db,
  input: { email: string; password: string },
): Promise<{ token: string; expiresAt: Date; userId: string }> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', input.email.toLowerCase())
    .executeTakeFirst()
  decoyHash ??= hashPassword('decoy password for timing')
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash))
  if (!user || !valid) throw new AppError('invalid_credentials')
  const token = newToken()
  const expiresAt = new Date(Date.now() + sessionLifetimeMs)
  await db.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<=', new Date()).execute()
  await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: user.id, expires_at: expiresAt }).execute()
  return { token, expiresAt, userId: user.id }
}

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (!token) return
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

export async function resolveActor(db: Db, token: string | undefined): Promise<Actor> {
  if (!token || token.length > 200) return null
  const session = await db
    .selectFrom('sessions')
    .select('user_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  if (!session) return null
  const userId = session.user_id
  const [roles, organisations, clusters] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute(),
    db.selectFrom('organisation_users').select(['organisation_id', 'role']).where('user_id', '=', userId).execute(),
    db.selectFrom('district_managers').select('cluster_id').where('user_id', '=', userId).execute(),
  ])
  return {
    userId,
    roles: roles.map((row) => row.role),
    organisationRoles: new Map(organisations.map((row) => [row.organisation_id, row.role])),
    managedClusterIds: new Set(clusters.map((row) => row.cluster_id)),
  }
}

export async function getUserView(db: Db, userId: string): Promise<UserView> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) throw notFound('entity.user')
  const [roles, organisations, clusters] = await Promise.all([
    db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute(),
    db
      .selectFrom('organisation_users')
      .innerJoin('organisations', 'organisations.id', 'organisation_users.organisation_id')
      .select(['organisations.id', 'organisations.legal_name', 'organisation_users.role'])
      .where('organisation_users.user_id', '=', userId)
      .orderBy('organisations.legal_name')
      .execute(),
    db
      .selectFrom('district_managers')
      .innerJoin('clusters', 'clusters.id', 'district_managers.cluster_id')
      .select(['clusters.id', 'clusters.slug', 'clusters.name_it', 'clusters.name_en'])
      .where('district_managers.user_id', '=', userId)
      .orderBy('clusters.position')
      .execute(),
  ])
  return {
    id: user.id,
    email: user.email,
    fullName: user.full_name,
    locale: user.locale,
    roles: roles.map((row) => row.role),
    organisations: organisations.map((row) => ({ id: row.id, name: row.legal_name, role: row.role })),
    managedClusters: clusters.map((row) => ({ id: row.id, slug: row.slug, nameIt: row.name_it, nameEn: row.name_en })),
  }
}

export async function updateProfile(
  db: Db,
  userId: string,
  changes: { fullName?: string | undefined; locale?: Locale | undefined },
): Promise<void> {
  const values: { full_name?: string; locale?: Locale } = {}
  if (changes.fullName !== undefined) values.full_name = changes.fullName
  if (changes.locale !== undefined) values.locale = changes.locale
  if (Object.keys(values).length === 0) return
  await db.updateTable('users').set(values).where('id', '=', userId).execute()
}

/**
 * Queues a reset link by e-mail. The answer is the same whether the address exists or not,
 * so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(db: Db, email: string, publicUrl: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locale'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  if (!user) return
  const token = newToken()
  const link = `${publicUrl}/reset-password?token=${token}`
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + resetLifetimeMs) })
      .execute()
    await trx
      .insertInto('outbox')
      .values({
        to_email: user.email,
        subject: translate(user.locale, 'mail.reset.subject'),
        body: translate(user.locale, 'mail.reset.body', { name: user.full_name, link }),
      })
      .execute()
  })
}

export async function confirmPasswordReset(db: Db, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password)
  await db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable('password_resets')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning('user_id')
      .executeTakeFirst()
    if (!reset) throw new AppError('token_invalid', { field: 'token' })
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute()
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute()
    await audit(trx, reset.user_id, 'user.password_reset', 'user', reset.user_id)
  })
}

export async function listUsers(
  db: Db,
  options: { q?: string | undefined; limit: number },
): Promise<{ id: string; email: string; fullName: string; roles: PlatformRole[]; managedClusters: { id: string; slug: string }[] }[]> {
  let query = db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.full_name'])
    .select(sql<PlatformRole[]>`coalesce((SELECT array_agg(role ORDER BY role) FROM user_roles WHERE user_roles.user_id = users.id), '{}')`.as('roles'))
    .select(
      sql<{ id: string; slug: string }[]>`coalesce((SELECT json_agg(json_build_object('id', c.id, 'slug', c.slug) ORDER BY c.slug)
        FROM district_managers d JOIN clusters c ON c.id = d.cluster_id WHERE d.user_id = users.id), '[]')`.as('managed_clusters'),
    )
    .orderBy('users.email')
    .limit(options.limit)
  if (options.q) {
    const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([eb(sql`lower(users.email)`, 'like', pattern), eb(sql`lower(users.full_name)`, 'like', pattern)]))
  }
  const rows = await query.execute()
  return rows.map((row) => ({ id: row.id, email: row.email, fullName: row.full_name, roles: row.roles, managedClusters: row.managed_clusters }))
}

export async function setRoles(
  db: Db,
  actorId: string,
  userId: string,
  input: { roles: PlatformRole[]; managedClusterIds: string[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
    if (!user) throw notFound('entity.user')
    if (input.managedClusterIds.length > 0) {
      const found = await trx.selectFrom('clusters').select('id').where('id', 'in', input.managedClusterIds).execute()
      if (found.length !== new Set(input.managedClusterIds).size) throw notFound('entity.cluster')
    }
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute()
    if (input.roles.length > 0) {
      await trx.insertInto('user_roles').values([...new Set(input.roles)].map((role) => ({ user_id: userId, role }))).execute()
    }
    await trx.deleteFrom('district_managers').where('user_id', '=', userId).execute()
    if (input.managedClusterIds.length > 0) {
      await trx
        .insertInto('district_managers')
        .values([...new Set(input.managedClusterIds)].map((clusterId) => ({ user_id: userId, cluster_id: clusterId })))
        .execute()
    }
    await audit(trx, actorId, 'user.roles', 'user', userId, input)
  })
}
