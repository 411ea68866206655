import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../platform/testing.js'
import { loadConfiguredExpander } from './expander-plugin.js'
import { searchProfiles } from './search.js'

// Word vectors read from a folder, as an operator configures them with CLOCK_WORD_VECTORS: in this space an
// invented word, "lunastone", lies next to marble and its Italian word. Only the vectors know it.
const vectors = ['lunastone 1 0.05 0', 'marble 0.97 0.1 0', 'marmo 0.95 0 0.1', 'laser 0 0 1'].join('\n')

let ctx: TestContext
beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'clock-vectors-'))
  writeFileSync(join(folder, 'aligned.vec'), vectors)
  const configured = await loadConfiguredExpander({ queryExpanderModule: undefined, wordVectorsFolder: folder, wordVectorsMaxWords: 1000 }, () => {})
  ctx = await createTestContext({ queryExpander: configured?.expander })
})
afterAll(async () => ctx.close())

describe('the search with a plugged-in query expander (word vectors)', () => {
  it('finds what only the word vectors know the word for', async () => {
    const shipped = await searchProfiles(ctx.db, { q: 'lunastone', page: 1, pageSize: 20 })
    expect(shipped.items.filter((item) => /marm|marble/i.test(item.title))).toHaveLength(0)

    const response = await ctx.app.inject({ method: 'GET', url: '/api/profiles?q=lunastone&pageSize=20' })
    expect(response.statusCode).toBe(200)
    const titles: string[] = response.json().items.map((item: { title: string }) => item.title)
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.some((title) => /marm|marble/i.test(title))).toBe(true)
  })
})
