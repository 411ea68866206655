import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../platform/db.js'
import { taxonomyNodes } from '../taxonomy/taxonomy-data.js'
import { listSummaries, type ProfileSummary } from './profiles.service.js'
import { createVocabularyExpander, taxonomyLabelEntries, type ExpandedQuery, type QueryExpander } from './query-expansion.js'
import type { SearchQuery } from './matchmaking.schema.js'
import { vocabulary } from './vocabulary.js'

/**
 * `totalExact` is false when there are more matches than the search counts: `total` is then a lower bound.
 * `correction` is the query with its unknown words corrected, when its matches were added to few full ones.
 */
export type SearchPage = {
  items: ProfileSummary[]
  total: number
  totalExact: boolean
  page: number
  pageSize: number
  expandedTerms: string[]
  correction: string | null
}

/** The expander the marketplace uses unless another is plugged in: the curated vocabulary and the taxonomy labels. */
export const defaultQueryExpander: QueryExpander = createVocabularyExpander([...vocabulary, ...taxonomyLabelEntries(taxonomyNodes)])

/** Matches ranked per way of matching; beyond this a query is too broad for its ranking to matter. */
const rankedCandidateCap = 1000
/** Without text, matches are counted exactly up to this many; beyond, the total reads "more than". */
const exactCountCap = 1000
/** Partial and typo-tolerant matches ranked at most: they follow every full match, so a few hundred are plenty. */
const partialCap = 200
const correctedCap = 200
/** Partial matches rank below every full match of the same strength. */
const partialWeight = 0.25
/** Matches of the corrected query rank below those of the query as typed, above partial ones. */
const correctedWeight = 0.8
/** Below this many full-text matches, partial matches and matches of the corrected query are added. */
const fuzzyFallbackBelow = 20

/**
 * The marketplace: published, unexpired profiles, by full text in Italian and English widened across
 * languages by the expander, with misspelt words corrected, narrowed by filters.
 */
export async function searchProfiles(db: Db, query: SearchQuery, expander: QueryExpander = defaultQueryExpander): Promise<SearchPage> {
  const filters = await conditions(db, query)
  const offset = (query.page - 1) * query.pageSize
  const text = query.q?.trim() ?? ''
  const expanded = text ? await expander.expand(text) : { groups: [] }
  const expandedTerms = expanded.groups.flatMap((group) => group.slice(1))
  const page = { page: query.page, pageSize: query.pageSize, expandedTerms, correction: null }
  if (filters === null) return { items: [], total: 0, totalExact: true, ...page }
  const { where } = filters
  if (!text) {
    // Counting every open profile of a broad filter costs more than the page itself: count up to the cap.
    const [items, count] = await Promise.all([
      listSummaries(db, where, sql`p.published_at DESC, p.id`, query.pageSize, offset),
      sql<{ total: number }>`SELECT count(*)::int AS total FROM (SELECT 1 FROM profiles p WHERE ${where} LIMIT ${exactCountCap + 1}) s`.execute(db),
    ])
    const total = count.rows[0]?.total ?? 0
    return { items, total: Math.min(total, exactCountCap), totalExact: total <= exactCountCap, ...page }
  }
  const { ids, total, totalExact, correction } = await rankByText(db, text, expanded, expander, filters, query.pageSize, offset)
  if (ids.length === 0) return { items: [], total, totalExact, ...page, correction }
  const items = await listSummaries(db, sql`p.id IN (${sql.join(ids)})`, sql`p.id`, ids.length)
  const byId = new Map(items.map((item) => [item.id, item]))
  return { items: ids.map((id) => byId.get(id)).filter((item) => item !== undefined), total, totalExact, ...page, correction }
}

/**
 * Every concept must match (or, with `any`, at least one); any of a concept's alternatives will do,
 * stemmed in Italian and English or kept as written.
 */
export function toTsQuery(expanded: ExpandedQuery, match: 'all' | 'any' = 'all'): RawBuilder<unknown> | null {
  if (expanded.groups.length === 0) return null
  const alternative = (text: string): RawBuilder<unknown> => {
    // unaccent changes no ASCII character, so plain ASCII text is folded by lower case alone: each clock_fold()
    // the planner has to evaluate costs about 20 µs, and a recommendation's queries hold some two hundred.
    const folded = /^[\x20-\x7e]*$/.test(text) ? sql`${text.toLowerCase()}` : sql`clock_fold(${text})`
    return sql`websearch_to_tsquery('simple', ${folded}) || websearch_to_tsquery('italian', ${folded}) || websearch_to_tsquery('english', ${folded})`
  }
  const groups = expanded.groups.map((group) => sql`(${sql.join(group.map(alternative), sql` || `)})`)
  return sql`(${sql.join(groups, match === 'all' ? sql` && ` : sql` || `)})`
}

async function rankByText(
  db: Db,
  text: string,
  expanded: ExpandedQuery,
  expander: QueryExpander,
  filters: Filters,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; total: number; totalExact: boolean; correction: string | null }> {
  const tsQuery = toTsQuery(expanded) ?? sql`''::tsquery`
  // Most queries find enough profiles by full text alone: one scan of the text and facets index, ranked.
  // The partial matches and the corrected query run only when it finds few.
  const direct = await withTextIndex(db, (conn) => sql<{ id: string | null; total: number }>`
    WITH text_hits AS MATERIALIZED (
      SELECT p.id, ts_rank(p.search_document, ${tsQuery}) AS score, p.published_at
      FROM ${matching(tsQuery, filters)} LIMIT ${rankedCandidateCap}
    ),
    page AS (SELECT id, score, published_at FROM text_hits ORDER BY score DESC, published_at DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT page.id, (SELECT count(*) FROM text_hits)::int AS total
    FROM (SELECT 1) one LEFT JOIN page ON TRUE
    ORDER BY page.score DESC, page.published_at DESC, page.id`.execute(conn))
  const directTotal = direct.rows[0]?.total ?? 0
  if (directTotal >= fuzzyFallbackBelow) {
    const ids = direct.rows.map((row) => row.id).filter((id): id is string => id !== null)
    return { ids, total: directTotal, totalExact: directTotal < rankedCandidateCap, correction: null }
  }
  // Few full matches: profiles matching some of the concepts follow, ranked lower (a word the vocabulary
  // does not know must not hide every partial match), and those matching the query with its misspelt words corrected.
  const correction = await correctQuery(db, text)
  const correctedQuery = correction === null ? null : toTsQuery(await expander.expand(correction))
  const result = await withTextIndex(db, (conn) => sql<{ id: string | null; total: number; capped: boolean }>`
    WITH text_hits AS (
      SELECT p.id, ts_rank(p.search_document, ${tsQuery}) AS score, p.published_at
      FROM ${matching(tsQuery, filters)} LIMIT ${rankedCandidateCap}
    ),
    partial_hits AS (${partialMatches(expanded, filters)}),
    corrected_hits AS (${
      correctedQuery === null
        ? noHits
        : sql`SELECT p.id, ${correctedWeight} * ts_rank(p.search_document, ${correctedQuery}) AS score, p.published_at
          FROM ${matching(correctedQuery, filters)} LIMIT ${correctedCap}`
    }),
    hits AS (
      SELECT id, max(score) AS score, max(published_at) AS published_at
      FROM (SELECT * FROM text_hits UNION ALL SELECT * FROM partial_hits UNION ALL SELECT * FROM corrected_hits) s GROUP BY id
    ),
    page AS (SELECT id, score, published_at FROM hits ORDER BY score DESC, published_at DESC, id LIMIT ${limit} OFFSET ${offset})
    SELECT page.id, (SELECT count(*) FROM hits)::int AS total,
      ((SELECT count(*) FROM partial_hits) >= ${partialCap} OR (SELECT count(*) FROM corrected_hits) >= ${correctedCap}) AS capped
    FROM (SELECT 1) one LEFT JOIN page ON TRUE
    ORDER BY page.score DESC, page.published_at DESC, page.id`.execute(conn))
  const first = result.rows[0]
  return {
    ids: result.rows.map((row) => row.id).filter((id): id is string => id !== null),
    total: first?.total ?? 0,
    totalExact: !(first?.capped ?? false),
    correction,
  }
}

/**
 * The query, folded, with each word that no profile uses replaced by the most similar word that some profile
 * uses (trigram similarity over `search_words`, migration 0017); null when there was nothing to correct.
 */
async function correctQuery(db: Db, text: string): Promise<string | null> {
  const result = await sql<{ folded: string; corrections: string[] }>`
    SELECT clock_fold(${text}) AS folded, ARRAY(
      SELECT typed.word || '=' || best.word FROM clock_words(${text}) AS typed(word)
      CROSS JOIN LATERAL (
        SELECT w.word FROM search_words w WHERE w.word % typed.word ORDER BY similarity(w.word, typed.word) DESC, w.word LIMIT 1
      ) best
      WHERE NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = typed.word)) AS corrections`.execute(db)
  const row = result.rows[0]
  if (!row || row.corrections.length === 0) return null
  const replacements = new Map(row.corrections.map((pair) => pair.split('=') as [string, string]))
  return row.folded.replace(/[a-z0-9]+/g, (word) => replacements.get(word) ?? word)
}

/** No rows, in the shape of the ranked hits: a way of matching that does not apply to a query. */
const noHits = sql`SELECT NULL::uuid AS id, 0::real AS score, NULL::timestamptz AS published_at WHERE FALSE`

/**
 * Profiles matching some of a several-concept query (the full matches excluded by the caller's ranking), up to
 * `partialCap`, ranked by how much of the query they match. They are looked up concept by concept, stopping once
 * enough are found: one index scan for "any concept" would gather every profile that has any of its words.
 */
function partialMatches(expanded: ExpandedQuery, filters: Filters): RawBuilder<unknown> {
  const anyQuery = toTsQuery(expanded, 'any')
  if (expanded.groups.length < 2 || anyQuery === null) return noHits
  const byConcept = expanded.groups.map(
    (group) => sql`(SELECT p.id FROM ${matching(toTsQuery({ groups: [group] }) ?? sql`''::tsquery`, filters)} LIMIT ${partialCap})`,
  )
  return sql`
    SELECT p.id, ${partialWeight} * ts_rank(p.search_document, ${anyQuery}) AS score, p.published_at
    FROM profiles p WHERE p.id IN (
      SELECT found.id FROM (${sql.join(byConcept, sql` UNION ALL `)}) found
      WHERE found.id NOT IN (SELECT id FROM text_hits) LIMIT ${partialCap})`
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

/**
 * Profiles whose text matches `query`, found through the text and facets index alone and then checked against
 * the plain column conditions: a FROM clause naming them `p`, with its WHERE begun. The fence (OFFSET 0) keeps
 * those conditions out of the index scan: given them, the planner would intersect the text's matches with a
 * b-tree of every open profile of a kind, or walk the published profiles in date order testing each one, both
 * far costlier than checking the rows the text index gives (measured with `npm run bench:matchmaking`).
 */
function matching(query: RawBuilder<unknown>, filters: Filters): RawBuilder<unknown> {
  return sql`(SELECT * FROM profiles p WHERE p.search_document @@ ${query} AND ${filters.facets} OFFSET 0) p WHERE ${filters.columns}`
}

/** The filters of a search: conditions over `profiles p`. */
type Filters = {
  /** Every condition: for browsing without text. */
  where: RawBuilder<unknown>
  /** The conditions on the profile's columns (status, expiry, kind, district, TRL). */
  columns: RawBuilder<unknown>
  /** The filters as terms of the text and facets index (`profiles.facets` and `linked_facets`): a text query's. */
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
  const linkedCondition = linkedTerms.length > 0 ? sql`p.linked_facets @@ ${linkedTerms.join(' & ')}::tsquery` : sql`TRUE`
  const columns = sql.join(parts, sql` AND `)
  return {
    where: sql`${columns} AND ${linkedCondition}`,
    columns,
    facets: sql`p.facets @@ ${facets.join(' & ')}::tsquery AND ${linkedCondition}`,
  }
}

/** A district, or for a cluster of clusters such as CLOCK the districts it joins as well. */
export async function districtScope(db: Db, slug: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    SELECT k.id FROM clusters k WHERE k.slug = ${slug}
    UNION SELECT l.child_id FROM cluster_links l JOIN clusters k ON k.id = l.parent_id WHERE k.slug = ${slug}`.execute(db)
  return result.rows.map((row) => row.id)
}
