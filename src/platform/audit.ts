import type { Db } from './db.js'

/** Who changed what: every write that matters to a district or the Region leaves a line here. */
export async function audit(
  db: Db,
  userId: string | null,
  action: string,
  entity: string,
  entityId: string,
  details: unknown = {},
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ user_id: userId, action, entity, entity_id: entityId, details: JSON.stringify(details) })
    .execute()
}
