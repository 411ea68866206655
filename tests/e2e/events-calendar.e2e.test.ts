import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { romeDateIn, toRomeLocal } from '../../src/platform/rome-time.js'
import { launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

let server: TestServer
let url: string
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  url = server.url
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

type Summary = { id: string; titleIt: string; startsAt: string; endsAt: string }

describe('the events calendar in Chromium', () => {
  it('shows the demo calendar as list, month and week, with filters', async () => {
    const { context, page } = await newPage(browser, url)
    await page.goto('/events?view=list')
    await page.getByTestId('event-card').first().waitFor()
    expect(await page.getByTestId('event-card').count()).toBeGreaterThan(10)
    await page.getByTestId('view-month').click()
    await page.getByTestId('month-view').waitFor()
    await page.getByTestId('view-week').click()
    await page.getByTestId('week-view').waitFor()
    await page.getByTestId('view-list').click()
    await page.getByTestId('filter-kind').selectOption('training')
    await page.waitForURL(/kind=training/)
    await expect.poll(async () => {
      const texts = await page.getByTestId('event-card').allInnerTexts()
      return texts.length > 0 && texts.every((text) => text.toLowerCase().includes('formazione'))
    }).toBe(true)
    await page.getByTestId('view-month').click()
    await page.getByTestId('filter-kind').selectOption('')
    await page.getByTestId('calendar-next').click()
    await page.getByTestId('calendar-event').first().waitFor()
    await page.screenshot({ path: '/tmp/events-month.png', fullPage: true })
    await context.close()
  })

  it('warns a manager of a clash before saving, and records the proposed co-organisation', async () => {
    const { context, page } = await newPage(browser, url)
    await signIn(page, 'manager.materials@clock.demo')
    const to = romeDateIn(200)
    const items = ((await (await page.request.get(`/api/events?to=${to}&district=tuscany-energy-green-economy&kind=info_day`)).json()) as { items: Summary[] }).items
    const target = items.find((item) => item.titleIt.includes('Idrogeno verde')) as Summary
    expect(target).toBeTruthy()
    const start = toRomeLocal(new Date(target.startsAt))
    const end = toRomeLocal(new Date(new Date(target.startsAt).getTime() + 2 * 3_600_000))
    await page.goto('/events/new')
    await page.getByTestId('title-it').fill('Seminario sulle celle a combustibile')
    await page.getByTestId('starts-at').fill(start)
    await page.getByTestId('ends-at').fill(end)
    await page.getByTestId('audience-smes').check()
    await page.getByTestId('virtual-url').fill('https://meet.example/celle')
    await page.getByTestId('clash-warning').waitFor()
    expect(await page.getByTestId('clash').count()).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId('clash-warning').innerText()).toContain('PMI')
    await page.getByTestId('clash-warning').screenshot({ path: '/tmp/events-clash.png' })
    await page.getByTestId('propose-coorganisation').first().check()
    await page.getByTestId('save-event').click()
    await page.getByTestId('event-page').waitFor()
    await page.getByTestId('saved').waitFor()
    await page.screenshot({ path: '/tmp/events-saved.png', fullPage: true })
    expect(await page.getByTestId('event-title').innerText()).toBe('Seminario sulle celle a combustibile')
    expect(await page.getByTestId('event-when').innerText()).toContain(start.slice(11))
    await page.getByTestId('invitation').first().waitFor()
    expect(await page.getByTestId('invitation').first().getAttribute('data-status')).toBe('pending')
    await context.close()
  })

  it('lets a member register, add to calendar, and get a personal feed', async () => {
    const { context, page } = await newPage(browser, url)
    await signIn(page, 'member@clock.demo')
    const items = ((await (await page.request.get('/api/events')).json()) as { items: (Summary & { registration: string; capacity: number | null })[] }).items
    const open = items.find((item) => item.registration === 'open') as Summary
    await page.goto(`/events/${open.id}`)
    expect(await page.getByTestId('add-to-calendar').getAttribute('href')).toContain(`/api/events/${open.id}/ics`)
    const register = page.getByTestId('register')
    if (await register.count()) await register.click()
    await page.getByTestId('my-registration').waitFor()
    expect(['confirmed', 'waitlisted']).toContain(await page.getByTestId('my-registration').getAttribute('data-status'))
    await page.goto('/events/mine')
    await page.getByTestId('create-feed').click()
    const feedUrl = await page.getByTestId('feed-url-value').innerText()
    const feed = await (await page.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, url))).text()
    expect(feed).toContain('BEGIN:VEVENT')
    expect(feed).toContain(`UID:event-${open.id}@clock`)
    await context.close()
  })

  it('shows the coordinators the overlaps', async () => {
    const { context, page } = await newPage(browser, url)
    await signIn(page, 'manager.clock@clock.demo')
    await page.goto('/events')
    await page.getByTestId('overlaps-link').click()
    await page.getByTestId('overlaps-count').waitFor()
    expect(Number(await page.getByTestId('overlaps-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(3)
    expect(await page.getByTestId('overlap').count()).toBeGreaterThanOrEqual(3)
    await context.close()
  })
})
