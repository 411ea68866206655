import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, forbidden, notFound, unauthenticated } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import type { RequestView } from './brokerage.schema.js'
import { canTakePart } from './brokerage.policies.js'
import { accessBrokerage, acceptedCount, isOpen, lockParticipants, type BrokerageRow, type ParticipantRow } from './brokerage.service.js'
import type { RequestStatus } from './brokerage.tables.js'
import { rolesMayMeet } from './config.js'

// Meeting requests: sent, accepted or declined (opt-in) or accepted at once (opt-out), withdrawn, cancelled.
// Acceptance takes row locks on both people, so the per-person cap holds under concurrent accepts.

function requireBookingOpen(brokerage: BrokerageRow): void {
  if (!isOpen(brokerage.booking_opens_at, brokerage.booking_closes_at)) throw new AppError('conflict', { messageKey: 'brokerage.error.booking_closed' })
}

function requireParticipant(actor: Actor, me: ParticipantRow | null): ParticipantRow {
  if (!actor) throw unauthenticated()
  if (!me || !canTakePart(actor, me.status)) throw new AppError('forbidden', { messageKey: 'brokerage.error.not_participant' })
  return me
}

/** Inside the transaction, with both rows locked: refuses when either side has no room left. */
async function assertRoomFor(trx: Db, brokerage: BrokerageRow, meId: string, otherId: string): Promise<void> {
  const max = brokerage.max_meetings
  if ((await acceptedCount(trx, meId)) >= max) throw new AppError('conflict', { messageKey: 'brokerage.error.cap_reached', params: { max } })
  if ((await acceptedCount(trx, otherId)) >= max) throw new AppError('conflict', { messageKey: 'brokerage.error.other_cap_reached', params: { max } })
}

export async function sendRequest(db: Db, actor: Actor, eventId: string, toParticipantId: string, message: string): Promise<{ id: string; status: RequestStatus }> {
  const { brokerage, me: mine } = await accessBrokerage(db, actor, eventId)
  const me = requireParticipant(actor, mine)
  requireBookingOpen(brokerage)
  if (toParticipantId === me.id) throw new AppError('conflict', { messageKey: 'brokerage.error.roles_not_allowed' })
  return db.transaction().execute(async (trx) => {
    const locked = await lockParticipants(trx, [me.id, toParticipantId])
    const other = locked.find((row) => row.id === toParticipantId && row.event_id === eventId)
    const self = locked.find((row) => row.id === me.id)
    if (!other || other.status !== 'confirmed') throw notFound('entity.participant')
    if (!self || self.status !== 'confirmed') throw new AppError('forbidden', { messageKey: 'brokerage.error.not_participant' })
    if (!rolesMayMeet(brokerage.role_pairs, self.role, other.role)) throw new AppError('conflict', { messageKey: 'brokerage.error.roles_not_allowed' })
    const live = await trx
      .selectFrom('brokerage_requests')
      .select('id')
      .where('event_id', '=', eventId)
      .where('status', 'in', ['pending', 'accepted'])
      .where((eb) => eb.or([eb.and([eb('from_participant', '=', me.id), eb('to_participant', '=', other.id)]), eb.and([eb('from_participant', '=', other.id), eb('to_participant', '=', me.id)])]))
      .executeTakeFirst()
    if (live) throw new AppError('conflict', { messageKey: 'brokerage.error.already_requested' })
    const autoAccept = brokerage.request_mode === 'opt_out'
    if (autoAccept) await assertRoomFor(trx, brokerage, me.id, other.id)
    else if ((await acceptedCount(trx, me.id)) >= brokerage.max_meetings) {
      throw new AppError('conflict', { messageKey: 'brokerage.error.cap_reached', params: { max: brokerage.max_meetings } })
    }
    const saved = await trx
      .insertInto('brokerage_requests')
      .values({ event_id: eventId, from_participant: me.id, to_participant: other.id, message, status: autoAccept ? 'accepted' : 'pending', answered_at: autoAccept ? new Date() : null })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow()
    await audit(trx, actor?.userId ?? null, 'brokerage.request.send', 'event', eventId, { requestId: saved.id, status: saved.status })
    return saved
  })
}

async function requestOf(db: Db, eventId: string, requestId: string) {
  const row = await db.selectFrom('brokerage_requests').selectAll().where('id', '=', requestId).where('event_id', '=', eventId).executeTakeFirst()
  if (!row) throw notFound('entity.meetingRequest')
  return row
}

export async function answerRequest(db: Db, actor: Actor, eventId: string, requestId: string, accept: boolean): Promise<RequestStatus> {
  const { brokerage, me: mine } = await accessBrokerage(db, actor, eventId)
  const me = requireParticipant(actor, mine)
  const request = await requestOf(db, eventId, requestId)
  if (request.to_participant !== me.id) throw forbidden()
  if (accept) requireBookingOpen(brokerage)
  return db.transaction().execute(async (trx) => {
    await lockParticipants(trx, [request.from_participant, request.to_participant])
    const current = await trx.selectFrom('brokerage_requests').select('status').where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow()
    if (current.status !== 'pending') throw new AppError('conflict', { messageKey: 'brokerage.error.request_answered' })
    const sender = await trx.selectFrom('brokerage_participants').select('status').where('id', '=', request.from_participant).executeTakeFirstOrThrow()
    if (accept && sender.status !== 'confirmed') throw new AppError('conflict', { messageKey: 'brokerage.error.request_not_live' })
    if (accept) await assertRoomFor(trx, brokerage, me.id, request.from_participant)
    const status: RequestStatus = accept ? 'accepted' : 'declined'
    await trx.updateTable('brokerage_requests').set({ status, answered_at: new Date() }).where('id', '=', requestId).execute()
    await audit(trx, me.user_id, `brokerage.request.${accept ? 'accept' : 'decline'}`, 'event', eventId, { requestId })
    return status
  })
}

/** The sender withdraws a pending request; either side cancels an accepted one, with its meeting. */
export async function cancelRequest(db: Db, actor: Actor, eventId: string, requestId: string): Promise<RequestStatus> {
  const { me: mine } = await accessBrokerage(db, actor, eventId)
  const me = requireParticipant(actor, mine)
  const request = await requestOf(db, eventId, requestId)
  if (request.from_participant !== me.id && request.to_participant !== me.id) throw forbidden()
  return db.transaction().execute(async (trx) => {
    await lockParticipants(trx, [request.from_participant, request.to_participant])
    const current = await trx.selectFrom('brokerage_requests').select('status').where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow()
    const withdraw = current.status === 'pending' && request.from_participant === me.id
    if (!withdraw && current.status !== 'accepted') throw new AppError('conflict', { messageKey: 'brokerage.error.request_not_live' })
    const status: RequestStatus = withdraw ? 'withdrawn' : 'cancelled'
    await trx.updateTable('brokerage_requests').set({ status, answered_at: new Date() }).where('id', '=', requestId).execute()
    await trx.updateTable('brokerage_meetings').set({ status: 'cancelled', updated_at: new Date() }).where('request_id', '=', requestId).where('status', '=', 'scheduled').execute()
    await audit(trx, me.user_id, `brokerage.request.${status}`, 'event', eventId, { requestId })
    return status
  })
}

export type PersonRef = { participantId: string; fullName: string; organisation: string | null; role: string }

/** Names, organisations and roles of participants, by id. */
export async function personRefs(db: Db, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('brokerage_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.role', 'u.full_name', 'o.legal_name', 'o.short_name'])
    .where('p.id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((row) => [row.id, { participantId: row.id, fullName: row.full_name, organisation: row.short_name ?? row.legal_name ?? null, role: row.role }]))
}

export async function myRequests(db: Db, actor: Actor, eventId: string): Promise<{ incoming: RequestView[]; outgoing: RequestView[] }> {
  const { me: mine } = await accessBrokerage(db, actor, eventId)
  if (!actor) throw unauthenticated()
  if (!mine) throw notFound('entity.participant')
  const rows = await db
    .selectFrom('brokerage_requests')
    .selectAll()
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('from_participant', '=', mine.id), eb('to_participant', '=', mine.id)]))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  const people = await personRefs(db, rows.flatMap((r) => [r.from_participant, r.to_participant]))
  const views = rows.map((r) => ({
    id: r.id,
    status: r.status,
    message: r.message,
    createdAt: r.created_at.toISOString(),
    answeredAt: r.answered_at?.toISOString() ?? null,
    from: people.get(r.from_participant) as PersonRef,
    to: people.get(r.to_participant) as PersonRef,
  }))
  return { incoming: views.filter((v) => v.to.participantId === mine.id), outgoing: views.filter((v) => v.from.participantId === mine.id) }
}
