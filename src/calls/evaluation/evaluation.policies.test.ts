import { describe, expect, it } from 'vitest'
import type { Actor } from '../../platform/policies.js'
import { canEditEvaluatorProfile, canReport, canRunEvaluation, canViewEvaluation, canWriteConsensus } from './evaluation.policies.js'

function actor(userId: string, roles: ('platform_admin' | 'ma_officer' | 'evaluator')[], organisations: [string, 'member' | 'admin'][] = []): Actor {
  return { userId, roles, organisationRoles: new Map(organisations), managedClusterIds: new Set() }
}

const assigned = ['rapporteur', 'panelist']
const actors: Record<string, Actor> = {
  visitor: null,
  applicant: actor('applicant', [], [['lead', 'admin']]),
  officer: actor('officer', ['ma_officer']),
  admin: actor('admin', ['platform_admin']),
  rapporteur: actor('rapporteur', ['evaluator']),
  panelist: actor('panelist', ['evaluator']),
  otherEvaluator: actor('other', ['evaluator']),
  // Assigned once but no longer an evaluator: the role is checked, not only the assignment.
  formerEvaluator: actor('panelist', []),
}

// run evaluation, edit the panelist's profile, report, write the consensus, view the evaluation.
const matrix: Record<string, [boolean, boolean, boolean, boolean, boolean]> = {
  visitor: [false, false, false, false, false],
  applicant: [false, false, false, false, false],
  officer: [true, true, false, false, true],
  admin: [true, true, false, false, true],
  rapporteur: [false, false, true, true, true],
  panelist: [false, true, true, false, true],
  otherEvaluator: [false, false, false, false, false],
  formerEvaluator: [false, false, false, false, false],
}

describe('evaluation permissions', () => {
  for (const [name, expected] of Object.entries(matrix)) {
    it(name, () => {
      const who = actors[name] as Actor
      expect([
        canRunEvaluation(who),
        canEditEvaluatorProfile(who, 'panelist'),
        canReport(who, assigned),
        canWriteConsensus(who, 'rapporteur', assigned),
        canViewEvaluation(who, assigned),
      ]).toEqual(expected)
    })
  }
})
