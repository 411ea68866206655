import { forbidden, unauthenticated } from '../platform/errors.js'
import type { Actor } from '../platform/policies.js'
import type { ProfileStatus } from './marketplace-terms.js'

// Who may do what on the marketplace. Each rule is a small function of the actor and the resource;
// the matrix test beside this file lists every case.

export type ProfileRef = { organisationId: string; clusterId: string; status: ProfileStatus }
export type InterestRef = { ownerOrganisationId: string; interestedOrganisationId: string }

type SignedIn = NonNullable<Actor>

const isAdmin = (actor: SignedIn): boolean => actor.roles.includes('platform_admin')
const belongsTo = (actor: SignedIn, organisationId: string): boolean => actor.organisationRoles.has(organisationId)

/** Any member of an organisation (admin or member) writes its profiles. */
export function canWriteProfiles(actor: Actor, organisationId: string): boolean {
  return actor !== null && (isAdmin(actor) || belongsTo(actor, organisationId))
}

export function canReviewProfile(actor: Actor, profile: ProfileRef): boolean {
  return actor !== null && (isAdmin(actor) || actor.managedClusterIds.has(profile.clusterId))
}

/** The public sees published profiles only; the owner and the posting district's managers see every state. */
export function canViewProfile(actor: Actor, profile: ProfileRef): boolean {
  if (profile.status === 'published') return true
  return canWriteProfiles(actor, profile.organisationId) || canReviewProfile(actor, profile)
}

/** Answering a profile is done in the name of an organisation the actor belongs to. */
export function canExpressInterest(actor: Actor, organisationId: string): boolean {
  return actor !== null && belongsTo(actor, organisationId)
}

export function canDecideInterest(actor: Actor, interest: InterestRef): boolean {
  return actor !== null && belongsTo(actor, interest.ownerOrganisationId)
}

/** The two parties write in the thread and record the outcome; a platform admin may read it. */
export function canTakePartInInterest(actor: Actor, interest: InterestRef): boolean {
  return actor !== null && (belongsTo(actor, interest.ownerOrganisationId) || belongsTo(actor, interest.interestedOrganisationId))
}

export function canViewInterest(actor: Actor, interest: InterestRef): boolean {
  return canTakePartInInterest(actor, interest) || (actor !== null && isAdmin(actor))
}

/** The Region and the platform see every district's funnel; a district manager sees their districts'. */
export function canViewFunnel(actor: Actor, clusterId: string | null): boolean {
  if (actor === null) return false
  if (isAdmin(actor) || actor.roles.includes('ma_officer')) return true
  return clusterId !== null && actor.managedClusterIds.has(clusterId)
}

/** 401 for a visitor, 403 for anyone else not allowed. */
export function ensure(actor: Actor, allowed: boolean): asserts actor is SignedIn {
  if (actor === null) throw unauthenticated()
  if (!allowed) throw forbidden()
}
