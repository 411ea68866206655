import type { Actor } from '../../platform/policies.js'
import { canManageEvent } from '../events.policies.js'

// Who may do what with a brokerage. The organisers are the managers of the organising districts (and the
// platform admin), as for the event itself; participants act only on their own participation and requests.

/** Configure, approve participants, run and publish the schedule, check in, remind, see statistics. */
export function canManageBrokerage(actor: Actor, organiserIds: readonly string[]): boolean {
  return canManageEvent(actor, organiserIds)
}

/** Browse the participant list: organisers, and confirmed participants among themselves. */
export function canBrowseParticipants(actor: Actor, canManage: boolean, myStatus: string | null): boolean {
  return actor !== null && (canManage || myStatus === 'confirmed')
}

/** Take part in the meetings (send, answer, record outcomes): a confirmed participant. */
export function canTakePart(actor: Actor, myStatus: string | null): boolean {
  return actor !== null && myStatus === 'confirmed'
}
