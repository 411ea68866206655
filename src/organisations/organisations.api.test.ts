import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyOrganisationId, createTestContext, createUser, signInAs, type TestContext } from '../platform/testing.js'

let ctx: TestContext
let ownId: string
let otherId: string
let adminCookie: string
let memberCookie: string
let strangerCookie: string

beforeAll(async () => {
  ctx = await createTestContext()
  ownId = await anyOrganisationId(ctx.db, 0)
  otherId = await anyOrganisationId(ctx.db, 1)
  adminCookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: ownId, role: 'admin' }] }))
  memberCookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: ownId, role: 'member' }] }))
  strangerCookie = await signInAs(ctx.app, await createUser(ctx.db))
})
afterAll(async () => ctx.close())

describe('the directory', () => {
  it('lists the demo organisations page by page with a total', async () => {
    const first = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?pageSize=10' })).json()
    const second = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?pageSize=10&page=2' })).json()
    expect(first.total).toBe(400)
    expect(first.items).toHaveLength(10)
    expect(new Set([...first.items, ...second.items].map((item: { id: string }) => item.id)).size).toBe(20)
  })

  it('finds a name despite a typo and missing accents', async () => {
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${ownId}`,
      headers: { cookie: adminCookie },
      payload: { legalName: 'Lavorazioni Laser Apuane S.r.l.' },
    })
    const typo = (await ctx.app.inject({ method: 'GET', url: `/api/organisations?q=${encodeURIComponent('lavorazoni lasre apuane')}` })).json()
    expect(typo.items[0].id).toBe(ownId)
  })

  it('stems Italian and English and ignores accents in descriptions', async () => {
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${ownId}`,
      headers: { cookie: adminCookie },
      payload: {
        descriptionIt: 'Progettiamo rivestimenti funzionali e trattamenti superficiali per l’industria nautica.',
        descriptionEn: 'We design antimicrobial coatings for hospitals.',
      },
    })
    const italian = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?q=rivestimento%20funzionale' })).json()
    expect(italian.items.map((item: { id: string }) => item.id)).toContain(ownId)
    const english = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?q=coating%20hospital' })).json()
    expect(english.items.map((item: { id: string }) => item.id)).toContain(ownId)
    const accents = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?q=industria%20nautica' })).json()
    expect(accents.items.map((item: { id: string }) => item.id)).toContain(ownId)
  })

  it('filters by type, size, province and region, and every result matches', async () => {
    const result = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?type=sme&size=small&pageSize=100' })).json()
    expect(result.total).toBeGreaterThan(0)
    for (const item of result.items) expect(item).toMatchObject({ type: 'sme', sizeClass: 'small' })
    const pisa = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?province=PI&pageSize=100' })).json()
    expect(pisa.total).toBeGreaterThan(0)
    for (const item of pisa.items) expect(item.provinceCode).toBe('PI')
    const tuscany = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?region=ITI1&pageSize=1' })).json()
    const piedmont = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?region=ITC1&pageSize=1' })).json()
    expect(tuscany.total).toBeGreaterThan(piedmont.total)
  })

  it('filters by taxonomy node including its children', async () => {
    const root = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?taxonomy=CN&pageSize=100' })).json()
    const child = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?taxonomy=CN.03&pageSize=100' })).json()
    expect(child.total).toBeGreaterThan(0)
    expect(root.total).toBeGreaterThan(child.total)
    for (const item of child.items) expect(item.competences).toContain('CN.03')
    for (const item of root.items) expect(item.competences.some((code: string) => code.startsWith('CN'))).toBe(true)
  })

  it('filters by district, and CLOCK gathers the members of its districts', async () => {
    const marble = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?cluster=tuscany-marble-stone&pageSize=100' })).json()
    expect(marble.total).toBeGreaterThan(0)
    for (const item of marble.items) expect(item.clusters).toContain('tuscany-marble-stone')
    const clock = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?cluster=clock&pageSize=1' })).json()
    expect(clock.total).toBeGreaterThan(marble.total)
  })
})

describe('text search with filters', () => {
  it('returns only organisations that match both the words and every filter', async () => {
    const search = async (query: string): Promise<{ items: { type: string; sizeClass: string; provinceCode: string; competences: string[]; clusters: string[] }[]; total: number }> =>
      (await ctx.app.inject({ method: 'GET', url: `/api/organisations?${query}&pageSize=100` })).json()
    const bySize = await search('q=tessuti&type=sme&size=micro')
    expect(bySize.total).toBeGreaterThan(0)
    for (const item of bySize.items) expect(item).toMatchObject({ type: 'sme', sizeClass: 'micro' })
    const byTaxonomy = await search('q=laser&taxonomy=CN')
    expect(byTaxonomy.total).toBeGreaterThan(0)
    for (const item of byTaxonomy.items) expect(item.competences.some((code) => code.startsWith('CN'))).toBe(true)
    const byCluster = await search('q=marmo&cluster=clock&province=MS')
    for (const item of byCluster.items) {
      expect(item.provinceCode).toBe('MS')
      expect(item.clusters.some((slug) => slug.startsWith('tuscany-'))).toBe(true)
    }
  })

  it('follows changes to competences and to membership periods at once', async () => {
    const founder = await signInAs(ctx.app, await createUser(ctx.db))
    const created = (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie: founder },
        payload: { legalName: 'Zirconia Speciale S.r.l.', type: 'sme', descriptionIt: 'Ceramiche di zirconia per impianti.', competences: ['CN.02'] },
      })
    ).json().organisation
    const ids = async (query: string): Promise<string[]> =>
      (await ctx.app.inject({ method: 'GET', url: `/api/organisations?${query}` })).json().items.map((item: { id: string }) => item.id)
    expect(await ids('q=zirconia&taxonomy=CN.02')).toEqual([created.id])
    await ctx.app.inject({ method: 'PATCH', url: `/api/organisations/${created.id}`, headers: { cookie: founder }, payload: { competences: ['SF.01'] } })
    expect(await ids('q=zirconia&taxonomy=CN.02')).toEqual([])
    expect(await ids('q=zirconia&taxonomy=SF')).toEqual([created.id])

    const manager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'] }))
    const past = await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-advanced-materials/members',
      headers: { cookie: manager },
      payload: { organisationId: created.id, associated: true, since: '2018-01-01', until: '2019-12-31' },
    })
    expect(past.statusCode).toBe(201)
    expect(await ids('q=zirconia&cluster=tuscany-advanced-materials')).toEqual([])
    await ctx.app.inject({
      method: 'POST',
      url: '/api/clusters/tuscany-advanced-materials/members',
      headers: { cookie: manager },
      payload: { organisationId: created.id, associated: true, since: '2024-01-01' },
    })
    expect(await ids('q=zirconia&cluster=tuscany-advanced-materials')).toEqual([created.id])
    expect(await ids('q=zirconia&cluster=clock&type=sme')).toEqual([created.id])
    expect(await ids('q=zirconia&cluster=tuscany-fashion')).toEqual([])
  })

  it('says when a broad query has more matches than it counts', async () => {
    const broad = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?q=organizzazione' })).json()
    expect(broad.total).toBeGreaterThan(300)
    expect(broad.totalExact).toBe(true)
    const none = (await ctx.app.inject({ method: 'GET', url: '/api/organisations?q=xylofonoquantico' })).json()
    expect(none).toMatchObject({ items: [], total: 0, totalExact: true })
  })
})

describe('an organisation profile', () => {
  it('shows the EU SME class with its reasons in the user’s language', async () => {
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${ownId}`,
      headers: { cookie: adminCookie },
      payload: { type: 'sme', headcount: 40, turnoverCents: 900_000_000, balanceSheetCents: 1_500_000_000 },
    })
    const italian = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${ownId}` })).json().organisation
    expect(italian.sizeClass).toBe('small')
    expect(italian.sme.size).toBe('small')
    expect(italian.sme.reasons.join(' ')).toMatch(/40/)
    const english = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${ownId}`, headers: { 'accept-language': 'en' } })).json().organisation
    expect(english.sme.reasons).not.toEqual(italian.sme.reasons)
    expect(english.sme.reasons.join(' ')).toMatch(/€/)
  })

  it('hides contact people from visitors and shows them to signed-in users', async () => {
    const visitor = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${otherId}` })).json().organisation
    const signedIn = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${otherId}`, headers: { cookie: strangerCookie } })).json().organisation
    expect(visitor.contacts).toEqual([])
    expect(signedIn.contacts.length).toBeGreaterThan(0)
  })

  it('tells each viewer whether they may edit', async () => {
    const canEdit = async (cookie?: string): Promise<boolean> =>
      (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${ownId}`, headers: cookie ? { cookie } : {} })).json().organisation.canEdit
    expect(await canEdit(adminCookie)).toBe(true)
    expect(await canEdit(memberCookie)).toBe(false)
    expect(await canEdit(strangerCookie)).toBe(false)
    expect(await canEdit()).toBe(false)
  })

  it('lets its admin edit the whole profile, normalising the VAT number and deriving NUTS codes', async () => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${ownId}`,
      headers: { cookie: adminCookie },
      payload: {
        vatNumber: 'IT 06363391001',
        provinceCode: 'MS',
        city: 'Carrara',
        website: 'https://laser-apuane.example.it',
        keywords: ['laser', 'marmo', 'laser'],
        competences: ['TR.SURF', 'SF.01'],
        contacts: [{ fullName: 'Giulia Rossi', roleTitle: 'Responsabile R&S', email: 'G.Rossi@Example.it', phone: '+39 0585 123456' }],
      },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().organisation).toMatchObject({
      vatNumber: '06363391001',
      provinceCode: 'MS',
      nuts3: 'ITI11',
      nuts2: 'ITI1',
      keywords: ['laser', 'marmo'],
      competences: ['SF.01', 'TR.SURF'],
      contacts: [{ fullName: 'Giulia Rossi', email: 'g.rossi@example.it' }],
    })
  })

  it('lets a signed-in user create an organisation and become its admin', async () => {
    const founder = await createUser(ctx.db)
    const cookie = await signInAs(ctx.app, founder)
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie },
      payload: { legalName: 'Nuova Startup Fotonica S.r.l.', type: 'startup', provinceCode: 'PI', competences: ['ICT.06'] },
    })
    expect(response.statusCode).toBe(201)
    const created = response.json().organisation
    expect(created).toMatchObject({ canEdit: true, country: 'IT', nuts3: 'ITI17' })
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user
    expect(me.organisations).toEqual([{ id: created.id, name: 'Nuova Startup Fotonica S.r.l.', role: 'admin' }])
  })

  it('lets the admin add a colleague as member, and refuses removing the last admin', async () => {
    const colleague = await createUser(ctx.db)
    const added = await ctx.app.inject({
      method: 'POST',
      url: `/api/organisations/${ownId}/users`,
      headers: { cookie: adminCookie },
      payload: { email: colleague.email, role: 'member' },
    })
    expect(added.statusCode).toBe(200)
    expect(added.json().items.map((item: { email: string }) => item.email)).toContain(colleague.email)
    const byMember = await ctx.app.inject({
      method: 'POST',
      url: `/api/organisations/${ownId}/users`,
      headers: { cookie: memberCookie },
      payload: { email: colleague.email, role: 'admin' },
    })
    expect(byMember.statusCode).toBe(403)
  })
})

describe('the EU SME size preview', () => {
  it('classifies from the figures given', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/organisations/size-preview?headcount=8&turnoverCents=150000000' })
    expect(response.json().size).toBe('micro')
    const large = await ctx.app.inject({ method: 'GET', url: '/api/organisations/size-preview?headcount=250' })
    expect(large.json().size).toBe('large')
  })
})

describe('geography', () => {
  it('lists the 107 Italian provinces with their NUTS codes', async () => {
    const response = (await ctx.app.inject({ method: 'GET', url: '/api/geo/provinces' })).json()
    expect(response.items).toHaveLength(107)
    expect(response.items.find((item: { code: string }) => item.code === 'FI')).toMatchObject({ nuts3: 'ITI14', regionNuts2: 'ITI1', regionNameIt: 'Toscana' })
  })
})
