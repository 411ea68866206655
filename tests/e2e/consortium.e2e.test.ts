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

describe('the consortium builder', () => {
  it('a signed-in user enters an idea with a partner and sees who is missing, with the reasons', async () => {
    const { page } = await newPage(browser, server.url)
    await signIn(page, 'orgadmin@clock.demo')
    await page.goto('/marketplace')
    await page.getByTestId('nav-consortium').click()
    await page.getByTestId('consortium-form').waitFor()

    await page.getByTestId('consortium-title').fill('Gemello digitale per il taglio del marmo')
    await page.getByTestId('consortium-description').fill('Sensori e modelli per ottimizzare il taglio dei blocchi.')
    const picker = page.getByTestId('consortium-taxonomy')
    await picker.locator('details', { has: page.locator('input[value="ICT.01"]') }).locator('summary').click()
    await picker.locator('input[value="ICT.01"]').check()

    // A partner from the directory (the demo's submitted proposal has PortoTech with two others) ...
    await page.getByLabel('Aggiungi un partner dal registro').fill('PortoTech')
    await page.getByRole('button', { name: /^PortoTech S\.r\.l\./ }).click()
    // ... and one outside it, by name and country.
    await page.getByTestId('consortium-free-name').fill('Fraunhofer-Gesellschaft')
    await page.getByTestId('consortium-free-country').fill('de')
    await page.getByTestId('consortium-add-free').click()
    await expect.poll(() => page.getByTestId('consortium-partner').count()).toBe(2)

    await page.getByTestId('consortium-submit').click()
    await page.getByTestId('consortium-results').waitFor()
    const suggestions = page.getByTestId('consortium-suggestion')
    await suggestions.first().waitFor()
    expect(await suggestions.count()).toBeGreaterThan(1)
    const reasons = await page.getByTestId('consortium-results').getByTestId('consortium-reasons').allTextContents()
    expect(reasons.join(' ')).toContain('Ha lavorato con PortoTech S.r.l. in un progetto passato')
    expect(reasons.join(' ')).toContain('Competenze in')
    expect(reasons.every((text) => text.trim().length > 0)).toBe(true)

    // Each suggestion from the directory links to its page, and can join the consortium in one click.
    const worked = suggestions.filter({ hasText: 'Ha lavorato con PortoTech' }).first()
    const href = await worked.getByRole('link').first().getAttribute('href')
    expect(href).toMatch(/^\/organisations\/[0-9a-f-]{36}$/)
    await worked.getByTestId('consortium-add-suggestion').click()
    await expect.poll(() => page.getByTestId('consortium-partner').count()).toBe(3)
  })
})
