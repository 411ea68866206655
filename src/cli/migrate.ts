import { loadReferenceData } from '../reference.js'
import { withDatabase, type Command } from './shared.js'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply database migrations and load the reference data',
  usage: 'clock migrate',
  options: {},
  run: async () => {
    await withDatabase(async (database) => {
      console.log(`Database: ${database.location}`)
      if (database.migrationsApplied.length === 0) console.log('Migrations: already up to date.')
      else console.log(`Migrations applied: ${database.migrationsApplied.join(', ')}`)
      await loadReferenceData(database.db)
      const counts = await Promise.all(
        (['taxonomy_nodes', 'regions', 'provinces', 'clusters'] as const).map(async (table) => {
          const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
          return `${Number(row.n)} ${table.replace('_', ' ')}`
        }),
      )
      console.log(`Reference data loaded: ${counts.join(', ')}.`)
    })
  },
}
