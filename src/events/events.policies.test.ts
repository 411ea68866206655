import { describe, expect, it } from 'vitest'
import type { Actor } from '../platform/policies.js'
import { canAnswerInvitation, canCoordinate, canManageEvent, canOrganiseFor, canRegister, canViewEvent } from './events.policies.js'

const actor = (overrides: Partial<NonNullable<Actor>> = {}): Actor => ({
  userId: 'u',
  roles: [],
  organisationRoles: new Map(),
  managedClusterIds: new Set(),
  ...overrides,
})

const actors: Record<string, Actor> = {
  visitor: null,
  plain: actor(),
  managerA: actor({ managedClusterIds: new Set(['A']) }),
  managerAB: actor({ managedClusterIds: new Set(['A', 'B']) }),
  clockManager: actor({ managedClusterIds: new Set(['clock']) }),
  officer: actor({ roles: ['ma_officer'] }),
  evaluator: actor({ roles: ['evaluator'] }),
  admin: actor({ roles: ['platform_admin'] }),
}

const checks: Record<string, (who: Actor) => boolean> = {
  organiseA: (who) => canOrganiseFor(who, ['A']),
  organiseAB: (who) => canOrganiseFor(who, ['A', 'B']),
  organiseNone: (who) => canOrganiseFor(who, []),
  manageEventOfAB: (who) => canManageEvent(who, ['A', 'B']),
  manageEventOfC: (who) => canManageEvent(who, ['C']),
  viewPublishedC: (who) => canViewEvent(who, { status: 'published', organiserIds: ['C'] }),
  viewDraftA: (who) => canViewEvent(who, { status: 'draft', organiserIds: ['A'] }),
  answerForB: (who) => canAnswerInvitation(who, 'B'),
  coordinate: (who) => canCoordinate(who, 'clock'),
  register: (who) => canRegister(who, { status: 'published', registration: 'open' }),
  registerNoRegistration: (who) => canRegister(who, { status: 'published', registration: 'none' }),
  registerCancelled: (who) => canRegister(who, { status: 'cancelled', registration: 'open' }),
}

const everyone = ['viewPublishedC']
const signedIn = [...everyone, 'register']
const allowed: Record<string, string[]> = {
  visitor: everyone,
  plain: signedIn,
  managerA: [...signedIn, 'organiseA', 'manageEventOfAB', 'viewDraftA'],
  managerAB: [...signedIn, 'organiseA', 'organiseAB', 'manageEventOfAB', 'viewDraftA', 'answerForB'],
  clockManager: [...signedIn, 'coordinate'],
  officer: [...signedIn, 'coordinate'],
  evaluator: signedIn,
  admin: [...signedIn, 'organiseA', 'organiseAB', 'organiseNone', 'manageEventOfAB', 'manageEventOfC', 'viewDraftA', 'answerForB', 'coordinate'],
}

describe('events permissions matrix', () => {
  for (const [name, who] of Object.entries(actors)) {
    it(`${name} may do exactly what the matrix allows`, () => {
      const granted = Object.entries(checks)
        .filter(([, check]) => check(who))
        .map(([check]) => check)
      expect(granted.sort()).toEqual([...(allowed[name] ?? [])].sort())
    })
  }
})
