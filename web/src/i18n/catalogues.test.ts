import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { platformRoles } from '../accounts/types'
import { clusterGroups } from '../districts/groups'
import { clusterKinds } from '../../../src/districts/district-terms'
import { organisationTypes, sizeClasses } from '../organisations/types'
import { english, italian } from './catalogues'

type Catalogue = { [key: string]: string | Catalogue }

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text)
  }
  return entries
}

const catalogues = { it: flatten(italian), en: flatten(english) }
const sourceRoot = fileURLToPath(new URL('..', import.meta.url))

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

/** A key resolves when it exists as written or as the base of a plural (key_one). */
const resolves = (catalogue: Map<string, string>, key: string): boolean => catalogue.has(key) || catalogue.has(`${key}_one`)

describe('translation catalogues', () => {
  it('have the same keys in Italian and English', () => {
    expect([...catalogues.en.keys()].sort()).toEqual([...catalogues.it.keys()].sort())
  })

  it('have no empty texts', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const empty = [...catalogue].filter(([, text]) => text.trim() === '').map(([key]) => `${language}:${key}`)
      expect(empty).toEqual([])
    }
  })

  it('hold every literal key the web app asks for', () => {
    const used = new Set<string>()
    for (const file of sourceFiles(sourceRoot)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] as string)
    }
    expect(used.size).toBeGreaterThan(100)
    expect([...used].filter((key) => !resolves(catalogues.it, key))).toEqual([])
  })

  it('hold every key built from a value', () => {
    const families = [
      ...organisationTypes.map((type) => `organisation.types.${type}`),
      ...sizeClasses.map((size) => `organisation.sizes.${size}`),
      ...clusterKinds.map((kind) => `cluster.kind.${kind}`),
      ...clusterGroups.flatMap((group) => [`cluster.group.${group}.title`, `cluster.group.${group}.lead`]),
      ...platformRoles.map((role) => `roles.${role}`),
      ...['it', 'en'].map((language) => `layout.languageName.${language}`),
      ...['member', 'admin'].map((role) => `organisationUsers.roles.${role}`),
      ...['platform', 'demo', 'cordis-h2020'].map((source) => `organisation.sources.${source}`),
      ...['wholeNumber', 'amount', 'year'].map((problem) => `organisationForm.problems.${problem}`),
      ...['headcount', 'turnoverCents', 'balanceSheetCents', 'foundedYear'].map((field) => `organisationForm.fieldNames.${field}`),
    ]
    expect(families.filter((key) => !resolves(catalogues.it, key))).toEqual([])
  })
})
