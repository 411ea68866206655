import { createHash, randomBytes } from 'node:crypto'
import { sql, type ExpressionBuilder, type Selectable } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Database } from '../platform/database.js'
import type { Db } from '../platform/db.js'
import { AppError, forbidden, invalidField, notFound } from '../platform/errors.js'
import type { Actor } from '../platform/policies.js'
import { addDays, parseEventTime, romeLocalToInstant, romeToday } from '../platform/rome-time.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import { findAllOverlaps, findClashes, type CalendarEntry, type TaxonomyMatch } from './clash.js'
import { canManageEvent, canOrganiseFor, canRegister, canViewEvent, canAnswerInvitation } from './events.policies.js'
import type { EventKind } from './event-terms.js'
import type { CoorganiserStatus, EventLanguage, EventStatus, RegistrationMode, RegistrationStatus } from './events.tables.js'

export type ClusterRef = { id: string; slug: string; nameIt: string; nameEn: string; shortName: string }

export type EventSummary = {
  id: string
  kind: EventKind
  status: EventStatus
  titleIt: string
  titleEn: string
  startsAt: string
  endsAt: string
  venueName: string | null
  city: string | null
  online: boolean
  inPerson: boolean
  language: EventLanguage
  audiences: string[]
  taxonomyCodes: string[]
  organisers: ClusterRef[]
  coorganisers: ClusterRef[]
  capacity: number | null
  registration: RegistrationMode
  confirmedCount: number
}

export type Invitation = {
  district: ClusterRef
  status: CoorganiserStatus
  message: string
  proposedAt: string
  respondedAt: string | null
  canAnswer: boolean
}

export type EventDetail = EventSummary & {
  descriptionIt: string
  descriptionEn: string
  venueAddress: string | null
  venueRoom: string | null
  virtualUrl: string | null
  waitingList: boolean
  seatsLeft: number | null
  waitlistedCount: number
  invitations: Invitation[]
  myRegistration: { id: string; status: RegistrationStatus } | null
  canEdit: boolean
  canRegister: boolean
}

export type EventInput = {
  kind: EventKind
  status: EventStatus
  titleIt: string
  titleEn: string
  descriptionIt: string
  descriptionEn: string
  startsAt: string
  endsAt: string
  venueName: string | null
  venueAddress: string | null
  venueRoom: string | null
  city: string | null
  virtualUrl: string | null
  language: EventLanguage
  audiences: string[]
  taxonomyCodes: string[]
  capacity: number | null
  registration: RegistrationMode
  waitingList: boolean
  organiserSlugs: string[]
}

export type EventChanges = { [K in keyof EventInput]?: EventInput[K] | undefined }

export type ClashView = {
  event: EventSummary
  overlapStart: string
  overlapEnd: string
  sharedAudiences: string[]
  sharedTaxonomy: TaxonomyMatch[]
}

export type OverlapView = Omit<ClashView, 'event'> & { first: EventSummary; second: EventSummary }

type Trx = Db
type EventRow = Selectable<Database['events']>

const maxRangeDays = 400
const dayMs = 86_400_000

// ---------------------------------------------------------------------------------------------------
// Reading

async function clusterRefs(db: Db, table: 'event_organisers' | 'event_coorganisers', eventIds: string[], onlyAccepted: boolean) {
  if (eventIds.length === 0) return new Map<string, ClusterRef[]>()
  let query = db
    .selectFrom(table)
    .innerJoin('clusters', 'clusters.id', `${table}.cluster_id`)
    .select([`${table}.event_id as eventId`, 'clusters.id', 'clusters.slug', 'clusters.name_it', 'clusters.name_en', 'clusters.short_name'])
    .where(`${table}.event_id`, 'in', eventIds)
    .orderBy('clusters.position')
  if (onlyAccepted) query = query.where('event_coorganisers.status' as never, '=', 'accepted' as never)
  const byEvent = new Map<string, ClusterRef[]>()
  for (const row of await query.execute()) {
    const list = byEvent.get(row.eventId) ?? []
    list.push({ id: row.id, slug: row.slug, nameIt: row.name_it, nameEn: row.name_en, shortName: row.short_name })
    byEvent.set(row.eventId, list)
  }
  return byEvent
}

async function summarise(db: Db, rows: EventRow[]): Promise<EventSummary[]> {
  const ids = rows.map((row) => row.id)
  if (ids.length === 0) return []
  const [organisers, coorganisers, taxonomy, counts] = await Promise.all([
    clusterRefs(db, 'event_organisers', ids, false),
    clusterRefs(db, 'event_coorganisers', ids, true),
    db
      .selectFrom('event_taxonomy')
      .innerJoin('taxonomy_nodes', 'taxonomy_nodes.code', 'event_taxonomy.taxonomy_code')
      .select(['event_id', 'taxonomy_code'])
      .where('event_id', 'in', ids)
      .orderBy('taxonomy_nodes.position')
      .execute(),
    db
      .selectFrom('event_registrations')
      .select(['event_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('event_id', 'in', ids)
      .where('status', '=', 'confirmed')
      .groupBy('event_id')
      .execute(),
  ])
  const codes = new Map<string, string[]>()
  for (const row of taxonomy) codes.set(row.event_id, [...(codes.get(row.event_id) ?? []), row.taxonomy_code])
  const confirmed = new Map(counts.map((row) => [row.event_id, Number(row.count)]))
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    titleIt: row.title_it,
    titleEn: row.title_en,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    venueName: row.venue_name,
    city: row.city,
    online: row.virtual_url !== null,
    inPerson: row.venue_address !== null,
    language: row.language,
    audiences: row.audiences,
    taxonomyCodes: codes.get(row.id) ?? [],
    organisers: organisers.get(row.id) ?? [],
    coorganisers: coorganisers.get(row.id) ?? [],
    capacity: row.capacity,
    registration: row.registration,
    confirmedCount: confirmed.get(row.id) ?? 0,
  }))
}

/** A Rome calendar day range as instants: [from 00:00, the day after `to` 00:00). */
export function dayRange(from: string | undefined, to: string | undefined, defaultDays: number): { start: Date; end: Date } {
  const firstDay = from ?? romeToday()
  const start = romeLocalToInstant(`${firstDay}T00:00`)
  if (!start) throw invalidField('from', 'validation.invalid_value')
  const endDay = addDays(to ?? addDays(firstDay, defaultDays - 1), 1)
  const end = romeLocalToInstant(`${endDay}T00:00`)
  if (!end) throw invalidField('to', 'validation.invalid_value')
  if (end.getTime() <= start.getTime()) throw invalidField('to', 'validation.invalid_period')
  if (end.getTime() - start.getTime() > (maxRangeDays + 1) * dayMs) throw invalidField('to', 'validation.events.range_too_long', { days: maxRangeDays })
  return { start, end }
}

const taxonomyFilter = (code: string) => (eb: ExpressionBuilder<Database, 'events'>) =>
  eb.exists(
    eb
      .selectFrom('event_taxonomy as t')
      .select('t.event_id')
      .whereRef('t.event_id', '=', 'events.id')
      .where((inner) =>
        inner.or([inner('t.taxonomy_code', '=', code), inner('t.taxonomy_code', 'like', `${code}.%`), inner(sql.lit(code), 'like', sql<string>`t.taxonomy_code || '.%'`)]),
      ),
  )

const districtFilter = (clusterId: string) => (eb: ExpressionBuilder<Database, 'events'>) =>
  eb.or([
    eb.exists(eb.selectFrom('event_organisers as o').select('o.event_id').whereRef('o.event_id', '=', 'events.id').where('o.cluster_id', '=', clusterId)),
    eb.exists(
      eb
        .selectFrom('event_coorganisers as c')
        .select('c.event_id')
        .whereRef('c.event_id', '=', 'events.id')
        .where('c.cluster_id', '=', clusterId)
        .where('c.status', '=', 'accepted'),
    ),
  ])

export type EventFilters = { from?: string | undefined; to?: string | undefined; district?: string | undefined; kind?: EventKind | undefined; taxonomy?: string | undefined; audience?: string | undefined }

/** Published and cancelled events in the range; drafts too when the actor manages one of their organisers. */
export async function listEvents(db: Db, actor: Actor, filters: EventFilters): Promise<EventSummary[]> {
  const { start, end } = dayRange(filters.from, filters.to, 90)
  let query = db.selectFrom('events').selectAll().where('starts_at', '<', end).where('ends_at', '>', start)
  const managed = actor ? [...actor.managedClusterIds] : []
  const isAdmin = actor?.roles.includes('platform_admin') ?? false
  if (!isAdmin) {
    query = query.where((eb) =>
      eb.or([
        eb('status', '!=', 'draft'),
        ...(managed.length > 0
          ? [eb.exists(eb.selectFrom('event_organisers as m').select('m.event_id').whereRef('m.event_id', '=', 'events.id').where('m.cluster_id', 'in', managed))]
          : []),
      ]),
    )
  }
  if (filters.kind) query = query.where('kind', '=', filters.kind)
  if (filters.audience) query = query.where(sql<boolean>`${filters.audience} = ANY(events.audiences)`)
  if (filters.taxonomy) query = query.where(taxonomyFilter(filters.taxonomy))
  if (filters.district) {
    const district = await db.selectFrom('clusters').select('id').where('slug', '=', filters.district).executeTakeFirst()
    if (!district) return []
    query = query.where(districtFilter(district.id))
  }
  const rows = await query.orderBy('starts_at').orderBy('id').limit(1000).execute()
  return summarise(db, rows)
}

async function eventRow(db: Db, id: string): Promise<EventRow> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.event')
  return row
}

async function organiserIds(db: Db, eventId: string): Promise<string[]> {
  return (await db.selectFrom('event_organisers').select('cluster_id').where('event_id', '=', eventId).execute()).map((row) => row.cluster_id)
}

/** Loads an event the actor may see and whether they may manage it; 404 for a draft they may not see. */
export async function accessEvent(db: Db, actor: Actor, id: string): Promise<{ row: EventRow; organiserIds: string[]; canManage: boolean }> {
  const row = await eventRow(db, id)
  const organisers = await organiserIds(db, id)
  if (!canViewEvent(actor, { status: row.status, organiserIds: organisers })) throw notFound('entity.event')
  return { row, organiserIds: organisers, canManage: canManageEvent(actor, organisers) }
}

export async function getEvent(db: Db, actor: Actor, id: string): Promise<EventDetail> {
  const { row, canManage } = await accessEvent(db, actor, id)
  const [summary] = (await summarise(db, [row])) as [EventSummary]
  const [invitations, mine, waitlisted] = await Promise.all([
    db
      .selectFrom('event_coorganisers')
      .innerJoin('clusters', 'clusters.id', 'event_coorganisers.cluster_id')
      .select(['clusters.id', 'clusters.slug', 'clusters.name_it', 'clusters.name_en', 'clusters.short_name', 'event_coorganisers.status', 'event_coorganisers.message', 'event_coorganisers.proposed_at', 'event_coorganisers.responded_at'])
      .where('event_coorganisers.event_id', '=', id)
      .orderBy('event_coorganisers.proposed_at')
      .execute(),
    actor
      ? db.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('count')).where('event_id', '=', id).where('status', '=', 'waitlisted').executeTakeFirstOrThrow(),
  ])
  const visibleInvitations = invitations.filter((invitation) => canManage || invitation.status === 'accepted' || canAnswerInvitation(actor, invitation.id))
  // The meeting link is for those who take part: everyone when no registration is needed.
  const showLink = row.registration === 'none' || canManage || mine?.status === 'confirmed'
  return {
    ...summary,
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
    venueAddress: row.venue_address,
    venueRoom: row.venue_room,
    virtualUrl: showLink ? row.virtual_url : null,
    waitingList: row.waiting_list,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - summary.confirmedCount),
    waitlistedCount: Number(waitlisted.count),
    invitations: visibleInvitations.map((invitation) => ({
      district: { id: invitation.id, slug: invitation.slug, nameIt: invitation.name_it, nameEn: invitation.name_en, shortName: invitation.short_name },
      status: invitation.status,
      message: invitation.message,
      proposedAt: invitation.proposed_at.toISOString(),
      respondedAt: invitation.responded_at?.toISOString() ?? null,
      canAnswer: invitation.status === 'pending' && canAnswerInvitation(actor, invitation.id),
    })),
    myRegistration: mine ? { id: mine.id, status: mine.status } : null,
    canEdit: canManage,
    canRegister: canRegister(actor, row) && row.ends_at.getTime() > Date.now(),
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing

async function clusterIdsBySlug(db: Db, slugs: readonly string[], field: string): Promise<string[]> {
  const unique = [...new Set(slugs)]
  const rows = await db.selectFrom('clusters').select(['id', 'slug']).where('slug', 'in', unique).execute()
  const bySlug = new Map(rows.map((row) => [row.slug, row.id]))
  const missing = unique.find((slug) => !bySlug.has(slug))
  if (missing !== undefined) throw invalidField(field, 'validation.events.unknown_district', { slug: missing })
  return unique.map((slug) => bySlug.get(slug) as string)
}

function parseTimes(startsAt: string, endsAt: string): { start: Date; end: Date } {
  const start = parseEventTime(startsAt)
  if (!start) throw invalidField('startsAt', 'validation.invalid_value')
  const end = parseEventTime(endsAt)
  if (!end) throw invalidField('endsAt', 'validation.invalid_value')
  if (end.getTime() <= start.getTime()) throw invalidField('endsAt', 'validation.events.ends_before_start')
  if (end.getTime() - start.getTime() > 31 * dayMs) throw invalidField('endsAt', 'validation.events.too_long')
  return { start, end }
}

function checkPlace(input: { venueAddress: string | null; virtualUrl: string | null }): void {
  if (!input.venueAddress && !input.virtualUrl) throw invalidField('venueAddress', 'validation.events.place_required')
}

const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value)

function eventValues(input: EventInput, start: Date, end: Date) {
  return {
    kind: input.kind,
    status: input.status,
    title_it: input.titleIt,
    title_en: input.titleEn,
    description_it: input.descriptionIt,
    description_en: input.descriptionEn,
    starts_at: start,
    ends_at: end,
    venue_name: blankToNull(input.venueName),
    venue_address: blankToNull(input.venueAddress),
    venue_room: blankToNull(input.venueRoom),
    city: blankToNull(input.city),
    virtual_url: blankToNull(input.virtualUrl),
    language: input.language,
    audiences: [...new Set(input.audiences)],
    capacity: input.capacity,
    registration: input.registration,
    waiting_list: input.waitingList,
  }
}

export async function createEvent(db: Db, actor: NonNullable<Actor>, input: EventInput): Promise<string> {
  const { start, end } = parseTimes(input.startsAt, input.endsAt)
  checkPlace({ venueAddress: blankToNull(input.venueAddress), virtualUrl: blankToNull(input.virtualUrl) })
  const organisers = await clusterIdsBySlug(db, input.organiserSlugs, 'organiserSlugs')
  if (!canOrganiseFor(actor, organisers)) throw forbidden()
  await assertKnownTaxonomyCodes(db, input.taxonomyCodes, 'taxonomyCodes')
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('events')
      .values({ ...eventValues(input, start, end), created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx.insertInto('event_organisers').values(organisers.map((clusterId) => ({ event_id: id, cluster_id: clusterId }))).execute()
    await replaceTaxonomy(trx, id, input.taxonomyCodes)
    await audit(trx, actor.userId, 'event.create', 'event', id, { ...input })
    return id
  })
}

async function replaceTaxonomy(trx: Trx, eventId: string, codes: readonly string[]): Promise<void> {
  await trx.deleteFrom('event_taxonomy').where('event_id', '=', eventId).execute()
  const unique = [...new Set(codes)]
  if (unique.length > 0) await trx.insertInto('event_taxonomy').values(unique.map((code) => ({ event_id: eventId, taxonomy_code: code }))).execute()
}

function inputOf(row: EventRow, organiserSlugs: string[], taxonomyCodes: string[]): EventInput {
  return {
    kind: row.kind,
    status: row.status,
    titleIt: row.title_it,
    titleEn: row.title_en,
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    venueRoom: row.venue_room,
    city: row.city,
    virtualUrl: row.virtual_url,
    language: row.language,
    audiences: row.audiences,
    taxonomyCodes,
    capacity: row.capacity,
    registration: row.registration,
    waitingList: row.waiting_list,
    organiserSlugs,
  }
}

export async function updateEvent(db: Db, actor: Actor, id: string, changes: EventChanges): Promise<void> {
  const { row, organiserIds: currentOrganisers, canManage } = await accessEvent(db, actor, id)
  if (!actor) throw new AppError('unauthenticated')
  if (!canManage) throw forbidden()
  const currentSlugs = (await db.selectFrom('clusters').select('slug').where('id', 'in', currentOrganisers).execute()).map((r) => r.slug)
  const currentCodes = (await db.selectFrom('event_taxonomy').select('taxonomy_code').where('event_id', '=', id).execute()).map((r) => r.taxonomy_code)
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<EventInput>
  const next: EventInput = { ...inputOf(row, currentSlugs, currentCodes), ...defined }
  const { start, end } = parseTimes(next.startsAt, next.endsAt)
  checkPlace({ venueAddress: blankToNull(next.venueAddress), virtualUrl: blankToNull(next.virtualUrl) })
  const organisers = await clusterIdsBySlug(db, next.organiserSlugs, 'organiserSlugs')
  // A district joins as organiser only through its own manager; others are invited to co-organise.
  const added = organisers.filter((clusterId) => !currentOrganisers.includes(clusterId))
  if (added.length > 0 && !canOrganiseFor(actor, added)) throw invalidField('organiserSlugs', 'validation.events.organiser_not_managed')
  // Nor may a manager hand the event over entirely to districts they do not manage.
  if (!canManageEvent(actor, organisers)) throw invalidField('organiserSlugs', 'validation.events.organiser_not_managed')
  await assertKnownTaxonomyCodes(db, next.taxonomyCodes, 'taxonomyCodes')
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('events').select('id').where('id', '=', id).forUpdate().execute()
    await trx.updateTable('events').set({ ...eventValues(next, start, end), updated_at: new Date() }).where('id', '=', id).execute()
    await trx.deleteFrom('event_organisers').where('event_id', '=', id).execute()
    await trx.insertInto('event_organisers').values(organisers.map((clusterId) => ({ event_id: id, cluster_id: clusterId }))).execute()
    if (changes.taxonomyCodes !== undefined) await replaceTaxonomy(trx, id, next.taxonomyCodes)
    await promoteWaitlisted(trx, id)
    await audit(trx, actor.userId, 'event.update', 'event', id, changes)
  })
}

// ---------------------------------------------------------------------------------------------------
// Clashes and overlaps

async function calendarEntries(db: Db, start: Date, end: Date): Promise<{ entries: CalendarEntry[]; rows: Map<string, EventRow> }> {
  const rows = await db.selectFrom('events').selectAll().where('status', '=', 'published').where('starts_at', '<', end).where('ends_at', '>', start).execute()
  const ids = rows.map((row) => row.id)
  if (ids.length === 0) return { entries: [], rows: new Map() }
  const [organisers, coorganisers, taxonomy] = await Promise.all([
    db.selectFrom('event_organisers').select(['event_id', 'cluster_id']).where('event_id', 'in', ids).execute(),
    db.selectFrom('event_coorganisers').select(['event_id', 'cluster_id']).where('event_id', 'in', ids).where('status', '=', 'accepted').execute(),
    db.selectFrom('event_taxonomy').select(['event_id', 'taxonomy_code']).where('event_id', 'in', ids).execute(),
  ])
  const group = (pairs: { event_id: string; value: string }[]): Map<string, string[]> => {
    const map = new Map<string, string[]>()
    for (const pair of pairs) map.set(pair.event_id, [...(map.get(pair.event_id) ?? []), pair.value])
    return map
  }
  const districts = group([...organisers, ...coorganisers].map((r) => ({ event_id: r.event_id, value: r.cluster_id })))
  const codes = group(taxonomy.map((r) => ({ event_id: r.event_id, value: r.taxonomy_code })))
  return {
    rows: new Map(rows.map((row) => [row.id, row])),
    entries: rows.map((row) => ({
      id: row.id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      districtIds: districts.get(row.id) ?? [],
      audiences: row.audiences,
      taxonomyCodes: codes.get(row.id) ?? [],
    })),
  }
}

export type ClashQuery = { eventId?: string | undefined; startsAt: string; endsAt: string; organiserSlugs: string[]; audiences: string[]; taxonomyCodes: string[] }

/** The verdict before saving: other districts' published events that overlap and share audience or taxonomy. */
export async function checkClashes(db: Db, query: ClashQuery): Promise<ClashView[]> {
  const { start, end } = parseTimes(query.startsAt, query.endsAt)
  const organisers = await clusterIdsBySlug(db, query.organiserSlugs, 'organiserSlugs')
  await assertKnownTaxonomyCodes(db, query.taxonomyCodes, 'taxonomyCodes')
  let districtIds = organisers
  if (query.eventId) {
    const accepted = await db.selectFrom('event_coorganisers').select('cluster_id').where('event_id', '=', query.eventId).where('status', '=', 'accepted').execute()
    districtIds = [...organisers, ...accepted.map((row) => row.cluster_id)]
  }
  const { entries, rows } = await calendarEntries(db, start, end)
  const clashes = findClashes({ id: query.eventId, startsAt: start, endsAt: end, districtIds, audiences: query.audiences, taxonomyCodes: query.taxonomyCodes }, entries)
  const summaries = new Map((await summarise(db, clashes.map((clash) => rows.get(clash.eventId) as EventRow))).map((s) => [s.id, s]))
  return clashes.map((clash) => ({
    event: summaries.get(clash.eventId) as EventSummary,
    overlapStart: clash.overlapStart.toISOString(),
    overlapEnd: clash.overlapEnd.toISOString(),
    sharedAudiences: clash.sharedAudiences,
    sharedTaxonomy: clash.sharedTaxonomy,
  }))
}

export async function listOverlaps(db: Db, from: string | undefined, to: string | undefined): Promise<OverlapView[]> {
  const { start, end } = dayRange(from, to, 180)
  const { entries, rows } = await calendarEntries(db, start, end)
  const overlaps = findAllOverlaps(entries)
  const involved = [...new Set(overlaps.flatMap((o) => [o.firstId, o.secondId]))].map((id) => rows.get(id) as EventRow)
  const summaries = new Map((await summarise(db, involved)).map((s) => [s.id, s]))
  return overlaps.map((o) => ({
    first: summaries.get(o.firstId) as EventSummary,
    second: summaries.get(o.secondId) as EventSummary,
    overlapStart: o.overlapStart.toISOString(),
    overlapEnd: o.overlapEnd.toISOString(),
    sharedAudiences: o.sharedAudiences,
    sharedTaxonomy: o.sharedTaxonomy,
  }))
}

export async function clockClusterId(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('clusters').select('id').where('slug', '=', 'clock').executeTakeFirst())?.id
}

// ---------------------------------------------------------------------------------------------------
// Co-organisation

export async function proposeCoorganisation(db: Db, actor: Actor, eventId: string, districtSlug: string, message: string): Promise<void> {
  const { organiserIds: organisers, canManage } = await accessEvent(db, actor, eventId)
  if (!actor) throw new AppError('unauthenticated')
  if (!canManage) throw forbidden()
  const [districtId] = (await clusterIdsBySlug(db, [districtSlug], 'districtSlug')) as [string]
  if (organisers.includes(districtId)) throw invalidField('districtSlug', 'validation.events.already_organiser')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('event_coorganisers')
      .values({ event_id: eventId, cluster_id: districtId, message, proposed_by: actor.userId })
      .onConflict((oc) =>
        oc.columns(['event_id', 'cluster_id']).doUpdateSet({ status: 'pending', message, proposed_by: actor.userId, proposed_at: new Date(), responded_by: null, responded_at: null }),
      )
      .execute()
    await audit(trx, actor.userId, 'event.coorganisation.propose', 'event', eventId, { districtSlug, message })
  })
}

export async function answerCoorganisation(db: Db, actor: Actor, eventId: string, districtSlug: string, accept: boolean): Promise<void> {
  await accessEvent(db, actor, eventId).catch(async (error: unknown) => {
    // The invited district's managers may see a draft they are asked to co-organise.
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error
    await eventRow(db, eventId)
  })
  const [districtId] = (await clusterIdsBySlug(db, [districtSlug], 'districtSlug')) as [string]
  const invitation = await db.selectFrom('event_coorganisers').select('status').where('event_id', '=', eventId).where('cluster_id', '=', districtId).executeTakeFirst()
  if (!invitation) throw notFound('entity.invitation')
  if (!actor) throw new AppError('unauthenticated')
  if (!canAnswerInvitation(actor, districtId)) throw forbidden()
  if (invitation.status !== 'pending') throw new AppError('conflict', { messageKey: 'events.error.invitation_answered' })
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('event_coorganisers')
      .set({ status: accept ? 'accepted' : 'declined', responded_by: actor.userId, responded_at: new Date() })
      .where('event_id', '=', eventId)
      .where('cluster_id', '=', districtId)
      .execute()
    await audit(trx, actor.userId, accept ? 'event.coorganisation.accept' : 'event.coorganisation.decline', 'event', eventId, { districtSlug })
  })
}

/** Invitations waiting for an answer from the districts the actor manages. */
export async function pendingInvitations(db: Db, actor: NonNullable<Actor>): Promise<{ event: EventSummary; district: ClusterRef; message: string }[]> {
  const managed = [...actor.managedClusterIds]
  if (managed.length === 0) return []
  const rows = await db
    .selectFrom('event_coorganisers')
    .innerJoin('clusters', 'clusters.id', 'event_coorganisers.cluster_id')
    .innerJoin('events', 'events.id', 'event_coorganisers.event_id')
    .select(['event_coorganisers.event_id', 'event_coorganisers.message', 'clusters.id', 'clusters.slug', 'clusters.name_it', 'clusters.name_en', 'clusters.short_name'])
    .where('event_coorganisers.status', '=', 'pending')
    .where('event_coorganisers.cluster_id', 'in', managed)
    .orderBy('events.starts_at')
    .execute()
  if (rows.length === 0) return []
  const events = await db.selectFrom('events').selectAll().where('id', 'in', rows.map((row) => row.event_id)).execute()
  const summaries = new Map((await summarise(db, events)).map((s) => [s.id, s]))
  return rows.map((row) => ({
    event: summaries.get(row.event_id) as EventSummary,
    district: { id: row.id, slug: row.slug, nameIt: row.name_it, nameEn: row.name_en, shortName: row.short_name },
    message: row.message,
  }))
}

// ---------------------------------------------------------------------------------------------------
// Registrations

async function confirmedCount(trx: Trx, eventId: string): Promise<number> {
  const row = await trx.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('count')).where('event_id', '=', eventId).where('status', '=', 'confirmed').executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Fills free seats from the waiting list, first come first served. */
async function promoteWaitlisted(trx: Trx, eventId: string): Promise<void> {
  const event = await trx.selectFrom('events').select(['capacity']).where('id', '=', eventId).executeTakeFirstOrThrow()
  const waiting = await trx.selectFrom('event_registrations').select('id').where('event_id', '=', eventId).where('status', '=', 'waitlisted').orderBy('created_at').orderBy('id').execute()
  if (waiting.length === 0) return
  const free = event.capacity === null ? waiting.length : event.capacity - (await confirmedCount(trx, eventId))
  const promoted = waiting.slice(0, Math.max(0, free)).map((row) => row.id)
  if (promoted.length > 0) await trx.updateTable('event_registrations').set({ status: 'confirmed', updated_at: new Date() }).where('id', 'in', promoted).execute()
}

export async function register(db: Db, actor: NonNullable<Actor>, eventId: string): Promise<{ id: string; status: RegistrationStatus }> {
  await accessEvent(db, actor, eventId)
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('events').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirstOrThrow()
    if (!canRegister(actor, event) || event.ends_at.getTime() <= Date.now()) throw new AppError('conflict', { messageKey: 'events.error.registration_closed' })
    const existing = await trx.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', eventId).where('user_id', '=', actor.userId).executeTakeFirst()
    if (existing && existing.status !== 'cancelled') {
      if (existing.status === 'declined') throw new AppError('conflict', { messageKey: 'events.error.registration_declined' })
      return existing
    }
    let status: RegistrationStatus = 'confirmed'
    if (event.registration === 'approval') status = 'pending'
    else if (event.capacity !== null && (await confirmedCount(trx, eventId)) >= event.capacity) {
      if (!event.waiting_list) throw new AppError('conflict', { messageKey: 'events.error.full' })
      status = 'waitlisted'
    }
    const now = new Date()
    const saved = existing
      ? await trx.updateTable('event_registrations').set({ status, created_at: now, updated_at: now }).where('id', '=', existing.id).returning(['id', 'status']).executeTakeFirstOrThrow()
      : await trx.insertInto('event_registrations').values({ event_id: eventId, user_id: actor.userId, status }).returning(['id', 'status']).executeTakeFirstOrThrow()
    await audit(trx, actor.userId, 'event.register', 'event', eventId, { status })
    return saved
  })
}

export async function cancelRegistration(db: Db, actor: NonNullable<Actor>, eventId: string): Promise<void> {
  await eventRow(db, eventId)
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('events').select('id').where('id', '=', eventId).forUpdate().execute()
    const existing = await trx.selectFrom('event_registrations').select(['id', 'status']).where('event_id', '=', eventId).where('user_id', '=', actor.userId).executeTakeFirst()
    if (!existing || existing.status === 'cancelled' || existing.status === 'declined') throw notFound('entity.registration')
    await trx.updateTable('event_registrations').set({ status: 'cancelled', updated_at: new Date() }).where('id', '=', existing.id).execute()
    if (existing.status === 'confirmed') await promoteWaitlisted(trx, eventId)
    await audit(trx, actor.userId, 'event.unregister', 'event', eventId)
  })
}

export async function listRegistrations(db: Db, eventId: string) {
  const rows = await db
    .selectFrom('event_registrations')
    .innerJoin('users', 'users.id', 'event_registrations.user_id')
    .select(['event_registrations.id', 'event_registrations.user_id', 'users.full_name', 'users.email', 'event_registrations.status', 'event_registrations.created_at'])
    .where('event_id', '=', eventId)
    .orderBy('event_registrations.created_at')
    .orderBy('event_registrations.id')
    .execute()
  return rows.map((row) => ({ id: row.id, userId: row.user_id, fullName: row.full_name, email: row.email, status: row.status, createdAt: row.created_at.toISOString() }))
}

export async function decideRegistration(db: Db, actor: NonNullable<Actor>, eventId: string, registrationId: string, decision: 'approve' | 'decline'): Promise<RegistrationStatus> {
  return db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('events').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirstOrThrow()
    const registration = await trx.selectFrom('event_registrations').select(['id', 'status']).where('id', '=', registrationId).where('event_id', '=', eventId).executeTakeFirst()
    if (!registration) throw notFound('entity.registration')
    if (registration.status === 'cancelled') throw new AppError('conflict', { messageKey: 'events.error.registration_cancelled' })
    let status: RegistrationStatus = 'declined'
    if (decision === 'approve') {
      if (registration.status === 'confirmed') return 'confirmed'
      const full = event.capacity !== null && (await confirmedCount(trx, eventId)) >= event.capacity
      if (full && !event.waiting_list) throw new AppError('conflict', { messageKey: 'events.error.full' })
      status = full ? 'waitlisted' : 'confirmed'
    }
    await trx.updateTable('event_registrations').set({ status, updated_at: new Date() }).where('id', '=', registrationId).execute()
    if (registration.status === 'confirmed' && status === 'declined') await promoteWaitlisted(trx, eventId)
    await audit(trx, actor.userId, `event.registration.${decision}`, 'event', eventId, { registrationId, status })
    return status
  })
}

export async function myRegistrations(db: Db, userId: string): Promise<{ id: string; status: RegistrationStatus; event: EventSummary }[]> {
  const registrations = await db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select(['event_registrations.id', 'event_registrations.status', 'event_registrations.event_id'])
    .where('event_registrations.user_id', '=', userId)
    .where('event_registrations.status', '!=', 'cancelled')
    .orderBy('events.starts_at')
    .execute()
  if (registrations.length === 0) return []
  const events = await db.selectFrom('events').selectAll().where('id', 'in', registrations.map((r) => r.event_id)).execute()
  const summaries = new Map((await summarise(db, events)).map((s) => [s.id, s]))
  return registrations.map((r) => ({ id: r.id, status: r.status, event: summaries.get(r.event_id) as EventSummary }))
}

// ---------------------------------------------------------------------------------------------------
// Feeds

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A new secret for the user's personal feed; any previous one stops working. Shown once. */
export async function createFeedToken(db: Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('event_feed_tokens')
      .values({ user_id: userId, token_hash: hashToken(token) })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hashToken(token), created_at: new Date() }))
      .execute()
    await audit(trx, userId, 'event.feed_token.create', 'user', userId)
  })
  return token
}

export async function revokeFeedToken(db: Db, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('event_feed_tokens').where('user_id', '=', userId).execute()
    await audit(trx, userId, 'event.feed_token.revoke', 'user', userId)
  })
}

export async function feedTokenStatus(db: Db, userId: string): Promise<{ active: boolean; createdAt: string | null }> {
  const row = await db.selectFrom('event_feed_tokens').select('created_at').where('user_id', '=', userId).executeTakeFirst()
  return { active: row !== undefined, createdAt: row?.created_at.toISOString() ?? null }
}

export async function userByFeedToken(db: Db, token: string): Promise<string> {
  const row = await db.selectFrom('event_feed_tokens').select('user_id').where('token_hash', '=', hashToken(token)).executeTakeFirst()
  if (!row) throw notFound('entity.feed')
  return row.user_id
}

export type FeedRow = EventRow & { organiserNames: { it: string; en: string }[] }

async function withOrganisers(db: Db, rows: EventRow[]): Promise<FeedRow[]> {
  const organisers = await clusterRefs(db, 'event_organisers', rows.map((row) => row.id), false)
  return rows.map((row) => ({ ...row, organiserNames: (organisers.get(row.id) ?? []).map((c) => ({ it: c.nameIt, en: c.nameEn })) }))
}

// Feeds reach from a month back to a year ahead: enough for a calendar, small enough to fetch often.
function feedWindow(db: Db) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('status', '!=', 'draft')
    .where('ends_at', '>', new Date(Date.now() - 31 * dayMs))
    .where('starts_at', '<', new Date(Date.now() + 366 * dayMs))
    .orderBy('starts_at')
    .orderBy('id')
}

export async function districtFeedRows(db: Db, slug: string): Promise<{ name: { it: string; en: string }; rows: FeedRow[] }> {
  const district = await db.selectFrom('clusters').select(['id', 'name_it', 'name_en']).where('slug', '=', slug).executeTakeFirst()
  if (!district) throw notFound('entity.cluster')
  const rows = await feedWindow(db).where(districtFilter(district.id)).execute()
  return { name: { it: district.name_it, en: district.name_en }, rows: await withOrganisers(db, rows) }
}

export async function taxonomyFeedRows(db: Db, code: string): Promise<{ name: { it: string; en: string }; rows: FeedRow[] }> {
  const node = await db.selectFrom('taxonomy_nodes').select(['label_it', 'label_en']).where('code', '=', code).executeTakeFirst()
  if (!node) throw notFound('entity.taxonomy')
  const rows = await feedWindow(db).where(taxonomyFilter(code)).execute()
  return { name: { it: node.label_it, en: node.label_en }, rows: await withOrganisers(db, rows) }
}

export async function userFeedRows(db: Db, userId: string): Promise<FeedRow[]> {
  const rows = await feedWindow(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_registrations as r')
          .select('r.id')
          .whereRef('r.event_id', '=', 'events.id')
          .where('r.user_id', '=', userId)
          .where('r.status', 'in', ['confirmed', 'pending', 'waitlisted']),
      ),
    )
    .execute()
  return withOrganisers(db, rows)
}

export async function singleEventRow(db: Db, actor: Actor, id: string): Promise<FeedRow> {
  const { row } = await accessEvent(db, actor, id)
  const [feedRow] = (await withOrganisers(db, [row])) as [FeedRow]
  return feedRow
}
