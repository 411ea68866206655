import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './db.js'
import { romeDate } from './rome-time.js'
import { openTestDatabase } from './testing.js'

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

describe('the database clock', () => {
  it('counts days in Rome, as the code does, and keeps instants exact', async () => {
    const handle = await openTestDatabase()
    try {
      // Late evening UTC in winter is already the next day in Rome.
      const row = (
        await sql<{ zone: string; today: string; lateEvening: string; instant: Date }>`
          SELECT current_setting('TimeZone') AS zone, to_char(current_date, 'YYYY-MM-DD') AS today,
                 to_char(timestamptz '2026-12-07 23:15:00Z', 'YYYY-MM-DD') AS "lateEvening",
                 timestamptz '2026-07-07T21:15:00.123Z' AS instant`.execute(handle.db)
      ).rows[0]
      expect(row?.zone).toBe('Europe/Rome')
      expect(row?.lateEvening).toBe('2026-12-08')
      expect([romeDate(new Date(Date.now() - 1000)), romeDate(new Date())]).toContain(row?.today)
      expect(row?.instant.toISOString()).toBe('2026-07-07T21:15:00.123Z')
    } finally {
      await handle.close()
      await handle.drop()
    }
  })
})

