import { sql, type RawBuilder } from 'kysely'
import { notify } from '../notifications/notifications.service.js'
import { audit } from '../platform/audit.js'
import type { Db } from '../platform/db.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { translate, type Locale } from '../platform/i18n.js'
import type { Actor } from '../platform/policies.js'
import { foldText, type QueryExpander } from '../matchmaking/query-expansion.js'
import { defaultQueryExpander } from '../matchmaking/search.js'
import { taxonomyNodes } from '../taxonomy/taxonomy-data.js'
import type { TopicListQuery, TopicSummary } from './opportunities.schema.js'
import type { TopicStatus } from './opportunities.tables.js'
import { canFlagFor, canSeeFitFor } from './opportunities.policies.js'
import { fits, prepareOrganisationWith, prepareTopic, scoreTopic, type TopicReason } from './topic-match.js'
import { descriptionReadLength } from './topic-text.js'

type SignedIn = NonNullable<Actor>
type DistrictRef = { id: string; slug: string; name: string }
type Flag = { district: DistrictRef; note: string; flaggedAt: string }

/** Today in Rome: a deadline is the last day a proposal can go in. */
const romeToday = sql<string>`(now() AT TIME ZONE 'Europe/Rome')::date`

/** The status the server's clock says: past its deadline a topic is closed, past its opening date open. */
const effectiveStatus = sql<TopicStatus>`CASE
  WHEN t.status = 'closed' OR (t.deadline IS NOT NULL AND t.deadline < ${romeToday}) THEN 'closed'
  WHEN t.status = 'forthcoming' AND t.opens_on IS NOT NULL AND t.opens_on <= ${romeToday} THEN 'open'
  ELSE t.status END`

type TopicRow = {
  id: string
  identifier: string
  title: string
  programme: string
  programme_part: string
  call_identifier: string
  call_title: string
  action_type: string
  effective_status: TopicStatus
  opens_on: string | null
  deadline: string | null
  deadline_model: string
  budget_min_cents: number | null
  budget_max_cents: number | null
  expected_grants: number | null
  keywords: string[]
  portal_url: string | null
}

const summaryColumns = sql`t.id, t.identifier, t.title, t.programme, t.programme_part, t.call_identifier, t.call_title, t.action_type,
  ${effectiveStatus} AS effective_status, t.opens_on, t.deadline, t.deadline_model, t.budget_min_cents, t.budget_max_cents,
  t.expected_grants, t.keywords, t.portal_url`

function toSummary(row: TopicRow, flags: readonly Flag[]): TopicSummary {
  return {
    id: row.id,
    identifier: row.identifier,
    title: row.title,
    programme: row.programme,
    programmePart: row.programme_part,
    callIdentifier: row.call_identifier,
    callTitle: row.call_title,
    actionType: row.action_type,
    status: row.effective_status,
    opensOn: row.opens_on,
    deadline: row.deadline,
    deadlineModel: row.deadline_model,
    budgetMinCents: row.budget_min_cents === null ? null : Number(row.budget_min_cents),
    budgetMaxCents: row.budget_max_cents === null ? null : Number(row.budget_max_cents),
    expectedGrants: row.expected_grants,
    keywords: row.keywords,
    portalUrl: row.portal_url,
    flags: [...flags],
  }
}

/** The districts whose flags a user sees: those their organisations belong to today (CLOCK through its districts), and those they manage. */
async function readerDistrictIds(db: Db, actor: Actor): Promise<string[]> {
  if (!actor) return []
  const organisationIds = [...actor.organisationRoles.keys()]
  const member = organisationIds.length === 0 ? [] : await memberDistrictIds(db, organisationIds)
  return [...new Set([...member, ...actor.managedClusterIds])]
}

/** Districts the organisations are members of today, and the clusters of clusters above them. */
async function memberDistrictIds(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH direct AS (
      SELECT DISTINCT m.cluster_id AS id FROM memberships m
      WHERE m.organisation_id IN (${sql.join(organisationIds)}) AND m.since <= ${romeToday} AND (m.until IS NULL OR m.until >= ${romeToday})
    )
    SELECT id FROM direct UNION SELECT l.parent_id FROM cluster_links l JOIN direct d ON d.id = l.child_id`.execute(db)
  return result.rows.map((row) => row.id)
}

async function flagsOf(db: Db, topicIds: readonly string[], districtIds: readonly string[], locale: Locale): Promise<Map<string, Flag[]>> {
  const byTopic = new Map<string, Flag[]>()
  if (topicIds.length === 0 || districtIds.length === 0) return byTopic
  const rows = await db
    .selectFrom('eu_topic_flags as f')
    .innerJoin('clusters as c', 'c.id', 'f.cluster_id')
    .select(['f.topic_id', 'f.note', 'f.flagged_at', 'c.id', 'c.slug', 'c.name_it', 'c.name_en'])
    .where('f.topic_id', 'in', [...topicIds])
    .where('f.cluster_id', 'in', [...districtIds])
    .orderBy('f.flagged_at', 'desc')
    .execute()
  for (const row of rows) {
    const flag = { district: { id: row.id, slug: row.slug, name: locale === 'en' ? row.name_en : row.name_it }, note: row.note, flaggedAt: new Date(row.flagged_at).toISOString() }
    byTopic.set(row.topic_id, [...(byTopic.get(row.topic_id) ?? []), flag])
  }
  return byTopic
}

async function managedDistricts(db: Db, actor: Actor, locale: Locale): Promise<DistrictRef[]> {
  if (!actor) return []
  const isAdmin = actor.roles.includes('platform_admin')
  if (!isAdmin && actor.managedClusterIds.size === 0) return []
  let query = db.selectFrom('clusters').select(['id', 'slug', 'name_it', 'name_en']).orderBy('position').orderBy('slug')
  if (!isAdmin) query = query.where('id', 'in', [...actor.managedClusterIds])
  const rows = await query.execute()
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: locale === 'en' ? row.name_en : row.name_it }))
}

/** Every concept of the query must occur, under any of its forms in either language. */
async function textCondition(expander: QueryExpander, text: string): Promise<RawBuilder<boolean> | null> {
  const { groups } = await expander.expand(text)
  if (groups.length === 0) return null
  return sql<boolean>`(${sql.join(
    groups.map((group) => sql`(${sql.join(group.map((form) => sql`position(${foldText(form)} in t.search_text) > 0`), sql` OR `)})`),
    sql` AND `,
  )})`
}

export type TopicPage = {
  items: TopicSummary[]
  total: number
  page: number
  pageSize: number
  programmes: { name: string; count: number }[]
  flaggableDistricts: DistrictRef[]
}

/** The topics, filtered: status as the clock says, programme, deadline range (Rome days), text in either language. */
export async function listTopics(db: Db, actor: Actor, locale: Locale, query: TopicListQuery, expander: QueryExpander = defaultQueryExpander): Promise<TopicPage> {
  if (query.deadlineFrom && query.deadlineTo && query.deadlineFrom > query.deadlineTo) {
    throw invalidField('deadlineTo', 'validation.opportunities.range')
  }
  const conditions: RawBuilder<boolean>[] = [sql<boolean>`TRUE`]
  if (query.status) conditions.push(sql<boolean>`${effectiveStatus} = ${query.status}`)
  if (query.programme) conditions.push(sql<boolean>`t.programme = ${query.programme}`)
  if (query.deadlineFrom) conditions.push(sql<boolean>`t.deadline >= ${query.deadlineFrom}`)
  if (query.deadlineTo) conditions.push(sql<boolean>`t.deadline <= ${query.deadlineTo}`)
  const text = query.q?.trim() ?? ''
  if (text) {
    const condition = await textCondition(expander, text)
    if (condition) conditions.push(condition)
  }
  const where = sql.join(conditions, sql` AND `)
  const readerDistricts = await readerDistrictIds(db, actor)
  // Topics flagged to the reader's districts come first, then the nearest deadlines; closed ones last.
  const flaggedFirst =
    readerDistricts.length === 0 ? sql`` : sql`EXISTS (SELECT 1 FROM eu_topic_flags f WHERE f.topic_id = t.id AND f.cluster_id IN (${sql.join(readerDistricts)})) DESC,`
  const [rows, count, programmes] = await Promise.all([
    sql<TopicRow>`SELECT ${summaryColumns} FROM eu_topics t WHERE ${where}
      ORDER BY (${effectiveStatus} = 'closed'), ${flaggedFirst} t.deadline ASC NULLS LAST, t.identifier
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM eu_topics t WHERE ${where}`.execute(db),
    sql<{ name: string; count: number }>`SELECT programme AS name, count(*)::int AS count FROM eu_topics GROUP BY programme ORDER BY count(*) DESC, programme`.execute(db),
  ])
  const flags = await flagsOf(db, rows.rows.map((row) => row.id), readerDistricts, locale)
  return {
    items: rows.rows.map((row) => toSummary(row, flags.get(row.id) ?? [])),
    total: count.rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    programmes: programmes.rows,
    flaggableDistricts: await managedDistricts(db, actor, locale),
  }
}

export async function getTopic(db: Db, actor: Actor, locale: Locale, id: string): Promise<TopicSummary & { description: string; typesOfAction: string }> {
  const row = (
    await sql<TopicRow & { description: string; types_of_action: string }>`
      SELECT ${summaryColumns}, t.description, t.types_of_action FROM eu_topics t WHERE t.id = ${id}`.execute(db)
  ).rows[0]
  if (!row) throw notFound('entity.eu_topic')
  const flags = await flagsOf(db, [id], await readerDistrictIds(db, actor), locale)
  return { ...toSummary(row, flags.get(id) ?? []), description: row.description, typesOfAction: row.types_of_action }
}

export type ExplainedTopicReason = { code: TopicReason['code']; points: number; text: string }
export type FittingTopic = { topic: TopicSummary; score: number; reasons: ExplainedTopicReason[] }

const maxFitting = 50

function explain(locale: Locale, reason: TopicReason, labels: ReadonlyMap<string, { it: string; en: string }>): ExplainedTopicReason {
  const terms = reason.terms.join(', ')
  const text =
    reason.code === 'taxonomy'
      ? translate(locale, `opportunities.reason.taxonomy.${reason.where}`, { label: labels.get(reason.taxonomyCode)?.[locale] ?? reason.taxonomyCode, terms })
      : translate(locale, `opportunities.reason.${reason.code}.${reason.where}`, { terms })
  return { code: reason.code, points: reason.points, text }
}

/**
 * The open (optionally also forthcoming) topics that fit one of the user's organisations (the one asked for, else the first by name),
 * with the reasons; topics flagged to its districts come first, whatever their score.
 */
export async function topicsForMyOrganisation(
  db: Db,
  actor: SignedIn,
  locale: Locale,
  options: { organisationId?: string | undefined; forthcoming?: boolean },
  expander: QueryExpander = defaultQueryExpander,
): Promise<{ organisations: { id: string; name: string }[]; organisation: { id: string; name: string } | null; items: FittingTopic[] }> {
  const mine = await db
    .selectFrom('organisation_users as ou')
    .innerJoin('organisations as o', 'o.id', 'ou.organisation_id')
    .select(['o.id', 'o.legal_name', 'o.short_name'])
    .where('ou.user_id', '=', actor.userId)
    .orderBy('o.legal_name')
    .execute()
  const organisations = mine.map((row) => ({ id: row.id, name: row.short_name ?? row.legal_name }))
  const { organisationId } = options
  if (organisationId !== undefined && !organisations.some((organisation) => organisation.id === organisationId)) {
    if (!canSeeFitFor(actor, organisationId)) throw new AppError('forbidden')
    const other = await db.selectFrom('organisations').select(['id', 'legal_name', 'short_name']).where('id', '=', organisationId).executeTakeFirst()
    if (!other) throw notFound('entity.organisation')
    organisations.push({ id: other.id, name: other.short_name ?? other.legal_name })
  }
  const organisation = organisations.find((candidate) => candidate.id === organisationId) ?? organisations[0] ?? null
  if (!organisation) return { organisations, organisation: null, items: [] }

  const [profile, competences, districtIds] = await Promise.all([
    db.selectFrom('organisations').select(['keywords', 'description_it', 'description_en']).where('id', '=', organisation.id).executeTakeFirstOrThrow(),
    db
      .selectFrom('organisation_competences as c')
      .innerJoin('taxonomy_nodes as n', 'n.code', 'c.taxonomy_code')
      .select(['n.code', 'n.label_it', 'n.label_en'])
      .where('c.organisation_id', '=', organisation.id)
      .orderBy('n.code')
      .execute(),
    memberDistrictIds(db, [organisation.id]),
  ])
  const prepared = await prepareOrganisationWith(expander, {
    competences: competences.map((row) => ({ code: row.code, labelIt: row.label_it, labelEn: row.label_en })),
    keywords: profile.keywords,
    description: `${profile.description_it}\n${profile.description_en}`,
  })
  const open = await sql<TopicRow & { head: string }>`
    SELECT ${summaryColumns}, left(t.description, ${descriptionReadLength}) AS head FROM eu_topics t
    WHERE ${effectiveStatus} IN (${sql.join(options.forthcoming ? ['open', 'forthcoming'] : ['open'])}) ORDER BY t.deadline ASC NULLS LAST, t.identifier`.execute(db)
  const flags = await flagsOf(db, open.rows.map((row) => row.id), districtIds, locale)
  const scored = open.rows.flatMap((row) => {
    const match = scoreTopic(prepareTopic({ title: row.title, keywords: row.keywords, description: row.head }), prepared)
    const topicFlags = flags.get(row.id) ?? []
    return fits(match) || topicFlags.length > 0 ? [{ row, match, topicFlags }] : []
  })
  scored.sort(
    (a, b) =>
      Number(b.topicFlags.length > 0) - Number(a.topicFlags.length > 0) ||
      b.match.score - a.match.score ||
      (a.row.deadline ?? '9999').localeCompare(b.row.deadline ?? '9999') ||
      a.row.identifier.localeCompare(b.row.identifier),
  )
  const labels = new Map(taxonomyNodes.map((node) => [node.code, { it: node.labelIt, en: node.labelEn }]))
  return {
    organisations,
    organisation,
    items: scored.slice(0, maxFitting).map(({ row, match, topicFlags }) => ({
      topic: toSummary(row, topicFlags),
      score: match.score,
      reasons: match.reasons.map((reason) => explain(locale, reason, labels)),
    })),
  }
}

async function districtBySlug(db: Db, slug: string, locale: Locale): Promise<DistrictRef> {
  const row = await db.selectFrom('clusters').select(['id', 'slug', 'name_it', 'name_en']).where('slug', '=', slug).executeTakeFirst()
  if (!row) throw invalidField('district', 'validation.opportunities.unknown_district', { slug })
  return { id: row.id, slug: row.slug, name: locale === 'en' ? row.name_en : row.name_it }
}

/** Users of the organisations that are members of the district today (of its districts, for a cluster of clusters). */
async function districtMemberUserIds(db: Db, districtId: string): Promise<string[]> {
  const result = await sql<{ user_id: string }>`
    SELECT DISTINCT ou.user_id FROM organisation_users ou
    JOIN memberships m ON m.organisation_id = ou.organisation_id
    WHERE m.since <= ${romeToday} AND (m.until IS NULL OR m.until >= ${romeToday})
      AND (m.cluster_id = ${districtId} OR m.cluster_id IN (SELECT child_id FROM cluster_links WHERE parent_id = ${districtId}))
    ORDER BY ou.user_id`.execute(db)
  return result.rows.map((row) => row.user_id)
}

async function topicForFlag(db: Db, id: string): Promise<{ id: string; title: string; status: TopicStatus }> {
  const row = (await sql<{ id: string; title: string; status: TopicStatus }>`SELECT t.id, t.title, ${effectiveStatus} AS status FROM eu_topics t WHERE t.id = ${id}`.execute(db)).rows[0]
  if (!row) throw notFound('entity.eu_topic')
  return row
}

/**
 * A district manager points the district's members to a topic, with a note: each member is notified and
 * sees the topic first. A closed topic cannot be flagged; a district flags a topic once.
 */
export async function flagTopic(db: Db, actor: SignedIn, locale: Locale, topicId: string, input: { district: string; note: string }): Promise<Flag> {
  const topic = await topicForFlag(db, topicId)
  const district = await districtBySlug(db, input.district, locale)
  if (!canFlagFor(actor, district.id)) throw new AppError('forbidden')
  if (topic.status === 'closed') throw new AppError('conflict', { messageKey: 'opportunities.error.topic_closed' })
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('eu_topic_flags')
      .values({ topic_id: topic.id, cluster_id: district.id, note: input.note, flagged_by: actor.userId })
      .onConflict((conflict) => conflict.columns(['topic_id', 'cluster_id']).doNothing())
      .returning('flagged_at')
      .executeTakeFirst()
    if (!inserted) throw new AppError('conflict', { messageKey: 'opportunities.error.already_flagged' })
    const names = await trx.selectFrom('clusters').select(['name_it', 'name_en']).where('id', '=', district.id).executeTakeFirstOrThrow()
    const members = (await districtMemberUserIds(trx, district.id)).filter((userId) => userId !== actor.userId)
    await notify(trx, members, 'eu_topic_flagged', { district: { it: names.name_it, en: names.name_en }, title: topic.title }, `/opportunities?view=mine&topic=${topic.id}`)
    await audit(trx, actor.userId, 'eu_topic.flag', 'eu_topic', topic.id, { district: district.slug, note: input.note, notified: members.length })
    return { district, note: input.note, flaggedAt: new Date(inserted.flagged_at).toISOString() }
  })
}

/** Withdraws a district's flag; the notifications already sent stay. */
export async function unflagTopic(db: Db, actor: SignedIn, locale: Locale, topicId: string, districtSlug: string): Promise<void> {
  const topic = await topicForFlag(db, topicId)
  const district = await districtBySlug(db, districtSlug, locale)
  if (!canFlagFor(actor, district.id)) throw new AppError('forbidden')
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('eu_topic_flags').where('topic_id', '=', topic.id).where('cluster_id', '=', district.id).executeTakeFirst()
    if (Number(deleted.numDeletedRows) === 0) throw notFound('entity.eu_topic_flag')
    await audit(trx, actor.userId, 'eu_topic.unflag', 'eu_topic', topic.id, { district: district.slug })
  })
}
