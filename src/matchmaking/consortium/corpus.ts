import { join } from 'node:path'
import Papa from 'papaparse'
import { readImportFile } from '../../platform/import-files.js'

export type CorpusProject = {
  id: string
  rcn: string
  acronym: string
  title: string
  /** Calendar date (YYYY-MM-DD) in Europe/Rome, or null when the source has none. */
  startDate: string | null
  endDate: string | null
  /** Total cost in EUR. */
  cost: number | null
  funding: number | null
}

export type CorpusParticipation = {
  projectId: string
  order: number
  name: string
  /** Organisation identity, see {@link orgKey}. */
  key: string
  country: string | null
  city: string | null
  lat: number | null
  lon: number | null
}

export type Corpus = {
  projects: CorpusProject[]
  participations: CorpusParticipation[]
}

/**
 * Organisation identity used by the benchmark: upper-cased, every run of non-alphanumeric characters
 * replaced by one space, trimmed. Letters and digits are Unicode-aware so that "MÜNCHEN" keeps its Ü.
 */
export function orgKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function nullIfBlank(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim()
  return trimmed === '' ? null : trimmed
}

function numberOrNull(value: string | undefined): number | null {
  const text = nullIfBlank(value)
  if (text === null) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

const romeDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The source stores Unix seconds at local midnight CET, so the calendar date must be read in that zone. */
export function unixToRomeDate(value: string | undefined): string | null {
  const seconds = numberOrNull(value)
  if (seconds === null || seconds <= 0) return null
  return romeDate.format(new Date(seconds * 1000))
}

type Row = Record<string, string | undefined>

export function parseCsv(text: string): Row[] {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true })
  return parsed.data
}

export function parseProjects(rows: Row[]): CorpusProject[] {
  return rows
    .filter((row) => nullIfBlank(row.id) !== null)
    .map((row) => ({
      id: (row.id ?? '').trim(),
      rcn: (row.rcn ?? '').trim(),
      acronym: (row.project_acronym ?? '').trim(),
      title: (row.title ?? '').trim(),
      startDate: unixToRomeDate(row.start_date),
      endDate: unixToRomeDate(row.end_date),
      cost: numberOrNull(row.cost),
      funding: numberOrNull(row.funding),
    }))
}

export function parseParticipations(rows: Row[]): CorpusParticipation[] {
  const out: CorpusParticipation[] = []
  for (const row of rows) {
    const projectId = nullIfBlank(row.project_id)
    const name = nullIfBlank(row.name)
    if (projectId === null || name === null) continue
    const key = orgKey(name)
    if (key === '') continue
    out.push({
      projectId,
      order: numberOrNull(row.order_in_list) ?? 0,
      name,
      key,
      country: nullIfBlank(row.country)?.toUpperCase() ?? null,
      city: nullIfBlank(row.city),
      lat: numberOrNull(row.lat),
      lon: numberOrNull(row.lon),
    })
  }
  return out
}

/** Concatenates corpora; a project id seen twice is kept once, with the participations of its first folder. */
export function mergeCorpora(corpora: Corpus[]): Corpus {
  const projects: CorpusProject[] = []
  const participations: CorpusParticipation[] = []
  const seen = new Set<string>()
  for (const corpus of corpora) {
    const fresh = new Set<string>()
    for (const p of corpus.projects) {
      if (seen.has(p.id) || fresh.has(p.id)) continue
      fresh.add(p.id)
      projects.push(p)
    }
    for (const row of corpus.participations) if (fresh.has(row.projectId)) participations.push(row)
    for (const id of fresh) seen.add(id)
  }
  return { projects, participations }
}

/** Reads one benchmark folder (projects.csv.gz, participations.csv.gz). */
export async function loadCorpusFolder(dir: string): Promise<Corpus> {
  const [projectsText, participationsText] = await Promise.all([
    readImportFile(join(dir, 'projects.csv.gz')),
    readImportFile(join(dir, 'participations.csv.gz')),
  ])
  return {
    projects: parseProjects(parseCsv(projectsText)),
    participations: parseParticipations(parseCsv(participationsText)),
  }
}

/** Reads and merges several benchmark folders, e.g. the value of `--train a,b`. */
export async function loadCorpus(dirs: readonly string[]): Promise<Corpus> {
  return mergeCorpora(await Promise.all(dirs.map(loadCorpusFolder)))
}
