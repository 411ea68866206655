import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../../platform/testing.js'
import { romeDate } from '../../platform/rome-time.js'

let ctx: TestContext
let officer: string
let officerId: string
let lead1Cookie: string
let lead2Cookie: string
let strangerCookie: string
let lead1: string
let lead2: string
let university: string
let contractor: string
let sme: string
const evaluators: { id: string; cookie: string }[] = []

const day = 24 * 60 * 60 * 1000
const M = 100_000_000
const daysAgo = (days: number): string => romeDate(new Date(Date.now() - days * day))

async function organisationOfType(type: 'sme' | 'university', offset: number): Promise<string> {
  const row = await ctx.db.selectFrom('organisations').select('id').where('type', '=', type).orderBy('legal_name').offset(offset).limit(1).executeTakeFirstOrThrow()
  return row.id
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  ctx.app.inject({ method, url, ...(cookie && { headers: { cookie } }), ...(payload !== undefined && { payload: payload as Record<string, unknown> }) })

const costs = (industrialResearch: number, experimentalDevelopment: number): Record<string, number> => ({ industrialResearch, experimentalDevelopment, other: 0 })

const criteria = [
  { code: 'excellence', nameIt: 'Eccellenza', nameEn: 'Excellence', weight: 60, threshold: 3 },
  { code: 'impact', nameIt: 'Impatto', nameEn: 'Impact', weight: 40, threshold: 2 },
]
const sheet = (excellence: number, impact: number): { criterion: string; score: number; comment: string }[] => [
  { criterion: 'excellence', score: excellence, comment: 'The method is clear.' },
  { criterion: 'impact', score: impact, comment: 'The supply chain gains.' },
]

let callId: string
let p1: string
let p2: string
let p3: string
let p4: string
const estimates: Record<string, { total: number; partners: Record<string, number> }> = {}

async function submitted(line: string, title: string, lead: string, leadCookie: string, withUniversity: boolean): Promise<string> {
  const partners = [{ organisationId: lead, costs: costs(30_000_000, 10_000_000) }, ...(withUniversity ? [{ organisationId: university, costs: costs(10_000_000, 0) }] : [])]
  const created = await inject('POST', `/api/calls/${callId}/proposals`, leadCookie, { leadOrganisationId: lead, line, title, abstract: `${title}.`, taxonomyCode: 'CN.02', trlStart: 4, trlEnd: 7, partners })
  expect(created.statusCode, created.body).toBe(201)
  const id = created.json().proposal.id as string
  if (withUniversity) expect((await inject('POST', `/api/proposals/${id}/partners/${university}/confirm`, universityAdmin)).statusCode).toBe(200)
  const submission = await inject('POST', `/api/proposals/${id}/submit`, leadCookie)
  expect(submission.statusCode, submission.body).toBe(200)
  const grant = (await inject('GET', `/api/proposals/${id}/grant`, leadCookie)).json() as { total: number; partners: { organisationId: string; grant: number }[] }
  estimates[id] = { total: grant.total, partners: Object.fromEntries(grant.partners.map((partner) => [partner.organisationId, partner.grant])) }
  return id
}

async function evaluate(proposalId: string, scores: [number, number]): Promise<void> {
  const overview = (await inject('GET', `/api/calls/${callId}/evaluation`, officer)).json() as { proposals: { proposalId: string; assignments: { evaluatorId: string; status: string }[] }[] }
  const panel = overview.proposals.find((item) => item.proposalId === proposalId)!.assignments.filter((item) => item.status === 'active').map((item) => evaluators.find((evaluator) => evaluator.id === item.evaluatorId)!)
  for (const member of panel) expect((await inject('PUT', `/api/proposals/${proposalId}/evaluation/report`, member.cookie, { scores: sheet(...scores) })).statusCode).toBe(200)
  const rapporteur = (await inject('GET', `/api/proposals/${proposalId}/evaluation`, officer)).json().evaluation.rapporteur.evaluatorId
  const consensus = await inject('PUT', `/api/proposals/${proposalId}/evaluation/consensus`, panel.find((member) => member.id === rapporteur)!.cookie, { scores: sheet(...scores), comment: 'Agreed.' })
  expect(consensus.statusCode, consensus.body).toBe(200)
}

let universityAdmin: string

beforeAll(async () => {
  ctx = await createTestContext()
  await ctx.db.deleteFrom('user_roles').where('role', '=', 'evaluator').execute()
  lead1 = await organisationOfType('sme', 0)
  lead2 = await organisationOfType('sme', 1)
  sme = await organisationOfType('sme', 2)
  university = await organisationOfType('university', 0)
  contractor = await organisationOfType('university', 1)
  const officerUser = await createUser(ctx.db, { roles: ['ma_officer'], locale: 'en' })
  officerId = officerUser.id
  officer = await signInAs(ctx.app, officerUser)
  lead1Cookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: lead1, role: 'member' }] }))
  lead2Cookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: lead2, role: 'member' }] }))
  strangerCookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: sme, role: 'admin' }] }))
  universityAdmin = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: university, role: 'admin' }] }))

  const created = await inject('POST', '/api/calls', officer, {
    titleIt: 'Bando contributi',
    titleEn: 'Grants call',
    opensAt: new Date(Date.now() - 10 * day).toISOString(),
    closesAt: new Date(Date.now() + 10 * day).toISOString(),
    lines: [
      { code: 'A', titleIt: 'Linea A', titleEn: 'Line A', budgetCents: 10 * M },
      { code: 'B', titleIt: 'Linea B', titleEn: 'Line B', budgetCents: 10 * M },
    ],
    criteria,
    evaluation: { evaluatorsPerProposal: 3 },
  })
  expect(created.statusCode, created.body).toBe(201)
  callId = created.json().call.id
  expect((await inject('POST', `/api/calls/${callId}/publish`, officer)).statusCode).toBe(200)
  p1 = await submitted('A', 'Antibacterial coatings', lead1, lead1Cookie, true)
  p2 = await submitted('A', 'Marble digital twin', lead2, lead2Cookie, false)
  p3 = await submitted('A', 'Smart packaging', lead1, lead1Cookie, false)
  p4 = await submitted('B', 'Recycled textiles', lead2, lead2Cookie, false)

  for (let index = 0; index < 3; index += 1) {
    const user = await createUser(ctx.db, { roles: ['evaluator'], locale: 'en' })
    expect((await inject('PUT', `/api/evaluators/${user.id}/profile`, officer, { organisationId: null, expertise: ['CN'] })).statusCode).toBe(200)
    evaluators.push({ id: user.id, cookie: await signInAs(ctx.app, user) })
  }
  await ctx.db.updateTable('calls').set({ closes_at: new Date(Date.now() - day) }).where('id', '=', callId).execute()
  expect((await inject('POST', `/api/calls/${callId}/evaluation/assign`, officer)).statusCode).toBe(200)
  await evaluate(p1, [4.5, 4])
  await evaluate(p2, [4, 4])
  await evaluate(p3, [3.5, 3])
  await evaluate(p4, [2.5, 5])
  // Line A funds the first proposal; the budget falls 1,000 EUR short of the second, so the other two form the reserve.
  await ctx.db.updateTable('call_lines').set({ budget_cents: estimates[p1]!.total + estimates[p2]!.total - 100_000 }).where('call_id', '=', callId).where('code', '=', 'A').execute()
})
afterAll(async () => ctx.close())

type Board = {
  lines: { code: string; budgetCents: number; grantedCents: number; remainingCents: number; proposals: { proposalId: string; rankingStatus: string; rank: number | null; decision: Decision | null }[] }[]
  totals: { grantedCents: number; paidCents: number; contracts: number; contractsCents: number }
  researchOrganisations: { id: string; name: string }[]
}
type Decision = {
  outcome: string
  reservePromoted: boolean
  grantCents: number
  paidCents: number
  remainingCents: number
  partners: { organisationId: string; estimateCents: number; grantCents: number; reductionReason: string | null; paidCents: number; remainingCents: number; balancePaid: boolean }[]
  contracts: { researchOrganisationId: string; valueCents: number }[]
  payments: { kind: string; amountCents: number; verifierKind: string; verifiedBy: string }[]
}

const board = async (): Promise<Board> => {
  const response = await inject('GET', `/api/calls/${callId}/funding`, officer)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as Board
}
const lineA = async (): Promise<Board['lines'][number]> => (await board()).lines.find((line) => line.code === 'A')!
const grant = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ outcome: 'granted', decidedOn: daysAgo(20), actReference: 'DD 123/2026', ...extra })
const indicators = async (): Promise<{ lines: Record<string, number | string>[]; total: Record<string, number> }> => (await inject('GET', `/api/calls/${callId}/indicators`, officer)).json()

describe('the board and who sees it', () => {
  it('shows the officer each line’s ranking with the estimates, and refuses everyone else', async () => {
    const a = await lineA()
    expect(a.proposals.map((item) => [item.proposalId, item.rankingStatus, item.decision])).toEqual([
      [p1, 'funded', null],
      [p2, 'reserve', null],
      [p3, 'reserve', null],
    ])
    // The funded proposal's estimate is held for it until its decision: the reserve cannot take it.
    expect(a).toMatchObject({ grantedCents: 0, heldCents: estimates[p1]!.total, remainingCents: a.budgetCents - estimates[p1]!.total })
    expect((await board()).researchOrganisations.map((item) => item.id)).toContain(contractor)
    expect((await inject('GET', `/api/calls/${callId}/funding`)).statusCode).toBe(401)
    expect((await inject('GET', `/api/calls/${callId}/funding`, lead1Cookie)).statusCode).toBe(403)
    expect((await inject('GET', `/api/calls/${callId}/funding`, evaluators[0]!.cookie)).statusCode).toBe(403)
    expect((await inject('GET', `/api/proposals/${p1}/funding`, strangerCookie)).statusCode).toBe(403)
    expect((await inject('GET', `/api/proposals/${p1}/funding`)).statusCode).toBe(401)
    expect((await inject('GET', `/api/proposals/${p1}/funding`, universityAdmin)).json().proposal).toMatchObject({ proposalId: p1, decision: null })
  })
})

describe('grant decisions', () => {
  it('refuses bad input, non-officers and decisions the ranking or the budget forbid, changing nothing', async () => {
    const before = await databaseFingerprint(ctx.db)
    const estimate = estimates[p1]!.partners[university]!
    const cases: [string, Record<string, unknown>, number, string | undefined, string][] = [
      [p1, grant({ partners: [{ organisationId: university, grantCents: estimate + 1, reason: 'x' }] }), 400, 'partners.0.grantCents', 'validation_failed'],
      [p1, grant({ partners: [{ organisationId: university, grantCents: estimate - 1 }] }), 400, 'partners.0.reason', 'validation_failed'],
      [p1, grant({ partners: [{ organisationId: sme, grantCents: 1, reason: 'x' }] }), 400, 'partners.0.organisationId', 'validation_failed'],
      [p1, grant({ decidedOn: daysAgo(-2) }), 400, 'decidedOn', 'validation_failed'],
      [p1, grant({ decidedOn: '2026-02-30' }), 400, 'decidedOn', 'validation_failed'],
      [p1, grant({ actReference: '' }), 400, 'actReference', 'validation_failed'],
      [p1, grant({ extra: true }), 400, 'extra', 'validation_failed'],
      [p1, { outcome: 'maybe', decidedOn: daysAgo(1), actReference: 'x' }, 400, 'outcome', 'validation_failed'],
      [p1, { outcome: 'not_granted', decidedOn: daysAgo(1), actReference: 'x' }, 400, 'reason', 'validation_failed'],
      [p4, grant(), 409, undefined, 'conflict'],
      [p3, grant(), 409, undefined, 'conflict'],
      [p2, grant(), 409, undefined, 'conflict'],
    ]
    for (const [proposal, body, status, field, code] of cases) {
      const response = await inject('POST', `/api/proposals/${proposal}/decision`, officer, body)
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status)
      expect(response.json().error).toMatchObject({ code, ...(field && { field }) })
    }
    const above = await inject('POST', `/api/proposals/${p1}/decision`, officer, grant({ partners: [{ organisationId: university, grantCents: estimate + 1, reason: 'x' }] }))
    expect(above.json().error.message).toMatch(/^The grant cannot exceed the partner’s GBER estimate \(€[\d,.]+\)\.$/)
    expect((await inject('POST', `/api/proposals/${p3}/decision`, officer, grant())).json().error.message).toBe('The reserve list is promoted in ranking order: first decide on «Marble digital twin», which ranks above.')
    expect((await inject('POST', `/api/proposals/${p4}/decision`, officer, grant())).json().error.message).toBe('The proposal is below the threshold and cannot be funded.')
    const italian = await inject('POST', `/api/proposals/${p2}/decision`, officer.replace(/clock_lang=\w+/, 'clock_lang=it'), grant())
    expect(italian.json().error.message).toMatch(/^Il contributo di [\d.,]+\s€ supera il budget residuo della linea A \([\d.,]+\s€\)\.$/)
    expect((await inject('POST', `/api/proposals/${p1}/decision`, lead1Cookie, grant())).statusCode).toBe(403)
    expect((await inject('POST', `/api/proposals/${p1}/decision`, undefined, grant())).statusCode).toBe(401)
    expect((await inject('POST', `/api/proposals/${p1}/payments`, officer, { organisationId: lead1, kind: 'advance', amountCents: 1, paidOn: daysAgo(1), verifierKind: 'expert', verifiedBy: 'A. Expert' })).statusCode).toBe(409)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('grants the funded proposal, each partner at its estimate unless lowered with a reason, and audits it', async () => {
    const estimate = estimates[p1]!.partners[university]!
    const response = await inject('POST', `/api/proposals/${p1}/decision`, officer, grant({ partners: [{ organisationId: university, grantCents: estimate - 500, reason: 'Travel costs not eligible.' }] }))
    expect(response.statusCode, response.body).toBe(200)
    const decision = response.json().proposal.decision as Decision
    expect(decision).toMatchObject({ outcome: 'granted', reservePromoted: false, grantCents: estimates[p1]!.total - 500, paidCents: 0, remainingCents: estimates[p1]!.total - 500 })
    expect(decision.partners).toEqual([
      expect.objectContaining({ organisationId: lead1, estimateCents: estimates[p1]!.partners[lead1], grantCents: estimates[p1]!.partners[lead1], reductionReason: null }),
      expect.objectContaining({ organisationId: university, estimateCents: estimate, grantCents: estimate - 500, reductionReason: 'Travel costs not eligible.' }),
    ])
    expect((await inject('POST', `/api/proposals/${p1}/decision`, officer, grant())).json().error).toMatchObject({ code: 'conflict', message: 'A decision has already been taken on this proposal.' })
    const audit = await ctx.db.selectFrom('audit_log').select(['user_id', 'details']).where('action', '=', 'grant.decide').where('entity_id', '=', p1).execute()
    expect(audit).toEqual([{ user_id: officerId, details: expect.objectContaining({ outcome: 'granted', actReference: 'DD 123/2026', totalCents: estimates[p1]!.total - 500 }) }])
    const a = await lineA()
    expect(a).toMatchObject({ grantedCents: estimates[p1]!.total - 500, remainingCents: a.budgetCents - estimates[p1]!.total + 500 })
    // From the first decision on, the indicators count what was granted, and only recorded contracts.
    const results = await indicators()
    expect(results.lines.find((line) => line.code === 'A')).toMatchObject({ financedProjects: 1, publicGrantCents: estimates[p1]!.total - 500, researchContracts: 0, researchContractsCents: 0 })
  })

  it('grants down the list when a budget move or a withdrawal frees enough budget, promoting the reserve in order', async () => {
    const moved = await inject('POST', `/api/calls/${callId}/budget-moves`, officer, { fromLine: 'B', toLine: 'A', amountCents: 100_000, reason: 'Line B has no fundable proposal.' })
    expect(moved.statusCode, moved.body).toBe(200)
    const promoted = await inject('POST', `/api/proposals/${p2}/decision`, officer, grant({ decidedOn: daysAgo(15) }))
    expect(promoted.statusCode, promoted.body).toBe(200)
    // The move makes room in the ranking itself: the second proposal is now funded, not promoted from the reserve.
    expect(promoted.json().proposal.decision).toMatchObject({ outcome: 'granted', rankingStatus: 'funded', reservePromoted: false, grantCents: estimates[p2]!.total })
    expect(await lineA()).toMatchObject({ remainingCents: 500 })
    expect((await inject('POST', `/api/proposals/${p3}/decision`, officer, grant())).json().error.code).toBe('conflict')

    const before = await databaseFingerprint(ctx.db)
    const early = await inject('POST', `/api/proposals/${p2}/decision/withdrawal`, officer, { withdrawnOn: daysAgo(16), reason: 'The lead closed the business unit.' })
    expect(early.json().error).toMatchObject({ code: 'validation_failed', field: 'withdrawnOn' })
    expect((await inject('POST', `/api/proposals/${p3}/decision/withdrawal`, officer, { withdrawnOn: daysAgo(1), reason: 'x' })).statusCode).toBe(409)
    expect((await inject('POST', `/api/proposals/${p2}/decision/withdrawal`, lead2Cookie, { withdrawnOn: daysAgo(1), reason: 'x' })).statusCode).toBe(403)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
    const withdrawn = await inject('POST', `/api/proposals/${p2}/decision/withdrawal`, officer, { withdrawnOn: daysAgo(10), reason: 'The lead closed the business unit.' })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.json().proposal.decision).toMatchObject({ outcome: 'withdrawn' })

    const third = await inject('POST', `/api/proposals/${p3}/decision`, officer, grant({ decidedOn: daysAgo(9) }))
    expect(third.statusCode, third.body).toBe(200)
    expect(third.json().proposal.decision).toMatchObject({ rankingStatus: 'reserve', reservePromoted: true, grantCents: estimates[p3]!.total })
    expect(await lineA()).toMatchObject({ remainingCents: estimates[p2]!.total + 500 - estimates[p3]!.total })
    // What is granted cannot be moved away to another line.
    const overMove = await inject('POST', `/api/calls/${callId}/budget-moves`, officer, { fromLine: 'A', toLine: 'B', amountCents: 501, reason: 'Return the rest.' })
    expect(overMove.json().error).toMatchObject({ code: 'validation_failed', field: 'amountCents' })
    const refused = await inject('POST', `/api/proposals/${p4}/decision`, officer, { outcome: 'not_granted', decidedOn: daysAgo(9), actReference: 'DD 124/2026', reason: 'Below the excellence threshold.' })
    expect(refused.json().proposal.decision).toMatchObject({ outcome: 'not_granted', grantCents: 0, partners: [] })
  })
})

describe('contracts with research organisations', () => {
  it('records a partner’s contract with a registered research organisation, refusing anything else', async () => {
    const contract = { partnerOrganisationId: lead1, researchOrganisationId: contractor, subject: 'Fatigue testing', valueCents: 4_000_000, signedOn: daysAgo(8) }
    const before = await databaseFingerprint(ctx.db)
    const bad: [string, Record<string, unknown>, number, string | undefined][] = [
      [p1, { ...contract, researchOrganisationId: sme }, 400, 'researchOrganisationId'],
      [p1, { ...contract, partnerOrganisationId: sme }, 400, 'partnerOrganisationId'],
      [p1, { ...contract, partnerOrganisationId: university, researchOrganisationId: university }, 400, 'researchOrganisationId'],
      [p1, { ...contract, valueCents: 0 }, 400, 'valueCents'],
      [p1, { ...contract, signedOn: daysAgo(-1) }, 400, 'signedOn'],
      [p1, { ...contract, subject: '<b>x</b>' }, 400, 'subject'],
      [p2, contract, 409, undefined],
      [p4, contract, 409, undefined],
    ]
    for (const [proposal, body, status, field] of bad) {
      const response = await inject('POST', `/api/proposals/${proposal}/research-contracts`, officer, body)
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status)
      if (field) expect(response.json().error.field).toBe(field)
    }
    expect((await inject('POST', `/api/proposals/${p1}/research-contracts`, lead1Cookie, contract)).statusCode).toBe(403)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
    const saved = await inject('POST', `/api/proposals/${p1}/research-contracts`, officer, contract)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json().proposal.decision.contracts).toEqual([expect.objectContaining({ partnerOrganisationId: lead1, researchOrganisationId: contractor, valueCents: 4_000_000, subject: 'Fatigue testing' })])
  })
})

describe('payments', () => {
  const payment = (extra: Record<string, unknown>): Record<string, unknown> => ({ organisationId: lead1, kind: 'interim', amountCents: 1_000_000, paidOn: daysAgo(5), verifierKind: 'expert', verifiedBy: 'Dr. Anna Verdi', ...extra })

  it('pays each partner up to its grant, advance first, balance last, and keeps the totals', async () => {
    const leadGrant = estimates[p1]!.partners[lead1]!
    const advance = await inject('POST', `/api/proposals/${p1}/payments`, officer, payment({ kind: 'advance', amountCents: 3_000_000, verifierKind: 'credit_institution', verifiedBy: 'Banca Esempio' }))
    expect(advance.statusCode, advance.body).toBe(200)
    expect((await inject('POST', `/api/proposals/${p1}/payments`, officer, payment({}))).statusCode).toBe(200)

    const before = await databaseFingerprint(ctx.db)
    const bad: [Record<string, unknown>, number, string | undefined][] = [
      [payment({ kind: 'advance' }), 400, 'kind'],
      [payment({ amountCents: leadGrant - 4_000_000 + 1 }), 400, 'amountCents'],
      [payment({ organisationId: university, amountCents: estimates[p1]!.partners[university]! - 499 }), 400, 'amountCents'],
      [payment({ organisationId: sme }), 400, 'organisationId'],
      [payment({ paidOn: daysAgo(21) }), 400, 'paidOn'],
      [payment({ paidOn: daysAgo(-1) }), 400, 'paidOn'],
      [payment({ verifiedBy: '' }), 400, 'verifiedBy'],
      [payment({ verifierKind: 'auditor' }), 400, 'verifierKind'],
      [payment({ amountCents: -5 }), 400, 'amountCents'],
      [payment({ amountCents: 1.5 }), 400, 'amountCents'],
    ]
    for (const [body, status, field] of bad) {
      const response = await inject('POST', `/api/proposals/${p1}/payments`, officer, body)
      expect(response.statusCode, `${JSON.stringify(body)} ${response.body}`).toBe(status)
      expect(response.json().error.field).toBe(field)
    }
    const over = await inject('POST', `/api/proposals/${p1}/payments`, officer, payment({ amountCents: leadGrant }))
    expect(over.json().error.message).toMatch(/^The payment exceeds what is left to pay the partner \(€[\d,.]+ of a grant of €[\d,.]+\)\.$/)
    expect((await inject('POST', `/api/proposals/${p1}/payments`, lead1Cookie, payment({}))).statusCode).toBe(403)
    expect((await inject('POST', `/api/proposals/${p2}/payments`, officer, payment({ organisationId: lead2 }))).statusCode).toBe(409)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)

    const balance = await inject('POST', `/api/proposals/${p1}/payments`, officer, payment({ kind: 'balance', amountCents: leadGrant - 4_000_000, paidOn: daysAgo(1) }))
    expect(balance.statusCode, balance.body).toBe(200)
    const decision = balance.json().proposal.decision as Decision
    expect(decision.partners.find((partner) => partner.organisationId === lead1)).toMatchObject({ grantCents: leadGrant, paidCents: leadGrant, remainingCents: 0, balancePaid: true })
    expect(decision.partners.find((partner) => partner.organisationId === university)).toMatchObject({ paidCents: 0, balancePaid: false })
    expect(decision).toMatchObject({ paidCents: leadGrant, remainingCents: estimates[p1]!.total - 500 - leadGrant })
    expect(decision.payments.map((item) => [item.kind, item.verifierKind, item.verifiedBy])).toEqual([
      ['advance', 'credit_institution', 'Banca Esempio'],
      ['interim', 'expert', 'Dr. Anna Verdi'],
      ['balance', 'expert', 'Dr. Anna Verdi'],
    ])
    expect((await inject('POST', `/api/proposals/${p1}/payments`, officer, payment({ amountCents: 1 }))).json().error).toMatchObject({ code: 'conflict', message: 'This partner’s balance has already been paid: no further payments are recorded.' })
    // A grant with payments can no longer be simply withdrawn.
    expect((await inject('POST', `/api/proposals/${p1}/decision/withdrawal`, officer, { withdrawnOn: daysAgo(1), reason: 'x' })).statusCode).toBe(409)
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', p1).where('action', 'like', 'grant.%').execute()
    expect(audit.map((row) => row.action).sort()).toEqual(['grant.contract', 'grant.decide', 'grant.payment', 'grant.payment', 'grant.payment'])
    expect((await board()).totals).toEqual({ grantedCents: estimates[p1]!.total - 500 + estimates[p3]!.total, paidCents: leadGrant, contracts: 1, contractsCents: 4_000_000 })
  })

  it('lets only one of two concurrent payments through when together they would pass the grant', async () => {
    const universityGrant = estimates[p1]!.partners[university]! - 500
    const share = Math.ceil(universityGrant * 0.6)
    const both = await Promise.all([0, 1].map(() => inject('POST', `/api/proposals/${p1}/payments`, officer, payment({ organisationId: university, amountCents: share }))))
    expect(both.map((response) => response.statusCode).sort()).toEqual([200, 400])
    const paid = await ctx.db.selectFrom('grant_payments').select('amount_cents').where('proposal_id', '=', p1).where('organisation_id', '=', university).execute()
    expect(paid.map((row) => Number(row.amount_cents))).toEqual([share])
  })
})

describe('what applicants see and what the Region reports', () => {
  it('lets each partner read its own proposals’ grants and payments, and no one else’s', async () => {
    const mine = await inject('GET', `/api/calls/${callId}/funding/mine`, lead1Cookie)
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json().items.map((item: { proposalId: string }) => item.proposalId)).toEqual([p1, p3])
    const theirs = (await inject('GET', `/api/calls/${callId}/funding/mine`, lead2Cookie)).json().items.map((item: { proposalId: string; decision: { outcome: string } }) => [item.proposalId, item.decision.outcome])
    expect(theirs).toEqual([
      [p2, 'withdrawn'],
      [p4, 'not_granted'],
    ])
    expect((await inject('GET', `/api/calls/${callId}/funding/mine`, strangerCookie)).json().items).toEqual([])
    expect((await inject('GET', `/api/calls/${callId}/funding/mine`)).statusCode).toBe(401)
    const partnerView = await inject('GET', `/api/proposals/${p1}/funding`, universityAdmin)
    expect(partnerView.json().proposal.decision.partners.find((partner: { organisationId: string }) => partner.organisationId === university)).toMatchObject({ reductionReason: 'Travel costs not eligible.' })
    expect((await inject('GET', `/api/proposals/${p1}/funding`, lead2Cookie)).statusCode).toBe(403)
  })

  it('counts the granted projects, their grants and the recorded contracts in the indicators', async () => {
    const results = await indicators()
    expect(results.lines.find((line) => line.code === 'A')).toMatchObject({
      submittedProjects: 3,
      financedProjects: 2,
      enterprisesInvolved: 1,
      totalInvestmentCents: 50_000_000 + 40_000_000,
      publicGrantCents: estimates[p1]!.total - 500 + estimates[p3]!.total,
      researchContracts: 1,
      researchContractsCents: 4_000_000,
      researchOrganisationsInvolved: 2,
    })
    expect(results.lines.find((line) => line.code === 'B')).toMatchObject({ submittedProjects: 1, financedProjects: 0, publicGrantCents: 0 })
    expect(results.total).toMatchObject({ financedProjects: 2, researchContracts: 1 })
  })
})
