import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../platform/testing.js'
import { seedDemoCalls } from './calls.demo.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(async () => ctx.close())

describe('demo calls', () => {
  it('publishes one open call on the Piedmont model with draft and submitted proposals, once', async () => {
    await seedDemoCalls(ctx.db)
    await seedDemoCalls(ctx.db)
    const calls = (await ctx.app.inject({ method: 'GET', url: '/api/calls' })).json().items
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ phase: 'open', totalBudgetCents: 50_000_000_00 })
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/calls/${calls[0].id}` })).json().call
    expect(detail.lines.map((line: { code: string; budgetCents: number; clusterSlug: string }) => [line.code, line.budgetCents, line.clusterSlug])).toEqual([
      ['A', 35_000_000_00, 'clock'],
      ['B', 15_000_000_00, 'clock'],
    ])
    const proposals = await ctx.db.selectFrom('proposals').select(['current_version', 'line_code']).orderBy('created_at').execute()
    expect(proposals.length).toBe(4)
    expect(proposals.filter((proposal) => proposal.current_version === 1)).toHaveLength(3)
    const versions = await ctx.db.selectFrom('proposal_versions').select('eligible').execute()
    expect(versions.every((version) => version.eligible)).toBe(true)
  })
})
