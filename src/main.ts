import { buildApp } from './app.js'
import { loadConfig } from './platform/config.js'
import { openDatabase } from './platform/db.js'
import { migrate } from './platform/migrate.js'
import { seedIfEmpty } from './demo/seed.js'
import { loadReferenceData } from './reference.js'
import { runDailyJobs } from './daily.js'
import { loadConfiguredExpander } from './matchmaking/expander-plugin.js'

const config = loadConfig()
// Loaded first, so that a module that cannot serve stops the start-up before the database is touched. It only
// warns while answering queries, by which time the app (and its logger) exists.
const configuredExpander = await loadConfiguredExpander(config, (message) => app.log.warn(message))
const queryExpander = configuredExpander?.expander
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
await migrate(handle)
await loadReferenceData(handle.db)
const seeded = await seedIfEmpty(handle.db)
const app = await buildApp({ db: handle.db, config, logger: true, serveWeb: true, queryExpander })
if (configuredExpander) app.log.info({ expander: configuredExpander.description }, 'query expander plugged in')
app.log.info(
  { backend: handle.backend, demoData: seeded ? 'loaded into the empty database' : 'not loaded (database has data)' },
  'database ready',
)

const everySixHours = 6 * 3600 * 1000
const runDaily = (): void => {
  runDailyJobs(handle.db, config.publicUrl, queryExpander)
    .then((report) => app.log.info(report, 'daily jobs done'))
    .catch((error: unknown) => app.log.error({ err: error }, 'daily jobs failed'))
}
const dailyTimer = setInterval(runDaily, everySixHours)
runDaily()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(dailyTimer)
    void app.close().then(() => handle.close()).then(() => process.exit(0))
  })
}

await app.listen({ port: config.port, host: config.host })
