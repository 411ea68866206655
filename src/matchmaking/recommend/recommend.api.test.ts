import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDailyJobs } from '../../daily.js'
import { createTestContext, createUser, signInAs, type TestContext } from '../../platform/testing.js'
import type { OrganisationType } from '../../platform/database.js'
import { romeDateIn } from '../../platform/rome-time.js'

let ctx: TestContext
const ids: Record<string, string> = {}
const cookies: Record<string, string> = {}

type Json = Record<string, unknown>
const call = async (method: 'GET' | 'POST', url: string, cookie?: string, payload?: Json, language = 'en'): Promise<{ status: number; body: any }> => {
  const headers: Record<string, string> = { 'accept-language': language }
  if (cookie) headers.cookie = cookie
  const response = await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.statusCode === 204 ? null : response.json() }
}

const future = (days: number): string => romeDateIn(days)

async function organisation(
  key: string,
  fields: { name: string; type: OrganisationType; district: string; competences: string[]; keywords?: string[]; descriptionEn?: string; nuts2?: string },
): Promise<void> {
  const row = await ctx.db
    .insertInto('organisations')
    .values({
      legal_name: fields.name,
      type: fields.type,
      country: 'IT',
      nuts2: fields.nuts2 ?? 'ITI1',
      keywords: fields.keywords ?? [],
      description_en: fields.descriptionEn ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  ids[key] = row.id
  if (fields.competences.length > 0) {
    await ctx.db.insertInto('organisation_competences').values(fields.competences.map((code) => ({ organisation_id: row.id, taxonomy_code: code }))).execute()
  }
  const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', fields.district).executeTakeFirstOrThrow()
  await ctx.db.insertInto('memberships').values({ organisation_id: row.id, cluster_id: cluster.id, associated: true, since: '2020-01-01' }).execute()
  cookies[key] = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: row.id, role: 'admin' }], locale: 'en' }))
}

async function publish(owner: string, payload: Json, manager: string): Promise<string> {
  const created = await call('POST', '/api/profiles', cookies[owner], {
    organisationId: ids[owner],
    language: 'it',
    summary: 'Sintesi del profilo per il marketplace.',
    descriptionIt: 'Descrizione completa del profilo, con il contesto e quello che si cerca.',
    partnershipKinds: ['technical_cooperation'],
    geographicScope: 'international',
    expiresOn: future(120),
    ...payload,
  })
  expect(created.status).toBe(201)
  const id = created.body.profile.id as string
  expect((await call('POST', `/api/profiles/${id}/submit`, cookies[owner])).status).toBe(200)
  expect((await call('POST', `/api/profiles/${id}/review`, cookies[manager], { decision: 'approve' })).status).toBe(200)
  return id
}

let needId: string
let offerId: string

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
  await organisation('quarry', { name: 'Marmi Apuani Srl', type: 'sme', district: 'tuscany-marble-stone', competences: ['SF.01'], keywords: ['marmo', 'lastre'] })
  await organisation('laserLab', {
    name: 'Photonics Research Institute',
    type: 'research_organisation',
    district: 'tuscany-advanced-materials',
    competences: ['SF.01', 'ICT.01'],
    keywords: ['laser cutting', 'photonics'],
    descriptionEn: 'Laser cutting and processing of stone and composite materials.',
  })
  await organisation('bank', { name: 'Banca del Territorio', type: 'financial_operator', district: 'tuscany-advanced-materials', competences: ['SF.01'] })
  await organisation('software', { name: 'Gestionali Srl', type: 'sme', district: 'tuscany-ict', competences: ['ICT.03'], keywords: ['software gestionale'] })
  await organisation('machines', { name: 'Macchine Speciali Spa', type: 'sme', district: 'tuscany-advanced-materials', competences: ['SF.03'], keywords: ['macchine utensili'], nuts2: 'ITC1' })
  cookies.marbleManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-marble-stone'], locale: 'en' }))
  cookies.materialsManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-advanced-materials'], locale: 'it' }))
  cookies.ictManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-ict'] }))

  offerId = await publish(
    'laserLab',
    { kind: 'technology_offer', districtSlug: 'tuscany-advanced-materials', language: 'en', title: 'Fibre laser cutting of stone slabs', taxonomy: ['SF.01'], keywords: ['laser cutting'], trl: 7 },
    'materialsManager',
  )
  needId = await publish(
    'quarry',
    { kind: 'technology_request', districtSlug: 'tuscany-marble-stone', title: 'Taglio laser di lastre di marmo', taxonomy: ['SF.01'], keywords: ['taglio laser', 'marmo'], trl: 6 },
    'marbleManager',
  )
})
afterAll(async () => ctx.close())

describe('recommendations for a need', () => {
  it('finds research from another district first, across languages, and says why', async () => {
    const { status, body } = await call('GET', `/api/profiles/${needId}/recommendations`, cookies.quarry)
    expect(status).toBe(200)
    const names = body.organisations.map((item: any) => item.organisation.name)
    expect(names[0]).toBe('Photonics Research Institute')
    expect(names).not.toContain('Gestionali Srl')
    expect(names).not.toContain('Marmi Apuani Srl')
    const top = body.organisations[0]
    const texts = top.reasons.map((reason: any) => reason.text)
    expect(texts).toContain('Competences in Industrial automation')
    expect(texts).toContain('Shared terms: taglio laser')
    expect(texts).toContain('A research organisation for a technical need')
    expect(texts).toContain('From another district: Regional Technology District for Advanced Materials (NMP)')
    expect(top.districts.map((district: any) => district.slug)).toEqual(['tuscany-advanced-materials'])
    expect(top.score).toBeCloseTo(top.reasons.reduce((sum: number, reason: any) => sum + reason.points, 0), 1)
    // The bank shares the competence, but is no answer to a technical need: it ranks below the lab.
    expect(names.indexOf('Banca del Territorio')).toBeGreaterThan(0)
  })

  it('lists the offers that answer it, with the TRL fit, in the reader’s language', async () => {
    // The materials district's manager reads Italian.
    const { body } = await call('GET', `/api/profiles/${needId}/recommendations`, cookies.materialsManager, undefined, 'it')
    expect(body.profiles.map((item: any) => item.profile.id)).toEqual([offerId])
    const texts = body.profiles[0].reasons.map((reason: any) => reason.text)
    expect(texts).toContain('Offerta a TRL 7, richiesto TRL 6')
    expect(texts).toContain('Termini in comune: taglio laser')
  })

  it('honours the target organisation types of the profile', async () => {
    const created = await call('POST', '/api/profiles', cookies.quarry, {
      organisationId: ids.quarry,
      kind: 'technology_request',
      districtSlug: 'tuscany-marble-stone',
      language: 'it',
      title: 'Automazione della lucidatura',
      taxonomy: ['SF.01'],
      targetOrganisationTypes: ['financial_operator'],
      expiresOn: future(60),
    })
    const { body } = await call('GET', `/api/profiles/${created.body.profile.id}/recommendations`, cookies.quarry)
    expect(body.organisations.map((item: any) => item.organisation.name)).toEqual(['Banca del Territorio'])
  })

  it('is for signed-in users, and hides drafts from strangers', async () => {
    expect((await call('GET', `/api/profiles/${needId}/recommendations`)).status).toBe(401)
    const draft = await call('POST', '/api/profiles', cookies.quarry, {
      organisationId: ids.quarry, kind: 'technology_request', districtSlug: 'tuscany-marble-stone', language: 'it', title: 'Bozza riservata', expiresOn: future(30),
    })
    expect((await call('GET', `/api/profiles/${draft.body.profile.id}/recommendations`, cookies.software)).status).toBe(404)
    expect((await call('GET', `/api/profiles/${needId}/recommendations?limit=500`, cookies.quarry)).status).toBe(400)
  })

  it('shows the same need to the lab among the needs it could answer, with the same score', async () => {
    const forNeed = await call('GET', `/api/profiles/${needId}/recommendations`, cookies.quarry)
    const labScore = forNeed.body.organisations.find((item: any) => item.organisation.id === ids.laserLab).score
    const { status, body } = await call('GET', `/api/organisations/${ids.laserLab}/recommended-needs`, cookies.laserLab)
    expect(status).toBe(200)
    const item = body.items.find((entry: any) => entry.profile.id === needId)
    expect(item.score).toBe(labScore)
    expect(item.reasons.map((reason: any) => reason.text)).toContain('From another district: Technology District for Marble and Ornamental Stone')
    expect(body.items.some((entry: any) => entry.profile.id === offerId)).toBe(false)
    expect((await call('GET', `/api/organisations/${ids.laserLab}/recommended-needs`, cookies.quarry)).status).toBe(403)
  })

  it('counts a past contact as a collaboration', async () => {
    const interest = await call('POST', `/api/profiles/${needId}/interests`, cookies.laserLab, { organisationId: ids.laserLab, message: 'We cut marble with fibre lasers.' })
    expect(interest.status).toBe(201)
    expect((await call('POST', `/api/interests/${interest.body.interest.id}/decision`, cookies.quarry, { decision: 'accept' })).status).toBe(200)
    const { body } = await call('GET', `/api/profiles/${needId}/recommendations`, cookies.quarry)
    const lab = body.organisations.find((item: any) => item.organisation.id === ids.laserLab)
    expect(lab.reasons.map((reason: any) => reason.text)).toContain('Worked together before (1 projects and contacts)')
  })
})

describe('routing a need to other districts', () => {
  it('tells the managers of districts whose members match, not the posting district', async () => {
    const materials = await call('GET', '/api/notifications', cookies.materialsManager, undefined, 'it')
    expect(materials.status).toBe(200)
    expect(materials.body.unread).toBe(1)
    expect(materials.body.items[0].text).toContain('Taglio laser di lastre di marmo')
    expect(materials.body.items[0].text).toContain('distretto Distretto tecnologico Marmo e pietre ornamentali')
    expect(materials.body.items[0].link).toContain(`/marketplace/profiles/${needId}`)
    expect((await call('GET', '/api/notifications', cookies.marbleManager)).body.items).toEqual([])
    expect((await call('GET', '/api/notifications', cookies.ictManager)).body.items).toEqual([])
    const routings = await ctx.db.selectFrom('profile_routings').selectAll().where('profile_id', '=', needId).execute()
    expect(routings).toHaveLength(1)
  })

  it('routes a need once, even when asked again', async () => {
    const { routeNeed } = await import('./routing.js')
    expect(await routeNeed(ctx.db, needId)).toEqual([])
    expect((await call('GET', '/api/notifications', cookies.materialsManager)).body.items).toHaveLength(1)
  })

  it('lets a notification be marked read', async () => {
    const list = await call('GET', '/api/notifications', cookies.materialsManager)
    expect((await call('POST', '/api/notifications/read', cookies.materialsManager, { id: list.body.items[0].id })).body.updated).toBe(1)
    expect((await call('GET', '/api/notifications', cookies.materialsManager)).body.unread).toBe(0)
    // Another user's notification is not theirs to mark.
    expect((await call('POST', '/api/notifications/read', cookies.marbleManager, { id: list.body.items[0].id })).body.updated).toBe(0)
    expect((await call('GET', '/api/notifications')).status).toBe(401)
  })
})

describe('forwarding a need', () => {
  it('lets a manager point a need out to an organisation, whose users are told', async () => {
    const { status } = await call('POST', `/api/profiles/${needId}/forwards`, cookies.materialsManager, { organisationId: ids.machines, note: 'Potrebbe interessarvi' })
    expect(status).toBe(204)
    const inbox = await call('GET', '/api/notifications', cookies.machines)
    expect(inbox.body.items[0].text).toContain('points you to a need: “Taglio laser di lastre di marmo”')
    expect(inbox.body.items[0].text).toContain('(Regional Technology District for Advanced Materials (NMP))')
  })

  it('refuses a second forward, a forward to the owner, and anyone who manages no district', async () => {
    expect((await call('POST', `/api/profiles/${needId}/forwards`, cookies.materialsManager, { organisationId: ids.machines })).status).toBe(409)
    const owner = await call('POST', `/api/profiles/${needId}/forwards`, cookies.materialsManager, { organisationId: ids.quarry })
    expect(owner.status).toBe(400)
    expect(owner.body.error.field).toBe('organisationId')
    expect((await call('POST', `/api/profiles/${needId}/forwards`, cookies.software, { organisationId: ids.machines })).status).toBe(403)
    expect(await ctx.db.selectFrom('profile_forwards').selectAll().execute()).toHaveLength(1)
  })
})

describe('the daily job', () => {
  it('routes needs left unrouted and sends each unread notification in one digest', async () => {
    await sql`UPDATE profiles SET routed_at = NULL WHERE id = ${needId}`.execute(ctx.db)
    await sql`DELETE FROM profile_routings`.execute(ctx.db)
    await sql`UPDATE notifications SET created_at = now() - interval '2 days'`.execute(ctx.db)
    const before = await ctx.db.selectFrom('outbox').select('id').execute()
    const report = await runDailyJobs(ctx.db, 'http://clock.test')
    expect(report.needsRouted).toBe(1)
    // The materials manager read theirs; the machines company did not.
    expect(report.digestsQueued).toBe(1)
    const mails = await ctx.db.selectFrom('outbox').selectAll().where('id', 'not in', before.length ? before.map((row) => row.id) : ['00000000-0000-0000-0000-000000000000']).execute()
    expect(mails).toHaveLength(1)
    expect(mails[0]!.body).toContain('http://clock.test/marketplace/profiles/')
    // The notification the re-routing just made is today's: it waits for tomorrow's digest.
    expect((await runDailyJobs(ctx.db, 'http://clock.test')).digestsQueued).toBe(0)
  })
})
