import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../demo/seed.js'
import { createTestContext, databaseFingerprint, signInAs, type TestContext } from '../platform/testing.js'
import { seedDemoOpportunities } from './opportunities.demo.js'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext()
}, 120_000)
afterAll(async () => ctx?.close())

describe('the demo EU opportunities', () => {
  it('loads twenty hand-written topics, most of them open, with budgets and deadlines', async () => {
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/opportunities/topics?pageSize=100' })).json()
    expect(all.total).toBe(20)
    const open = all.items.filter((item: { status: string }) => item.status === 'open')
    expect(open.length).toBeGreaterThanOrEqual(12)
    expect(all.items.some((item: { status: string }) => item.status === 'forthcoming')).toBe(true)
    expect(all.items.some((item: { status: string }) => item.status === 'closed')).toBe(true)
    expect(open.every((item: { deadline: string | null; budgetMaxCents: number | null }) => item.deadline !== null && item.budgetMaxCents !== null)).toBe(true)
  })

  it('shows the demo member topics that fit the organisation, with reasons', async () => {
    const cookie = await signInAs(ctx.app, { email: 'member@clock.demo', password: demoPassword })
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/opportunities/mine', headers: { cookie } })).json()
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items[0].reasons.length).toBeGreaterThan(0)
    expect(mine.items.map((item: { topic: { title: string } }) => item.topic.title).join(' | ')).toMatch(/textile|leather/i)
  })

  it('has the advanced-materials district flag a topic to its members', async () => {
    const cookie = await signInAs(ctx.app, { email: 'manager.materials@clock.demo', password: demoPassword })
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/opportunities/topics?status=open', headers: { cookie } })).json()
    expect(list.items[0].flags).toHaveLength(1)
    expect(list.flaggableDistricts.map((district: { slug: string }) => district.slug)).toEqual(['tuscany-advanced-materials'])
  })

  it('is seeded once: a second call changes nothing', async () => {
    const before = await databaseFingerprint(ctx.db)
    await seedDemoOpportunities(ctx.db)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })
})
