import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('EU opportunities in Chromium', () => {
  it('shows a member the open topics that fit the organisation, with the reasons and the consortium link', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'member@clock.demo')
    await page.goto('/')
    await page.getByTestId('nav-opportunities').click()
    await page.getByTestId('topic-card').first().waitFor()
    await page.getByTestId('view-mine').click()
    await page.waitForURL(/view=mine/)
    const card = page.getByTestId('mine-list').getByTestId('topic-card').filter({ hasText: /textile/i }).first()
    await card.waitFor()
    expect(await card.getByTestId('topic-status').innerText()).toBe('Aperto')
    expect(await card.getByTestId('topic-reason').count()).toBeGreaterThan(0)
    expect((await card.getByTestId('topic-reason').allInnerTexts()).join(' ')).toMatch(/competenza|parole chiave|presentazione/i)
    expect(await card.getByTestId('topic-budget').innerText()).toMatch(/\d\.\d{3}\.\d{3}\s€/)
    expect(await card.getByTestId('topic-deadline').innerText()).toMatch(/\d{4}/)
    expect(await card.getByTestId('topic-consortium').getAttribute('href')).toMatch(/^\/marketplace\/consortium\?topic=[0-9a-f-]{36}&idea=/)
    await page.screenshot({ path: '/tmp/opportunities-mine.png', fullPage: true })
    const topicTitle = await card.getByTestId('topic-title').innerText()
    await card.getByTestId('topic-consortium').click()
    await page.waitForURL(/\/marketplace\/consortium/)
    expect(await page.getByTestId('consortium-title').inputValue()).toBe(topicTitle)
    await context.close()
  })

  it('lets a district manager flag a topic to the district’s members with a note', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'manager.materials@clock.demo')
    await page.goto('/opportunities?q=robots')
    const card = page.getByTestId('topic-card').filter({ hasText: 'Collaborative robots' })
    await card.waitFor()
    await card.getByTestId('flag-open').click()
    await card.getByTestId('flag-note').fill('Utile per le imprese della meccatronica: scriveteci entro venerdì.')
    await card.getByTestId('flag-submit').click()
    await card.getByTestId('flag-done').waitFor()
    await card.getByTestId('topic-flag').waitFor()
    expect(await card.getByTestId('topic-flag').innerText()).toMatch(/meccatronica/)
    await card.getByTestId('flag-withdraw').waitFor()
    await page.screenshot({ path: '/tmp/opportunities-flag.png', fullPage: true })
    await context.close()
  })
})
