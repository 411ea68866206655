import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardedExpander, loadQueryExpander } from './expander-plugin.js'
import type { QueryExpander } from './query-expansion.js'
import { defaultQueryExpander } from './search.js'

const folder = mkdtempSync(join(tmpdir(), 'clock-expander-'))
const pluginFile = (name: string, source: string): string => {
  const path = join(folder, name)
  writeFileSync(path, source)
  return path
}
const fixed = (answer: unknown): QueryExpander => ({ expand: async () => answer as never })

describe('a plugged-in query expander', () => {
  it('is loaded from a module and can widen what the shipped expander gives', async () => {
    const path = pluginFile(
      'neighbours.mjs',
      `export function createQueryExpander({ fallback }) {
        return { expand: async (query) => {
          const { groups } = await fallback.expand(query)
          return { groups: groups.map((group) => group.includes('lunastone') ? [...group, 'marmo'] : group) }
        } }
      }`,
    )
    const expander = await loadQueryExpander(path, () => {})
    expect((await expander.expand('lunastone')).groups).toEqual([['lunastone', 'marmo']])
    // The shipped expander still answers for the rest: "marmo" is widened to English.
    expect((await expander.expand('marmo')).groups[0]).toContain('marble')
  })

  it('is refused at start-up, with the reason, when the module cannot serve', async () => {
    await expect(loadQueryExpander(join(folder, 'missing.mjs'), () => {})).rejects.toThrow(/CLOCK_QUERY_EXPANDER: cannot load/)
    await expect(loadQueryExpander(pluginFile('empty.mjs', 'export const x = 1'), () => {})).rejects.toThrow(/exports no createQueryExpander function/)
    await expect(loadQueryExpander(pluginFile('noexpand.mjs', 'export const createQueryExpander = () => ({})'), () => {})).rejects.toThrow(/returned no expand function/)
  })

  it('has its answers cleaned: empty terms and groups dropped, duplicates once, sizes bounded', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `term${i}`)
    const guarded = guardedExpander(fixed({ groups: [['laser', ' ', 'laser', 'x'.repeat(101)], [], many, ...Array.from({ length: 40 }, () => ['g'])] }), defaultQueryExpander, () => {})
    const { groups } = await guarded.expand('laser')
    expect(groups[0]).toEqual(['laser'])
    expect(groups[1]).toHaveLength(20)
    expect(groups).toHaveLength(30)
  })

  it('gives way to the shipped expander, and says so, when it fails or answers nonsense', async () => {
    const warnings: string[] = []
    const failing = guardedExpander({ expand: async () => Promise.reject(new Error('model folder unreadable')) }, defaultQueryExpander, (m) => warnings.push(m))
    expect(await failing.expand('marmo')).toEqual(await defaultQueryExpander.expand('marmo'))
    const nonsense = guardedExpander(fixed({ groups: 'marmo' }), defaultQueryExpander, (m) => warnings.push(m))
    expect(await nonsense.expand('marmo')).toEqual(await defaultQueryExpander.expand('marmo'))
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('model folder unreadable')
  })
})
