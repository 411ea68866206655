import { formatCordisReport, importCordisProjects } from '../matchmaking/consortium/cordis-import.js'
import { formatEuTopicReport, importEuTopics } from '../opportunities/eu-topics-import.js'
import { formatH2020Report, importH2020Organisations } from '../organisations/h2020-import.js'
import { UsageError, withDatabase, type Command } from './shared.js'

export const importCommand: Command = {
  name: 'import',
  summary:
    'import from an external source (h2020-orgs: CORDIS H2020 organisations; cordis-projects: past projects and their participants; eu-topics: EU Funding & Tenders topics)',
  usage:
    'clock import h2020-orgs FILE\n  FILE: the CORDIS H2020 organisations CSV, plain or gzipped (e.g. stacked_dump.csv.gz)\n' +
    'clock import cordis-projects DIR\n  DIR: a folder with projects.csv.gz and participations.csv.gz (the consortium-benchmark format)\n' +
    'clock import eu-topics FILE\n  FILE: the EU Funding & Tenders topics, JSON Lines, plain or gzipped (e.g. topics.jsonl.gz)',
  options: {},
  run: async (args) => {
    const [kind, file, ...rest] = args.positionals
    if (kind !== 'h2020-orgs' && kind !== 'cordis-projects' && kind !== 'eu-topics') throw new UsageError(kind ? `unknown import kind "${kind}"` : 'missing the import kind')
    if (!file) throw new UsageError(kind === 'cordis-projects' ? 'missing DIR' : 'missing FILE')
    if (rest.length > 0) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`)
    if (kind === 'eu-topics') {
      await withDatabase(async (database) => {
        console.log(`Database: ${database.location}`)
        console.log(`Importing EU Funding & Tenders topics from ${file}...`)
        console.log(formatEuTopicReport(await importEuTopics(database.db, file)))
      })
      return
    }
    if (kind === 'cordis-projects') {
      await withDatabase(async (database) => {
        console.log(`Database: ${database.location}`)
        console.log(`Importing past projects and participations from ${file}...`)
        console.log(formatCordisReport(await importCordisProjects(database.db, file)))
      })
      return
    }
    await withDatabase(async (database) => {
      console.log(`Database: ${database.location}`)
      console.log(`Importing CORDIS H2020 organisations from ${file}...`)
      const report = await importH2020Organisations(database.db, file)
      console.log(formatH2020Report(report))
    })
  },
}
