import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../platform/db.js'
import type { OrganisationType } from '../../platform/database.js'
import { notFound } from '../../platform/errors.js'
import type { ProfileKind } from '../marketplace-terms.js'
import { listSummaries, type OrganisationRef, type ProfileSummary } from '../profiles.service.js'
import type { QueryExpander } from '../query-expansion.js'
import { defaultQueryExpander, toTsQuery, withTextIndex } from '../search.js'
import { containsConcept, stemText } from './text-match.js'
import { complementaryKinds, isEligible, isRelevant, rank, scoreCandidate, type Candidate, type Scored, type Seeker } from './score.js'

/**
 * How many candidates each way of finding them (taxonomy, text) hands to the scorer: a speed/quality trade-off.
 * Measured on the bench:matchmaking data (80 profiles), the mean score of the top 10 against a pool of 5,000:
 * organisations 64.99 / 67.06 and profiles 79.98 / 81.41 with 300; with 400, 65.53 and 80.35, for a
 * recommendation about 15 % slower.
 */
const poolPerSource = 300
/** The seeker's concepts that count: keywords first, then the title's words. */
const maxConcepts = 12

export type OrganisationRecommendation = { organisation: OrganisationRef; districtIds: string[] } & Scored
export type ProfileRecommendation = { profile: ProfileSummary } & Scored
export type Recommendations = { organisations: OrganisationRecommendation[]; profiles: ProfileRecommendation[] }

type SeekerRow = {
  id: string
  kind: ProfileKind
  status: string
  title: string
  keywords: string[]
  trl: number | null
  target_organisation_types: OrganisationType[]
  cluster_id: string
  organisation_id: string
  organisation_type: OrganisationType
  nuts2: string | null
  country: string
  taxonomy: string[]
}

/** The seeker's concepts: each keyword, then the title, split and widened across languages; duplicates once. */
export async function seekerConcepts(expander: QueryExpander, keywords: readonly string[], title: string): Promise<string[][]> {
  const concepts: string[][] = []
  const seen = new Set<string>()
  for (const text of [...keywords, title]) {
    const { groups } = await expander.expand(text)
    for (const group of groups) {
      const key = group[0] as string
      if (key.length < 3 || seen.has(key)) continue
      seen.add(key)
      concepts.push(group)
    }
  }
  return concepts.slice(0, maxConcepts)
}

async function loadSeeker(db: Db, profileId: string, expander: QueryExpander): Promise<Seeker & { profileId: string }> {
  const result = await sql<SeekerRow>`
    SELECT p.id, p.kind, p.status, p.title, p.keywords, p.trl, p.target_organisation_types, p.cluster_id,
      o.id AS organisation_id, o.type AS organisation_type, o.nuts2, o.country,
      ARRAY(SELECT t.taxonomy_code FROM profile_taxonomy t WHERE t.profile_id = p.id ORDER BY 1) AS taxonomy
    FROM profiles p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ${profileId}`.execute(db)
  const row = result.rows[0]
  if (!row) throw notFound('entity.profile')
  return {
    profileId: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    taxonomy: row.taxonomy,
    concepts: await seekerConcepts(expander, row.keywords, row.title),
    trl: row.trl,
    organisationType: row.organisation_type,
    targetTypes: row.target_organisation_types,
    nuts2: row.nuts2,
    country: row.country,
    districtIds: [row.cluster_id],
  }
}

/** One boolean per concept: whether the document contains it, in any of its forms. */
function conceptMatches(document: RawBuilder<unknown>, concepts: readonly (readonly string[])[]): RawBuilder<unknown> {
  if (concepts.length === 0) return sql`ARRAY[]::boolean[]`
  // The document is read out of the row once (a stored tsvector may be compressed: each test would
  // unpack it again), then tested for every concept.
  const tests = concepts.map((group) => sql`d.doc @@ ${toTsQuery({ groups: [[...group]] })}`)
  return sql`(SELECT ARRAY[${sql.join(tests)}] FROM (SELECT ${document} || ''::tsvector AS doc OFFSET 0) d)`
}

const matchedIndexes = (flags: readonly boolean[]): number[] => flags.flatMap((flag, index) => (flag ? [index] : []))

type CollaborationCounts = Map<string, { pastCollaborations: number; sharedPartners: number }>

/** For each candidate organisation: collaborations with the seeker's organisation, and partners both have had. */
async function collaborationCounts(db: Db, seekerOrganisationId: string, candidateIds: readonly string[]): Promise<CollaborationCounts> {
  const counts: CollaborationCounts = new Map()
  if (candidateIds.length === 0) return counts
  const mine = await sql<{ partner_id: string }>`SELECT DISTINCT partner_id FROM collaborations WHERE organisation_id = ${seekerOrganisationId}`.execute(db)
  // Only a candidate's collaborations with the seeker or with one of the seeker's partners count: asking
  // for those alone reads a handful of rows instead of every collaboration of hundreds of candidates. The
  // candidates travel as one parameter, unnested: hundreds of values in the condition itself cost more to plan
  // (an estimate for each) than the query takes to run.
  const counted = [seekerOrganisationId, ...mine.rows.map((row) => row.partner_id).filter((id) => id !== seekerOrganisationId)]
  const result = await sql<{ id: string; past: number; shared: number }>`
    SELECT organisation_id AS id,
      count(DISTINCT ref) FILTER (WHERE partner_id = ${seekerOrganisationId})::int AS past,
      count(DISTINCT partner_id) FILTER (WHERE partner_id <> ${seekerOrganisationId})::int AS shared
    FROM collaborations
    WHERE organisation_id IN (SELECT unnest(string_to_array(${candidateIds.join(',')}, ',')::uuid[])) AND partner_id IN (${sql.join(counted)})
    GROUP BY organisation_id`.execute(db)
  for (const row of result.rows) counts.set(row.id, { pastCollaborations: row.past, sharedPartners: row.shared })
  return counts
}

/** A term of `profiles.linked_facets` (migration 0016): lower case, a taxonomy code's dots written '_'. */
const codeTerm = (prefix: 'taxonomy' | 'code', code: string): string => `${prefix}_${code.toLowerCase().replace(/\./g, '_')}`

/** Beyond this many combinations, a tier of "this many codes shared" is skipped: the next one still finds them. */
const maxTierCombinations = 10

/** The subsets of `size` items of `items`, in order. */
function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  if (items.length < size) return []
  const [first, ...rest] = items as [T, ...T[]]
  return [...combinations(rest, size - 1).map((tail) => [first, ...tail]), ...combinations(rest, size)]
}

/**
 * "Shares this many of the seeker's codes" as tsqueries, most first: every code, then fewer, down to any
 * code; `group` gives the terms that share one code. A tier with too many combinations is skipped.
 */
function sharingTiers(codes: readonly string[], group: (code: string) => string[]): string[] {
  const groups = [...new Set(codes)].filter((code) => /^[A-Za-z0-9._]+$/.test(code)).map((code) => `(${group(code).join(' | ')})`)
  const tiers: string[] = []
  for (let shared = groups.length; shared >= 1; shared--) {
    const subsets = combinations(groups, shared)
    if (shared > 1 && subsets.length > maxTierCombinations) continue
    tiers.push(subsets.map((subset) => `(${subset.join(' & ')})`).join(' | '))
  }
  return tiers
}

/** The parent of a taxonomy code, or null for a root. */
const parentCode = (code: string): string | null => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null)

/**
 * Ids found tier by tier, those in the highest tier first. Each tier asks for its own rows only (sharing this
 * many codes and not more), so no id comes twice, and the executor reads the tiers in order and stops once the
 * pool is full: the broad "any code" tier, whose index scan is the costliest, is only read when the narrower
 * ones leave room.
 */
function byTier(tiers: readonly string[], find: (query: string) => RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = tiers.map((query, i) => {
    const higher = i === 0 ? null : tiers[i - 1]!
    return sql`(${find(higher === null ? query : `(${query}) & !(${higher})`)} LIMIT ${poolPerSource})`
  })
  return sql`SELECT id FROM (${sql.join(parts, sql` UNION ALL `)}) tiers LIMIT ${poolPerSource}`
}

/**
 * Open profiles sharing taxonomy with the seeker, those sharing more of the seeker's codes first. Each of
 * the seeker's codes is shared by a profile tagged with it, with a node below it, or with its parent; while
 * a profile is published those are terms of `profiles.linked_facets` for its kind (migration 0016), so each
 * tier ("every code", then fewer, down to "any code") is one lookup in the GIN index through short posting
 * lists, stopping once the pool is full, instead of counting every tag row of a broad code.
 */
function profilesByCode(codes: readonly string[], kinds: readonly ProfileKind[], excludeOrganisationId: string | null): RawBuilder<unknown> {
  const tiers = sharingTiers(codes, (code) => {
    const parent = parentCode(code)
    const terms = [codeTerm('taxonomy', code), ...(parent === null ? [] : [codeTerm('code', parent)])]
    return kinds.flatMap((kind) => terms.map((term) => `published_${kind}_${term}`))
  })
  if (tiers.length === 0 || kinds.length === 0) return sql`SELECT p.id FROM profiles p WHERE FALSE`
  const notOwn = excludeOrganisationId === null ? sql`TRUE` : sql`p.organisation_id <> ${excludeOrganisationId}`
  return byTier(tiers, (query) => sql`SELECT p.id FROM profiles p
    WHERE p.linked_facets @@ ${query}::tsquery AND p.expires_on >= current_date AND ${notOwn}`)
}

/**
 * Organisations sharing taxonomy with the seeker, those sharing more of the seeker's codes first, as for
 * profiles: through the competence terms of `organisations.facets` (migrations 0002 and 0016). A root code
 * is shared by every organisation with a competence under it (`taxonomy_<root>`); a code below the root by
 * those holding it or its parent.
 */
function organisationsByCode(codes: readonly string[]): RawBuilder<unknown> {
  const tiers = sharingTiers(codes, (code) => {
    const parent = parentCode(code)
    return parent === null ? [codeTerm('taxonomy', code)] : [codeTerm('code', code), codeTerm('code', parent)]
  })
  if (tiers.length === 0) return sql`SELECT o.id FROM organisations o WHERE FALSE`
  return byTier(tiers, (query) => sql`SELECT o.id FROM organisations o WHERE o.facets @@ ${query}::tsquery`)
}

/**
 * Up to `poolPerSource` ids of `table` whose document contains at least one concept: concept by concept,
 * the seeker's own first, stopping once the pool is full. One query per concept reads far fewer postings
 * than one query asking for any of them, and a common first keyword fills the pool alone.
 */
function byAnyConcept(table: 'profiles p' | 'organisations o', concepts: readonly (readonly string[])[], condition: RawBuilder<unknown>): RawBuilder<unknown> {
  const alias = table === 'profiles p' ? sql`p` : sql`o`
  if (concepts.length === 0) return sql`SELECT ${alias}.id FROM ${sql.raw(table)} WHERE FALSE`
  const parts = concepts.map((group) => sql`(SELECT ${alias}.id FROM ${sql.raw(table)} WHERE ${alias}.search_document @@ ${toTsQuery({ groups: [[...group]] })} AND ${condition} LIMIT ${poolPerSource})`)
  return sql`SELECT id FROM (${sql.join(parts, sql` UNION ALL `)}) found LIMIT ${poolPerSource}`
}

/**
 * Published profiles of the given kinds, as facet terms of `profiles.facets` (migration 0012), which the
 * generated column keeps exact. The candidate queries state status and kind this way only: the same
 * conditions on the columns would let the planner walk a partial B-tree of every published profile.
 */
function openFacets(kinds: readonly ProfileKind[]): RawBuilder<unknown> {
  return sql`p.facets @@ ${`status_published & (${kinds.map((kind) => `kind_${kind}`).join(' | ')})`}::tsquery`
}

type OrganisationRow = {
  id: string
  name: string
  type: OrganisationType
  size_class: OrganisationRef['sizeClass']
  city: string | null
  nuts2: string | null
  country: string
  taxonomy: string[]
  matched: boolean[]
}

async function organisationCandidates(db: Db, seeker: Seeker): Promise<OrganisationRow[]> {
  // With the planner told to read through the indexes (see withTextIndex): a concept's expanded forms look
  // common to it, and with a LIMIT it would read the table in order until enough documents match.
  const result = await withTextIndex(db, (conn) => sql<OrganisationRow>`
    WITH by_code AS (${organisationsByCode(seeker.taxonomy)}),
    by_text AS (${byAnyConcept('organisations o', seeker.concepts, sql`TRUE`)}),
    pool AS (SELECT id FROM by_code UNION SELECT id FROM by_text)
    SELECT o.id, o.legal_name AS name, o.type, o.size_class, o.city, o.nuts2, o.country,
      ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1) AS taxonomy,
      ${conceptMatches(sql`o.search_document`, seeker.concepts)} AS matched
    FROM pool JOIN organisations o ON o.id = pool.id
    WHERE o.id <> ${seeker.organisationId}`.execute(conn))
  return result.rows
}

type ProfileRow = {
  id: string
  organisation_id: string
  organisation_type: OrganisationType
  nuts2: string | null
  country: string
  cluster_id: string
  trl: number | null
  taxonomy: string[]
  matched: boolean[]
}

async function profileCandidates(db: Db, seeker: Seeker): Promise<ProfileRow[]> {
  const kinds = complementaryKinds(seeker.kind)
  const open = sql`${openFacets(kinds)} AND p.expires_on >= current_date`
  const result = await withTextIndex(db, (conn) => sql<ProfileRow>`
    WITH by_code AS (${profilesByCode(seeker.taxonomy, kinds, null)}),
    by_text AS (${byAnyConcept('profiles p', seeker.concepts, open)}),
    pool AS (SELECT id FROM by_code UNION SELECT id FROM by_text)
    SELECT p.id, p.organisation_id, o.type AS organisation_type, o.nuts2, o.country, p.cluster_id, p.trl,
      ARRAY(SELECT t.taxonomy_code FROM profile_taxonomy t WHERE t.profile_id = p.id ORDER BY 1) AS taxonomy,
      ${conceptMatches(sql`p.search_document`, seeker.concepts)} AS matched
    FROM pool JOIN profiles p ON p.id = pool.id JOIN organisations o ON o.id = p.organisation_id
    WHERE p.organisation_id <> ${seeker.organisationId}`.execute(conn))
  return result.rows
}

const noCollaboration = { pastCollaborations: 0, sharedPartners: 0 }

/** The districts each organisation is a member of today. */
async function activeDistricts(db: Db, organisationIds: readonly string[]): Promise<Map<string, string[]>> {
  const districts = new Map<string, string[]>()
  if (organisationIds.length === 0) return districts
  const result = await sql<{ organisation_id: string; districts: string[] }>`
    SELECT m.organisation_id, array_agg(DISTINCT m.cluster_id ORDER BY m.cluster_id) AS districts FROM memberships m
    WHERE m.organisation_id IN (${sql.join(organisationIds)}) AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)
    GROUP BY m.organisation_id`.execute(db)
  for (const row of result.rows) districts.set(row.organisation_id, row.districts)
  return districts
}

/**
 * Who could answer a profile, from every district: organisations by their competences and texts, and the
 * profiles of complementary kind; each with its score and the reasons for it.
 */
export async function recommendForProfile(
  db: Db,
  profileId: string,
  options: { limit?: number; expander?: QueryExpander } = {},
): Promise<Recommendations & { seeker: Seeker }> {
  const limit = options.limit ?? 10
  const seeker = await loadSeeker(db, profileId, options.expander ?? defaultQueryExpander)
  const [organisationRows, profileRows] = await Promise.all([organisationCandidates(db, seeker), profileCandidates(db, seeker)])
  const owners = [...new Set([...organisationRows.map((row) => row.id), ...profileRows.map((row) => row.organisation_id)])]
  const collaborations = await collaborationCounts(db, seeker.organisationId, owners)

  // Districts earn no points (they only say that a candidate reaches across districts), so they are read for
  // the organisations that made the list only, and their reasons completed then.
  const ranked = rank(
    organisationRows
      .map((row) => {
        const candidate: Candidate = {
          organisationId: row.id,
          organisationType: row.type,
          taxonomy: row.taxonomy,
          matchedConcepts: matchedIndexes(row.matched),
          trl: null,
          nuts2: row.nuts2,
          country: row.country,
          districtIds: [],
          ...(collaborations.get(row.id) ?? noCollaboration),
        }
        return { id: row.id, row, candidate, scored: scoreCandidate(seeker, candidate) }
      })
      .filter((item) => isEligible(seeker, item.candidate) && isRelevant(item.scored)),
    limit,
  )
  const profiles = rank(
    profileRows
      .map((row) => {
        const candidate: Candidate = {
          organisationId: row.organisation_id,
          organisationType: row.organisation_type,
          taxonomy: row.taxonomy,
          matchedConcepts: matchedIndexes(row.matched),
          trl: row.trl,
          nuts2: row.nuts2,
          country: row.country,
          districtIds: [row.cluster_id],
          ...(collaborations.get(row.organisation_id) ?? noCollaboration),
        }
        return { id: row.id, candidate, scored: scoreCandidate(seeker, candidate) }
      })
      .filter((item) => isEligible(seeker, item.candidate) && isRelevant(item.scored)),
    limit,
  )
  const [districts, summaries] = await Promise.all([
    activeDistricts(db, ranked.map((item) => item.id)),
    profiles.length === 0 ? [] : listSummaries(db, sql`p.id IN (${sql.join(profiles.map((item) => item.id))})`, sql`p.id`, profiles.length),
  ])
  const summaryById = new Map(summaries.map((summary) => [summary.id, summary]))

  return {
    seeker,
    organisations: ranked.map(({ row, candidate }) => {
      const districtIds = districts.get(row.id) ?? []
      return {
        organisation: { id: row.id, name: row.name, type: row.type, sizeClass: row.size_class, city: row.city, nuts2: row.nuts2 },
        districtIds,
        ...scoreCandidate(seeker, { ...candidate, districtIds }),
      }
    }),
    profiles: profiles.flatMap(({ id, scored }) => {
      const profile = summaryById.get(id)
      return profile ? [{ profile, ...scored }] : []
    }),
  }
}

type OrganisationSelf = {
  id: string
  type: OrganisationType
  nuts2: string | null
  country: string
  legal_name: string
  keywords: string[]
  description_it: string
  description_en: string
  taxonomy: string[]
  districts: string[]
}

/** A published need, read the way a seeker is (its status goes without saying). */
type NeedRow = Omit<SeekerRow, 'status'>

const requestKinds: readonly ProfileKind[] = ['technology_request', 'rd_partner_request', 'business_request', 'finance_request']

/**
 * The published needs an organisation could answer, from every district. Each need is scored exactly as
 * the organisation would be scored among that need's own recommendations, so both sides see one number.
 */
export async function needsForOrganisation(
  db: Db,
  organisationId: string,
  options: { limit?: number; expander?: QueryExpander } = {},
): Promise<ProfileRecommendation[]> {
  const expander = options.expander ?? defaultQueryExpander
  const self = (
    await sql<OrganisationSelf>`
      SELECT o.id, o.type, o.nuts2, o.country, o.legal_name, o.keywords, o.description_it, o.description_en,
        ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1) AS taxonomy,
        ARRAY(SELECT DISTINCT m.cluster_id FROM memberships m WHERE m.organisation_id = o.id
              AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)) AS districts
      FROM organisations o WHERE o.id = ${organisationId}`.execute(db)
  ).rows[0]
  if (!self) throw notFound('entity.organisation')
  const ownConcepts = await seekerConcepts(expander, self.keywords, '')
  const open = sql`${openFacets(requestKinds)} AND p.expires_on >= current_date AND p.organisation_id <> ${organisationId}`
  const rows = (
    await withTextIndex(db, (conn) => sql<NeedRow>`
      WITH by_code AS (${profilesByCode(self.taxonomy, requestKinds, organisationId)}),
      by_text AS (${byAnyConcept('profiles p', ownConcepts, open)}),
      pool AS (SELECT id FROM by_code UNION SELECT id FROM by_text)
      SELECT p.id, p.kind, p.title, p.keywords, p.trl, p.target_organisation_types, p.cluster_id,
        o.id AS organisation_id, o.type AS organisation_type, o.nuts2, o.country,
        ARRAY(SELECT t.taxonomy_code FROM profile_taxonomy t WHERE t.profile_id = p.id ORDER BY 1) AS taxonomy
      FROM pool JOIN profiles p ON p.id = pool.id JOIN organisations o ON o.id = p.organisation_id`.execute(conn))
  ).rows
  const ownText = stemText(self.legal_name, self.keywords.join(' , '), self.description_it, self.description_en)
  const scored = await Promise.all(
    rows.map(async (need) => {
      const seeker: Seeker = {
        organisationId: need.organisation_id,
        kind: need.kind,
        taxonomy: need.taxonomy,
        concepts: await seekerConcepts(expander, need.keywords, need.title),
        trl: need.trl,
        organisationType: need.organisation_type,
        targetTypes: need.target_organisation_types,
        nuts2: need.nuts2,
        country: need.country,
        districtIds: [need.cluster_id],
      }
      return { id: need.id, seeker }
    }),
  )
  const collaborations = await collaborationCounts(db, organisationId, [...new Set(rows.map((row) => row.organisation_id))])
  const ranked = rank(
    scored
      .map(({ id, seeker }) => {
        const candidate: Candidate = {
          organisationId: self.id,
          organisationType: self.type,
          taxonomy: self.taxonomy,
          matchedConcepts: seeker.concepts.flatMap((forms, index) => (containsConcept(ownText, forms) ? [index] : [])),
          trl: null,
          nuts2: self.nuts2,
          country: self.country,
          districtIds: self.districts,
          ...(collaborations.get(seeker.organisationId) ?? noCollaboration),
        }
        const result = scoreCandidate(seeker, candidate)
        // Seen from the organisation, the other district is the need's.
        const reasons = result.reasons.map((reason) => (reason.code === 'other_district' ? { ...reason, detail: { districtIds: [...seeker.districtIds] } } : reason))
        return { id, candidate, seeker, scored: { ...result, reasons } }
      })
      .filter((item) => isEligible(item.seeker, item.candidate) && isRelevant(item.scored)),
    options.limit ?? 10,
  )
  if (ranked.length === 0) return []
  const summaries = await listSummaries(db, sql`p.id IN (${sql.join(ranked.map((item) => item.id))})`, sql`p.id`, ranked.length)
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  return ranked.flatMap(({ id, scored: result }) => {
    const profile = byId.get(id)
    return profile ? [{ profile, ...result }] : []
  })
}
