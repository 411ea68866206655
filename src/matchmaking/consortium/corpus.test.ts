import { gzipSync } from 'node:zlib'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadCorpus, orgKey, unixToRomeDate } from './corpus'

describe('orgKey', () => {
  it('upper-cases and collapses every run of non-alphanumerics into one space', () => {
    expect(orgKey('Fraunhofer-Gesellschaft zur  Förderung e.V.')).toBe('FRAUNHOFER GESELLSCHAFT ZUR FÖRDERUNG E V')
    expect(orgKey('  THOMSON R & D FRANCE SNC ')).toBe('THOMSON R D FRANCE SNC')
    expect(orgKey('Università di Bologna')).toBe('UNIVERSITÀ DI BOLOGNA')
    expect(orgKey('...')).toBe('')
  })

  it('is idempotent and never has leading, trailing or double spaces', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const key = orgKey(name)
        expect(orgKey(key)).toBe(key)
        expect(key).not.toMatch(/^\s|\s$|\s\s/)
      }),
    )
  })
})

describe('loadCorpus', () => {
  it('reads gzipped CSV folders, merges them and keeps the first copy of a project', async () => {
    const make = (projects: string, participations: string): string => {
      const dir = mkdtempSync(join(tmpdir(), 'consortium-'))
      writeFileSync(join(dir, 'projects.csv.gz'), gzipSync(projects))
      writeFileSync(join(dir, 'participations.csv.gz'), gzipSync(participations))
      return dir
    }
    const header = 'id,rcn,project_acronym,title,start_date,end_date,cost,funding,url,project_website,n_participants\n'
    const pHeader = 'project_id,order_in_list,name,country,city,lat,lon\n'
    const a = make(
      `${header}1,10,ONE,"Sensors, roads",1199142000,1322607600,100,50,u,,2\n`,
      `${pHeader}1,0,Alpha S.p.A.,IT,"TORINO, TO",45.1,7.6\n1,1,Beta GmbH,DE,,,\n`,
    )
    const b = make(`${header}1,10,ONE,dup,,,,,u,,1\n2,20,TWO,Two,,,,,u,,1\n`, `${pHeader}1,0,Dup,FR,,,\n2,0,Gamma,FR,PARIS,,\n`)
    const corpus = await loadCorpus([a, b])
    expect(corpus.projects.map((p) => p.id)).toEqual(['1', '2'])
    expect(corpus.projects[0]).toMatchObject({ title: 'Sensors, roads', startDate: '2008-01-01', cost: 100 })
    expect(corpus.participations.map((p) => p.key)).toEqual(['ALPHA S P A', 'BETA GMBH', 'GAMMA'])
    expect(corpus.participations[0]).toMatchObject({ city: 'TORINO, TO', lat: 45.1, lon: 7.6 })
    expect(corpus.participations[1]).toMatchObject({ city: null, lat: null })
  })

  it('reads CET-midnight timestamps as Rome calendar dates', () => {
    expect(unixToRomeDate('1199142000')).toBe('2008-01-01')
    expect(unixToRomeDate('')).toBeNull()
  })
})
