import { forbidden, unauthenticated } from '../platform/errors.js'
import type { Actor } from '../platform/policies.js'

// Who may do what with calls and proposals. Each rule is a small function; calls.policies.test.ts checks the matrix.

type SignedIn = NonNullable<Actor>
export type ProposalParties = { leadOrganisationId: string; partnerOrganisationIds: readonly string[] }

const isAdmin = (actor: SignedIn): boolean => actor.roles.includes('platform_admin')

/** Create, edit, publish and clone calls; screen their proposals. */
export function canManageCalls(actor: Actor): boolean {
  return actor !== null && (isAdmin(actor) || actor.roles.includes('ma_officer'))
}

/** Any person of an organisation (member or admin) may lead a proposal for it. */
export function canLeadFor(actor: Actor, organisationId: string): boolean {
  return actor !== null && actor.organisationRoles.has(organisationId)
}

/** The lead's people write the proposal; the partners only confirm. */
export function canEditProposal(actor: Actor, proposal: ProposalParties): boolean {
  return canLeadFor(actor, proposal.leadOrganisationId)
}

export function canViewProposal(actor: Actor, proposal: ProposalParties): boolean {
  if (actor === null) return false
  if (canManageCalls(actor)) return true
  return [proposal.leadOrganisationId, ...proposal.partnerOrganisationIds].some((id) => actor.organisationRoles.has(id))
}

/** A partner's participation is confirmed by an admin of that partner organisation. */
export function canConfirmPartner(actor: Actor, organisationId: string): boolean {
  return actor !== null && (isAdmin(actor) || actor.organisationRoles.get(organisationId) === 'admin')
}

/** Throws 401 for a visitor and 403 for a signed-in user the rule refuses. */
export function enforce(actor: Actor, allowed: boolean): asserts actor is SignedIn {
  if (!actor) throw unauthenticated()
  if (!allowed) throw forbidden()
}
