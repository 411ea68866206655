import type { Actor } from '../platform/policies.js'

// Who may do what with EU opportunities. Anyone may browse the topics; district managers flag a topic
// to their own districts' members only; the platform admin for every district.

/** Flag a topic to a district's members, or withdraw the flag: its managers and the platform admin. */
export function canFlagFor(actor: Actor, districtId: string): boolean {
  if (!actor) return false
  return actor.roles.includes('platform_admin') || actor.managedClusterIds.has(districtId)
}

/** See the topics that fit an organisation: its members and admins (and the platform admin). */
export function canSeeFitFor(actor: Actor, organisationId: string): boolean {
  if (!actor) return false
  return actor.roles.includes('platform_admin') || actor.organisationRoles.has(organisationId)
}
