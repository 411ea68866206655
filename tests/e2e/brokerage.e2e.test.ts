import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBrokerageTitle } from '../../src/events/brokerage/brokerage.demo.js'
import { parseVevents } from '../../src/events/ical-parse.js'
import { romeDateIn, toRomeLocal } from '../../src/platform/rome-time.js'
import { launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

let server: TestServer
let url: string
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  server = await startServer()
  url = server.url
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
})

const day = (days: number): string => romeDateIn(days)
const instant = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString()

async function signedIn(email: string): Promise<Page> {
  const { context, page } = await newPage(browser, url)
  contexts.push(context)
  await signIn(page, email)
  return page
}

/** The organiser creates the matchmaking event and its configuration through the API: clicking them is tested elsewhere. */
async function matchmakingEvent(organiser: Page): Promise<string> {
  const created = await organiser.request.post('/api/events', {
    data: {
      kind: 'matchmaking',
      titleIt: 'Incontri B2B sui rivestimenti antivirali',
      titleEn: 'B2B meetings on antiviral coatings',
      startsAt: `${day(30)}T09:00`,
      endsAt: `${day(30)}T13:00`,
      venueName: 'Polo Tecnologico di Navacchio',
      venueAddress: 'Via Giuntini 25, Cascina (PI)',
      organiserSlugs: ['tuscany-advanced-materials'],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const id = ((await created.json()) as { event: { id: string } }).event.id
  const configured = await organiser.request.put(`/api/events/${id}/brokerage`, {
    data: {
      registrationOpensAt: instant(-1),
      registrationClosesAt: instant(20),
      bookingOpensAt: instant(-1),
      bookingClosesAt: instant(29),
      sessions: [{ day: day(30), start: '09:00', end: '10:00', breaks: [] }],
      meetingMinutes: 20,
      tables: 2,
      virtualRooms: 1,
      maxMeetings: 3,
      requestMode: 'opt_in',
      approval: false,
      roles: [
        { key: 'buyer', labelIt: 'Acquirente', labelEn: 'Buyer' },
        { key: 'seller', labelIt: 'Fornitore', labelEn: 'Seller' },
      ],
      rolePairs: [['buyer', 'seller']],
    },
  })
  expect(configured.status(), await configured.text()).toBe(200)
  return id
}

/** From the event page to the meetings area, then the registration form. */
async function register(page: Page, eventId: string, role: string, offer: string): Promise<void> {
  await page.goto(`/events/${eventId}`)
  await page.getByTestId('brokerage-link').click()
  await page.getByTestId('register-form').waitFor()
  await page.getByTestId('participant-role').selectOption(role)
  await page.getByTestId('participant-offer').fill(offer)
  await page.getByTestId('register-brokerage').click()
  await page.locator('[data-testid="participant-status"][data-status="confirmed"]').waitFor()
}

/** The participant's agenda in the browser, and the same meeting in their personal iCalendar feed. */
async function checkAgendaAndFeed(page: Page, eventId: string, otherName: string): Promise<void> {
  await page.goto(`/events/${eventId}/brokerage`)
  await page.getByTestId('tab-agenda').click()
  const item = page.getByTestId('agenda-item')
  await item.waitFor()
  expect(await item.count()).toBe(1)
  expect(await item.getByTestId('agenda-with').innerText()).toBe(otherName)
  const meetingId = (await item.getAttribute('data-meeting-id')) as string
  const agenda = (await (await page.request.get(`/api/events/${eventId}/brokerage/agenda`)).json()) as { agenda: { items: { meetingId: string; startsAt: string; endsAt: string }[] } }
  const meeting = agenda.agenda.items[0] as { meetingId: string; startsAt: string; endsAt: string }
  expect(meeting.meetingId).toBe(meetingId)
  // Rome time on the page: the slots of the 09:00–10:00 session.
  const [start, end] = [toRomeLocal(new Date(meeting.startsAt)).slice(11), toRomeLocal(new Date(meeting.endsAt)).slice(11)]
  expect(['09:00', '09:20', '09:40']).toContain(start)
  expect(await item.innerText()).toContain(`${start}–${end}`)
  expect(await page.getByTestId('agenda-pdf').getAttribute('href')).toContain(`/api/events/${eventId}/brokerage/agenda.pdf`)

  await page.getByTestId('create-feed').click()
  const feedUrl = await page.getByTestId('feed-url-value').innerText()
  const feed = await (await page.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, url))).text()
  const entry = parseVevents(feed).find((e) => e.UID === `meeting-${meetingId}@clock`)
  expect(entry, feed).toBeTruthy()
  expect(entry?.SUMMARY).toContain(otherName)
  expect(entry?.DTSTART).toBe(new Date(meeting.startsAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''))
}

describe('brokerage meetings in Chromium', () => {
  it('two participants register, one asks, the other accepts, the organiser schedules and publishes, both see the meeting', async () => {
    const organiser = await signedIn('manager.materials@clock.demo')
    const eventId = await matchmakingEvent(organiser)
    const [buyer, seller] = await Promise.all([signedIn('member@clock.demo'), signedIn('orgadmin@clock.demo')])

    await Promise.all([
      register(buyer, eventId, 'buyer', 'Cerchiamo rivestimenti antivirali per superfici ospedaliere'),
      register(seller, eventId, 'seller', 'Rivestimenti antivirali a base di nanoparticelle'),
    ])

    await buyer.screenshot({ path: '/tmp/brokerage-overview.png', fullPage: true })
    // The matchmaking engine suggests the seller to the buyer, with its reasons.
    await buyer.getByTestId('tab-suggestions').click()
    const suggestion = buyer.getByTestId('suggestion').filter({ hasText: 'Marco Imprenditore' })
    await suggestion.locator('[data-testid="reasons"] li[data-kind="complementary_roles"]').waitFor()

    // The buyer finds the seller among the participants and asks for a meeting.
    await buyer.getByTestId('tab-people').click()
    await buyer.getByTestId('people-role').selectOption('seller')
    await buyer.locator('[data-testid="people-count"][data-count="1"]').waitFor()
    await buyer.screenshot({ path: '/tmp/brokerage-people.png', fullPage: true })
    const card = buyer.getByTestId('participant').filter({ hasText: 'Marco Imprenditore' })
    await card.getByTestId('request-meeting').click()
    await card.getByTestId('request-message').fill('Parliamo di un progetto comune?')
    await card.getByTestId('send-request').click()
    await card.locator('[data-testid="request-state"][data-status="pending"]').waitFor()

    // The seller accepts it.
    await seller.getByTestId('tab-requests').click()
    const incoming = seller.getByTestId('incoming-request').filter({ hasText: 'Sara Ricercatrice' })
    expect(await incoming.innerText()).toContain('Parliamo di un progetto comune?')
    await incoming.getByTestId('accept-request').click()
    await seller.locator('[data-testid="incoming-request"][data-status="accepted"]').waitFor()
    await seller.screenshot({ path: '/tmp/brokerage-requests.png', fullPage: true })

    // The organiser runs the scheduler, reads the result and the table plan, and publishes the final agenda.
    await organiser.goto(`/events/${eventId}/brokerage/schedule`)
    await organiser.getByTestId('plan-empty').waitFor()
    await organiser.getByTestId('run-scheduler').click()
    await organiser.getByTestId('run-result').waitFor()
    expect(await organiser.getByTestId('scheduled-count').getAttribute('data-count')).toBe('1')
    expect(await organiser.getByTestId('unscheduled-count').getAttribute('data-count')).toBe('0')
    const planned = organiser.getByTestId('plan-meeting')
    expect(await planned.innerText()).toContain('Sara Ricercatrice')
    expect(await planned.getAttribute('data-published')).toBe('false')
    // Moved by hand to the first free place the server offers.
    await planned.getByTestId('move-meeting').click()
    const choice = organiser.getByTestId('move-choice')
    await choice.locator('option').nth(1).waitFor({ state: 'attached' })
    const target = (await choice.locator('option').nth(1).getAttribute('value')) as string
    await choice.selectOption(target)
    await organiser.getByTestId('move-submit').click()
    await organiser.getByTestId('move-form').waitFor({ state: 'detached' })
    const [slot, table] = target.split('|') as [string, string]
    const after = ((await (await organiser.request.get(`/api/events/${eventId}/brokerage/schedule`)).json()) as { schedule: { meetings: { slot: number; table: number | string }[] } }).schedule.meetings
    expect(after.map((m) => `${m.slot}|${String(m.table)}`)).toEqual([`${slot}|${table}`])
    organiser.once('dialog', (dialog) => void dialog.accept())
    await organiser.getByTestId('publish-final').click()
    await organiser.locator('[data-testid="schedule-status"][data-status="final"]').waitFor()
    expect(await organiser.getByTestId('unpublished-count').getAttribute('data-count')).toBe('0')
    await organiser.screenshot({ path: '/tmp/brokerage-schedule.png', fullPage: true })

    await Promise.all([checkAgendaAndFeed(buyer, eventId, 'Marco Imprenditore'), checkAgendaAndFeed(seller, eventId, 'Sara Ricercatrice')])
    await buyer.screenshot({ path: '/tmp/brokerage-agenda.png', fullPage: true })
  })

  it('lets the organiser configure through the form, approve a registration, and read the statistics', async () => {
    const organiser = await signedIn('manager.materials@clock.demo')
    const created = await organiser.request.post('/api/events', {
      data: { kind: 'matchmaking', titleIt: 'Incontri R2B sulla fotonica', titleEn: 'R2B meetings on photonics', startsAt: `${day(40)}T09:00`, endsAt: `${day(40)}T13:00`, virtualUrl: 'https://meet.example/r2b', organiserSlugs: ['tuscany-advanced-materials'] },
    })
    const eventId = ((await created.json()) as { event: { id: string } }).event.id
    await organiser.goto(`/events/${eventId}`)
    await organiser.getByTestId('brokerage-link').click()
    await organiser.getByTestId('config-form').waitFor()
    await organiser.getByTestId('config-approval').check()
    await organiser.getByTestId('config-minutes').fill('30')
    await organiser.screenshot({ path: '/tmp/brokerage-config.png', fullPage: true })
    await organiser.getByTestId('save-config').click()
    await organiser.getByTestId('brokerage-facts').waitFor()
    expect(await organiser.getByTestId('brokerage-facts').innerText()).toContain('09:00–13:00')

    const participant = await signedIn('evaluator@clock.demo')
    await participant.goto(`/events/${eventId}/brokerage`)
    await participant.getByTestId('participant-role').selectOption('seller')
    await participant.getByTestId('register-brokerage').click()
    await participant.locator('[data-testid="participant-status"][data-status="pending"]').waitFor()

    await organiser.getByTestId('tab-registrations').click()
    await organiser.locator('[data-testid="registration-row"][data-status="pending"]').getByTestId('approve-participant').click()
    await organiser.locator('[data-testid="registration-row"][data-status="confirmed"]').waitFor()
    await participant.reload()
    await participant.locator('[data-testid="participant-status"][data-status="confirmed"]').waitFor()

    await organiser.getByTestId('tab-stats').click()
    await organiser.getByTestId('stats').waitFor()
    expect(await organiser.getByTestId('stats-participants').innerText()).toBe('1')
    const csv = await organiser.request.get((await organiser.getByTestId('export-participants.csv').getAttribute('href')) as string)
    expect(csv.status()).toBe(200)
    expect(await csv.text()).toContain('Anna Valutatrice')
  })
})

describe('the demo B2B meetings', () => {
  it('the demo organisation’s admin answers the request waiting for them; the district manager schedules the accepted ones', async () => {
    const event = await server.db.selectFrom('events').select('id').where('title_it', '=', demoBrokerageTitle).executeTakeFirstOrThrow()
    const admin = await signedIn('orgadmin@clock.demo')
    await admin.goto(`/events/${event.id}`)
    await admin.getByTestId('brokerage-link').click()
    await admin.locator('[data-testid="participant-status"][data-status="confirmed"]').waitFor()
    await admin.getByTestId('tab-requests').click()
    const waiting = admin.locator('[data-testid="incoming-request"][data-status="pending"]')
    await waiting.first().waitFor()
    expect(await waiting.count()).toBe(1)
    await waiting.getByTestId('accept-request').click()
    await admin.locator('[data-testid="incoming-request"][data-status="accepted"]').waitFor()

    const accepted = await server.db.selectFrom('brokerage_requests').select('id').where('event_id', '=', event.id).where('status', '=', 'accepted').execute()
    const manager = await signedIn('manager.materials@clock.demo')
    await manager.goto(`/events/${event.id}/brokerage/schedule`)
    await manager.getByTestId('plan-empty').waitFor()
    await manager.getByTestId('run-scheduler').click()
    await manager.getByTestId('run-result').waitFor()
    expect(await manager.getByTestId('scheduled-count').getAttribute('data-count')).toBe(String(accepted.length))
    expect(await manager.getByTestId('unscheduled-count').getAttribute('data-count')).toBe('0')
  })
})
