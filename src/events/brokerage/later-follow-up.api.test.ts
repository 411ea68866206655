import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDailyJobs } from '../../daily.js'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext, type TestUser } from '../../platform/testing.js'
import { askLaterFollowUps } from './later-follow-up.service.js'
import { romeDateIn } from '../../platform/rome-time.js'

// The six-month follow-up of brokerage meetings: the daily job asks each side of a held meeting once,
// and the participant answers. Time moves by writing the meetings' start into the past.

let ctx: TestContext
let organiser: string
let plain: string

type Json = Record<string, any>

const day = (days: number): string => romeDateIn(days)
const instant = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString()

async function call(cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return ctx.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as Json } : {}) })
}

async function ok(cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200): Promise<Json> {
  const response = await call(cookie, method, url, payload)
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status)
  return response.body ? response.json() : {}
}

type Person = { user: TestUser; cookie: string; participantId: string }

async function participant(eventId: string, role: string): Promise<Person> {
  const user = await createUser(ctx.db)
  const cookie = await signInAs(ctx.app, user)
  await ok(cookie, 'POST', `/api/events/${eventId}/brokerage/participants`, { role }, 201)
  const { brokerage } = await ok(cookie, 'GET', `/api/events/${eventId}/brokerage`)
  return { user, cookie, participantId: brokerage.me.id }
}

/** Moves a meeting's start `days` days into the past, `minutesLater` after that moment (one person, one meeting at a time). */
async function startedDaysAgo(meetingId: string, days: number, minutesLater = 0): Promise<void> {
  const startsAt = new Date(Date.now() - days * 86_400_000 + minutesLater * 60_000)
  await ctx.db.updateTable('brokerage_meetings').set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 20 * 60_000) }).where('id', '=', meetingId).execute()
}

const outboxTo = async (email: string) => ctx.db.selectFrom('outbox').select(['subject', 'body']).where('to_email', '=', email).execute()
const notificationsOf = async (userId: string) => ctx.db.selectFrom('notifications').select(['kind', 'link']).where('user_id', '=', userId).where('kind', '=', 'brokerage_later_follow_up').execute()
const fingerprint = async (): Promise<string> => JSON.stringify(await databaseFingerprint(ctx.db))

let eventId: string
let buyer: Person
let heldSeller: Person
let silentSeller: Person
let recentSeller: Person
let outsider: Person
/** Meeting ids by the seller the buyer meets. */
const meetingWith = new Map<string, string>()
const laterUrl = (meetingId: string) => `/api/events/${eventId}/brokerage/meetings/${meetingId}/follow-up/later`

beforeAll(async () => {
  ctx = await createTestContext()
  organiser = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'] }))
  plain = await signInAs(ctx.app, await createUser(ctx.db))
  eventId = (
    await ok(
      organiser,
      'POST',
      '/api/events',
      {
        kind: 'matchmaking',
        titleIt: 'Incontri B2B sulla manifattura',
        titleEn: 'B2B meetings on manufacturing',
        startsAt: `${day(30)}T09:00`,
        endsAt: `${day(30)}T18:00`,
        venueName: 'Polo Tecnologico di Navacchio',
        venueAddress: 'Via Giuntini 25, Cascina (PI)',
        organiserSlugs: ['tuscany-advanced-materials'],
      },
      201,
    )
  ).event.id
  await ok(organiser, 'PUT', `/api/events/${eventId}/brokerage`, {
    registrationOpensAt: instant(-1),
    registrationClosesAt: instant(20),
    bookingOpensAt: instant(-1),
    bookingClosesAt: instant(29),
    sessions: [{ day: day(30), start: '09:00', end: '11:00' }],
    meetingMinutes: 20,
    tables: 3,
    maxMeetings: 5,
    requestMode: 'opt_out',
    roles: [
      { key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' },
      { key: 'seller', labelIt: 'Fornitore', labelEn: 'Seller' },
    ],
    rolePairs: [['buyer', 'seller']],
  })
  buyer = await participant(eventId, 'buyer')
  heldSeller = await participant(eventId, 'seller')
  silentSeller = await participant(eventId, 'seller')
  recentSeller = await participant(eventId, 'seller')
  outsider = await participant(eventId, 'buyer')
  for (const seller of [heldSeller, silentSeller, recentSeller]) {
    await ok(buyer.cookie, 'POST', `/api/events/${eventId}/brokerage/requests`, { toParticipantId: seller.participantId }, 201)
  }
  await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/run`)
  await ok(organiser, 'POST', `/api/events/${eventId}/brokerage/schedule/publish`, { stage: 'final' })
  const agenda = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda
  for (const item of agenda.items as Json[]) meetingWith.set(item.with.participantId, item.meetingId)
  expect(meetingWith.size).toBe(3)

  // Seven months ago the buyer met two sellers: one meeting was held, nobody said so of the other.
  // Five months ago the third meeting was held.
  await startedDaysAgo(meetingWith.get(heldSeller.participantId) as string, 215)
  await startedDaysAgo(meetingWith.get(silentSeller.participantId) as string, 215, 30)
  await startedDaysAgo(meetingWith.get(recentSeller.participantId) as string, 150)
  await ok(heldSeller.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${meetingWith.get(heldSeller.participantId)}/follow-up`, { held: true, followUp: 'negotiation' }, 204)
  await ok(buyer.cookie, 'PUT', `/api/events/${eventId}/brokerage/meetings/${meetingWith.get(recentSeller.participantId)}/follow-up`, { held: true, followUp: 'contact_planned' }, 204)
})
afterAll(async () => ctx.close())

describe('six-month follow-up of brokerage meetings', () => {
  it('is not open before six months, and refusing changes nothing', async () => {
    const recent = meetingWith.get(recentSeller.participantId) as string
    const before = await fingerprint()
    const response = await call(buyer.cookie, 'PUT', laterUrl(recent), { followUp: 'agreement' })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('Come sono proseguiti i contatti si indica quando CLOCK lo chiede, sei mesi dopo l’incontro.')
    expect(await fingerprint()).toBe(before)
    const item = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items.find((i: Json) => i.meetingId === recent)
    expect(item).toMatchObject({ myHeld: true, myFollowUp: 'contact_planned', laterOpen: false, laterAskedAt: null, myLaterFollowUp: null })
  })

  it('asks each side of a held meeting once, six months on, by notification and e-mail', async () => {
    const held = meetingWith.get(heldSeller.participantId) as string
    const report = await runDailyJobs(ctx.db, 'http://clock.test')
    expect(report.laterFollowUpsAsked).toBeGreaterThanOrEqual(2)

    const agendaLink = `/events/${eventId}/brokerage/agenda`
    for (const person of [buyer, heldSeller]) {
      expect(await notificationsOf(person.user.id)).toEqual([{ kind: 'brokerage_later_follow_up', link: agendaLink }])
      const mails = await outboxTo(person.user.email)
      expect(mails).toHaveLength(1)
      expect(mails[0]?.body).toContain(`http://clock.test${agendaLink}`)
      expect(mails[0]?.subject).toContain('Incontri B2B sulla manifattura')
    }
    // Neither the meeting nobody said was held, nor the one of five months ago, is asked about.
    for (const person of [silentSeller, recentSeller, outsider]) {
      expect(await notificationsOf(person.user.id)).toEqual([])
      expect(await outboxTo(person.user.email)).toEqual([])
    }
    const { items } = await ok(buyer.cookie, 'GET', '/api/notifications', undefined)
    const text = (items as Json[]).find((n) => n.kind === 'brokerage_later_follow_up')?.text as string
    expect(text).toContain('Sei mesi fa hai incontrato')
    expect(text).toContain('Incontri B2B sulla manifattura')

    const row = await ctx.db.selectFrom('brokerage_meetings').select(['a_later_asked_at', 'b_later_asked_at']).where('id', '=', held).executeTakeFirstOrThrow()
    expect(row.a_later_asked_at).not.toBeNull()
    expect(row.b_later_asked_at).not.toBeNull()

    // Running again (or the next day) asks nobody a second time.
    const before = await fingerprint()
    expect((await runDailyJobs(ctx.db, 'http://clock.test')).laterFollowUpsAsked).toBe(0)
    expect(await askLaterFollowUps(ctx.db, 'http://clock.test', new Date(Date.now() + 10 * 86_400_000))).toBe(0)
    expect(await fingerprint()).toBe(before)

    const item = (await ok(heldSeller.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items[0]
    expect(item).toMatchObject({ meetingId: held, myHeld: true, myFollowUp: 'negotiation', laterOpen: true, myLaterFollowUp: null })
    expect(item.laterAskedAt).toEqual(expect.any(String))
  })

  it('records the six-month answer for the meeting’s own participants only, and refuses bad input', async () => {
    const held = meetingWith.get(heldSeller.participantId) as string
    const before = await fingerprint()
    for (const [body, field] of [[{ followUp: 'maybe' }, 'followUp'], [{}, 'followUp'], [{ followUp: 'agreement', held: true }, null]] as const) {
      const response = await call(buyer.cookie, 'PUT', laterUrl(held), body)
      expect(response.statusCode).toBe(400)
      if (field) expect(response.json().error.field).toBe(field)
    }
    expect((await call(null, 'PUT', laterUrl(held), { followUp: 'agreement' })).statusCode).toBe(401)
    expect((await call(plain, 'PUT', laterUrl(held), { followUp: 'agreement' })).statusCode).toBe(403)
    expect((await call(outsider.cookie, 'PUT', laterUrl(held), { followUp: 'agreement' })).statusCode).toBe(404)
    expect((await call(organiser, 'PUT', laterUrl(held), { followUp: 'agreement' })).statusCode).toBe(403)
    expect((await call(buyer.cookie, 'PUT', laterUrl('00000000-0000-4000-8000-000000000000'), { followUp: 'agreement' })).statusCode).toBe(404)
    expect(await fingerprint()).toBe(before)

    await ok(buyer.cookie, 'PUT', laterUrl(held), { followUp: 'agreement' }, 204)
    const item = (await ok(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/agenda`)).agenda.items.find((i: Json) => i.meetingId === held)
    expect(item).toMatchObject({ myHeld: null, myFollowUp: null, laterOpen: true, myLaterFollowUp: 'agreement' })
    const row = await ctx.db.selectFrom('brokerage_meetings').select(['participant_a', 'a_later_follow_up', 'b_later_follow_up', 'a_later_answered_at', 'b_later_answered_at']).where('id', '=', held).executeTakeFirstOrThrow()
    const mine = row.participant_a === buyer.participantId ? 'a' : 'b'
    expect(row[`${mine}_later_follow_up`]).toBe('agreement')
    expect(row[`${mine}_later_answered_at`]).not.toBeNull()
    expect(row[`${mine === 'a' ? 'b' : 'a'}_later_follow_up`]).toBeNull()

    // Six months have passed for the silent meeting too: its sides may answer even unasked.
    await ok(silentSeller.cookie, 'PUT', laterUrl(meetingWith.get(silentSeller.participantId) as string), { followUp: 'none' }, 204)
  })

  it('counts the six-month answers in the statistics and the exports, an agreement reached later as an agreement', async () => {
    expect((await call(buyer.cookie, 'GET', `/api/events/${eventId}/brokerage/stats`)).statusCode).toBe(403)
    const { stats } = await ok(organiser, 'GET', `/api/events/${eventId}/brokerage/stats`)
    expect(stats.meetings).toMatchObject({
      scheduled: 3,
      held: 2,
      followUps: { negotiation: 1, contact_planned: 1 },
      laterAsked: 2,
      laterAnswered: 2,
      laterFollowUps: { agreement: 1, none: 1 },
      agreements: 1,
    })
    const csv = await call(organiser, 'GET', `/api/events/${eventId}/brokerage/export/meetings.csv?lang=en`)
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Start (Rome),Table,Participant A,Organisation A,Participant B,Organisation B,Published,Held,Follow-up,Follow-up A,Follow-up B,After six months,After six months A,After six months B')
    const { full_name: sellerName } = await ctx.db.selectFrom('users').select('full_name').where('id', '=', heldSeller.user.id).executeTakeFirstOrThrow()
    const heldLine = lines.find((line) => line.includes(sellerName)) as string
    expect(heldLine.split(',').slice(-3).sort()).toEqual(['agreement', 'agreement', 'asked'])
    const xlsx = await call(organiser, 'GET', `/api/events/${eventId}/brokerage/export/meetings.xlsx`)
    expect(xlsx.statusCode).toBe(200)
  })
})
