import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext, type TestUser } from '../../platform/testing.js'
import { parseVevents } from '../ical-parse.js'
import { romeDateIn } from '../../platform/rome-time.js'

let ctx: TestContext
let organiser: string
let otherManager: string
let plain: string

type Json = Record<string, any>

// Days relative to today, so the suite keeps working as time passes.
const day = (days: number): string => romeDateIn(days)
const instant = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString()

async function call(cookie: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return ctx.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as Json } : {}) })
}

async function ok(cookie: string | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, status = 200): Promise<Json> {
  const response = await call(cookie, method, url, payload)
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status)
  return response.body ? response.json() : {}
}

async function matchmakingEvent(overrides: Json = {}): Promise<string> {
  const body = {
    kind: 'matchmaking',
    titleIt: 'Incontri B2B sui materiali avanzati',
    titleEn: 'B2B meetings on advanced materials',
    startsAt: `${day(30)}T09:00`,
    endsAt: `${day(30)}T18:00`,
    venueName: 'Polo Tecnologico di Navacchio',
    venueAddress: 'Via Giuntini 25, Cascina (PI)',
    organiserSlugs: ['tuscany-advanced-materials'],
    ...overrides,
  }
  return (await ok(organiser, 'POST', '/api/events', body, 201)).event.id
}

const config = (overrides: Json = {}): Json => ({
  registrationOpensAt: instant(-1),
  registrationClosesAt: instant(20),
  bookingOpensAt: instant(-1),
  bookingClosesAt: instant(29),
  sessions: [
    { day: day(30), start: '09:00', end: '10:30', breaks: [{ start: '09:40', end: '09:50' }] },
    { day: day(30), start: '14:00', end: '15:00' },
  ],
  meetingMinutes: 20,
  tables: 2,
  virtualRooms: 0,
  maxMeetings: 3,
  requestMode: 'opt_in',
  approval: false,
  roles: [
    { key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' },
    { key: 'seller', labelIt: 'Fornitore', labelEn: 'Seller' },
  ],
  rolePairs: [['buyer', 'seller']],
  ...overrides,
})

async function brokerageEvent(overrides: Json = {}): Promise<string> {
  const id = await matchmakingEvent()
  await ok(organiser, 'PUT', `/api/events/${id}/brokerage`, config(overrides))
  return id
}

type Person = { user: TestUser; cookie: string; participantId: string }

async function participant(eventId: string, role: string, extra: Json = {}, userOptions: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(ctx.db, userOptions)
  const cookie = await signInAs(ctx.app, user)
  await ok(cookie, 'POST', `/api/events/${eventId}/brokerage/participants`, { role, offer: `Offerta di ${role}`, ...extra }, 201)
  const { brokerage } = await ok(cookie, 'GET', `/api/events/${eventId}/brokerage`)
  return { user, cookie, participantId: brokerage.me.id }
}

async function request(from: Person, to: Person, eventId: string): Promise<Json> {
  return ok(from.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: to.participantId, message: 'Parliamone' }, 201)
}

async function brokerageFingerprint(): Promise<string> {
  return JSON.stringify(await databaseFingerprint(ctx.db))
}

/** Two organisations whose districts differ, for the "different district" reason. */
async function organisationsInDifferentDistricts(): Promise<[string, string]> {
  const rows = await sql<{ organisation_id: string; cluster_id: string }>`
    SELECT organisation_id, min(cluster_id::text) AS cluster_id FROM memberships WHERE until IS NULL GROUP BY organisation_id HAVING count(*) = 1 ORDER BY organisation_id LIMIT 50`.execute(ctx.db)
  const first = rows.rows[0] as { organisation_id: string; cluster_id: string }
  const second = rows.rows.find((row) => row.cluster_id !== first.cluster_id) as { organisation_id: string }
  return [first.organisation_id, second.organisation_id]
}

beforeAll(async () => {
  ctx = await createTestContext()
  organiser = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'] }))
  otherManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-ict'] }))
  plain = await signInAs(ctx.app, await createUser(ctx.db))
})
afterAll(async () => ctx.close())

describe('brokerage configuration', () => {
  it('lets the organiser configure a matchmaking event and derives the slots in Rome time', async () => {
    const id = await brokerageEvent()
    const { brokerage } = await ok(organiser, 'GET', `/api/events/${id}/brokerage`)
    expect(brokerage).toMatchObject({ canManage: true, registrationOpen: true, bookingOpen: true, agendaStatus: 'none', maxMeetings: 3, me: null })
    expect(brokerage.sessions.map((s: Json) => s.id)).toEqual(['s1', 's2'])
    expect(brokerage.slots.map((s: Json) => `${s.sessionId} ${s.start}-${s.end}`)).toEqual([
      's1 09:00-09:20', 's1 09:20-09:40', 's1 09:50-10:10', 's1 10:10-10:30', 's2 14:00-14:20', 's2 14:20-14:40', 's2 14:40-15:00',
    ])
    const romeHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(brokerage.slots[0].startsAt))
    expect(romeHour).toBe('09:00')
    const publicView = await ok(null, 'GET', `/api/events/${id}/brokerage`)
    expect(publicView.brokerage).toMatchObject({ canManage: false, me: null })
  })

  it('is for the organising district only, and only on matchmaking events', async () => {
    const id = await matchmakingEvent()
    const workshop = await matchmakingEvent({ kind: 'workshop' })
    const before = await brokerageFingerprint()
    expect((await call(null, 'PUT', `/api/events/${id}/brokerage`, config())).statusCode).toBe(401)
    expect((await call(plain, 'PUT', `/api/events/${id}/brokerage`, config())).statusCode).toBe(403)
    expect((await call(otherManager, 'PUT', `/api/events/${id}/brokerage`, config())).statusCode).toBe(403)
    const wrongKind = await call(organiser, 'PUT', `/api/events/${workshop}/brokerage`, config())
    expect(wrongKind.statusCode).toBe(409)
    expect(wrongKind.json().error.code).toBe('conflict')
    expect(await brokerageFingerprint()).toBe(before)
    expect((await call(organiser, 'GET', `/api/events/${id}/brokerage`)).statusCode).toBe(404)
  })

  it('refuses an inconsistent configuration naming the field, and changes nothing', async () => {
    const id = await matchmakingEvent()
    const before = await brokerageFingerprint()
    const cases: [Json, string][] = [
      [{ registrationClosesAt: instant(-2) }, 'registrationClosesAt'],
      [{ bookingClosesAt: `${day(30)}T10:00` }, 'bookingClosesAt'],
      [{ sessions: [{ day: day(31), start: '09:00', end: '10:00' }] }, 'sessions.0.day'],
      [{ sessions: [{ day: day(30), start: '09:00', end: '10:00', breaks: [{ start: '11:00', end: '11:10' }] }] }, 'sessions.0.breaks.0'],
      [{ sessions: [{ day: day(30), start: '9:00', end: '10:00' }] }, 'sessions.0.start'],
      [{ meetingMinutes: 4 }, 'meetingMinutes'],
      [{ tables: 0, virtualRooms: 0 }, 'tables'],
      [{ rolePairs: [['buyer', 'investor']] }, 'rolePairs.0'],
      [{ roles: [{ key: 'Buyer!', labelIt: 'A', labelEn: 'A' }] }, 'roles.0.key'],
      [{ surprise: 1 }, 'surprise'],
    ]
    for (const [change, field] of cases) {
      const response = await call(organiser, 'PUT', `/api/events/${id}/brokerage`, config(change))
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400)
      expect(response.json().error.field).toBe(field)
    }
    expect(await brokerageFingerprint()).toBe(before)
  })
})

describe('participants', () => {
  let eventId: string
  let buyer: Person
  let seller: Person
  let otherSeller: Person

  beforeAll(async () => {
    eventId = await brokerageEvent()
    const [orgA, orgB] = await organisationsInDifferentDistricts()
    buyer = await participant(eventId, 'buyer', { taxonomyCodes: ['CN.05', 'ICT.03'], organisationId: orgA }, { organisations: [{ id: orgA, role: 'member' }] })
    seller = await participant(eventId, 'seller', { taxonomyCodes: ['CN.05'], offer: 'Rivestimenti antivirali', organisationId: orgB }, { organisations: [{ id: orgB, role: 'member' }] })
    otherSeller = await participant(eventId, 'seller', { taxonomyCodes: ['SF.01'], availableSessions: ['s2'] })
  })

  it('registers with a role, a profile and availability (all sessions by default)', async () => {
    const { brokerage } = await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage`)
    expect(brokerage.me).toMatchObject({ status: 'confirmed', role: 'buyer', taxonomyCodes: ['CN.05', 'ICT.03'], availableSessions: ['s1', 's2'], acceptedCount: 0 })
    const twice = await call(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/participants`, { role: 'buyer' })
    expect(twice.statusCode).toBe(409)
  })

  it('refuses unknown roles, sessions, slots, topics and organisations one is not part of', async () => {
    const user = await signInAs(ctx.app, await createUser(ctx.db))
    const before = await brokerageFingerprint()
    const someOrganisation = (await ctx.db.selectFrom('organisations').select('id').limit(1).executeTakeFirstOrThrow()).id
    const cases: [Json, string][] = [
      [{ role: 'investor' }, 'role'],
      [{ role: 'buyer', availableSessions: ['s9'] }, 'availableSessions'],
      [{ role: 'buyer', blockedSlots: [instant(30)] }, 'blockedSlots'],
      [{ role: 'buyer', taxonomyCodes: ['ZZ.99'] }, 'taxonomyCodes'],
      [{ role: 'buyer', organisationId: someOrganisation }, 'organisationId'],
      [{ role: 'buyer', offer: '<script>x</script>' }, 'offer'],
    ]
    for (const [body, field] of cases) {
      const response = await call(user, 'POST', `/api/events/${eventId}/brokerage/participants`, body)
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400)
      expect(response.json().error.field).toBe(field)
    }
    expect(await brokerageFingerprint()).toBe(before)
  })

  it('keeps slots for talks and changes availability', async () => {
    const { brokerage } = await ok(otherSeller.cookie, 'GET', `/api/events/${eventId}/brokerage`)
    const talk = brokerage.slots[4].startsAt
    const updated = await ok(otherSeller.cookie, 'PATCH', `/api/events/${eventId}/brokerage/participants/me`, { blockedSlots: [talk], availableSessions: ['s1', 's2'] })
    expect(updated.brokerage.me).toMatchObject({ blockedSlots: [talk], availableSessions: ['s1', 's2'] })
  })

  it('shows the list to participants and organisers only, with filters', async () => {
    expect((await call(plain, 'GET', `/api/events/${eventId}/brokerage/participants`)).statusCode).toBe(403)
    expect((await call(null, 'GET', `/api/events/${eventId}/brokerage/participants`)).statusCode).toBe(401)
    const all = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/participants`)).items as Json[]
    expect(all.map((p) => p.id).sort()).toEqual([buyer, seller, otherSeller].map((p) => p.participantId).sort())
    expect(all.every((p) => p.email === null)).toBe(true)
    const sellers = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/participants?role=seller&taxonomy=CN`)).items as Json[]
    expect(sellers.map((p) => p.id)).toEqual([seller.participantId])
    const byText = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/participants?q=antivirali`)).items as Json[]
    expect(byText.map((p) => p.id)).toEqual([seller.participantId])
    const forOrganiser = (await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/participants`)).items as Json[]
    expect(forOrganiser.every((p) => typeof p.email === 'string')).toBe(true)
  })

  it('suggests people to meet with the reasons', async () => {
    const items = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/suggestions`)).items as Json[]
    expect(items[0]!.participant.id).toBe(seller.participantId)
    const kinds = (items[0]!.reasons as Json[]).map((r) => r.kind)
    expect(kinds).toEqual(['shared_topics', 'complementary_roles', 'different_district'])
    expect(items[0]!.reasons[0].codes).toEqual(['CN.05'])
    expect(items.map((s) => s.participant.id)).not.toContain(buyer.participantId)
    expect((await call(plain, 'GET', `/api/events/${eventId}/brokerage/suggestions`)).statusCode).toBe(403)
  })

  it('waits for the organiser when the event requires approval', async () => {
    const approvalEvent = await brokerageEvent({ approval: true })
    const pending = await participant(approvalEvent, 'buyer')
    const { brokerage } = await ok(pending.cookie, 'GET', `/api/events/${approvalEvent}/brokerage`)
    expect(brokerage.me.status).toBe('pending')
    expect((await call(pending.cookie, 'GET', `/api/events/${approvalEvent}/brokerage/participants`)).statusCode).toBe(403)
    expect((await call(pending.cookie, 'POST', `/api/events/${approvalEvent}/brokerage/participants/${pending.participantId}/decision`, { decision: 'approve' })).statusCode).toBe(403)
    expect((await ok(organiser, 'POST', `/api/events/${approvalEvent}/brokerage/participants/${pending.participantId}/decision`, { decision: 'approve' })).status).toBe('confirmed')
    expect((await ok(pending.cookie, 'GET', `/api/events/${approvalEvent}/brokerage`)).brokerage.me.status).toBe('confirmed')
  })

  it('refuses registration outside the registration window', async () => {
    const later = await brokerageEvent({ registrationOpensAt: instant(5) })
    const user = await signInAs(ctx.app, await createUser(ctx.db))
    const response = await call(user, 'POST', `/api/events/${later}/brokerage/participants`, { role: 'buyer' })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('Le iscrizioni agli incontri non sono aperte.')
  })
})

describe('meeting requests', () => {
  it('honours opt-in: the invitee accepts or declines', async () => {
    const eventId = await brokerageEvent()
    const buyer = await participant(eventId, 'buyer')
    const seller = await participant(eventId, 'seller')
    const other = await participant(eventId, 'seller')
    const sent = await request(buyer, seller, eventId)
    expect(sent.status).toBe('pending')
    expect((await call(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/answer`, { accept: true })).statusCode).toBe(403)
    const inbox = await ok(seller.cookie, 'GET', `/api/events/${eventId}/brokerage/requests`)
    expect(inbox.incoming.map((r: Json) => r.id)).toEqual([sent.id])
    expect(inbox.incoming[0].from.participantId).toBe(buyer.participantId)
    expect((await ok(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/answer`, { accept: true })).status).toBe('accepted')
    expect((await call(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/answer`, { accept: false })).statusCode).toBe(409)
    const declined = await request(buyer, other, eventId)
    expect((await ok(other.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${declined.id}/answer`, { accept: false })).status).toBe('declined')
    expect((await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage`)).brokerage.me.acceptedCount).toBe(1)
  })

  it('honours opt-out: the request is accepted at once', async () => {
    const eventId = await brokerageEvent({ requestMode: 'opt_out' })
    const buyer = await participant(eventId, 'buyer')
    const seller = await participant(eventId, 'seller')
    expect((await request(buyer, seller, eventId)).status).toBe('accepted')
  })

  it('refuses role pairs the event does not allow, duplicates, and requests outside the booking window', async () => {
    const eventId = await brokerageEvent()
    const buyer = await participant(eventId, 'buyer')
    const otherBuyer = await participant(eventId, 'buyer')
    const seller = await participant(eventId, 'seller')
    const before = await brokerageFingerprint()
    const sameRole = await call(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: otherBuyer.participantId })
    expect(sameRole.statusCode).toBe(409)
    expect(await brokerageFingerprint()).toBe(before)
    await request(buyer, seller, eventId)
    const reverse = await call(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: buyer.participantId })
    expect(reverse.statusCode).toBe(409)
    expect(reverse.json().error.message).toBe('C’è già una richiesta di incontro tra voi due.')
    const notYet = await brokerageEvent({ bookingOpensAt: instant(3) })
    const early = await participant(notYet, 'buyer')
    const target = await participant(notYet, 'seller')
    expect((await call(early.cookie, 'POST', `/api/events/${notYet}/brokerage/requests`, { toParticipantId: target.participantId })).statusCode).toBe(409)
    expect((await call(plain, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: seller.participantId })).statusCode).toBe(403)
  })

  it('keeps the per-person cap, including for the other side', async () => {
    const eventId = await brokerageEvent({ maxMeetings: 1, requestMode: 'opt_out' })
    const buyer = await participant(eventId, 'buyer')
    const [first, second] = [await participant(eventId, 'seller'), await participant(eventId, 'seller')]
    await request(buyer, first, eventId)
    const mine = await call(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: second.participantId })
    expect(mine.statusCode).toBe(409)
    const theirs = await call(second.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: buyer.participantId })
    expect(theirs.statusCode).toBe(409)
    expect(theirs.json().error.message).toContain('L’altra persona')
  })

  it('holds the cap under concurrent acceptances', async () => {
    const eventId = await brokerageEvent({ maxMeetings: 2 })
    const popular = await participant(eventId, 'seller')
    const buyers = await Promise.all([0, 1, 2, 3, 4].map(() => participant(eventId, 'buyer')))
    // Five people ask the same seller; the five acceptances race, yet only two may pass.
    const requests = await Promise.all(buyers.map((buyer) => request(buyer, popular, eventId)))
    const answers = await Promise.all(requests.map((r) => call(popular.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${r.id}/answer`, { accept: true })))
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 409, 409, 409])
    // The seller asks five buyers; they accept at the same moment, each from their own session.
    const asker = await participant(eventId, 'seller')
    const asked = await Promise.all(buyers.map((buyer) => request(asker, buyer, eventId)))
    const accepts = await Promise.all(asked.map((r, index) => call((buyers[index] as Person).cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${r.id}/answer`, { accept: true })))
    expect(accepts.filter((a) => a.statusCode === 200)).toHaveLength(2)
    const counts = await sql<{ id: string; n: number }>`
      SELECT p.id, count(r.id)::int AS n FROM brokerage_participants p
      LEFT JOIN brokerage_requests r ON r.status = 'accepted' AND (r.from_participant = p.id OR r.to_participant = p.id)
      WHERE p.event_id = ${eventId} GROUP BY p.id`.execute(ctx.db)
    expect(Math.max(...counts.rows.map((row) => row.n))).toBe(2)
  })

  it('lets the sender withdraw and either side cancel', async () => {
    const eventId = await brokerageEvent()
    const buyer = await participant(eventId, 'buyer')
    const seller = await participant(eventId, 'seller')
    const sent = await request(buyer, seller, eventId)
    expect((await call(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/cancel`)).statusCode).toBe(409)
    expect((await ok(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/cancel`)).status).toBe('withdrawn')
    const again = await request(buyer, seller, eventId)
    await ok(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${again.id}/answer`, { accept: true })
    expect((await ok(seller.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${again.id}/cancel`)).status).toBe('cancelled')
  })
})

describe('scheduling, agendas and follow-up', () => {
  let eventId: string
  let people: Person[]
  let slots: Json[]

  beforeAll(async () => {
    eventId = await brokerageEvent({ tables: 1, virtualRooms: 0 })
    people = [await participant(eventId, 'buyer'), await participant(eventId, 'seller'), await participant(eventId, 'seller'), await participant(eventId, 'buyer')]
    const [a, b, c, d] = people as [Person, Person, Person, Person]
    for (const [from, to] of [[a, b], [a, c], [d, b]] as const) {
      const sent = await request(from, to, eventId)
      await ok(to.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${sent.id}/answer`, { accept: true })
    }
    slots = (await ok(organiser, 'GET', `/api/events/${eventId}/brokerage`)).brokerage.slots
  })

  it('runs the scheduler for the organiser only, without clashes, deterministically', async () => {
    expect((await call(people[0]!.cookie, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)).statusCode).toBe(403)
    const { schedule } = await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)
    expect(schedule).toMatchObject({ agendaStatus: 'draft', unscheduled: [], unpublishedCount: 3 })
    expect(schedule.lastRun.upperBound).toBe(3)
    const meetings = schedule.meetings as Json[]
    expect(meetings).toHaveLength(3)
    const busy = meetings.flatMap((m) => [`${m.a.participantId}@${m.slot}`, `${m.b.participantId}@${m.slot}`])
    expect(new Set(busy).size).toBe(busy.length)
    expect(new Set(meetings.map((m) => m.slot)).size).toBe(3)
    const again = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)).schedule
    expect(again.meetings.map((m: Json) => [m.a.participantId, m.b.participantId, m.slot, m.table])).toEqual(meetings.map((m) => [m.a.participantId, m.b.participantId, m.slot, m.table]))
    expect((await ok(people[0]!.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items).toEqual([])
  })

  it('moves a meeting by hand only to a free slot both can attend', async () => {
    const { schedule } = await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/schedule`)
    const meeting = schedule.meetings[0] as Json
    const taken = schedule.meetings[1] as Json
    const before = await brokerageFingerprint()
    const onTaken = await call(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: taken.slot, table: 0 })
    expect(onTaken.statusCode).toBe(409)
    expect((await call(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: 99, table: 0 })).json().error.field).toBe('slot')
    expect((await call(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: meeting.slot, table: 5 })).json().error.field).toBe('table')
    expect((await call(otherManager, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: 6, table: 0 })).statusCode).toBe(403)
    expect(await brokerageFingerprint()).toBe(before)
    const options = (await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/options`)).items as Json[]
    const free = options.find((o) => !schedule.meetings.some((m: Json) => m.slot === o.slot)) as Json
    const moved = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: free.slot, table: 0 })).schedule
    const after = moved.meetings.find((m: Json) => m.id === meeting.id)
    expect(after).toMatchObject({ slot: free.slot, startsAt: slots[free.slot]!.startsAt })
  })

  it('refuses a move into a slot kept for a talk', async () => {
    const { schedule } = await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/schedule`)
    const meeting = schedule.meetings[0] as Json
    const free = slots.find((s) => !schedule.meetings.some((m: Json) => m.slot === s.index)) as Json
    const person = people.find((p) => p.participantId === meeting.a.participantId) as Person
    await ok(person.cookie, 'PATCH', `/api/events/${eventId}/brokerage/participants/me`, { blockedSlots: [free.startsAt] })
    const response = await call(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: free.index, table: 0 })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('Uno dei due non è disponibile in quella fascia.')
    await ok(person.cookie, 'PATCH', `/api/events/${eventId}/brokerage/participants/me`, { blockedSlots: [] })
  })

  it('publishes a preliminary agenda that participants see, and places a late request without moving published meetings', async () => {
    const published = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/publish`, { stage: 'preliminary' })).schedule
    expect(published).toMatchObject({ agendaStatus: 'preliminary', unpublishedCount: 0 })
    const agenda = (await ok(people[0]!.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda
    expect(agenda.items).toHaveLength(2)
    expect(agenda.items.map((i: Json) => i.with.participantId).sort()).toEqual([people[1]!.participantId, people[2]!.participantId].sort())
    expect((await call(organiser, 'PUT', `/api/events/${eventId}/brokerage`, config())).statusCode).toBe(409)

    const [, b, c, d] = people as [Person, Person, Person, Person]
    const late = await request(d, c, eventId)
    await ok(c.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${late.id}/answer`, { accept: true })
    const rerun = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)).schedule
    const pinned = (m: Json) => [m.id, m.slot, m.table, m.startsAt]
    for (const meeting of published.meetings as Json[]) expect(rerun.meetings.map(pinned)).toContainEqual(pinned(meeting))
    expect(rerun.meetings).toHaveLength(4)
    expect(rerun.unpublishedCount).toBe(1)
    const lateMeeting = rerun.meetings.find((m: Json) => !m.published)
    expect([lateMeeting.a.participantId, lateMeeting.b.participantId].sort()).toEqual([c.participantId, d.participantId].sort())

    // A cancellation frees a slot and moves nobody else.
    const bMeeting = (published.meetings as Json[]).find((m) => [m.a.participantId, m.b.participantId].includes(b.participantId) && [m.a.participantId, m.b.participantId].includes(d.participantId)) as Json
    await ok(b.cookie, 'POST', `/api/events/${eventId}/brokerage/requests/${bMeeting.requestId}/cancel`)
    const afterCancel = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)).schedule
    for (const meeting of (published.meetings as Json[]).filter((m) => m.id !== bMeeting.id)) expect(afterCancel.meetings.map(pinned)).toContainEqual(pinned(meeting))
    expect(afterCancel.meetings.map((m: Json) => m.id)).not.toContain(bMeeting.id)

    const final = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/publish`, { stage: 'final' })).schedule
    expect(final).toMatchObject({ agendaStatus: 'final', unpublishedCount: 0 })
    expect((await call(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/publish`, { stage: 'preliminary' })).statusCode).toBe(409)
  })

  it('puts published meetings in the personal iCalendar feed and a printable PDF', async () => {
    const person = people[3] as Person
    const { url } = await ok(person.cookie, 'POST', '/api/events/feed-token', undefined, 201)
    const feed = await call(null, 'GET', new URL(url).pathname)
    expect(feed.statusCode).toBe(200)
    const agenda = (await ok(person.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda
    const entries = parseVevents(feed.body).filter((e) => e.UID?.startsWith('meeting-'))
    expect(entries.map((e) => e.UID).sort()).toEqual(agenda.items.map((i: Json) => `meeting-${i.meetingId}@clock`).sort())
    expect(entries[0]?.SUMMARY).toContain('Incontro B2B con')
    const pdf = await call(person.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect((await call(plain, 'GET', `/api/events/${eventId}/brokerage/agenda?participant=${person.participantId}`)).statusCode).toBe(403)
    expect((await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/agenda?participant=${person.participantId}`)).agenda.items).toEqual(agenda.items)
  })

  it('checks people in, reminds those without meetings through the outbox, once a day', async () => {
    const idle = await participant(eventId, 'seller')
    expect((await call(idle.cookie, 'POST', `/api/events/${eventId}/brokerage/participants/${idle.participantId}/check-in`, { checkedIn: true })).statusCode).toBe(403)
    await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/participants/${people[0]!.participantId}/check-in`, { checkedIn: true }, 204)
    const queued = (await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/reminders`)).queued
    const withoutMeetings = await ctx.db.selectFrom('outbox').select(['to_email', 'body']).where('to_email', '=', idle.user.email).execute()
    expect(withoutMeetings).toHaveLength(1)
    expect(withoutMeetings[0]?.body).toContain(`/events/${eventId}/brokerage`)
    expect(await ctx.db.selectFrom('outbox').select('id').where('to_email', '=', people[0]!.user.email).execute()).toEqual([])
    expect(queued).toBeGreaterThanOrEqual(1)
    expect((await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/reminders`)).queued).toBe(0)
  })

  it('records the follow-up once the meeting has started, and counts it in the statistics and exports', async () => {
    const person = people[0] as Person
    const item = (await ok(person.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items[0] as Json
    const early = await call(person.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up`, { held: true, followUp: 'negotiation' })
    expect(early.statusCode).toBe(409)
    // The event day arrives: move the meeting into the past.
    await ctx.db.updateTable('brokerage_meetings').set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() - 2_400_000) }).where('id', '=', item.meetingId).execute()
    expect((await call(people[3]!.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up`, { held: true, followUp: 'none' })).statusCode).toBe(404)
    await ok(person.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up`, { held: true, followUp: 'negotiation' }, 204)
    const other = people.find((p) => p.participantId === item.with.participantId) as Person
    await ok(other.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${item.meetingId}/follow-up`, { held: true, followUp: 'agreement' }, 204)
    const mine = (await ok(person.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items.find((i: Json) => i.meetingId === item.meetingId)
    expect(mine).toMatchObject({ myHeld: true, myFollowUp: 'negotiation' })

    expect((await call(person.cookie, 'GET', `/api/events/${eventId}/brokerage/stats`)).statusCode).toBe(403)
    const { stats } = await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/stats`)
    expect(stats.participants).toMatchObject({ total: 5, byRole: { buyer: 2, seller: 3 }, checkedIn: 1 })
    expect(stats.requests.byStatus).toEqual({ accepted: 3, cancelled: 1 })
    expect(stats.meetings).toMatchObject({ scheduled: 3, published: 3, held: 1, followUps: { agreement: 1 } })

    const csv = await call(organiser, 'GET', `/api/events/${eventId}/brokerage/export/participants.csv`)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Nome,E-mail,Organizzazione,Distretti,Ruolo,Stato,Presente,Offerta,Richiesta,Temi')
    expect(lines).toHaveLength(6)
    const meetingsCsv = await call(organiser, 'GET', `/api/events/${eventId}/brokerage/export/meetings.csv?lang=en`)
    expect(meetingsCsv.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(4)
    const xlsx = await call(organiser, 'GET', `/api/events/${eventId}/brokerage/export/meetings.xlsx`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect((await call(plain, 'GET', `/api/events/${eventId}/brokerage/export/meetings.xlsx`)).statusCode).toBe(403)
  })

  it('cancels the requests and meetings of someone who leaves', async () => {
    const leaving = people[2] as Person
    await ok(leaving.cookie, 'DELETE', `/api/events/${eventId}/brokerage/participants/me`, undefined, 204)
    const { schedule } = await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/schedule`)
    expect(schedule.meetings.some((m: Json) => [m.a.participantId, m.b.participantId].includes(leaving.participantId))).toBe(false)
  })
})
