import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../platform/testing.js'
import { romeDateIn } from '../platform/rome-time.js'
import { submitProposal } from './proposals.service.js'

let ctx: TestContext
let officer: string
let officerId: string
let stranger: string
let leadCookie: string
let leadUserId: string
let partnerAdmin: string
let researchAdmin: string
let lead: string
let partner: string
let research: string

const day = 24 * 60 * 60 * 1000
const opensAt = new Date(Date.now() - 10 * day).toISOString()
const closesAt = new Date(Date.now() + 30 * day).toISOString()

function callBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleIt: 'Bando ricerca collaborativa 2026',
    titleEn: 'Collaborative R&D call 2026',
    summaryIt: 'Progetti di ricerca industriale e sviluppo sperimentale.',
    summaryEn: 'Industrial research and experimental development projects.',
    opensAt,
    closesAt,
    lines: [
      { code: 'A', titleIt: 'Soci', titleEn: 'Members', budgetCents: 3_500_000_000, membersOnly: true, clusterSlug: 'clock' },
      { code: 'B', titleIt: 'Non soci', titleEn: 'Non-members', budgetCents: 1_500_000_000, nonMembersMustCommit: true, clusterSlug: 'clock' },
    ],
    budget: [
      { source: 'eu_structural', year: 2026, amountCents: 2_500_000_000 },
      { source: 'regional', year: 2026, amountCents: 2_500_000_000 },
    ],
    rules: { trlStartMin: 4, trlEndMin: 7, researchShareMustExceedDevelopment: true, minPartners: 2, researchOrganisationIntensity: 8000 },
    priorities: [],
    criteria: [{ code: 'excellence', nameIt: 'Eccellenza', nameEn: 'Excellence', weight: 50, threshold: 3 }],
    faq: [{ questionIt: 'Chi può partecipare?', questionEn: 'Who can apply?', answerIt: 'Consorzi.', answerEn: 'Consortia.' }],
    ...overrides,
  }
}

async function organisationWhere(type: 'sme' | 'university' | 'large_company', member: boolean): Promise<string> {
  const today = romeDateIn(0)
  const rows = await ctx.db
    .selectFrom('organisations')
    .select((eb) => [
      'organisations.id',
      eb
        .exists(eb.selectFrom('memberships').select('id').whereRef('memberships.organisation_id', '=', 'organisations.id').where('associated', '=', true).where('since', '<=', today).where((w) => w.or([w('until', 'is', null), w('until', '>=', today)])))
        .as('member'),
    ])
    .where('type', '=', type)
    .where((eb) => (type === 'sme' ? eb('size_class', '=', 'small') : eb.lit(true)))
    .orderBy('legal_name')
    .execute()
  const found = rows.find((row) => Boolean(row.member) === member)
  if (!found) throw new Error(`no ${type} member=${member}`)
  return found.id
}

function inLanguage(cookie: string, language: 'it' | 'en'): string {
  const rest = cookie.split('; ').filter((part) => !part.startsWith('clock_lang='))
  return [...rest, `clock_lang=${language}`].join('; ')
}

const costs = (industrialResearch: number, experimentalDevelopment: number, other = 0): Record<string, number> => ({ industrialResearch, experimentalDevelopment, other })

beforeAll(async () => {
  ctx = await createTestContext()
  lead = await organisationWhere('sme', true)
  partner = await organisationWhere('sme', false)
  research = await organisationWhere('university', true)
  const officerUser = await createUser(ctx.db, { roles: ['ma_officer'], locale: 'en' })
  officerId = officerUser.id
  officer = await signInAs(ctx.app, officerUser)
  stranger = await signInAs(ctx.app, await createUser(ctx.db))
  const leadUser = await createUser(ctx.db, { organisations: [{ id: lead, role: 'member' }] })
  leadUserId = leadUser.id
  leadCookie = await signInAs(ctx.app, leadUser)
  partnerAdmin = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: partner, role: 'admin' }] }))
  researchAdmin = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: research, role: 'admin' }] }))
})
afterAll(async () => ctx.close())

async function publishedCall(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: callBody(overrides) })
  expect(created.statusCode).toBe(201)
  const id = created.json().call.id as string
  expect((await ctx.app.inject({ method: 'POST', url: `/api/calls/${id}/publish`, headers: { cookie: officer } })).statusCode).toBe(200)
  return id
}

async function draftProposal(callId: string, line = 'B'): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/calls/${callId}/proposals`,
    headers: { cookie: leadCookie },
    payload: {
      leadOrganisationId: lead,
      line,
      title: 'Rivestimenti antibatterici',
      abstract: 'Rivestimenti per ospedali.',
      taxonomyCode: 'CN.02',
      trlStart: 4,
      trlEnd: 7,
      partners: [
        { organisationId: lead, costs: costs(30_000_000, 10_000_000) },
        { organisationId: partner, commitsToJoin: true, costs: costs(20_000_000, 10_000_000) },
        { organisationId: research, costs: costs(10_000_000, 0) },
      ],
    },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().proposal.id as string
}

async function confirmAll(proposalId: string): Promise<void> {
  for (const [cookie, organisationId] of [[partnerAdmin, partner], [researchAdmin, research]] as const) {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${proposalId}/partners/${organisationId}/confirm`, headers: { cookie } })
    expect(response.statusCode, response.body).toBe(200)
  }
}

describe('calls', () => {
  it('an officer creates, edits, publishes and clones a call; everyone sees it once published', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: callBody() })
    expect(created.statusCode).toBe(201)
    const call = created.json().call
    expect(call).toMatchObject({ status: 'draft', phase: 'draft', totalBudgetCents: 5_000_000_000, rules: { trlStartMin: 4, researchOrganisationIntensity: 8000 } })
    expect(call.lines[0]).toMatchObject({ code: 'A', membersOnly: true, clusterSlug: 'clock' })

    expect((await ctx.app.inject({ method: 'GET', url: `/api/calls/${call.id}` })).statusCode).toBe(404)
    const edited = await ctx.app.inject({ method: 'PATCH', url: `/api/calls/${call.id}`, headers: { cookie: officer }, payload: { titleEn: 'Collaborative R&D call 2026, edition 2' } })
    expect(edited.json().call.titleEn).toBe('Collaborative R&D call 2026, edition 2')

    expect((await ctx.app.inject({ method: 'POST', url: `/api/calls/${call.id}/publish`, headers: { cookie: officer } })).json().call.phase).toBe('open')
    const publicView = await ctx.app.inject({ method: 'GET', url: `/api/calls/${call.id}` })
    expect(publicView.json().call).toMatchObject({ status: 'published', canManage: false, faq: [{ questionEn: 'Who can apply?' }] })
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calls' })).json().items.map((item: { id: string }) => item.id)).toContain(call.id)

    const locked = await ctx.app.inject({ method: 'PATCH', url: `/api/calls/${call.id}`, headers: { cookie: officer }, payload: { titleEn: 'Changed' } })
    expect(locked.statusCode).toBe(409)

    const clone = await ctx.app.inject({ method: 'POST', url: `/api/calls/${call.id}/clone`, headers: { cookie: officer } })
    expect(clone.statusCode, clone.body).toBe(201)
    expect(clone.json().call).toMatchObject({ status: 'draft', clonedFrom: call.id, totalBudgetCents: 5_000_000_000, criteria: call.criteria })
  })

  it('refuses visitors and non-officers, and bad input changes nothing', async () => {
    const before = await databaseFingerprint(ctx.db)
    const count = async (): Promise<number> => (await ctx.db.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
    const calls = await count()
    expect((await ctx.app.inject({ method: 'POST', url: '/api/calls', payload: callBody() })).statusCode).toBe(401)
    expect((await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: stranger }, payload: callBody() })).statusCode).toBe(403)
    const backwards = await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: callBody({ closesAt: opensAt, opensAt: closesAt }) })
    expect(backwards.json().error).toMatchObject({ code: 'validation_failed', field: 'closesAt' })
    const duplicate = await ctx.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: { cookie: officer },
      payload: callBody({ lines: [{ code: 'A', titleIt: 'x', titleEn: 'x', budgetCents: 1 }, { code: 'A', titleIt: 'y', titleEn: 'y', budgetCents: 1 }] }),
    })
    expect(duplicate.json().error).toMatchObject({ field: 'lines.1.code', message: 'two lines have the same code' })
    const unknownRule = await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: callBody({ rules: { trlMin: 3 } }) })
    expect(unknownRule.json().error.field).toBe('rules.trlMin')
    const markup = await ctx.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: officer }, payload: callBody({ titleIt: '<script>x</script>' }) })
    expect(markup.json().error.field).toBe('titleIt')
    const cluster = await ctx.app.inject({
      method: 'POST',
      url: '/api/calls',
      headers: { cookie: officer },
      payload: callBody({ lines: [{ code: 'A', titleIt: 'x', titleEn: 'x', budgetCents: 1, clusterSlug: 'atlantis' }] }),
    })
    expect(cluster.json().error.field).toBe('lines.0.clusterSlug')
    expect(await count()).toBe(calls)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })
})

describe('proposals', () => {
  it('drafts, checks live rule by rule in the user’s language, estimates the grant and submits a version', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)

    const waiting = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}/eligibility`, headers: { cookie: inLanguage(leadCookie, 'en') } })).json()
    expect(waiting.eligible).toBe(false)
    const confirmation = waiting.checks.find((check: { rule: string }) => check.rule === 'partners.confirmed')
    expect(confirmation.passed).toBe(false)
    expect(confirmation.message).toMatch(/^Still to confirm their participation: /)

    expect((await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/partners/${partner}/confirm`, headers: { cookie: leadCookie } })).statusCode).toBe(403)
    await confirmAll(id)

    const patch = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { trlEnd: 6 } })
    expect(patch.statusCode).toBe(200)
    const italian = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}/eligibility`, headers: { cookie: inLanguage(leadCookie, 'it') } })).json()
    expect(italian.eligible).toBe(false)
    expect(italian.checks.find((check: { rule: string }) => check.rule === 'trl.end')).toEqual({ rule: 'trl.end', passed: false, message: 'Il TRL alla fine deve essere almeno 7; è 6' })
    expect(italian.checks.find((check: { rule: string }) => check.rule === 'line.nonMembersCommit').passed).toBe(true)

    const refused = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toMatch(/non è ancora ammissibile/)

    await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { trlEnd: 7 } })
    const eligible = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}/eligibility`, headers: { cookie: leadCookie } })).json()
    expect(eligible.eligible).toBe(true)

    const grant = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}/grant`, headers: { cookie: leadCookie } })).json()
    // Two small firms, none above 70 %, a university with 10/80 = 12.5 %: every undertaking gets the 15 points.
    expect(grant.collaboration).toEqual(['smeCollaboration', 'researchOrganisations'])
    expect(grant.partners[0]).toMatchObject({ organisationId: lead, intensity: { industrialResearch: 8000, experimentalDevelopment: 6000 }, grant: 24_000_000 + 6_000_000 })
    expect(grant.partners[2]).toMatchObject({ organisationId: research, researchOrganisation: true, grant: 8_000_000 })
    expect(grant.total).toBe(30_000_000 + 16_000_000 + 6_000_000 + 8_000_000)

    const submitted = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json()).toMatchObject({ version: 1, created: true, eligibility: { eligible: true } })

    await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { title: 'Rivestimenti antibatterici, versione 2' } })
    const second = (await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } })).json()
    expect(second).toMatchObject({ version: 2, created: true })
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: leadCookie } })).json().proposal
    expect(detail.versions.map((version: { version: number }) => version.version)).toEqual([1, 2])
    const versions = await ctx.db.selectFrom('proposal_versions').select(['version', 'snapshot']).where('proposal_id', '=', id).orderBy('version').execute()
    expect((versions[0]?.snapshot as { proposal: { title: string } }).proposal.title).toBe('Rivestimenti antibatterici')
    expect(detail.partners.map((item: { member: boolean }) => item.member)).toEqual([true, false, true])
  })

  it('a concurrent double submit yields exactly one new version', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)
    await confirmAll(id)
    const [first, second] = await Promise.all([
      ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } }),
      ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } }),
    ])
    expect([first.statusCode, second.statusCode]).toEqual([200, 200])
    expect([first.json().created, second.json().created].sort()).toEqual([false, true])
    expect(first.json().version).toBe(1)
    expect(second.json().version).toBe(1)
    const rows = await ctx.db.selectFrom('proposal_versions').select('version').where('proposal_id', '=', id).execute()
    expect(rows).toEqual([{ version: 1 }])
  })

  it('the server’s clock decides: the deadline’s last second is on time, a second later is refused and the draft stays', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)
    await confirmAll(id)
    const closing = new Date(closesAt)
    const accepted = await submitProposal(ctx.db, leadUserId, id, () => closing, 'en')
    expect(accepted).toMatchObject({ version: 1, created: true })

    await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { abstract: 'A late improvement.' } })
    const draftBefore = await ctx.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const late = submitProposal(ctx.db, leadUserId, id, () => new Date(closing.getTime() + 1000), 'en')
    await expect(late).rejects.toMatchObject({ code: 'conflict', messageKey: 'calls.error.deadline_passed' })
    expect(await ctx.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(draftBefore)
    expect(await ctx.db.selectFrom('proposal_versions').select('version').where('proposal_id', '=', id).execute()).toEqual([{ version: 1 }])
  })

  it('refuses a late submission over HTTP with a clear message', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)
    await confirmAll(id)
    await ctx.db.updateTable('calls').set({ opens_at: new Date(Date.now() - 3 * day), closes_at: new Date(Date.now() - day) }).where('id', '=', callId).execute()
    const late = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: inLanguage(leadCookie, 'en') } })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.message).toMatch(/^The call closed on .*Your draft is still saved\.$/)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: leadCookie } })).json().proposal.title).toBe('Rivestimenti antibatterici')
  })

  it('keeps a proposal private to its partners and officers, and validates partners', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}` })).statusCode).toBe(401)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: stranger } })).statusCode).toBe(404)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}`, headers: { cookie: officer } })).statusCode).toBe(200)
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: partnerAdmin }, payload: { title: 'Mine' } })).statusCode).toBe(403)
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/proposals', headers: { cookie: partnerAdmin } })).json().items
    expect(mine.find((item: { id: string }) => item.id === id)).toMatchObject({ awaitingMyConfirmation: true })

    const withoutLead = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { partners: [{ organisationId: partner, costs: costs(1, 0) }] } })
    expect(withoutLead.json().error).toMatchObject({ code: 'validation_failed', field: 'partners' })
    const twice = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/proposals/${id}`,
      headers: { cookie: leadCookie },
      payload: { partners: [{ organisationId: lead, costs: costs(1, 0) }, { organisationId: lead, costs: costs(1, 0) }] },
    })
    expect(twice.json().error.field).toBe('partners.1.organisationId')
    const negative = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { partners: [{ organisationId: lead, costs: costs(-1, 0) }] } })
    expect(negative.json().error.field).toBe('partners.0.costs.industrialResearch')
    const line = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, headers: { cookie: leadCookie }, payload: { line: 'Z' } })
    expect(line.json().error.field).toBe('line')
    const partners = await ctx.db.selectFrom('proposal_partners').select('organisation_id').where('proposal_id', '=', id).execute()
    expect(partners).toHaveLength(3)
  })

  it('line A refuses non-members, rule by rule', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId, 'A')
    await confirmAll(id)
    const result = (await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}/eligibility`, headers: { cookie: inLanguage(leadCookie, 'en') } })).json()
    const check = result.checks.find((item: { rule: string }) => item.rule === 'line.membersOnly')
    expect(check.passed).toBe(false)
    expect(check.message).toMatch(/^Line A is for members only; not members: /)
  })
})

describe('screening', () => {
  it('lists submitted proposals with their status; an override needs a reason and is recorded', async () => {
    const callId = await publishedCall()
    const id = await draftProposal(callId)
    await confirmAll(id)
    await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/submit`, headers: { cookie: leadCookie } })
    const draftOnly = await draftProposal(callId)

    expect((await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/screening`, headers: { cookie: leadCookie } })).statusCode).toBe(403)
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/screening`, headers: { cookie: officer } })).json().items
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ proposalId: id, version: 1, eligible: true, status: 'eligible', override: null, failedChecks: [] })

    const noReason = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${id}/screening`, headers: { cookie: officer }, payload: { eligible: false, reason: '  ' } })
    expect(noReason.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' })
    const notSubmitted = await ctx.app.inject({ method: 'POST', url: `/api/proposals/${draftOnly}/screening`, headers: { cookie: officer }, payload: { eligible: false, reason: 'x' } })
    expect(notSubmitted.statusCode).toBe(409)

    const override = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${id}/screening`,
      headers: { cookie: officer },
      payload: { eligible: false, reason: 'The lead is in insolvency proceedings.' },
    })
    expect(override.statusCode).toBe(204)
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/screening`, headers: { cookie: officer } })).json().items[0]
    expect(after).toMatchObject({ status: 'ineligible', override: { eligible: false, reason: 'The lead is in insolvency proceedings.' } })
    const audit = await ctx.db.selectFrom('audit_log').select(['user_id', 'details']).where('action', '=', 'proposal.screeningOverride').where('entity_id', '=', id).execute()
    expect(audit).toEqual([{ user_id: officerId, details: { eligible: false, reason: 'The lead is in insolvency proceedings.' } }])
  })
})
