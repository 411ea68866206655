import { sql } from 'kysely'
import type { Db } from '../../platform/db.js'
import type { OrganisationType } from '../../platform/database.js'
import { invalidField } from '../../platform/errors.js'
import { assertKnownTaxonomyCodes } from '../../taxonomy/taxonomy.service.js'
import type { QueryExpander } from '../query-expansion.js'
import { defaultQueryExpander, toTsQuery } from '../search.js'
import { orgKey, type Corpus, type CorpusParticipation, type CorpusProject } from './corpus.js'
import { buildIndex, recommendPartners, type ConsortiumIndex, type PartnerInput } from './engine.js'
import {
  codeAnswers,
  complementRole,
  fromEngineReasons,
  fuseRankings,
  orderReasons,
  registryPoints,
  roleOfName,
  roleOfType,
  type Bilingual,
  type ConsortiumRole,
  type SuggestionReason,
} from './suggest.js'

// ---------------------------------------------------------------------------------------------------------
// The collaboration corpus: imported past projects plus the platform's own collaborations, as the engine
// reads them, cached per database and rebuilt when a cheap signature of the underlying tables changes.
// ---------------------------------------------------------------------------------------------------------

export type CollaborationCorpus = {
  index: ConsortiumIndex
  /** Organisation key (the benchmark's identity) to the registry organisation it stands for. */
  organisationByKey: ReadonlyMap<string, string>
  counts: { imported: number; proposals: number; agreements: number }
}

type MemberRow = {
  project_id: string
  title: string
  start_date: string | null
  position: number
  name: string
  org_key: string | null
  country: string | null
  city: string | null
  organisation_id: string | null
}

/** Every collaboration as (project, member) rows: imported projects, submitted proposals, recorded agreements. */
export async function loadCollaborationCorpus(db: Db): Promise<CollaborationCorpus> {
  // A participant linked to the registry speaks with the registry's name, so that the same organisation met
  // in an imported project and in a platform proposal is one node of the graph.
  const imported = await sql<MemberRow>`
    SELECT 'past:' || p.id AS project_id, p.title, p.start_date, pp.position,
      coalesce(o.legal_name, pp.name) AS name, CASE WHEN o.id IS NULL THEN pp.org_key END AS org_key,
      coalesce(o.country, pp.country) AS country, coalesce(o.city, pp.city) AS city, o.id AS organisation_id
    FROM past_participants pp JOIN past_projects p ON p.id = pp.project_id
    LEFT JOIN organisations o ON o.id = pp.organisation_id
    ORDER BY p.id, pp.position`.execute(db)
  const proposals = await sql<MemberRow>`
    SELECT 'proposal:' || pr.id AS project_id, pr.title, NULL AS start_date, m.position,
      o.legal_name AS name, NULL AS org_key, o.country, o.city, o.id AS organisation_id
    FROM proposals pr
    JOIN LATERAL (
      SELECT organisation_id, position FROM proposal_partners WHERE proposal_id = pr.id
      UNION SELECT pr.lead_organisation_id, -1
    ) m ON true
    JOIN organisations o ON o.id = m.organisation_id
    WHERE pr.current_version > 0
    ORDER BY pr.id, m.position`.execute(db)
  const agreements = await sql<MemberRow>`
    SELECT 'agreement:' || i.id AS project_id, p.title, NULL AS start_date, m.position,
      o.legal_name AS name, NULL AS org_key, o.country, o.city, o.id AS organisation_id
    FROM profile_interests i JOIN profiles p ON p.id = i.profile_id
    JOIN LATERAL (SELECT p.organisation_id, 0 AS position UNION ALL SELECT i.organisation_id, 1) m ON true
    JOIN organisations o ON o.id = m.organisation_id
    WHERE i.status = 'accepted' AND EXISTS (SELECT 1 FROM interest_steps s WHERE s.interest_id = i.id AND s.step = 'agreement')
    ORDER BY i.id, m.position`.execute(db)

  const projects: CorpusProject[] = []
  const participations: CorpusParticipation[] = []
  const organisationByKey = new Map<string, string>()
  const seen = new Set<string>()
  const counts = { imported: 0, proposals: 0, agreements: 0 }
  const add = (rows: readonly MemberRow[], kind: keyof typeof counts): void => {
    for (const row of rows) {
      if (!seen.has(row.project_id)) {
        seen.add(row.project_id)
        counts[kind]++
        projects.push({ id: row.project_id, rcn: '', acronym: '', title: row.title, startDate: row.start_date, endDate: null, cost: null, funding: null })
      }
      const key = row.org_key ?? orgKey(row.name)
      if (key === '') continue
      if (row.organisation_id !== null && !organisationByKey.has(key)) organisationByKey.set(key, row.organisation_id)
      participations.push({ projectId: row.project_id, order: row.position, name: row.name, key, country: row.country, city: row.city, lat: null, lon: null })
    }
  }
  add(imported.rows, 'imported')
  add(proposals.rows, 'proposals')
  add(agreements.rows, 'agreements')
  const corpus: Corpus = { projects, participations }
  return { index: buildIndex(corpus), organisationByKey, counts }
}

/**
 * Changes whenever a collaboration is added, changed or removed; a handful of aggregate reads. The import
 * touches a past project whenever its participants change, so past_participants need not be read.
 */
async function corpusSignature(db: Db): Promise<string> {
  const result = await sql<{ signature: string }>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM past_projects),
      (SELECT count(*) || ':' || coalesce(sum(current_version), 0) || ':' || coalesce(max(updated_at)::text, '') FROM proposals WHERE current_version > 0),
      (SELECT count(*) FROM proposal_partners pp JOIN proposals p ON p.id = pp.proposal_id WHERE p.current_version > 0),
      (SELECT count(*) || ':' || coalesce(max(decided_at)::text, '') FROM profile_interests WHERE status = 'accepted'),
      (SELECT count(*) || ':' || coalesce(max(recorded_at)::text, '') FROM interest_steps WHERE step = 'agreement')
    ) AS signature`.execute(db)
  return result.rows[0]?.signature ?? ''
}

/** Renamed organisations are not in the signature: the cache is also rebuilt after this long. */
const maxAgeMs = 10 * 60_000

type CacheEntry = { signature: string; builtAt: number; corpus: Promise<CollaborationCorpus> }
const cache = new WeakMap<Db, CacheEntry>()

/**
 * The corpus for this database, from memory when nothing changed. The signature is read on every call, so
 * an import run by `clock import` in another process is seen by the next request.
 */
export async function collaborationCorpus(db: Db): Promise<CollaborationCorpus> {
  const signature = await corpusSignature(db)
  const entry = cache.get(db)
  if (entry && entry.signature === signature && Date.now() - entry.builtAt < maxAgeMs) return entry.corpus
  const corpus = loadCollaborationCorpus(db)
  cache.set(db, { signature, builtAt: Date.now(), corpus })
  corpus.catch(() => {
    if (cache.get(db)?.corpus === corpus) cache.delete(db)
  })
  return corpus
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------------------

export type PartnerRequest = { organisationId: string } | { name: string; country: string; city?: string | undefined }

export type SuggestionRequest = {
  title: string
  description?: string | undefined
  taxonomyCodes?: readonly string[] | undefined
  partners: readonly PartnerRequest[]
  limit?: number | undefined
}

export type SuggestedOrganisation = { id: string; name: string; type: OrganisationType; city: string | null; country: string }

export type Suggestion = {
  /** The registry organisation, when the suggestion is one; null for an organisation known only from past projects. */
  organisation: SuggestedOrganisation | null
  name: string
  country: string | null
  score: number
  /** Which list put it forward: the collaboration history, the registry's competences, or both. */
  sources: ('history' | 'registry')[]
  reasons: SuggestionReason[]
}

export type SuggestionResult = {
  suggestions: Suggestion[]
  corpus: { projects: number; organisations: number; imported: number; proposals: number; agreements: number }
}

type RegistryRow = {
  id: string
  legal_name: string
  type: OrganisationType
  city: string | null
  country: string
  competences: string[]
  districts: string[]
}

type ResolvedPartner = { input: PartnerInput; organisationId: string | null; role: ConsortiumRole; districts: string[] }

async function registryDetails(db: Db, ids: readonly string[]): Promise<Map<string, RegistryRow>> {
  if (ids.length === 0) return new Map()
  const result = await sql<RegistryRow>`
    SELECT o.id, o.legal_name, o.type, o.city, o.country,
      ARRAY(SELECT c.taxonomy_code FROM organisation_competences c WHERE c.organisation_id = o.id ORDER BY 1) AS competences,
      ARRAY(SELECT DISTINCT m.cluster_id FROM memberships m WHERE m.organisation_id = o.id
            AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date)) AS districts
    FROM organisations o WHERE o.id IN (${sql.join([...ids])})`.execute(db)
  return new Map(result.rows.map((row) => [row.id, row]))
}

async function resolvePartners(db: Db, partners: readonly PartnerRequest[]): Promise<ResolvedPartner[]> {
  const ids = partners.flatMap((p) => ('organisationId' in p ? [p.organisationId] : []))
  const found = await registryDetails(db, ids)
  return partners.map((p, i) => {
    if ('organisationId' in p) {
      const row = found.get(p.organisationId)
      if (!row) throw invalidField(`partners.${i}.organisationId`, 'validation.unknown_organisation')
      return {
        input: { name: row.legal_name, country: row.country, ...(row.city ? { city: row.city } : {}) },
        organisationId: row.id,
        role: roleOfType(row.type),
        districts: row.districts,
      }
    }
    return { input: { name: p.name, country: p.country, ...(p.city ? { city: p.city } : {}) }, organisationId: null, role: roleOfName(p.name), districts: [] }
  })
}

/** Registry organisations holding a competence related to the requested codes, most codes first. */
async function competenceCandidates(db: Db, codes: readonly string[], exclude: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return []
  const parents = codes.filter((code) => code.includes('.')).map((code) => code.slice(0, code.lastIndexOf('.')))
  const exact = [...new Set([...codes, ...parents])]
  const result = await sql<{ id: string }>`
    SELECT c.organisation_id AS id FROM organisation_competences c
    WHERE (c.taxonomy_code IN (${sql.join(exact)}) OR ${sql.join(codes.map((code) => sql`c.taxonomy_code LIKE ${`${code}.%`}`), sql` OR `)})
      ${exclude.length > 0 ? sql`AND c.organisation_id NOT IN (${sql.join([...exclude])})` : sql``}
    GROUP BY c.organisation_id ORDER BY count(*) DESC, c.organisation_id LIMIT ${registryPool}`.execute(db)
  return result.rows.map((row) => row.id)
}

/** The idea's concepts: the words of the title, then of the description, each widened across Italian and English. */
async function ideaConcepts(expander: QueryExpander, title: string, description: string): Promise<string[][]> {
  const concepts: string[][] = []
  const seen = new Set<string>()
  for (const text of [title, description]) {
    if (text.trim() === '') continue
    for (const group of (await expander.expand(text)).groups) {
      const key = group[0]
      if (key === undefined || key.length < 3 || seen.has(key)) continue
      seen.add(key)
      concepts.push(group)
    }
  }
  return concepts.slice(0, maxConcepts)
}

/**
 * Registry organisations whose texts (names, descriptions, keywords) contain the idea's concepts in either
 * language, most concepts first, with the concepts each one contains. Like the directory, at most 1,000 index
 * hits are looked at, so a broad word costs the same on any size of registry.
 */
async function textCandidates(db: Db, concepts: readonly (readonly string[])[], exclude: readonly string[]): Promise<Map<string, string[]>> {
  const any = toTsQuery({ groups: concepts.map((group) => [...group]) }, 'any')
  if (any === null) return new Map()
  const flags = sql.join(concepts.map((group) => sql`o.search_document @@ ${toTsQuery({ groups: [[...group]] })}`))
  const result = await sql<{ id: string; matched: boolean[] }>`
    WITH hits AS MATERIALIZED (
      SELECT o.id, o.search_document FROM organisations o WHERE o.search_document @@ ${any}
        ${exclude.length > 0 ? sql`AND o.id NOT IN (${sql.join([...exclude])})` : sql``}
      LIMIT 1000
    )
    SELECT o.id, ARRAY[${flags}] AS matched FROM hits o`.execute(db)
  const terms = result.rows.map((row) => ({ id: row.id, terms: concepts.flatMap((group, i) => (row.matched[i] ? [group[0]!] : [])) }))
  terms.sort((a, b) => b.terms.length - a.terms.length || (a.id < b.id ? -1 : 1))
  return new Map(terms.slice(0, registryPool).map((entry) => [entry.id, entry.terms]))
}

const maxConcepts = 8
const historyPool = 30
const registryPool = 200

async function bilingualNames(db: Db, table: 'taxonomy_nodes' | 'clusters', keys: readonly string[]): Promise<Map<string, Bilingual>> {
  if (keys.length === 0) return new Map()
  if (table === 'taxonomy_nodes') {
    const rows = await db.selectFrom('taxonomy_nodes').select(['code', 'label_it', 'label_en']).where('code', 'in', [...keys]).execute()
    return new Map(rows.map((row) => [row.code, { it: row.label_it, en: row.label_en }]))
  }
  const rows = await db.selectFrom('clusters').select(['id', 'name_it', 'name_en']).where('id', 'in', [...keys]).execute()
  return new Map(rows.map((row) => [row.id, { it: row.name_it, en: row.name_en }]))
}

/**
 * Who is missing from a consortium: organisations from the collaboration history ranked by the engine, and
 * registry organisations with the competences asked for or the idea's terms in their texts, fused into one
 * list, each with its reasons.
 */
export async function suggestPartners(db: Db, request: SuggestionRequest, expander: QueryExpander = defaultQueryExpander): Promise<SuggestionResult> {
  const limit = request.limit ?? 10
  const codes = [...new Set(request.taxonomyCodes ?? [])]
  await assertKnownTaxonomyCodes(db, codes, 'taxonomyCodes')
  const partners = await resolvePartners(db, request.partners)
  const partnerIds = partners.flatMap((p) => (p.organisationId ? [p.organisationId] : []))
  const partnerKeys = new Set(partners.map((p) => orgKey(p.input.name)))
  const partnerRoles = partners.map((p) => p.role)
  const partnerDistricts = new Set(partners.flatMap((p) => p.districts))

  const collaboration = await collaborationCorpus(db)
  const labels = await bilingualNames(db, 'taxonomy_nodes', codes)
  const concepts = await ideaConcepts(expander, request.title, request.description ?? '')
  // Past projects are mostly titled in English: the chosen taxonomy's English labels and the idea's words in the
  // other language (an Italian idea's English equivalents) let the engine compare the idea with them.
  const description = [request.description ?? '', ...codes.map((code) => labels.get(code)?.en ?? ''), ...concepts.flatMap((group) => group.slice(1))].join(' ')
  const history = recommendPartners(collaboration.index, { title: request.title, description, partners: partners.map((p) => p.input) }, historyPool)

  const idOf = (key: string): string | null => collaboration.organisationByKey.get(key) ?? null
  const historyIds = history.map((h) => idOf(h.key) ?? `key:${h.key}`).filter((id) => !partnerIds.includes(id))
  const competent = await competenceCandidates(db, codes, partnerIds)
  const termsOf = await textCandidates(db, concepts, partnerIds)
  const registryIds = [...new Set([...competent, ...termsOf.keys()])]
  const details = await registryDetails(db, [...new Set([...registryIds, ...history.flatMap((h) => idOf(h.key) ?? [])])])

  const registryReasons = (
    row: RegistryRow,
  ): { reasons: SuggestionReason[]; matched: number; terms: number; complement: boolean; sameDistrict: boolean } => {
    const reasons: SuggestionReason[] = []
    const held = row.competences.filter((code) => codes.some((requested) => codeAnswers(code, requested)))
    if (held.length > 0) reasons.push({ code: 'competence', labels: held.map((code) => labels.get(code) ?? { it: code, en: code }) })
    const terms = termsOf.get(row.id) ?? []
    if (terms.length > 0) reasons.push({ code: 'terms', terms })
    const complement = complementRole(partnerRoles, roleOfType(row.type))
    if (complement) reasons.push({ code: 'role', role: complement })
    const shared = row.districts.filter((d) => partnerDistricts.has(d))
    if (shared.length > 0) reasons.push({ code: 'same_district', districts: shared.map((d) => ({ it: d, en: d })) })
    else if (row.districts.length > 0) reasons.push({ code: 'district_member', districts: row.districts.map((d) => ({ it: d, en: d })) })
    return { reasons, matched: held.length, terms: terms.length, complement: complement !== null, sameDistrict: shared.length > 0 }
  }

  const registryRanked = registryIds
    .flatMap((id) => {
      const row = details.get(id)
      if (!row || partnerKeys.has(orgKey(row.legal_name))) return []
      const r = registryReasons(row)
      return [{ id, points: registryPoints({ matchedCodes: r.matched, matchedTerms: r.terms, complement: r.complement, sameDistrict: r.sameDistrict }) }]
    })
    // Stable: equal points keep the order of the SQL (competences first, then text rank).
    .sort((a, b) => b.points - a.points)
    .map((c) => c.id)

  const fused = fuseRankings([historyIds, registryRanked]).slice(0, limit)
  const historyById = new Map(history.map((h) => [idOf(h.key) ?? `key:${h.key}`, h]))
  const registrySet = new Set(registryRanked)

  // Codes held by suggestions that are not among the requested ones need labels too; districts need names.
  const shown = fused.flatMap((f) => details.get(f.id) ?? [])
  const moreLabels = await bilingualNames(db, 'taxonomy_nodes', [...new Set(shown.flatMap((row) => row.competences))].filter((c) => !labels.has(c)))
  for (const [code, label] of moreLabels) labels.set(code, label)
  const districtNames = await bilingualNames(db, 'clusters', [...new Set(shown.flatMap((row) => row.districts))])

  const suggestions = fused.map(({ id, score }): Suggestion => {
    const fromHistory = historyById.get(id)
    const row = details.get(id)
    const reasons: SuggestionReason[] = fromHistory ? fromEngineReasons(fromHistory.reasons) : []
    if (row) {
      for (const reason of registryReasons(row).reasons) {
        if (reason.code === 'same_district' || reason.code === 'district_member') {
          reasons.push({ ...reason, districts: reason.districts.map((d) => districtNames.get(d.it) ?? d) })
        } else reasons.push(reason)
      }
    }
    const sources: Suggestion['sources'] = []
    if (fromHistory) sources.push('history')
    if (registrySet.has(id)) sources.push('registry')
    return {
      organisation: row ? { id: row.id, name: row.legal_name, type: row.type, city: row.city, country: row.country } : null,
      name: row?.legal_name ?? fromHistory?.name ?? id,
      country: row?.country ?? fromHistory?.country ?? null,
      score: Math.round(score * 10_000) / 10_000,
      sources,
      reasons: orderReasons(reasons),
    }
  })
  return {
    suggestions,
    corpus: {
      projects: collaboration.index.projects.length,
      organisations: collaboration.index.orgs.length,
      ...collaboration.counts,
    },
  }
}
