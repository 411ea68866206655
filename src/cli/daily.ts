import { loadConfig } from '../platform/config.js'
import { runDailyJobs } from '../daily.js'
import { loadConfiguredExpander } from '../matchmaking/expander-plugin.js'
import { withDatabase, type Command } from './shared.js'

export const dailyCommand: Command = {
  name: 'daily',
  summary: 'run the daily jobs now: expire lapsed marketplace profiles, queue expiry reminders',
  usage: 'clock daily',
  options: {},
  run: async () => {
    await withDatabase(async ({ db }) => {
      const config = loadConfig()
      const expander = (await loadConfiguredExpander(config, (message) => console.warn(message)))?.expander
      const report = await runDailyJobs(db, config.publicUrl, expander)
      console.log(`profiles expired: ${report.profilesExpired}, expiry reminders queued: ${report.remindersQueued}, needs routed: ${report.needsRouted}, digests queued: ${report.digestsQueued}, six-month follow-ups asked: ${report.laterFollowUpsAsked}`)
    })
  },
}
