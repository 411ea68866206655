import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../platform/migrate.js'
import { openTestDatabase } from '../platform/testing.js'
import { loadReferenceData } from '../reference.js'
import { searchDirectory } from './directory.js'
import { h2020Source, importH2020Organisations } from './h2020-import.js'

type Handle = Awaited<ReturnType<typeof openTestDatabase>>

const header = '"K-Core","activityType","city","country","name","orgId","shortName","street","totMoney"'
const rows = [
  '136,"HES","PLYMOUTH","UK",0,"UNIVERSITY OF PLYMOUTH","999854661","UOP","DRAKE CIRCUS",7.66444e+06',
  '20,"REC","BARI","IT","INSTITUTO TUMORI "GIOVANNI PAOLO II"","988316026","ITGP","VIA ORAZIO FLACCO 65",0',
  '2,"PRC","FERRARA","IT","METEOROLOGICAL AND ENVIRONMENTAL EARTH OBSERVATION SRL","999999999","MEEO","VIALE VOLANO 195A",1e+05',
  '1,"PUB","ATHINA","EL","GENIKI GRAMMATEIA EREVNAS","986524713","GSRT","MESOGEION 14-18",0',
  '0,"PRC","","IT","KAYSER ITALIA SRL","","KAYSER ITALIA SRL","",3.78359e+07',
  '1,"XYZ","ROMA","IT","SOMETHING ELSE","987654321","","",0',
  '1,"OTH","NOWHERE","QQ","NOWHERE ASSOCIATION","912345678","","",0',
]

let handle: Handle
let folder: string
let file: string

beforeAll(async () => {
  handle = await openTestDatabase()
  await migrate(handle)
  await loadReferenceData(handle.db)
  folder = await mkdtemp(join(tmpdir(), 'clock-h2020-'))
  file = join(folder, 'orgs.csv.gz')
  // Row 1 has an extra column on purpose: it must be rejected as malformed, not shift the others.
  await writeFile(file, gzipSync([header, ...rows].join('\n') + '\n'))
})
afterAll(async () => {
  await handle.close()
  await handle.drop()
  await rm(folder, { recursive: true, force: true })
})

describe('importing the CORDIS H2020 organisations', () => {
  it('creates the valid rows and reports the rejected ones with their reasons', async () => {
    const report = await importH2020Organisations(handle.db, file)
    expect(report).toMatchObject({ rowsRead: 7, italian: 4, created: 3, updated: 0, unchanged: 0, rejected: 4, repairedRows: [2] })
    expect(report.rejections).toEqual(
      expect.arrayContaining([
        { reason: 'malformed CSV row (10 fields, the header has 9)', count: 1, exampleRows: [1] },
        { reason: 'missing PIC (orgId)', count: 1, exampleRows: [5] },
        { reason: 'unknown activity type "XYZ"', count: 1, exampleRows: [6] },
        { reason: 'invalid country code "QQ"', count: 1, exampleRows: [7] },
      ]),
    )
    const stored = await handle.db
      .selectFrom('organisations')
      .select(['source_id', 'legal_name', 'short_name', 'type', 'country', 'city', 'street', 'province_code', 'size_class'])
      .where('source', '=', h2020Source)
      .orderBy('source_id')
      .execute()
    expect(stored).toEqual([
      { source_id: '986524713', legal_name: 'GENIKI GRAMMATEIA EREVNAS', short_name: 'GSRT', type: 'public_body', country: 'GR', city: 'ATHINA', street: 'MESOGEION 14-18', province_code: null, size_class: null },
      { source_id: '988316026', legal_name: 'INSTITUTO TUMORI "GIOVANNI PAOLO II"', short_name: 'ITGP', type: 'research_organisation', country: 'IT', city: 'BARI', street: 'VIA ORAZIO FLACCO 65', province_code: null, size_class: null },
      { source_id: '999999999', legal_name: 'METEOROLOGICAL AND ENVIRONMENTAL EARTH OBSERVATION SRL', short_name: 'MEEO', type: 'company', country: 'IT', city: 'FERRARA', street: 'VIALE VOLANO 195A', province_code: null, size_class: null },
    ])
  })

  it('changes nothing when the same file is imported again', async () => {
    const report = await importH2020Organisations(handle.db, file)
    expect(report).toMatchObject({ rowsRead: 7, created: 0, updated: 0, unchanged: 3, rejected: 4 })
  })

  it('updates only the rows that changed in the file', async () => {
    const changed = rows.map((row) => row.replace('"VIALE VOLANO 195A"', '"VIALE VOLANO 195B"'))
    await writeFile(file, gzipSync([header, ...changed].join('\n') + '\n'))
    const report = await importH2020Organisations(handle.db, file)
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
  })

  it('makes the imported organisations findable in the directory', async () => {
    const result = await searchDirectory(handle.db, { q: 'tumori bari', page: 1, pageSize: 10 })
    expect(result.items[0]?.legalName).toBe('INSTITUTO TUMORI "GIOVANNI PAOLO II"')
  })

  it('explains a missing file', async () => {
    await expect(importH2020Organisations(handle.db, join(folder, 'missing.csv.gz'))).rejects.toThrow(/cannot read .*missing\.csv\.gz/)
  })
})
