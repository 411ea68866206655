import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { expandCommand, formatExpansion } from './expand.js'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

async function printed(query: string[]): Promise<string> {
  let out = ''
  vi.spyOn(console, 'log').mockImplementation((text: string) => void (out += `${text}\n`))
  vi.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => ((out += String(text)), true))
  await expandCommand.run({ values: {}, positionals: query })
  return out
}

describe('clock expand', () => {
  it('prints one concept a line, the user’s words first', () => {
    expect(formatExpansion({ groups: [['saldatura', 'welding'], ['laser']] })).toBe('saldatura → welding\nlaser\n')
    expect(formatExpansion({ groups: [] })).toMatch(/only stop words/)
  })

  it('widens with the shipped vocabulary, or with the word vectors the configuration names', async () => {
    vi.stubEnv('CLOCK_QUERY_EXPANDER', '')
    vi.stubEnv('CLOCK_WORD_VECTORS', '')
    expect(await printed(['saldatura', 'dei', 'compositi'])).toMatch(/^expander: the shipped vocabulary.*\nsaldatura → welding\ncompositi → .*composites/s)

    const folder = mkdtempSync(join(tmpdir(), 'clock-vectors-'))
    writeFileSync(join(folder, 'aligned.vec'), 'lunastone 1 0.05 0\nmarble 0.97 0.1 0\nlaser 0 0 1\n')
    vi.stubEnv('CLOCK_WORD_VECTORS', folder)
    expect(await printed(['lunastone'])).toMatch(/^expander: word vectors from aligned\.vec.*\nlunastone → marble\n$/s)
  })

  it('asks for a query', async () => {
    await expect(expandCommand.run({ values: {}, positionals: [' '] })).rejects.toThrow(/give the query/)
  })
})
