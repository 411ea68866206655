import { sql } from 'kysely'
import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField } from '../../platform/errors.js'
import { districtManagerIds, notify } from '../../notifications/notifications.service.js'
import type { QueryExpander } from '../query-expansion.js'
import { recommendForProfile } from './recommend.service.js'
import { isRequest } from './score.js'

/** A district hears of a need when at least one of its members scores this well for it. */
export const routingMinScore = 45
/** How many of the best-matching organisations are looked at when routing a need. */
const routingCandidates = 60

export type Routing = { clusterId: string; matches: number; bestScore: number }

/** Groups the good matches by the districts they belong to, leaving out the district where the need was posted. */
export function districtsToTell(
  postingClusterId: string,
  matches: readonly { districtIds: readonly string[]; score: number }[],
  minScore = routingMinScore,
): Routing[] {
  const byDistrict = new Map<string, Routing>()
  for (const match of matches) {
    if (match.score < minScore) continue
    for (const clusterId of new Set(match.districtIds)) {
      if (clusterId === postingClusterId) continue
      const routing = byDistrict.get(clusterId) ?? { clusterId, matches: 0, bestScore: 0 }
      routing.matches += 1
      routing.bestScore = Math.max(routing.bestScore, match.score)
      byDistrict.set(clusterId, routing)
    }
  }
  return [...byDistrict.values()].sort((a, b) => b.bestScore - a.bestScore || (a.clusterId < b.clusterId ? -1 : 1))
}

/**
 * Tells the managers of other districts about a newly published need their members match well: an in-app
 * notification now, and the daily digest later. Runs once per need; returns the districts told.
 */
export async function routeNeed(db: Db, profileId: string, expander?: QueryExpander): Promise<Routing[]> {
  const profile = await db
    .selectFrom('profiles')
    .innerJoin('clusters', 'clusters.id', 'profiles.cluster_id')
    .select(['profiles.id', 'profiles.kind', 'profiles.status', 'profiles.title', 'profiles.cluster_id', 'profiles.routed_at', 'clusters.name_it', 'clusters.name_en'])
    .where('profiles.id', '=', profileId)
    .executeTakeFirst()
  if (!profile || profile.status !== 'published' || !isRequest(profile.kind) || profile.routed_at !== null) return []
  const { organisations } = await recommendForProfile(db, profileId, { limit: routingCandidates, expander })
  const routings = districtsToTell(profile.cluster_id, organisations)
  await db.transaction().execute(async (trx) => {
    // Whoever gets here first routes the need; a concurrent run finds routed_at set and does nothing.
    const claimed = await trx.updateTable('profiles').set({ routed_at: new Date() }).where('id', '=', profileId).where('routed_at', 'is', null).executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return
    for (const routing of routings) {
      await trx.insertInto('profile_routings').values({ profile_id: profileId, cluster_id: routing.clusterId, matches: routing.matches, best_score: routing.bestScore }).execute()
      const managers = await districtManagerIds(trx, routing.clusterId)
      await notify(
        trx,
        managers,
        'need_routed',
        { title: profile.title, from: { it: profile.name_it, en: profile.name_en }, matches: routing.matches },
        `/marketplace/profiles/${profileId}?district=${routing.clusterId}`,
      )
    }
    await audit(trx, null, 'profile.route', 'profile', profileId, { districts: routings.map((routing) => routing.clusterId) })
  })
  return routings
}

/** For the daily job: routes the published needs that were not routed (an approval whose routing failed). */
export async function routePendingNeeds(db: Db, expander?: QueryExpander): Promise<number> {
  const pending = await sql<{ id: string }>`
    SELECT id FROM profiles WHERE status = 'published' AND routed_at IS NULL AND expires_on >= current_date
      AND kind IN ('technology_request', 'rd_partner_request', 'business_request', 'finance_request')
    ORDER BY published_at, id LIMIT 500`.execute(db)
  let routed = 0
  for (const { id } of pending.rows) {
    await routeNeed(db, id, expander)
    routed += 1
  }
  return routed
}

/** A district manager points a published need out to an organisation; its users are told. */
export async function forwardNeed(
  db: Db,
  actor: { userId: string; managedClusterIds: ReadonlySet<string> },
  profileId: string,
  organisationId: string,
  note: string,
): Promise<void> {
  const profile = await db.selectFrom('profiles').select(['id', 'title', 'status', 'organisation_id']).where('id', '=', profileId).executeTakeFirst()
  if (!profile || profile.status !== 'published') throw new AppError('conflict', { messageKey: 'error.profile_not_open' })
  if (profile.organisation_id === organisationId) throw invalidField('organisationId', 'validation.forward_to_owner')
  const target = await db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst()
  if (!target) throw invalidField('organisationId', 'validation.unknown_organisation')
  const managed = [...actor.managedClusterIds]
  const membership = await db
    .selectFrom('memberships')
    .select('cluster_id')
    .where('organisation_id', '=', organisationId)
    .where('cluster_id', 'in', managed.length > 0 ? managed : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('cluster_id')
    .executeTakeFirst()
  const clusterId = membership?.cluster_id ?? managed.sort()[0]
  if (clusterId === undefined) throw new AppError('forbidden')
  const manager = await db.selectFrom('users').select('full_name').where('id', '=', actor.userId).executeTakeFirstOrThrow()
  const district = await db.selectFrom('clusters').select(['name_it', 'name_en']).where('id', '=', clusterId).executeTakeFirstOrThrow()
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('profile_forwards')
      .values({ profile_id: profileId, organisation_id: organisationId, cluster_id: clusterId, forwarded_by: actor.userId, note })
      .onConflict((conflict) => conflict.columns(['profile_id', 'organisation_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) throw new AppError('conflict', { messageKey: 'error.already_forwarded' })
    const users = await trx.selectFrom('organisation_users').select('user_id').where('organisation_id', '=', organisationId).execute()
    await notify(
      trx,
      users.map((user) => user.user_id),
      'need_forwarded',
      { title: profile.title, by: manager.full_name, district: { it: district.name_it, en: district.name_en } },
      `/marketplace/profiles/${profileId}`,
    )
    await audit(trx, actor.userId, 'profile.forward', 'profile', profileId, { organisationId, note })
  })
}
