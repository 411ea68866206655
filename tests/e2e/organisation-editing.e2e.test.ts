import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, me, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

type Detail = { organisation: { id: string; legalName: string; descriptionIt: string; canEdit: boolean } }

const refusal = {
  it: 'Non hai il permesso di modificare questa organizzazione.',
  en: 'You are not allowed to edit this organisation.',
}

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

async function organisation(page: Page, id: string): Promise<Detail['organisation']> {
  const response = await page.request.get(`/api/organisations/${id}`)
  return ((await response.json()) as Detail).organisation
}

async function ownOrganisationId(page: Page): Promise<string> {
  const user = await me(page)
  const owned = user.organisations[0]
  if (!owned) throw new Error('the demo account belongs to no organisation')
  return owned.id
}

describe('editing an organisation', () => {
  it('lets its administrator change the description and shows it saved', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'orgadmin@clock.demo')
    const id = await ownOrganisationId(page)
    const description = `Materiali compositi e rivestimenti antivirali: descrizione aggiornata ${Date.now()}.`

    await page.getByTestId('account-menu').click()
    await page.locator(`#account-menu-list a[href="/organisations/${id}"]`).click()
    await page.getByTestId('edit-organisation').click()
    await page.getByTestId('organisation-form').waitFor()
    expect(await page.getByTestId('edit-forbidden').count()).toBe(0)
    await page.getByTestId('field-descriptionIt').fill(description)
    await page.getByTestId('save-organisation').click()

    await page.getByTestId('saved').waitFor()
    expect(new URL(page.url()).pathname).toBe(`/organisations/${id}`)
    expect(await page.getByTestId('organisation-description').textContent()).toBe(description)
    await page.reload()
    expect(await page.getByTestId('organisation-description').textContent()).toBe(description)
    expect((await organisation(page, id)).descriptionIt).toBe(description)
    await context.close()
  })

  it('shows a field error from the server next to the field', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'orgadmin@clock.demo')
    const id = await ownOrganisationId(page)
    await page.goto(`/organisations/${id}/edit`)
    await page.getByTestId('field-vatNumber').fill('12345')
    await page.getByTestId('save-organisation').click()
    const fieldError = page.locator('.field--invalid', { has: page.getByTestId('field-vatNumber') }).getByTestId('field-error')
    await fieldError.waitFor()
    expect(await fieldError.textContent()).toContain('partita IVA')
    expect(await page.getByTestId('form-error').isVisible()).toBe(true)
    await context.close()
  })

  it('refuses a member who is not an administrator of the organisation', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'member@clock.demo')
    const id = await ownOrganisationId(page)
    await page.goto(`/organisations/${id}`)
    await page.getByTestId('organisation-name').waitFor()
    expect(await page.getByTestId('edit-organisation').count()).toBe(0)

    await page.goto(`/organisations/${id}/edit`)
    const refused = page.getByTestId('edit-forbidden')
    await refused.waitFor()
    const language = (await page.locator('html').getAttribute('lang')) as 'it' | 'en'
    expect(await refused.textContent()).toContain(refusal[language])
    await context.close()
  })

  it('hides Edit on another organisation and refuses a save through its edit address', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'orgadmin@clock.demo')
    const ownId = await ownOrganisationId(page)
    const listing = await page.request.get('/api/organisations?pageSize=5')
    const other = ((await listing.json()) as { items: { id: string }[] }).items.find((item) => item.id !== ownId)
    if (!other) throw new Error('the demo data has a single organisation')
    const before = await organisation(page, other.id)
    expect(before.canEdit).toBe(false)

    await page.goto(`/organisations/${other.id}`)
    await page.getByTestId('organisation-name').waitFor()
    expect(await page.getByTestId('edit-organisation').count()).toBe(0)

    await page.goto(`/organisations/${other.id}/edit`)
    await page.getByTestId('field-descriptionIt').fill('Descrizione che non deve essere salvata.')
    await page.getByTestId('save-organisation').click()
    const refused = page.locator('[data-testid="edit-forbidden"][data-source="server"]')
    await refused.waitFor()
    const language = (await page.locator('html').getAttribute('lang')) as 'it' | 'en'
    expect(await refused.textContent()).toContain(refusal[language])
    expect(new URL(page.url()).pathname).toBe(`/organisations/${other.id}/edit`)
    expect((await organisation(page, other.id)).descriptionIt).toBe(before.descriptionIt)
    await context.close()
  })
})

describe('editing a district', () => {
  it('lets its manager state the managing entity, and nobody else sees Edit', async () => {
    const { context, page } = await newPage(browser, server.url)
    await signIn(page, 'manager.materials@clock.demo')
    await page.goto('/clusters/tuscany-advanced-materials')
    await page.getByTestId('edit-cluster').click()
    await page.getByTestId('cluster-form').getByRole('textbox', { name: 'Soggetto gestore' }).fill('Consorzio Nuovi Materiali')
    await page.getByTestId('save-cluster').click()
    await page.getByTestId('saved').waitFor()
    expect(await page.getByTestId('managing-entity').textContent()).toBe('Consorzio Nuovi Materiali')
    await context.close()

    const other = await newPage(browser, server.url)
    await signIn(other.page, 'orgadmin@clock.demo')
    await other.page.goto('/clusters/tuscany-advanced-materials')
    await other.page.getByTestId('cluster-name').waitFor()
    expect(await other.page.getByTestId('managing-entity').textContent()).toBe('Consorzio Nuovi Materiali')
    expect(await other.page.getByTestId('edit-cluster').count()).toBe(0)
    await other.context.close()
  })
})
