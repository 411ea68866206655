import type { Db } from '../platform/db.js'
import { invalidField } from '../platform/errors.js'
import { taxonomyNodes } from './taxonomy-data.js'

export type TaxonomyNode = { code: string; parentCode: string | null; labelIt: string; labelEn: string }

/** Brings the stored tree up to the shipped reference data; codes are stable, labels may be corrected. */
export async function syncTaxonomy(db: Db): Promise<void> {
  for (const [position, node] of taxonomyNodes.entries()) {
    await db
      .insertInto('taxonomy_nodes')
      .values({ code: node.code, parent_code: node.parentCode, label_it: node.labelIt, label_en: node.labelEn, position })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({ parent_code: node.parentCode, label_it: node.labelIt, label_en: node.labelEn, position }),
      )
      .execute()
  }
}

export async function listTaxonomy(db: Db): Promise<TaxonomyNode[]> {
  const rows = await db.selectFrom('taxonomy_nodes').selectAll().orderBy('position').execute()
  return rows.map((row) => ({ code: row.code, parentCode: row.parent_code, labelIt: row.label_it, labelEn: row.label_en }))
}

/** Refuses, naming the field, any code that is not in the tree. */
export async function assertKnownTaxonomyCodes(db: Db, codes: readonly string[], field: string): Promise<void> {
  if (codes.length === 0) return
  const found = await db.selectFrom('taxonomy_nodes').select('code').where('code', 'in', [...codes]).execute()
  const known = new Set(found.map((row) => row.code))
  const unknown = codes.filter((code) => !known.has(code))
  if (unknown.length > 0) throw invalidField(field, 'validation.unknown_taxonomy', { codes: unknown.join(', ') })
}
