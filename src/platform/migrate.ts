import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { DbHandle } from './db.js'

export const migrationsDir = fileURLToPath(new URL('../../db/migrations/', import.meta.url))

/** Applies, in order and each in its own transaction, the numbered SQL files not yet recorded. */
export async function migrate(handle: DbHandle, dir: string = migrationsDir): Promise<string[]> {
  await handle.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const applied = new Set(
    (await handle.db.selectFrom('schema_migrations').select('version').execute()).map((row) => row.version),
  )
  const files = (await readdir(dir)).filter((name) => /^\d{4}_.+\.sql$/.test(name)).sort()
  const newlyApplied: string[] = []
  for (const file of files) {
    const version = file.replace(/\.sql$/, '')
    if (applied.has(version)) continue
    const script = await readFile(`${dir}/${file}`, 'utf8')
    await handle.execScript(
      `BEGIN;\n${script}\n;INSERT INTO schema_migrations (version) VALUES ('${version.replace(/'/g, "''")}');\nCOMMIT;`,
    )
    newlyApplied.push(version)
  }
  return newlyApplied
}
