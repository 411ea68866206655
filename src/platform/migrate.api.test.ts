import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedIfEmpty } from '../demo/seed.js'
import { loadReferenceData } from '../reference.js'
import { migrate } from './migrate.js'
import { databaseFingerprint, openTestDatabase } from './testing.js'

let handle: Awaited<ReturnType<typeof openTestDatabase>>

beforeAll(async () => {
  handle = await openTestDatabase()
})
afterAll(async () => {
  await handle.close()
  await handle.drop()
})

describe('start-up on an empty database', () => {
  it('applies every migration once, then none', async () => {
    const first = await migrate(handle)
    expect(first[0]).toBe('0001_init')
    expect(await migrate(handle)).toEqual([])
  })

  it('loads reference data idempotently', async () => {
    await loadReferenceData(handle.db)
    const once = await databaseFingerprint(handle.db)
    await loadReferenceData(handle.db)
    expect(await databaseFingerprint(handle.db)).toEqual(once)
  })

  it('loads the demo into an empty database, and never into one with data', async () => {
    expect(await seedIfEmpty(handle.db)).toBe(true)
    const seeded = await databaseFingerprint(handle.db)
    expect(seeded.organisations?.startsWith('400:')).toBe(true)
    expect(await seedIfEmpty(handle.db)).toBe(false)
    expect(await databaseFingerprint(handle.db)).toEqual(seeded)
  })

  it('generates the same demo on every machine', async () => {
    const names = await handle.db.selectFrom('organisations').select('legal_name').orderBy(sql`source_id::int`).limit(3).execute()
    const { generateOrganisations } = await import('../demo/generate.js')
    expect(names.map((row) => row.legal_name)).toEqual(generateOrganisations(3).map((org) => org.legalName))
  })
})
