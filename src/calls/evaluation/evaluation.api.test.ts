import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../../platform/testing.js'

let ctx: TestContext
let officer: string
let officerId: string
let leadCookie: string
let researchAdmin: string
let lead: string
let research: string
let provider: string
const evaluators: { id: string; cookie: string }[] = []

const day = 24 * 60 * 60 * 1000
const M = 100_000_000

async function organisationOfType(type: 'sme' | 'university', offset = 0): Promise<string> {
  const row = await ctx.db.selectFrom('organisations').select('id').where('type', '=', type).orderBy('legal_name').offset(offset).limit(1).executeTakeFirstOrThrow()
  return row.id
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  ctx.app.inject({ method, url, ...(cookie && { headers: { cookie } }), ...(payload !== undefined && { payload: payload as Record<string, unknown> }) })

async function newEvaluator(organisationId: string | null, expertise: string[]): Promise<{ id: string; cookie: string }> {
  const user = await createUser(ctx.db, { roles: ['evaluator'], locale: 'en' })
  const profile = await inject('PUT', `/api/evaluators/${user.id}/profile`, officer, { organisationId, expertise })
  expect(profile.statusCode, profile.body).toBe(200)
  const evaluator = { id: user.id, cookie: await signInAs(ctx.app, user) }
  evaluators.push(evaluator)
  return evaluator
}

const costs = (industrialResearch: number, experimentalDevelopment: number): Record<string, number> => ({ industrialResearch, experimentalDevelopment, other: 0 })

async function submittedProposal(callId: string, line: string, title: string, taxonomyCode: string, withResearch: boolean): Promise<string> {
  const partners = [{ organisationId: lead, costs: costs(30_000_000, 10_000_000) }, ...(withResearch ? [{ organisationId: research, costs: costs(10_000_000, 0) }] : [])]
  const created = await inject('POST', `/api/calls/${callId}/proposals`, leadCookie, { leadOrganisationId: lead, line, title, abstract: `${title}.`, taxonomyCode, trlStart: 4, trlEnd: 7, partners })
  expect(created.statusCode, created.body).toBe(201)
  const id = created.json().proposal.id as string
  if (withResearch) expect((await inject('POST', `/api/proposals/${id}/partners/${research}/confirm`, researchAdmin)).statusCode).toBe(200)
  const submitted = await inject('POST', `/api/proposals/${id}/submit`, leadCookie)
  expect(submitted.statusCode, submitted.body).toBe(200)
  return id
}

const criteria = [
  { code: 'excellence', nameIt: 'Eccellenza', nameEn: 'Excellence', weight: 60, threshold: 3 },
  { code: 'impact', nameIt: 'Impatto', nameEn: 'Impact', weight: 40, threshold: 2 },
]

function sheet(excellence: number, impact: number): { criterion: string; score: number; comment: string }[] {
  return [
    { criterion: 'excellence', score: excellence, comment: `Excellence ${excellence}: the method is clear.` },
    { criterion: 'impact', score: impact, comment: `Impact ${impact}: the supply chain gains.` },
  ]
}

let callId: string
let p1: string
let p2: string
let p3: string
let grants: Record<string, number>

beforeAll(async () => {
  ctx = await createTestContext()
  // The pool is every user with the evaluator role: the demo's evaluators step aside so that this file's are the whole pool.
  await ctx.db.deleteFrom('user_roles').where('role', '=', 'evaluator').execute()
  lead = await organisationOfType('sme')
  research = await organisationOfType('university')
  provider = await organisationOfType('university', 1)
  const officerUser = await createUser(ctx.db, { roles: ['ma_officer'], locale: 'en' })
  officerId = officerUser.id
  officer = await signInAs(ctx.app, officerUser)
  leadCookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: lead, role: 'member' }] }))
  researchAdmin = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: research, role: 'admin' }] }))

  const created = await inject('POST', '/api/calls', officer, {
    titleIt: 'Bando valutazione',
    titleEn: 'Evaluation call',
    opensAt: new Date(Date.now() - 10 * day).toISOString(),
    closesAt: new Date(Date.now() + 10 * day).toISOString(),
    lines: [
      { code: 'A', titleIt: 'Linea A', titleEn: 'Line A', budgetCents: 10 * M },
      { code: 'B', titleIt: 'Linea B', titleEn: 'Line B', budgetCents: 10 * M },
    ],
    criteria,
    evaluation: { evaluatorsPerProposal: 3, overallThreshold: 3 },
  })
  expect(created.statusCode, created.body).toBe(201)
  expect(created.json().call.evaluation).toEqual({ evaluatorsPerProposal: 3, overallThreshold: 3 })
  callId = created.json().call.id
  expect((await inject('POST', `/api/calls/${callId}/publish`, officer)).statusCode).toBe(200)
  p1 = await submittedProposal(callId, 'A', 'Antibacterial coatings', 'CN.02', true)
  p2 = await submittedProposal(callId, 'A', 'Marble digital twin', 'SF.01', false)
  p3 = await submittedProposal(callId, 'B', 'Recycled technical textiles', 'CN.03', false)
  const named = await inject('PUT', `/api/proposals/${p2}/providers`, leadCookie, { providers: [{ organisationId: provider, service: 'Fatigue testing', amountCents: 4_000_000 }] })
  expect(named.statusCode, named.body).toBe(200)
  grants = {}
  for (const id of [p1, p2, p3]) grants[id] = (await inject('GET', `/api/proposals/${id}/grant`, leadCookie)).json().total
})
afterAll(async () => ctx.close())

async function closeCall(): Promise<void> {
  await ctx.db.updateTable('calls').set({ closes_at: new Date(Date.now() - day) }).where('id', '=', callId).execute()
}

type Overview = { proposals: { proposalId: string; assignments: { evaluatorId: string; status: string; matchedCodes: string[]; currentLoad: number; rapporteur: boolean; conflictReason: string | null }[] }[] }
const activePanel = (overview: Overview, proposalId: string): string[] =>
  overview.proposals.find((item) => item.proposalId === proposalId)!.assignments.filter((item) => item.status === 'active').map((item) => item.evaluatorId)

describe('evaluator assignment', () => {
  it('refuses non-officers, an open call, and too few evaluators free of conflicts, changing nothing', async () => {
    await newEvaluator(research, ['CN.02'])
    await newEvaluator(null, ['CN'])
    await newEvaluator(null, ['SF.01'])
    // An evaluator reads their own profile; only evaluators have one.
    expect((await inject('GET', '/api/evaluators/me', evaluators[0]!.cookie)).json().evaluator).toMatchObject({ id: evaluators[0]!.id, organisationId: research, expertise: ['CN.02'] })
    expect((await inject('GET', '/api/evaluators/me', officer)).statusCode).toBe(403)
    expect((await inject('GET', '/api/evaluators/me')).statusCode).toBe(401)
    expect((await inject('POST', `/api/calls/${callId}/evaluation/assign`)).statusCode).toBe(401)
    expect((await inject('POST', `/api/calls/${callId}/evaluation/assign`, evaluators[0]!.cookie)).statusCode).toBe(403)
    const before = await databaseFingerprint(ctx.db)
    const open = await inject('POST', `/api/calls/${callId}/evaluation/assign`, officer)
    expect(open.json().error).toMatchObject({ code: 'conflict', message: 'Proposals are evaluated after the call closes.' })
    await closeCall()
    const closedBefore = await databaseFingerprint(ctx.db)
    const short = await inject('POST', `/api/calls/${callId}/evaluation/assign`, officer)
    expect(short.statusCode).toBe(409)
    // The first evaluator works for the university partnering in the coatings project: only 2 of 3 are free.
    expect(short.json().error.message).toMatch(/^There are not enough evaluators free of conflicts of interest \(3 per proposal\) for: «Antibacterial coatings» \(2\)\./)
    expect(await databaseFingerprint(ctx.db)).toEqual(closedBefore)
    expect(before.evaluation_assignments).toEqual(closedBefore.evaluation_assignments)
  })

  it('assigns k evaluators per proposal, never a conflicted one, with balanced loads and the reasons', async () => {
    await newEvaluator(provider, ['SF'])
    await newEvaluator(null, ['ICT.03'])
    const response = await inject('POST', `/api/calls/${callId}/evaluation/assign`, officer)
    expect(response.statusCode, response.body).toBe(200)
    const overview = response.json() as Overview
    for (const id of [p1, p2, p3]) expect(activePanel(overview, id)).toHaveLength(3)
    expect(activePanel(overview, p1)).not.toContain(evaluators[0]!.id)
    // The fourth works for the provider named by the digital-twin project.
    expect(activePanel(overview, p2)).not.toContain(evaluators[3]!.id)
    const loads = evaluators.map((evaluator) => overview.proposals.flatMap((item) => item.assignments).filter((item) => item.evaluatorId === evaluator.id).length)
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1)
    const coatings = overview.proposals.find((item) => item.proposalId === p1)!.assignments
    expect(coatings.find((item) => item.evaluatorId === evaluators[1]!.id)).toMatchObject({ matchedCodes: ['CN'] })
    expect(coatings.filter((item) => item.rapporteur)).toHaveLength(1)
    expect((await inject('POST', `/api/calls/${callId}/evaluation/assign`, officer)).statusCode).toBe(409)
  })

  it('lets an assigned evaluator decline for a conflict: recorded, replaced, the others stay', async () => {
    const before = (await inject('GET', `/api/calls/${callId}/evaluation`, officer)).json() as Overview
    const panel = activePanel(before, p3)
    const leaving = evaluators.find((evaluator) => evaluator.id === panel[0])!
    const stranger = evaluators.find((evaluator) => !panel.includes(evaluator.id))!
    expect((await inject('POST', `/api/proposals/${p3}/evaluation/decline`, stranger.cookie, { reason: 'x' })).statusCode).toBe(403)
    const declined = await inject('POST', `/api/proposals/${p3}/evaluation/decline`, leaving.cookie, { reason: 'I consulted for the lead last year.' })
    expect(declined.statusCode, declined.body).toBe(200)
    const replacement = declined.json().replacedBy as string
    expect(panel).not.toContain(replacement)
    const after = (await inject('GET', `/api/calls/${callId}/evaluation`, officer)).json() as Overview
    expect(activePanel(after, p3)).toEqual([...panel.slice(1), replacement])
    for (const id of [p1, p2]) expect(activePanel(after, id)).toEqual(activePanel(before, id))
    expect(after.proposals.find((item) => item.proposalId === p3)!.assignments.find((item) => item.evaluatorId === leaving.id)).toMatchObject({
      status: 'declined',
      conflictReason: 'I consulted for the lead last year.',
    })
    const conflict = await ctx.db.selectFrom('evaluation_conflicts').select('reason').where('proposal_id', '=', p3).where('evaluator_id', '=', leaving.id).executeTakeFirst()
    expect(conflict).toEqual({ reason: 'I consulted for the lead last year.' })
    expect((await inject('GET', `/api/proposals/${p3}/evaluation`, leaving.cookie)).statusCode).toBe(403)
  })
})

async function panelCookies(proposalId: string): Promise<{ id: string; cookie: string }[]> {
  const overview = (await inject('GET', `/api/calls/${callId}/evaluation`, officer)).json() as Overview
  return activePanel(overview, proposalId).map((id) => evaluators.find((evaluator) => evaluator.id === id)!)
}

describe('evaluation reports', () => {
  it('validates a report: every criterion, a comment each, 0–5; only the assigned evaluator; once', async () => {
    const [first] = await panelCookies(p1)
    const outsider = evaluators.find((evaluator) => evaluator.id === evaluators[0]!.id)!
    const before = await databaseFingerprint(ctx.db)
    const missing = await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: sheet(4, 4).slice(0, 1) })
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', field: 'scores', message: expect.stringContaining('impact') })
    const noComment = await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: [{ ...sheet(4, 4)[0], comment: ' ' }, sheet(4, 4)[1]] })
    expect(noComment.json().error.field).toBe('scores.0.comment')
    const tooHigh = await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: sheet(6, 4) })
    expect(tooHigh.json().error.field).toBe('scores.0.score')
    const unknown = await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: [...sheet(4, 4), { criterion: 'beauty', score: 1, comment: 'x' }] })
    expect(unknown.json().error.field).toBe('scores.2.criterion')
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/report`, outsider.cookie, { scores: sheet(4, 4) })).statusCode).toBe(403)
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/report`, officer, { scores: sheet(4, 4) })).statusCode).toBe(403)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)

    const saved = await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: sheet(4, 4) })
    expect(saved.statusCode, saved.body).toBe(200)
    // The first evaluator assigned is the rapporteur until the officer chooses another: they see the reports in.
    expect(saved.json().evaluation).toMatchObject({ myReport: { scores: sheet(4, 4) }, canReport: false, isRapporteur: true, canWriteConsensus: false })
    expect(saved.json().evaluation.reports).toHaveLength(1)
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/report`, first!.cookie, { scores: sheet(5, 5) })).statusCode).toBe(409)
    const mine = (await inject('GET', '/api/evaluations', first!.cookie)).json().items
    expect(mine.find((item: { proposalId: string }) => item.proposalId === p1)).toMatchObject({ reportSubmitted: true, status: 'active' })
  })

  it('the rapporteur writes the consensus once every report is in; the officer may choose the rapporteur', async () => {
    const panel = await panelCookies(p1)
    const [first, second, third] = panel as [{ id: string; cookie: string }, { id: string; cookie: string }, { id: string; cookie: string }]
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/rapporteur`, first.cookie, { evaluatorId: second.id })).statusCode).toBe(403)
    const outsider = evaluators.find((evaluator) => !panel.some((member) => member.id === evaluator.id))!
    const notAssigned = await inject('PUT', `/api/proposals/${p1}/evaluation/rapporteur`, officer, { evaluatorId: outsider.id })
    expect(notAssigned.json().error.field).toBe('evaluatorId')
    const chosen = await inject('PUT', `/api/proposals/${p1}/evaluation/rapporteur`, officer, { evaluatorId: second.id })
    expect(chosen.json().evaluation.rapporteur.evaluatorId).toBe(second.id)

    const early = await inject('PUT', `/api/proposals/${p1}/evaluation/consensus`, second.cookie, { scores: sheet(4, 4), comment: 'Agreed.' })
    expect(early.json().error).toMatchObject({ code: 'conflict', message: 'The consensus report is written once every evaluator has submitted their evaluation (1 of 3).' })
    // Before their own report, even the rapporteur reads no other report: every individual evaluation stays independent.
    expect((await inject('GET', `/api/proposals/${p1}/evaluation`, second.cookie)).json().evaluation).toMatchObject({ isRapporteur: true, canReport: true, myReport: null, reports: [] })
    await inject('PUT', `/api/proposals/${p1}/evaluation/report`, second.cookie, { scores: sheet(5, 4) })
    await inject('PUT', `/api/proposals/${p1}/evaluation/report`, third.cookie, { scores: sheet(4.5, 3.5) })
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/consensus`, first.cookie, { scores: sheet(4, 4), comment: 'Agreed.' })).statusCode).toBe(403)
    const view = (await inject('GET', `/api/proposals/${p1}/evaluation`, second.cookie)).json().evaluation
    expect(view).toMatchObject({ isRapporteur: true, canWriteConsensus: true, reportsExpected: 3 })
    expect(view.reports).toHaveLength(3)
    const consensus = await inject('PUT', `/api/proposals/${p1}/evaluation/consensus`, second.cookie, { scores: sheet(4.5, 4), comment: 'A strong, well-built consortium.' })
    expect(consensus.statusCode, consensus.body).toBe(200)
    expect(consensus.json().evaluation.consensus).toMatchObject({ weightedTotal: 4.3, comment: 'A strong, well-built consortium.' })
    expect((await inject('PUT', `/api/proposals/${p1}/evaluation/consensus`, second.cookie, { scores: sheet(1, 1), comment: 'Changed.' })).statusCode).toBe(409)
  })
})

async function evaluate(proposalId: string, consensus: [number, number]): Promise<void> {
  const panel = await panelCookies(proposalId)
  for (const member of panel) expect((await inject('PUT', `/api/proposals/${proposalId}/evaluation/report`, member.cookie, { scores: sheet(...consensus) })).statusCode).toBe(200)
  const rapporteur = (await inject('GET', `/api/proposals/${proposalId}/evaluation`, officer)).json().evaluation.rapporteur.evaluatorId
  const cookie = panel.find((member) => member.id === rapporteur)!.cookie
  const response = await inject('PUT', `/api/proposals/${proposalId}/evaluation/consensus`, cookie, { scores: sheet(...consensus), comment: 'Consensus reached.' })
  expect(response.statusCode, response.body).toBe(200)
}

describe('ranking and results', () => {
  it('ranks per line, funds within the budget, keeps a reserve, and moves unspent budget with a reason', async () => {
    await evaluate(p2, [3.5, 3])
    await evaluate(p3, [2.5, 5])
    await ctx.db.updateTable('call_lines').set({ budget_cents: grants[p1]! + grants[p2]! - 1 }).where('call_id', '=', callId).where('code', '=', 'A').execute()
    const ranking = (await inject('GET', `/api/calls/${callId}/ranking`, officer)).json()
    const lineA = ranking.lines.find((line: { code: string }) => line.code === 'A')
    expect(lineA.proposals.map((item: { proposalId: string; rank: number; status: string }) => [item.proposalId, item.rank, item.status])).toEqual([
      [p1, 1, 'funded'],
      [p2, 2, 'reserve'],
    ])
    expect(lineA).toMatchObject({ fundedCents: grants[p1], unspentCents: grants[p2]! - 1 })
    const lineB = ranking.lines.find((line: { code: string }) => line.code === 'B')
    // 2.5 on excellence is below its threshold of 3.
    expect(lineB.proposals[0]).toMatchObject({ proposalId: p3, status: 'below_threshold', failedCriteria: ['excellence'], rank: null })
    expect(lineB.unspentCents).toBe(10 * M)

    const before = await databaseFingerprint(ctx.db)
    const tooMuch = await inject('POST', `/api/calls/${callId}/budget-moves`, officer, { fromLine: 'B', toLine: 'A', amountCents: 10 * M + 1, reason: 'Line B has no fundable proposal.' })
    expect(tooMuch.json().error).toMatchObject({ code: 'validation_failed', field: 'amountCents' })
    const noReason = await inject('POST', `/api/calls/${callId}/budget-moves`, officer, { fromLine: 'B', toLine: 'A', amountCents: 1 })
    expect(noReason.json().error.field).toBe('reason')
    expect((await inject('POST', `/api/calls/${callId}/budget-moves`, leadCookie, { fromLine: 'B', toLine: 'A', amountCents: 1, reason: 'x' })).statusCode).toBe(403)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)

    const moved = await inject('POST', `/api/calls/${callId}/budget-moves`, officer, { fromLine: 'B', toLine: 'A', amountCents: 1, reason: 'Line B has no fundable proposal.' })
    expect(moved.statusCode, moved.body).toBe(200)
    const after = moved.json()
    expect(after.lines.find((line: { code: string }) => line.code === 'A').proposals.map((item: { status: string }) => item.status)).toEqual(['funded', 'funded'])
    expect(after.lines.find((line: { code: string }) => line.code === 'B')).toMatchObject({ budgetCents: 10 * M - 1, initialBudgetCents: 10 * M })
    expect(after.moves).toEqual([expect.objectContaining({ fromLine: 'B', toLine: 'A', amountCents: 1, reason: 'Line B has no fundable proposal.' })])
    const audit = await ctx.db.selectFrom('audit_log').select(['user_id', 'details']).where('action', '=', 'call.budgetMove').where('entity_id', '=', callId).execute()
    expect(audit).toEqual([{ user_id: officerId, details: expect.objectContaining({ amountCents: 1, reason: 'Line B has no fundable proposal.' }) }])
  })

  it('exports the ranking as CSV and Excel, and a PDF per proposal', async () => {
    expect((await inject('GET', `/api/calls/${callId}/ranking.csv`, leadCookie)).statusCode).toBe(403)
    const csv = await inject('GET', `/api/calls/${callId}/ranking.csv`, officer)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="ranking-${callId}.csv"`)
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, '')).data
    expect(rows[0]).toEqual(['Line', 'Rank', 'Proposal', 'Lead', 'Outcome', 'Weighted score', 'Excellence', 'Impact', 'Grant requested (EUR)', 'SMEs', 'Research organisations'])
    expect(rows[1]!.slice(0, 7)).toEqual(['A', '1', 'Antibacterial coatings', expect.any(String), 'Funded', '4.3', '4.5'])
    expect(rows[3]!.slice(0, 5)).toEqual(['B', '', 'Recycled technical textiles', expect.any(String), 'Below threshold'])

    const xlsx = await inject('GET', `/api/calls/${callId}/ranking.xlsx`, officer)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['Ranking', 'Scores'])
    expect(workbook.getWorksheet('Ranking')!.getRow(2).getCell(3).value).toBe('Antibacterial coatings')
    expect(workbook.getWorksheet('Scores')!.getRow(2).values).toEqual([undefined, 'A', 'Antibacterial coatings', 'Excellence', 60, 3, 4.5, 'Excellence 4.5: the method is clear.'])

    const pdf = await inject('GET', `/api/proposals/${p1}/evaluation.pdf`, officer)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="evaluation-${p1}.pdf"`)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('reports the results indicators per line and in total', async () => {
    const indicators = (await inject('GET', `/api/calls/${callId}/indicators`, officer)).json()
    const lineA = indicators.lines.find((line: { code: string }) => line.code === 'A')
    // Both line A projects are funded; the lead is one enterprise in both; the university partners one, the provider is the other.
    expect(lineA).toMatchObject({
      submittedProjects: 2,
      financedProjects: 2,
      enterprisesInvolved: 1,
      totalInvestmentCents: 50_000_000 + 40_000_000,
      publicGrantCents: grants[p1]! + grants[p2]!,
      researchContracts: 1,
      researchContractsCents: 4_000_000,
      researchOrganisationsInvolved: 2,
    })
    expect(indicators.lines.find((line: { code: string }) => line.code === 'B')).toMatchObject({ submittedProjects: 1, financedProjects: 0, publicGrantCents: 0, enterprisesInvolved: 0 })
    expect(indicators.total).toMatchObject({ submittedProjects: 3, financedProjects: 2, enterprisesInvolved: 1, publicGrantCents: grants[p1]! + grants[p2]!, researchOrganisationsInvolved: 2 })
    expect((await inject('GET', `/api/calls/${callId}/indicators`, leadCookie)).statusCode).toBe(403)
  })
})
