import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../platform/migrate.js'
import { databaseFingerprint, openTestDatabase } from '../../platform/testing.js'
import { loadReferenceData } from '../../reference.js'
import { formatCordisReport, importCordisProjects } from './cordis-import.js'

type Handle = Awaited<ReturnType<typeof openTestDatabase>>

const projectsHeader = 'id,rcn,project_acronym,title,start_date,end_date,cost,funding,url,project_website,n_participants'
const projects = [
  '1001,501,LASERSTONE,Laser processing of ornamental stone,1199142000,1322607600,1000000.5,600000,http://cordis.lab/project/1001,,3',
  '1002,502,PHOTOMAT,"Photonic sensors, for composite materials",1230764400,,2000000,1500000,,http://photomat.example,2',
  '1003,503,NOTITLE,,1199142000,,,,,,1',
  '1001,504,AGAIN,Duplicate of the first,1199142000,,,,,,1',
]
const participationsHeader = 'project_id,order_in_list,name,country,city,lat,lon'
const participations = [
  '1001,0,Marmi Apuani Srl,IT,CARRARA,44.08,10.1',
  '1001,1,FRAUNHOFER-GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E.V,DE,MUENCHEN,48.1,11.5',
  '1001,2,UNIVERSITY OF PLYMOUTH,UK,PLYMOUTH,,',
  '1002,0,FRAUNHOFER-GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E.V,DE,MUENCHEN,48.1,11.5',
  '1002,1,UNIVERSITY OF PLYMOUTH,UK,PLYMOUTH,,',
  '9999,0,NOBODY LTD,UK,LONDON,,',
  '1002,2,,IT,ROMA,,',
  '1002,1,DUPLICATE POSITION GMBH,DE,BERLIN,,',
  '1002,x,BAD ORDER SPA,IT,ROMA,,',
]

let handle: Handle
let folder: string
let registryId: string

async function writeFolder(projectRows: string[], participationRows: string[]): Promise<void> {
  await writeFile(join(folder, 'projects.csv.gz'), gzipSync([projectsHeader, ...projectRows].join('\n') + '\n'))
  await writeFile(join(folder, 'participations.csv.gz'), gzipSync([participationsHeader, ...participationRows].join('\n') + '\n'))
}

beforeAll(async () => {
  handle = await openTestDatabase()
  await migrate(handle)
  await loadReferenceData(handle.db)
  const row = await handle.db.insertInto('organisations').values({ legal_name: 'MARMI APUANI SRL', type: 'sme', country: 'IT' }).returning('id').executeTakeFirstOrThrow()
  registryId = row.id
  folder = await mkdtemp(join(tmpdir(), 'clock-cordis-projects-'))
  await writeFolder(projects, participations)
})
afterAll(async () => {
  await handle.close()
  await handle.drop()
  await rm(folder, { recursive: true, force: true })
})

describe('clock import cordis-projects', () => {
  it('loads projects and participations, rejects bad rows with reasons, and links a registry organisation', async () => {
    const report = await importCordisProjects(handle.db, folder)
    expect(report.projects).toMatchObject({ read: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 })
    expect(report.projects.rejections).toEqual(
      expect.arrayContaining([
        { reason: 'missing title', count: 1, exampleRows: [3] },
        { reason: 'duplicate project id (an earlier row has it)', count: 1, exampleRows: [4] },
      ]),
    )
    expect(report.participations).toMatchObject({ read: 9, created: 5, updated: 0, unchanged: 0, removed: 0, rejected: 4 })
    expect(report.participations.rejections).toEqual(
      expect.arrayContaining([
        { reason: 'unknown project id (not in projects.csv.gz)', count: 1, exampleRows: [6] },
        { reason: 'missing organisation name', count: 1, exampleRows: [7] },
        { reason: 'duplicate order_in_list within the project', count: 1, exampleRows: [8] },
        { reason: 'missing or invalid order_in_list', count: 1, exampleRows: [9] },
      ]),
    )
    expect(report.linked).toBe(1)

    const stored = await handle.db
      .selectFrom('past_projects')
      .select(['source', 'source_id', 'acronym', 'title', 'start_date', 'end_date', 'cost_cents', 'funding_cents', 'website'])
      .orderBy('source_id')
      .execute()
    expect(stored).toEqual([
      {
        source: 'cordis',
        source_id: '1001',
        acronym: 'LASERSTONE',
        title: 'Laser processing of ornamental stone',
        start_date: '2008-01-01',
        end_date: '2011-11-30',
        cost_cents: 100000050,
        funding_cents: 60000000,
        website: null,
      },
      {
        source: 'cordis',
        source_id: '1002',
        acronym: 'PHOTOMAT',
        title: 'Photonic sensors, for composite materials',
        start_date: '2009-01-01',
        end_date: null,
        cost_cents: 200000000,
        funding_cents: 150000000,
        website: 'http://photomat.example',
      },
    ])
    const participants = await handle.db
      .selectFrom('past_participants')
      .innerJoin('past_projects', 'past_projects.id', 'past_participants.project_id')
      .select(['past_projects.source_id', 'position', 'name', 'org_key', 'country', 'organisation_id'])
      .orderBy('past_projects.source_id')
      .orderBy('position')
      .execute()
    expect(participants[0]).toEqual({
      source_id: '1001',
      position: 0,
      name: 'Marmi Apuani Srl',
      org_key: 'MARMI APUANI SRL',
      country: 'IT',
      organisation_id: registryId,
    })
    // "UK" is the EU's code: stored as ISO "GB", like the registry.
    expect(participants.find((p) => p.name === 'UNIVERSITY OF PLYMOUTH')?.country).toBe('GB')
    expect(participants.map((p) => p.org_key)).toContain('FRAUNHOFER GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E V')
    expect(formatCordisReport(report)).toContain('projects: read 4, created 2, updated 0, unchanged 0, rejected 2')
  })

  it('is idempotent: a second run changes nothing', async () => {
    const before = await databaseFingerprint(handle.db)
    const report = await importCordisProjects(handle.db, folder)
    expect(report.projects).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 })
    expect(report.participations).toMatchObject({ created: 0, updated: 0, unchanged: 5, removed: 0, rejected: 4 })
    expect(await databaseFingerprint(handle.db)).toEqual(before)
  })

  it('links participants to registry organisations created since, and applies changes of the files', async () => {
    await handle.db.insertInto('organisations').values({ legal_name: 'University of Plymouth', type: 'university', country: 'GB' }).execute()
    await writeFolder(
      [projects[0]!.replace('Laser processing of ornamental stone', 'Laser processing of marble'), projects[1]!],
      [participations[0]!, participations[2]!, participations[3]!, participations[4]!],
    )
    const report = await importCordisProjects(handle.db, folder)
    expect(report.projects).toMatchObject({ read: 2, created: 0, updated: 1, unchanged: 1, rejected: 0 })
    // Two Plymouth rows now link to the registry; the Fraunhofer row of project 1001 is gone.
    expect(report.participations).toMatchObject({ read: 4, created: 0, updated: 2, unchanged: 2, removed: 1, rejected: 0 })
    expect(report.linked).toBe(3)
    const linked = await handle.db.selectFrom('past_participants').select('organisation_id').where('name', '=', 'UNIVERSITY OF PLYMOUTH').execute()
    expect(linked.every((row) => row.organisation_id !== null)).toBe(true)
  })

  it('links on the benchmark key of the legal name and the country', async () => {
    await writeFolder(['1005,505,MARBLE,Marble,1199142000,,,,,,1'], ['1005,0,MARMI APUANI SRL,IT,CARRARA,,', '1005,1,Marmi Apuani Srl,FR,PARIS,,'])
    const report = await importCordisProjects(handle.db, folder)
    expect(report.linked).toBe(1)
    const rows = await handle.db
      .selectFrom('past_participants')
      .innerJoin('past_projects', 'past_projects.id', 'past_participants.project_id')
      .select(['country', 'organisation_id'])
      .where('past_projects.source_id', '=', '1005')
      .orderBy('country')
      .execute()
    expect(rows).toEqual([
      { country: 'FR', organisation_id: null },
      { country: 'IT', organisation_id: registryId },
    ])
  })

  it('refuses a folder without the files, changing nothing', async () => {
    const before = await databaseFingerprint(handle.db)
    await expect(importCordisProjects(handle.db, join(folder, 'missing'))).rejects.toThrow(/cannot read/)
    expect(await databaseFingerprint(handle.db)).toEqual(before)
  })
})
