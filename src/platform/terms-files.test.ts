import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The web bundle includes only server sources that import nothing (ARCHITECTURE.md): the *-terms.ts word lists
// and platform/rome-time.ts. An import there would pull server code (or zod, or the database) into the browser.
const src = fileURLToPath(new URL('..', import.meta.url))
const web = fileURLToPath(new URL('../../web/src', import.meta.url))
const termsFiles = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('-terms.ts'))

/** The files under src/ whose code the web app's sources import (type-only imports are erased), relative to src/. */
function serverFilesImportedByWeb(): string[] {
  const imported = new Set<string>()
  const webFiles = readdirSync(web, { recursive: true, encoding: 'utf8' }).filter((path) => /\.tsx?$/.test(path))
  for (const path of webFiles) {
    const source = readFileSync(join(web, path), 'utf8')
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\s)[^']*?\sfrom\s+'(\.[^']+)'/gm)) {
      const target = resolve(dirname(join(web, path)), match[1] as string)
      if (target.startsWith(src)) imported.add(relative(src, target).replace(/(\.js)?$/, '.ts'))
    }
  }
  return [...imported].sort()
}

describe('server files shared with the web app', () => {
  const shared = serverFilesImportedByWeb()

  it('are the word lists and the Rome clock', () => {
    expect(termsFiles).toEqual(expect.arrayContaining(['matchmaking/marketplace-terms.ts', 'events/event-terms.ts', 'organisations/organisation-terms.ts', 'calls/call-terms.ts']))
    expect(shared).toContain('platform/rome-time.ts')
    expect(shared.filter((path) => !path.endsWith('-terms.ts'))).toEqual(['platform/rome-time.ts'])
  })

  it.each([...new Set([...termsFiles, ...shared])])('%s imports nothing', (path) => {
    const source = readFileSync(join(src, path), 'utf8')
    expect(source).not.toMatch(/^\s*import\s/m)
    expect(source).not.toMatch(/\bfrom\s+['"]/)
  })
})
