import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, signInAs, type TestContext } from '../platform/testing.js'
import { demoPassword } from '../demo/seed.js'
import { seedDemoMarketplace } from './matchmaking.demo.js'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext()
  await seedDemoMarketplace(ctx.db)
})
afterAll(async () => ctx.close())

describe('the demo marketplace', () => {
  it('publishes sixty profiles across the districts, in Italian and English', async () => {
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/profiles?pageSize=100' })).json()
    expect(all.total).toBe(60)
    const languages = new Set(all.items.map((item: { language: string }) => item.language))
    expect(languages).toEqual(new Set(['it', 'en']))
    expect(new Set(all.items.map((item: { district: { slug: string } }) => item.district.slug)).size).toBeGreaterThan(12)
  })

  it('is seeded once: a second call leaves it alone', async () => {
    await seedDemoMarketplace(ctx.db)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/profiles?pageSize=1' })).json().total).toBe(60)
  })

  it('answers cross-language queries', async () => {
    const titles = async (q: string): Promise<string[]> =>
      (await ctx.app.inject({ method: 'GET', url: `/api/profiles?q=${encodeURIComponent(q)}` })).json().items.map((item: { title: string }) => item.title)
    expect(await titles('idrogeno')).toEqual(expect.arrayContaining(['Hydrogen storage in metal hydrides', 'Elettrolizzatore alcalino modulare da 100 kW']))
    expect(await titles('marble coating')).toContain('Rivestimento antimacchia per lastre di marmo lucidato')
    expect(await titles('robotica')).toContain('Robotic waterjet cell for 3D stone carving')
  })

  it('gives the demo accounts a review queue, their own profiles and a funnel', async () => {
    const manager = await signInAs(ctx.app, { email: 'manager.materials@clock.demo', password: demoPassword })
    const queue = (await ctx.app.inject({ method: 'GET', url: '/api/profiles/review-queue', headers: { cookie: manager } })).json()
    expect(queue.items).toHaveLength(1)
    const owner = await signInAs(ctx.app, { email: 'orgadmin@clock.demo', password: demoPassword })
    const mine = (await ctx.app.inject({ method: 'GET', url: '/api/profiles/mine', headers: { cookie: owner } })).json()
    expect(mine.items.map((item: { status: string }) => item.status).sort()).toEqual(['draft', 'published', 'submitted'])
    const officer = await signInAs(ctx.app, { email: 'officer@clock.demo', password: demoPassword })
    const funnel = (await ctx.app.inject({ method: 'GET', url: '/api/marketplace/funnel', headers: { cookie: officer } })).json()
    expect(funnel.stages.map((stage: { count: number }) => stage.count)).toEqual([60, 20, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)])
    expect(funnel.stages[4].count).toBeGreaterThan(0)
  })
})
