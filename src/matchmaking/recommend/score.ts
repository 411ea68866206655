import type { OrganisationType } from '../../platform/database.js'
import type { ProfileKind } from '../marketplace-terms.js'

/**
 * The recommendation score: a sum of points, each earned for a reason the user can read. No hidden
 * factor; the same reasons in the same order explain every result.
 */

export type ReasonCode =
  | 'taxonomy'
  | 'terms'
  | 'role'
  | 'trl'
  | 'collaboration'
  | 'shared_partners'
  | 'proximity'
  | 'other_district'

export type Reason = {
  code: ReasonCode
  /** Points this reason adds to the score (0 for information only). */
  points: number
  /** What the text of the reason needs: taxonomy codes, terms, a role key, TRLs, counts, a region. */
  detail: {
    codes?: string[]
    terms?: string[]
    role?: RoleFit
    trl?: { source: number; candidate: number }
    count?: number
    region?: string
    districtIds?: string[]
  }
}

/** The party looking: a profile and its organisation. */
export type Seeker = {
  organisationId: string
  kind: ProfileKind
  taxonomy: readonly string[]
  /** The concepts of its title and keywords, each a list of equivalent words; the first is the profile's own. */
  concepts: readonly (readonly string[])[]
  trl: number | null
  organisationType: OrganisationType
  targetTypes: readonly OrganisationType[]
  nuts2: string | null
  country: string
  districtIds: readonly string[]
}

/** What is known of a candidate, organisation or profile, once its features are read from the database. */
export type Candidate = {
  organisationId: string
  organisationType: OrganisationType
  taxonomy: readonly string[]
  /** Indexes into the seeker's concepts that the candidate's texts contain. */
  matchedConcepts: readonly number[]
  /** TRL of a profile candidate; null for organisations and for profiles without one. */
  trl: number | null
  nuts2: string | null
  country: string
  districtIds: readonly string[]
  /** Projects, proposals or agreements the candidate and the seeker's organisation had together. */
  pastCollaborations: number
  /** Organisations both have worked with. */
  sharedPartners: number
}

export type Scored = { score: number; reasons: Reason[] }

/** The most each reason can add. They sum to 100, so a score reads as a percentage. */
export const maxPoints: Readonly<Record<Exclude<ReasonCode, 'other_district'>, number>> = {
  taxonomy: 30,
  terms: 25,
  role: 15,
  trl: 10,
  collaboration: 8,
  shared_partners: 4,
  proximity: 8,
}

export type RoleFit =
  | 'research_for_technical_need'
  | 'supplier_for_technical_need'
  | 'financier_for_finance_need'
  | 'public_funder_for_finance_need'
  | 'business_partner'
  | 'adopter_for_technology'
  | 'research_partner'
  | 'company_partner'
  | 'investee_for_finance_offer'

const companies: readonly OrganisationType[] = ['startup', 'sme', 'large_company', 'company']
const research: readonly OrganisationType[] = ['research_organisation', 'university']

/** How well a candidate's type answers the seeker's kind of profile, with the words that say why. */
export function roleFit(kind: ProfileKind, candidateType: OrganisationType): { share: number; role: RoleFit } | null {
  const isCompany = companies.includes(candidateType)
  const isResearch = research.includes(candidateType)
  switch (kind) {
    case 'technology_request':
      if (isResearch) return { share: 1, role: 'research_for_technical_need' }
      if (isCompany) return { share: 0.6, role: 'supplier_for_technical_need' }
      return null
    case 'rd_partner_request':
      if (isResearch) return { share: 1, role: 'research_partner' }
      if (isCompany) return { share: 0.8, role: 'company_partner' }
      return null
    case 'business_request':
    case 'business_offer':
      return isCompany ? { share: 1, role: 'business_partner' } : null
    case 'finance_request':
      if (candidateType === 'financial_operator') return { share: 1, role: 'financier_for_finance_need' }
      if (candidateType === 'public_body') return { share: 0.5, role: 'public_funder_for_finance_need' }
      return null
    case 'finance_offer':
      if (candidateType === 'startup') return { share: 1, role: 'investee_for_finance_offer' }
      if (candidateType === 'sme') return { share: 0.7, role: 'investee_for_finance_offer' }
      return null
    case 'technology_offer':
      if (isCompany) return { share: candidateType === 'large_company' ? 0.8 : 1, role: 'adopter_for_technology' }
      if (isResearch) return { share: 0.4, role: 'research_partner' }
      return null
  }
}

/** The kinds of profile that answer a profile: a request meets offers, an offer meets requests. */
export function complementaryKinds(kind: ProfileKind): ProfileKind[] {
  switch (kind) {
    case 'technology_request':
      return ['technology_offer']
    case 'rd_partner_request':
      return ['technology_offer', 'rd_partner_request']
    case 'technology_offer':
      return ['technology_request', 'rd_partner_request']
    case 'business_request':
      return ['business_offer']
    case 'business_offer':
      return ['business_request']
    case 'finance_request':
      return ['finance_offer']
    case 'finance_offer':
      return ['finance_request']
  }
}

export const isRequest = (kind: ProfileKind): boolean => kind.endsWith('_request')

const parentOf = (code: string): string | null => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null)

/**
 * How close one taxonomy code is to another: the same node 1, one inside the other 0.6, two sub-areas of
 * the same priority 0.3, else 0.
 */
export function codeCloseness(a: string, b: string): number {
  if (a === b) return 1
  if (b.startsWith(`${a}.`) || a.startsWith(`${b}.`)) return 0.6
  const parentA = parentOf(a)
  if (parentA !== null && parentA === parentOf(b)) return 0.3
  return 0
}

/** Each of the seeker's codes counts by its closest code on the candidate's side; the codes that matched exactly or nearly are named. */
export function taxonomyOverlap(seeker: readonly string[], candidate: readonly string[]): { share: number; codes: string[] } {
  if (seeker.length === 0 || candidate.length === 0) return { share: 0, codes: [] }
  let total = 0
  const codes = new Set<string>()
  for (const code of seeker) {
    let best = 0
    let bestCode: string | null = null
    for (const other of candidate) {
      const closeness = codeCloseness(code, other)
      if (closeness > best) {
        best = closeness
        bestCode = other
      }
    }
    total += best
    if (bestCode !== null && best >= 0.6) codes.add(bestCode)
  }
  return { share: total / seeker.length, codes: [...codes].sort() }
}

/**
 * The terms share saturates: a profile's title and keywords hold a dozen concepts, and a candidate that
 * shares four of them is as clearly relevant as one sharing all.
 */
export const termsForFullPoints = 4

/** TRL offered against TRL needed: at or above is a full fit, one level short half, more than one none. */
export function trlFit(seekerKind: ProfileKind, seekerTrl: number, candidateTrl: number): number {
  const [needed, offered] = isRequest(seekerKind) ? [seekerTrl, candidateTrl] : [candidateTrl, seekerTrl]
  if (offered >= needed) return 1
  if (offered === needed - 1) return 0.5
  return 0
}

const round = (value: number): number => Math.round(value * 10) / 10

/** The score of one candidate for one seeker, with its reasons, strongest first. */
export function scoreCandidate(seeker: Seeker, candidate: Candidate): Scored {
  const reasons: Reason[] = []
  const add = (code: ReasonCode, share: number, detail: Reason['detail']): void => {
    if (share <= 0) return
    const points = code === 'other_district' ? 0 : round(maxPoints[code] * Math.min(1, share))
    reasons.push({ code, points, detail })
  }

  const taxonomy = taxonomyOverlap(seeker.taxonomy, candidate.taxonomy)
  add('taxonomy', taxonomy.share, { codes: taxonomy.codes })

  const terms = [...new Set(candidate.matchedConcepts)].map((index) => seeker.concepts[index]?.[0]).filter((term): term is string => term !== undefined)
  add('terms', terms.length / Math.min(termsForFullPoints, Math.max(1, seeker.concepts.length)), { terms })

  const role = roleFit(seeker.kind, candidate.organisationType)
  if (role) add('role', role.share, { role: role.role })

  if (seeker.trl !== null && candidate.trl !== null) {
    add('trl', trlFit(seeker.kind, seeker.trl, candidate.trl), { trl: { source: seeker.trl, candidate: candidate.trl } })
  }

  if (candidate.pastCollaborations > 0) add('collaboration', 1, { count: candidate.pastCollaborations })
  if (candidate.sharedPartners > 0) add('shared_partners', Math.min(1, candidate.sharedPartners / 3), { count: candidate.sharedPartners })

  if (candidate.nuts2 !== null && candidate.nuts2 === seeker.nuts2) add('proximity', 1, { region: candidate.nuts2 })
  else if (candidate.country === seeker.country) add('proximity', 0.4, {})

  // Reaching across districts is the point of CLOCK: say so, though it earns nothing by itself.
  if (candidate.districtIds.length > 0 && !candidate.districtIds.some((id) => seeker.districtIds.includes(id))) {
    reasons.push({ code: 'other_district', points: 0, detail: { districtIds: [...candidate.districtIds] } })
  }

  reasons.sort((a, b) => b.points - a.points)
  return { score: round(reasons.reduce((sum, reason) => sum + reason.points, 0)), reasons }
}

/** Whether a candidate may be recommended at all: never the seeker's own organisation, and only the target types if any were named. */
export function isEligible(seeker: Pick<Seeker, 'organisationId' | 'targetTypes'>, candidate: Pick<Candidate, 'organisationId' | 'organisationType'>): boolean {
  if (candidate.organisationId === seeker.organisationId) return false
  return seeker.targetTypes.length === 0 || seeker.targetTypes.includes(candidate.organisationType)
}

/**
 * Without subject-matter relevance (taxonomy or terms), closeness and past ties alone do not make a
 * recommendation.
 */
export function isRelevant(scored: Scored): boolean {
  return scored.reasons.some((reason) => (reason.code === 'taxonomy' || reason.code === 'terms') && reason.points >= 5)
}

/** Ranks candidates: best score first, then the one with more subject-matter points, then by id so the order is stable. */
export function rank<T extends { id: string; scored: Scored }>(items: readonly T[], limit: number): T[] {
  const subject = (item: T): number => item.scored.reasons.filter((r) => r.code === 'taxonomy' || r.code === 'terms').reduce((sum, r) => sum + r.points, 0)
  return [...items]
    .sort((a, b) => b.scored.score - a.scored.score || subject(b) - subject(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
}
