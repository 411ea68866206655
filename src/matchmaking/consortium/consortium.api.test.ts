import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrganisationType } from '../../platform/database.js'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../../platform/testing.js'

let ctx: TestContext
let cookie: string
const ids: Record<string, string> = {}

type Json = Record<string, unknown>
type Suggestion = {
  organisation: { id: string; name: string } | null
  name: string
  country: string | null
  sources: string[]
  reasons: { code: string; text: string }[]
}

const suggest = async (payload: Json, options: { cookie?: string | null; language?: string } = {}): Promise<{ status: number; body: any }> => {
  const headers: Record<string, string> = { 'accept-language': options.language ?? 'en' }
  const c = options.cookie === undefined ? cookie : options.cookie
  // The language chosen explicitly wins over the signed-in user's own.
  if (c) headers.cookie = [...c.split('; ').filter((part) => !part.startsWith('clock_lang=')), `clock_lang=${options.language ?? 'en'}`].join('; ')
  const response = await ctx.app.inject({ method: 'POST', url: '/api/consortium/suggestions', headers, payload })
  return { status: response.statusCode, body: response.json() }
}

const byName = (suggestions: Suggestion[], name: string): Suggestion | undefined => suggestions.find((s) => s.name === name)

async function organisation(key: string, name: string, type: OrganisationType, district: string, competences: string[] = [], descriptionEn = ''): Promise<void> {
  const row = await ctx.db
    .insertInto('organisations')
    .values({ legal_name: name, type, country: 'IT', city: 'Pisa', description_en: descriptionEn })
    .returning('id')
    .executeTakeFirstOrThrow()
  ids[key] = row.id
  if (competences.length > 0) {
    await ctx.db.insertInto('organisation_competences').values(competences.map((code) => ({ organisation_id: row.id, taxonomy_code: code }))).execute()
  }
  const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', district).executeTakeFirstOrThrow()
  await ctx.db.insertInto('memberships').values({ organisation_id: row.id, cluster_id: cluster.id, associated: true, since: '2020-01-01' }).execute()
}

/** An accepted expression of interest on a profile of `owner`, with or without a recorded agreement. */
async function contact(owner: string, other: string, title: string, agreement: boolean): Promise<void> {
  const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', 'tuscany-marble-stone').executeTakeFirstOrThrow()
  const profile = await ctx.db
    .insertInto('profiles')
    .values({ kind: 'technology_request', status: 'published', organisation_id: ids[owner]!, cluster_id: cluster.id, title, expires_on: '2099-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const interest = await ctx.db
    .insertInto('profile_interests')
    .values({ profile_id: profile.id, organisation_id: ids[other]!, message: 'Interested', status: 'accepted', decided_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (agreement) {
    await ctx.db.insertInto('interest_steps').values({ interest_id: interest.id, step: 'agreement', occurred_on: '2026-01-10', agreement_type: 'technical_cooperation' }).execute()
  }
}

async function submittedProposal(lead: string, partners: string[], title: string): Promise<void> {
  const call = await ctx.db
    .insertInto('calls')
    .values({
      title_it: 'Bando',
      title_en: 'Call',
      opens_at: '2026-01-01T00:00:00Z',
      closes_at: '2026-03-01T00:00:00Z',
      budget_sources: '[]',
      rules: '{}',
      criteria: '[]',
      faq: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db.insertInto('call_lines').values({ call_id: call.id, code: 'A', title_it: 'Linea A', title_en: 'Line A', budget_cents: 100_000_00 }).execute()
  const proposal = await ctx.db
    .insertInto('proposals')
    .values({ call_id: call.id, lead_organisation_id: ids[lead]!, line_code: 'A', title, current_version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('proposal_partners')
    .values([lead, ...partners].map((key, position) => ({ proposal_id: proposal.id, organisation_id: ids[key]!, position })))
    .execute()
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
  await organisation('quarry', 'Marmi Apuani Srl', 'sme', 'tuscany-marble-stone')
  await organisation('laserCo', 'Laser Systems Spa', 'large_company', 'tuscany-advanced-materials')
  await organisation('photonics', 'Photonics Research Institute', 'research_organisation', 'tuscany-advanced-materials')
  await organisation('materialsLab', 'Istituto Materiali Compositi', 'research_organisation', 'tuscany-advanced-materials', ['CN.03'])
  await organisation('software', 'Gestionali Srl', 'sme', 'tuscany-ict')
  await organisation('drafts', 'Bozze Srl', 'sme', 'tuscany-ict')
  await organisation('cutters', 'Taglio Avanzato Srl', 'sme', 'tuscany-marble-stone', [], 'Waterjet and laser cutting of granite slabs.')

  // The platform's own collaborations: an agreement (quarry with laserCo) and a submitted proposal (laserCo
  // with photonics); an accepted contact without agreement and a draft proposal do not count.
  await contact('quarry', 'laserCo', 'Laser cutting of marble slabs', true)
  await contact('quarry', 'software', 'Software for quarries', false)
  await submittedProposal('laserCo', ['photonics'], 'Photonic sensors for cutting machines')
  const draftCall = await ctx.db.selectFrom('calls').select('id').executeTakeFirstOrThrow()
  await ctx.db.insertInto('proposals').values({ call_id: draftCall.id, lead_organisation_id: ids.drafts!, line_code: 'A', title: 'Draft' }).execute()

  // An imported past project: the quarry (linked to the registry) with a German institute outside it.
  const past = await ctx.db
    .insertInto('past_projects')
    .values({ source: 'cordis', source_id: '42', title: 'Laser processing of ornamental stone', start_date: '2010-01-01' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('past_participants')
    .values([
      { project_id: past.id, position: 0, name: 'MARMI APUANI SRL', org_key: 'MARMI APUANI SRL', country: 'IT', city: 'CARRARA', organisation_id: ids.quarry! },
      { project_id: past.id, position: 1, name: 'STEIN INSTITUT EV', org_key: 'STEIN INSTITUT EV', country: 'DE', city: 'MUENCHEN', organisation_id: null },
    ])
    .execute()

  cookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: ids.quarry!, role: 'admin' }], locale: 'en' }))
})
afterAll(async () => {
  await ctx.close()
})

const idea = { title: 'Laser cutting of marble', description: 'Cutting stone slabs with lasers', taxonomyCodes: ['CN.03'] }

describe('POST /api/consortium/suggestions', () => {
  it('is for signed-in users only', async () => {
    const response = await suggest({ ...idea, partners: [{ organisationId: ids.quarry }] }, { cookie: null })
    expect(response.status).toBe(401)
    expect(response.body.error.code).toBe('unauthenticated')
  })

  it('refuses bad input with a machine code, a translated message and the field, changing nothing', async () => {
    const before = await databaseFingerprint(ctx.db)
    const empty = await suggest({ title: '', partners: [] })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatchObject({ code: 'validation_failed', field: 'title' })

    const both = await suggest({ title: 'Idea', partners: [{ organisationId: ids.quarry, name: 'Marmi', country: 'IT' }] }, { language: 'it' })
    expect(both.status).toBe(400)
    expect(both.body.error.field).toBe('partners.0')
    expect(both.body.error.message).toContain('indica un’organizzazione del registro oppure un nome con il paese')

    const noCountry = await suggest({ title: 'Idea', partners: [{ name: 'Somebody' }] })
    expect(noCountry.status).toBe(400)
    expect(noCountry.body.error.field).toBe('partners.0')

    const unknownOrganisation = await suggest({ title: 'Idea', partners: [{ organisationId: '00000000-0000-4000-8000-000000000000' }] })
    expect(unknownOrganisation.status).toBe(400)
    expect(unknownOrganisation.body.error).toMatchObject({ code: 'validation_failed', field: 'partners.0.organisationId' })

    const unknownCode = await suggest({ title: 'Idea', taxonomyCodes: ['ZZ.99'], partners: [] })
    expect(unknownCode.status).toBe(400)
    expect(unknownCode.body.error.field).toBe('taxonomyCodes')

    const markup = await suggest({ title: '<b>Idea</b>', partners: [] })
    expect(markup.status).toBe(400)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('ranks who is missing from the history and the registry, with reasons in English', async () => {
    const before = await databaseFingerprint(ctx.db)
    const response = await suggest({ ...idea, partners: [{ organisationId: ids.quarry }] })
    expect(response.status).toBe(200)
    const suggestions = response.body.suggestions as Suggestion[]
    expect(suggestions.map((s) => s.name)).not.toContain('Marmi Apuani Srl')
    // The agreement and the imported project: worked with the quarry before.
    const laserCo = byName(suggestions, 'Laser Systems Spa')!
    expect(laserCo.organisation?.id).toBe(ids.laserCo)
    expect(laserCo.reasons.map((r) => r.text)).toContain('Worked with Marmi Apuani Srl in a past project')
    const institute = byName(suggestions, 'STEIN INSTITUT EV')!
    expect(institute.organisation).toBeNull()
    expect(institute.country).toBe('DE')
    expect(institute.reasons[0]!.text).toBe('Worked with Marmi Apuani Srl in a past project')
    // Partners of partners: photonics worked with laserCo, who worked with the quarry.
    const photonics = byName(suggestions, 'Photonics Research Institute')!
    expect(photonics.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['One partner in common with your consortium: Laser Systems Spa', 'A research organisation complementing the companies in the consortium']),
    )
    // The registry: competence on the chosen taxonomy node, a research organisation for a consortium of SMEs.
    const lab = byName(suggestions, 'Istituto Materiali Compositi')!
    expect(lab.sources).toEqual(['registry'])
    expect(lab.reasons.map((r) => r.text)).toEqual([
      'Competence in Polymer and composite materials',
      'A research organisation complementing the companies in the consortium',
      'Member of Regional Technology District for Advanced Materials (NMP)',
    ])
    // The registry also by text: the idea's words in an organisation's description, in a district of the partners.
    const cutters = byName(suggestions, 'Taglio Avanzato Srl')!
    expect(cutters.sources).toEqual(['registry'])
    expect(cutters.reasons.map((r) => r.code)).toEqual(['terms', 'same_district'])
    expect(cutters.reasons[0]!.text).toMatch(/^Terms of the idea in its profile: .*laser/)
    expect(cutters.reasons[1]!.text).toBe('Member of Technology District for Marble and Ornamental Stone, like your partners')
    // An accepted contact without an agreement is not a collaboration; a draft proposal neither.
    expect(byName(suggestions, 'Gestionali Srl')).toBeUndefined()
    expect(byName(suggestions, 'Bozze Srl')).toBeUndefined()
    expect(response.body.corpus).toMatchObject({ imported: 1, proposals: 1, agreements: 1 })
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('speaks Italian to Italian readers', async () => {
    const response = await suggest({ ...idea, partners: [{ organisationId: ids.quarry }] }, { language: 'it' })
    const suggestions = response.body.suggestions as Suggestion[]
    expect(byName(suggestions, 'Laser Systems Spa')!.reasons.map((r) => r.text)).toContain('Ha lavorato con Marmi Apuani Srl in un progetto passato')
    expect(byName(suggestions, 'Istituto Materiali Compositi')!.reasons[0]!.text).toBe('Competenze in Tecnologia dei materiali polimerici e compositi')
  })

  it('compares an idea written in Italian with past projects titled in English', async () => {
    // No partner given: only the topic can single out the German institute, whose one project is on laser
    // processing of ornamental stone; "lavorazione" and "pietra ornamentale" reach it through their English.
    const response = await suggest({ title: 'Lavorazione della pietra ornamentale', partners: [] }, { language: 'it' })
    expect(response.status).toBe(200)
    const institute = byName(response.body.suggestions as Suggestion[], 'STEIN INSTITUT EV')!
    const topic = institute.reasons.find((reason) => reason.code === 'similar_topic')!
    expect(topic.text).toMatch(/^Progetti passati su temi vicini: /)
    expect(topic.text).toContain('processing')
    expect(topic.text).toMatch(/ornamental|stone/)
  })

  it('takes partners outside the directory by name and country', async () => {
    const response = await suggest({ title: 'Stone', partners: [{ name: 'Stein Institut EV', country: 'de' }] })
    expect(response.status).toBe(200)
    const suggestions = response.body.suggestions as Suggestion[]
    expect(suggestions.map((s) => s.name)).not.toContain('STEIN INSTITUT EV')
    const quarry = byName(suggestions, 'Marmi Apuani Srl')!
    expect(quarry.organisation?.id).toBe(ids.quarry)
    expect(quarry.reasons[0]!.text).toBe('Worked with STEIN INSTITUT EV in a past project')
  })

  it('sees a new agreement at the next request', async () => {
    const first = await suggest({ title: 'Software', partners: [{ organisationId: ids.software }] })
    expect((first.body.suggestions as Suggestion[]).some((s) => s.reasons.some((r) => r.code === 'co_participated'))).toBe(false)
    await contact('software', 'photonics', 'Control software for lasers', true)
    const second = await suggest({ title: 'Software', partners: [{ organisationId: ids.software }] })
    const photonics = byName(second.body.suggestions as Suggestion[], 'Photonics Research Institute')!
    expect(photonics.reasons[0]!.text).toBe('Worked with Gestionali Srl in a past project')
    expect(second.body.corpus.agreements).toBe(2)
  })
})
