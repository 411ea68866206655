import { sql } from 'kysely'
import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { AppError, forbidden, invalidField, notFound, unauthenticated } from '../../platform/errors.js'
import type { Actor } from '../../platform/policies.js'
import { assertKnownTaxonomyCodes } from '../../taxonomy/taxonomy.service.js'
import type { ParticipantChanges, ParticipantView, RegistrationInput } from './brokerage.schema.js'
import { canBrowseParticipants, canTakePart } from './brokerage.policies.js'
import { accessBrokerage, isOpen, requireManager, slotsOf, type BrokerageAccess, type BrokerageRow } from './brokerage.service.js'
import type { ParticipantStatus } from './brokerage.tables.js'
import { slotKey } from './slots.js'
import { suggestPeople, type Reason } from './suggestions.js'

// Registration for the meetings, the event profile and availability, the participant list and suggestions.

type ProfileFields = Omit<RegistrationInput, 'availableSessions'> & { availableSessions: string[] }

async function checkProfileFields(db: Db, actor: NonNullable<Actor>, brokerage: BrokerageRow, fields: Partial<ProfileFields>): Promise<void> {
  if (fields.role !== undefined && !brokerage.roles.some((role) => role.key === fields.role)) {
    throw invalidField('role', 'validation.brokerage.unknown_role', { role: fields.role })
  }
  if (fields.availableSessions) {
    const known = new Set(brokerage.sessions.map((s) => s.id))
    const unknown = fields.availableSessions.find((id) => !known.has(id))
    if (unknown !== undefined) throw invalidField('availableSessions', 'validation.brokerage.unknown_session', { session: unknown })
  }
  if (fields.blockedSlots) {
    const known = new Set(slotsOf(brokerage).map((slot) => slotKey(slot.startsAt)))
    if (fields.blockedSlots.some((start) => !known.has(new Date(start).toISOString()))) throw invalidField('blockedSlots', 'validation.brokerage.unknown_slot')
  }
  if (fields.taxonomyCodes) await assertKnownTaxonomyCodes(db, fields.taxonomyCodes, 'taxonomyCodes')
  if (fields.organisationId) {
    const member = await db.selectFrom('organisation_users').select('user_id').where('user_id', '=', actor.userId).where('organisation_id', '=', fields.organisationId).executeTakeFirst()
    if (!member) throw invalidField('organisationId', 'validation.brokerage.not_your_organisation')
  }
}

async function checkProfiles(db: Db, organisationId: string | null, profileIds: readonly string[]): Promise<void> {
  if (profileIds.length === 0) return
  const found = organisationId
    ? await db.selectFrom('profiles').select('id').where('id', 'in', [...profileIds]).where('organisation_id', '=', organisationId).where('status', '=', 'published').execute()
    : []
  if (found.length !== new Set(profileIds).size) throw invalidField('profileIds', 'validation.brokerage.profile_not_yours')
}

async function replaceProfiles(trx: Db, participantId: string, profileIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('brokerage_participant_profiles').where('participant_id', '=', participantId).execute()
  const unique = [...new Set(profileIds)]
  if (unique.length > 0) await trx.insertInto('brokerage_participant_profiles').values(unique.map((profile_id) => ({ participant_id: participantId, profile_id }))).execute()
}

const normaliseSlots = (starts: readonly string[]): string[] => [...new Set(starts.map((start) => new Date(start).toISOString()))].sort()

export async function registerParticipant(db: Db, actor: Actor, eventId: string, input: RegistrationInput): Promise<ParticipantStatus> {
  if (!actor) throw unauthenticated()
  const { event, brokerage, me } = await accessBrokerage(db, actor, eventId)
  if (event.status !== 'published' || !isOpen(brokerage.registration_opens_at, brokerage.registration_closes_at)) {
    throw new AppError('conflict', { messageKey: 'brokerage.error.registration_closed' })
  }
  if (me?.status === 'declined') throw new AppError('conflict', { messageKey: 'brokerage.error.registration_declined' })
  if (me && me.status !== 'cancelled') throw new AppError('conflict', { messageKey: 'brokerage.error.already_registered' })
  const fields: ProfileFields = { ...input, availableSessions: input.availableSessions ?? brokerage.sessions.map((s) => s.id) }
  await checkProfileFields(db, actor, brokerage, fields)
  await checkProfiles(db, fields.organisationId, fields.profileIds)
  const status: ParticipantStatus = brokerage.approval ? 'pending' : 'confirmed'
  const values = {
    organisation_id: fields.organisationId,
    status,
    role: fields.role,
    offer: fields.offer,
    request: fields.request,
    taxonomy_codes: [...new Set(fields.taxonomyCodes)],
    available_sessions: [...new Set(fields.availableSessions)],
    blocked_slots: normaliseSlots(fields.blockedSlots),
    updated_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    const saved = me
      ? await trx.updateTable('brokerage_participants').set({ ...values, checked_in_at: null, reminded_at: null }).where('id', '=', me.id).where('status', '=', 'cancelled').returning('id').executeTakeFirst()
      : await trx
          .insertInto('brokerage_participants')
          .values({ event_id: eventId, user_id: actor.userId, ...values })
          .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
          .returning('id')
          .executeTakeFirst()
    if (!saved) throw new AppError('conflict', { messageKey: 'brokerage.error.already_registered' })
    await replaceProfiles(trx, saved.id, fields.profileIds)
    await audit(trx, actor.userId, 'brokerage.register', 'event', eventId, { status, role: fields.role })
  })
  return status
}

export async function updateParticipant(db: Db, actor: Actor, eventId: string, changes: ParticipantChanges): Promise<void> {
  if (!actor) throw unauthenticated()
  const { brokerage, me } = await accessBrokerage(db, actor, eventId)
  if (!me || me.status === 'cancelled' || me.status === 'declined') throw notFound('entity.participant')
  await checkProfileFields(db, actor, brokerage, changes)
  const organisationId = changes.organisationId !== undefined ? changes.organisationId : me.organisation_id
  if (changes.profileIds) await checkProfiles(db, organisationId, changes.profileIds)
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('brokerage_participants').select('id').where('id', '=', me.id).forUpdate().execute()
    if (changes.role !== undefined && changes.role !== me.role) {
      // A new role could break the role pairs of requests already made: change it before asking anyone.
      const live = await trx.selectFrom('brokerage_requests').select('id').where('status', 'in', ['pending', 'accepted']).where((eb) => eb.or([eb('from_participant', '=', me.id), eb('to_participant', '=', me.id)])).executeTakeFirst()
      if (live) throw invalidField('role', 'validation.brokerage.role_locked')
    }
    await trx
      .updateTable('brokerage_participants')
      .set({
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.organisationId !== undefined && { organisation_id: changes.organisationId }),
        ...(changes.offer !== undefined && { offer: changes.offer }),
        ...(changes.request !== undefined && { request: changes.request }),
        ...(changes.taxonomyCodes && { taxonomy_codes: [...new Set(changes.taxonomyCodes)] }),
        ...(changes.availableSessions && { available_sessions: [...new Set(changes.availableSessions)] }),
        ...(changes.blockedSlots && { blocked_slots: normaliseSlots(changes.blockedSlots) }),
        updated_at: new Date(),
      })
      .where('id', '=', me.id)
      .execute()
    if (changes.profileIds) await replaceProfiles(trx, me.id, changes.profileIds)
    else if (changes.organisationId !== undefined && changes.organisationId !== me.organisation_id) await replaceProfiles(trx, me.id, [])
    await audit(trx, actor.userId, 'brokerage.participant.update', 'event', eventId)
  })
}

/** Ends a participation: pending requests are withdrawn, accepted ones and their meetings cancelled. */
async function releaseParticipant(trx: Db, participantId: string): Promise<void> {
  const now = new Date()
  for (const [from, to] of [['pending', 'withdrawn'], ['accepted', 'cancelled']] as const) {
    await trx
      .updateTable('brokerage_requests')
      .set({ status: to, answered_at: now })
      .where('status', '=', from)
      .where((eb) => eb.or([eb('from_participant', '=', participantId), eb('to_participant', '=', participantId)]))
      .execute()
  }
  await trx
    .updateTable('brokerage_meetings')
    .set({ status: 'cancelled', updated_at: now })
    .where('status', '=', 'scheduled')
    .where((eb) => eb.or([eb('participant_a', '=', participantId), eb('participant_b', '=', participantId)]))
    .execute()
}

export async function cancelParticipation(db: Db, actor: Actor, eventId: string): Promise<void> {
  if (!actor) throw unauthenticated()
  const { me } = await accessBrokerage(db, actor, eventId)
  if (!me || me.status === 'cancelled' || me.status === 'declined') throw notFound('entity.participant')
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('brokerage_participants').select('id').where('id', '=', me.id).forUpdate().execute()
    await trx.updateTable('brokerage_participants').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', me.id).execute()
    await releaseParticipant(trx, me.id)
    await audit(trx, actor.userId, 'brokerage.unregister', 'event', eventId)
  })
}

async function participantOf(db: Db, eventId: string, participantId: string) {
  const row = await db.selectFrom('brokerage_participants').selectAll().where('id', '=', participantId).where('event_id', '=', eventId).executeTakeFirst()
  if (!row) throw notFound('entity.participant')
  return row
}

export async function decideParticipant(db: Db, actor: Actor, eventId: string, participantId: string, decision: 'approve' | 'decline'): Promise<ParticipantStatus> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const participant = await participantOf(db, eventId, participantId)
  if (participant.status === 'cancelled') throw new AppError('conflict', { messageKey: 'events.error.registration_cancelled' })
  const status: ParticipantStatus = decision === 'approve' ? 'confirmed' : 'declined'
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('brokerage_participants').set({ status, updated_at: new Date() }).where('id', '=', participantId).execute()
    if (status === 'declined') await releaseParticipant(trx, participantId)
    await audit(trx, actor.userId, `brokerage.participant.${decision}`, 'event', eventId, { participantId })
  })
  return status
}

export async function checkIn(db: Db, actor: Actor, eventId: string, participantId: string, checkedIn: boolean): Promise<void> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const participant = await participantOf(db, eventId, participantId)
  if (participant.status !== 'confirmed') throw new AppError('conflict', { messageKey: 'brokerage.error.not_participant' })
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('brokerage_participants').set({ checked_in_at: checkedIn ? new Date() : null }).where('id', '=', participantId).execute()
    await audit(trx, actor.userId, checkedIn ? 'brokerage.check_in' : 'brokerage.check_in.undo', 'event', eventId, { participantId })
  })
}

// ---------------------------------------------------------------------------------------------------
// Reading participants

export type ParticipantFilters = { role?: string | undefined; taxonomy?: string | undefined; district?: string | undefined; q?: string | undefined; status?: ParticipantStatus | undefined }

type Enriched = ParticipantView & { districtIds: string[] }

/** Participants of the event with their organisation, districts (active memberships) and linked profiles. */
export async function participantViews(db: Db, eventId: string, viewerId: string | null, options: { statuses: ParticipantStatus[]; withEmail: boolean }): Promise<Enriched[]> {
  const rows = await db
    .selectFrom('brokerage_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.role', 'p.offer', 'p.request', 'p.taxonomy_codes', 'p.status', 'p.checked_in_at', 'p.organisation_id', 'u.full_name', 'u.email', 'o.legal_name', 'o.short_name'])
    .where('p.event_id', '=', eventId)
    .where('p.status', 'in', options.statuses)
    .orderBy('u.full_name')
    .orderBy('p.id')
    .execute()
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const organisationIds = [...new Set(rows.map((row) => row.organisation_id).filter((id): id is string => id !== null))]
  const [districts, profiles, requests] = await Promise.all([
    organisationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('memberships as m')
          .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
          .select(['m.organisation_id', 'c.id', 'c.slug', 'c.name_it', 'c.name_en', 'c.short_name'])
          .where('m.organisation_id', 'in', organisationIds)
          .where((eb) => eb.or([eb('m.until', 'is', null), eb('m.until', '>=', sql<string>`current_date`)]))
          .orderBy('c.position')
          .execute(),
    db
      .selectFrom('brokerage_participant_profiles as bp')
      .innerJoin('profiles as pr', 'pr.id', 'bp.profile_id')
      .select(['bp.participant_id', 'pr.id', 'pr.title', 'pr.kind'])
      .where('bp.participant_id', 'in', ids)
      .orderBy('pr.title')
      .execute(),
    viewerId
      ? db
          .selectFrom('brokerage_requests')
          .select(['id', 'status', 'from_participant', 'to_participant', 'created_at'])
          .where('event_id', '=', eventId)
          .where((eb) => eb.or([eb('from_participant', '=', viewerId), eb('to_participant', '=', viewerId)]))
          .orderBy('created_at')
          .execute()
      : Promise.resolve([]),
  ])
  const districtsOf = new Map<string, { id: string; slug: string; nameIt: string; nameEn: string; shortName: string }[]>()
  for (const d of districts) {
    const list = districtsOf.get(d.organisation_id) ?? []
    if (!list.some((x) => x.id === d.id)) list.push({ id: d.id, slug: d.slug, nameIt: d.name_it, nameEn: d.name_en, shortName: d.short_name })
    districtsOf.set(d.organisation_id, list)
  }
  const profilesOf = new Map<string, { id: string; title: string; kind: string }[]>()
  for (const p of profiles) profilesOf.set(p.participant_id, [...(profilesOf.get(p.participant_id) ?? []), { id: p.id, title: p.title, kind: p.kind }])
  // The latest request between the viewer and each person tells the list what to offer.
  const requestWith = new Map<string, { id: string; status: (typeof requests)[number]['status']; sentByMe: boolean }>()
  for (const r of requests) {
    const other = r.from_participant === viewerId ? r.to_participant : r.from_participant
    requestWith.set(other, { id: r.id, status: r.status, sentByMe: r.from_participant === viewerId })
  }
  return rows.map((row) => {
    const own = row.organisation_id ? (districtsOf.get(row.organisation_id) ?? []) : []
    return {
      id: row.id,
      fullName: row.full_name,
      organisation: row.organisation_id ? { id: row.organisation_id, name: row.short_name ?? row.legal_name ?? '' } : null,
      role: row.role,
      offer: row.offer,
      request: row.request,
      taxonomyCodes: row.taxonomy_codes,
      districts: own.map(({ slug, nameIt, nameEn, shortName }) => ({ slug, nameIt, nameEn, shortName })),
      districtIds: own.map((d) => d.id),
      profiles: profilesOf.get(row.id) ?? [],
      status: row.status,
      checkedIn: row.checked_in_at !== null,
      email: options.withEmail ? row.email : null,
      myRequest: requestWith.get(row.id) ?? null,
    }
  })
}

const strip = ({ districtIds: _ignored, ...view }: Enriched): ParticipantView => view

function requireBrowser(actor: Actor, access: BrokerageAccess): asserts actor is NonNullable<Actor> {
  if (!actor) throw unauthenticated()
  if (!canBrowseParticipants(actor, access.canManage, access.me?.status ?? null)) throw forbidden()
}

export async function listParticipants(db: Db, actor: Actor, eventId: string, filters: ParticipantFilters): Promise<ParticipantView[]> {
  const access = await accessBrokerage(db, actor, eventId)
  requireBrowser(actor, access)
  const statuses: ParticipantStatus[] = access.canManage ? (filters.status ? [filters.status] : ['pending', 'confirmed', 'declined']) : ['confirmed']
  const all = await participantViews(db, eventId, access.me?.id ?? null, { statuses, withEmail: access.canManage })
  const words = (filters.q ?? '').toLocaleLowerCase('it').split(/\s+/).filter(Boolean)
  return all
    .filter((p) => !filters.role || p.role === filters.role)
    .filter((p) => !filters.taxonomy || p.taxonomyCodes.some((code) => code === filters.taxonomy || code.startsWith(`${filters.taxonomy}.`)))
    .filter((p) => !filters.district || p.districts.some((d) => d.slug === filters.district))
    .filter((p) => {
      const text = [p.fullName, p.organisation?.name ?? '', p.offer, p.request].join(' ').toLocaleLowerCase('it')
      return words.every((word) => text.includes(word))
    })
    .map(strip)
}

/** People the actor could meet, best first, with the reasons; those already asked (or asking) are left out. */
export async function suggestionsFor(db: Db, actor: Actor, eventId: string, limit = 10): Promise<{ participant: ParticipantView; score: number; reasons: Reason[] }[]> {
  if (!actor) throw unauthenticated()
  const { brokerage, me } = await accessBrokerage(db, actor, eventId)
  if (!me || !canTakePart(actor, me.status)) throw new AppError('forbidden', { messageKey: 'brokerage.error.not_participant' })
  const all = await participantViews(db, eventId, me.id, { statuses: ['confirmed'], withEmail: false })
  const self = all.find((p) => p.id === me.id)
  if (!self) return []
  const asked = new Set(all.filter((p) => p.myRequest && ['pending', 'accepted'].includes(p.myRequest.status)).map((p) => p.id))
  const byId = new Map(all.map((p) => [p.id, p]))
  return suggestPeople(self, all, brokerage.role_pairs, asked, limit).map((s) => ({ participant: strip(byId.get(s.id) as Enriched), score: s.score, reasons: s.reasons }))
}
