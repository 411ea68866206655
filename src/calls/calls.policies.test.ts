import { describe, expect, it } from 'vitest'
import type { Actor } from '../platform/policies.js'
import { canConfirmPartner, canEditProposal, canLeadFor, canManageCalls, canViewProposal } from './calls.policies.js'

const lead = 'org-lead'
const partner = 'org-partner'
const parties = { leadOrganisationId: lead, partnerOrganisationIds: [lead, partner] }

function actor(roles: ('platform_admin' | 'ma_officer' | 'evaluator')[], organisations: [string, 'member' | 'admin'][] = []): Actor {
  return { userId: 'u', roles, organisationRoles: new Map(organisations), managedClusterIds: new Set() }
}

const actors: Record<string, Actor> = {
  visitor: null,
  stranger: actor([]),
  admin: actor(['platform_admin']),
  officer: actor(['ma_officer']),
  evaluator: actor(['evaluator']),
  leadMember: actor([], [[lead, 'member']]),
  partnerMember: actor([], [[partner, 'member']]),
  partnerAdmin: actor([], [[partner, 'admin']]),
}

// One row per actor: manage calls, lead for the lead org, edit, view, confirm for the partner.
const matrix: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  visitor: [false, false, false, false, false],
  stranger: [false, false, false, false, false],
  admin: [true, false, false, true, true],
  officer: [true, false, false, true, false],
  evaluator: [false, false, false, false, false],
  leadMember: [false, true, true, true, false],
  partnerMember: [false, false, false, true, false],
  partnerAdmin: [false, false, false, true, true],
}

describe('calls permissions', () => {
  for (const [name, expected] of Object.entries(matrix)) {
    it(`${name}`, () => {
      const who = actors[name] as Actor
      expect([
        canManageCalls(who),
        canLeadFor(who, lead),
        canEditProposal(who, parties),
        canViewProposal(who, parties),
        canConfirmPartner(who, partner),
      ]).toEqual(expected)
    })
  }
})
