import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, signInAs, type TestContext } from '../platform/testing.js'
import { romeDateIn } from '../platform/rome-time.js'

let ctx: TestContext
let organisationId: string
let admin: string
let manager: string

const future = (days: number): string => romeDateIn(days)

type Json = Record<string, unknown>
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: Json): Promise<{ status: number; body: any }> => {
  const response = await ctx.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

const ids = async (query: string): Promise<string[]> => {
  const response = await call('GET', `/api/profiles?${query}&pageSize=100`)
  expect(response.status).toBe(200)
  return response.body.items.map((item: { id: string }) => item.id)
}

const owner = async (): Promise<{ type: string; size_class: string | null; nuts2: string | null }> =>
  ctx.db.selectFrom('organisations').select(['type', 'size_class', 'nuts2']).where('id', '=', organisationId).executeTakeFirstOrThrow()

beforeAll(async () => {
  ctx = await createTestContext()
  const row = await ctx.db
    .insertInto('organisations')
    .values({ legal_name: 'Laboratorio Facet Prova', type: 'sme', country: 'IT', province_code: 'FI', nuts2: 'ITI1', headcount: 5, keywords: [] })
    .returning('id')
    .executeTakeFirstOrThrow()
  organisationId = row.id
  const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', 'tuscany-marble-stone').executeTakeFirstOrThrow()
  await ctx.db.insertInto('memberships').values({ organisation_id: organisationId, cluster_id: cluster.id, associated: true, since: '2020-01-01' }).execute()
  admin = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: organisationId, role: 'admin' }] }))
  manager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-marble-stone'] }))
})
afterAll(async () => ctx.close())

describe('marketplace filters kept by triggers (profiles.linked_facets)', () => {
  let profileId: string
  const title = 'Zirconio sinterizzato per utensili da taglio'

  it('follows a profile’s taxonomy as it is edited, published and retagged', async () => {
    const created = await call('POST', '/api/profiles', admin, {
      organisationId,
      kind: 'technology_offer',
      districtSlug: 'tuscany-marble-stone',
      language: 'it',
      title,
      summary: 'Utensili in zirconio sinterizzato per il taglio della pietra.',
      descriptionIt: 'Offriamo utensili da taglio in zirconio sinterizzato, provati in cava su marmo e granito.',
      taxonomy: ['TR.SURF'],
      keywords: ['zirconio'],
      trl: 7,
      partnershipKinds: ['technical_cooperation'],
      targetOrganisationTypes: [],
      geographicScope: 'international',
      expiresOn: future(120),
    })
    expect(created.status).toBe(201)
    profileId = created.body.profile.id
    expect((await call('PATCH', `/api/profiles/${profileId}`, admin, { taxonomy: ['SF.01', 'CN.03'] })).status).toBe(200)
    expect((await call('POST', `/api/profiles/${profileId}/submit`, admin)).status).toBe(200)
    expect((await call('POST', `/api/profiles/${profileId}/review`, manager, { decision: 'approve' })).status).toBe(200)

    for (const query of ['taxonomy=SF.01', 'taxonomy=SF', 'taxonomy=CN.03', 'taxonomy=CN', 'q=zirconio&taxonomy=SF']) expect(await ids(query)).toContain(profileId)
    for (const query of ['taxonomy=TR.SURF', 'taxonomy=TR', 'taxonomy=SF.02', 'q=zirconio&taxonomy=TR']) expect(await ids(query)).not.toContain(profileId)

    // Tags changed outside the profile form (an import, a correction) are followed as well.
    await ctx.db.deleteFrom('profile_taxonomy').where('profile_id', '=', profileId).where('taxonomy_code', '=', 'SF.01').execute()
    await ctx.db.insertInto('profile_taxonomy').values({ profile_id: profileId, taxonomy_code: 'TR.H2' }).execute()
    for (const query of ['taxonomy=TR.H2', 'taxonomy=TR', 'taxonomy=CN.03', 'q=zirconio&taxonomy=TR.H2']) expect(await ids(query)).toContain(profileId)
    for (const query of ['taxonomy=SF.01', 'taxonomy=SF', 'q=zirconio&taxonomy=SF']) expect(await ids(query)).not.toContain(profileId)
  })

  it('follows the owning organisation’s type, size and region when they change', async () => {
    const before = await owner()
    expect(before.type).toBe('sme')
    expect(await ids('organisationType=sme&taxonomy=CN.03')).toContain(profileId)
    expect(await ids('q=zirconio&organisationType=sme')).toContain(profileId)
    if (before.size_class) expect(await ids(`size=${before.size_class}&kind=technology_offer`)).toContain(profileId)
    expect(await ids(`region=${before.nuts2 ?? 'ITI1'}&kind=technology_offer`)).toContain(profileId)

    const changed = await call('PATCH', `/api/organisations/${organisationId}`, admin, { type: 'research_organisation', headcount: 400, provinceCode: 'TO' })
    expect(changed.status).toBe(200)
    const after = await owner()
    expect(after.type).toBe('research_organisation')
    expect(after.nuts2).not.toBe(before.nuts2)

    expect(await ids('organisationType=sme&taxonomy=CN.03')).not.toContain(profileId)
    expect(await ids('q=zirconio&organisationType=sme')).not.toContain(profileId)
    expect(await ids('organisationType=research_organisation&taxonomy=CN.03')).toContain(profileId)
    expect(await ids('q=zirconio&organisationType=research_organisation')).toContain(profileId)
    if (after.nuts2) expect(await ids(`region=${after.nuts2}&kind=technology_offer`)).toContain(profileId)
    if (before.nuts2) expect(await ids(`region=${before.nuts2}&kind=technology_offer`)).not.toContain(profileId)
    if (after.size_class) expect(await ids(`size=${after.size_class}&kind=technology_offer`)).toContain(profileId)
    if (before.size_class && before.size_class !== after.size_class) expect(await ids(`size=${before.size_class}&kind=technology_offer`)).not.toContain(profileId)
  })

  it('follows the kind and status: a kind with a taxonomy finds published profiles only', async () => {
    expect(await ids('kind=technology_offer&taxonomy=CN')).toContain(profileId)
    expect(await ids('kind=technology_offer&taxonomy=CN.03')).toContain(profileId)
    expect(await ids('q=zirconio&kind=technology_offer&taxonomy=TR.H2')).toContain(profileId)
    expect(await ids('kind=technology_request&taxonomy=CN')).not.toContain(profileId)
    expect(await ids('kind=technology_offer&taxonomy=SF')).not.toContain(profileId)

    expect((await call('POST', `/api/profiles/${profileId}/close`, admin, { outcome: 'withdrawn' })).status).toBe(200)
    const row = await ctx.db.selectFrom('profiles').select(sql<string>`linked_facets::text`.as('terms')).where('id', '=', profileId).executeTakeFirstOrThrow()
    expect(row.terms).toContain('taxonomy_cn_03')
    expect(row.terms).not.toContain('published_')
    expect(await ids('kind=technology_offer&taxonomy=CN')).not.toContain(profileId)
  })
})

describe('totals of broad searches', () => {
  it('counts up to 1,000 matches and then says "more than", with text and without', async () => {
    const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', 'tuscany-marble-stone').executeTakeFirstOrThrow()
    const many = async (count: number, word: string): Promise<void> => {
      await sql`INSERT INTO profiles (kind, status, organisation_id, cluster_id, title, summary, expires_on, published_at)
        SELECT 'business_offer', 'published', ${organisationId}, ${cluster.id}, ${`Servizio ${word} numero `} || n, '', ${future(30)}, now()
        FROM generate_series(1, ${count}) n`.execute(ctx.db)
    }
    const before = (await call('GET', '/api/profiles?kind=business_offer&pageSize=1')).body.total as number
    await many(990 - before, 'quarzite')
    const exact = (await call('GET', '/api/profiles?kind=business_offer&pageSize=1')).body
    expect(exact).toMatchObject({ total: 990, totalExact: true })
    expect((await call('GET', '/api/profiles?q=quarzite&pageSize=1')).body).toMatchObject({ total: 990 - before, totalExact: true })

    await many(20 + before, 'quarzite')
    const browse = (await call('GET', '/api/profiles?kind=business_offer&pageSize=1')).body
    expect(browse).toMatchObject({ total: 1000, totalExact: false })
    const text = (await call('GET', '/api/profiles?q=quarzite&pageSize=1')).body
    expect(text).toMatchObject({ total: 1000, totalExact: false })
    // Narrow searches stay exact.
    expect((await call('GET', '/api/profiles?q=zirconio')).body.totalExact).toBe(true)
  })
})

describe('words for correcting misspelt queries (search_words)', () => {
  it('learns the words of a profile once it is published, and as it is edited then', async () => {
    const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', 'tuscany-marble-stone').executeTakeFirstOrThrow()
    const profile = await ctx.db
      .insertInto('profiles')
      .values({ kind: 'technology_offer', organisation_id: organisationId, cluster_id: cluster.id, title: 'Lucidatura del travertino', keywords: ['Spazzolatura'], expires_on: future(30) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const known = async (word: string): Promise<boolean> =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_words WHERE word = ${word}`.execute(ctx.db)).rows[0]!.n === 1
    // A draft's words are nobody else's business: a typo is not corrected towards them.
    expect(await known('travertino')).toBe(false)
    expect((await call('GET', `/api/profiles?q=${encodeURIComponent('lucidatura travertno')}`)).body.correction).not.toContain('travertino')
    await ctx.db.updateTable('profiles').set({ status: 'published', published_at: new Date() }).where('id', '=', profile.id).execute()
    expect(await known('travertino')).toBe(true)
    expect(await known('spazzolatura')).toBe(true)
    expect(await known('del')).toBe(false) // shorter than four letters
    expect(await known('ardesia')).toBe(false)
    await ctx.db.updateTable('profiles').set({ summary: 'Anche ardesia e pietra serena' }).where('id', '=', profile.id).execute()
    expect(await known('ardesia')).toBe(true)
    const misspelt = (await call('GET', `/api/profiles?q=${encodeURIComponent('lucidatura travertno')}`)).body
    expect(misspelt.correction).toBe('lucidatura travertino')
    expect(misspelt.items.map((item: { id: string }) => item.id)).toContain(profile.id)
  })
})
