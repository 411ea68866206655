import { describe, expect, it } from 'vitest'
import type { Actor } from '../../platform/policies.js'
import { canBrowseParticipants, canManageBrokerage, canTakePart } from './brokerage.policies.js'

const actor = (managed: string[] = [], roles: ('platform_admin' | 'ma_officer')[] = []): Actor => ({ userId: 'u', roles, organisationRoles: new Map(), managedClusterIds: new Set(managed) })

describe('brokerage permissions', () => {
  it.each([
    ['a visitor', null, false],
    ['a plain user', actor(), false],
    ['a manager of another district', actor(['other']), false],
    ['a manager of the organising district', actor(['org']), true],
    ['the platform admin', actor([], ['platform_admin']), true],
    ['an MA officer', actor([], ['ma_officer']), false],
  ] as const)('manage: %s → %s', (_who, who, expected) => {
    expect(canManageBrokerage(who, ['org'])).toBe(expected)
  })

  it.each([
    [null, false, 'confirmed', false, false],
    [actor(), false, null, false, false],
    [actor(), false, 'pending', false, false],
    [actor(), false, 'confirmed', true, true],
    [actor(['org']), true, null, true, false],
  ] as const)('browse and take part (%#)', (who, manages, status, browse, takePart) => {
    expect(canBrowseParticipants(who, manages, status)).toBe(browse)
    expect(canTakePart(who, status)).toBe(takePart)
  })
})
