import type { Actor } from '../platform/policies.js'

// Who may do what with events. District managers act for their own districts only; the platform
// admin for all; CLOCK's managers and the Managing Authority coordinate (see every overlap).

type SignedIn = NonNullable<Actor>

const isAdmin = (actor: SignedIn): boolean => actor.roles.includes('platform_admin')

/** Create an event organised by these districts: the actor must manage every one of them. */
export function canOrganiseFor(actor: Actor, districtIds: readonly string[]): boolean {
  if (!actor) return false
  if (isAdmin(actor)) return true
  return districtIds.length > 0 && districtIds.every((id) => actor.managedClusterIds.has(id))
}

/** Edit, cancel, manage registrations and invite co-organisers: a manager of any organiser district. */
export function canManageEvent(actor: Actor, organiserIds: readonly string[]): boolean {
  if (!actor) return false
  return isAdmin(actor) || organiserIds.some((id) => actor.managedClusterIds.has(id))
}

/** Drafts are seen by those who manage them; published and cancelled events by everyone. */
export function canViewEvent(actor: Actor, event: { status: string; organiserIds: readonly string[] }): boolean {
  return event.status !== 'draft' || canManageEvent(actor, event.organiserIds)
}

/** Accept or decline a co-organisation proposed to a district: its managers. */
export function canAnswerInvitation(actor: Actor, districtId: string): boolean {
  if (!actor) return false
  return isAdmin(actor) || actor.managedClusterIds.has(districtId)
}

/** See all overlaps across districts: CLOCK's managers, MA officers and the platform admin. */
export function canCoordinate(actor: Actor, clockId: string | undefined): boolean {
  if (!actor) return false
  return isAdmin(actor) || actor.roles.includes('ma_officer') || (clockId !== undefined && actor.managedClusterIds.has(clockId))
}

/** Register for a published event that takes registrations: any signed-in user. */
export function canRegister(actor: Actor, event: { status: string; registration: string }): boolean {
  return actor !== null && event.status === 'published' && event.registration !== 'none'
}
