import type { OrganisationType } from '../../platform/database.js'
import { translate, type Locale } from '../../platform/i18n.js'
import type { Reason as EngineReason } from './engine.js'
import { orgKind } from './engine.js'
import { orgKey } from './corpus.js'

/**
 * How the consortium builder turns two ranked lists into one: the engine's (who worked with whom, from the
 * collaboration history) and the registry's (who holds the competences asked for, completes the consortium's
 * roles, sits in the partners' districts). Pure: data in, data out.
 */

export type Bilingual = { it: string; en: string }

export type SuggestionReason =
  | { code: 'co_participated'; with: string[]; projects: number }
  | { code: 'shared_partners'; count: number; examples: string[] }
  | { code: 'similar_topic'; terms: string[] }
  | { code: 'same_country'; country: string; partners: number }
  | { code: 'same_city'; city: string; with: string[] }
  | { code: 'experienced'; projects: number }
  | { code: 'competence'; labels: Bilingual[] }
  | { code: 'terms'; terms: string[] }
  | { code: 'role'; role: ComplementRole }
  | { code: 'same_district'; districts: Bilingual[] }
  | { code: 'district_member'; districts: Bilingual[] }

export type ConsortiumRole = 'company' | 'research' | 'other'
export type ComplementRole = 'research_for_companies' | 'company_for_research'

const companyTypes: ReadonlySet<OrganisationType> = new Set(['startup', 'sme', 'large_company', 'company'])
const researchTypes: ReadonlySet<OrganisationType> = new Set(['research_organisation', 'university'])

export function roleOfType(type: OrganisationType): ConsortiumRole {
  return companyTypes.has(type) ? 'company' : researchTypes.has(type) ? 'research' : 'other'
}

/** A free name has no registry type: the engine's guess from the words of the name stands in. */
export function roleOfName(name: string): ConsortiumRole {
  const kind = orgKind(orgKey(name))
  return kind === 'company' ? 'company' : kind === 'university' || kind === 'research' ? 'research' : 'other'
}

/** The role a candidate would add: research for a consortium of companies only, a company for research only. */
export function complementRole(partnerRoles: readonly ConsortiumRole[], candidate: ConsortiumRole): ComplementRole | null {
  const hasCompany = partnerRoles.includes('company')
  const hasResearch = partnerRoles.includes('research')
  if (candidate === 'research' && hasCompany && !hasResearch) return 'research_for_companies'
  if (candidate === 'company' && hasResearch && !hasCompany) return 'company_for_research'
  return null
}

/** A taxonomy code held by an organisation answers a requested one when equal, below it, or its parent. */
export function codeAnswers(held: string, requested: string): boolean {
  return held === requested || held.startsWith(`${requested}.`) || requested.startsWith(`${held}.`)
}

/**
 * Points of a registry candidate: matched competences weigh most (the user chose them), then the idea's terms
 * found in its texts, then the role it adds, then a shared district.
 */
export function registryPoints(candidate: { matchedCodes: number; matchedTerms: number; complement: boolean; sameDistrict: boolean }): number {
  return (
    2 * Math.min(candidate.matchedCodes, 3) +
    Math.min(candidate.matchedTerms, 3) +
    (candidate.complement ? 1 : 0) +
    (candidate.sameDistrict ? 0.5 : 0)
  )
}

/**
 * Reciprocal-rank fusion: each list gives 1/(k + rank) to its members (rank from 1), so an organisation both
 * lists agree on comes first, and neither list's own score scale matters. Ties keep first-seen order.
 */
export function fuseRankings(lists: readonly (readonly string[])[], k = 10): { id: string; score: number }[] {
  const scores = new Map<string, number>()
  for (const list of lists) {
    list.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1)))
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score)
}

// The engine's tokenizer knows English stop words only; the platform's own titles are often Italian, and
// "per" or "del" in common say nothing to a reader (they stay in the score, which is the engine's business).
const italianStopWords = new Set(
  'per del della delle dei degli dello con una uno nel nella nelle nei negli sul sulla sui tra fra dal dalla dai alla alle allo agli che non come anche più piu sono loro questo questa'.split(' '),
)

/** The engine's evidence in this module's terms. */
export function fromEngineReasons(reasons: readonly EngineReason[]): SuggestionReason[] {
  const out: SuggestionReason[] = []
  for (const reason of reasons) {
    switch (reason.kind) {
      case 'coParticipated':
        out.push({ code: 'co_participated', with: reason.with, projects: reason.projects })
        break
      case 'sharedPartners':
        out.push({ code: 'shared_partners', count: reason.count, examples: reason.examples })
        break
      case 'similarTopic': {
        const terms = reason.terms.filter((term) => !italianStopWords.has(term))
        if (terms.length > 0) out.push({ code: 'similar_topic', terms })
        break
      }
      case 'sameCountry':
        if (reason.partners > 0) out.push({ code: 'same_country', country: reason.country, partners: reason.partners })
        break
      case 'sameCity':
        out.push({ code: 'same_city', city: reason.city, with: reason.with })
        break
      case 'experienced':
        out.push({ code: 'experienced', projects: reason.projects })
        break
    }
  }
  return out
}

const reasonOrder: readonly SuggestionReason['code'][] = [
  'co_participated',
  'shared_partners',
  'competence',
  'terms',
  'role',
  'same_district',
  'similar_topic',
  'same_city',
  'same_country',
  'district_member',
  'experienced',
]

/** Strongest evidence first; a district membership is said once (shared district wins). */
export function orderReasons(reasons: readonly SuggestionReason[]): SuggestionReason[] {
  const hasSameDistrict = reasons.some((r) => r.code === 'same_district')
  return reasons
    .filter((r) => !(hasSameDistrict && r.code === 'district_member'))
    .slice()
    .sort((a, b) => reasonOrder.indexOf(a.code) - reasonOrder.indexOf(b.code))
}

const list = (items: readonly string[], max = 3): string => {
  const shown = items.slice(0, max).join(', ')
  return items.length > max ? `${shown}…` : shown
}

const countryNames: Record<Locale, Intl.DisplayNames> = {
  it: new Intl.DisplayNames(['it'], { type: 'region', fallback: 'code' }),
  en: new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }),
}

function countryName(locale: Locale, code: string): string {
  try {
    return countryNames[locale].of(code) ?? code
  } catch {
    return code
  }
}

const plural = (count: number): 'one' | 'other' => (count === 1 ? 'one' : 'other')

/** A reason in the reader's language. */
export function explainSuggestionReason(locale: Locale, reason: SuggestionReason): string {
  switch (reason.code) {
    case 'co_participated':
      return translate(locale, `consortium.reason.co_participated.${plural(reason.projects)}`, { names: list(reason.with), count: reason.projects })
    case 'shared_partners':
      return translate(locale, `consortium.reason.shared_partners.${plural(reason.count)}`, { count: reason.count, examples: list(reason.examples) })
    case 'similar_topic':
      return translate(locale, 'consortium.reason.similar_topic', { terms: list(reason.terms, 5) })
    case 'same_country':
      return translate(locale, `consortium.reason.same_country.${plural(reason.partners)}`, {
        country: countryName(locale, reason.country),
        count: reason.partners,
      })
    case 'same_city':
      return translate(locale, 'consortium.reason.same_city', { names: list(reason.with), city: reason.city })
    case 'experienced':
      return translate(locale, `consortium.reason.experienced.${plural(reason.projects)}`, { count: reason.projects })
    case 'competence':
      return translate(locale, 'consortium.reason.competence', { labels: list(reason.labels.map((label) => label[locale])) })
    case 'terms':
      return translate(locale, 'consortium.reason.terms', { terms: list(reason.terms, 5) })
    case 'role':
      return translate(locale, `consortium.reason.role.${reason.role}`)
    case 'same_district':
      return translate(locale, 'consortium.reason.same_district', { districts: list(reason.districts.map((d) => d[locale])) })
    case 'district_member':
      return translate(locale, 'consortium.reason.district_member', { districts: list(reason.districts.map((d) => d[locale])) })
  }
}
