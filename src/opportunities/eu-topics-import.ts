import { sql } from 'kysely'
import type { Db } from '../platform/db.js'
import { readImportFile, RejectionTally } from '../platform/import-files.js'
import type { TopicStatus } from './opportunities.tables.js'
import { topicSearchText } from './topic-text.js'
import { repairMojibake } from './text-repair.js'

/** One topic as CLOCK keeps it, read from the EU Funding & Tenders export or the demo file. */
export type EuTopic = {
  identifier: string
  title: string
  programme: string
  programmePart: string
  callIdentifier: string
  callTitle: string
  actionType: string
  typesOfAction: string
  status: TopicStatus
  opensOn: string | null
  deadline: string | null
  deadlineModel: string
  budgetMinCents: number | null
  budgetMaxCents: number | null
  expectedGrants: number | null
  keywords: string[]
  description: string
  portalUrl: string | null
}

export type EuTopicParseResult = { ok: true; topic: EuTopic } | { ok: false; reason: string }

export type EuTopicRejection = { reason: string; count: number; exampleLines: number[] }

export type EuTopicImportReport = {
  linesRead: number
  created: number
  updated: number
  unchanged: number
  rejected: number
  rejections: EuTopicRejection[]
  durationMs: number
}

const statuses: readonly TopicStatus[] = ['open', 'forthcoming', 'closed']
const identifierPattern = /^[A-Za-z0-9][A-Za-z0-9._\-/]{1,119}$/
const maxDescription = 40_000
/** Budgets above a hundred billion euro are a unit mistake, not a topic. */
const maxBudgetEuro = 100_000_000_000

type Raw = Readonly<Record<string, unknown>>

function text(value: unknown, max = 1000): string {
  if (typeof value !== 'string') return ''
  return repairMojibake(value)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

function optionalDate(raw: Raw, key: string): Parsed<string | null> {
  const value = raw[key]
  if (value === undefined || value === null || value === '') return { ok: true, value: null }
  if (typeof value !== 'string' || !isRealDate(value.trim())) return { ok: false, reason: `invalid ${key} (not a YYYY-MM-DD date)` }
  return { ok: true, value: value.trim() }
}

function euroToCents(raw: Raw, key: string): Parsed<number | null> {
  const value = raw[key]
  if (value === undefined || value === null || value === '') return { ok: true, value: null }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxBudgetEuro) return { ok: false, reason: `invalid ${key} (not an amount in EUR)` }
  return { ok: true, value: Math.round(value * 100) }
}

/** The portal lists the topic's and the call's identifiers first among its keywords; the rest are the tags. */
function keywordList(value: unknown, identifiers: readonly string[]): string[] {
  const own = new Set(identifiers.map((identifier) => identifier.toLowerCase()))
  const seen = new Set<string>()
  const keywords: string[] = []
  for (const part of text(value, 5000).split(',')) {
    const keyword = part.trim().slice(0, 120)
    const key = keyword.toLowerCase()
    if (keyword === '' || own.has(key) || seen.has(key)) continue
    seen.add(key)
    keywords.push(keyword)
  }
  return keywords.slice(0, 60)
}

function webAddress(value: unknown): string | null {
  const address = text(value, 500)
  if (!/^https?:\/\/[^\s]+$/.test(address)) return null
  return address
}

/** Maps one record of the EU Funding & Tenders topics export to a topic, or says why it cannot. */
export function parseEuTopic(raw: unknown): EuTopicParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' }
  const record = raw as Raw
  const identifier = text(record.topicId, 200)
  if (identifier === '') return { ok: false, reason: 'missing topicId' }
  if (!identifierPattern.test(identifier)) return { ok: false, reason: 'invalid topicId (letters, digits, - . _ / only)' }
  const title = text(record.title, 500)
  if (title === '') return { ok: false, reason: 'missing title' }
  const programme = text(record.programme, 200)
  if (programme === '') return { ok: false, reason: 'missing programme' }
  const status = text(record.callStatus, 40).toLowerCase()
  if (!statuses.includes(status as TopicStatus)) {
    return { ok: false, reason: status === '' ? 'missing callStatus' : `unknown callStatus "${status}"` }
  }
  const deadline = optionalDate(record, 'deadline')
  if (!deadline.ok) return deadline
  const opensOn = optionalDate(record, 'openingDate')
  if (!opensOn.ok) return opensOn
  const budgetMin = euroToCents(record, 'budgetMin')
  if (!budgetMin.ok) return budgetMin
  const budgetMax = euroToCents(record, 'budgetMax')
  if (!budgetMax.ok) return budgetMax
  if (budgetMin.value !== null && budgetMax.value !== null && budgetMin.value > budgetMax.value) {
    return { ok: false, reason: 'budgetMin above budgetMax' }
  }
  const grants = record.expectedGrants
  if (grants !== undefined && grants !== null && (typeof grants !== 'number' || !Number.isInteger(grants) || grants < 0 || grants > 1_000_000)) {
    return { ok: false, reason: 'invalid expectedGrants (not a whole number)' }
  }
  const callIdentifier = text(record.callIdentifier, 200)
  return {
    ok: true,
    topic: {
      identifier,
      title,
      programme,
      programmePart: text(record.cluster, 60),
      callIdentifier,
      callTitle: text(record.callTitle, 500),
      actionType: text(record.actionType, 60),
      typesOfAction: text(record.typesOfAction, 200),
      status: status as TopicStatus,
      opensOn: opensOn.value,
      deadline: deadline.value,
      deadlineModel: text(record.deadlineModel, 60),
      budgetMinCents: budgetMin.value,
      budgetMaxCents: budgetMax.value,
      expectedGrants: typeof grants === 'number' ? grants : null,
      keywords: keywordList(record.keywords, [identifier, callIdentifier]),
      description: text(record.description, maxDescription),
      portalUrl: webAddress(record.portalUrl),
    },
  }
}

export type EuTopicLine = { line: number; record: unknown } | { line: number; error: string }

/** Splits a JSON Lines text into records, numbering lines from 1; blank lines are skipped. */
export function readJsonLines(content: string): EuTopicLine[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/)
  const records: EuTopicLine[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    try {
      records.push({ line: index + 1, record: JSON.parse(line) as unknown })
    } catch {
      records.push({ line: index + 1, error: 'not valid JSON' })
    }
  })
  return records
}

const batchSize = 100

/**
 * Loads the topics file (JSON Lines, plain or gzipped) into eu_topics: new identifiers are created,
 * changed ones updated, identical ones left alone, so a second run of the same file changes nothing.
 */
export async function importEuTopics(db: Db, path: string): Promise<EuTopicImportReport> {
  const started = performance.now()
  const records = readJsonLines(await readImportFile(path))
  const rejections = new RejectionTally()
  const accepted: EuTopic[] = []
  const seen = new Set<string>()
  for (const entry of records) {
    if ('error' in entry) {
      rejections.reject(entry.error, entry.line)
      continue
    }
    const parsed = parseEuTopic(entry.record)
    if (!parsed.ok) {
      rejections.reject(parsed.reason, entry.line)
      continue
    }
    if (seen.has(parsed.topic.identifier)) {
      rejections.reject('duplicate topicId (an earlier line has the same one)', entry.line)
      continue
    }
    seen.add(parsed.topic.identifier)
    accepted.push(parsed.topic)
  }
  const { created, updated } = await upsertEuTopics(db, accepted, 'import')
  return {
    linesRead: records.length,
    created,
    updated,
    unchanged: accepted.length - created - updated,
    rejected: rejections.total,
    rejections: rejections.list().map(({ reason, count, examples }) => ({ reason, count, exampleLines: examples })),
    durationMs: Math.round(performance.now() - started),
  }
}

/** Inserts new topics and updates changed ones by identifier, in one transaction; returns the counts. */
export async function upsertEuTopics(db: Db, topics: readonly EuTopic[], source: 'import' | 'demo'): Promise<{ created: number; updated: number }> {
  let created = 0
  let updated = 0
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < topics.length; start += batchSize) {
      const counts = await upsertBatch(trx, topics.slice(start, start + batchSize), source)
      created += counts.created
      updated += counts.updated
    }
  })
  return { created, updated }
}

const updatedColumns = [
  'title',
  'programme',
  'programme_part',
  'call_identifier',
  'call_title',
  'action_type',
  'types_of_action',
  'status',
  'opens_on',
  'deadline',
  'deadline_model',
  'budget_min_cents',
  'budget_max_cents',
  'expected_grants',
  'keywords',
  'description',
  'portal_url',
  'search_text',
  'source',
] as const

async function upsertBatch(db: Db, batch: readonly EuTopic[], source: 'import' | 'demo'): Promise<{ created: number; updated: number }> {
  if (batch.length === 0) return { created: 0, updated: 0 }
  const current = sql.join(updatedColumns.map((column) => sql.ref(`eu_topics.${column}`)))
  const incoming = sql.join(updatedColumns.map((column) => sql.ref(`excluded.${column}`)))
  // xmax is 0 only on a freshly inserted row version; rows left alone by the WHERE are not returned at all.
  const rows = await db
    .insertInto('eu_topics')
    .values(
      batch.map((topic) => ({
        identifier: topic.identifier,
        title: topic.title,
        programme: topic.programme,
        programme_part: topic.programmePart,
        call_identifier: topic.callIdentifier,
        call_title: topic.callTitle,
        action_type: topic.actionType,
        types_of_action: topic.typesOfAction,
        status: topic.status,
        opens_on: topic.opensOn,
        deadline: topic.deadline,
        deadline_model: topic.deadlineModel,
        budget_min_cents: topic.budgetMinCents,
        budget_max_cents: topic.budgetMaxCents,
        expected_grants: topic.expectedGrants,
        keywords: topic.keywords,
        description: topic.description,
        portal_url: topic.portalUrl,
        search_text: topicSearchText(topic),
        source,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .column('identifier')
        .doUpdateSet(Object.fromEntries([...updatedColumns.map((column) => [column, sql.ref(`excluded.${column}`)]), ['updated_at', sql`now()`]]))
        .where(sql<boolean>`(${current}) IS DISTINCT FROM (${incoming})`),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute()
  const created = rows.filter((row) => row.inserted).length
  return { created, updated: rows.length - created }
}

/** The report as lines for an operator's terminal. */
export function formatEuTopicReport(report: EuTopicImportReport): string {
  const lines = [
    `lines read: ${report.linesRead}`,
    `created:    ${report.created}`,
    `updated:    ${report.updated}`,
    `unchanged:  ${report.unchanged}`,
    `rejected:   ${report.rejected}`,
  ]
  for (const rejection of report.rejections) {
    const where = rejection.exampleLines.length === 1 ? 'line' : 'lines'
    lines.push(`  ${rejection.count} × ${rejection.reason} (${rejection.count > rejection.exampleLines.length ? 'e.g. ' : ''}${where} ${rejection.exampleLines.join(', ')})`)
  }
  lines.push(`time:       ${(report.durationMs / 1000).toFixed(1)} s`)
  return lines.join('\n')
}
