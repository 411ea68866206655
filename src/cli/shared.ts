import type { ParseArgsConfig } from 'node:util'
import { loadConfig } from '../platform/config.js'
import { openDatabase, type DbHandle } from '../platform/db.js'
import { migrate } from '../platform/migrate.js'

/** Wrong arguments: main prints the command's usage and exits with 2. */
export class UsageError extends Error {}

export type CommandOptions = NonNullable<ParseArgsConfig['options']>

export type ParsedArgs = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }

export type Command = {
  name: string
  summary: string
  usage: string
  options: CommandOptions
  run: (args: ParsedArgs) => Promise<void>
  /** For commands that parse their own arguments and choose their own exit code (they open no database). */
  runRaw?: (argv: string[]) => Promise<number>
}

export type OpenedDatabase = DbHandle & { migrationsApplied: string[]; location: string }

/** Opens the database the server would use (DATABASE_URL or CLOCK_DATA_DIR), migrates it, and always closes it. */
export async function withDatabase<T>(work: (database: OpenedDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const location = config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `PGlite in ${config.dataDir}`
  let handle: DbHandle
  try {
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  } catch (error) {
    throw new Error(`cannot open the database (${location}): ${errorMessage(error)}`)
  }
  try {
    const migrationsApplied = await migrate(handle)
    return await work({ ...handle, migrationsApplied, location })
  } finally {
    await handle.close()
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparsable DATABASE_URL)'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name]
  return typeof value === 'string' ? value : undefined
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name)?.trim()
  if (!value) throw new UsageError(`missing --${name}`)
  return value
}
