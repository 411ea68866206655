import type { Transaction } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Database } from '../platform/database.js'
import type { Db } from '../platform/db.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { formatEuros, formatNumber, translate, type Locale } from '../platform/i18n.js'
import type { Actor } from '../platform/policies.js'
import { romeDate, romeToday } from '../platform/rome-time.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import { canConfirmPartner, canEditProposal, type ProposalParties } from './calls.policies.js'
import type { ProposalChanges, ProposalCreate, ProposalDetail } from './calls.schema.js'
import { callPhase, type Clock } from './calls.service.js'
import type { StoredCallRules } from './calls.tables.js'
import { partnerSizeOf, partnerTypeOf } from './registry-partner.js'
import { checkEligibility } from './rules/eligibility.js'
import { estimateGrant, type GrantEstimate } from './rules/grant.js'
import type { MessageParam } from './rules/messages.js'
import type { Call, Partner, PartnerType, SizeClass } from './rules/model.js'

type Executor = Db | Transaction<Database>

/** A check's message as data, so that a frozen version can be shown in either language later. */
export type StoredMessage = { key: string; params: Record<string, MessageParam | { keys: readonly string[] }> }
export type StoredCheck = { rule: string; passed: boolean; message: StoredMessage }
export type StoredEligibility = { eligible: boolean; checks: StoredCheck[] }
export type RenderedEligibility = { eligible: boolean; checks: { rule: string; passed: boolean; message: string }[] }

export type ResolvedPartner = {
  organisationId: string
  name: string
  lead: boolean
  type: PartnerType
  size: SizeClass | null
  member: boolean
  commitsToJoin: boolean
  confirmed: boolean
  costs: { industrialResearch: number; experimentalDevelopment: number; other: number }
}

/** The proposal as the rules see it: partners resolved from the registry on a given date. */
export type ResolvedProposal = {
  id: string
  callId: string
  leadOrganisationId: string
  line: string
  title: string
  abstract: string
  taxonomyCode: string | null
  trlStart: number | null
  trlEnd: number | null
  wideDissemination: boolean
  partners: ResolvedPartner[]
}

type CallContext = { call: Call; priorities: string[]; lineClusterId: string | null }

export function renderStoredMessage(message: StoredMessage, locale: Locale): string {
  const params: Record<string, string | number> = {}
  const listFormat = new Intl.ListFormat(locale === 'it' ? 'it-IT' : 'en-GB', { type: 'conjunction' })
  for (const [name, value] of Object.entries(message.params)) {
    if (typeof value === 'string') params[name] = value
    else if (typeof value === 'number') params[name] = formatNumber(locale, value)
    else if ('cents' in value) params[name] = formatEuros(locale, value.cents)
    else if ('list' in value) params[name] = listFormat.format(value.list)
    else params[name] = listFormat.format(value.keys.map((key) => translate(locale, key)))
  }
  return translate(locale, message.key, params)
}

export function renderEligibility(eligibility: StoredEligibility, locale: Locale): RenderedEligibility {
  return {
    eligible: eligibility.eligible,
    checks: eligibility.checks.map((check) => ({ rule: check.rule, passed: check.passed, message: renderStoredMessage(check.message, locale) })),
  }
}

/**
 * The rules of src/calls/rules, plus what only the platform knows: the draft is complete, its priority
 * is one the call funds, every partner confirmed. A TRL not yet given is reported once, as incomplete.
 */
export function evaluateProposal(proposal: ResolvedProposal, context: CallContext): StoredEligibility {
  const checks: StoredCheck[] = []
  const missing = [
    proposal.abstract.trim() === '' ? 'calls.field.abstract' : null,
    proposal.taxonomyCode === null ? 'calls.field.taxonomyCode' : null,
    proposal.trlStart === null ? 'calls.field.trlStart' : null,
    proposal.trlEnd === null ? 'calls.field.trlEnd' : null,
  ].filter((key): key is string => key !== null)
  checks.push({
    rule: 'proposal.complete',
    passed: missing.length === 0,
    message: missing.length === 0 ? { key: 'calls.checks.complete.passed', params: {} } : { key: 'calls.checks.complete.failed', params: { fields: { keys: missing } } },
  })
  if (context.priorities.length > 0 && proposal.taxonomyCode !== null) {
    const code = proposal.taxonomyCode
    const fits = context.priorities.some((priority) => code === priority || code.startsWith(`${priority}.`))
    checks.push({
      rule: 'taxonomy.priority',
      passed: fits,
      message: { key: fits ? 'calls.checks.priority.passed' : 'calls.checks.priority.failed', params: { code, priorities: { list: context.priorities } } },
    })
  }
  const unconfirmed = proposal.partners.filter((partner) => !partner.confirmed).map((partner) => partner.name)
  checks.push({
    rule: 'partners.confirmed',
    passed: unconfirmed.length === 0,
    message: unconfirmed.length === 0 ? { key: 'calls.checks.confirmed.passed', params: {} } : { key: 'calls.checks.confirmed.failed', params: { partners: { list: unconfirmed } } },
  })
  const rules = checkEligibility(context.call, toRulesProposal(proposal))
  for (const check of rules.checks) {
    if (check.rule === 'trl.start' && proposal.trlStart === null) continue
    if (check.rule === 'trl.end' && proposal.trlEnd === null) continue
    checks.push({ rule: check.rule, passed: check.passed, message: check.message })
  }
  return { eligible: checks.every((check) => check.passed), checks }
}

export function toRulesProposal(proposal: ResolvedProposal): Parameters<typeof estimateGrant>[0] {
  return {
    line: proposal.line,
    trlStart: proposal.trlStart ?? 0,
    trlEnd: proposal.trlEnd ?? 0,
    wideDissemination: proposal.wideDissemination,
    partners: proposal.partners.map((partner): Partner => {
      const size = partner.size ?? undefined
      return {
        name: partner.name,
        type: partner.type,
        ...(size !== undefined && { size }),
        country: 'IT',
        member: partner.member,
        commitsToJoin: partner.commitsToJoin,
        costs: partner.costs,
      }
    }),
  }
}

export function grantFor(proposal: ResolvedProposal, context: CallContext): GrantEstimate & { organisationIds: string[] } {
  const { researchOrganisationIntensity } = context.call.rules
  const estimate = estimateGrant(toRulesProposal(proposal), researchOrganisationIntensity === undefined ? {} : { researchOrganisationIntensity })
  return { ...estimate, organisationIds: proposal.partners.map((partner) => partner.organisationId) }
}

export async function loadCallContext(db: Executor, callId: string, lineCode: string): Promise<CallContext> {
  const call = await db.selectFrom('calls').select(['rules', 'priorities']).where('id', '=', callId).executeTakeFirstOrThrow()
  const lines = await db.selectFrom('call_lines').selectAll().where('call_id', '=', callId).orderBy('position').execute()
  const rules: StoredCallRules = call.rules
  return {
    call: {
      lines: lines.map((line) => ({ code: line.code, budget: Number(line.budget_cents), membersOnly: line.members_only, nonMembersMustCommit: line.non_members_must_commit })),
      rules,
    },
    priorities: call.priorities,
    lineClusterId: lines.find((line) => line.code === lineCode)?.cluster_id ?? null,
  }
}

/** Organisations that are associated members, on `date`, of the cluster or of any cluster it gathers (CLOCK and its districts). */
async function membersOn(db: Executor, clusterId: string | null, organisationIds: string[], date: string): Promise<Set<string>> {
  if (clusterId === null || organisationIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('organisation_id', 'in', organisationIds)
    .where('associated', '=', true)
    .where('since', '<=', date)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', date)]))
    .where((eb) =>
      eb.or([
        eb('cluster_id', '=', clusterId),
        eb('cluster_id', 'in', eb.selectFrom('cluster_links').select('child_id').where('parent_id', '=', clusterId)),
      ]),
    )
    .execute()
  return new Set(rows.map((row) => row.organisation_id))
}

export async function resolveProposal(db: Executor, id: string, date: string, lineClusterId?: string | null): Promise<ResolvedProposal> {
  const row = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.proposal')
  const partners = await db
    .selectFrom('proposal_partners')
    .innerJoin('organisations', 'organisations.id', 'proposal_partners.organisation_id')
    .select([
      'proposal_partners.organisation_id',
      'proposal_partners.commits_to_join',
      'proposal_partners.industrial_research_cents',
      'proposal_partners.experimental_development_cents',
      'proposal_partners.other_cents',
      'proposal_partners.confirmed_at',
      'organisations.legal_name',
      'organisations.type',
      'organisations.size_class',
    ])
    .where('proposal_partners.proposal_id', '=', id)
    .orderBy('proposal_partners.position')
    .execute()
  const clusterId =
    lineClusterId !== undefined
      ? lineClusterId
      : ((await db.selectFrom('call_lines').select('cluster_id').where('call_id', '=', row.call_id).where('code', '=', row.line_code).executeTakeFirst())?.cluster_id ?? null)
  const members = await membersOn(db, clusterId, partners.map((partner) => partner.organisation_id), date)
  return {
    id: row.id,
    callId: row.call_id,
    leadOrganisationId: row.lead_organisation_id,
    line: row.line_code,
    title: row.title,
    abstract: row.abstract,
    taxonomyCode: row.taxonomy_code,
    trlStart: row.trl_start,
    trlEnd: row.trl_end,
    wideDissemination: row.wide_dissemination,
    partners: partners.map((partner) => {
      const type = partnerTypeOf(partner.type, partner.size_class)
      return {
        organisationId: partner.organisation_id,
        name: partner.legal_name,
        lead: partner.organisation_id === row.lead_organisation_id,
        type,
        size: partnerSizeOf(type, partner.size_class) ?? null,
        member: members.has(partner.organisation_id),
        commitsToJoin: partner.commits_to_join,
        confirmed: partner.confirmed_at !== null,
        costs: {
          industrialResearch: Number(partner.industrial_research_cents),
          experimentalDevelopment: Number(partner.experimental_development_cents),
          other: Number(partner.other_cents),
        },
      }
    }),
  }
}

export async function proposalParties(db: Db, id: string): Promise<ProposalParties & { callId: string }> {
  const row = await db.selectFrom('proposals').select(['lead_organisation_id', 'call_id']).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.proposal')
  const partners = await db.selectFrom('proposal_partners').select('organisation_id').where('proposal_id', '=', id).execute()
  return { callId: row.call_id, leadOrganisationId: row.lead_organisation_id, partnerOrganisationIds: partners.map((partner) => partner.organisation_id) }
}

export async function currentEligibility(db: Db, id: string, now: Date): Promise<StoredEligibility> {
  const parties = await proposalParties(db, id)
  const proposal = await resolveProposal(db, id, romeDate(now))
  return evaluateProposal(proposal, await loadCallContext(db, parties.callId, proposal.line))
}

export async function currentGrant(db: Db, id: string, now: Date): Promise<GrantEstimate & { organisationIds: string[] }> {
  const proposal = await resolveProposal(db, id, romeDate(now))
  return grantFor(proposal, await loadCallContext(db, proposal.callId, proposal.line))
}

export async function getProposal(db: Db, id: string, actor: Actor): Promise<ProposalDetail> {
  const row = await db
    .selectFrom('proposals')
    .innerJoin('calls', 'calls.id', 'proposals.call_id')
    .select(['proposals.updated_at', 'proposals.current_version', 'calls.title_it', 'calls.title_en', 'calls.closes_at'])
    .where('proposals.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('entity.proposal')
  const proposal = await resolveProposal(db, id, romeToday())
  const versions = await db.selectFrom('proposal_versions').select(['version', 'submitted_at', 'eligible']).where('proposal_id', '=', id).orderBy('version').execute()
  const last = versions.at(-1)
  const parties = { leadOrganisationId: proposal.leadOrganisationId, partnerOrganisationIds: proposal.partners.map((partner) => partner.organisationId) }
  return {
    id,
    callId: proposal.callId,
    callTitleIt: row.title_it,
    callTitleEn: row.title_en,
    callClosesAt: row.closes_at.toISOString(),
    leadOrganisationId: proposal.leadOrganisationId,
    line: proposal.line,
    title: proposal.title,
    abstract: proposal.abstract,
    taxonomyCode: proposal.taxonomyCode,
    trlStart: proposal.trlStart,
    trlEnd: proposal.trlEnd,
    wideDissemination: proposal.wideDissemination,
    partners: proposal.partners.map((partner) => ({ ...partner, canConfirm: !partner.confirmed && canConfirmPartner(actor, partner.organisationId) })),
    currentVersion: row.current_version,
    versions: versions.map((version) => ({ version: version.version, submittedAt: version.submitted_at.toISOString(), eligible: version.eligible })),
    changedSinceSubmission: last === undefined || row.updated_at.getTime() > last.submitted_at.getTime(),
    canEdit: canEditProposal(actor, parties),
    updatedAt: row.updated_at.toISOString(),
  }
}

export async function listProposalsFor(db: Db, organisationIds: string[], adminOf: Set<string>): Promise<
  { id: string; callId: string; callTitleIt: string; callTitleEn: string; title: string; line: string; leadName: string; currentVersion: number; awaitingMyConfirmation: boolean }[]
> {
  if (organisationIds.length === 0) return []
  const rows = await db
    .selectFrom('proposals')
    .innerJoin('calls', 'calls.id', 'proposals.call_id')
    .innerJoin('organisations', 'organisations.id', 'proposals.lead_organisation_id')
    .select((eb) => [
      'proposals.id',
      'proposals.call_id',
      'calls.title_it',
      'calls.title_en',
      'proposals.title',
      'proposals.line_code',
      'organisations.legal_name',
      'proposals.current_version',
      eb
        .selectFrom('proposal_partners')
        .select((inner) => inner.fn.agg<string[]>('array_agg', ['organisation_id']).as('ids'))
        .whereRef('proposal_partners.proposal_id', '=', 'proposals.id')
        .where('confirmed_at', 'is', null)
        .as('unconfirmed'),
    ])
    .where((eb) =>
      eb.or([
        eb('proposals.lead_organisation_id', 'in', organisationIds),
        eb.exists(
          eb.selectFrom('proposal_partners').select('proposal_id').whereRef('proposal_partners.proposal_id', '=', 'proposals.id').where('organisation_id', 'in', organisationIds),
        ),
      ]),
    )
    .orderBy('proposals.updated_at', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    callId: row.call_id,
    callTitleIt: row.title_it,
    callTitleEn: row.title_en,
    title: row.title,
    line: row.line_code,
    leadName: row.legal_name,
    currentVersion: row.current_version,
    awaitingMyConfirmation: (row.unconfirmed ?? []).some((organisationId) => adminOf.has(organisationId)),
  }))
}

export async function createProposal(db: Db, actorId: string | null, callId: string, input: ProposalCreate, now: Date): Promise<string> {
  const call = await db.selectFrom('calls').select(['id', 'status', 'opens_at', 'closes_at']).where('id', '=', callId).executeTakeFirst()
  if (!call || call.status === 'draft') throw notFound('entity.call')
  if (callPhase(call, now) !== 'open') throw new AppError('conflict', { messageKey: 'calls.error.not_open' })
  await checkLine(db, callId, input.line)
  if (input.taxonomyCode !== null) await assertKnownTaxonomyCodes(db, [input.taxonomyCode], 'taxonomyCode')
  const partners = input.partners ?? [{ organisationId: input.leadOrganisationId, commitsToJoin: false, costs: { industrialResearch: 0, experimentalDevelopment: 0, other: 0 } }]
  await checkPartners(db, input.leadOrganisationId, partners)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('proposals')
      .values({
        call_id: callId,
        lead_organisation_id: input.leadOrganisationId,
        line_code: input.line,
        title: input.title,
        abstract: input.abstract,
        taxonomy_code: input.taxonomyCode,
        trl_start: input.trlStart,
        trl_end: input.trlEnd,
        wide_dissemination: input.wideDissemination,
        created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replacePartners(trx, row.id, input.leadOrganisationId, actorId, partners, now)
    await audit(trx, actorId, 'proposal.create', 'proposal', row.id, { callId })
    return row.id
  })
}

export async function updateProposal(db: Db, actorId: string, id: string, changes: ProposalChanges, now: Date): Promise<void> {
  const current = await db.selectFrom('proposals').select(['call_id', 'lead_organisation_id']).where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound('entity.proposal')
  if (changes.line !== undefined) await checkLine(db, current.call_id, changes.line)
  if (changes.taxonomyCode) await assertKnownTaxonomyCodes(db, [changes.taxonomyCode], 'taxonomyCode')
  if (changes.partners !== undefined) await checkPartners(db, current.lead_organisation_id, changes.partners)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('proposals')
      .set({
        ...(changes.line !== undefined && { line_code: changes.line }),
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.abstract !== undefined && { abstract: changes.abstract }),
        ...(changes.taxonomyCode !== undefined && { taxonomy_code: changes.taxonomyCode }),
        ...(changes.trlStart !== undefined && { trl_start: changes.trlStart }),
        ...(changes.trlEnd !== undefined && { trl_end: changes.trlEnd }),
        ...(changes.wideDissemination !== undefined && { wide_dissemination: changes.wideDissemination }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    if (changes.partners !== undefined) await replacePartners(trx, id, current.lead_organisation_id, actorId, changes.partners, now)
    await audit(trx, actorId, 'proposal.update', 'proposal', id, { fields: Object.keys(changes) })
  })
}

export async function confirmPartner(db: Db, actorId: string | null, id: string, organisationId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('proposal_partners')
      .set({ confirmed_at: now, confirmed_by: actorId })
      .where('proposal_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .where('confirmed_at', 'is', null)
      .returning('organisation_id')
      .execute()
    if (updated.length === 0) {
      const exists = await trx.selectFrom('proposal_partners').select('organisation_id').where('proposal_id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst()
      if (!exists) throw notFound('entity.partner')
      return
    }
    await trx.updateTable('proposals').set({ updated_at: now }).where('id', '=', id).execute()
    await audit(trx, actorId, 'proposal.confirmPartner', 'proposal', id, { organisationId })
  })
}

export type Submission = { version: number; created: boolean; submittedAt: Date; eligibility: StoredEligibility }

/**
 * Freezes the draft as a numbered version. The server's clock decides: the closing instant itself is on
 * time, a moment later is not. The proposal row is locked for the whole check-and-insert, so two
 * simultaneous submissions of the same draft give one version: the second finds it already frozen.
 */
export async function submitProposal(db: Db, actorId: string | null, id: string, clock: Clock, locale: Locale): Promise<Submission> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('proposals').select(['call_id', 'current_version', 'line_code']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!locked) throw notFound('entity.proposal')
    const call = await trx.selectFrom('calls').select(['status', 'opens_at', 'closes_at']).where('id', '=', locked.call_id).executeTakeFirstOrThrow()
    const now = clock()
    const phase = callPhase(call, now)
    if (phase === 'closed') {
      throw new AppError('conflict', { messageKey: 'calls.error.deadline_passed', params: { closesAt: romeDateTime(locale, call.closes_at) } })
    }
    if (phase !== 'open') throw new AppError('conflict', { messageKey: 'calls.error.not_open' })
    const context = await loadCallContext(trx, locked.call_id, locked.line_code)
    const proposal = await resolveProposal(trx, id, romeDate(now), context.lineClusterId)
    const eligibility = evaluateProposal(proposal, context)
    if (!eligibility.eligible) {
      throw new AppError('conflict', { messageKey: 'calls.error.not_eligible', params: { count: eligibility.checks.filter((check) => !check.passed).length } })
    }
    const content = snapshotContent(proposal)
    const latest = await trx.selectFrom('proposal_versions').select(['version', 'submitted_at', 'snapshot']).where('proposal_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst()
    if (latest && stableStringify((latest.snapshot as { proposal: unknown }).proposal) === stableStringify(content)) {
      return { version: latest.version, created: false, submittedAt: latest.submitted_at, eligibility }
    }
    const version = locked.current_version + 1
    const snapshot = { proposal: content, eligibility, grant: grantFor(proposal, context) }
    await trx.insertInto('proposal_versions').values({ proposal_id: id, version, submitted_at: now, submitted_by: actorId, eligible: true, snapshot: JSON.stringify(snapshot) }).execute()
    await trx.updateTable('proposals').set({ current_version: version }).where('id', '=', id).execute()
    await audit(trx, actorId, 'proposal.submit', 'proposal', id, { version })
    return { version, created: true, submittedAt: now, eligibility }
  })
}

function snapshotContent(proposal: ResolvedProposal): Omit<ResolvedProposal, 'id' | 'callId'> {
  const { id: _id, callId: _callId, ...content } = proposal
  return content
}

/** JSON with sorted keys: jsonb does not keep key order, so frozen and fresh content compare equal. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function romeDateTime(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'medium' }).format(instant)
}

export type ScreeningRow = {
  proposalId: string
  title: string
  line: string
  leadName: string
  version: number
  submittedAt: string
  eligible: boolean
  failedChecks: { rule: string; passed: boolean; message: string }[]
  override: { eligible: boolean; reason: string; at: string } | null
  status: 'eligible' | 'ineligible'
}

/** Submitted proposals of a call, each with the eligibility frozen in its latest version and the officer's override. */
export async function screeningList(db: Db, callId: string, locale: Locale): Promise<ScreeningRow[]> {
  const rows = await db
    .selectFrom('proposals')
    .innerJoin('proposal_versions', (join) => join.onRef('proposal_versions.proposal_id', '=', 'proposals.id').onRef('proposal_versions.version', '=', 'proposals.current_version'))
    .innerJoin('organisations', 'organisations.id', 'proposals.lead_organisation_id')
    .select([
      'proposals.id',
      'proposals.title',
      'proposals.line_code',
      'organisations.legal_name',
      'proposal_versions.version',
      'proposal_versions.submitted_at',
      'proposal_versions.eligible',
      'proposal_versions.snapshot',
      'proposals.screening_eligible',
      'proposals.screening_reason',
      'proposals.screening_at',
    ])
    .where('proposals.call_id', '=', callId)
    .orderBy('proposals.line_code')
    .orderBy('proposal_versions.submitted_at')
    .execute()
  return rows.map((row) => {
    const eligibility = renderEligibility((row.snapshot as { eligibility: StoredEligibility }).eligibility, locale)
    const override =
      row.screening_eligible === null || row.screening_at === null
        ? null
        : { eligible: row.screening_eligible, reason: row.screening_reason ?? '', at: row.screening_at.toISOString() }
    return {
      proposalId: row.id,
      title: row.title,
      line: row.line_code,
      leadName: row.legal_name,
      version: row.version,
      submittedAt: row.submitted_at.toISOString(),
      eligible: row.eligible,
      failedChecks: eligibility.checks.filter((check) => !check.passed),
      override,
      status: (override?.eligible ?? row.eligible) ? 'eligible' : 'ineligible',
    }
  })
}

export async function overrideScreening(db: Db, actorId: string, id: string, input: { eligible: boolean; reason: string }, now: Date): Promise<void> {
  const row = await db.selectFrom('proposals').select('current_version').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.proposal')
  if (row.current_version === 0) throw new AppError('conflict', { messageKey: 'calls.error.not_submitted' })
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('proposals').set({ screening_eligible: input.eligible, screening_reason: input.reason, screening_by: actorId, screening_at: now }).where('id', '=', id).execute()
    await audit(trx, actorId, 'proposal.screeningOverride', 'proposal', id, input)
  })
}

async function checkLine(db: Db, callId: string, line: string): Promise<void> {
  const found = await db.selectFrom('call_lines').select('code').where('call_id', '=', callId).where('code', '=', line).executeTakeFirst()
  if (!found) throw invalidField('line', 'calls.validation.unknown_line', { line })
}

type PartnerInput = NonNullable<ProposalCreate['partners']>[number]

async function checkPartners(db: Db, leadOrganisationId: string, partners: readonly PartnerInput[]): Promise<void> {
  const ids = partners.map((partner) => partner.organisationId)
  const duplicate = ids.findIndex((id, index) => ids.indexOf(id) !== index)
  if (duplicate >= 0) throw invalidField(`partners.${duplicate}.organisationId`, 'calls.validation.duplicate_partner')
  if (!ids.includes(leadOrganisationId)) throw invalidField('partners', 'calls.validation.lead_missing')
  const found = new Set((await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute()).map((row) => row.id))
  const unknown = ids.findIndex((id) => !found.has(id))
  if (unknown >= 0) throw invalidField(`partners.${unknown}.organisationId`, 'calls.validation.unknown_organisation')
}

/** Replaces the partner list, keeping the confirmations of partners that stay; the lead is confirmed by leading. */
async function replacePartners(trx: Transaction<Database>, proposalId: string, leadOrganisationId: string, actorId: string | null, partners: readonly PartnerInput[], now: Date): Promise<void> {
  const previous = await trx.selectFrom('proposal_partners').select(['organisation_id', 'confirmed_at', 'confirmed_by']).where('proposal_id', '=', proposalId).execute()
  const confirmations = new Map(previous.map((row) => [row.organisation_id, row]))
  await trx.deleteFrom('proposal_partners').where('proposal_id', '=', proposalId).execute()
  await trx
    .insertInto('proposal_partners')
    .values(
      partners.map((partner, position) => {
        const kept = confirmations.get(partner.organisationId)
        const lead = partner.organisationId === leadOrganisationId
        return {
          proposal_id: proposalId,
          organisation_id: partner.organisationId,
          position: lead ? -1 : position,
          commits_to_join: partner.commitsToJoin,
          industrial_research_cents: partner.costs.industrialResearch,
          experimental_development_cents: partner.costs.experimentalDevelopment,
          other_cents: partner.costs.other,
          confirmed_at: kept?.confirmed_at ?? (lead ? now : null),
          confirmed_by: kept?.confirmed_by ?? (lead ? actorId : null),
        }
      }),
    )
    .execute()
}
