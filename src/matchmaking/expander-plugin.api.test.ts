import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../platform/testing.js'
import type { QueryExpander } from './query-expansion.js'
import { defaultQueryExpander, searchProfiles } from './search.js'

// An operator's expander (here: one invented word that means marble) reaches the marketplace search through the app.
const lunastone: QueryExpander = {
  expand: async (query) => {
    const { groups } = await defaultQueryExpander.expand(query)
    return { groups: groups.map((group) => (group.includes('lunastone') ? [...group, 'marmo', 'marble'] : group)) }
  },
}

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ queryExpander: lunastone })
})
afterAll(async () => ctx.close())

describe('the search with a plugged-in query expander', () => {
  it('finds what only the plug-in knows the word for', async () => {
    const shipped = await searchProfiles(ctx.db, { q: 'lunastone', page: 1, pageSize: 20 })
    expect(shipped.items.filter((item) => /marm|marble/i.test(item.title))).toHaveLength(0)

    const response = await ctx.app.inject({ method: 'GET', url: '/api/profiles?q=lunastone&pageSize=20' })
    expect(response.statusCode).toBe(200)
    const titles: string[] = response.json().items.map((item: { title: string }) => item.title)
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.some((title) => /marm|marble/i.test(title))).toBe(true)
  })
})
