import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const demoPassword = 'clock-demo-2026'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** A fresh browser profile (no cookies, no storage) whose browser asks for Italian pages. */
export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'it-IT' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return { context, page }
}

/** Signs in through the form, as a user would, and waits for the account menu. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin')
  await page.getByTestId('signin-email').fill(email)
  await page.getByTestId('signin-password').fill(demoPassword)
  await page.getByTestId('signin-submit').click()
  await page.getByTestId('account-menu').waitFor()
}

export type Me = { id: string; locale: 'it' | 'en'; organisations: { id: string; name: string; role: 'member' | 'admin' }[] }

/** The signed-in user as the API sees it, fetched with the page's own session cookie. */
export async function me(page: Page): Promise<Me> {
  const response = await page.request.get('/api/auth/me')
  const body = (await response.json()) as { user: Me }
  return body.user
}
