import type { PlatformRole } from './database.js'
import { forbidden, unauthenticated } from './errors.js'

/** Who is asking: null for a public visitor. */
export type Actor = {
  userId: string
  roles: readonly PlatformRole[]
  organisationRoles: ReadonlyMap<string, 'member' | 'admin'>
  managedClusterIds: ReadonlySet<string>
} | null

export type Permission =
  | { action: 'organisation.create' }
  | { action: 'organisation.update'; organisationId: string }
  | { action: 'organisation.viewContacts' }
  | { action: 'organisation.manageUsers'; organisationId: string }
  | { action: 'cluster.update'; clusterId: string }
  | { action: 'membership.manage'; clusterId: string }
  | { action: 'user.manageRoles' }
  | { action: 'user.list' }

const isAdmin = (actor: NonNullable<Actor>): boolean => actor.roles.includes('platform_admin')

export function can(actor: Actor, permission: Permission): boolean {
  if (!actor) return false
  switch (permission.action) {
    case 'organisation.create':
    case 'organisation.viewContacts':
      return true
    case 'organisation.update':
    case 'organisation.manageUsers':
      return isAdmin(actor) || actor.organisationRoles.get(permission.organisationId) === 'admin'
    case 'cluster.update':
    case 'membership.manage':
      return isAdmin(actor) || actor.managedClusterIds.has(permission.clusterId)
    case 'user.manageRoles':
      return isAdmin(actor)
    case 'user.list':
      return isAdmin(actor) || actor.roles.includes('ma_officer')
  }
}

/** Throws 401 for a visitor and 403 for a signed-in user who lacks the permission. */
export function authorize(actor: Actor, permission: Permission): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthenticated()
  if (!can(actor, permission)) throw forbidden()
}

export function requireSignedIn(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthenticated()
}
