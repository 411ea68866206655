import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyOrganisationId, createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../platform/testing.js'

let ctx: TestContext
let managerCookie: string

beforeAll(async () => {
  ctx = await createTestContext()
  managerCookie = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'] }))
})
afterAll(async () => ctx.close())

type Summary = { slug: string; kind: string; nameIt: string; nameEn: string; memberCount: number; fundedByRegion: boolean }

describe('districts and clusters as reference data', () => {
  it('ships every district and cluster named in the sources, in Italian and English', async () => {
    const items: Summary[] = (await ctx.app.inject({ method: 'GET', url: '/api/clusters' })).json().items
    const count = (kind: string): number => items.filter((item) => item.kind === kind).length
    expect(count('regional_district')).toBe(10)
    expect(count('cluster_of_clusters')).toBe(1)
    expect(count('regional_cluster')).toBe(7)
    expect(count('national_cluster')).toBe(12)
    expect(items.filter((item) => item.kind === 'regional_district' && item.fundedByRegion)).toHaveLength(8)
    for (const item of items) {
      expect(item.nameIt.length).toBeGreaterThan(2)
      expect(item.nameEn.length).toBeGreaterThan(2)
    }
    const filtered: Summary[] = (await ctx.app.inject({ method: 'GET', url: '/api/clusters?kind=national_cluster' })).json().items
    expect(filtered).toHaveLength(12)
  })

  it('shows CLOCK joining the Tuscan districts, with their priorities on the taxonomy', async () => {
    const clock = (await ctx.app.inject({ method: 'GET', url: '/api/clusters/clock' })).json().cluster
    expect(clock.children).toHaveLength(10)
    const materialsCount = (await ctx.app.inject({ method: 'GET', url: '/api/clusters/tuscany-advanced-materials' })).json().cluster.memberCount
    expect(clock.memberCount).toBeGreaterThan(materialsCount)
    const materials = (await ctx.app.inject({ method: 'GET', url: '/api/clusters/tuscany-advanced-materials' })).json().cluster
    expect(materials.parents.map((parent: { slug: string }) => parent.slug)).toEqual(['clock'])
    expect(materials.priorityCodes.length).toBeGreaterThan(0)
    expect(materials.memberCount).toBeGreaterThan(0)
    expect(materials.canEdit).toBe(false)
  })

  it('answers 404 for an unknown district', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/clusters/atlantis' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
  })

  it('serves the S3 taxonomy as one tree with stable codes', async () => {
    const items: { code: string; parentCode: string | null }[] = (await ctx.app.inject({ method: 'GET', url: '/api/taxonomy' })).json().items
    expect(items.filter((item) => item.parentCode === null).map((item) => item.code)).toEqual(['ICT', 'SF', 'CN', 'TR'])
    expect(items.filter((item) => item.parentCode === 'ICT')).toHaveLength(7)
    expect(items.find((item) => item.code === 'TR.H2')).toBeTruthy()
  })
})

describe('a district manager', () => {
  it('edits their own district', async () => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/clusters/tuscany-advanced-materials',
      headers: { cookie: managerCookie },
      payload: { descriptionEn: 'Advanced materials for every Tuscan supply chain.', priorityCodes: ['CN.05', 'TR.SURF'] },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().cluster).toMatchObject({
      descriptionEn: 'Advanced materials for every Tuscan supply chain.',
      priorityCodes: ['CN.05', 'TR.SURF'],
      canEdit: true,
    })
  })

  it('never edits another district', async () => {
    const before = await databaseFingerprint(ctx.db)
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/clusters/tuscany-marble-stone',
      headers: { cookie: managerCookie },
      payload: { descriptionIt: 'Presa di controllo' },
    })
    expect(response.statusCode).toBe(403)
    const organisationId = await anyOrganisationId(ctx.db)
    const membership = await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-marble-stone/members',
      headers: { cookie: managerCookie },
      payload: { organisationId, associated: true, since: '2024-01-01' },
    })
    expect(membership.statusCode).toBe(403)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('records membership over time, and refuses overlapping periods', async () => {
    const founder = await signInAs(ctx.app, await createUser(ctx.db))
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: founder },
      payload: { legalName: 'Laser Compositi Pisani S.r.l.', type: 'sme', provinceCode: 'PI' },
    })
    const organisationId: string = created.json().organisation.id
    const add = await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-advanced-materials/members',
      headers: { cookie: managerCookie },
      payload: { organisationId, associated: false, since: '2019-03-01', until: '2020-12-31' },
    })
    expect(add.statusCode).toBe(201)
    const overlap = await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-advanced-materials/members',
      headers: { cookie: managerCookie },
      payload: { organisationId, associated: true, since: '2020-06-01' },
    })
    expect(overlap.statusCode).toBe(409)
    expect(overlap.json().error).toMatchObject({ code: 'conflict', field: 'since' })
    const later = await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-advanced-materials/members',
      headers: { cookie: managerCookie },
      payload: { organisationId, associated: true, since: '2021-01-01' },
    })
    expect(later.statusCode).toBe(201)
    const profile = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}` })).json().organisation
    expect(profile.memberships.map((m: { clusterSlug: string; since: string; until: string | null; associated: boolean }) => [m.clusterSlug, m.since, m.until, m.associated])).toEqual([
      ['tuscany-advanced-materials', '2021-01-01', null, true],
      ['tuscany-advanced-materials', '2019-03-01', '2020-12-31', false],
    ])
    const backwards = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/memberships/${add.json().membershipId}`,
      headers: { cookie: managerCookie },
      payload: { until: '2018-01-01' },
    })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.field).toBe('until')
  })

  it('lists the members of a district with a total', async () => {
    const response = (await ctx.app.inject({ method: 'GET', url: '/api/clusters/tuscany-advanced-materials/members?pageSize=5' })).json()
    expect(response.items).toHaveLength(5)
    expect(response.total).toBeGreaterThan(5)
  })
})
