import type { Db } from '../../platform/db.js'
import { taxonomyNodes } from '../../taxonomy/taxonomy-data.js'
import type { Names } from './explain.js'

const taxonomyNames = new Map(taxonomyNodes.map((node) => [node.code, { it: node.labelIt, en: node.labelEn }]))

export type DistrictName = { id: string; slug: string; nameIt: string; nameEn: string }

/** The names that reasons mention: taxonomy nodes, districts and regions, in both languages. */
export async function loadNames(db: Db, districtIds: readonly string[], regionCodes: readonly string[]): Promise<Names & { districtRefs: ReadonlyMap<string, DistrictName> }> {
  const [districts, regions] = await Promise.all([
    districtIds.length === 0
      ? []
      : db.selectFrom('clusters').select(['id', 'slug', 'name_it', 'name_en']).where('id', 'in', [...new Set(districtIds)]).execute(),
    regionCodes.length === 0 ? [] : db.selectFrom('regions').select(['nuts2', 'name_it', 'name_en']).where('nuts2', 'in', [...new Set(regionCodes)]).execute(),
  ])
  return {
    taxonomy: taxonomyNames,
    districts: new Map(districts.map((row) => [row.id, { it: row.name_it, en: row.name_en }])),
    regions: new Map(regions.map((row) => [row.nuts2, { it: row.name_it, en: row.name_en }])),
    districtRefs: new Map(districts.map((row) => [row.id, { id: row.id, slug: row.slug, nameIt: row.name_it, nameEn: row.name_en }])),
  }
}

/** Every district and region id the reasons refer to. */
export function referencedIds(reasons: readonly { detail: { districtIds?: string[]; region?: string } }[]): { districts: string[]; regions: string[] } {
  return {
    districts: reasons.flatMap((reason) => reason.detail.districtIds ?? []),
    regions: reasons.flatMap((reason) => (reason.detail.region ? [reason.detail.region] : [])),
  }
}
