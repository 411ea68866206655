import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound, unauthenticated } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import { scheduleMeetings, type ScheduleStats, type TableRef } from '../scheduler/index.js'
import type { AgendaView, MeetingView, ScheduleView } from './brokerage.schema.js'
import { canTakePart } from './brokerage.policies.js'
import { accessBrokerage, requireManager, slotJson, slotsOf, type BrokerageRow } from './brokerage.service.js'
import type { FollowUp } from '../event-terms.js'
import { mayAnswerLater } from './later-follow-up.js'
import { moveOptions, moveProblem, newMeetings, tableColumns, tableRefOf, toScheduleInput, type Plan, type PlannedMeeting } from './plan.js'
import { personRefs, type PersonRef } from './requests.service.js'
import { slotKey, type Slot } from './slots.js'

// The organiser's side of the agenda: run the scheduler on the accepted requests (published meetings
// pinned), inspect, move by hand, publish; and each participant's published agenda and follow-up.

type MeetingRow = { id: string; request_id: string; participant_a: string; participant_b: string; starts_at: Date; ends_at: Date; table_number: number | null; virtual_room: number | null; published: boolean; status: 'scheduled' | 'cancelled' }

async function scheduledMeetings(db: Db, eventId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('brokerage_meetings')
    .select(['id', 'request_id', 'participant_a', 'participant_b', 'starts_at', 'ends_at', 'table_number', 'virtual_room', 'published', 'status'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .orderBy('table_number')
    .orderBy('virtual_room')
    .execute()
}

const slotIndexer = (slots: readonly Slot[]) => {
  const byStart = new Map(slots.map((slot) => [slotKey(slot.startsAt), slot.index]))
  return (instant: Date): number => byStart.get(slotKey(instant)) ?? -1
}

/** The event's state as the scheduler's plan; `meetings` are the scheduled ones with their slot index. */
async function loadPlan(db: Db, eventId: string, brokerage: BrokerageRow): Promise<{ plan: Plan; meetings: (PlannedMeeting & { row: MeetingRow })[]; requestIds: Map<string, string> }> {
  const slots = slotsOf(brokerage)
  const [participants, accepted, rows] = await Promise.all([
    db.selectFrom('brokerage_participants').select(['id', 'available_sessions', 'blocked_slots']).where('event_id', '=', eventId).where('status', '=', 'confirmed').orderBy('id').execute(),
    db.selectFrom('brokerage_requests').select(['id', 'from_participant', 'to_participant']).where('event_id', '=', eventId).where('status', '=', 'accepted').orderBy('created_at').orderBy('id').execute(),
    scheduledMeetings(db, eventId),
  ])
  const slotOf = slotIndexer(slots)
  const meetings = rows.map((row) => ({ id: row.id, a: row.participant_a, b: row.participant_b, slot: slotOf(row.starts_at), table: tableRefOf(row), row }))
  const pairKey = (a: string, b: string): string => [a, b].sort().join('|')
  return {
    plan: {
      slots,
      tables: brokerage.tables,
      virtualRooms: brokerage.virtual_rooms,
      cap: brokerage.max_meetings,
      participants: participants.map((p) => ({ id: p.id, availableSessions: p.available_sessions, blockedSlots: p.blocked_slots })),
      requests: accepted.map((r) => [r.from_participant, r.to_participant] as const),
      pinned: meetings.filter((m) => m.row.published && m.slot >= 0).map(({ a, b, slot, table }) => ({ a, b, slot, table })),
    },
    meetings,
    requestIds: new Map(accepted.map((r) => [pairKey(r.from_participant, r.to_participant), r.id])),
  }
}

async function lockBrokerage(trx: Db, eventId: string): Promise<BrokerageRow> {
  return trx.selectFrom('brokerages').selectAll().where('event_id', '=', eventId).forUpdate().executeTakeFirstOrThrow()
}

export type RunSummary = Pick<ScheduleStats, 'algorithm' | 'idleGaps' | 'maxMeetingsProven'> & { upperBound: number }

/**
 * Replaces the unpublished meetings with a fresh schedule of every accepted request; published meetings
 * are passed to the scheduler as locked, so a late request or a freed slot never moves them.
 */
export async function runScheduler(db: Db, actor: Actor, eventId: string): Promise<RunSummary> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  return db.transaction().execute(async (trx) => {
    const brokerage = await lockBrokerage(trx, eventId)
    await trx.deleteFrom('brokerage_meetings').where('event_id', '=', eventId).where('published', '=', false).execute()
    const { plan, requestIds } = await loadPlan(trx, eventId, brokerage)
    const result = await scheduleMeetings(toScheduleInput(plan))
    const added = newMeetings(plan, result)
    if (added.length > 0) {
      await trx
        .insertInto('brokerage_meetings')
        .values(
          added.map((m) => ({
            event_id: eventId,
            request_id: requestIds.get([m.a, m.b].sort().join('|')) as string,
            participant_a: m.a,
            participant_b: m.b,
            starts_at: m.slot.startsAt,
            ends_at: m.slot.endsAt,
            table_number: m.tableNumber,
            virtual_room: m.virtualRoom,
          })),
        )
        .execute()
    }
    if (brokerage.agenda_status === 'none') await trx.updateTable('brokerages').set({ agenda_status: 'draft', updated_at: new Date() }).where('event_id', '=', eventId).execute()
    await audit(trx, actor.userId, 'brokerage.schedule.run', 'event', eventId, { added: added.length, total: result.stats.meetings, bound: result.stats.upperBound.value })
    return { algorithm: result.stats.algorithm, idleGaps: result.stats.idleGaps, maxMeetingsProven: result.stats.maxMeetingsProven, upperBound: result.stats.upperBound.value }
  })
}

function meetingView(row: MeetingRow, slot: number, people: Map<string, PersonRef>): MeetingView {
  return {
    id: row.id,
    requestId: row.request_id,
    a: people.get(row.participant_a) as PersonRef,
    b: people.get(row.participant_b) as PersonRef,
    slot,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    table: tableRefOf(row),
    published: row.published,
    status: row.status,
  }
}

export async function getSchedule(db: Db, actor: Actor, eventId: string, lastRun: RunSummary | null = null): Promise<ScheduleView> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const { plan, meetings } = await loadPlan(db, eventId, access.brokerage)
  const accepted = await db.selectFrom('brokerage_requests').select(['id', 'from_participant', 'to_participant']).where('event_id', '=', eventId).where('status', '=', 'accepted').orderBy('created_at').orderBy('id').execute()
  const placed = new Set(meetings.map((m) => m.row.request_id))
  const open = accepted.filter((r) => !placed.has(r.id))
  const people = await personRefs(db, [...meetings.flatMap((m) => [m.a, m.b]), ...open.flatMap((r) => [r.from_participant, r.to_participant])])
  const available = new Set(plan.participants.map((p) => p.id))
  return {
    agendaStatus: access.brokerage.agenda_status,
    slots: plan.slots.map(slotJson),
    tables: plan.tables,
    virtualRooms: plan.virtualRooms,
    meetings: meetings.map((m) => meetingView(m.row, m.slot, people)),
    unscheduled: open.map((r) => ({
      requestId: r.id,
      a: people.get(r.from_participant) as PersonRef,
      b: people.get(r.to_participant) as PersonRef,
      reason: available.has(r.from_participant) && available.has(r.to_participant) ? 'not_placed' : 'participant_not_confirmed',
    })),
    unpublishedCount: meetings.filter((m) => !m.row.published).length,
    lastRun,
  }
}

export async function meetingMoveOptions(db: Db, actor: Actor, eventId: string, meetingId: string): Promise<{ slot: number; tables: TableRef[] }[]> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const { plan, meetings } = await loadPlan(db, eventId, access.brokerage)
  if (!meetings.some((m) => m.id === meetingId)) throw notFound('entity.meeting')
  return moveOptions(plan, meetings, meetingId)
}

/** The organiser moves one meeting to another slot or table; checked against clashes, availability and tables. */
export async function moveMeeting(db: Db, actor: Actor, eventId: string, meetingId: string, slot: number, table: TableRef): Promise<void> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  await db.transaction().execute(async (trx) => {
    const brokerage = await lockBrokerage(trx, eventId)
    const { plan, meetings } = await loadPlan(trx, eventId, brokerage)
    if (!meetings.some((m) => m.id === meetingId)) throw notFound('entity.meeting')
    const problem = moveProblem(plan, meetings, meetingId, slot, table)
    if (problem === 'unknown_slot') throw invalidField('slot', 'validation.brokerage.unknown_slot')
    if (problem === 'unknown_table') throw invalidField('table', 'validation.brokerage.unknown_table')
    if (problem) throw new AppError('conflict', { messageKey: `brokerage.error.move.${problem}` })
    const target = plan.slots[slot] as Slot
    const columns = tableColumns(table)
    await trx
      .updateTable('brokerage_meetings')
      .set({ starts_at: target.startsAt, ends_at: target.endsAt, table_number: columns.tableNumber, virtual_room: columns.virtualRoom, updated_at: new Date() })
      .where('id', '=', meetingId)
      .execute()
    await audit(trx, actor.userId, 'brokerage.meeting.move', 'event', eventId, { meetingId, slot, table })
  })
}

/** Publishes every scheduled meeting (pinning them) as the preliminary or the final agenda. */
export async function publishAgenda(db: Db, actor: Actor, eventId: string, stage: 'preliminary' | 'final'): Promise<void> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  await db.transaction().execute(async (trx) => {
    const brokerage = await lockBrokerage(trx, eventId)
    if (brokerage.agenda_status === 'final' && stage === 'preliminary') throw new AppError('conflict', { messageKey: 'brokerage.error.final_published' })
    if (brokerage.agenda_status === 'none') throw new AppError('conflict', { messageKey: 'brokerage.error.nothing_to_publish' })
    const published = await trx.updateTable('brokerage_meetings').set({ published: true, updated_at: new Date() }).where('event_id', '=', eventId).where('status', '=', 'scheduled').where('published', '=', false).executeTakeFirst()
    const now = new Date()
    await trx.updateTable('brokerages').set({ agenda_status: stage, agenda_published_at: now, updated_at: now }).where('event_id', '=', eventId).execute()
    await audit(trx, actor.userId, `brokerage.publish.${stage}`, 'event', eventId, { meetings: Number(published.numUpdatedRows) })
  })
}

// ---------------------------------------------------------------------------------------------------
// The participant's agenda and follow-up

type AgendaRow = MeetingRow & {
  a_held: boolean | null
  a_follow_up: FollowUp | null
  b_held: boolean | null
  b_follow_up: FollowUp | null
  a_later_asked_at: Date | null
  a_later_follow_up: FollowUp | null
  b_later_asked_at: Date | null
  b_later_follow_up: FollowUp | null
}

async function publishedMeetingsOf(db: Db, participantId: string): Promise<AgendaRow[]> {
  return db
    .selectFrom('brokerage_meetings')
    .select(['id', 'request_id', 'participant_a', 'participant_b', 'starts_at', 'ends_at', 'table_number', 'virtual_room', 'published', 'status', 'a_held', 'a_follow_up', 'b_held', 'b_follow_up', 'a_later_asked_at', 'a_later_follow_up', 'b_later_asked_at', 'b_later_follow_up'])
    .where('status', '=', 'scheduled')
    .where('published', '=', true)
    .where((eb) => eb.or([eb('participant_a', '=', participantId), eb('participant_b', '=', participantId)]))
    .orderBy('starts_at')
    .execute()
}

export async function agendaOf(db: Db, eventId: string, participantId: string, agendaStatus: AgendaView['agendaStatus'], now = new Date()): Promise<AgendaView> {
  const rows = await publishedMeetingsOf(db, participantId)
  const others = rows.map((r) => (r.participant_a === participantId ? r.participant_b : r.participant_a))
  const people = await personRefs(db, others)
  const texts = new Map(
    others.length === 0 ? [] : (await db.selectFrom('brokerage_participants').select(['id', 'offer', 'request']).where('id', 'in', others).where('event_id', '=', eventId).execute()).map((p) => [p.id, p]),
  )
  return {
    agendaStatus,
    participantId,
    items: rows.map((r, index) => {
      const mineIsA = r.participant_a === participantId
      const other = others[index] as string
      const laterAskedAt = mineIsA ? r.a_later_asked_at : r.b_later_asked_at
      return {
        meetingId: r.id,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        table: tableRefOf(r),
        with: { ...(people.get(other) as PersonRef), offer: texts.get(other)?.offer ?? '', request: texts.get(other)?.request ?? '' },
        myHeld: mineIsA ? r.a_held : r.b_held,
        myFollowUp: mineIsA ? r.a_follow_up : r.b_follow_up,
        laterOpen: mayAnswerLater(r.starts_at, laterAskedAt, now),
        laterAskedAt: laterAskedAt?.toISOString() ?? null,
        myLaterFollowUp: mineIsA ? r.a_later_follow_up : r.b_later_follow_up,
      }
    }),
  }
}

/** The actor's own published agenda; an organiser may ask for any participant's (to print it at the desk). */
export async function myAgenda(db: Db, actor: Actor, eventId: string, participantId?: string): Promise<AgendaView> {
  if (!actor) throw unauthenticated()
  const access = await accessBrokerage(db, actor, eventId)
  if (participantId && participantId !== access.me?.id) {
    requireManager(actor, access)
    const exists = await db.selectFrom('brokerage_participants').select('id').where('id', '=', participantId).where('event_id', '=', eventId).executeTakeFirst()
    if (!exists) throw notFound('entity.participant')
    return agendaOf(db, eventId, participantId, access.brokerage.agenda_status)
  }
  if (!access.me) throw notFound('entity.participant')
  return agendaOf(db, eventId, access.me.id, access.brokerage.agenda_status)
}

/** A scheduled, published meeting of the event that the actor takes part in, and which side of it the actor is. */
export async function ownPublishedMeeting(db: Db, actor: Actor, eventId: string, meetingId: string) {
  const { me } = await accessBrokerage(db, actor, eventId)
  if (!actor) throw unauthenticated()
  if (!me || !canTakePart(actor, me.status)) throw new AppError('forbidden', { messageKey: 'brokerage.error.not_participant' })
  const meeting = await db
    .selectFrom('brokerage_meetings')
    .select(['id', 'participant_a', 'participant_b', 'starts_at', 'a_later_asked_at', 'b_later_asked_at'])
    .where('id', '=', meetingId)
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .where('published', '=', true)
    .executeTakeFirst()
  if (!meeting || (meeting.participant_a !== me.id && meeting.participant_b !== me.id)) throw notFound('entity.meeting')
  return { actor, meeting, side: meeting.participant_a === me.id ? ('a' as const) : ('b' as const) }
}

/** One side records whether the meeting took place and how it went on; from the meeting's start. */
export async function recordFollowUp(db: Db, someone: Actor, eventId: string, meetingId: string, held: boolean, followUp: FollowUp, now = new Date()): Promise<void> {
  const { actor, meeting, side: mine } = await ownPublishedMeeting(db, someone, eventId, meetingId)
  if (meeting.starts_at.getTime() > now.getTime()) throw new AppError('conflict', { messageKey: 'brokerage.error.not_started' })
  const side = mine === 'a' ? { a_held: held, a_follow_up: followUp } : { b_held: held, b_follow_up: followUp }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('brokerage_meetings').set({ ...side, updated_at: new Date() }).where('id', '=', meetingId).execute()
    await audit(trx, actor.userId, 'brokerage.meeting.follow_up', 'event', eventId, { meetingId, held, followUp })
  })
}

// ---------------------------------------------------------------------------------------------------
// Meetings in the personal iCalendar feed

export type MeetingFeedRow = {
  meetingId: string
  eventId: string
  eventTitleIt: string
  eventTitleEn: string
  startsAt: Date
  endsAt: Date
  updatedAt: Date
  table: TableRef
  otherName: string
  otherOrganisation: string | null
  venue: string | null
  virtualUrl: string | null
}

/** The user's published meetings in every brokerage they take part in, from a month back to a year ahead. */
export async function userMeetingFeedRows(db: Db, userId: string): Promise<MeetingFeedRow[]> {
  const rows = await db
    .selectFrom('brokerage_meetings as m')
    .innerJoin('brokerage_participants as me', (join) => join.on((eb) => eb.and([eb('me.user_id', '=', userId), eb.or([eb('me.id', '=', eb.ref('m.participant_a')), eb('me.id', '=', eb.ref('m.participant_b'))])])))
    .innerJoin('events as e', 'e.id', 'm.event_id')
    .select(['m.id', 'm.event_id', 'm.participant_a', 'm.participant_b', 'm.starts_at', 'm.ends_at', 'm.updated_at', 'm.table_number', 'm.virtual_room', 'me.id as meId', 'e.title_it', 'e.title_en', 'e.venue_name', 'e.venue_room', 'e.venue_address', 'e.city', 'e.virtual_url'])
    .where('m.status', '=', 'scheduled')
    .where('m.published', '=', true)
    .where('me.status', '=', 'confirmed')
    .where('e.status', '!=', 'cancelled')
    .where('m.ends_at', '>', new Date(Date.now() - 31 * 86_400_000))
    .where('m.starts_at', '<', new Date(Date.now() + 366 * 86_400_000))
    .orderBy('m.starts_at')
    .execute()
  const people = await personRefs(db, rows.map((r) => (r.participant_a === r.meId ? r.participant_b : r.participant_a)))
  return rows.map((r) => {
    const other = people.get(r.participant_a === r.meId ? r.participant_b : r.participant_a)
    return {
      meetingId: r.id,
      eventId: r.event_id,
      eventTitleIt: r.title_it,
      eventTitleEn: r.title_en,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      updatedAt: r.updated_at,
      table: tableRefOf(r),
      otherName: other?.fullName ?? '',
      otherOrganisation: other?.organisation ?? null,
      venue: r.venue_address ? [r.venue_name, r.venue_room, r.venue_address, r.city].filter(Boolean).join(', ') : null,
      virtualUrl: r.virtual_url,
    }
  })
}
