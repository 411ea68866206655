import { sql } from 'kysely'
import Papa from 'papaparse'
import type { Db } from '../platform/db.js'
import { readImportFile, RejectionTally } from '../platform/import-files.js'
import type { OrganisationType } from '../platform/database.js'

export const h2020Source = 'cordis-h2020'

export type H2020Organisation = {
  pic: string
  legalName: string
  shortName: string | null
  type: OrganisationType
  country: string
  city: string | null
  street: string | null
}

export type H2020ParseResult = { ok: true; organisation: H2020Organisation } | { ok: false; reason: string }

export type H2020Rejection = { reason: string; count: number; exampleRows: number[] }

export type H2020ImportReport = {
  rowsRead: number
  italian: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  rejections: H2020Rejection[]
  /** Rows whose unescaped inner quotes broke the CSV syntax and were read with the exporter's own quoting rule. */
  repairedRows: number[]
  durationMs: number
}

/** CORDIS activity types; PRC does not say whether the company is an SME, so it stays a generic company. */
const activityTypes: Record<string, OrganisationType> = {
  PRC: 'company',
  REC: 'research_organisation',
  HES: 'university',
  PUB: 'public_body',
  OTH: 'other',
}

/** The EU's own country codes that differ from ISO 3166-1. */
const euToIso: Record<string, string> = { UK: 'GB', EL: 'GR' }

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

// ICU also names groupings (EU, UN, QO…), private-use codes and old aliases it maps on (UK → GB, YU → RS).
const notCountries = new Set(['EU', 'EZ', 'UN', 'ZZ'])

/** True for an assigned ISO 3166-1 alpha-2 code (Kosovo's XK included), as known to the ICU data of Node. */
export function isKnownCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code) || /^(Q[M-Z]|X[A-JL-Z])$/.test(code)) return false
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}` && regionNames.of(code) !== code
  } catch {
    return false
  }
}

// Some streets span two lines in the file; one line reads better in the directory and in CSV exports.
function text(value: string | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? ''
  return trimmed === '' ? null : trimmed
}

/** Maps one record of the CORDIS H2020 organisations file (column name to raw value) to an organisation. */
export function parseH2020Row(record: Readonly<Record<string, string | undefined>>): H2020ParseResult {
  const pic = text(record.orgId)
  if (pic === null) return { ok: false, reason: 'missing PIC (orgId)' }
  if (!/^\d{9}$/.test(pic)) return { ok: false, reason: 'invalid PIC (orgId is not 9 digits)' }
  const legalName = text(record.name)
  if (legalName === null) return { ok: false, reason: 'missing name' }
  const activity = text(record.activityType)?.toUpperCase() ?? ''
  const type = activityTypes[activity]
  if (type === undefined) {
    return { ok: false, reason: activity === '' ? 'missing activity type' : `unknown activity type "${activity}"` }
  }
  const rawCountry = text(record.country)?.toUpperCase() ?? ''
  const country = euToIso[rawCountry] ?? rawCountry
  if (!isKnownCountryCode(country)) {
    return { ok: false, reason: rawCountry === '' ? 'missing country code' : `invalid country code "${rawCountry}"` }
  }
  return {
    ok: true,
    organisation: {
      pic,
      legalName,
      shortName: text(record.shortName),
      type,
      country,
      city: text(record.city),
      street: text(record.street),
    },
  }
}

/**
 * Splits one raw CSV line as the Tulip exporter wrote it: strings are wrapped in double quotes but inner
 * quotes are not doubled, so a quote closes a field only when a comma or the end of the line follows it.
 */
export function splitUnescapedCsvLine(line: string): string[] {
  const raw = line.replace(/\r?\n$/, '')
  const fields: string[] = []
  let position = 0
  for (;;) {
    if (raw[position] === '"') {
      let close = position + 1
      while (close < raw.length && !(raw[close] === '"' && (close + 1 === raw.length || raw[close + 1] === ','))) close++
      fields.push(raw.slice(position + 1, close))
      position = close + 1
    } else {
      const comma = raw.indexOf(',', position)
      const end = comma === -1 ? raw.length : comma
      fields.push(raw.slice(position, end))
      position = end
    }
    if (position >= raw.length) break
    position++ // the comma
    if (position === raw.length) {
      fields.push('')
      break
    }
  }
  return fields
}

export type H2020Record = { row: number; record: Record<string, string>; repaired: boolean } | { row: number; error: string }

/**
 * Reads the CSV text into records keyed by the header. `row` counts data rows from 1 (the header is not
 * counted). A row with broken quoting is re-read with the exporter's rule; if that fails too it is an error.
 */
export function readH2020Csv(csv: string): H2020Record[] {
  const out: H2020Record[] = []
  let header: string[] | null = null
  let previousCursor = 0
  let row = 0
  Papa.parse<string[]>(csv, {
    header: false,
    skipEmptyLines: true,
    step: (results) => {
      const raw = csv.slice(previousCursor, results.meta.cursor)
      previousCursor = results.meta.cursor
      let fields = results.data
      if (header === null) {
        header = fields.map((name) => name.trim())
        return
      }
      row++
      let repaired = false
      if (results.errors.length > 0 || fields.length !== header.length) {
        const retried = splitUnescapedCsvLine(raw.replace(/^\r?\n/, ''))
        if (retried.length !== header.length) {
          out.push({ row, error: `malformed CSV row (${fields.length} fields, the header has ${header.length})` })
          return
        }
        fields = retried
        repaired = true
      }
      const record: Record<string, string> = {}
      header.forEach((name, index) => (record[name] = fields[index] ?? ''))
      out.push({ row, record, repaired })
    },
  })
  if (header === null) throw new Error('the file is empty: expected a header row')
  const missing = ['orgId', 'name', 'activityType', 'country'].filter((column) => !(header as string[]).includes(column))
  if (missing.length > 0) {
    throw new Error(`this does not look like the CORDIS H2020 organisations file: missing column(s) ${missing.join(', ')}`)
  }
  return out
}

const batchSize = 500

/**
 * Imports (or refreshes) the CORDIS H2020 organisations into the directory, keyed on the PIC. Idempotent: a
 * row whose stored values are all equal is left untouched. All or nothing: the writes share one transaction.
 */
export async function importH2020Organisations(db: Db, path: string): Promise<H2020ImportReport> {
  const started = performance.now()
  const records = readH2020Csv(await readImportFile(path))

  const rejections = new RejectionTally()
  const accepted: H2020Organisation[] = []
  const firstRowOfPic = new Map<string, number>()
  const repairedRows: number[] = []
  let italian = 0
  for (const entry of records) {
    if ('error' in entry) {
      rejections.reject(entry.error, entry.row)
      continue
    }
    if (entry.repaired) repairedRows.push(entry.row)
    if (entry.record.country?.trim().toUpperCase() === 'IT') italian++
    const parsed = parseH2020Row(entry.record)
    if (!parsed.ok) {
      rejections.reject(parsed.reason, entry.row)
      continue
    }
    // Two rows with one PIC would make one upsert statement touch the same row twice, which PostgreSQL refuses.
    if (firstRowOfPic.has(parsed.organisation.pic)) {
      rejections.reject('duplicate PIC (an earlier row has the same orgId)', entry.row)
      continue
    }
    firstRowOfPic.set(parsed.organisation.pic, entry.row)
    accepted.push(parsed.organisation)
  }

  let created = 0
  let updated = 0
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < accepted.length; start += batchSize) {
      const counts = await upsertBatch(trx, accepted.slice(start, start + batchSize))
      created += counts.created
      updated += counts.updated
    }
  })

  return {
    rowsRead: records.length,
    italian,
    created,
    updated,
    unchanged: accepted.length - created - updated,
    rejected: rejections.total,
    rejections: rejections.list().map(({ reason, count, examples }) => ({ reason, count, exampleRows: examples })),
    repairedRows,
    durationMs: Math.round(performance.now() - started),
  }
}

async function upsertBatch(db: Db, batch: readonly H2020Organisation[]): Promise<{ created: number; updated: number }> {
  if (batch.length === 0) return { created: 0, updated: 0 }
  // xmax is 0 only on a freshly inserted row version; rows left alone by the WHERE are not returned at all.
  const rows = await db
    .insertInto('organisations')
    .values(
      batch.map((org) => ({
        source: h2020Source,
        source_id: org.pic,
        legal_name: org.legalName,
        short_name: org.shortName,
        type: org.type,
        country: org.country,
        city: org.city,
        street: org.street,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['source', 'source_id'])
        .doUpdateSet({
          legal_name: (eb) => eb.ref('excluded.legal_name'),
          short_name: (eb) => eb.ref('excluded.short_name'),
          type: (eb) => eb.ref('excluded.type'),
          country: (eb) => eb.ref('excluded.country'),
          city: (eb) => eb.ref('excluded.city'),
          street: (eb) => eb.ref('excluded.street'),
          updated_at: sql<Date>`now()`,
        })
        .where(
          sql<boolean>`(organisations.legal_name, organisations.short_name, organisations.type, organisations.country, organisations.city, organisations.street)
            IS DISTINCT FROM (excluded.legal_name, excluded.short_name, excluded.type, excluded.country, excluded.city, excluded.street)`,
        ),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute()
  const created = rows.filter((row) => row.inserted).length
  return { created, updated: rows.length - created }
}

/** The report as lines for an operator's terminal. */
export function formatH2020Report(report: H2020ImportReport): string {
  const lines = [
    `rows read:  ${report.rowsRead} (Italian organisations: ${report.italian})`,
    `created:    ${report.created}`,
    `updated:    ${report.updated}`,
    `unchanged:  ${report.unchanged}`,
    `rejected:   ${report.rejected}`,
  ]
  for (const rejection of report.rejections) {
    lines.push(`  ${rejection.count} × ${rejection.reason} (e.g. data rows ${rejection.exampleRows.join(', ')})`)
  }
  if (report.repairedRows.length > 0) {
    lines.push(`repaired:   ${report.repairedRows.length} row(s) with unescaped quotes read anyway (data rows ${report.repairedRows.slice(0, 10).join(', ')})`)
  }
  lines.push(`time:       ${(report.durationMs / 1000).toFixed(1)} s`)
  return lines.join('\n')
}
