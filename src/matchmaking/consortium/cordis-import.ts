import { join } from 'node:path'
import type { Db } from '../../platform/db.js'
import { readImportFile, RejectionTally } from '../../platform/import-files.js'
import { isKnownCountryCode } from '../../organisations/h2020-import.js'
import { orgKey, parseCsv, unixToRomeDate } from './corpus.js'

/** The `source` of projects imported from CORDIS files in the consortium-benchmark format. */
export const cordisProjectsSource = 'cordis'

export type PastProjectRow = {
  sourceId: string
  rcn: string | null
  acronym: string
  title: string
  startDate: string | null
  endDate: string | null
  costCents: number | null
  fundingCents: number | null
  url: string | null
  website: string | null
}

export type PastParticipantRow = {
  projectSourceId: string
  position: number
  name: string
  orgKey: string
  country: string | null
  city: string | null
  lat: number | null
  lon: number | null
}

export type Rejection = { reason: string; count: number; exampleRows: number[] }

type Counts = { read: number; created: number; updated: number; unchanged: number; rejected: number; rejections: Rejection[] }

export type CordisImportReport = {
  projects: Counts
  participations: Counts & { removed: number }
  /** Participations matched to a registry organisation (same key of the legal name, same country). */
  linked: number
  /** Participations whose name and country match more than one registry organisation: left unlinked. */
  ambiguous: number
  durationMs: number
}

type Raw = Record<string, string | undefined>

function text(value: string | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? ''
  return trimmed === '' ? null : trimmed
}

function finiteOrNull(value: string | undefined): number | null {
  const t = text(value)
  if (t === null) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

function centsOrNull(value: string | undefined): number | null {
  const n = finiteOrNull(value)
  return n === null || n < 0 ? null : Math.round(n * 100)
}

/** The EU's own country codes that differ from ISO 3166-1; the registry stores ISO. */
const euToIso: Record<string, string> = { UK: 'GB', EL: 'GR' }

/** An ISO country code, or null when the source has none or an unknown one (the row is kept). */
export function isoCountry(value: string | undefined): string | null {
  const raw = text(value)?.toUpperCase()
  if (raw === undefined) return null
  const code = euToIso[raw] ?? raw
  return isKnownCountryCode(code) ? code : null
}

export type ParsedProject = { ok: true; project: PastProjectRow } | { ok: false; reason: string }

export function parseProjectRow(row: Raw): ParsedProject {
  const sourceId = text(row.id)
  if (sourceId === null) return { ok: false, reason: 'missing project id' }
  const title = text(row.title)
  if (title === null) return { ok: false, reason: 'missing title' }
  return {
    ok: true,
    project: {
      sourceId,
      rcn: text(row.rcn),
      acronym: text(row.project_acronym) ?? '',
      title,
      startDate: unixToRomeDate(row.start_date),
      endDate: unixToRomeDate(row.end_date),
      costCents: centsOrNull(row.cost),
      fundingCents: centsOrNull(row.funding),
      url: text(row.url),
      website: text(row.project_website),
    },
  }
}

export type ParsedParticipant = { ok: true; participant: PastParticipantRow } | { ok: false; reason: string }

export function parseParticipantRow(row: Raw): ParsedParticipant {
  const projectSourceId = text(row.project_id)
  if (projectSourceId === null) return { ok: false, reason: 'missing project id' }
  const position = finiteOrNull(row.order_in_list)
  if (position === null || !Number.isInteger(position) || position < 0) return { ok: false, reason: 'missing or invalid order_in_list' }
  const name = text(row.name)
  if (name === null) return { ok: false, reason: 'missing organisation name' }
  const key = orgKey(name)
  if (key === '') return { ok: false, reason: 'organisation name without letters or digits' }
  return {
    ok: true,
    participant: {
      projectSourceId,
      position,
      name,
      orgKey: key,
      country: isoCountry(row.country),
      city: text(row.city),
      lat: finiteOrNull(row.lat),
      lon: finiteOrNull(row.lon),
    },
  }
}

function asRejections(tally: RejectionTally): Rejection[] {
  return tally.list().map(({ reason, count, examples }) => ({ reason, count, exampleRows: examples }))
}

async function readCsvGz(dir: string, file: string): Promise<Raw[]> {
  return parseCsv(await readImportFile(join(dir, file)))
}

function requireColumns(rows: Raw[], file: string, columns: string[]): void {
  const first = rows[0]
  if (first === undefined) return
  const missing = columns.filter((column) => !(column in first))
  if (missing.length > 0) throw new Error(`${file} does not look like the consortium-benchmark format: missing column(s) ${missing.join(', ')}`)
}

type StoredParticipant = Omit<PastParticipantRow, 'projectSourceId'> & { organisationId: string | null }

const participantFields = ['name', 'orgKey', 'country', 'city', 'lat', 'lon', 'organisationId'] as const

function sameParticipant(a: StoredParticipant, b: StoredParticipant): boolean {
  return participantFields.every((field) => a[field] === b[field])
}

const projectFields = ['rcn', 'acronym', 'title', 'startDate', 'endDate', 'costCents', 'fundingCents', 'url', 'website'] as const

/** The registry organisations a participant may be matched to: by key of the legal name and country. */
async function registryIndex(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('organisations').select(['id', 'legal_name', 'country']).orderBy('id').execute()
  const index = new Map<string, string[]>()
  for (const row of rows) {
    const key = `${orgKey(row.legal_name)}|${row.country}`
    const list = index.get(key)
    if (list === undefined) index.set(key, [row.id])
    else list.push(row.id)
  }
  return index
}

const batchSize = 500

/**
 * Imports the projects and participations of one folder in the consortium-benchmark format
 * (projects.csv.gz, participations.csv.gz) as past collaborations. Idempotent: a project or participation
 * whose stored values are equal is left untouched; projects of other folders are kept. All or nothing.
 */
export async function importCordisProjects(db: Db, dir: string): Promise<CordisImportReport> {
  const started = performance.now()
  const [projectRows, participationRows] = await Promise.all([readCsvGz(dir, 'projects.csv.gz'), readCsvGz(dir, 'participations.csv.gz')])
  requireColumns(projectRows, 'projects.csv.gz', ['id', 'title'])
  requireColumns(participationRows, 'participations.csv.gz', ['project_id', 'order_in_list', 'name'])

  const projectRejections = new RejectionTally()
  const projects = new Map<string, PastProjectRow>()
  projectRows.forEach((row, i) => {
    const parsed = parseProjectRow(row)
    if (!parsed.ok) return projectRejections.reject(parsed.reason, i + 1)
    if (projects.has(parsed.project.sourceId)) return projectRejections.reject('duplicate project id (an earlier row has it)', i + 1)
    projects.set(parsed.project.sourceId, parsed.project)
  })

  const participantRejections = new RejectionTally()
  const participants = new Map<string, Map<number, PastParticipantRow>>()
  participationRows.forEach((row, i) => {
    const parsed = parseParticipantRow(row)
    if (!parsed.ok) return participantRejections.reject(parsed.reason, i + 1)
    const p = parsed.participant
    if (!projects.has(p.projectSourceId)) return participantRejections.reject('unknown project id (not in projects.csv.gz)', i + 1)
    const list = participants.get(p.projectSourceId) ?? new Map<number, PastParticipantRow>()
    if (list.has(p.position)) return participantRejections.reject('duplicate order_in_list within the project', i + 1)
    list.set(p.position, p)
    participants.set(p.projectSourceId, list)
  })

  const report: CordisImportReport = {
    projects: { read: projectRows.length, created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [] },
    participations: { read: participationRows.length, created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0, rejections: [] },
    linked: 0,
    ambiguous: 0,
    durationMs: 0,
  }

  await db.transaction().execute(async (trx) => {
    const registry = await registryIndex(trx)
    const existing = await trx.selectFrom('past_projects').selectAll().where('source', '=', cordisProjectsSource).execute()
    const byId = new Map(existing.map((row) => [row.source_id, row]))
    const stored = await trx
      .selectFrom('past_participants')
      .innerJoin('past_projects', 'past_projects.id', 'past_participants.project_id')
      .select([
        'past_projects.source_id',
        'past_participants.position',
        'past_participants.name',
        'past_participants.org_key',
        'past_participants.country',
        'past_participants.city',
        'past_participants.lat',
        'past_participants.lon',
        'past_participants.organisation_id',
      ])
      .where('past_projects.source', '=', cordisProjectsSource)
      .execute()
    const storedByProject = new Map<string, Map<number, StoredParticipant>>()
    for (const row of stored) {
      const list = storedByProject.get(row.source_id) ?? new Map<number, StoredParticipant>()
      list.set(row.position, {
        position: row.position,
        name: row.name,
        orgKey: row.org_key,
        country: row.country,
        city: row.city,
        lat: row.lat,
        lon: row.lon,
        organisationId: row.organisation_id,
      })
      storedByProject.set(row.source_id, list)
    }

    const projectIds = new Map<string, string>()
    const fresh: PastProjectRow[] = []
    for (const project of projects.values()) {
      const old = byId.get(project.sourceId)
      if (old === undefined) {
        fresh.push(project)
        continue
      }
      projectIds.set(project.sourceId, old.id)
      const before: Record<(typeof projectFields)[number], unknown> = {
        rcn: old.rcn,
        acronym: old.acronym,
        title: old.title,
        startDate: old.start_date,
        endDate: old.end_date,
        costCents: old.cost_cents === null ? null : Number(old.cost_cents),
        fundingCents: old.funding_cents === null ? null : Number(old.funding_cents),
        url: old.url,
        website: old.website,
      }
      if (projectFields.every((field) => before[field] === project[field])) {
        report.projects.unchanged++
        continue
      }
      await trx
        .updateTable('past_projects')
        .set({ ...projectColumns(project), updated_at: new Date() })
        .where('id', '=', old.id)
        .execute()
      report.projects.updated++
    }
    for (let start = 0; start < fresh.length; start += batchSize) {
      const inserted = await trx
        .insertInto('past_projects')
        .values(fresh.slice(start, start + batchSize).map((project) => ({ source: cordisProjectsSource, source_id: project.sourceId, ...projectColumns(project) })))
        .returning(['id', 'source_id'])
        .execute()
      for (const row of inserted) projectIds.set(row.source_id, row.id)
    }
    report.projects.created = fresh.length

    const freshIds = new Set(fresh.map((project) => projectIds.get(project.sourceId)!))
    const changedProjects = new Set<string>()
    const inserts: (StoredParticipant & { projectId: string })[] = []
    for (const [sourceId, list] of participants) {
      const projectId = projectIds.get(sourceId)!
      const before = storedByProject.get(sourceId) ?? new Map<number, StoredParticipant>()
      for (const p of list.values()) {
        const matches = p.country === null ? [] : (registry.get(`${p.orgKey}|${p.country}`) ?? [])
        if (matches.length > 1) report.ambiguous++
        const organisationId = matches.length === 1 ? matches[0]! : null
        if (organisationId !== null) report.linked++
        const wanted: StoredParticipant = { ...p, organisationId }
        const old = before.get(p.position)
        if (old === undefined) {
          inserts.push({ ...wanted, projectId })
        } else if (sameParticipant(old, wanted)) {
          report.participations.unchanged++
        } else {
          await trx
            .updateTable('past_participants')
            .set({ ...participantColumns(wanted), updated_at: new Date() })
            .where('project_id', '=', projectId)
            .where('position', '=', p.position)
            .execute()
          changedProjects.add(projectId)
          report.participations.updated++
        }
      }
    }
    // A project of this folder lists exactly the participations of this folder: extra stored ones go.
    for (const sourceId of projects.keys()) {
      const before = storedByProject.get(sourceId)
      if (before === undefined) continue
      const now = participants.get(sourceId)
      const gone = [...before.keys()].filter((position) => !now?.has(position))
      if (gone.length === 0) continue
      await trx.deleteFrom('past_participants').where('project_id', '=', projectIds.get(sourceId)!).where('position', 'in', gone).execute()
      changedProjects.add(projectIds.get(sourceId)!)
      report.participations.removed += gone.length
    }
    for (let start = 0; start < inserts.length; start += batchSize) {
      await trx
        .insertInto('past_participants')
        .values(inserts.slice(start, start + batchSize).map((p) => ({ project_id: p.projectId, position: p.position, ...participantColumns(p) })))
        .execute()
    }
    report.participations.created = inserts.length
    // The consortium builder's cache watches past_projects only: a project whose participants changed is touched.
    const touched = [...new Set([...changedProjects, ...inserts.map((p) => p.projectId)])].filter((id) => !freshIds.has(id))
    if (touched.length > 0) await trx.updateTable('past_projects').set({ updated_at: new Date() }).where('id', 'in', touched).execute()
  })

  report.projects.rejected = projectRejections.total
  report.projects.rejections = asRejections(projectRejections)
  report.participations.rejected = participantRejections.total
  report.participations.rejections = asRejections(participantRejections)
  report.durationMs = Math.round(performance.now() - started)
  return report
}

function projectColumns(project: PastProjectRow) {
  return {
    rcn: project.rcn,
    acronym: project.acronym,
    title: project.title,
    start_date: project.startDate,
    end_date: project.endDate,
    cost_cents: project.costCents,
    funding_cents: project.fundingCents,
    url: project.url,
    website: project.website,
  }
}

function participantColumns(p: StoredParticipant) {
  return { name: p.name, org_key: p.orgKey, country: p.country, city: p.city, lat: p.lat, lon: p.lon, organisation_id: p.organisationId }
}

/** The report as lines for an operator's terminal. */
export function formatCordisReport(report: CordisImportReport): string {
  const block = (label: string, counts: Counts & { removed?: number }): string[] => {
    const lines = [
      `${label}: read ${counts.read}, created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}` +
        (counts.removed !== undefined ? `, removed ${counts.removed}` : '') +
        `, rejected ${counts.rejected}`,
    ]
    for (const r of counts.rejections) lines.push(`  ${r.count} × ${r.reason} (e.g. data rows ${r.exampleRows.join(', ')})`)
    return lines
  }
  return [
    ...block('projects', report.projects),
    ...block('participations', report.participations),
    `linked to the registry: ${report.linked} participation(s)` + (report.ambiguous > 0 ? ` (${report.ambiguous} left unlinked: several registry organisations match)` : ''),
    `time: ${(report.durationMs / 1000).toFixed(1)} s`,
  ].join('\n')
}
