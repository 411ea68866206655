import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { sql } from 'kysely'
import Papa from 'papaparse'
import type { Db } from '../platform/db.js'
import { stringOption, UsageError, withDatabase, type Command } from './shared.js'

const pageSize = 2000

type ExportRow = {
  id: string
  legal_name: string
  short_name: string | null
  type: string
  size_class: string | null
  headcount: number | null
  vat_number: string | null
  fiscal_code: string | null
  country: string
  street: string | null
  postcode: string | null
  city: string | null
  province_code: string | null
  nuts2: string | null
  nuts3: string | null
  website: string | null
  founded_year: number | null
  keywords: string[]
  competences: string[]
  clusters: string[]
  source: string
  source_id: string | null
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the organisation directory as CSV or JSON lines',
  usage: 'clock export organisations [--format csv|json] [--out FILE]\n  Writes to standard output unless --out is given. Contacts are not exported.',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  run: async (args) => {
    const [what, ...rest] = args.positionals
    if (what !== 'organisations') throw new UsageError(what ? `cannot export "${what}": only "organisations"` : 'missing what to export')
    if (rest.length > 0) throw new UsageError(`unexpected argument(s): ${rest.join(' ')}`)
    const format = stringOption(args, 'format') ?? 'csv'
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`)
    const outPath = stringOption(args, 'out')

    await withDatabase(async ({ db }) => {
      let count = 0
      const chunks = async function* (): AsyncGenerator<string> {
        for await (const page of pages(db)) {
          yield format === 'json'
            ? page.map((row) => JSON.stringify(row)).join('\n') + '\n'
            : Papa.unparse(page.map(csvRecord), { header: count === 0, newline: '\n' }) + '\n'
          count += page.length
        }
      }
      try {
        if (outPath) await pipeline(Readable.from(chunks()), createWriteStream(outPath))
        else await pipeline(Readable.from(chunks()), process.stdout, { end: false })
      } catch (error) {
        // A reader that stops early (`clock export organisations | head`) closes the pipe: not a failure.
        if (!outPath && (error as NodeJS.ErrnoException).code === 'EPIPE') return
        throw error
      }
      // The count goes to stderr so that standard output stays a clean CSV or JSON stream.
      console.error(`Exported ${count} organisations${outPath ? ` to ${outPath}` : ''}.`)
    })
  },
}

function csvRecord(row: ExportRow): Record<string, string | number | null> {
  return { ...row, keywords: row.keywords.join(';'), competences: row.competences.join(';'), clusters: row.clusters.join(';') }
}

/** Keyset pages by id, so the export never holds the whole directory in memory. */
async function* pages(db: Db): AsyncGenerator<ExportRow[]> {
  let after: string | null = null
  for (;;) {
    let query = db
      .selectFrom('organisations as o')
      .select([
        'o.id', 'o.legal_name', 'o.short_name', 'o.type', 'o.size_class', 'o.headcount', 'o.vat_number', 'o.fiscal_code',
        'o.country', 'o.street', 'o.postcode', 'o.city', 'o.province_code', 'o.nuts2', 'o.nuts3', 'o.website',
        'o.founded_year', 'o.keywords', 'o.source', 'o.source_id',
      ])
      .select(sql<string[]>`ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1)`.as('competences'))
      .select(
        sql<string[]>`ARRAY(SELECT DISTINCT k.slug FROM memberships m JOIN clusters k ON k.id = m.cluster_id
          WHERE m.organisation_id = o.id AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) ORDER BY 1)`.as('clusters'),
      )
      .orderBy('o.id')
      .limit(pageSize)
    if (after !== null) query = query.where('o.id', '>', after)
    const rows = await query.execute()
    if (rows.length === 0) return
    yield rows.map((row) => ({
      id: row.id,
      legal_name: row.legal_name,
      short_name: row.short_name,
      type: row.type,
      size_class: row.size_class,
      headcount: row.headcount,
      vat_number: row.vat_number,
      fiscal_code: row.fiscal_code,
      country: row.country,
      street: row.street,
      postcode: row.postcode,
      city: row.city,
      province_code: row.province_code,
      nuts2: row.nuts2,
      nuts3: row.nuts3,
      website: row.website,
      founded_year: row.founded_year,
      keywords: row.keywords,
      competences: row.competences,
      clusters: row.clusters,
      source: row.source,
      source_id: row.source_id,
    }))
    if (rows.length < pageSize) return
    after = (rows[rows.length - 1] as { id: string }).id
  }
}
