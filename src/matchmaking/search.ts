import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../platform/db.js'
import { taxonomyNodes } from '../taxonomy/taxonomy-data.js'
import { listSummaries, type ProfileSummary } from './profiles.service.js'
import { createVocabularyExpander, taxonomyLabelEntries, type ExpandedQuery, type QueryExpander } from './query-expansion.js'
import type { SearchQuery } from './matchmaking.schema.js'
import { vocabulary } from './vocabulary.js'

export type SearchPage = { items: ProfileSummary[]; total: number; page: number; pageSize: number; expandedTerms: string[] }

/** The expander the marketplace uses unless another is plugged in: the curated vocabulary and the taxonomy labels. */
export const defaultQueryExpander: QueryExpander = createVocabularyExpander([...vocabulary, ...taxonomyLabelEntries(taxonomyNodes)])

/** Matches ranked per way of matching; beyond this a query is too broad for its ranking to matter. */
const rankedCandidateCap = 1000
/** Partial matches rank below every full match of the same strength. */
const partialWeight = 0.25
/** Below this many full-text matches, partial matches and typo-tolerant title matches are added. */
const fuzzyFallbackBelow = 20

/**
 * The marketplace: published, unexpired profiles, by full text in Italian and English widened across
 * languages by the expander, or by a typo-tolerant match on the title, narrowed by filters.
 */
export async function searchProfiles(db: Db, query: SearchQuery, expander: QueryExpander = defaultQueryExpander): Promise<SearchPage> {
  const where = await conditions(db, query)
  const offset = (query.page - 1) * query.pageSize
  const text = query.q?.trim() ?? ''
  const expanded = text ? await expander.expand(text) : { groups: [] }
  const expandedTerms = expanded.groups.flatMap((group) => group.slice(1))
  if (where === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, expandedTerms }
  if (!text) {
    const [items, count] = await Promise.all([
      listSummaries(db, where, sql`p.published_at DESC, p.id`, query.pageSize, offset),
      sql<{ total: number }>`SELECT count(*)::int AS total FROM profiles p JOIN organisations o ON o.id = p.organisation_id WHERE ${where}`.execute(db),
    ])
    return { items, total: count.rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize, expandedTerms }
  }
  const { ids, total } = await rankByText(db, text, expanded, where, query.pageSize, offset)
  if (ids.length === 0) return { items: [], total, page: query.page, pageSize: query.pageSize, expandedTerms }
  const items = await listSummaries(db, sql`p.id IN (${sql.join(ids)})`, sql`p.id`, ids.length)
  const byId = new Map(items.map((item) => [item.id, item]))
  return { items: ids.map((id) => byId.get(id)).filter((item) => item !== undefined), total, page: query.page, pageSize: query.pageSize, expandedTerms }
}

/**
 * Every concept must match (or, with `any`, at least one); any of a concept's alternatives will do,
 * stemmed in Italian and English or kept as written.
 */
export function toTsQuery(expanded: ExpandedQuery, match: 'all' | 'any' = 'all'): RawBuilder<unknown> | null {
  if (expanded.groups.length === 0) return null
  const alternative = (text: string): RawBuilder<unknown> => {
    const folded = sql`clock_fold(${text})`
    return sql`websearch_to_tsquery('simple', ${folded}) || websearch_to_tsquery('italian', ${folded}) || websearch_to_tsquery('english', ${folded})`
  }
  const groups = expanded.groups.map((group) => sql`(${sql.join(group.map(alternative), sql` || `)})`)
  return sql`(${sql.join(groups, match === 'all' ? sql` && ` : sql` || `)})`
}

async function rankByText(
  db: Db,
  text: string,
  expanded: ExpandedQuery,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; total: number }> {
  const tsQuery = toTsQuery(expanded) ?? sql`''::tsquery`
  // With several concepts and few profiles matching them all, profiles matching some of them follow,
  // ranked lower: a word the vocabulary does not know must not hide every partial match.
  const anyQuery = expanded.groups.length > 1 ? toTsQuery(expanded, 'any') : null
  const folded = sql`clock_fold(${text})`
  const result = await sql<{ id: string | null; total: number }>`
    WITH text_hits AS (
      SELECT p.id, ts_rank(p.search_document, ${tsQuery}) AS score
      FROM profiles p JOIN organisations o ON o.id = p.organisation_id
      WHERE p.search_document @@ ${tsQuery} AND ${where} LIMIT ${rankedCandidateCap}
    ),
    partial_hits AS (
      SELECT p.id, ${partialWeight} * ts_rank(p.search_document, ${anyQuery ?? sql`''::tsquery`}) AS score
      FROM profiles p JOIN organisations o ON o.id = p.organisation_id
      WHERE ${anyQuery === null ? sql`FALSE` : sql`TRUE`} AND (SELECT count(*) FROM text_hits) < ${fuzzyFallbackBelow}
        AND p.search_document @@ ${anyQuery ?? sql`''::tsquery`} AND p.id NOT IN (SELECT id FROM text_hits) AND ${where}
      LIMIT ${rankedCandidateCap}
    ),
    title_hits AS (
      SELECT p.id, word_similarity(${folded}, p.title_folded) AS score
      FROM profiles p JOIN organisations o ON o.id = p.organisation_id
      WHERE (SELECT count(*) FROM text_hits) < ${fuzzyFallbackBelow} AND ${folded} <% p.title_folded AND ${where}
      LIMIT ${rankedCandidateCap}
    ),
    hits AS (SELECT id, sum(score) AS score FROM (SELECT * FROM text_hits UNION ALL SELECT * FROM partial_hits UNION ALL SELECT * FROM title_hits) s GROUP BY id),
    page AS (
      SELECT hits.id, hits.score, p.published_at FROM hits JOIN profiles p ON p.id = hits.id
      ORDER BY hits.score DESC, p.published_at DESC, p.id LIMIT ${limit} OFFSET ${offset}
    )
    SELECT page.id, (SELECT count(*) FROM hits)::int AS total
    FROM (SELECT 1) one LEFT JOIN page ON TRUE
    ORDER BY page.score DESC, page.published_at DESC, page.id`.execute(db)
  return {
    ids: result.rows.map((row) => row.id).filter((id): id is string => id !== null),
    total: result.rows[0]?.total ?? 0,
  }
}

/** The filters over `profiles p JOIN organisations o`; null when a named district does not exist. */
async function conditions(db: Db, query: SearchQuery): Promise<RawBuilder<unknown> | null> {
  const parts: RawBuilder<unknown>[] = [sql`p.status = 'published'`, sql`p.expires_on >= current_date`]
  if (query.kind) parts.push(sql`p.kind = ${query.kind}`)
  if (query.taxonomy) {
    parts.push(sql`EXISTS (SELECT 1 FROM profile_taxonomy t WHERE t.profile_id = p.id
      AND (t.taxonomy_code = ${query.taxonomy} OR t.taxonomy_code LIKE ${`${query.taxonomy}.%`}))`)
  }
  if (query.district) {
    const clusterIds = await districtScope(db, query.district)
    if (clusterIds.length === 0) return null
    parts.push(sql`p.cluster_id IN (${sql.join(clusterIds)})`)
  }
  if (query.trlMin !== undefined) parts.push(sql`p.trl >= ${query.trlMin}`)
  if (query.trlMax !== undefined) parts.push(sql`p.trl <= ${query.trlMax}`)
  if (query.organisationType) parts.push(sql`o.type = ${query.organisationType}`)
  if (query.size) parts.push(sql`o.size_class = ${query.size}`)
  if (query.region) parts.push(sql`o.nuts2 = ${query.region}`)
  return sql.join(parts, sql` AND `)
}

/** A district, or for a cluster of clusters such as CLOCK the districts it joins as well. */
export async function districtScope(db: Db, slug: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT k.id FROM clusters k WHERE k.slug = ${slug}
    UNION SELECT l.child_id FROM cluster_links l JOIN clusters k ON k.id = l.parent_id WHERE k.slug = ${slug}`.execute(db)
  return result.rows.map((row) => row.id)
}
