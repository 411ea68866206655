import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, signInAs, type TestContext } from '../platform/testing.js'
import { romeDateIn } from '../platform/rome-time.js'
import { demoBrokerageTitle } from './brokerage/brokerage.demo.js'
import { seedDemoEvents } from './events.demo.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
  await seedDemoEvents(ctx.db)
})
afterAll(async () => ctx.close())

describe('the demo calendar', () => {
  it('seeds about forty events across districts in the coming months, once', async () => {
    // The calendar, without the demo brokerage (brokerage.demo.api.test.ts).
    const items = ((await ctx.app.inject({ method: 'GET', url: '/api/events?to=' + romeDateIn(200) })).json().items as { titleIt: string; organisers: { slug: string }[]; startsAt: string }[]).filter((item) => item.titleIt !== demoBrokerageTitle)
    expect(items.length).toBe(40)
    expect(new Set(items.map((item) => item.organisers[0]?.slug)).size).toBeGreaterThanOrEqual(10)
    expect(items.every((item) => new Date(item.startsAt).getTime() > Date.now())).toBe(true)
    await seedDemoEvents(ctx.db)
    const count = await ctx.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('title_it', '!=', demoBrokerageTitle).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(40)
  })

  it('gives the coordinators overlaps to look at', async () => {
    const cookie = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['clock'] }))
    const to = romeDateIn(200)
    const overlaps = (await ctx.app.inject({ method: 'GET', url: `/api/events/overlaps?to=${to}`, headers: { cookie } })).json().items as unknown[]
    expect(overlaps.length).toBeGreaterThanOrEqual(3)
  })
})
