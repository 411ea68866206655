// The calls domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.
export type CallsTables = Record<never, never>
