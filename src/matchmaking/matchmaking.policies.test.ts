import { describe, expect, it } from 'vitest'
import type { Actor } from '../platform/policies.js'
import {
  canDecideInterest,
  canExpressInterest,
  canReviewProfile,
  canTakePartInInterest,
  canViewFunnel,
  canViewInterest,
  canViewProfile,
  canWriteProfiles,
  ensure,
  type ProfileRef,
} from './matchmaking.policies.js'

const actor = (options: { roles?: ('platform_admin' | 'ma_officer' | 'evaluator')[]; orgs?: [string, 'member' | 'admin'][]; clusters?: string[] }): Actor => ({
  userId: 'u',
  roles: options.roles ?? [],
  organisationRoles: new Map(options.orgs ?? []),
  managedClusterIds: new Set(options.clusters ?? []),
})

const actors = {
  visitor: null,
  stranger: actor({}),
  ownerAdmin: actor({ orgs: [['owner', 'admin']] }),
  ownerMember: actor({ orgs: [['owner', 'member']] }),
  otherMember: actor({ orgs: [['other', 'member']] }),
  manager: actor({ clusters: ['marble'] }),
  otherManager: actor({ clusters: ['fashion'] }),
  officer: actor({ roles: ['ma_officer'] }),
  admin: actor({ roles: ['platform_admin'] }),
} satisfies Record<string, Actor>
type Who = keyof typeof actors

const draft: ProfileRef = { organisationId: 'owner', clusterId: 'marble', status: 'draft' }
const published: ProfileRef = { ...draft, status: 'published' }
const interest = { ownerOrganisationId: 'owner', interestedOrganisationId: 'other' }

// Each row: the rule, then who is allowed; everyone else must be refused.
const matrix: [string, (who: Actor) => boolean, Who[]][] = [
  ['write the organisation’s profiles', (who) => canWriteProfiles(who, 'owner'), ['ownerAdmin', 'ownerMember', 'admin']],
  ['review a profile posted in the district', (who) => canReviewProfile(who, draft), ['manager', 'admin']],
  ['see a draft', (who) => canViewProfile(who, draft), ['ownerAdmin', 'ownerMember', 'manager', 'admin']],
  ['see a published profile', (who) => canViewProfile(who, published), Object.keys(actors) as Who[]],
  ['express interest for the other organisation', (who) => canExpressInterest(who, 'other'), ['otherMember']],
  ['accept or decline an interest', (who) => canDecideInterest(who, interest), ['ownerAdmin', 'ownerMember']],
  ['write in the thread and record the outcome', (who) => canTakePartInInterest(who, interest), ['ownerAdmin', 'ownerMember', 'otherMember']],
  ['read the thread', (who) => canViewInterest(who, interest), ['ownerAdmin', 'ownerMember', 'otherMember', 'admin']],
  ['see the funnel of the district', (who) => canViewFunnel(who, 'marble'), ['manager', 'officer', 'admin']],
  ['see the funnel of every district', (who) => canViewFunnel(who, null), ['officer', 'admin']],
]

describe('marketplace permissions', () => {
  for (const [rule, check, allowed] of matrix) {
    it(`only ${allowed.join(', ')} may ${rule}`, () => {
      for (const [who, subject] of Object.entries(actors)) expect([who, check(subject)]).toEqual([who, allowed.includes(who as Who)])
    })
  }

  it('refuses a visitor with 401 and a signed-in user with 403', () => {
    expect(() => ensure(null, true)).toThrow(expect.objectContaining({ status: 401 }))
    expect(() => ensure(actors.stranger, false)).toThrow(expect.objectContaining({ status: 403 }))
    expect(() => ensure(actors.stranger, true)).not.toThrow()
  })
})
