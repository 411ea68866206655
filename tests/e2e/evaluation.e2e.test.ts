import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/platform/db.js'
import { createUser, signInAs } from '../../src/platform/testing.js'
import { demoPassword, launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

// From a published call to a ranked list. What is slow to click through is set up through the API
// (proposals submitted before the deadline, then the deadline moved into the past, the other experts'
// reports); the browser drives the officer's assignment, one evaluator's report and consensus, and the ranking.

let server: TestServer
let app: FastifyInstance
let db: Db
let url: string
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  app = server.app
  db = server.db
  url = server.url
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const day = 24 * 60 * 60 * 1000
const euros = (amount: number): number => amount * 100

async function send(method: 'GET' | 'POST' | 'PUT', path: string, cookie: string, payload?: object): Promise<LightMyRequestResponse> {
  const response = await app.inject({ method, url: path, headers: { cookie }, ...(payload && { payload: payload as Record<string, unknown> }) })
  expect(response.statusCode, `${method} ${path}: ${response.body}`).toBeLessThan(300)
  return response
}

async function organisation(type: 'sme' | 'university', offset: number): Promise<string> {
  const row = await db.selectFrom('organisations').select('id').where('type', '=', type).orderBy('legal_name').offset(offset).limit(1).executeTakeFirstOrThrow()
  return row.id
}

const sheet = (excellence: number, impact: number): { criterion: string; score: number; comment: string }[] => [
  { criterion: 'excellence', score: excellence, comment: `Eccellenza ${excellence}: metodo chiaro.` },
  { criterion: 'impact', score: impact, comment: `Impatto ${impact}: la filiera ne beneficia.` },
]

describe('evaluation and ranking', () => {
  it('the demo’s closed call is there to read: the officer opens its ranking and its grants, the evaluator finds last year’s work done', async () => {
    const officer = await newPage(browser, url)
    await signIn(officer.page, 'officer@clock.demo')
    await officer.page.goto('/calls')
    const card = officer.page.getByTestId('call-card').filter({ hasText: 'Innovazione di filiera nei distretti 2025' })
    expect(await card.textContent()).toContain('Chiuso')
    await card.getByRole('link').click()
    await officer.page.getByTestId('ranking-link').click()
    await officer.page.getByTestId('ranking-page').waitFor()
    await expect.poll(() => officer.page.getByTestId('ranking-row').count()).toBeGreaterThanOrEqual(5)
    const statuses = await officer.page.getByTestId('ranking-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))
    expect(statuses).toContain('funded')
    expect(statuses).toContain('reserve')
    expect(statuses).not.toContain('pending')
    // The decisions that followed: the grants, the advances paid and one research contract.
    await officer.page.goBack()
    await officer.page.getByTestId('funding-link').click()
    const totals = officer.page.getByTestId('funding-totals')
    await totals.waitFor()
    expect(await totals.textContent()).toMatch(/1 per 45\.000/)
    await expect.poll(() => officer.page.getByTestId('funding-row').count()).toBe(statuses.length)

    const evaluator = await newPage(browser, url)
    await signIn(evaluator.page, 'evaluator@clock.demo')
    await evaluator.page.goto('/calls/evaluations')
    await evaluator.page.getByTestId('my-evaluations-page').waitFor()
    await expect.poll(() => evaluator.page.getByTestId('my-evaluation').count()).toBeGreaterThan(0)
    expect(new Set(await evaluator.page.getByTestId('my-evaluation-state').allTextContents())).toEqual(new Set(['Conclusa']))
    await officer.context.close()
    await evaluator.context.close()
  })

  it('the officer assigns evaluators with reasons, an evaluator scores, the rapporteur agrees the consensus, the officer sees the ranking and the indicators', async () => {
    const officerCookie = await signInAs(app, { email: 'officer@clock.demo', password: demoPassword })
    const annaCookie = await signInAs(app, { email: 'evaluator@clock.demo', password: demoPassword })
    const anna = (await send('GET', '/api/auth/me', annaCookie)).json().user.id as string

    // A call with two lines: line A's budget funds one of its two proposals, the other goes to the reserve list.
    const created = await send('POST', '/api/calls', officerCookie, {
      titleIt: 'Bando e2e valutazione',
      titleEn: 'E2E evaluation call',
      opensAt: new Date(Date.now() - 10 * day).toISOString(),
      closesAt: new Date(Date.now() + 10 * day).toISOString(),
      lines: [
        { code: 'A', titleIt: 'Soci', titleEn: 'Members', budgetCents: euros(220_000) },
        { code: 'B', titleIt: 'Nuovi soci', titleEn: 'New members', budgetCents: euros(1_000_000) },
      ],
      criteria: [
        { code: 'excellence', nameIt: 'Eccellenza', nameEn: 'Excellence', weight: 60, threshold: 3 },
        { code: 'impact', nameIt: 'Impatto', nameEn: 'Impact', weight: 40, threshold: 2 },
      ],
      evaluation: { evaluatorsPerProposal: 3 },
    })
    const callId = created.json().call.id as string
    await send('POST', `/api/calls/${callId}/publish`, officerCookie)

    // Single-firm projects of 250,000 EUR: each grant is between 112,500 (large firm) and 162,500 EUR (small one).
    const [leadA1, leadA2, leadB1, provider] = await Promise.all([organisation('sme', 0), organisation('sme', 1), organisation('sme', 2), organisation('university', 0)])
    const applicant = await signInAs(app, await createUser(db, { organisations: [leadA1, leadA2, leadB1].map((id) => ({ id, role: 'admin' as const })) }))
    const costs = { industrialResearch: euros(200_000), experimentalDevelopment: euros(50_000), other: 0 }
    const submit = async (lead: string, line: string, title: string, taxonomyCode: string): Promise<string> => {
      const proposal = await send('POST', `/api/calls/${callId}/proposals`, applicant, { leadOrganisationId: lead, line, title, abstract: `${title}: un progetto di prova.`, taxonomyCode, trlStart: 4, trlEnd: 7, partners: [{ organisationId: lead, costs }] })
      const id = proposal.json().proposal.id as string
      await send('POST', `/api/proposals/${id}/submit`, applicant)
      return id
    }
    const a1 = await submit(leadA1, 'A', 'Rivestimenti antibatterici', 'CN.02')
    const a2 = await submit(leadA2, 'A', 'Gemello digitale del marmo', 'SF.01')
    const b1 = await submit(leadB1, 'B', 'Tessili tecnici riciclati', 'CN.03')
    await send('PUT', `/api/proposals/${a1}/providers`, applicant, { providers: [{ organisationId: provider, service: 'Prove di laboratorio', amountCents: euros(40_000) }] })
    await db.updateTable('calls').set({ closes_at: new Date(Date.now() - 60_000) }).where('id', '=', callId).execute()

    // The pool: the demo evaluator and two more experts, named so that the demo one sorts first. The demo's other
    // evaluators (they scored last year's closed call) step aside.
    await db.deleteFrom('user_roles').where('role', '=', 'evaluator').where('user_id', '!=', anna).execute()
    const experts = await Promise.all(['Bruno Esperto', 'Chiara Esperta'].map(async (fullName) => {
      const user = await createUser(db, { roles: ['evaluator'] })
      await db.updateTable('users').set({ full_name: fullName }).where('id', '=', user.id).execute()
      return { id: user.id, cookie: await signInAs(app, user) }
    }))
    const [bruno, chiara] = experts as [(typeof experts)[number], (typeof experts)[number]]
    await send('PUT', `/api/evaluators/${anna}/profile`, officerCookie, { organisationId: null, expertise: ['CN'] })
    await send('PUT', `/api/evaluators/${bruno.id}/profile`, officerCookie, { organisationId: null, expertise: ['CN.02'] })
    await send('PUT', `/api/evaluators/${chiara.id}/profile`, officerCookie, { organisationId: null, expertise: ['SF'] })

    // The officer runs the assignment from the call page and reads why each expert was chosen.
    const officer = await newPage(browser, url)
    await signIn(officer.page, 'officer@clock.demo')
    await officer.page.goto(`/calls/${callId}`)
    await officer.page.getByTestId('evaluation-link').click()
    await officer.page.getByTestId('assignment-page').waitFor()
    await officer.page.getByTestId('run-assignment').click()
    await expect.poll(() => officer.page.getByTestId('assignment-row').count()).toBe(9)
    const coatings = officer.page.getByTestId('assignment-proposal').filter({ hasText: 'Rivestimenti antibatterici' })
    const brunoReasons = await coatings.getByTestId('assignment-row').filter({ hasText: 'Bruno Esperto' }).getByTestId('assignment-reasons').textContent()
    expect(brunoReasons).toContain('CN.02')
    expect(brunoReasons).toContain('la priorità stessa della proposta')
    expect(await coatings.getByTestId('assignment-row').filter({ hasText: 'Anna Valutatrice' }).getByTestId('assignment-reasons').textContent()).toContain("Esperto dell'intera area")
    expect(await coatings.getByTestId('assignment-row').filter({ hasText: 'Chiara Esperta' }).getByTestId('assignment-reasons').textContent()).toContain('Nessuna competenza su questa priorità')
    // Anna, first on every panel, is the rapporteur unless the officer picks someone else: Bruno for the textiles.
    expect(await coatings.getByTestId('assignment-row').filter({ hasText: 'Anna Valutatrice' }).getByTestId('rapporteur-badge').count()).toBe(1)
    const textiles = officer.page.getByTestId('assignment-proposal').filter({ hasText: 'Tessili tecnici riciclati' })
    await textiles.getByTestId('assignment-row').filter({ hasText: 'Bruno Esperto' }).getByTestId('make-rapporteur').click()
    await expect.poll(() => textiles.getByTestId('assignment-row').filter({ hasText: 'Bruno Esperto' }).getByTestId('rapporteur-badge').count()).toBe(1)

    // The other reports arrive through the API.
    const scores: Record<string, [number, number]> = { [a1]: [4.5, 4], [a2]: [3.5, 3], [b1]: [4, 3.5] }
    for (const [proposal, [excellence, impact]] of Object.entries(scores)) {
      for (const expert of [bruno, chiara]) await send('PUT', `/api/proposals/${proposal}/evaluation/report`, expert.cookie, { scores: sheet(excellence, impact) })
    }
    await send('PUT', `/api/proposals/${a2}/evaluation/report`, annaCookie, { scores: sheet(3.5, 3) })
    await send('PUT', `/api/proposals/${b1}/evaluation/report`, annaCookie, { scores: sheet(4, 3.5) })
    await send('PUT', `/api/proposals/${a2}/evaluation/consensus`, annaCookie, { scores: sheet(3.5, 3), comment: 'Solido ma meno innovativo.' })

    // Anna finds her assignments from the account menu, scores the coatings, then writes its consensus.
    const evaluator = await newPage(browser, url)
    await signIn(evaluator.page, 'evaluator@clock.demo')
    await evaluator.page.getByTestId('account-menu').click()
    await evaluator.page.getByTestId('my-evaluations-menu').click()
    await evaluator.page.getByTestId('my-evaluations-page').waitFor()
    const row = evaluator.page.getByTestId('my-evaluation').filter({ hasText: 'Rivestimenti antibatterici' })
    expect(await row.getByTestId('my-evaluation-state').textContent()).toBe('Da valutare')
    expect(await evaluator.page.getByTestId('my-expertise').textContent()).toContain('(CN)')
    await row.getByRole('link').click()
    await evaluator.page.getByTestId('report-form').waitFor()
    await evaluator.page.getByTestId('score-excellence').selectOption('4.5')
    await evaluator.page.getByTestId('comment-excellence').fill('Rivestimenti nuovi, metodo solido.')
    await evaluator.page.getByTestId('score-impact').selectOption('4')
    await evaluator.page.getByTestId('comment-impact').fill('Utile a tutta la filiera sanitaria.')
    await evaluator.page.getByTestId('submit-report').click()
    await evaluator.page.getByTestId('my-report').waitFor()
    expect(await evaluator.page.getByTestId('consensus-score-excellence').inputValue()).toBe('4.5')
    await evaluator.page.getByTestId('consensus-comment-excellence').fill('Il gruppo concorda: eccellente.')
    await evaluator.page.getByTestId('consensus-comment-impact').fill('Il gruppo concorda: impatto alto.')
    await evaluator.page.getByTestId('consensus-summary').fill('Proposta eccellente, da finanziare.')
    await evaluator.page.getByTestId('submit-consensus').click()
    // 0.6 × 4.5 + 0.4 × 4 = 4.3
    await expect.poll(() => evaluator.page.getByTestId('consensus-total').textContent()).toContain('4,3')

    await send('PUT', `/api/proposals/${b1}/evaluation/consensus`, bruno.cookie, { scores: sheet(4, 3.5), comment: 'Buon progetto.' })

    // The officer's ranking: line A funds the coatings and keeps the marble twin in reserve; line B funds the textiles.
    await officer.page.getByTestId('ranking-link').click()
    await officer.page.getByTestId('ranking-page').waitFor()
    const lineA = officer.page.locator('[data-testid="ranking-line"][data-line="A"]')
    await expect.poll(() => lineA.getByTestId('ranking-row').count()).toBe(2)
    expect(await lineA.getByTestId('ranking-row').first().getAttribute('data-status')).toBe('funded')
    expect(await lineA.getByTestId('ranking-row').first().textContent()).toContain('Rivestimenti antibatterici')
    expect(await lineA.getByTestId('ranking-row').nth(1).getAttribute('data-status')).toBe('reserve')
    expect(await lineA.getByTestId('ranking-row').nth(1).getByTestId('ranking-status').textContent()).toContain('In riserva')
    const lineB = officer.page.locator('[data-testid="ranking-line"][data-line="B"]')
    expect(await lineB.getByTestId('ranking-row').first().getAttribute('data-status')).toBe('funded')

    await officer.page.getByTestId('indicators').waitFor()
    const indicator = async (key: string): Promise<string[]> => (await officer.page.getByTestId(`indicator-${key}`).locator('td:not(:first-child)').allTextContents()).map((text) => text.replace(/\s/g, ' '))
    expect(await indicator('submittedProjects')).toEqual(['2', '1', '3'])
    expect(await indicator('financedProjects')).toEqual(['1', '1', '2'])
    expect(await indicator('researchContracts')).toEqual(['1', '0', '1'])
    expect((await indicator('researchContractsCents'))[0]).toBe('40.000 €')
    expect(await indicator('researchOrganisationsInvolved')).toEqual(['1', '0', '1'])
    expect(await indicator('enterprisesInvolved')).toEqual(['1', '1', '2'])
    expect(await indicator('totalInvestmentCents')).toEqual(['250.000 €', '250.000 €', '500.000 €'])

    // Line B's unspent budget funds line A's reserve list, with the reason on record.
    await officer.page.getByTestId('move-from').selectOption('B')
    await officer.page.getByTestId('move-to').selectOption('A')
    await officer.page.getByTestId('move-amount').fill('200.000')
    await officer.page.getByTestId('move-reason').fill('La linea B non esaurisce la dotazione.')
    await officer.page.getByTestId('move-submit').click()
    await expect.poll(() => lineA.getByTestId('ranking-row').nth(1).getAttribute('data-status')).toBe('funded')
    expect(await officer.page.getByTestId('budget-moves').textContent()).toContain('La linea B non esaurisce la dotazione.')
    await expect.poll(() => indicator('financedProjects')).toEqual(['2', '1', '3'])

    await officer.context.close()
    await evaluator.context.close()
  })
})
