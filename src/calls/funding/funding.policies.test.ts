import { describe, expect, it } from 'vitest'
import type { Actor } from '../../platform/policies.js'
import { canManageFunding, canViewFunding } from './funding.policies.js'

const lead = 'org-lead'
const partner = 'org-partner'
const parties = { leadOrganisationId: lead, partnerOrganisationIds: [lead, partner] }

function actor(roles: ('platform_admin' | 'ma_officer' | 'evaluator')[], organisations: [string, 'member' | 'admin'][] = []): Actor {
  return { userId: 'u', roles, organisationRoles: new Map(organisations), managedClusterIds: new Set() }
}

// One row per actor: decide grants and record contracts and payments; read the proposal's grant.
const matrix: [string, Actor, boolean, boolean][] = [
  ['visitor', null, false, false],
  ['stranger', actor([]), false, false],
  ['platform admin', actor(['platform_admin']), true, true],
  ['officer', actor(['ma_officer']), true, true],
  ['evaluator', actor(['evaluator']), false, false],
  ['district manager', { userId: 'u', roles: [], organisationRoles: new Map(), managedClusterIds: new Set(['c']) }, false, false],
  ['lead member', actor([], [[lead, 'member']]), false, true],
  ['partner admin', actor([], [[partner, 'admin']]), false, true],
  ['another organisation', actor([], [['org-other', 'admin']]), false, false],
]

describe('funding permissions', () => {
  it.each(matrix)('%s', (_name, who, manage, view) => {
    expect(canManageFunding(who)).toBe(manage)
    expect(canViewFunding(who, parties)).toBe(view)
  })
})
