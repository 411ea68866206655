import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext, type TestUser } from '../platform/testing.js'
import { seedDemoEvents } from './events.demo.js'
import { parseVevents } from './ical-parse.js'
import { romeDateIn } from '../platform/rome-time.js'

let ctx: TestContext
let materials: string
let ict: string
let materialsAndIct: string
let clockManager: string
let officer: string
let plain: string
let admin: string

// Event days are relative to today, so the suite keeps working as time passes.
const day = (days: number): string => romeDateIn(days)

beforeAll(async () => {
  ctx = await createTestContext()
  // The demo calendar is there too, as on a real platform: assertions must hold among other districts' events.
  await seedDemoEvents(ctx.db)
  materials = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'] }))
  ict = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-ict'] }))
  materialsAndIct = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials', 'tuscany-ict'] }))
  clockManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['clock'] }))
  officer = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['ma_officer'] }))
  admin = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['platform_admin'] }))
  plain = await signInAs(ctx.app, await createUser(ctx.db))
})
afterAll(async () => ctx.close())

type Json = Record<string, unknown>

const workshop = (overrides: Json = {}): Json => ({
  kind: 'workshop',
  titleIt: 'Superfici antivirali: stato dell’arte',
  titleEn: 'Antiviral surfaces: the state of the art',
  descriptionIt: 'Una mattina di lavoro con i laboratori.',
  startsAt: `${day(40)}T09:30`,
  endsAt: `${day(40)}T13:00`,
  venueName: 'Polo Tecnologico di Navacchio',
  venueAddress: 'Via Giuntini 25, Cascina (PI)',
  venueRoom: 'Sala A',
  city: 'Cascina',
  language: 'it',
  audiences: ['smes', 'research'],
  taxonomyCodes: ['CN.05'],
  capacity: 50,
  registration: 'open',
  organiserSlugs: ['tuscany-advanced-materials'],
  ...overrides,
})

async function create(cookie: string, body: Json): Promise<Json> {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { cookie }, payload: body })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().event
}

async function eventsFingerprint(): Promise<string> {
  const parts: string[] = []
  for (const table of ['events', 'event_organisers', 'event_coorganisers', 'event_taxonomy', 'event_registrations', 'event_feed_tokens']) {
    const result = await sql<{ digest: string }>`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql.table(table)} t`.execute(ctx.db)
    parts.push(`${table}:${result.rows[0]?.digest}`)
  }
  return JSON.stringify({ parts, base: await databaseFingerprint(ctx.db) })
}

describe('the shared calendar', () => {
  it('lets a district manager create an event, entered in Rome time, that the public sees', async () => {
    const event = await create(materials, workshop())
    expect(event).toMatchObject({ status: 'published', canEdit: true, seatsLeft: 50, taxonomyCodes: ['CN.05'], inPerson: true, online: false })
    const start = new Date(event.startsAt as string)
    const romeHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start)
    expect(romeHour).toBe('09:30')
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/events?from=${day(39)}&to=${day(41)}` })).json().items as Json[]
    expect(list.map((item) => item.id)).toContain(event.id)
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}` })).json().event
    expect(detail).toMatchObject({ titleIt: 'Superfici antivirali: stato dell’arte', canEdit: false, canRegister: false, venueRoom: 'Sala A' })
    expect(detail.organisers[0].slug).toBe('tuscany-advanced-materials')
  })

  it('filters by district, kind, taxonomy (a root includes its topics) and audience', async () => {
    const range = `from=${day(0)}&to=${day(120)}`
    const training = await create(ict, workshop({ kind: 'training', organiserSlugs: ['tuscany-ict'], taxonomyCodes: ['ICT.01'], audiences: ['finance'], startsAt: `${day(50)}T10:00`, endsAt: `${day(50)}T12:00` }))
    const list = async (query: string): Promise<Json[]> => (await ctx.app.inject({ method: 'GET', url: `/api/events?${range}&${query}` })).json().items as Json[]
    const ids = async (query: string): Promise<unknown[]> => (await list(query)).map((item) => item.id)
    const byDistrict = await list('district=tuscany-ict')
    expect(byDistrict.map((item) => item.id)).toContain(training.id)
    expect(byDistrict.every((item) => [...(item.organisers as Json[]), ...(item.coorganisers as Json[])].some((d) => d.slug === 'tuscany-ict'))).toBe(true)
    const byKind = await list('kind=training')
    expect(byKind.map((item) => item.id)).toContain(training.id)
    expect(byKind.every((item) => item.kind === 'training')).toBe(true)
    const byTaxonomy = await list('taxonomy=ICT')
    expect(byTaxonomy.map((item) => item.id)).toContain(training.id)
    expect(byTaxonomy.every((item) => (item.taxonomyCodes as string[]).some((code) => code === 'ICT' || code.startsWith('ICT.')))).toBe(true)
    const byAudience = await list('audience=finance&district=tuscany-ict')
    expect(byAudience.map((item) => item.id)).toContain(training.id)
    expect(byAudience.every((item) => (item.audiences as string[]).includes('finance'))).toBe(true)
    expect(await ids('taxonomy=CN')).not.toContain(training.id)
    expect(await ids('district=atlantis')).toEqual([])
  })

  it('keeps drafts to their managers', async () => {
    const draft = await create(materials, workshop({ status: 'draft', titleIt: 'Bozza', startsAt: `${day(41)}T10:00`, endsAt: `${day(41)}T11:00` }))
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/${draft.id}` })).statusCode).toBe(404)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/${draft.id}`, headers: { cookie: ict } })).statusCode).toBe(404)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/${draft.id}`, headers: { cookie: materials } })).statusCode).toBe(200)
    const publicList = (await ctx.app.inject({ method: 'GET', url: `/api/events?from=${day(41)}&to=${day(41)}` })).json().items as Json[]
    expect(publicList.map((item) => item.id)).not.toContain(draft.id)
  })

  it('lets managers act for their own districts only', async () => {
    const before = await eventsFingerprint()
    expect((await ctx.app.inject({ method: 'POST', url: '/api/events', payload: workshop() })).statusCode).toBe(401)
    expect((await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: plain }, payload: workshop() })).statusCode).toBe(403)
    expect((await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: ict }, payload: workshop() })).statusCode).toBe(403)
    const event = await create(materials, workshop({ titleIt: 'Permessi' }))
    const middle = await eventsFingerprint()
    expect(middle).not.toBe(before)
    const patch = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: ict }, payload: { titleIt: 'Presa' } })
    expect(patch.statusCode).toBe(403)
    const addOther = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: materials }, payload: { organiserSlugs: ['tuscany-advanced-materials', 'tuscany-ict'] } })
    expect(addOther.statusCode).toBe(400)
    expect(addOther.json().error.field).toBe('organiserSlugs')
    expect(await eventsFingerprint()).toBe(middle)
    const byAdmin = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: admin }, payload: { titleEn: 'Permissions' } })
    expect(byAdmin.statusCode).toBe(200)
  })

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await eventsFingerprint()
    const cases: [Json, string][] = [
      [workshop({ endsAt: `${day(40)}T09:00` }), 'endsAt'],
      [workshop({ startsAt: '2027-02-30T10:00' }), 'startsAt'],
      [workshop({ venueAddress: null, virtualUrl: null }), 'venueAddress'],
      [workshop({ titleIt: '<b>x</b>' }), 'titleIt'],
      [workshop({ titleIt: '' }), 'titleIt'],
      [workshop({ audiences: ['everyone'] }), 'audiences.0'],
      [workshop({ taxonomyCodes: ['ZZ.99'] }), 'taxonomyCodes'],
      [workshop({ capacity: 0 }), 'capacity'],
      [workshop({ organiserSlugs: [] }), 'organiserSlugs'],
      [workshop({ organiserSlugs: ['atlantis'] }), 'organiserSlugs'],
      [workshop({ virtualUrl: 'javascript:alert(1)' }), 'virtualUrl'],
      [workshop({ surprise: true }), 'surprise'],
    ]
    for (const [body, field] of cases) {
      const response = await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: materials, 'accept-language': 'en' }, payload: body })
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400)
      expect(response.json().error.field).toBe(field)
    }
    const ended = await ctx.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: materials.replace("clock_lang=it", "clock_lang=en") }, payload: workshop({ endsAt: `${day(40)}T09:00` }) })
    expect(ended.json().error.message).toBe('Field “end”: the end must come after the start')
    expect(await eventsFingerprint()).toBe(before)
  })
})

describe('clash and overlap warning', () => {
  let theirs: Json
  const probe = (overrides: Json = {}): Json => ({
    startsAt: `${day(70)}T10:00`,
    endsAt: `${day(70)}T12:00`,
    organiserSlugs: ['tuscany-ict'],
    audiences: ['public_bodies'],
    taxonomyCodes: ['TR'],
    ...overrides,
  })
  const check = async (cookie: string, body: Json): Promise<Json[]> => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/events/check', headers: { cookie }, payload: body })
    expect(response.statusCode, response.body).toBe(200)
    return response.json().clashes
  }

  beforeAll(async () => {
    theirs = await create(materials, workshop({ titleIt: 'Idrogeno e materiali', startsAt: `${day(70)}T09:00`, endsAt: `${day(70)}T11:00`, taxonomyCodes: ['TR.H2'], audiences: ['smes'] }))
  })

  it("lists the other district's overlapping event sharing a taxonomy root, with the reasons, before saving", async () => {
    const before = await eventsFingerprint()
    const clashes = await check(ict, probe())
    expect(clashes).toHaveLength(1)
    expect(clashes[0]).toMatchObject({ event: { id: theirs.id }, sharedAudiences: [], sharedTaxonomy: [{ ours: 'TR', theirs: 'TR.H2' }] })
    expect(clashes[0]?.overlapEnd).toBe(theirs.endsAt)
    expect(new Date(clashes[0]?.overlapStart as string).getTime()).toBe(new Date(theirs.startsAt as string).getTime() + 3_600_000)
    expect(await eventsFingerprint()).toBe(before)
  })

  it('stays quiet when times, or audience and taxonomy, do not meet, and for the same district', async () => {
    expect(await check(ict, probe({ startsAt: `${day(70)}T11:00`, endsAt: `${day(70)}T12:00` }))).toEqual([])
    expect(await check(ict, probe({ taxonomyCodes: ['ICT'] }))).toEqual([])
    expect(await check(ict, probe({ taxonomyCodes: [], audiences: ['smes'] }))).toHaveLength(1)
    expect(await check(materials, probe({ organiserSlugs: ['tuscany-advanced-materials'] }))).toEqual([])
    expect(await check(materials, probe({ eventId: theirs.id, organiserSlugs: ['tuscany-ict'] }))).toEqual([])
  })

  it('needs a signed-in user and names a bad field', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/events/check', payload: probe() })).statusCode).toBe(401)
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/events/check', headers: { cookie: ict }, payload: probe({ endsAt: `${day(70)}T08:00` }) })
    expect(bad.json().error.field).toBe('endsAt')
  })

  it('proposes co-organisation instead of a duplicate; once accepted the events no longer clash', async () => {
    const mine = await create(ict, workshop({ titleIt: 'Filiera idrogeno', organiserSlugs: ['tuscany-ict'], startsAt: `${day(70)}T10:00`, endsAt: `${day(70)}T12:00`, taxonomyCodes: ['TR'] }))
    const propose = await ctx.app.inject({ method: 'POST', url: `/api/events/${mine.id}/coorganisers`, headers: { cookie: ict }, payload: { districtSlug: 'tuscany-advanced-materials', message: 'Uniamo le forze?' } })
    expect(propose.statusCode).toBe(204)
    const byOther = await ctx.app.inject({ method: 'POST', url: `/api/events/${mine.id}/coorganisers`, headers: { cookie: plain }, payload: { districtSlug: 'tuscany-life-sciences' } })
    expect(byOther.statusCode).toBe(403)
    const viewed = (await ctx.app.inject({ method: 'GET', url: `/api/events/${mine.id}`, headers: { cookie: materials } })).json().event
    expect(viewed.invitations).toMatchObject([{ district: { slug: 'tuscany-advanced-materials' }, status: 'pending', message: 'Uniamo le forze?', canAnswer: true }])
    const mineView = (await ctx.app.inject({ method: 'GET', url: '/api/events/mine', headers: { cookie: materials } })).json()
    expect(mineView.invitations.map((i: Json) => (i.event as Json).id)).toContain(mine.id)
    expect((await ctx.app.inject({ method: 'POST', url: `/api/events/${mine.id}/coorganisers/tuscany-advanced-materials/answer`, headers: { cookie: ict }, payload: { accept: true } })).statusCode).toBe(403)
    const accept = await ctx.app.inject({ method: 'POST', url: `/api/events/${mine.id}/coorganisers/tuscany-advanced-materials/answer`, headers: { cookie: materials }, payload: { accept: true } })
    expect(accept.statusCode).toBe(204)
    const again = await ctx.app.inject({ method: 'POST', url: `/api/events/${mine.id}/coorganisers/tuscany-advanced-materials/answer`, headers: { cookie: materials }, payload: { accept: false } })
    expect(again.statusCode).toBe(409)
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/events/${mine.id}` })).json().event
    expect(after.coorganisers.map((c: Json) => c.slug)).toEqual(['tuscany-advanced-materials'])
    expect(await check(ict, probe({ eventId: mine.id }))).toEqual([])
  })

  it("shows coordinators every overlap in a range; others may not look", async () => {
    const other = await create(materialsAndIct, workshop({ titleIt: 'Doppione', organiserSlugs: ['tuscany-ict'], startsAt: `${day(71)}T10:00`, endsAt: `${day(71)}T12:00`, taxonomyCodes: ['CN'] }))
    const first = await create(materials, workshop({ titleIt: 'Originale', startsAt: `${day(71)}T11:00`, endsAt: `${day(71)}T13:00`, taxonomyCodes: ['CN.05'] }))
    for (const cookie of [clockManager, officer, admin]) {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/events/overlaps?from=${day(71)}&to=${day(71)}`, headers: { cookie } })
      expect(response.statusCode).toBe(200)
      const items = response.json().items as { first: Json; second: Json; sharedTaxonomy: Json[]; sharedAudiences: string[] }[]
      const ours = items.filter((item) => [item.first.id, item.second.id].includes(first.id))
      expect(ours).toHaveLength(1)
      expect([ours[0]?.first.id, ours[0]?.second.id].sort()).toEqual([other.id, first.id].sort())
      expect(ours[0]?.sharedAudiences).toEqual(['research', 'smes'])
      expect(ours[0]?.sharedTaxonomy).toEqual([{ ours: 'CN', theirs: 'CN.05' }])
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/events/overlaps', headers: { cookie: materials } })).statusCode).toBe(403)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/events/overlaps' })).statusCode).toBe(401)
    const tooLong = await ctx.app.inject({ method: 'GET', url: `/api/events/overlaps?from=${day(0)}&to=${day(900)}`, headers: { cookie: officer } })
    expect(tooLong.json().error.field).toBe('to')
  })

  it('moves an event and checks the move', async () => {
    const event = await create(materials, workshop({ titleIt: 'Da spostare', startsAt: `${day(80)}T10:00`, endsAt: `${day(80)}T11:00`, taxonomyCodes: ['SF'] }))
    const moved = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: materials }, payload: { startsAt: `${day(81)}T15:00`, endsAt: `${day(81)}T17:00` } })
    expect(moved.statusCode).toBe(200)
    expect(moved.json().event.taxonomyCodes).toEqual(['SF'])
    const backwards = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: materials }, payload: { endsAt: `${day(81)}T14:00` } })
    expect(backwards.json().error.field).toBe('endsAt')
  })
})

describe('registration', () => {
  let users: TestUser[]
  let cookies: string[]
  beforeAll(async () => {
    users = [await createUser(ctx.db), await createUser(ctx.db), await createUser(ctx.db)]
    cookies = await Promise.all(users.map((user) => signInAs(ctx.app, user)))
  })
  const registerAs = (cookie: string, id: unknown) => ctx.app.inject({ method: 'POST', url: `/api/events/${id}/registration`, headers: { cookie } })

  it('respects capacity with a waiting list, promoting the first waiting on a cancellation', async () => {
    const event = await create(materials, workshop({ capacity: 1, waitingList: true, startsAt: `${day(30)}T10:00`, endsAt: `${day(30)}T11:00`, virtualUrl: 'https://meet.example/room' }))
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}` })).json().event.virtualUrl).toBeNull()
    expect((await registerAs(cookies[0] as string, event.id)).json().registration.status).toBe('confirmed')
    expect((await registerAs(cookies[0] as string, event.id)).json().registration.status).toBe('confirmed')
    expect((await registerAs(cookies[1] as string, event.id)).json().registration.status).toBe('waitlisted')
    expect((await registerAs(cookies[2] as string, event.id)).json().registration.status).toBe('waitlisted')
    const seen = (await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}`, headers: { cookie: cookies[0] as string } })).json().event
    expect(seen).toMatchObject({ seatsLeft: 0, waitlistedCount: 2, myRegistration: { status: 'confirmed' }, virtualUrl: 'https://meet.example/room' })
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/events/${event.id}/registration`, headers: { cookie: cookies[0] as string } })).statusCode).toBe(204)
    const promoted = (await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}`, headers: { cookie: cookies[1] as string } })).json().event
    expect(promoted.myRegistration.status).toBe('confirmed')
    const raised = await ctx.app.inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: { cookie: materials }, payload: { capacity: 3 } })
    expect(raised.json().event).toMatchObject({ confirmedCount: 2, waitlistedCount: 0 })
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/events/${event.id}/registration`, headers: { cookie: cookies[0] as string } })).statusCode).toBe(404)
  })

  it('refuses a full event without waiting list, and visitors', async () => {
    const event = await create(materials, workshop({ capacity: 1, startsAt: `${day(31)}T10:00`, endsAt: `${day(31)}T11:00` }))
    expect((await registerAs(cookies[0] as string, event.id)).statusCode).toBe(200)
    const full = await registerAs(cookies[1] as string, event.id)
    expect(full.statusCode).toBe(409)
    expect(full.json().error.code).toBe('conflict')
    expect((await ctx.app.inject({ method: 'POST', url: `/api/events/${event.id}/registration` })).statusCode).toBe(401)
    const none = await create(materials, workshop({ registration: 'none', startsAt: `${day(31)}T12:00`, endsAt: `${day(31)}T13:00` }))
    expect((await registerAs(cookies[0] as string, none.id)).statusCode).toBe(409)
  })

  it('holds registrations for approval when the organisers ask for it', async () => {
    const event = await create(materials, workshop({ registration: 'approval', capacity: 10, startsAt: `${day(32)}T10:00`, endsAt: `${day(32)}T11:00` }))
    expect((await registerAs(cookies[0] as string, event.id)).json().registration.status).toBe('pending')
    expect((await registerAs(cookies[1] as string, event.id)).json().registration.status).toBe('pending')
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}/registrations`, headers: { cookie: ict } })).statusCode).toBe(403)
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}/registrations`, headers: { cookie: materials } })).json().items as Json[]
    expect(list.map((row) => row.status)).toEqual(['pending', 'pending'])
    const decide = (registrationId: unknown, decision: string, cookie = materials) =>
      ctx.app.inject({ method: 'POST', url: `/api/events/${event.id}/registrations/${registrationId}/decision`, headers: { cookie }, payload: { decision } })
    expect((await decide(list[0]?.id, 'approve', ict)).statusCode).toBe(403)
    expect((await decide(list[0]?.id, 'approve')).json().status).toBe('confirmed')
    expect((await decide(list[1]?.id, 'decline')).json().status).toBe('declined')
    expect((await registerAs(cookies[1] as string, event.id)).statusCode).toBe(409)
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/events/mine', headers: { cookie: cookies[0] as string } })).json()
    expect(mine.registrations.map((r: Json) => (r.event as Json).id)).toContain(event.id)
    expect(mine.canCoordinate).toBe(false)
  })
})

describe('iCalendar feeds', () => {
  it('serves a district feed that parses back, with stable UIDs and UTC times', async () => {
    const event = await create(materials, workshop({ titleIt: 'Feed: materiali, idrogeno; futuro', startsAt: `${day(20)}T10:00`, endsAt: `${day(20)}T12:30`, organiserSlugs: ['tuscany-advanced-materials'] }))
    const fetchFeed = () => ctx.app.inject({ method: 'GET', url: '/api/events/feeds/district/tuscany-advanced-materials.ics' })
    const response = await fetchFeed()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/calendar')
    const parsed = parseVevents(response.body)
    const count = await ctx.db.selectFrom('events').innerJoin('event_organisers', 'event_organisers.event_id', 'events.id').innerJoin('clusters', 'clusters.id', 'event_organisers.cluster_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('clusters.slug', '=', 'tuscany-advanced-materials').where('events.status', '!=', 'draft').executeTakeFirstOrThrow()
    expect(parsed.length).toBeGreaterThanOrEqual(Number(count.n))
    const entry = parsed.find((vevent) => vevent.UID === `event-${event.id}@clock`)
    expect(entry?.SUMMARY).toBe('Feed: materiali, idrogeno; futuro')
    expect(entry?.DTSTART).toBe(new Date(event.startsAt as string).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''))
    expect(entry?.DTSTART?.endsWith('Z')).toBe(true)
    const reparsed = parseVevents((await fetchFeed()).body)
    expect(reparsed.map((v) => v.UID)).toEqual(parsed.map((v) => v.UID))
    expect((await ctx.app.inject({ method: 'GET', url: '/api/events/feeds/district/atlantis.ics' })).statusCode).toBe(404)
    expect(parsed.some((vevent) => vevent.SUMMARY === 'Bozza')).toBe(false)
  })

  it('serves a taxonomy feed where a root gathers its topics', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/events/feeds/taxonomy/TR.ics?lang=en' })
    const summaries = parseVevents(response.body).map((vevent) => vevent.SUMMARY)
    expect(summaries).toContain('Antiviral surfaces: the state of the art')
    const ict = parseVevents((await ctx.app.inject({ method: 'GET', url: '/api/events/feeds/taxonomy/ICT.01.ics' })).body)
    expect(ict.length).toBeGreaterThan(0)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/events/feeds/taxonomy/ZZ.ics' })).statusCode).toBe(404)
  })

  it('gives each user a secret, revocable feed of their registrations, never the session', async () => {
    const user = await createUser(ctx.db)
    const cookie = await signInAs(ctx.app, user)
    const event = await create(materials, workshop({ titleIt: 'Per il mio calendario', startsAt: `${day(25)}T10:00`, endsAt: `${day(25)}T11:00` }))
    await ctx.app.inject({ method: 'POST', url: `/api/events/${event.id}/registration`, headers: { cookie } })
    expect((await ctx.app.inject({ method: 'POST', url: '/api/events/feed-token' })).statusCode).toBe(401)
    const created = await ctx.app.inject({ method: 'POST', url: '/api/events/feed-token', headers: { cookie } })
    expect(created.statusCode).toBe(201)
    const { token, url } = created.json() as { token: string; url: string }
    expect(url).toBe(`http://clock.test/api/events/feeds/user/${token}.ics`)
    const feed = await ctx.app.inject({ method: 'GET', url: `/api/events/feeds/user/${token}.ics` })
    expect(parseVevents(feed.body).map((vevent) => vevent.SUMMARY)).toEqual(['Per il mio calendario'])
    const stored = await ctx.db.selectFrom('event_feed_tokens').select('token_hash').where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(token)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/events/mine', headers: { cookie } })).json().feed.active).toBe(true)
    const rotated = (await ctx.app.inject({ method: 'POST', url: '/api/events/feed-token', headers: { cookie } })).json().token as string
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/feeds/user/${token}.ics` })).statusCode).toBe(404)
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/events/feed-token', headers: { cookie } })).statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/events/feeds/user/${rotated}.ics` })).statusCode).toBe(404)
  })

  it('offers one event as an .ics attachment to add to a calendar', async () => {
    const event = await create(materials, workshop({ titleIt: 'Aggiungimi', startsAt: `${day(26)}T10:00`, endsAt: `${day(26)}T11:00` }))
    const response = await ctx.app.inject({ method: 'GET', url: `/api/events/${event.id}/ics` })
    expect(response.headers['content-disposition']).toContain('.ics')
    const parsed = parseVevents(response.body)
    expect(parsed).toHaveLength(1)
    expect(parsed[0]).toMatchObject({ UID: `event-${event.id}@clock`, SUMMARY: 'Aggiungimi', LOCATION: 'Polo Tecnologico di Navacchio, Sala A, Via Giuntini 25, Cascina (PI), Cascina' })
  })
})
