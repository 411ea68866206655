import type { Transaction } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Database } from '../platform/database.js'
import type { Db } from '../platform/db.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import type { Locale } from '../platform/i18n.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import { copyAttachments } from './attachments/attachments.service.js'
import type { CallChanges, CallCreate, CallDetail, CallSummary } from './calls.schema.js'

/** The server's clock; services take it as a parameter so that tests can stand at any instant. */
export type Clock = () => Date
export const systemClock: Clock = () => new Date()

type CallRecord = {
  status: 'draft' | 'published'
  opens_at: Date
  closes_at: Date
}

export type CallPhase = 'draft' | 'upcoming' | 'open' | 'closed'

/** The deadline is inclusive: a submission at the closing instant itself is on time. */
export function callPhase(call: CallRecord, now: Date): CallPhase {
  if (call.status === 'draft') return 'draft'
  if (now.getTime() < call.opens_at.getTime()) return 'upcoming'
  if (now.getTime() > call.closes_at.getTime()) return 'closed'
  return 'open'
}

/** Drafts are the officers' business: to anyone else a draft call does not exist. */
export async function getCall(db: Db, id: string, options: { canManage: boolean; locale: Locale; now: Date }): Promise<CallDetail> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || (row.status === 'draft' && !options.canManage)) throw notFound('entity.call')
  const lines = await db
    .selectFrom('call_lines')
    .leftJoin('clusters', 'clusters.id', 'call_lines.cluster_id')
    .select([
      'call_lines.code',
      'call_lines.title_it',
      'call_lines.title_en',
      'call_lines.budget_cents',
      'call_lines.members_only',
      'call_lines.non_members_must_commit',
      'clusters.slug',
      'clusters.name_it',
      'clusters.name_en',
    ])
    .where('call_lines.call_id', '=', id)
    .orderBy('call_lines.position')
    .execute()
  return {
    id: row.id,
    status: row.status,
    phase: callPhase(row, options.now),
    titleIt: row.title_it,
    titleEn: row.title_en,
    summaryIt: row.summary_it,
    summaryEn: row.summary_en,
    textIt: row.text_it,
    textEn: row.text_en,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    lines: lines.map((line) => ({
      code: line.code,
      titleIt: line.title_it,
      titleEn: line.title_en,
      budgetCents: Number(line.budget_cents),
      membersOnly: line.members_only,
      nonMembersMustCommit: line.non_members_must_commit,
      clusterSlug: line.slug,
      clusterName: line.slug === null ? null : options.locale === 'it' ? line.name_it : line.name_en,
    })),
    totalBudgetCents: lines.reduce((total, line) => total + Number(line.budget_cents), 0),
    budget: row.budget_sources,
    rules: row.rules,
    priorities: row.priorities,
    criteria: row.criteria,
    faq: row.faq,
    evaluation: row.evaluation,
    clonedFrom: row.cloned_from,
    publishedAt: row.published_at?.toISOString() ?? null,
    canManage: options.canManage,
  }
}

export async function listCalls(db: Db, options: { includeDrafts: boolean; now: Date }): Promise<CallSummary[]> {
  let query = db
    .selectFrom('calls')
    .select((eb) => [
      'calls.id',
      'calls.status',
      'calls.title_it',
      'calls.title_en',
      'calls.summary_it',
      'calls.summary_en',
      'calls.opens_at',
      'calls.closes_at',
      eb
        .selectFrom('call_lines')
        .select((inner) => inner.fn.coalesce(inner.fn.sum<number>('budget_cents'), inner.lit(0)).as('total'))
        .whereRef('call_lines.call_id', '=', 'calls.id')
        .as('total_budget'),
    ])
    .orderBy('calls.closes_at', 'desc')
  if (!options.includeDrafts) query = query.where('calls.status', '=', 'published')
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    phase: callPhase(row, options.now),
    titleIt: row.title_it,
    titleEn: row.title_en,
    summaryIt: row.summary_it,
    summaryEn: row.summary_en,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    totalBudgetCents: Number(row.total_budget ?? 0),
  }))
}

export async function createCall(db: Db, actorId: string | null, input: CallCreate, options: { clonedFrom?: string } = {}): Promise<string> {
  const clusterIds = await checkCall(db, input)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('calls')
      .values({
        title_it: input.titleIt,
        title_en: input.titleEn,
        summary_it: input.summaryIt,
        summary_en: input.summaryEn,
        text_it: input.textIt,
        text_en: input.textEn,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        budget_sources: JSON.stringify(input.budget),
        rules: JSON.stringify(input.rules),
        priorities: input.priorities,
        criteria: JSON.stringify(input.criteria),
        faq: JSON.stringify(input.faq),
        evaluation: JSON.stringify(input.evaluation),
        cloned_from: options.clonedFrom ?? null,
        created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceLines(trx, row.id, input.lines, clusterIds)
    if (options.clonedFrom) await copyAttachments(trx, options.clonedFrom, row.id, actorId)
    await audit(trx, actorId, options.clonedFrom ? 'call.clone' : 'call.create', 'call', row.id, options.clonedFrom ? { from: options.clonedFrom } : {})
    return row.id
  })
}

export async function updateCall(db: Db, actorId: string, id: string, changes: CallChanges): Promise<void> {
  const current = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound('entity.call')
  if (current.status !== 'draft') throw new AppError('conflict', { messageKey: 'calls.error.published_read_only' })
  const clusterIds = await checkCall(db, {
    opensAt: changes.opensAt ?? current.opens_at.toISOString(),
    closesAt: changes.closesAt ?? current.closes_at.toISOString(),
    lines: changes.lines ?? [],
    priorities: changes.priorities ?? [],
    criteria: changes.criteria ?? [],
    rules: changes.rules ?? {},
  })
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('calls')
      .set({
        ...(changes.titleIt !== undefined && { title_it: changes.titleIt }),
        ...(changes.titleEn !== undefined && { title_en: changes.titleEn }),
        ...(changes.summaryIt !== undefined && { summary_it: changes.summaryIt }),
        ...(changes.summaryEn !== undefined && { summary_en: changes.summaryEn }),
        ...(changes.textIt !== undefined && { text_it: changes.textIt }),
        ...(changes.textEn !== undefined && { text_en: changes.textEn }),
        ...(changes.opensAt !== undefined && { opens_at: changes.opensAt }),
        ...(changes.closesAt !== undefined && { closes_at: changes.closesAt }),
        ...(changes.budget !== undefined && { budget_sources: JSON.stringify(changes.budget) }),
        ...(changes.rules !== undefined && { rules: JSON.stringify(changes.rules) }),
        ...(changes.priorities !== undefined && { priorities: changes.priorities }),
        ...(changes.criteria !== undefined && { criteria: JSON.stringify(changes.criteria) }),
        ...(changes.faq !== undefined && { faq: JSON.stringify(changes.faq) }),
        ...(changes.evaluation !== undefined && { evaluation: JSON.stringify(changes.evaluation) }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
    if (changes.lines !== undefined) await replaceLines(trx, id, changes.lines, clusterIds)
    await audit(trx, actorId, 'call.update', 'call', id, { fields: Object.keys(changes) })
  })
}

export async function publishCall(db: Db, actorId: string | null, id: string, now: Date): Promise<void> {
  const current = await db.selectFrom('calls').select(['status', 'closes_at']).where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound('entity.call')
  if (current.status !== 'draft') throw new AppError('conflict', { messageKey: 'calls.error.already_published' })
  if (current.closes_at.getTime() <= now.getTime()) throw invalidField('closesAt', 'calls.validation.closes_in_past')
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('calls').set({ status: 'published', published_at: now, updated_at: now }).where('id', '=', id).execute()
    await audit(trx, actorId, 'call.publish', 'call', id)
  })
}

/** A clone is a new draft with the same settings, lines, FAQ and attachments; the officer then moves its dates. */
export async function cloneCall(db: Db, actorId: string, id: string): Promise<string> {
  const source = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst()
  if (!source) throw notFound('entity.call')
  const lines = await db
    .selectFrom('call_lines')
    .leftJoin('clusters', 'clusters.id', 'call_lines.cluster_id')
    .select(['call_lines.code', 'call_lines.title_it', 'call_lines.title_en', 'call_lines.budget_cents', 'call_lines.members_only', 'call_lines.non_members_must_commit', 'clusters.slug'])
    .where('call_lines.call_id', '=', id)
    .orderBy('call_lines.position')
    .execute()
  return createCall(
    db,
    actorId,
    {
      titleIt: source.title_it,
      titleEn: source.title_en,
      summaryIt: source.summary_it,
      summaryEn: source.summary_en,
      textIt: source.text_it,
      textEn: source.text_en,
      opensAt: source.opens_at.toISOString(),
      closesAt: source.closes_at.toISOString(),
      lines: lines.map((line) => ({
        code: line.code,
        titleIt: line.title_it,
        titleEn: line.title_en,
        budgetCents: Number(line.budget_cents),
        membersOnly: line.members_only,
        nonMembersMustCommit: line.non_members_must_commit,
        clusterSlug: line.slug,
      })),
      budget: source.budget_sources,
      rules: source.rules,
      priorities: source.priorities,
      criteria: source.criteria,
      faq: source.faq,
      evaluation: source.evaluation,
    },
    { clonedFrom: id },
  )
}

type Checkable = Pick<CallCreate, 'opensAt' | 'closesAt' | 'lines' | 'priorities' | 'criteria' | 'rules'>

/** Checks what needs data or spans fields; returns the cluster ids of the lines' slugs. */
async function checkCall(db: Db, input: Checkable): Promise<Map<string, string>> {
  if (new Date(input.closesAt).getTime() <= new Date(input.opensAt).getTime()) {
    throw invalidField('closesAt', 'calls.validation.closes_before_opens')
  }
  const codes = input.lines.map((line) => line.code)
  const duplicate = codes.findIndex((code, index) => codes.indexOf(code) !== index)
  if (duplicate >= 0) throw invalidField(`lines.${duplicate}.code`, 'calls.validation.duplicate_line')
  const criteria = input.criteria.map((item) => item.code)
  const duplicateCriterion = criteria.findIndex((code, index) => criteria.indexOf(code) !== index)
  if (duplicateCriterion >= 0) throw invalidField(`criteria.${duplicateCriterion}.code`, 'calls.validation.duplicate_criterion')
  const { trlStartMin, trlEndMin } = input.rules
  if (trlStartMin !== undefined && trlEndMin !== undefined && trlEndMin < trlStartMin) {
    throw invalidField('rules.trlEndMin', 'calls.validation.trl_order')
  }
  await assertKnownTaxonomyCodes(db, input.priorities, 'priorities')
  const slugs = [...new Set(input.lines.flatMap((line) => (line.clusterSlug ? [line.clusterSlug] : [])))]
  const clusters = slugs.length === 0 ? [] : await db.selectFrom('clusters').select(['id', 'slug']).where('slug', 'in', slugs).execute()
  const ids = new Map(clusters.map((cluster) => [cluster.slug, cluster.id]))
  const unknown = input.lines.findIndex((line) => line.clusterSlug && !ids.has(line.clusterSlug))
  if (unknown >= 0) throw invalidField(`lines.${unknown}.clusterSlug`, 'calls.validation.unknown_cluster')
  return ids
}

async function replaceLines(trx: Transaction<Database>, callId: string, lines: CallCreate['lines'], clusterIds: Map<string, string>): Promise<void> {
  await trx.deleteFrom('call_lines').where('call_id', '=', callId).execute()
  await trx
    .insertInto('call_lines')
    .values(
      lines.map((line, position) => ({
        call_id: callId,
        code: line.code,
        title_it: line.titleIt,
        title_en: line.titleEn,
        budget_cents: line.budgetCents,
        members_only: line.membersOnly,
        non_members_must_commit: line.nonMembersMustCommit,
        cluster_id: line.clusterSlug ? (clusterIds.get(line.clusterSlug) ?? null) : null,
        position,
      })),
    )
    .execute()
}
