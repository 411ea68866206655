import type { Db } from '../platform/db.js'
import { provinces, regions } from './geo-data.js'

export type Province = { code: string; name: string; nuts3: string; regionNuts2: string; regionNameIt: string; regionNameEn: string }
export type Region = { nuts2: string; nameIt: string; nameEn: string }

export async function syncGeography(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values(regions.map((region) => ({ nuts2: region.nuts2, name_it: region.nameIt, name_en: region.nameEn })))
      .onConflict((oc) => oc.column('nuts2').doUpdateSet((eb) => ({ name_it: eb.ref('excluded.name_it'), name_en: eb.ref('excluded.name_en') })))
      .execute()
    await trx
      .insertInto('provinces')
      .values(provinces.map((province) => ({ code: province.code, name: province.name, nuts3: province.nuts3, region_nuts2: province.regionNuts2 })))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          nuts3: eb.ref('excluded.nuts3'),
          region_nuts2: eb.ref('excluded.region_nuts2'),
        })),
      )
      .execute()
  })
}

export async function listProvinces(db: Db): Promise<Province[]> {
  const rows = await db
    .selectFrom('provinces')
    .innerJoin('regions', 'regions.nuts2', 'provinces.region_nuts2')
    .select(['provinces.code', 'provinces.name', 'provinces.nuts3', 'provinces.region_nuts2', 'regions.name_it', 'regions.name_en'])
    .orderBy('provinces.name')
    .execute()
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    nuts3: row.nuts3,
    regionNuts2: row.region_nuts2,
    regionNameIt: row.name_it,
    regionNameEn: row.name_en,
  }))
}

export async function listRegions(db: Db): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('name_it').execute()
  return rows.map((row) => ({ nuts2: row.nuts2, nameIt: row.name_it, nameEn: row.name_en }))
}

export async function findProvince(db: Db, code: string): Promise<{ nuts3: string; regionNuts2: string } | undefined> {
  const row = await db.selectFrom('provinces').select(['nuts3', 'region_nuts2']).where('code', '=', code).executeTakeFirst()
  return row ? { nuts3: row.nuts3, regionNuts2: row.region_nuts2 } : undefined
}
