import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expireDueProfiles, remindExpiringProfiles } from './profiles.service.js'
import { anyOrganisationId, createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../platform/testing.js'
import { romeDateIn } from '../platform/rome-time.js'

let ctx: TestContext
let ownerId: string
let otherId: string
let owner: string
let other: string
let marbleManager: string
let fashionManager: string
let stranger: string
let officer: string

const future = (days: number): string => romeDateIn(days)

/** The platform's business tables and the marketplace's own: equal before and after means nothing changed. */
async function fingerprint(): Promise<Record<string, string>> {
  const digest = await databaseFingerprint(ctx.db)
  for (const table of ['profiles', 'profile_taxonomy', 'profile_interests', 'interest_steps', 'interest_messages']) {
    const result = await sql<{ digest: string }>`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql.table(table)} t`.execute(ctx.db)
    digest[table] = result.rows[0]?.digest ?? ''
  }
  return digest
}

type Json = Record<string, unknown>
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: Json): Promise<{ status: number; body: Json & { [key: string]: any } }> => {
  const response = await ctx.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

const draft = (overrides: Json = {}): Json => ({
  organisationId: ownerId,
  kind: 'technology_request',
  districtSlug: 'tuscany-marble-stone',
  language: 'it',
  title: 'Rivestimento protettivo per lastre di marmo',
  summary: 'Cerchiamo un rivestimento trasparente che protegga il marmo lucidato dalle macchie acide.',
  descriptionIt: 'Le lastre di marmo di Carrara per cucine e bagni si macchiano con gli acidi: cerchiamo un trattamento superficiale durevole.',
  taxonomy: ['CN.03'],
  keywords: ['marmo', 'rivestimento'],
  trl: 4,
  partnershipKinds: ['technical_cooperation'],
  targetOrganisationTypes: ['research_organisation', 'university'],
  geographicScope: 'international',
  expiresOn: future(180),
  ...overrides,
})

async function publish(payload: Json): Promise<string> {
  const created = await call('POST', '/api/profiles', owner, payload)
  expect(created.status).toBe(201)
  const id = created.body.profile.id as string
  expect((await call('POST', `/api/profiles/${id}/submit`, owner)).status).toBe(200)
  const district = payload.districtSlug === 'tuscany-fashion' ? fashionManager : marbleManager
  expect((await call('POST', `/api/profiles/${id}/review`, district, { decision: 'approve' })).status).toBe(200)
  return id
}

beforeAll(async () => {
  ctx = await createTestContext()
  // These tests count exact matches: start from an empty marketplace even if the demo seeds one.
  await ctx.db.deleteFrom('profiles').execute()
  ownerId = await anyOrganisationId(ctx.db, 3)
  otherId = await anyOrganisationId(ctx.db, 4)
  owner = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: ownerId, role: 'member' }] }))
  other = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: otherId, role: 'admin' }] }))
  marbleManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-marble-stone'] }))
  fashionManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-fashion'] }))
  stranger = await signInAs(ctx.app, await createUser(ctx.db))
  officer = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['ma_officer'] }))
})
afterAll(async () => ctx.close())

describe('profile lifecycle', () => {
  let id: string

  it('lets a member of the organisation create a draft that only the owner and the district’s managers see', async () => {
    const created = await call('POST', '/api/profiles', owner, draft())
    expect(created.status).toBe(201)
    expect(created.body.profile).toMatchObject({ status: 'draft', kind: 'technology_request', trl: 4, canEdit: true, canReview: false, taxonomy: ['CN.03'] })
    expect(created.body.profile.district.slug).toBe('tuscany-marble-stone')
    id = created.body.profile.id
    expect((await call('GET', `/api/profiles/${id}`)).status).toBe(404)
    expect((await call('GET', `/api/profiles/${id}`, stranger)).status).toBe(404)
    expect((await call('GET', `/api/profiles/${id}`, marbleManager)).status).toBe(200)
    expect((await call('GET', `/api/profiles/${id}`, fashionManager)).status).toBe(404)
    expect((await call('GET', '/api/profiles/mine', owner)).body.items.map((item: { id: string }) => item.id)).toContain(id)
  })

  it('refuses visitors, outsiders and bad input, naming the field and changing nothing', async () => {
    const before = await fingerprint()
    expect((await call('POST', '/api/profiles', undefined, draft())).status).toBe(401)
    expect((await call('POST', '/api/profiles', stranger, draft())).status).toBe(403)
    const cases: [Json, string][] = [
      [{ kind: 'business_offer', trl: 5 }, 'trl'],
      [{ expiresOn: '2020-01-01' }, 'expiresOn'],
      [{ expiresOn: future(2000) }, 'expiresOn'],
      [{ districtSlug: 'nowhere' }, 'districtSlug'],
      [{ title: '<b>Marmo</b>' }, 'title'],
      [{ title: '' }, 'title'],
      [{ taxonomy: ['ZZ.99'] }, 'taxonomy'],
      [{ trl: 12 }, 'trl'],
      [{ kind: 'gift' }, 'kind'],
      [{ partnershipKinds: ['marriage'] }, 'partnershipKinds.0'],
    ]
    for (const [overrides, field] of cases) {
      const response = await call('POST', '/api/profiles', owner, draft(overrides))
      expect([response.status, response.body.error?.field], JSON.stringify(overrides)).toEqual([400, field])
    }
    const edit = await call('PATCH', `/api/profiles/${id}`, owner, { trl: 0 })
    expect([edit.status, edit.body.error.field]).toEqual([400, 'trl'])
    expect(await fingerprint()).toEqual(before)
  })

  it('asks for what a reviewer needs before submitting', async () => {
    const bare = await call('POST', '/api/profiles', owner, { organisationId: ownerId, kind: 'business_offer', districtSlug: 'tuscany-marble-stone', title: 'Servizio di logistica', expiresOn: future(90) })
    const before = await fingerprint()
    const response = await call('POST', `/api/profiles/${bare.body.profile.id}/submit`, owner)
    expect([response.status, response.body.error.field]).toEqual([400, 'summary'])
    expect(response.body.error.message).toMatch(/sintesi/)
    expect(await fingerprint()).toEqual(before)
  })

  it('goes to review, is sent back with comments by the district’s manager, then approved and published', async () => {
    expect((await call('POST', `/api/profiles/${id}/submit`, stranger)).status).toBe(404)
    const submitted = await call('POST', `/api/profiles/${id}/submit`, owner)
    expect(submitted.body.profile).toMatchObject({ status: 'submitted', canEdit: false })
    expect((await call('PATCH', `/api/profiles/${id}`, owner, { title: 'Altro' })).status).toBe(409)
    expect((await call('GET', '/api/profiles/review-queue', marbleManager)).body.items.map((item: { id: string }) => item.id)).toContain(id)
    expect((await call('GET', '/api/profiles/review-queue', fashionManager)).body.items).toEqual([])
    expect((await call('POST', `/api/profiles/${id}/review`, owner, { decision: 'approve' })).status).toBe(403)
    expect((await call('POST', `/api/profiles/${id}/review`, fashionManager, { decision: 'approve' })).status).toBe(404)
    const noComment = await call('POST', `/api/profiles/${id}/review`, marbleManager, { decision: 'return' })
    expect([noComment.status, noComment.body.error.field]).toEqual([400, 'comment'])

    const returned = await call('POST', `/api/profiles/${id}/review`, marbleManager, { decision: 'return', comment: 'Indicate il TRL atteso alla fine.' })
    expect(returned.body.profile).toMatchObject({ status: 'returned', reviewComment: 'Indicate il TRL atteso alla fine.' })
    expect((await call('PATCH', `/api/profiles/${id}`, owner, { summary: 'Cerchiamo un rivestimento trasparente per marmo lucidato; TRL 6 atteso.' })).status).toBe(200)
    await call('POST', `/api/profiles/${id}/submit`, owner)
    const approved = await call('POST', `/api/profiles/${id}/review`, marbleManager, { decision: 'approve' })
    expect(approved.body.profile).toMatchObject({ status: 'published' })
    expect(approved.body.profile.publishedAt).not.toBeNull()
    expect((await call('GET', `/api/profiles/${id}`)).status).toBe(200)
    expect((await call('POST', `/api/profiles/${id}/review`, marbleManager, { decision: 'approve' })).status).toBe(409)
  })

  it('shows likely duplicates of the same organisation before submitting', async () => {
    const twin = await call('POST', '/api/profiles', owner, draft({ title: 'Rivestimenti protettivi per lastre in marmo' }))
    const duplicates = await call('GET', `/api/profiles/${twin.body.profile.id}/duplicates`, owner)
    expect(duplicates.status).toBe(200)
    expect(duplicates.body.items[0]).toMatchObject({ id, status: 'published' })
    expect(duplicates.body.items[0].similarity).toBeGreaterThan(0.35)
    const unrelated = await call('POST', '/api/profiles', owner, draft({ title: 'Cerchiamo un distributore in Germania', summary: 'Distribuzione di prodotti alimentari.', kind: 'business_request', trl: null }))
    expect((await call('GET', `/api/profiles/${unrelated.body.profile.id}/duplicates`, owner)).body.items).toEqual([])
    expect((await call('GET', `/api/profiles/${twin.body.profile.id}/duplicates`, other)).status).toBe(404)
  })
})

describe('marketplace search', () => {
  let italian: string
  let english: string
  let finance: string

  beforeAll(async () => {
    italian = await publish(draft({ title: 'Idrogeno verde per forni industriali', summary: 'Cerchiamo elettrolizzatori per decarbonizzare la cottura.', descriptionIt: 'Forni per ceramica alimentati a idrogeno.', taxonomy: ['TR.H2'], keywords: [], trl: 6 }))
    english = await publish(
      draft({
        language: 'en',
        kind: 'technology_offer',
        title: 'Antimicrobial coating for hospital surfaces',
        summary: 'A durable coating that kills bacteria on contact.',
        descriptionIt: '',
        descriptionEn: 'Our laboratory developed a photocatalytic coating tested on stainless steel and marble.',
        taxonomy: ['TR.SURF'],
        keywords: [],
        trl: 8,
      }),
    )
    finance = await publish(draft({ kind: 'finance_offer', districtSlug: 'tuscany-fashion', title: 'Capitale di rischio per startup della moda', summary: 'Investiamo in startup tessili.', taxonomy: ['SF.06'], trl: null, keywords: [] }))
  })

  const ids = async (query: string): Promise<string[]> => {
    const response = await call('GET', `/api/profiles?${query}`)
    expect(response.status).toBe(200)
    return response.body.items.map((item: { id: string }) => item.id)
  }

  it('finds an English-only profile with an Italian query and the reverse', async () => {
    expect(await ids(`q=${encodeURIComponent('rivestimento antimicrobico')}`)).toContain(english)
    expect(await ids(`q=${encodeURIComponent('superfici ospedale')}`)).toContain(english)
    expect(await ids('q=hydrogen')).toContain(italian)
    expect((await ids(`q=${encodeURIComponent('green hydrogen furnaces')}`))[0]).toBe(italian)
    const response = await call('GET', '/api/profiles?q=idrogeno')
    expect(response.body.expandedTerms).toContain('hydrogen')
  })

  it('ranks profiles matching every concept first, then those matching some', async () => {
    const ranked = await ids(`q=${encodeURIComponent('coating marmo ospedale')}`)
    expect(ranked[0]).toBe(english)
    expect(ranked.length).toBeGreaterThan(1)
    const partial = await ids(`q=${encodeURIComponent('idrogeno xylofono')}`)
    expect(partial).toEqual([italian])
    expect(await ids('q=xylofono')).toEqual([])
  })

  it('ignores accents and corrects misspelt words to words profiles use', async () => {
    expect(await ids(`q=${encodeURIComponent('capitàle rischio')}`)).toContain(finance)
    expect(await ids(`q=${encodeURIComponent('antimicrobal coatng')}`)).toContain(english)
    const misspelt = await call('GET', `/api/profiles?q=${encodeURIComponent('Antimicrobal coatng')}`)
    expect(misspelt.body.correction).toMatch(/^antimicrobial coating/)
    // Words spelt as profiles spell them are left alone, and with enough matches there is nothing to correct.
    expect((await call('GET', '/api/profiles?q=coating')).body.correction).toBeNull()
    expect(await ids('q=zzzzqqqq')).toEqual([])
  })

  it('filters by kind, taxonomy root, district, TRL range, organisation type, size and region', async () => {
    expect(await ids('kind=finance_offer')).toEqual([finance])
    expect(await ids('taxonomy=TR')).toEqual(expect.arrayContaining([italian, english]))
    expect(await ids('taxonomy=TR')).not.toContain(finance)
    expect(await ids('taxonomy=TR.SURF')).toEqual([english])
    expect(await ids('district=tuscany-fashion')).toEqual([finance])
    expect(await ids('district=clock')).toEqual(expect.arrayContaining([italian, english, finance]))
    expect(await ids('trlMin=7&trlMax=9')).toEqual([english])
    expect(await ids('q=hydrogen&trlMin=7')).toEqual([])
    const organisation = await ctx.db.selectFrom('organisations').select(['type', 'size_class', 'nuts2']).where('id', '=', ownerId).executeTakeFirstOrThrow()
    expect(await ids(`organisationType=${organisation.type}&kind=finance_offer`)).toEqual([finance])
    expect(await ids(`organisationType=${organisation.type === 'university' ? 'sme' : 'university'}&kind=finance_offer`)).toEqual([])
    if (organisation.size_class) expect(await ids(`size=${organisation.size_class}&kind=finance_offer`)).toEqual([finance])
    if (organisation.nuts2) expect(await ids(`region=${organisation.nuts2}&kind=finance_offer`)).toEqual([finance])
    expect(await ids('region=ITC1&kind=finance_offer')).toEqual(organisation.nuts2 === 'ITC1' ? [finance] : [])
    expect(await ids('district=nowhere')).toEqual([])
  })

  it('shows published, unexpired profiles only', async () => {
    const all = await ids('pageSize=100')
    const draftIds = (await ctx.db.selectFrom('profiles').select('id').where('status', '!=', 'published').execute()).map((row) => row.id)
    for (const draftId of draftIds) expect(all).not.toContain(draftId)
    await ctx.db.updateTable('profiles').set({ expires_on: '2020-01-01' }).where('id', '=', finance).execute()
    expect(await ids('kind=finance_offer')).toEqual([])
    expect((await call('GET', `/api/profiles/${finance}`, owner)).body.profile.status).toBe('expired')
    expect((await call('GET', `/api/profiles/${finance}`)).status).toBe(404)
  })

  it('refuses bad filters naming the field', async () => {
    const response = await call('GET', '/api/profiles?trlMin=0')
    expect([response.status, response.body.error.field]).toEqual([400, 'trlMin'])
  })
})

describe('expressions of interest, contact and outcome', () => {
  let profileId: string
  let interestId: string

  beforeAll(async () => {
    profileId = await publish(draft({ title: 'Sensori per il monitoraggio delle cave', summary: 'Cerchiamo sensori di vibrazione.', taxonomy: ['SF.01'] }))
  })

  it('lets another organisation express interest once, and never in its own profile', async () => {
    const before = await fingerprint()
    expect((await call('POST', `/api/profiles/${profileId}/interests`, undefined, { organisationId: otherId, message: 'Siamo interessati.' })).status).toBe(401)
    expect((await call('POST', `/api/profiles/${profileId}/interests`, stranger, { organisationId: otherId, message: 'Siamo interessati.' })).status).toBe(403)
    const own = await call('POST', `/api/profiles/${profileId}/interests`, owner, { organisationId: ownerId, message: 'Noi stessi.' })
    expect([own.status, own.body.error.field]).toEqual([400, 'organisationId'])
    const empty = await call('POST', `/api/profiles/${profileId}/interests`, other, { organisationId: otherId, message: '' })
    expect([empty.status, empty.body.error.field]).toEqual([400, 'message'])
    expect(await fingerprint()).toEqual(before)

    const created = await call('POST', `/api/profiles/${profileId}/interests`, other, { organisationId: otherId, message: 'Abbiamo accelerometri MEMS per ambienti polverosi.' })
    expect(created.status).toBe(201)
    expect(created.body.interest).toMatchObject({ status: 'pending', direction: 'sent', canDecide: false })
    interestId = created.body.interest.id
    expect((await call('POST', `/api/profiles/${profileId}/interests`, other, { organisationId: otherId, message: 'Di nuovo.' })).status).toBe(409)
  })

  it('shows the interest in both inboxes; the thread opens only when the owner accepts', async () => {
    const received = (await call('GET', '/api/interests', owner)).body.items.find((item: { id: string }) => item.id === interestId)
    expect(received).toMatchObject({ direction: 'received', status: 'pending' })
    expect((await call('GET', '/api/interests', other)).body.items[0]).toMatchObject({ id: interestId, direction: 'sent' })
    expect((await call('GET', `/api/interests/${interestId}`, stranger)).status).toBe(404)
    expect((await call('POST', `/api/interests/${interestId}/messages`, other, { body: 'Ciao' })).status).toBe(409)
    expect((await call('POST', `/api/interests/${interestId}/decision`, other, { decision: 'accept' })).status).toBe(403)
    const accepted = await call('POST', `/api/interests/${interestId}/decision`, owner, { decision: 'accept' })
    expect(accepted.body.interest).toMatchObject({ status: 'accepted', canTakePart: true, canDecide: false })
    expect((await call('POST', `/api/interests/${interestId}/decision`, owner, { decision: 'decline' })).status).toBe(409)
    await call('POST', `/api/interests/${interestId}/messages`, other, { body: 'Possiamo vederci in cava giovedì?' })
    const thread = await call('POST', `/api/interests/${interestId}/messages`, owner, { body: 'Sì, alle 10.' })
    expect(thread.body.interest.messages.map((message: { body: string; organisationId: string }) => [message.organisationId, message.body])).toEqual([
      [otherId, 'Possiamo vederci in cava giovedì?'],
      [ownerId, 'Sì, alle 10.'],
    ])
  })

  it('records the meeting and the agreement with its value, once', async () => {
    const today = romeDateIn(0)
    const badDate = await call('POST', `/api/interests/${interestId}/steps`, other, { step: 'meeting', occurredOn: future(10), meetingMode: 'physical' })
    expect([badDate.status, badDate.body.error.field]).toEqual([400, 'occurredOn'])
    expect((await call('POST', `/api/interests/${interestId}/steps`, stranger, { step: 'meeting', occurredOn: today, meetingMode: 'virtual' })).status).toBe(404)
    expect((await call('POST', `/api/interests/${interestId}/steps`, other, { step: 'meeting', occurredOn: today, meetingMode: 'physical' })).status).toBe(201)
    const agreement = await call('POST', `/api/interests/${interestId}/steps`, owner, { step: 'agreement', occurredOn: today, agreementType: 'technical_cooperation', valueCents: 4_500_000 })
    expect(agreement.body.interest.steps.map((step: { step: string }) => step.step)).toEqual(['interest', 'accepted', 'meeting', 'agreement'])
    expect(agreement.body.interest.steps[3]).toMatchObject({ agreementType: 'technical_cooperation', valueCents: 4_500_000 })
    expect((await call('POST', `/api/interests/${interestId}/steps`, owner, { step: 'no_agreement', occurredOn: today })).status).toBe(409)
  })

  it('counts the funnel for the district’s managers and the Region, not for others', async () => {
    expect((await call('GET', '/api/marketplace/funnel')).status).toBe(401)
    expect((await call('GET', '/api/marketplace/funnel', stranger)).status).toBe(403)
    expect((await call('GET', '/api/marketplace/funnel?district=tuscany-marble-stone', fashionManager)).status).toBe(403)
    const marble = await call('GET', '/api/marketplace/funnel?district=tuscany-marble-stone', marbleManager)
    expect(marble.status).toBe(200)
    const counts = Object.fromEntries(marble.body.stages.map((stage: { stage: string; count: number }) => [stage.stage, stage.count]))
    expect(counts).toMatchObject({ interest: 1, contact: 1, meeting: 1, agreement: 1 })
    expect(counts.profile).toBeGreaterThanOrEqual(4)
    expect(marble.body.agreementValueCents).toBe(4_500_000)
    const all = await call('GET', '/api/marketplace/funnel', officer)
    expect(all.body.stages[0].count).toBeGreaterThan(counts.profile)
    expect((await call('GET', '/api/marketplace/funnel', fashionManager)).body.stages[1].count).toBe(0)
    const later = await call('GET', `/api/marketplace/funnel?district=tuscany-marble-stone&from=${future(1)}`, marbleManager)
    expect(later.body.stages.map((stage: { count: number }) => stage.count)).toEqual([0, 0, 0, 0, 0, 0])
    const unknown = await call('GET', '/api/marketplace/funnel?district=nowhere', officer)
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'district'])
  })

  it('lets the owner close the profile with its outcome; a closed profile takes no more interest', async () => {
    const closed = await call('POST', `/api/profiles/${profileId}/close`, owner, { outcome: 'partner_found' })
    expect(closed.body.profile).toMatchObject({ status: 'closed', closeOutcome: 'partner_found' })
    expect((await call('GET', `/api/profiles/${profileId}`)).status).toBe(404)
  })
})

describe('expiry', () => {
  it('reminds the owners once, in their language, two weeks before a published profile expires', async () => {
    const id = await publish(draft({ title: 'Profilo in scadenza', expiresOn: future(10) }))
    const later = await publish(draft({ title: 'Profilo lontano dalla scadenza', expiresOn: future(60) }))
    const englishUser = await createUser(ctx.db, { organisations: [{ id: ownerId, role: 'admin' }], locale: 'en' })
    const reminded = await remindExpiringProfiles(ctx.db, 'https://clock.example')
    expect(reminded).toBeGreaterThanOrEqual(1)
    const mails = await ctx.db.selectFrom('outbox').selectAll().where('body', 'like', `%/marketplace/profiles/${id}%`).execute()
    expect(mails.length).toBeGreaterThanOrEqual(2)
    const english = mails.find((mail) => mail.to_email === englishUser.email)
    expect(english?.subject).toMatch(/^The profile “Profilo in scadenza” expires on \d+ \w+ \d{4}$/)
    expect(await ctx.db.selectFrom('outbox').select('id').where('body', 'like', `%${later}%`).execute()).toEqual([])
    expect(await remindExpiringProfiles(ctx.db, 'https://clock.example')).toBe(0)
  })

  it('marks published profiles past their date as expired', async () => {
    const id = await publish(draft({ title: 'Profilo scaduto' }))
    await ctx.db.updateTable('profiles').set({ expires_on: '2021-01-01' }).where('id', '=', id).execute()
    expect(await expireDueProfiles(ctx.db)).toBeGreaterThanOrEqual(1)
    const row = await ctx.db.selectFrom('profiles').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('expired')
  })
})
