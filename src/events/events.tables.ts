// The events domain's tables, as Kysely sees them; joined into the one Database type in platform/database.ts.
export type EventsTables = Record<never, never>
