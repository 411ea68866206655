import type { Actor } from '../../platform/policies.js'
import { canManageCalls, type ProposalParties } from '../calls.policies.js'

// Who may do what with grants, contracts and payments. funding.policies.test.ts checks the matrix.

/** The Managing Authority's officers decide grants and record contracts and payments. */
export const canManageFunding = (actor: Actor): boolean => canManageCalls(actor)

/** A proposal's grant, contracts and payments: the officers, and the people of its lead and partners. */
export function canViewFunding(actor: Actor, proposal: ProposalParties): boolean {
  if (actor === null) return false
  if (canManageFunding(actor)) return true
  return [proposal.leadOrganisationId, ...proposal.partnerOrganisationIds].some((id) => actor.organisationRoles.has(id))
}
