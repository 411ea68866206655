import { expireDueProfiles, remindExpiringProfiles } from './matchmaking/profiles.service.js'
import type { Db } from './platform/db.js'

export type DailyReport = { profilesExpired: number; remindersQueued: number }

/** The jobs that keep dated things true: the server runs them every few hours, `clock daily` on demand. */
export async function runDailyJobs(db: Db, publicUrl: string): Promise<DailyReport> {
  const profilesExpired = await expireDueProfiles(db)
  const remindersQueued = await remindExpiringProfiles(db, publicUrl)
  return { profilesExpired, remindersQueued }
}
