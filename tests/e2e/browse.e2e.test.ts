import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

type Summary = { id: string; legalName: string; type: string; provinceCode: string | null }

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

describe('home page', () => {
  it('presents CLOCK and the districts grouped, and is photographed for the README', async () => {
    const { context, page } = await newPage(browser, server.url)
    await page.goto('/')
    await expect.poll(() => page.getByTestId('cluster-card').count()).toBeGreaterThan(10)
    for (const group of ['tuscany', 'clock', 'piedmont', 'national']) {
      expect(await page.getByTestId(`cluster-group-${group}`).isVisible()).toBe(true)
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('it')
    expect(await page.getByTestId('data-credits').textContent()).toContain('CORDIS')

    const screenshot = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url))
    mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true })
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: screenshot, fullPage: false })

    await page.getByTestId('cluster-card').filter({ has: page.locator('a[href="/clusters/tuscany-advanced-materials"]') }).getByRole('link').click()
    await page.getByTestId('cluster-name').waitFor()
    expect(page.url()).toContain('/clusters/tuscany-advanced-materials')
    await expect.poll(() => page.locator('[data-testid="cluster-members"] tbody tr').count()).toBeGreaterThan(0)
    await context.close()
  })
})

describe('language', () => {
  it('switches from Italian to English, remembers the choice and tells the server', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'orgadmin@clock.demo')
    const nav = page.getByTestId('nav-directory')
    expect(await nav.textContent()).toBe('Elenco organizzazioni')

    await page.getByTestId('lang-en').click()
    await expect.poll(() => nav.textContent()).toBe('Directory')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    const cookies = await context.cookies()
    expect(cookies.find((cookie) => cookie.name === 'clock_lang')?.value).toBe('en')

    await page.reload()
    await expect.poll(() => page.getByTestId('nav-directory').textContent()).toBe('Directory')
    // The server translates its own messages by the same cookie.
    const refused = await page.request.get('/api/organisations/00000000-0000-4000-8000-000000000000')
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/not found/i)

    await page.getByTestId('lang-it').click()
    await expect.poll(() => page.getByTestId('nav-directory').textContent()).toBe('Elenco organizzazioni')
    await context.close()
  })
})

describe('directory', () => {
  it('finds an organisation from a misspelt name with filters, and keeps them in a shareable address', async () => {
    const { context, page } = await newPage(browser, server.url)
    // A real organisation of the demo data, and a typing mistake in the longest word of its name.
    const listing = await page.request.get('/api/organisations?region=ITI1&type=research_organisation&pageSize=5')
    const target = ((await listing.json()) as { items: Summary[] }).items[0] as Summary
    const word = target.legalName.split(/\s+/).sort((a, b) => b.length - a.length)[0] as string
    const typo = word.slice(0, 3) + word[3] + word.slice(3)

    await page.goto('/directory')
    await page.getByTestId('directory-q').fill(typo)
    await page.getByTestId('directory-submit').click()
    await page.getByTestId('filter-type').selectOption('research_organisation')
    await page.getByTestId('filter-region').selectOption('ITI1')

    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('ITI1')
    const url = new URL(page.url())
    expect(url.searchParams.get('q')).toBe(typo)
    expect(url.searchParams.get('type')).toBe('research_organisation')
    const card = page.getByTestId('result-card').filter({ hasText: target.legalName })
    await card.first().waitFor()
    expect(Number(await page.getByTestId('results-total').getAttribute('data-total'))).toBeGreaterThan(0)
    // The target is listed before and after the type filter applies: wait for the filtered list, not the first one.
    await expect.poll(() => page.getByTestId('result-card').filter({ hasNotText: 'Organismo di ricerca' }).count()).toBe(0)

    // The same address opened afresh shows the same filters and results.
    const second = await newPage(browser, server.url)
    await second.page.goto(url.pathname + url.search)
    expect(await second.page.getByTestId('filter-type').inputValue()).toBe('research_organisation')
    expect(await second.page.getByTestId('directory-q').inputValue()).toBe(typo)
    await second.page.getByTestId('result-card').filter({ hasText: target.legalName }).first().waitFor()
    await second.context.close()

    await card.first().getByTestId('result-link').click()
    await expect.poll(() => page.getByTestId('organisation-name').textContent()).toBe(target.legalName)
    await context.close()
  })

  it('narrows by an S3 area, including its sub-priorities', async () => {
    const { context, page } = await newPage(browser, server.url)
    await page.goto('/directory?taxonomy=CN')
    await page.getByTestId('result-card').first().waitFor()
    const total = Number(await page.getByTestId('results-total').getAttribute('data-total'))
    expect(total).toBeGreaterThan(0)
    expect(await page.getByTestId('filter-taxonomy').inputValue()).toBe('CN')
    expect(await page.getByTestId('pagination').isVisible()).toBe(total > 20)
    await context.close()
  })
})

describe('sections loaded on first visit', () => {
  it('reloads the page once when a section’s chunk is gone (a new release replaced it), then shows the section', async () => {
    const { context, page } = await newPage(browser, server.url)
    await page.goto('/')
    await page.getByTestId('cluster-card').first().waitFor()
    // The first request for the marketplace chunk fails, as it would for a page opened before a release.
    let refused = 0
    await page.route(/\/assets\/marketplace-section-[^/]+\.js$/, async (route) => {
      if (refused++ === 0) return route.fulfill({ status: 404, body: 'gone' })
      return route.continue()
    })
    const reloaded = page.waitForEvent('load')
    await page.evaluate(() => {
      window.history.pushState({}, '', '/marketplace')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    await reloaded
    await page.getByTestId('marketplace-search').waitFor()
    expect(refused).toBe(2)
    expect(new URL(page.url()).pathname).toBe('/marketplace')
    await context.close()
  })

  it('answers a missing script with 404, and an app path with the page', async () => {
    expect((await fetch(`${server.url}/assets/no-such-chunk.js`)).status).toBe(404)
    const page = await fetch(`${server.url}/marketplace/no-such-page`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
  })
})
