import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The *-terms.ts files are the only server sources the web bundle includes (ARCHITECTURE.md): plain lists, so an
// import there would pull server code (or zod, or the database) into the browser.
const src = fileURLToPath(new URL('..', import.meta.url))
const termsFiles = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('-terms.ts'))

describe('word lists shared with the web app', () => {
  it('exist', () => {
    expect(termsFiles).toEqual(expect.arrayContaining(['matchmaking/marketplace-terms.ts', 'events/event-terms.ts', 'organisations/organisation-terms.ts', 'calls/call-terms.ts']))
  })

  it.each(termsFiles)('%s imports nothing', (path) => {
    const source = readFileSync(join(src, path), 'utf8')
    expect(source).not.toMatch(/^\s*import\s/m)
    expect(source).not.toMatch(/\bfrom\s+['"]/)
  })
})
