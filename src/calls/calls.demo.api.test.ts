import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../demo/seed.js'
import { createTestContext, signInAs, type TestContext } from '../platform/testing.js'
import { demoCall, demoClosedCall, seedDemoCalls, seedDemoClosedCall } from './calls.demo.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => ctx.close())

type CallItem = { id: string; titleIt: string; phase: string; totalBudgetCents: number }
const callsList = async (): Promise<CallItem[]> => (await ctx.app.inject({ method: 'GET', url: '/api/calls' })).json().items
const signIn = (email: string): Promise<string> => signInAs(ctx.app, { email, password: demoPassword })

describe('demo calls', () => {
  it('publishes one open call on the Piedmont model with draft and submitted proposals, once', async () => {
    await seedDemoCalls(ctx.db)
    const calls = (await callsList()).filter((call) => call.titleIt === demoCall.titleIt)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ phase: 'open', totalBudgetCents: 50_000_000_00 })
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${calls[0]!.id}` })).json().call
    expect(detail.lines.map((line: { code: string; budgetCents: number; clusterSlug: string }) => [line.code, line.budgetCents, line.clusterSlug])).toEqual([
      ['A', 35_000_000_00, 'clock'],
      ['B', 15_000_000_00, 'clock'],
    ])
    const proposals = await ctx.db.selectFrom('proposals').select(['current_version', 'line_code']).where('call_id', '=', calls[0]!.id).execute()
    expect(proposals.length).toBe(4)
    expect(proposals.filter((proposal) => proposal.current_version === 1)).toHaveLength(3)
  })

  it('has last year’s call closed, evaluated and decided: panels of three, every report and consensus in, a ranking, grants and payments', async () => {
    await seedDemoClosedCall(ctx.db)
    const closed = (await callsList()).filter((call) => call.titleIt === demoClosedCall.titleIt)
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({ phase: 'closed', totalBudgetCents: 2_400_000_00 })
    const callId = closed[0]!.id
    const officer = await signIn('officer@clock.demo')

    const overview = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/evaluation`, headers: { cookie: officer } })).json()
    expect(overview.proposals.length).toBeGreaterThanOrEqual(5)
    for (const proposal of overview.proposals) {
      const active = proposal.assignments.filter((item: { status: string }) => item.status === 'active')
      expect(active).toHaveLength(3)
      expect(active.filter((item: { rapporteur: boolean }) => item.rapporteur)).toHaveLength(1)
    }
    // The evaluator who works for a demo university never sits on a panel of a proposal it takes part in.
    const davide = await ctx.db.selectFrom('users').innerJoin('evaluator_profiles', 'evaluator_profiles.user_id', 'users.id').select(['users.id', 'evaluator_profiles.organisation_id']).where('email', '=', 'evaluator4@clock.demo').executeTakeFirstOrThrow()
    expect(davide.organisation_id).not.toBeNull()
    const davidePanels = await ctx.db.selectFrom('evaluation_assignments').select('proposal_id').where('evaluator_id', '=', davide.id).execute()
    for (const { proposal_id } of davidePanels) {
      const partners = await ctx.db.selectFrom('proposal_partners').select('organisation_id').where('proposal_id', '=', proposal_id).execute()
      expect(partners.map((row) => row.organisation_id)).not.toContain(davide.organisation_id)
    }

    const ranking = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/ranking`, headers: { cookie: officer } })).json()
    const rows = ranking.lines.flatMap((line: { proposals: { status: string; weightedTotal: number | null }[] }) => line.proposals)
    expect(rows).toHaveLength(overview.proposals.length)
    expect(rows.every((row: { status: string }) => row.status !== 'pending')).toBe(true)
    expect(rows.some((row: { status: string }) => row.status === 'funded')).toBe(true)
    expect(rows.some((row: { status: string }) => row.status !== 'funded')).toBe(true)
    for (const line of ranking.lines) expect(line.fundedCents).toBeLessThanOrEqual(line.budgetCents)

    // The officer's decisions followed: funded proposals granted, those below threshold not, the reserve waiting;
    // the best-ranked grant has a research contract and its advances paid.
    const funding = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/funding`, headers: { cookie: officer } })).json()
    const decided = funding.lines.flatMap((line: { proposals: { rankingStatus: string; decision: { outcome: string } | null }[] }) => line.proposals)
    for (const proposal of decided) {
      const expected = { funded: 'granted', below_threshold: 'not_granted' }[proposal.rankingStatus as 'funded' | 'below_threshold']
      expect(proposal.decision?.outcome ?? null).toBe(expected ?? null)
    }
    expect(funding.totals.contracts).toBe(1)
    expect(funding.totals.paidCents).toBeGreaterThan(0)
    expect(funding.totals.paidCents).toBeLessThan(funding.totals.grantedCents)
    for (const line of funding.lines) expect(line.remainingCents).toBeGreaterThanOrEqual(0)

    const anna = await signIn('evaluator@clock.demo')
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/evaluations', headers: { cookie: anna } })).json().items
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((item: { callId: string; reportSubmitted: boolean; consensusSubmitted: boolean }) => item.callId === callId && item.reportSubmitted && item.consensusSubmitted)).toBe(true)

    await seedDemoClosedCall(ctx.db)
    expect((await callsList()).filter((call) => call.titleIt === demoClosedCall.titleIt)).toHaveLength(1)
  })
})
