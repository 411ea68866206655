import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { romeDateIn } from '../../src/platform/rome-time.js'
import { demoPassword, launchBrowser, newPage, signIn } from './browser'
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

/** A research organisation outside the SME's district, with its own administrator, created through the API. */
async function signUpResearchLab(page: Page): Promise<void> {
  const email = `lab.${Date.now()}@example.test`
  const signUp = await page.request.post('/api/auth/signup', { data: { email, password: demoPassword, fullName: 'Giulia Ricercatrice', locale: 'it' } })
  expect(signUp.status()).toBe(201)
  const created = await page.request.post('/api/organisations', {
    data: {
      legalName: 'Laboratorio Laser Superfici',
      type: 'research_organisation',
      descriptionEn: 'Laser surface engineering lab: antiviral and antibacterial coatings on steel.',
      competences: ['TR.SURF'],
      keywords: ['antiviral coating', 'laser texturing'],
    },
  })
  expect(created.status()).toBe(201)
}

describe('the marketplace', () => {
  it('an SME posts a need, the district manager approves it, a lab from elsewhere finds it in English, expresses interest, the SME accepts and records the outcome', async () => {
    const title = 'Trattamento antivirale per superfici in acciaio inox'

    const sme = await newPage(browser, server.url)
    await signIn(sme.page, 'orgadmin@clock.demo')
    await sme.page.goto('/marketplace/profiles/new')
    await sme.page.getByTestId('profile-form').waitFor()
    await sme.page.getByTestId('profile-kind').selectOption('technology_request')
    await sme.page.getByTestId('profile-district').selectOption('tuscany-advanced-materials')
    await sme.page.getByTestId('profile-title-input').fill(title)
    await sme.page.getByTestId('profile-summary-input').fill('Cerchiamo un rivestimento antivirale durevole per piani di lavoro in acciaio inox.')
    await sme.page.getByTestId('profile-description-it').fill('Componenti per cucine professionali: la superficie deve resistere ai lavaggi.')
    const picker = sme.page.getByTestId('profile-taxonomy-picker')
    await picker.locator('details', { has: sme.page.locator('input[value="TR.SURF"]') }).locator('summary').click()
    await picker.locator('input[value="TR.SURF"]').check()
    await sme.page.getByTestId('profile-trl-input').selectOption('4')
    await sme.page.getByTestId('save-and-submit').click()
    // The demo organisation may already have a similar profile: then the duplicates come first.
    await sme.page.locator('[data-testid="profile-notice"], [data-testid="duplicates"]').first().waitFor()
    if (await sme.page.getByTestId('duplicates').isVisible()) await sme.page.getByTestId('submit-anyway').click()
    await sme.page.getByTestId('profile-notice').waitFor()
    expect(await sme.page.getByTestId('profile-status').getAttribute('data-status')).toBe('submitted')
    const profileId = (await sme.page.getByTestId('profile-page').getAttribute('data-id')) as string

    const manager = await newPage(browser, server.url)
    await signIn(manager.page, 'manager.materials@clock.demo')
    await manager.page.goto('/marketplace/review')
    const waiting = manager.page.locator(`[data-testid="profile-card"][data-id="${profileId}"]`)
    // The manager sees since when it waits: sent today, as a day in Rome.
    const today = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date())
    expect(await waiting.getByTestId('profile-submitted-on').textContent()).toBe(`Inviato per la revisione il ${today}`)
    await waiting.getByTestId('profile-link').click()
    await manager.page.getByTestId('approve-profile').click()
    await manager.page.locator('[data-testid="profile-status"][data-status="published"]').waitFor()

    const lab = await newPage(browser, server.url)
    await signUpResearchLab(lab.page)
    await lab.page.goto('/marketplace')
    // The lab is told of the need among those it could answer, with the reasons, before searching at all.
    const recommended = lab.page.locator(`[data-testid="recommended-needs"] [data-testid="recommended-profile"][data-id="${profileId}"]`)
    await recommended.waitFor()
    const reasons = await recommended.getByTestId('recommendation-reasons').textContent()
    expect(reasons).toContain('Un organismo di ricerca per un fabbisogno tecnologico')
    expect(reasons).toMatch(/Termini in comune: [^·]*antivirale/)
    // And an English search finds the Italian need too.
    await lab.page.getByTestId('marketplace-q').fill('antiviral coating stainless steel')
    await lab.page.getByTestId('marketplace-submit').click()
    await lab.page.locator(`[data-testid="profile-card"][data-id="${profileId}"]`).waitFor()
    await lab.page.locator(`[data-testid="profile-card"][data-id="${profileId}"] [data-testid="profile-link"]`).click()
    await lab.page.getByTestId('interest-message').fill('Abbiamo un processo di testurizzazione laser antivirale: possiamo provarlo sui vostri campioni.')
    await lab.page.getByTestId('send-interest').click()
    await lab.page.getByTestId('interest-sent').waitFor()

    // The SME sees, on its need, who could answer it from every district, the lab among them.
    await sme.page.goto(`/marketplace/profiles/${profileId}`)
    await sme.page.getByTestId('recommended-organisations').waitFor()
    expect(await sme.page.getByTestId('recommended-organisation').count()).toBeGreaterThan(0)
    expect(Number(await sme.page.getByTestId('recommendation-score').first().getAttribute('data-score'))).toBeGreaterThan(0)

    await sme.page.goto('/marketplace/inbox')
    await sme.page.getByTestId('interests-received').getByTestId('interest-link').first().click()
    await sme.page.getByTestId('accept-interest').click()
    await sme.page.locator('[data-testid="interest-page"][data-status="accepted"]').waitFor()
    await sme.page.getByTestId('message-body').fill('Volentieri: vi mandiamo tre campioni.')
    await sme.page.getByTestId('send-message').click()
    await sme.page.getByTestId('thread-message').waitFor()
    await sme.page.getByTestId('step-kind').selectOption('meeting')
    await sme.page.getByTestId('record-step').click()
    await sme.page.locator('[data-testid="step"][data-step="meeting"]').waitFor()
    await sme.page.getByTestId('step-kind').selectOption('agreement')
    await sme.page.getByTestId('step-agreement-type').selectOption('technical_cooperation')
    await sme.page.getByTestId('step-value').fill('25.000')
    await sme.page.getByTestId('record-step').click()
    await sme.page.locator('[data-testid="step"][data-step="agreement"]').waitFor()
    expect(await sme.page.locator('[data-testid="step"][data-step="agreement"]').textContent()).toMatch(/25\.000\s€/)

    await manager.page.goto('/marketplace/funnel')
    await manager.page.getByTestId('funnel-agreement').waitFor()
    expect(Number(await manager.page.getByTestId('funnel-agreement').getAttribute('data-count'))).toBeGreaterThanOrEqual(1)
    await manager.page.getByTestId('funnel-project').waitFor()
    await manager.page.getByTestId('funnel-meetings-requested').waitFor()
    expect(await manager.page.getByTestId('funnel-meetings-held').textContent()).toMatch(/^(Incontri svolti|Meetings held)/)
    for (const session of [sme, manager, lab]) await session.context.close()
  })

  it('shows likely duplicates before sending a profile for review', async () => {
    const sme = await newPage(browser, server.url)
    await signIn(sme.page, 'orgadmin@clock.demo')
    const user = (await (await sme.page.request.get('/api/auth/me')).json()) as { user: { organisations: { id: string }[] } }
    const first = await sme.page.request.post('/api/profiles', {
      data: {
        organisationId: user.user.organisations[0]?.id,
        kind: 'business_request',
        districtSlug: 'tuscany-advanced-materials',
        title: 'Cerchiamo distributori di compositi in Germania',
        expiresOn: romeDateIn(90),
      },
    })
    expect(first.status()).toBe(201)
    await sme.page.goto('/marketplace/profiles/new')
    await sme.page.getByTestId('profile-kind').selectOption('business_request')
    await sme.page.getByTestId('profile-district').selectOption('tuscany-advanced-materials')
    await sme.page.getByTestId('profile-title-input').fill('Cerchiamo distributori di materiali compositi in Germania')
    await sme.page.getByTestId('profile-summary-input').fill('Rete commerciale per laminati compositi.')
    await sme.page.getByTestId('profile-description-it').fill('Cerchiamo distributori con magazzino in Baviera.')
    const picker = sme.page.getByTestId('profile-taxonomy-picker')
    await picker.locator('details', { has: sme.page.locator('input[value="CN.03"]') }).locator('summary').click()
    await picker.locator('input[value="CN.03"]').check()
    await sme.page.getByTestId('save-and-submit').click()
    await sme.page.getByTestId('duplicates').waitFor()
    expect(await sme.page.getByTestId('duplicate-list').textContent()).toContain('Cerchiamo distributori di compositi in Germania')
    await sme.page.getByTestId('submit-anyway').click()
    await sme.page.getByTestId('profile-notice').waitFor()
    expect(await sme.page.getByTestId('profile-status').getAttribute('data-status')).toBe('submitted')
    await sme.context.close()
  })

  it('shows a visitor the published profiles only, and asks to sign in to answer', async () => {
    const visitor = await newPage(browser, server.url)
    await visitor.page.goto('/marketplace')
    await visitor.page.getByTestId('results-total').waitFor()
    expect(await visitor.page.getByTestId('nav-inbox').count()).toBe(0)
    const cards = visitor.page.getByTestId('profile-card')
    if ((await cards.count()) > 0) {
      await cards.first().getByTestId('profile-link').click()
      await visitor.page.getByTestId('interest-signin').waitFor()
    }
    await visitor.context.close()
  })

  it('filters by kind and organisation type, keeps them in a shareable address, counts them and clears them', async () => {
    const { page, context } = await newPage(browser, server.url)
    const expected = (await (await page.request.get('/api/profiles?kind=technology_request&organisationType=sme&pageSize=1')).json()).total as number
    const all = (await (await page.request.get('/api/profiles?pageSize=1')).json()).total as number
    expect(expected).toBeGreaterThan(0)
    expect(expected).toBeLessThan(all)
    await page.goto('/marketplace')
    await page.getByTestId('results-total').waitFor()
    await page.getByTestId('filter-kind').selectOption('technology_request')
    await page.getByTestId('filter-organisation-type').selectOption('sme')
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe('kind=technology_request&organisationType=sme')
    await expect.poll(() => page.getByTestId('results-total').getAttribute('data-total')).toBe(String(expected))
    expect(await page.getByTestId('filters').locator('summary .badge').textContent()).toContain('2')

    // The address alone brings the same results back.
    await page.goto(`/marketplace?${new URL(page.url()).searchParams}`)
    await expect.poll(() => page.getByTestId('results-total').getAttribute('data-total')).toBe(String(expected))
    await page.getByTestId('clear-filters').click()
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await expect.poll(() => page.getByTestId('results-total').getAttribute('data-total')).toBe(String(all))
    await context.close()
  })

  it('corrects a misspelt word and says so', async () => {
    const visitor = await newPage(browser, server.url)
    const listed = await visitor.page.request.get('/api/profiles?pageSize=1')
    const title: string = (await listed.json()).items[0].title
    const word = title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z]+/)
      .sort((a, b) => b.length - a.length)[0] as string
    expect(word.length).toBeGreaterThan(6)
    // Two inner letters swapped: a word no profile uses.
    const misspelt = word.slice(0, 2) + word[3] + word[2] + word.slice(4)
    await visitor.page.goto('/marketplace')
    await visitor.page.getByTestId('marketplace-q').fill(misspelt)
    await visitor.page.getByTestId('marketplace-submit').click()
    const correction = visitor.page.getByTestId('search-correction')
    await correction.waitFor()
    expect(await correction.textContent()).toContain(word)
    expect(await visitor.page.getByTestId('profile-card').count()).toBeGreaterThan(0)
    await visitor.context.close()
  })
})
