import { sql } from 'kysely'
import type { RequestStatus } from '../events/brokerage/brokerage.tables.js'
import type { FollowUp } from '../events/event-terms.js'
import { audit } from '../platform/audit.js'
import type { Db } from '../platform/db.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { romeToday } from '../platform/rome-time.js'
import { computeFunnel, computeMeetingFunnel, type Funnel, type MeetingFunnel } from './funnel.js'
import type { InterestRef } from './matchmaking.policies.js'
import type { InterestStepKind, PartnershipKind, ProfileKind } from './marketplace-terms.js'
import type { StepBody } from './matchmaking.schema.js'
import { profileRef, type OrganisationRef } from './profiles.service.js'

export type InterestSummary = {
  id: string
  status: 'pending' | 'accepted' | 'declined'
  message: string
  createdAt: string
  decidedAt: string | null
  profile: { id: string; title: string; kind: ProfileKind; organisation: OrganisationRef }
  organisation: OrganisationRef
  direction: 'received' | 'sent'
}

export type InterestDetail = Omit<InterestSummary, 'direction'> & {
  steps: {
    step: InterestStepKind
    occurredOn: string
    meetingMode: 'physical' | 'virtual' | null
    agreementType: PartnershipKind | null
    valueCents: number | null
    recordedAt: string
  }[]
  messages: { id: string; organisationId: string; organisationName: string; authorName: string | null; body: string; createdAt: string }[]
}

type Row = {
  id: string
  status: InterestSummary['status']
  message: string
  created_at: Date
  decided_at: Date | null
  profile_id: string
  profile_title: string
  profile_kind: ProfileKind
  owner_id: string
  owner_name: string
  owner_type: OrganisationRef['type']
  owner_size: OrganisationRef['sizeClass']
  owner_city: string | null
  owner_nuts2: string | null
  org_id: string
  org_name: string
  org_type: OrganisationRef['type']
  org_size: OrganisationRef['sizeClass']
  org_city: string | null
  org_nuts2: string | null
}

const selectInterests = sql`SELECT i.id, i.status, i.message, i.created_at, i.decided_at,
    p.id AS profile_id, p.title AS profile_title, p.kind AS profile_kind,
    owner.id AS owner_id, owner.legal_name AS owner_name, owner.type AS owner_type, owner.size_class AS owner_size, owner.city AS owner_city, owner.nuts2 AS owner_nuts2,
    org.id AS org_id, org.legal_name AS org_name, org.type AS org_type, org.size_class AS org_size, org.city AS org_city, org.nuts2 AS org_nuts2
  FROM profile_interests i
  JOIN profiles p ON p.id = i.profile_id
  JOIN organisations owner ON owner.id = p.organisation_id
  JOIN organisations org ON org.id = i.organisation_id`

function toSummary(row: Row, ownOrganisationIds: ReadonlySet<string>): InterestSummary {
  return {
    id: row.id,
    status: row.status,
    message: row.message,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
    profile: {
      id: row.profile_id,
      title: row.profile_title,
      kind: row.profile_kind,
      organisation: { id: row.owner_id, name: row.owner_name, type: row.owner_type, sizeClass: row.owner_size, city: row.owner_city, nuts2: row.owner_nuts2 },
    },
    organisation: { id: row.org_id, name: row.org_name, type: row.org_type, sizeClass: row.org_size, city: row.org_city, nuts2: row.org_nuts2 },
    direction: ownOrganisationIds.has(row.owner_id) ? 'received' : 'sent',
  }
}

export async function interestRef(db: Db, id: string): Promise<InterestRef & { id: string; status: InterestSummary['status']; profileId: string }> {
  const row = await db
    .selectFrom('profile_interests')
    .innerJoin('profiles', 'profiles.id', 'profile_interests.profile_id')
    .select(['profile_interests.id', 'profile_interests.status', 'profile_interests.organisation_id', 'profiles.organisation_id as owner_id', 'profiles.id as profile_id'])
    .where('profile_interests.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('entity.interest')
  return { id: row.id, status: row.status, profileId: row.profile_id, ownerOrganisationId: row.owner_id, interestedOrganisationId: row.organisation_id }
}

export async function expressInterest(db: Db, actorId: string, profileId: string, organisationId: string, message: string): Promise<string> {
  const profile = await profileRef(db, profileId)
  if (profile.status !== 'published') throw new AppError('conflict', { messageKey: 'error.profile_not_open' })
  if (profile.organisationId === organisationId) throw invalidField('organisationId', 'validation.own_profile')
  const existing = await db
    .selectFrom('profile_interests')
    .select('id')
    .where('profile_id', '=', profileId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (existing) throw new AppError('conflict', { messageKey: 'error.interest_exists' })
  const occurredOn = romeToday()
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('profile_interests')
      .values({ profile_id: profileId, organisation_id: organisationId, created_by: actorId, message })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('interest_steps').values({ interest_id: row.id, step: 'interest', occurred_on: occurredOn, recorded_by: actorId }).execute()
    await audit(trx, actorId, 'interest.create', 'interest', row.id, { profileId })
    return row.id
  })
}

export async function decideInterest(db: Db, actorId: string, id: string, decision: 'accept' | 'decline'): Promise<void> {
  const interest = await interestRef(db, id)
  if (interest.status !== 'pending') throw new AppError('conflict', { messageKey: 'error.interest_decided' })
  const occurredOn = romeToday()
  const status = decision === 'accept' ? 'accepted' : 'declined'
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profile_interests').set({ status, decided_by: actorId, decided_at: new Date() }).where('id', '=', id).execute()
    await trx.insertInto('interest_steps').values({ interest_id: id, step: status, occurred_on: occurredOn, recorded_by: actorId }).execute()
    await audit(trx, actorId, `interest.${decision}`, 'interest', id)
  })
}

/** Writes in the thread in the name of the actor's party (the interested organisation when they belong to both). */
export async function postMessage(db: Db, actorId: string, id: string, partyOrganisationId: string, body: string): Promise<void> {
  const interest = await interestRef(db, id)
  if (interest.status !== 'accepted') throw new AppError('conflict', { messageKey: 'error.thread_not_open' })
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('interest_messages').values({ interest_id: id, organisation_id: partyOrganisationId, author_id: actorId, body }).execute()
    await audit(trx, actorId, 'interest.message', 'interest', id)
  })
}

export async function recordStep(db: Db, actorId: string, id: string, step: StepBody): Promise<void> {
  const interest = await interestRef(db, id)
  if (interest.status !== 'accepted') throw new AppError('conflict', { messageKey: 'error.thread_not_open' })
  if (step.occurredOn > (romeToday())) throw invalidField('occurredOn', 'validation.date_in_future')
  if (step.step !== 'meeting') {
    const outcome = await db
      .selectFrom('interest_steps')
      .select('id')
      .where('interest_id', '=', id)
      .where('step', 'in', ['agreement', 'no_agreement'])
      .executeTakeFirst()
    if (outcome) throw new AppError('conflict', { messageKey: 'error.outcome_recorded' })
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('interest_steps')
      .values({
        interest_id: id,
        step: step.step,
        occurred_on: step.occurredOn,
        meeting_mode: step.step === 'meeting' ? step.meetingMode : null,
        agreement_type: step.step === 'agreement' ? step.agreementType : null,
        value_cents: step.step === 'agreement' ? (step.valueCents ?? null) : null,
        recorded_by: actorId,
      })
      .execute()
    await audit(trx, actorId, `interest.${step.step}`, 'interest', id, step)
  })
}

/** Interests received by and sent from the given organisations, newest first. */
export async function listInterests(db: Db, organisationIds: readonly string[]): Promise<InterestSummary[]> {
  if (organisationIds.length === 0) return []
  const ids = sql.join([...organisationIds])
  const result = await sql<Row>`${selectInterests} WHERE p.organisation_id IN (${ids}) OR i.organisation_id IN (${ids})
    ORDER BY i.created_at DESC, i.id LIMIT 500`.execute(db)
  const own = new Set(organisationIds)
  return result.rows.map((row) => toSummary(row, own))
}

export async function getInterest(db: Db, id: string): Promise<InterestDetail> {
  const result = await sql<Row>`${selectInterests} WHERE i.id = ${id}`.execute(db)
  const row = result.rows[0]
  if (!row) throw notFound('entity.interest')
  const [steps, messages] = await Promise.all([
    db.selectFrom('interest_steps').selectAll().where('interest_id', '=', id).orderBy('recorded_at').orderBy('id').execute(),
    db
      .selectFrom('interest_messages as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .leftJoin('users as u', 'u.id', 'm.author_id')
      .select(['m.id', 'm.organisation_id', 'o.legal_name', 'u.full_name', 'm.body', 'm.created_at'])
      .where('m.interest_id', '=', id)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
  ])
  const { direction: _direction, ...summary } = toSummary(row, new Set())
  return {
    ...summary,
    steps: steps.map((step) => ({
      step: step.step,
      occurredOn: step.occurred_on,
      meetingMode: step.meeting_mode,
      agreementType: step.agreement_type,
      valueCents: step.value_cents === null ? null : Number(step.value_cents),
      recordedAt: new Date(step.recorded_at).toISOString(),
    })),
    messages: messages.map((message) => ({
      id: message.id,
      organisationId: message.organisation_id,
      organisationName: message.legal_name,
      authorName: message.full_name,
      body: message.body,
      createdAt: new Date(message.created_at).toISOString(),
    })),
  }
}

export type FunnelReport = Funnel & { meetings: MeetingFunnel }

/**
 * The funnel of the profiles published in the given districts (all when 'all') and period (days in Rome),
 * with the meetings of the brokerage events those districts organised in the same period.
 */
export async function funnelOf(db: Db, clusterIds: readonly string[] | 'all', period: { from?: string | undefined; to?: string | undefined }): Promise<FunnelReport> {
  if (clusterIds !== 'all' && clusterIds.length === 0) return { ...computeFunnel({ profiles: [], interests: [] }), meetings: computeMeetingFunnel({ events: 0, requests: [], meetings: [] }) }
  const conditions = [sql`p.published_at IS NOT NULL`]
  if (clusterIds !== 'all') conditions.push(sql`p.cluster_id IN (${sql.join([...clusterIds])})`)
  if (period.from) conditions.push(sql`(p.published_at AT TIME ZONE 'Europe/Rome')::date >= ${period.from}`)
  if (period.to) conditions.push(sql`(p.published_at AT TIME ZONE 'Europe/Rome')::date <= ${period.to}`)
  const where = sql.join(conditions, sql` AND `)
  const [profiles, interestRows, steps, meetings] = await Promise.all([
    sql<{ id: string }>`SELECT p.id FROM profiles p WHERE ${where}`.execute(db),
    // A joint project: both organisations in one proposal (as lead or partner) submitted after the interest.
    sql<{ id: string; profile_id: string; joint_project: boolean; funded: boolean }>`
      WITH members AS (
        SELECT pr.id AS proposal_id, pr.lead_organisation_id AS organisation_id FROM proposals pr WHERE pr.current_version >= 1
        UNION SELECT pp.proposal_id, pp.organisation_id FROM proposal_partners pp JOIN proposals pr ON pr.id = pp.proposal_id WHERE pr.current_version >= 1
      ),
      joint AS (
        SELECT i.id AS interest_id, bool_or(g.outcome = 'granted') AS funded
        FROM profiles p
        JOIN profile_interests i ON i.profile_id = p.id
        JOIN members owner ON owner.organisation_id = p.organisation_id
        JOIN members asker ON asker.proposal_id = owner.proposal_id AND asker.organisation_id = i.organisation_id
        LEFT JOIN grant_decisions g ON g.proposal_id = owner.proposal_id
        WHERE ${where}
          AND EXISTS (SELECT 1 FROM proposal_versions v WHERE v.proposal_id = owner.proposal_id AND v.submitted_at > i.created_at)
        GROUP BY i.id
      )
      SELECT i.id, i.profile_id, (j.interest_id IS NOT NULL) AS joint_project, coalesce(j.funded, false) AS funded
      FROM profiles p JOIN profile_interests i ON i.profile_id = p.id LEFT JOIN joint j ON j.interest_id = i.id
      WHERE ${where}`.execute(db),
    sql<{ id: string; step: InterestStepKind; value_cents: number | null }>`
      SELECT i.id, s.step, s.value_cents
      FROM profiles p JOIN profile_interests i ON i.profile_id = p.id JOIN interest_steps s ON s.interest_id = i.id
      WHERE ${where}`.execute(db),
    brokerageMeetingsOf(db, clusterIds, period),
  ])
  const interests = new Map<string, { id: string; profileId: string; jointProject: boolean; funded: boolean; steps: { step: InterestStepKind; valueCents: number | null }[] }>()
  for (const row of interestRows.rows) interests.set(row.id, { id: row.id, profileId: row.profile_id, jointProject: row.joint_project, funded: row.funded, steps: [] })
  for (const row of steps.rows) interests.get(row.id)?.steps.push({ step: row.step, valueCents: row.value_cents === null ? null : Number(row.value_cents) })
  return { ...computeFunnel({ profiles: profiles.rows, interests: [...interests.values()] }), meetings }
}

/** Requests and live meetings of the brokerage events organised by the districts, held in the period (days in Rome). */
async function brokerageMeetingsOf(db: Db, clusterIds: readonly string[] | 'all', period: { from?: string | undefined; to?: string | undefined }): Promise<MeetingFunnel> {
  const conditions = [sql`TRUE`]
  if (clusterIds !== 'all') conditions.push(sql`EXISTS (SELECT 1 FROM event_organisers o WHERE o.event_id = e.id AND o.cluster_id IN (${sql.join([...clusterIds])}))`)
  if (period.from) conditions.push(sql`(e.starts_at AT TIME ZONE 'Europe/Rome')::date >= ${period.from}`)
  if (period.to) conditions.push(sql`(e.starts_at AT TIME ZONE 'Europe/Rome')::date <= ${period.to}`)
  const events = sql`SELECT e.id FROM events e JOIN brokerages b ON b.event_id = e.id WHERE ${sql.join(conditions, sql` AND `)}`
  const [count, requests, meetings] = await Promise.all([
    sql<{ count: string | number }>`SELECT count(*) AS count FROM (${events}) scope`.execute(db),
    sql<{ status: RequestStatus }>`SELECT r.status FROM brokerage_requests r WHERE r.event_id IN (${events})`.execute(db),
    sql<{
      published: boolean
      a_held: boolean | null
      b_held: boolean | null
      a_follow_up: FollowUp | null
      b_follow_up: FollowUp | null
      a_later_follow_up: FollowUp | null
      b_later_follow_up: FollowUp | null
    }>`
      SELECT m.published, m.a_held, m.b_held, m.a_follow_up, m.b_follow_up, m.a_later_follow_up, m.b_later_follow_up
      FROM brokerage_meetings m WHERE m.status = 'scheduled' AND m.event_id IN (${events})`.execute(db),
  ])
  return computeMeetingFunnel({
    events: Number(count.rows[0]?.count ?? 0),
    requests: requests.rows,
    meetings: meetings.rows.map((m) => ({
      published: m.published,
      aHeld: m.a_held,
      bHeld: m.b_held,
      aFollowUp: m.a_follow_up,
      bFollowUp: m.b_follow_up,
      aLaterFollowUp: m.a_later_follow_up,
      bLaterFollowUp: m.b_later_follow_up,
    })),
  })
}
