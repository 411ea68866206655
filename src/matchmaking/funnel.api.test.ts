import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyOrganisationId, createTestContext, createUser, signInAs, type TestContext } from '../platform/testing.js'
import { romeDateIn } from '../platform/rome-time.js'

// The funnel's last stage (a joint, submitted proposal) and its brokerage-meetings block, end to end over the API.

let ctx: TestContext
let organisations: { owner: string; partner: string; early: string; drafter: string }
let owner: string
let marbleManager: string
let fashionManager: string
let stranger: string
let officer: string
let profileId: string
const interestIds: Record<'partner' | 'early' | 'drafter', string> = { partner: '', early: '', drafter: '' }

const day = (days: number): string => romeDateIn(days)

type Json = Record<string, unknown>
const call = async (method: 'GET' | 'POST', url: string, cookie?: string, payload?: Json): Promise<{ status: number; body: Json & { [key: string]: any } }> => {
  const response = await ctx.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.json() }
}

const countsOf = (stages: { stage: string; count: number }[]): Record<string, number> => Object.fromEntries(stages.map((stage) => [stage.stage, stage.count]))

async function clusterId(slug: string): Promise<string> {
  return (await ctx.db.selectFrom('clusters').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id
}

/** A proposal led by `lead` with `partner`, submitted at `submittedAt` (a draft when null), granted when asked. */
async function proposal(lead: string, partner: string, submittedAt: Date | null, granted = false): Promise<void> {
  const call = await sql<{ id: string }>`
    INSERT INTO calls (title_it, title_en, opens_at, closes_at) VALUES ('Bando di prova', 'Test call', now() - interval '30 days', now() + interval '30 days') RETURNING id`.execute(ctx.db)
  const callId = call.rows[0]!.id
  await sql`INSERT INTO call_lines (call_id, code, title_it, title_en, budget_cents) VALUES (${callId}, 'A', 'Linea A', 'Line A', 100000000)`.execute(ctx.db)
  const created = await sql<{ id: string }>`
    INSERT INTO proposals (call_id, lead_organisation_id, line_code, title, current_version)
    VALUES (${callId}, ${lead}, 'A', 'Progetto congiunto', ${submittedAt ? 1 : 0}) RETURNING id`.execute(ctx.db)
  const proposalId = created.rows[0]!.id
  await sql`INSERT INTO proposal_partners (proposal_id, organisation_id, position) VALUES (${proposalId}, ${lead}, 0), (${proposalId}, ${partner}, 1)`.execute(ctx.db)
  if (submittedAt) {
    await sql`INSERT INTO proposal_versions (proposal_id, version, submitted_at, eligible, snapshot) VALUES (${proposalId}, 1, ${submittedAt.toISOString()}, true, '{}'::jsonb)`.execute(ctx.db)
  }
  if (granted) {
    await sql`
      INSERT INTO grant_decisions (proposal_id, call_id, line_code, outcome, ranking_status, decided_on, act_reference)
      VALUES (${proposalId}, ${callId}, 'A', 'granted', 'funded', current_date, 'Decreto 1/2026')`.execute(ctx.db)
  }
}

type MeetingSpec = { published: boolean; aHeld?: boolean | null; bHeld?: boolean | null; aFollowUp?: string | null; bFollowUp?: string | null; bLaterFollowUp?: string | null }

/** A brokerage event organised by the district on the given day, with requests (by status) and meetings for the accepted ones. */
async function brokerage(slug: string, on: string, requests: string[], meetings: MeetingSpec[]): Promise<void> {
  const starts = new Date(`${on}T09:00:00Z`)
  const ends = new Date(`${on}T17:00:00Z`)
  const event = await sql<{ id: string }>`
    INSERT INTO events (kind, title_it, starts_at, ends_at, virtual_url)
    VALUES ('matchmaking', 'Incontri B2B', ${starts.toISOString()}, ${ends.toISOString()}, 'https://meet.example.test/b2b') RETURNING id`.execute(ctx.db)
  const eventId = event.rows[0]!.id
  await sql`INSERT INTO event_organisers (event_id, cluster_id) VALUES (${eventId}, ${await clusterId(slug)})`.execute(ctx.db)
  await sql`
    INSERT INTO brokerages (event_id, registration_opens_at, registration_closes_at, booking_opens_at, booking_closes_at, sessions, meeting_minutes, tables, max_meetings, roles, role_pairs)
    VALUES (${eventId}, now() - interval '20 days', now() - interval '10 days', now() - interval '9 days', now() - interval '1 day',
            ${JSON.stringify([{ id: 's1', day: on, start: '09:00', end: '13:00', breaks: [] }])}::jsonb, 30, 10, 8,
            ${JSON.stringify([{ key: 'any', labelIt: 'Tutti', labelEn: 'Everyone' }])}::jsonb, ${JSON.stringify([['any', 'any']])}::jsonb)`.execute(ctx.db)
  const participants: string[] = []
  for (let index = 0; index < requests.length * 2; index += 1) {
    const user = await createUser(ctx.db)
    const row = await sql<{ id: string }>`INSERT INTO brokerage_participants (event_id, user_id, status, role) VALUES (${eventId}, ${user.id}, 'confirmed', 'any') RETURNING id`.execute(ctx.db)
    participants.push(row.rows[0]!.id)
  }
  const accepted: { id: string; a: string; b: string }[] = []
  for (const [index, status] of requests.entries()) {
    const [a, b] = [participants[index * 2]!, participants[index * 2 + 1]!]
    const row = await sql<{ id: string }>`
      INSERT INTO brokerage_requests (event_id, from_participant, to_participant, status) VALUES (${eventId}, ${a}, ${b}, ${status}) RETURNING id`.execute(ctx.db)
    if (status === 'accepted') accepted.push({ id: row.rows[0]!.id, a, b })
  }
  for (const [index, meeting] of meetings.entries()) {
    const request = accepted[index]!
    const at = new Date(starts.getTime() + index * 30 * 60_000)
    await sql`
      INSERT INTO brokerage_meetings (event_id, request_id, participant_a, participant_b, starts_at, ends_at, table_number, published, a_held, b_held, a_follow_up, b_follow_up, b_later_follow_up)
      VALUES (${eventId}, ${request.id}, ${request.a}, ${request.b}, ${at.toISOString()}, ${new Date(at.getTime() + 30 * 60_000).toISOString()}, 1, ${meeting.published},
              ${meeting.aHeld ?? null}, ${meeting.bHeld ?? null}, ${meeting.aFollowUp ?? null}, ${meeting.bFollowUp ?? null}, ${meeting.bLaterFollowUp ?? null})`.execute(ctx.db)
  }
}

beforeAll(async () => {
  ctx = await createTestContext()
  // Exact counts: start from an empty marketplace and no brokerage events, even if the demo seeds them.
  await ctx.db.deleteFrom('profiles').execute()
  await ctx.db.deleteFrom('brokerages').execute()
  organisations = {
    owner: await anyOrganisationId(ctx.db, 5),
    partner: await anyOrganisationId(ctx.db, 6),
    early: await anyOrganisationId(ctx.db, 7),
    drafter: await anyOrganisationId(ctx.db, 8),
  }
  owner = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: organisations.owner, role: 'member' }] }))
  marbleManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-marble-stone'] }))
  fashionManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-fashion'] }))
  stranger = await signInAs(ctx.app, await createUser(ctx.db))
  officer = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['ma_officer'] }))

  const created = await call('POST', '/api/profiles', owner, {
    organisationId: organisations.owner,
    kind: 'technology_request',
    districtSlug: 'tuscany-marble-stone',
    language: 'it',
    title: 'Sensori per il taglio del marmo',
    summary: 'Cerchiamo sensori di vibrazione robusti per monitorare le seghe a filo diamantato in cava.',
    descriptionIt: 'Le seghe a filo diamantato lavorano in ambienti polverosi: cerchiamo sensori che reggano e un partner per provarli.',
    taxonomy: ['CN.03'],
    keywords: ['sensori', 'marmo'],
    trl: 5,
    partnershipKinds: ['technical_cooperation'],
    targetOrganisationTypes: ['research_organisation', 'university'],
    geographicScope: 'international',
    expiresOn: day(180),
  })
  expect(created.status).toBe(201)
  profileId = created.body.profile.id
  expect((await call('POST', `/api/profiles/${profileId}/submit`, owner)).status).toBe(200)
  expect((await call('POST', `/api/profiles/${profileId}/review`, marbleManager, { decision: 'approve' })).status).toBe(200)

  for (const key of ['partner', 'early', 'drafter'] as const) {
    const member = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: organisations[key], role: 'admin' }] }))
    const interest = await call('POST', `/api/profiles/${profileId}/interests`, member, { organisationId: organisations[key], message: 'Siamo interessati.' })
    expect(interest.status).toBe(201)
    interestIds[key] = interest.body.interest.id
  }
  // Only the partner's interest is accepted: no meeting or agreement is recorded, the joint project implies them.
  expect((await call('POST', `/api/interests/${interestIds.partner}/decision`, owner, { decision: 'accept' })).status).toBe(200)

  const later = new Date(Date.now() + 60_000)
  await proposal(organisations.partner, organisations.owner, later, true) // submitted after the interest, and funded
  await proposal(organisations.early, organisations.owner, new Date('2020-01-15T10:00:00Z')) // submitted before the interest
  await proposal(organisations.owner, organisations.drafter, null) // a draft never submitted

  await brokerage('tuscany-marble-stone', day(1), ['accepted', 'accepted', 'accepted', 'declined', 'pending'], [
    { published: true, aHeld: true, bHeld: false, aFollowUp: 'contact_planned', bLaterFollowUp: 'agreement' },
    { published: true, bHeld: true, aFollowUp: 'none', bFollowUp: 'negotiation' },
    { published: false },
  ])
  await brokerage('tuscany-fashion', day(1), ['accepted'], [{ published: true, aHeld: true, aFollowUp: 'none' }])
})
afterAll(async () => ctx.close())

describe('the partnership funnel, to the joint project and the brokerage meetings', () => {
  it('counts a joint project submitted after the interest, and funded ones, but not earlier proposals or drafts', async () => {
    const marble = await call('GET', '/api/marketplace/funnel?district=tuscany-marble-stone', marbleManager)
    expect(marble.status).toBe(200)
    expect(countsOf(marble.body.stages)).toEqual({ profile: 1, interest: 3, contact: 1, meeting: 1, agreement: 1, project: 1 })
    expect(marble.body.stages.at(-1)).toEqual({ stage: 'project', count: 1, conversion: 1 })
    expect(marble.body.fundedProjects).toBe(1)
  })

  it('counts the meetings of the brokerage events the district organised, with the furthest follow-up', async () => {
    const marble = await call('GET', '/api/marketplace/funnel?district=tuscany-marble-stone', marbleManager)
    expect(marble.body.meetings.events).toBe(1)
    expect(countsOf(marble.body.meetings.stages)).toEqual({ requested: 5, accepted: 3, scheduled: 2, held: 2, contact_planned: 2, negotiation: 2, agreement: 1 })
    expect(marble.body.meetings.noFurtherContact).toBe(0)
    const fashion = await call('GET', '/api/marketplace/funnel', fashionManager)
    expect(fashion.body.meetings.events).toBe(1)
    expect(countsOf(fashion.body.meetings.stages)).toMatchObject({ requested: 1, accepted: 1, scheduled: 1, held: 1, contact_planned: 0 })
    expect(fashion.body.meetings.noFurtherContact).toBe(1)
    expect(fashion.body.stages[1].count).toBe(0)
    const all = await call('GET', '/api/marketplace/funnel', officer)
    expect(all.body.meetings.events).toBe(2)
    expect(countsOf(all.body.meetings.stages).requested).toBe(6)
    expect(countsOf(all.body.stages).project).toBe(1)
  })

  it('limits events and profiles to the period', async () => {
    const today = await call('GET', `/api/marketplace/funnel?district=tuscany-marble-stone&to=${day(0)}`, marbleManager)
    expect(countsOf(today.body.stages).project).toBe(1)
    expect(today.body.meetings.events).toBe(0)
    expect(countsOf(today.body.meetings.stages).requested).toBe(0)
    const tomorrow = await call('GET', `/api/marketplace/funnel?district=tuscany-marble-stone&from=${day(1)}`, marbleManager)
    expect(countsOf(tomorrow.body.stages)).toEqual({ profile: 0, interest: 0, contact: 0, meeting: 0, agreement: 0, project: 0 })
    expect(tomorrow.body.meetings.events).toBe(1)
  })

  it('still shows the funnel to the district’s managers and the Region only', async () => {
    expect((await call('GET', '/api/marketplace/funnel')).status).toBe(401)
    expect((await call('GET', '/api/marketplace/funnel', stranger)).status).toBe(403)
    expect((await call('GET', '/api/marketplace/funnel', owner)).status).toBe(403)
    expect((await call('GET', '/api/marketplace/funnel?district=tuscany-marble-stone', fashionManager)).status).toBe(403)
  })
})
