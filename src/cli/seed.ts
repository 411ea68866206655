import { demoAccounts, demoOrganisationCount, demoPassword, seedIfEmpty } from '../demo/seed.js'
import { loadReferenceData } from '../reference.js'
import { withDatabase, type Command } from './shared.js'

export const seedCommand: Command = {
  name: 'seed',
  summary: 'load the demo data into an empty database',
  usage: 'clock seed',
  options: {},
  run: async () => {
    await withDatabase(async (database) => {
      console.log(`Database: ${database.location}`)
      await loadReferenceData(database.db)
      if (!(await seedIfEmpty(database.db))) {
        console.log('The database already has organisations or users: no demo data was loaded.')
        return
      }
      console.log(`Demo data loaded: ${demoOrganisationCount} organisations and ${demoAccounts.length} accounts.`)
      console.log(`Demo accounts (password "${demoPassword}"): ${demoAccounts.map((account) => account.email).join(', ')}`)
    })
  },
}
