import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './db.js'

// The embedded default, whatever DATABASE_URL the suite runs with: `npm start` on a fresh clone.
const parent = mkdtempSync(join(tmpdir(), 'clock-db-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

describe('PGlite on disk', () => {
  it('creates a data folder whose parents do not exist yet, and finds its data there again', async () => {
    const dataDir = join(parent, 'fresh-clone', '.clock-data', 'pglite')
    const first = await openDatabase({ dataDir })
    await sql`CREATE TABLE kept (value text)`.execute(first.db)
    await sql`INSERT INTO kept VALUES ('still here')`.execute(first.db)
    await first.close()

    const again = await openDatabase({ dataDir })
    const rows = await sql<{ value: string }>`SELECT value FROM kept`.execute(again.db)
    await again.close()
    expect(rows.rows).toEqual([{ value: 'still here' }])
  })
})
