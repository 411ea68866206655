import type { Selectable } from 'kysely'
import { audit } from '../../platform/audit.js'
import type { Database } from '../../platform/database.js'
import type { Db } from '../../platform/db.js'
import { AppError, forbidden, invalidField, notFound, unauthenticated } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import { accessEvent } from '../events.service.js'
import { parseEventTime } from '../../platform/rome-time.js'
import type { SessionConfig } from './brokerage.tables.js'
import type { BrokerageConfigInput, BrokerageView, MyParticipation } from './brokerage.schema.js'
import { canManageBrokerage } from './brokerage.policies.js'
import { configProblem } from './config.js'
import { deriveSlots, type Slot } from './slots.js'

// The brokerage configuration of a matchmaking event, and the access checks every other brokerage
// operation starts from.

export type BrokerageRow = Selectable<Database['brokerages']>
export type EventRow = Selectable<Database['events']>
export type ParticipantRow = Selectable<Database['brokerage_participants']>

export type BrokerageAccess = {
  event: EventRow
  brokerage: BrokerageRow
  organiserIds: string[]
  canManage: boolean
  /** The actor's own participation, whatever its status. */
  me: ParticipantRow | null
}

export async function brokerageRow(db: Db, eventId: string): Promise<BrokerageRow> {
  const row = await db.selectFrom('brokerages').selectAll().where('event_id', '=', eventId).executeTakeFirst()
  if (!row) throw notFound('entity.brokerage')
  return row
}

/** The event (404 for a draft the actor may not see), its brokerage (404 if not configured) and the actor's place in it. */
export async function accessBrokerage(db: Db, actor: Actor, eventId: string): Promise<BrokerageAccess> {
  const { row: event, organiserIds } = await accessEvent(db, actor, eventId)
  const brokerage = await brokerageRow(db, eventId)
  const me = actor
    ? ((await db.selectFrom('brokerage_participants').selectAll().where('event_id', '=', eventId).where('user_id', '=', actor.userId).executeTakeFirst()) ?? null)
    : null
  return { event, brokerage, organiserIds, canManage: canManageBrokerage(actor, organiserIds), me }
}

export function requireManager(actor: Actor, access: { canManage: boolean }): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthenticated()
  if (!access.canManage) throw forbidden()
}

export const slotsOf = (brokerage: Pick<BrokerageRow, 'sessions' | 'meeting_minutes'>): Slot[] => deriveSlots(brokerage.sessions, brokerage.meeting_minutes)

export const isOpen = (opens: Date, closes: Date, now = new Date()): boolean => opens.getTime() <= now.getTime() && now.getTime() < closes.getTime()

function parseMoment(text: string, field: string): Date {
  const instant = parseEventTime(text)
  if (!instant) throw invalidField(field, 'validation.invalid_value')
  return instant
}

/** Sessions keep the ids they were given, so availabilities survive an edit; new ones get the next free "sN". */
function withSessionIds(sessions: BrokerageConfigInput['sessions']): SessionConfig[] {
  const used = new Set(sessions.map((s) => s.id).filter((id): id is string => id !== undefined))
  let next = 1
  return sessions.map((session) => {
    let id = session.id
    if (id === undefined) {
      while (used.has(`s${next}`)) next += 1
      id = `s${next}`
      used.add(id)
    }
    return { id, day: session.day, start: session.start, end: session.end, breaks: session.breaks }
  })
}

/** Creates or replaces the configuration. A draft schedule made for the previous one is discarded. */
export async function configureBrokerage(db: Db, actor: Actor, eventId: string, input: BrokerageConfigInput): Promise<void> {
  const { row: event, organiserIds } = await accessEvent(db, actor, eventId)
  if (!actor) throw unauthenticated()
  if (!canManageBrokerage(actor, organiserIds)) throw forbidden()
  if (event.kind !== 'matchmaking') throw new AppError('conflict', { messageKey: 'brokerage.error.not_matchmaking' })
  const draft = {
    registrationOpensAt: parseMoment(input.registrationOpensAt, 'registrationOpensAt'),
    registrationClosesAt: parseMoment(input.registrationClosesAt, 'registrationClosesAt'),
    bookingOpensAt: parseMoment(input.bookingOpensAt, 'bookingOpensAt'),
    bookingClosesAt: parseMoment(input.bookingClosesAt, 'bookingClosesAt'),
    sessions: withSessionIds(input.sessions),
    meetingMinutes: input.meetingMinutes,
    tables: input.tables,
    virtualRooms: input.virtualRooms,
    roles: input.roles,
    rolePairs: input.rolePairs,
  }
  const problem = configProblem(draft, { startsAt: event.starts_at, endsAt: event.ends_at })
  if (problem) throw invalidField(problem.field, problem.messageKey, problem.params)
  const values = {
    registration_opens_at: draft.registrationOpensAt,
    registration_closes_at: draft.registrationClosesAt,
    booking_opens_at: draft.bookingOpensAt,
    booking_closes_at: draft.bookingClosesAt,
    sessions: JSON.stringify(draft.sessions),
    meeting_minutes: draft.meetingMinutes,
    tables: draft.tables,
    virtual_rooms: draft.virtualRooms,
    max_meetings: input.maxMeetings,
    request_mode: input.requestMode,
    approval: input.approval,
    roles: JSON.stringify(draft.roles),
    role_pairs: JSON.stringify(draft.rolePairs),
    updated_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('brokerages').select('agenda_status').where('event_id', '=', eventId).forUpdate().executeTakeFirst()
    if (existing && (existing.agenda_status === 'preliminary' || existing.agenda_status === 'final')) {
      throw new AppError('conflict', { messageKey: 'brokerage.error.agenda_published' })
    }
    if (existing) {
      await trx.deleteFrom('brokerage_meetings').where('event_id', '=', eventId).execute()
      await trx.updateTable('brokerages').set({ ...values, agenda_status: 'none' }).where('event_id', '=', eventId).execute()
    } else {
      await trx.insertInto('brokerages').values({ event_id: eventId, ...values }).execute()
    }
    await audit(trx, actor.userId, existing ? 'brokerage.update' : 'brokerage.create', 'event', eventId)
  })
}

export async function acceptedCount(db: Db, participantId: string): Promise<number> {
  const row = await db
    .selectFrom('brokerage_requests')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'accepted')
    .where((eb) => eb.or([eb('from_participant', '=', participantId), eb('to_participant', '=', participantId)]))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

async function myParticipation(db: Db, me: ParticipantRow): Promise<MyParticipation> {
  const profiles = await db.selectFrom('brokerage_participant_profiles').select('profile_id').where('participant_id', '=', me.id).orderBy('profile_id').execute()
  return {
    id: me.id,
    status: me.status,
    role: me.role,
    organisationId: me.organisation_id,
    offer: me.offer,
    request: me.request,
    taxonomyCodes: me.taxonomy_codes,
    profileIds: profiles.map((p) => p.profile_id),
    availableSessions: me.available_sessions,
    blockedSlots: me.blocked_slots,
    acceptedCount: await acceptedCount(db, me.id),
  }
}

export const slotJson = (slot: Slot) => ({ ...slot, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })

export async function getBrokerage(db: Db, actor: Actor, eventId: string): Promise<BrokerageView> {
  const { brokerage: b, canManage, me } = await accessBrokerage(db, actor, eventId)
  const count = await db
    .selectFrom('brokerage_participants')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return {
    eventId,
    registrationOpensAt: b.registration_opens_at.toISOString(),
    registrationClosesAt: b.registration_closes_at.toISOString(),
    bookingOpensAt: b.booking_opens_at.toISOString(),
    bookingClosesAt: b.booking_closes_at.toISOString(),
    sessions: b.sessions,
    meetingMinutes: b.meeting_minutes,
    tables: b.tables,
    virtualRooms: b.virtual_rooms,
    maxMeetings: b.max_meetings,
    requestMode: b.request_mode,
    approval: b.approval,
    roles: b.roles,
    rolePairs: b.role_pairs,
    agendaStatus: b.agenda_status,
    slots: slotsOf(b).map(slotJson),
    registrationOpen: isOpen(b.registration_opens_at, b.registration_closes_at),
    bookingOpen: isOpen(b.booking_opens_at, b.booking_closes_at),
    canManage,
    participantCount: Number(count.count),
    me: me ? await myParticipation(db, me) : null,
  }
}

/** Locks the two participants in a fixed order, so concurrent acceptances on a shared person queue up instead of deadlocking. */
export async function lockParticipants(trx: Db, ids: readonly string[]): Promise<ParticipantRow[]> {
  return trx.selectFrom('brokerage_participants').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('id').forUpdate().execute()
}

