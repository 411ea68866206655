import { sql, type Expression, type SqlBool } from 'kysely'
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

/**
 * The directory search: full text (Italian and English stemming, accents folded) or a typo-tolerant match
 * on the name, narrowed by filters. With a text query the best matches come first; without, by name.
 */
export async function searchDirectory(db: Db, filters: DirectoryFilters): Promise<{ items: OrganisationSummary[]; total: number }> {
  const text = filters.q?.trim() ?? ''
  const folded = sql<string>`clock_fold(${text})`
  const tsQuery = sql`(websearch_to_tsquery('simple', ${folded}) || websearch_to_tsquery('italian', ${folded}) || websearch_to_tsquery('english', ${folded}))`

  let query = db.selectFrom('organisations as o')
  const conditions: Expression<SqlBool>[] = []
  if (text) conditions.push(sql<SqlBool>`(o.search_document @@ ${tsQuery} OR ${folded} <% o.name_folded)`)
  if (filters.type) conditions.push(sql<SqlBool>`o.type = ${filters.type}`)
  if (filters.size) conditions.push(sql<SqlBool>`o.size_class = ${filters.size}`)
  if (filters.province) conditions.push(sql<SqlBool>`o.province_code = ${filters.province}`)
  if (filters.region) conditions.push(sql<SqlBool>`o.nuts2 = ${filters.region}`)
  if (filters.country) conditions.push(sql<SqlBool>`o.country = ${filters.country}`)
  if (filters.taxonomy) {
    conditions.push(sql<SqlBool>`EXISTS (SELECT 1 FROM organisation_competences c WHERE c.organisation_id = o.id
      AND (c.taxonomy_code = ${filters.taxonomy} OR c.taxonomy_code LIKE ${`${filters.taxonomy}.%`}))`)
  }
  if (filters.cluster) {
    // A cluster of clusters (CLOCK) counts the members of the districts it joins.
    conditions.push(sql<SqlBool>`EXISTS (SELECT 1 FROM memberships m JOIN clusters k ON k.id = m.cluster_id
      WHERE m.organisation_id = o.id AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)
      AND (k.slug = ${filters.cluster} OR k.id IN (SELECT l.child_id FROM cluster_links l JOIN clusters p ON p.id = l.parent_id WHERE p.slug = ${filters.cluster})))`)
  }
  if (conditions.length > 0) query = query.where((eb) => eb.and(conditions))

  let ordered = query
  if (text) ordered = ordered.orderBy(sql`ts_rank_cd(o.search_document, ${tsQuery}) + word_similarity(${folded}, o.name_folded)`, 'desc')
  const [rows, count] = await Promise.all([
    ordered
      .select([
        'o.id',
        'o.legal_name',
        'o.short_name',
        'o.type',
        'o.size_class',
        'o.city',
        'o.province_code',
        'o.country',
        'o.description_it',
        'o.description_en',
      ])
      .select(sql<string[]>`ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1)`.as('competences'))
      .select(
        sql<string[]>`ARRAY(SELECT DISTINCT k.slug FROM memberships m JOIN clusters k ON k.id = m.cluster_id
          WHERE m.organisation_id = o.id AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date) ORDER BY 1)`.as('clusters'),
      )
      .orderBy('o.name_folded')
      .orderBy('o.id')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
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
    })),
  }
}
