import { syncClusters } from './districts/districts.service.js'
import { syncGeography } from './organisations/geo.service.js'
import type { Db } from './platform/db.js'
import { syncTaxonomy } from './taxonomy/taxonomy.service.js'

/** The shipped reference data (taxonomy, NUTS geography, districts and clusters); safe to run at every start. */
export async function loadReferenceData(db: Db): Promise<void> {
  await syncTaxonomy(db)
  await syncGeography(db)
  await syncClusters(db)
}
