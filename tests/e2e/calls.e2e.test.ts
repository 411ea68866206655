import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { romeDateIn } from '../../src/platform/rome-time.js'
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

function romeLocal(offsetDays: number): string {
  return `${romeDateIn(offsetDays)}T17:00`
}

describe('funding calls', () => {
  it('an officer publishes a call; a firm drafts with live checks, submits; the officer screens it', async () => {
    const officer = await newPage(browser, server.url)
    await signIn(officer.page, 'officer@clock.demo')
    await officer.page.goto('/calls/new')
    await officer.page.getByTestId('call-title-it').fill('Bando e2e ricerca collaborativa')
    await officer.page.getByTestId('call-title-en').fill('E2E collaborative R&D call')
    await officer.page.getByTestId('call-opens').fill(romeLocal(-1))
    await officer.page.getByTestId('call-closes').fill(romeLocal(30))
    await officer.page.getByTestId('line-title-it-0').fill('Linea unica')
    await officer.page.getByTestId('line-title-en-0').fill('Single line')
    await officer.page.getByTestId('line-budget-0').fill('1.000.000')
    await officer.page.getByTestId('rule-trl-start').fill('4')
    await officer.page.getByTestId('rule-trl-end').fill('7')
    await officer.page.getByTestId('rule-research-share').check()
    await officer.page.getByTestId('save-call').click()
    await officer.page.getByTestId('publish-call').click()
    await expect.poll(() => officer.page.getByTestId('call-phase').textContent()).toBe('Aperto')
    const callUrl = officer.page.url()
    const callId = callUrl.split('/').at(-1) as string

    const firm = await newPage(browser, server.url)
    await signIn(firm.page, 'orgadmin@clock.demo')
    await firm.page.goto('/calls')
    await firm.page.getByTestId('call-card').filter({ hasText: 'Bando e2e ricerca collaborativa' }).getByRole('link').click()
    await firm.page.getByTestId('start-proposal').click()
    await firm.page.getByTestId('proposal-title').fill('Sensori per ponti')
    await firm.page.getByTestId('create-proposal').click()
    await firm.page.getByTestId('proposal-page').waitFor()

    await firm.page.getByTestId('proposal-abstract').fill('Sensori in fibra ottica per il monitoraggio dei ponti.')
    await firm.page.getByTestId('proposal-priority').selectOption({ index: 1 })
    await firm.page.getByTestId('proposal-trl-start').selectOption('4')
    await firm.page.getByTestId('proposal-trl-end').selectOption('6')
    await firm.page.getByTestId('cost-research-0').fill('100000')
    await firm.page.getByTestId('cost-development-0').fill('50000')
    await firm.page.getByTestId('save-proposal').click()
    await expect.poll(() => firm.page.getByTestId('check-trl.end').getAttribute('data-passed')).toBe('false')
    expect(await firm.page.getByTestId('check-trl.end').textContent()).toContain('Il TRL alla fine deve essere almeno 7; è 6')

    await firm.page.getByTestId('proposal-trl-end').selectOption('7')
    await firm.page.getByTestId('save-proposal').click()
    await expect.poll(() => firm.page.getByTestId('check-trl.end').getAttribute('data-passed')).toBe('true')
    await expect.poll(() => firm.page.getByTestId('grant-total').textContent()).toMatch(/Totale: /)
    await firm.page.getByTestId('submit-proposal').click()
    await firm.page.getByTestId('submitted').waitFor()
    await expect.poll(() => firm.page.getByTestId('proposal-status').textContent()).toContain('versione 1')

    await officer.page.goto(`/calls/${callId}/screening`)
    await expect.poll(() => officer.page.getByTestId('screening-row').count()).toBe(1)
    expect(await officer.page.getByTestId('screening-status').textContent()).toContain('Ammissibile')
    await officer.page.getByTestId('override').click()
    await officer.page.getByTestId('override-reason').fill('Il capofila non ha sede in Toscana.')
    await officer.page.getByTestId('override-save').click()
    await expect.poll(() => officer.page.getByTestId('screening-override').textContent()).toContain('Il capofila non ha sede in Toscana.')
    expect(await officer.page.getByTestId('screening-status').textContent()).toContain('Non ammissibile')
    await officer.context.close()
    await firm.context.close()
  })
})
