import { formatH2020Report, importH2020Organisations } from '../organisations/h2020-import.js'
import { UsageError, withDatabase, type Command } from './shared.js'

export const importCommand: Command = {
  name: 'import',
  summary: 'import organisations from an external source (h2020-orgs: CORDIS H2020 organisations)',
  usage: 'clock import h2020-orgs FILE\n  FILE: the CORDIS H2020 organisations CSV, plain or gzipped (e.g. stacked_dump.csv.gz)',
  options: {},
  run: async (args) => {
    const [kind, file, ...rest] = args.positionals
    if (kind !== 'h2020-orgs') throw new UsageError(kind ? `unknown import kind "${kind}"` : 'missing the import kind')
    if (!file) throw new UsageError('missing FILE')
    if (rest.length > 0) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`)
    await withDatabase(async (database) => {
      console.log(`Database: ${database.location}`)
      console.log(`Importing CORDIS H2020 organisations from ${file}...`)
      const report = await importH2020Organisations(database.db, file)
      console.log(formatH2020Report(report))
    })
  },
}
