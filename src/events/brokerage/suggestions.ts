import { rolesMayMeet } from './config.js'

// "People you could meet": a small, explainable score. Every point comes with a reason the page can show.

export type Candidate = {
  id: string
  role: string
  taxonomyCodes: readonly string[]
  districtIds: readonly string[]
}

export type Reason =
  | { kind: 'shared_topics'; codes: string[] }
  | { kind: 'related_topics'; codes: string[] }
  | { kind: 'complementary_roles'; roles: [string, string] }
  | { kind: 'different_district' }

export type Suggestion = { id: string; score: number; reasons: Reason[] }

const weights = { sharedTopic: 3, relatedTopic: 1, complementaryRoles: 2, differentDistrict: 1 }

const rootOf = (code: string): string => code.split('.')[0] as string

/**
 * Scores `other` for `me`, or null when they may not meet (same person, or a role pair the event does
 * not allow). Topics count twice over: exactly shared codes, and codes under the same root.
 */
export function scoreCandidate(me: Candidate, other: Candidate, rolePairs: readonly (readonly [string, string])[]): Suggestion | null {
  if (me.id === other.id || !rolesMayMeet(rolePairs, me.role, other.role)) return null
  const reasons: Reason[] = []
  let score = 0
  const mine = new Set(me.taxonomyCodes)
  const shared = other.taxonomyCodes.filter((code) => mine.has(code))
  if (shared.length > 0) {
    reasons.push({ kind: 'shared_topics', codes: shared })
    score += weights.sharedTopic * shared.length
  }
  const myRoots = new Set(me.taxonomyCodes.map(rootOf))
  const related = other.taxonomyCodes.filter((code) => !mine.has(code) && myRoots.has(rootOf(code)))
  if (related.length > 0) {
    reasons.push({ kind: 'related_topics', codes: related })
    score += weights.relatedTopic * related.length
  }
  if (me.role !== other.role) {
    reasons.push({ kind: 'complementary_roles', roles: [me.role, other.role] })
    score += weights.complementaryRoles
  }
  const myDistricts = new Set(me.districtIds)
  if (me.districtIds.length > 0 && other.districtIds.length > 0 && !other.districtIds.some((id) => myDistricts.has(id))) {
    reasons.push({ kind: 'different_district' })
    score += weights.differentDistrict
  }
  return { id: other.id, score, reasons }
}

/** The best `limit` candidates for `me` with a positive score, best first; ties by id, so the order is stable. */
export function suggestPeople(
  me: Candidate,
  others: readonly Candidate[],
  rolePairs: readonly (readonly [string, string])[],
  exclude: ReadonlySet<string>,
  limit = 10,
): Suggestion[] {
  return others
    .filter((other) => !exclude.has(other.id))
    .map((other) => scoreCandidate(me, other, rolePairs))
    .filter((s): s is Suggestion => s !== null && s.score > 0)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, limit)
}
