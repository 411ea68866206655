import { describe, expect, it } from 'vitest'
import type { Actor } from '../platform/policies.js'
import { canFlagFor, canSeeFitFor } from './opportunities.policies.js'

const actor = (overrides: Partial<NonNullable<Actor>> = {}): Actor => ({
  userId: 'u',
  roles: [],
  organisationRoles: new Map(),
  managedClusterIds: new Set(),
  ...overrides,
})

describe('opportunities policies', () => {
  const cases: [string, Actor, boolean, boolean][] = [
    // who, actor, may flag for district d1, may see the fit of organisation o1
    ['visitor', null, false, false],
    ['plain user', actor(), false, false],
    ['manager of d1', actor({ managedClusterIds: new Set(['d1']) }), true, false],
    ['manager of d2', actor({ managedClusterIds: new Set(['d2']) }), false, false],
    ['member of o1', actor({ organisationRoles: new Map([['o1', 'member']]) }), false, true],
    ['admin of o1', actor({ organisationRoles: new Map([['o1', 'admin']]) }), false, true],
    ['member of o2', actor({ organisationRoles: new Map([['o2', 'member']]) }), false, false],
    ['MA officer', actor({ roles: ['ma_officer'] }), false, false],
    ['platform admin', actor({ roles: ['platform_admin'] }), true, true],
  ]
  it.each(cases)('%s', (_who, who, flag, fit) => {
    expect(canFlagFor(who, 'd1')).toBe(flag)
    expect(canSeeFitFor(who, 'o1')).toBe(fit)
  })
})
