import { describe, expect, it } from 'vitest'
import { can, type Actor, type Permission } from './policies.js'

const actor = (overrides: Partial<NonNullable<Actor>> = {}): Actor => ({
  userId: 'u',
  roles: [],
  organisationRoles: new Map(),
  managedClusterIds: new Set(),
  ...overrides,
})

const visitor: Actor = null
const plain = actor()
const orgMember = actor({ organisationRoles: new Map([['org-1', 'member']]) })
const orgAdmin = actor({ organisationRoles: new Map([['org-1', 'admin']]) })
const manager = actor({ managedClusterIds: new Set(['district-1']) })
const officer = actor({ roles: ['ma_officer'] })
const evaluator = actor({ roles: ['evaluator'] })
const admin = actor({ roles: ['platform_admin'] })

const permissions: Record<string, Permission> = {
  createOrganisation: { action: 'organisation.create' },
  editOrg1: { action: 'organisation.update', organisationId: 'org-1' },
  editOrg2: { action: 'organisation.update', organisationId: 'org-2' },
  manageOrg1Users: { action: 'organisation.manageUsers', organisationId: 'org-1' },
  editDistrict1: { action: 'cluster.update', clusterId: 'district-1' },
  editDistrict2: { action: 'cluster.update', clusterId: 'district-2' },
  membersDistrict1: { action: 'membership.manage', clusterId: 'district-1' },
  membersDistrict2: { action: 'membership.manage', clusterId: 'district-2' },
  viewContacts: { action: 'organisation.viewContacts' },
  manageRoles: { action: 'user.manageRoles' },
  listUsers: { action: 'user.list' },
}

// Rows: who; columns: what they may do. Anything not listed is refused.
const allowed: [string, Actor, string[]][] = [
  ['visitor', visitor, []],
  ['plain user', plain, ['createOrganisation', 'viewContacts']],
  ['organisation member', orgMember, ['createOrganisation', 'viewContacts']],
  ['organisation admin', orgAdmin, ['createOrganisation', 'viewContacts', 'editOrg1', 'manageOrg1Users']],
  ['district manager', manager, ['createOrganisation', 'viewContacts', 'editDistrict1', 'membersDistrict1']],
  ['MA officer', officer, ['createOrganisation', 'viewContacts', 'listUsers']],
  ['evaluator', evaluator, ['createOrganisation', 'viewContacts']],
  ['platform admin', admin, Object.keys(permissions)],
]

describe('the permission matrix', () => {
  for (const [who, subject, granted] of allowed) {
    for (const [name, permission] of Object.entries(permissions)) {
      const expected = granted.includes(name)
      it(`${who} ${expected ? 'may' : 'may not'} ${name}`, () => {
        expect(can(subject, permission)).toBe(expected)
      })
    }
  }
})
