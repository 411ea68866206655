import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../platform/db.js'
import type { OrganisationType } from '../platform/database.js'

export type DirectoryFilters = {
  q?: string | undefined
  type?: OrganisationType | undefined
  size?: 'micro' | 'small' | 'medium' | 'large' | undefined
  cluster?: string | undefined
  taxonomy?: string | undefined
  province?: string | undefined
  region?: string | undefined
  country?: string | undefined
  page: number
  pageSize: number
}

export type OrganisationSummary = {
  id: string
  legalName: string
  shortName: string | null
  type: OrganisationType
  sizeClass: 'micro' | 'small' | 'medium' | 'large' | null
  city: string | null
  provinceCode: string | null
  country: string
  competences: string[]
  clusters: string[]
  descriptionIt: string
  descriptionEn: string
}

export type DirectoryPage = { items: OrganisationSummary[]; total: number; totalExact: boolean }

/**
 * How many matches a text query ranks, per way of matching (full text, typo-tolerant name). Beyond this a
 * query is too broad for its ranking to matter; capping keeps every search's cost bounded whatever the
 * size of the directory. Totals above the cap are reported as "at least".
 */
export const rankedCandidateCap = 1000
/** Below this many full-text matches, names are also matched with tolerance for typos. */
export const fuzzyFallbackBelow = 20
/** Totals are counted exactly up to this many rows. */
export const exactCountCap = 1000

type Row = {
  id: string
  legal_name: string
  short_name: string | null
  type: OrganisationType
  size_class: OrganisationSummary['sizeClass']
  city: string | null
  province_code: string | null
  country: string
  description_it: string
  description_en: string
  competences: string[]
  clusters: string[]
}

/**
 * The directory search: full text (Italian and English stemming, accents folded) or a typo-tolerant
 * match on the name, narrowed by filters. With a text query the best matches come first; without, by name.
 */
export async function searchDirectory(db: Db, filters: DirectoryFilters): Promise<DirectoryPage> {
  const text = filters.q?.trim() ?? ''
  const offset = (filters.page - 1) * filters.pageSize
  const scope = await resolveScope(db, filters)
  if (scope === 'nothing') return { items: [], total: 0, totalExact: true }
  return text
    ? searchByText(db, text, facetConditions(filters, scope), filters.pageSize, offset)
    : browse(db, browseConditions(filters, scope), filters.pageSize, offset)
}

type Scope = { taxonomyCodes: string[] | null; clusterIds: string[] | null }

/**
 * Taxonomy nodes and clusters resolved to their codes and ids first, so that the planner sees actual
 * values; 'nothing' when a filter names a node or cluster that does not exist.
 */
async function resolveScope(db: Db, filters: DirectoryFilters): Promise<Scope | 'nothing'> {
  const taxonomyCodes = filters.taxonomy ? await taxonomySubtree(db, filters.taxonomy) : null
  const clusterIds = filters.cluster ? await clusterScope(db, filters.cluster) : null
  if (taxonomyCodes?.length === 0 || clusterIds?.length === 0) return 'nothing'
  return { taxonomyCodes, clusterIds }
}

const activeMembership = (clusterIds: string[]): RawBuilder<unknown> =>
  sql`o.id IN (SELECT m.organisation_id FROM memberships m
    WHERE m.cluster_id IN (${sql.join(clusterIds)}) AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date))`

/**
 * Column filters are best served by their b-tree indexes and the extended statistics on correlated
 * columns; a taxonomy node, or a cluster combined with other filters, by intersecting facet terms.
 */
function browseConditions(filters: DirectoryFilters, scope: Scope): RawBuilder<unknown> {
  const columnFilters = [filters.type, filters.size, filters.province, filters.region, filters.country].filter((value) => value !== undefined)
  const useFacets = filters.taxonomy !== undefined || (filters.cluster !== undefined && columnFilters.length > 0)
  return useFacets ? facetConditions(filters, scope) : columnConditions(filters, scope)
}

/** Filters on the columns themselves: for browsing in name order with the b-tree indexes. */
function columnConditions(filters: DirectoryFilters, scope: Scope): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`TRUE`]
  if (filters.type) conditions.push(sql`o.type = ${filters.type}`)
  if (filters.size) conditions.push(sql`o.size_class = ${filters.size}`)
  if (filters.province) conditions.push(sql`o.province_code = ${filters.province}`)
  if (filters.region) conditions.push(sql`o.nuts2 = ${filters.region}`)
  if (filters.country) conditions.push(sql`o.country = ${filters.country}`)
  if (scope.taxonomyCodes) {
    conditions.push(sql`EXISTS (SELECT 1 FROM organisation_competences c
      WHERE c.organisation_id = o.id AND c.taxonomy_code IN (${sql.join(scope.taxonomyCodes)}))`)
  }
  if (scope.clusterIds) conditions.push(activeMembership(scope.clusterIds))
  return sql.join(conditions, sql` AND `)
}

/**
 * The same filters as terms of the `facets` index (see migration 0002), for text queries: the GIN index
 * intersects them with the text's matches before any row is read.
 */
function facetConditions(filters: DirectoryFilters, scope: Scope): RawBuilder<unknown> {
  const term = (prefix: string, value: string): string => `'${prefix}_${value.toLowerCase().replace(/[^a-z0-9]+/g, '_')}'`
  const terms: string[] = []
  if (filters.type) terms.push(term('type', filters.type))
  if (filters.size) terms.push(term('size', filters.size))
  if (filters.province) terms.push(term('province', filters.province))
  if (filters.region) terms.push(term('region', filters.region))
  if (filters.country) terms.push(term('country', filters.country))
  if (filters.taxonomy) terms.push(term('taxonomy', filters.taxonomy))
  if (scope.clusterIds) terms.push(`(${scope.clusterIds.map((id) => term('cluster', id.replace(/-/g, ''))).join(' | ')})`)
  if (terms.length === 0) return sql`TRUE`
  const facets = sql`o.facets @@ ${terms.join(' & ')}::tsquery`
  // Terms name every membership ever held; whether it is active today is checked on the rows they select.
  return scope.clusterIds ? sql`${facets} AND ${activeMembership(scope.clusterIds)}` : facets
}

/** A taxonomy node and its descendants (the tree is two levels deep). */
async function taxonomySubtree(db: Db, code: string): Promise<string[]> {
  const rows = await db.selectFrom('taxonomy_nodes').select('code').where((eb) => eb.or([eb('code', '=', code), eb('parent_code', '=', code)])).execute()
  return rows.map((row) => row.code)
}

/** A cluster and, for a cluster of clusters such as CLOCK, the districts it joins. */
async function clusterScope(db: Db, slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('clusters')
    .select('clusters.id')
    .where('clusters.slug', '=', slug)
    .union(
      db
        .selectFrom('cluster_links')
        .innerJoin('clusters', 'clusters.id', 'cluster_links.parent_id')
        .select('cluster_links.child_id as id')
        .where('clusters.slug', '=', slug),
    )
    .execute()
  return rows.map((row) => row.id)
}

const summaryColumns = sql`o.id, o.legal_name, o.short_name, o.type, o.size_class, o.city, o.province_code, o.country,
  o.description_it, o.description_en,
  ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1) AS competences,
  ARRAY(SELECT DISTINCT k.slug FROM memberships m JOIN clusters k ON k.id = m.cluster_id
    WHERE m.organisation_id = o.id AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) ORDER BY 1) AS clusters`

async function searchByText(db: Db, text: string, where: RawBuilder<unknown>, limit: number, offset: number): Promise<DirectoryPage> {
  // The query is written out (not in a CTE) so that the planner sees its value and estimates how many
  // rows it selects. The typo-tolerant name match only runs when full text finds few organisations:
  // it is for misspelt names, and scoring every name by similarity is the costliest part of a search.
  const folded = sql`clock_fold(${text})`
  const query = sql`(websearch_to_tsquery('simple', ${folded}) || websearch_to_tsquery('italian', ${folded}) || websearch_to_tsquery('english', ${folded}))`
  const result = await sql<Row & { total: number; capped: boolean }>`
    WITH text_hits AS (
      SELECT o.id, ts_rank(o.search_document, ${query}) AS score FROM organisations o
      WHERE o.search_document @@ ${query} AND ${where} LIMIT ${rankedCandidateCap}
    ),
    name_hits AS (
      SELECT o.id, word_similarity(${folded}, o.name_folded) AS score FROM organisations o
      WHERE (SELECT count(*) FROM text_hits) < ${fuzzyFallbackBelow} AND ${folded} <% o.name_folded AND ${where}
      LIMIT ${rankedCandidateCap}
    ),
    hits AS (
      SELECT id, sum(score) AS score FROM (SELECT * FROM text_hits UNION ALL SELECT * FROM name_hits) s GROUP BY id
    ),
    counted AS (
      SELECT (SELECT count(*) FROM hits)::int AS total,
        ((SELECT count(*) FROM text_hits) >= ${rankedCandidateCap} OR (SELECT count(*) FROM name_hits) >= ${rankedCandidateCap}) AS capped
    ),
    page AS (
      SELECT hits.id, hits.score FROM hits JOIN organisations o ON o.id = hits.id
      ORDER BY hits.score DESC, o.name_folded, o.id LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${summaryColumns}, counted.total, counted.capped
    FROM counted LEFT JOIN (page JOIN organisations o ON o.id = page.id) ON TRUE
    ORDER BY page.score DESC, o.name_folded, o.id`.execute(db)
  const first = result.rows[0]
  const items = result.rows.filter((row) => row.id !== null).map(toSummary)
  return { items, total: first?.total ?? 0, totalExact: !(first?.capped ?? false) }
}

async function browse(db: Db, where: RawBuilder<unknown>, limit: number, offset: number): Promise<DirectoryPage> {
  const [rows, count] = await Promise.all([
    sql<Row>`SELECT ${summaryColumns} FROM organisations o WHERE ${where}
      ORDER BY o.name_folded, o.id LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM (SELECT 1 FROM organisations o WHERE ${where} LIMIT ${exactCountCap + 1}) s`.execute(db),
  ])
  const total = count.rows[0]?.total ?? 0
  return { items: rows.rows.map(toSummary), total: Math.min(total, exactCountCap), totalExact: total <= exactCountCap }
}

function toSummary(row: Row): OrganisationSummary {
  return {
    id: row.id,
    legalName: row.legal_name,
    shortName: row.short_name,
    type: row.type,
    sizeClass: row.size_class,
    city: row.city,
    provinceCode: row.province_code,
    country: row.country,
    competences: row.competences,
    clusters: row.clusters,
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
  }
}
