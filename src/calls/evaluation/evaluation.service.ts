import { sql, type Transaction } from 'kysely'
import { audit } from '../../platform/audit.js'
import type { Database } from '../../platform/database.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound } from '../../platform/errors.js'
import { formatNumber, type Locale } from '../../platform/i18n.js'
import { assertKnownTaxonomyCodes } from '../../taxonomy/taxonomy.service.js'
import type { ResolvedPartner } from '../proposals.service.js'
import { callPhase } from '../calls.service.js'
import type { Criterion, EvaluationSettings } from '../calls.tables.js'
import { assignEvaluators, type AssignmentEvaluator, type AssignmentProposal, type Pair } from './assignment.js'
import type { CriterionScore } from './evaluation.tables.js'
import type { EvaluationOverview } from './evaluation.schema.js'

export type Executor = Db | Transaction<Database>

export const DEFAULT_EVALUATORS_PER_PROPOSAL = 3

/** What submission froze (see proposals.service.ts submitProposal). */
export type FrozenSnapshot = {
  proposal: {
    leadOrganisationId: string
    line: string
    title: string
    abstract: string
    taxonomyCode: string | null
    trlStart: number | null
    trlEnd: number | null
    partners: ResolvedPartner[]
  }
  grant: { total: number }
}

export type AdmittedProposal = {
  id: string
  title: string
  line: string
  leadName: string
  version: number
  submittedAt: Date
  snapshot: FrozenSnapshot
}

export type CallForEvaluation = {
  id: string
  titleIt: string
  titleEn: string
  phase: ReturnType<typeof callPhase>
  criteria: Criterion[]
  settings: EvaluationSettings
  perProposal: number
}

export async function loadCallForEvaluation(db: Executor, callId: string, now: Date, options: { lock?: boolean } = {}): Promise<CallForEvaluation> {
  let query = db.selectFrom('calls').select(['id', 'status', 'opens_at', 'closes_at', 'title_it', 'title_en', 'criteria', 'evaluation']).where('id', '=', callId)
  if (options.lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row || row.status === 'draft') throw notFound('entity.call')
  return {
    id: row.id,
    titleIt: row.title_it,
    titleEn: row.title_en,
    phase: callPhase(row, now),
    criteria: row.criteria,
    settings: row.evaluation,
    perProposal: row.evaluation.evaluatorsPerProposal ?? DEFAULT_EVALUATORS_PER_PROPOSAL,
  }
}

/** Submitted proposals that screening admitted: the frozen eligibility, unless an officer overrode it. */
export async function admittedProposals(db: Executor, callId: string, proposalId?: string): Promise<AdmittedProposal[]> {
  let query = db
    .selectFrom('proposals')
    .innerJoin('proposal_versions', (join) => join.onRef('proposal_versions.proposal_id', '=', 'proposals.id').onRef('proposal_versions.version', '=', 'proposals.current_version'))
    .innerJoin('organisations', 'organisations.id', 'proposals.lead_organisation_id')
    .select(['proposals.id', 'proposals.title', 'proposals.line_code', 'organisations.legal_name', 'proposal_versions.version', 'proposal_versions.submitted_at', 'proposal_versions.snapshot'])
    .where('proposals.call_id', '=', callId)
    .where(sql<boolean>`coalesce(proposals.screening_eligible, proposal_versions.eligible)`)
    .orderBy('proposals.line_code')
    .orderBy('proposal_versions.submitted_at')
    .orderBy('proposals.id')
  if (proposalId !== undefined) query = query.where('proposals.id', '=', proposalId)
  const rows = await query.execute()
  return rows.map((row) => {
    const snapshot = row.snapshot as FrozenSnapshot
    return { id: row.id, title: snapshot.proposal.title, line: row.line_code, leadName: row.legal_name, version: row.version, submittedAt: row.submitted_at, snapshot }
  })
}

/** The call's evaluators with their organisation and expertise; one without a profile has neither. */
export async function evaluatorPool(db: Executor): Promise<(AssignmentEvaluator & { fullName: string; email: string; organisationName: string | null })[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .leftJoin('evaluator_profiles', 'evaluator_profiles.user_id', 'users.id')
    .leftJoin('organisations', 'organisations.id', 'evaluator_profiles.organisation_id')
    .select(['users.id', 'users.full_name', 'users.email', 'evaluator_profiles.organisation_id', 'evaluator_profiles.expertise', 'organisations.legal_name'])
    .where('user_roles.role', '=', 'evaluator')
    .orderBy('users.full_name')
    .orderBy('users.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.legal_name,
    expertise: row.expertise ?? [],
  }))
}

async function isEvaluatorUser(db: Executor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_roles').select('user_id').where('user_id', '=', userId).where('role', '=', 'evaluator').executeTakeFirst()
  return row !== undefined
}

export async function setEvaluatorProfile(db: Db, actorId: string, userId: string, input: { organisationId: string | null; expertise: string[] }): Promise<void> {
  if (!(await isEvaluatorUser(db, userId))) throw notFound('entity.evaluator')
  await assertKnownTaxonomyCodes(db, input.expertise, 'expertise')
  if (input.organisationId !== null) {
    const found = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst()
    if (!found) throw invalidField('organisationId', 'calls.validation.unknown_organisation')
  }
  const expertise = [...new Set(input.expertise)]
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evaluator_profiles')
      .values({ user_id: userId, organisation_id: input.organisationId, expertise })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ organisation_id: input.organisationId, expertise, updated_at: new Date() }))
      .execute()
    await audit(trx, actorId, 'evaluator.profile', 'user', userId, { organisationId: input.organisationId, expertise })
  })
}

/** Partners as frozen at submission, plus the partners and providers named now: any of them is a conflict. */
async function proposalOrganisations(db: Executor, proposals: readonly AdmittedProposal[]): Promise<Map<string, Set<string>>> {
  const ids = proposals.map((proposal) => proposal.id)
  const organisations = new Map(proposals.map((proposal) => [proposal.id, new Set(proposal.snapshot.proposal.partners.map((partner) => partner.organisationId))]))
  if (ids.length === 0) return organisations
  const partners = await db.selectFrom('proposal_partners').select(['proposal_id', 'organisation_id']).where('proposal_id', 'in', ids).execute()
  const providers = await db.selectFrom('proposal_providers').select(['proposal_id', 'organisation_id']).where('proposal_id', 'in', ids).execute()
  for (const row of [...partners, ...providers]) organisations.get(row.proposal_id)?.add(row.organisation_id)
  return organisations
}

async function callPairs(db: Executor, callId: string): Promise<{ active: Pair[]; conflicts: Pair[] }> {
  const assignments = await db.selectFrom('evaluation_assignments').select(['proposal_id', 'evaluator_id', 'status']).where('call_id', '=', callId).execute()
  const declared = await db
    .selectFrom('evaluation_conflicts')
    .innerJoin('proposals', 'proposals.id', 'evaluation_conflicts.proposal_id')
    .select(['evaluation_conflicts.proposal_id', 'evaluation_conflicts.evaluator_id'])
    .where('proposals.call_id', '=', callId)
    .execute()
  const pair = (row: { proposal_id: string; evaluator_id: string }): Pair => ({ proposalId: row.proposal_id, evaluatorId: row.evaluator_id })
  return {
    active: assignments.filter((row) => row.status === 'active').map(pair),
    conflicts: [...declared.map(pair), ...assignments.filter((row) => row.status === 'declined').map(pair)],
  }
}

type AssignOutcome = { created: number }

/**
 * Completes the panels of the given admitted proposals (all of the call's by default) to the call's number
 * of evaluators, keeping every existing assignment. Runs inside the caller's transaction, with the call locked.
 */
async function completePanels(trx: Transaction<Database>, actorId: string, call: CallForEvaluation, proposals: readonly AdmittedProposal[], now: Date, locale: Locale): Promise<AssignOutcome> {
  const organisations = await proposalOrganisations(trx, proposals)
  const pool = await evaluatorPool(trx)
  const { active, conflicts } = await callPairs(trx, call.id)
  const input: AssignmentProposal[] = proposals.map((proposal) => ({
    id: proposal.id,
    taxonomyCode: proposal.snapshot.proposal.taxonomyCode,
    organisationIds: [...(organisations.get(proposal.id) ?? [])],
  }))
  const result = assignEvaluators({ proposals: input, evaluators: pool, perProposal: call.perProposal, existing: active, conflicts })
  if (!result.ok) {
    const titles = result.shortfalls.map((shortfall) => `«${proposals.find((proposal) => proposal.id === shortfall.proposalId)?.title ?? shortfall.proposalId}» (${formatNumber(locale, shortfall.available)})`)
    throw new AppError('conflict', { messageKey: 'evaluation.error.infeasible', params: { needed: call.perProposal, proposals: titles.join('; ') } })
  }
  const positions = new Map<string, number>()
  for (const pair of active) positions.set(pair.proposalId, (positions.get(pair.proposalId) ?? 0) + 1)
  const declinedCounts = await trx
    .selectFrom('evaluation_assignments')
    .select(['proposal_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('call_id', '=', call.id)
    .where('status', '=', 'declined')
    .groupBy('proposal_id')
    .execute()
  for (const row of declinedCounts) positions.set(row.proposal_id, (positions.get(row.proposal_id) ?? 0) + Number(row.n))
  if (result.assignments.length === 0) return { created: 0 }
  await trx
    .insertInto('evaluation_assignments')
    .values(
      result.assignments.map((assignment) => {
        const position = positions.get(assignment.proposalId) ?? 0
        positions.set(assignment.proposalId, position + 1)
        return {
          proposal_id: assignment.proposalId,
          evaluator_id: assignment.evaluatorId,
          call_id: call.id,
          matched_codes: assignment.matchedCodes,
          load_at_assignment: assignment.load,
          position,
          assigned_at: now,
          assigned_by: actorId,
        }
      }),
    )
    .execute()
  return { created: result.assignments.length }
}

function requireClosed(call: CallForEvaluation): void {
  if (call.phase !== 'closed') throw new AppError('conflict', { messageKey: 'evaluation.error.call_not_closed' })
}

/** The officer's run: every admitted proposal gets its evaluators; nothing is written if one cannot. */
export async function runAssignment(db: Db, actorId: string, callId: string, now: Date, locale: Locale): Promise<AssignOutcome> {
  return db.transaction().execute(async (trx) => {
    const call = await loadCallForEvaluation(trx, callId, now, { lock: true })
    requireClosed(call)
    if (call.criteria.length === 0) throw new AppError('conflict', { messageKey: 'evaluation.error.no_criteria' })
    const proposals = await admittedProposals(trx, callId)
    if (proposals.length === 0) throw new AppError('conflict', { messageKey: 'evaluation.error.no_proposals' })
    const outcome = await completePanels(trx, actorId, call, proposals, now, locale)
    if (outcome.created === 0) throw new AppError('conflict', { messageKey: 'evaluation.error.nothing_to_assign' })
    await audit(trx, actorId, 'evaluation.assign', 'call', callId, outcome)
    return outcome
  })
}

/** An evaluator declares a conflict with an admitted proposal of a closed call, before or without an assignment. */
export async function declareConflict(db: Db, evaluatorId: string, proposalId: string, reason: string, now: Date): Promise<void> {
  const proposal = await db.selectFrom('proposals').select('call_id').where('id', '=', proposalId).executeTakeFirst()
  if (!proposal) throw notFound('entity.proposal')
  if ((await admittedProposals(db, proposal.call_id, proposalId)).length === 0) throw new AppError('conflict', { messageKey: 'evaluation.error.not_admitted' })
  const assigned = await db.selectFrom('evaluation_assignments').select('status').where('proposal_id', '=', proposalId).where('evaluator_id', '=', evaluatorId).executeTakeFirst()
  if (assigned?.status === 'active') throw new AppError('conflict', { messageKey: 'evaluation.error.decline_instead' })
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evaluation_conflicts')
      .values({ proposal_id: proposalId, evaluator_id: evaluatorId, reason, declared_at: now })
      .onConflict((conflict) => conflict.columns(['proposal_id', 'evaluator_id']).doUpdateSet({ reason }))
      .execute()
    await audit(trx, evaluatorId, 'evaluation.conflict', 'proposal', proposalId, { reason })
  })
}

/**
 * An assigned evaluator declines for a conflict of interest: the conflict is recorded and one replacement
 * joins the panel, the other evaluators stay. When nobody free of conflicts is left the decline still
 * stands (a conflicted evaluator must not score) and the panel stays short until the officer adds evaluators.
 */
export async function declineAssignment(db: Db, evaluatorId: string, proposalId: string, reason: string, now: Date, locale: Locale): Promise<{ replacedBy: string | null }> {
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom('evaluation_assignments')
      .select(['call_id', 'status'])
      .where('proposal_id', '=', proposalId)
      .where('evaluator_id', '=', evaluatorId)
      .executeTakeFirst()
    if (!assignment || assignment.status !== 'active') throw notFound('entity.assignment')
    const call = await loadCallForEvaluation(trx, assignment.call_id, now, { lock: true })
    const report = await trx.selectFrom('evaluation_reports').select('submitted_at').where('proposal_id', '=', proposalId).where('evaluator_id', '=', evaluatorId).executeTakeFirst()
    if (report) throw new AppError('conflict', { messageKey: 'evaluation.error.decline_after_report' })
    await trx.updateTable('evaluation_assignments').set({ status: 'declined', declined_at: now }).where('proposal_id', '=', proposalId).where('evaluator_id', '=', evaluatorId).execute()
    await trx
      .insertInto('evaluation_conflicts')
      .values({ proposal_id: proposalId, evaluator_id: evaluatorId, reason, declared_at: now })
      .onConflict((conflict) => conflict.columns(['proposal_id', 'evaluator_id']).doUpdateSet({ reason }))
      .execute()
    await trx.updateTable('evaluation_consensus').set({ rapporteur_id: null }).where('proposal_id', '=', proposalId).where('rapporteur_id', '=', evaluatorId).execute()
    const before = new Set((await trx.selectFrom('evaluation_assignments').select('evaluator_id').where('proposal_id', '=', proposalId).execute()).map((row) => row.evaluator_id))
    let replacedBy: string | null = null
    try {
      await completePanels(trx, evaluatorId, call, await admittedProposals(trx, call.id, proposalId), now, locale)
      const after = await trx.selectFrom('evaluation_assignments').select('evaluator_id').where('proposal_id', '=', proposalId).where('status', '=', 'active').execute()
      replacedBy = after.map((row) => row.evaluator_id).find((id) => !before.has(id)) ?? null
    } catch (error) {
      if (!(error instanceof AppError)) throw error
    }
    await audit(trx, evaluatorId, 'evaluation.decline', 'proposal', proposalId, { reason, replacedBy })
    return { replacedBy }
  })
}

/** The officer's view of the call's evaluation: every admitted proposal with its panel and the reasons of each assignment. */
export async function evaluationOverview(db: Db, callId: string, now: Date): Promise<EvaluationOverview> {
  const call = await loadCallForEvaluation(db, callId, now)
  const proposals = await admittedProposals(db, callId)
  const rows = await db
    .selectFrom('evaluation_assignments')
    .innerJoin('users', 'users.id', 'evaluation_assignments.evaluator_id')
    .leftJoin('evaluation_reports', (join) =>
      join.onRef('evaluation_reports.proposal_id', '=', 'evaluation_assignments.proposal_id').onRef('evaluation_reports.evaluator_id', '=', 'evaluation_assignments.evaluator_id'),
    )
    .leftJoin('evaluation_conflicts', (join) =>
      join.onRef('evaluation_conflicts.proposal_id', '=', 'evaluation_assignments.proposal_id').onRef('evaluation_conflicts.evaluator_id', '=', 'evaluation_assignments.evaluator_id'),
    )
    .select([
      'evaluation_assignments.proposal_id',
      'evaluation_assignments.evaluator_id',
      'evaluation_assignments.status',
      'evaluation_assignments.matched_codes',
      'evaluation_assignments.load_at_assignment',
      'evaluation_assignments.assigned_at',
      'users.full_name',
      'evaluation_reports.submitted_at',
      'evaluation_conflicts.reason',
    ])
    .where('evaluation_assignments.call_id', '=', callId)
    .orderBy('evaluation_assignments.position')
    .execute()
  const consensus = await consensusRows(db, proposals.map((proposal) => proposal.id))
  const loads = new Map<string, number>()
  for (const row of rows) if (row.status === 'active') loads.set(row.evaluator_id, (loads.get(row.evaluator_id) ?? 0) + 1)
  const pool = await evaluatorPool(db)
  return {
    callId,
    phase: call.phase,
    evaluatorsPerProposal: call.perProposal,
    overallThreshold: call.settings.overallThreshold ?? null,
    evaluatorCount: pool.length,
    proposals: proposals.map((proposal) => {
      const panel = rows.filter((row) => row.proposal_id === proposal.id)
      const rapporteur = rapporteurOf(consensus.get(proposal.id) ?? null, panel)
      return {
        proposalId: proposal.id,
        title: proposal.title,
        line: proposal.line,
        leadName: proposal.leadName,
        taxonomyCode: proposal.snapshot.proposal.taxonomyCode,
        consensusSubmitted: consensus.get(proposal.id)?.submitted_at != null,
        assignments: panel.map((row) => ({
          evaluatorId: row.evaluator_id,
          evaluatorName: row.full_name,
          status: row.status,
          matchedCodes: row.matched_codes,
          loadAtAssignment: row.load_at_assignment,
          currentLoad: loads.get(row.evaluator_id) ?? 0,
          assignedAt: row.assigned_at.toISOString(),
          reportSubmitted: row.submitted_at !== null,
          rapporteur: row.evaluator_id === rapporteur,
          conflictReason: row.status === 'declined' ? row.reason : null,
        })),
      }
    }),
  }
}

export type ConsensusRow = { proposal_id: string; rapporteur_id: string | null; scores: CriterionScore[] | null; comment: string | null; submitted_at: Date | null }

export async function consensusRows(db: Executor, proposalIds: readonly string[]): Promise<Map<string, ConsensusRow>> {
  if (proposalIds.length === 0) return new Map()
  const rows = await db.selectFrom('evaluation_consensus').select(['proposal_id', 'rapporteur_id', 'scores', 'comment', 'submitted_at']).where('proposal_id', 'in', proposalIds).execute()
  return new Map(rows.map((row) => [row.proposal_id, row]))
}

/** The officer's choice, else the first evaluator still on the panel. */
export function rapporteurOf(consensus: { rapporteur_id: string | null } | null, panel: readonly { evaluator_id: string; status: string }[]): string | null {
  const active = panel.filter((row) => row.status === 'active').map((row) => row.evaluator_id)
  if (consensus?.rapporteur_id && active.includes(consensus.rapporteur_id)) return consensus.rapporteur_id
  return active[0] ?? null
}
