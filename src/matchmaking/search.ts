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
  const filters = await conditions(db, query)
  const offset = (query.page - 1) * query.pageSize
  const text = query.q?.trim() ?? ''
  const expanded = text ? await expander.expand(text) : { groups: [] }
  const expandedTerms = expanded.groups.flatMap((group) => group.slice(1))
  if (filters === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, expandedTerms }
  const { where, from } = filters
  if (!text) {
    const [items, count] = await Promise.all([
      listSummaries(db, where, sql`p.published_at DESC, p.id`, query.pageSize, offset),
      sql<{ total: number }>`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`.execute(db),
    ])
    return { items, total: count.rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize, expandedTerms }
  }
  const { ids, total } = await rankByText(db, text, expanded, filters, query.pageSize, offset)
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
  filters: Filters,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; total: number }> {
  const { from, facets } = filters
  const where = sql`${filters.where} AND ${facets}`
  const tsQuery = toTsQuery(expanded) ?? sql`''::tsquery`
  // Most queries find enough profiles by full text alone: one scan of the text and facets index, ranked.
  // The partial and typo-tolerant matches, the costly part, run only when it finds few.
  const direct = await withTextIndex(db, (conn) => sql<{ id: string | null; total: number }>`
    WITH text_hits AS MATERIALIZED (
      SELECT p.id, ts_rank(p.search_document, ${tsQuery}) AS score, p.published_at
      FROM ${from} WHERE p.search_document @@ ${tsQuery} AND ${where} LIMIT ${rankedCandidateCap}
    ),
    page AS (SELECT id, score, published_at FROM text_hits ORDER BY score DESC, published_at DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT page.id, (SELECT count(*) FROM text_hits)::int AS total
    FROM (SELECT 1) one LEFT JOIN page ON TRUE
    ORDER BY page.score DESC, page.published_at DESC, page.id`.execute(conn))
  const directTotal = direct.rows[0]?.total ?? 0
  if (directTotal >= fuzzyFallbackBelow) {
    return { ids: direct.rows.map((row) => row.id).filter((id): id is string => id !== null), total: directTotal }
  }
  // Few full matches: profiles matching some of the concepts follow, ranked lower (a word the vocabulary
  // does not know must not hide every partial match), and typo-tolerant title matches.
  const anyQuery = expanded.groups.length > 1 ? toTsQuery(expanded, 'any') : null
  const folded = sql`clock_fold(${text})`
  const result = await withTextIndex(db, (conn) => sql<{ id: string | null; total: number }>`
    WITH text_hits AS (
      SELECT p.id, ts_rank(p.search_document, ${tsQuery}) AS score, p.published_at
      FROM ${from} WHERE p.search_document @@ ${tsQuery} AND ${where} LIMIT ${rankedCandidateCap}
    ),
    partial_hits AS (
      SELECT p.id, ${partialWeight} * ts_rank(p.search_document, ${anyQuery ?? sql`''::tsquery`}) AS score, p.published_at
      FROM ${from}
      WHERE ${anyQuery === null ? sql`FALSE` : sql`TRUE`}
        AND p.search_document @@ ${anyQuery ?? sql`''::tsquery`} AND p.id NOT IN (SELECT id FROM text_hits) AND ${where}
      LIMIT ${rankedCandidateCap}
    ),
    title_hits AS (
      SELECT p.id, word_similarity(${folded}, p.title_folded) AS score, p.published_at
      FROM ${from} WHERE ${folded} <% p.title_folded AND ${where}
      LIMIT ${rankedCandidateCap}
    ),
    hits AS (
      SELECT id, sum(score) AS score, max(published_at) AS published_at
      FROM (SELECT * FROM text_hits UNION ALL SELECT * FROM partial_hits UNION ALL SELECT * FROM title_hits) s GROUP BY id
    ),
    page AS (SELECT id, score, published_at FROM hits ORDER BY score DESC, published_at DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT page.id, (SELECT count(*) FROM hits)::int AS total
    FROM (SELECT 1) one LEFT JOIN page ON TRUE
    ORDER BY page.score DESC, page.published_at DESC, page.id`.execute(conn))
  return {
    ids: result.rows.map((row) => row.id).filter((id): id is string => id !== null),
    total: result.rows[0]?.total ?? 0,
  }
}

/**
 * Runs a text query with the planner told to read profiles through their indexes. An expanded query's
 * alternatives share stems ("sensori", "sensor", "sensors"), so the planner takes them for independent
 * words, expects most profiles to match, and with a LIMIT prefers reading the whole table in order until
 * enough match: tens of thousands of documents tested instead of the few the text index points to.
 * SET LOCAL ends with the transaction; inside a caller's transaction the query runs as it is.
 */
export async function withTextIndex<T>(db: Db, run: (conn: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db)
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    return run(trx)
  })
}

/** The filters of a search: conditions over `profiles p`, and what to select from. */
type Filters = {
  where: RawBuilder<unknown>
  from: RawBuilder<unknown>
  /** The profile's own filters as far as `profiles.facets` holds them, for the text and facets index (a text query's only). */
  facets: RawBuilder<unknown>
}

/** A facet term of `profiles.facets` (migration 0012): the same words the generated column writes. */
const facet = (name: string, value: string | number): string => `${name}_${String(value).replace(/-/g, '')}`

/** A term of `profiles.linked_facets` (migration 0016): lower case, a taxonomy code's dots written '_'. */
const linkedFacet = (name: string, value: string): string => `${name}_${value.toLowerCase().replace(/\./g, '_')}`

/** A value the schema let through that could not be a term (it never is: the schema's patterns are narrower). */
const isTermValue = (value: string): boolean => /^[A-Za-z0-9._]+$/.test(value)

/**
 * The filters over `profiles p`; null when a named district does not exist. Kind, status, district and TRL
 * are also written as facet terms, so that a text query narrows them in the text and facets index; the
 * plain conditions stay, and decide. Taxonomy and the owning organisation's type, size and region are
 * decided by the terms of `profiles.linked_facets`, which triggers keep up to date (migration 0016): the
 * same GIN index answers them, without reading profile_taxonomy or the organisations.
 */
async function conditions(db: Db, query: SearchQuery): Promise<Filters | null> {
  const parts: RawBuilder<unknown>[] = [sql`p.status = 'published'`, sql`p.expires_on >= current_date`]
  const facets: string[] = [facet('status', 'published')]
  if (query.kind) {
    // With a taxonomy filter the kind is decided by its term (below): the same condition on the column
    // would have the planner intersect the answer with every open profile of the kind.
    if (!query.taxonomy) parts.push(sql`p.kind = ${query.kind}`)
    facets.push(facet('kind', query.kind))
  }
  if (query.district) {
    const clusterIds = await districtScope(db, query.district)
    if (clusterIds.length === 0) return null
    parts.push(sql`p.cluster_id IN (${sql.join(clusterIds)})`)
    facets.push(`(${clusterIds.map((id) => facet('cluster', id)).join(' | ')})`)
  }
  if (query.trlMin !== undefined) parts.push(sql`p.trl >= ${query.trlMin}`)
  if (query.trlMax !== undefined) parts.push(sql`p.trl <= ${query.trlMax}`)
  if (query.trlMin !== undefined || query.trlMax !== undefined) {
    const levels = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((level) => level >= (query.trlMin ?? 1) && level <= (query.trlMax ?? 9))
    facets.push(levels.length === 0 ? 'trl_none & !trl_none' : `(${levels.map((level) => facet('trl', level)).join(' | ')})`)
  }
  // With a kind, the taxonomy term written for published profiles of that kind: a posting list of the answer itself.
  const linked: [string, string | undefined][] = [
    [query.kind ? `published_${query.kind}_taxonomy` : 'taxonomy', query.taxonomy],
    ['type', query.organisationType],
    ['size', query.size],
    ['region', query.region],
  ]
  const linkedTerms: string[] = []
  for (const [name, value] of linked) {
    if (value === undefined) continue
    if (!isTermValue(value)) return null
    linkedTerms.push(linkedFacet(name, value))
  }
  if (linkedTerms.length > 0) parts.push(sql`p.linked_facets @@ ${linkedTerms.join(' & ')}::tsquery`)
  return { where: sql.join(parts, sql` AND `), facets: sql`p.facets @@ ${facets.join(' & ')}::tsquery`, from: sql`profiles p` }
}

/** A district, or for a cluster of clusters such as CLOCK the districts it joins as well. */
export async function districtScope(db: Db, slug: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT k.id FROM clusters k WHERE k.slug = ${slug}
    UNION SELECT l.child_id FROM cluster_links l JOIN clusters k ON k.id = l.parent_id WHERE k.slug = ${slug}`.execute(db)
  return result.rows.map((row) => row.id)
}
