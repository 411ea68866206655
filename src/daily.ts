import { askLaterFollowUps } from './events/brokerage/later-follow-up.service.js'
import { expireDueProfiles, remindExpiringProfiles } from './matchmaking/profiles.service.js'
import type { QueryExpander } from './matchmaking/query-expansion.js'
import { routePendingNeeds } from './matchmaking/recommend/routing.js'
import { queueDigests } from './notifications/notifications.service.js'
import type { Db } from './platform/db.js'

export type DailyReport = { profilesExpired: number; remindersQueued: number; needsRouted: number; digestsQueued: number; laterFollowUpsAsked: number }

/** The jobs that keep dated things true: the server runs them every few hours, `clock daily` on demand. */
export async function runDailyJobs(db: Db, publicUrl: string, queryExpander?: QueryExpander): Promise<DailyReport> {
  const profilesExpired = await expireDueProfiles(db)
  const remindersQueued = await remindExpiringProfiles(db, publicUrl)
  const needsRouted = await routePendingNeeds(db, queryExpander)
  const laterFollowUpsAsked = await askLaterFollowUps(db, publicUrl)
  const digestsQueued = await queueDigests(db, publicUrl)
  return { profilesExpired, remindersQueued, needsRouted, digestsQueued, laterFollowUpsAsked }
}
