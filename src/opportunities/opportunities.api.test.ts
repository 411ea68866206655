import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../platform/testing.js'
import { importEuTopics } from './eu-topics-import.js'
import { romeDateIn } from '../platform/rome-time.js'

let ctx: TestContext
let folder: string
const cookies: Record<string, string> = {}
const orgIds: Record<string, string> = {}
const topicIds: Record<string, string> = {}

type Json = Record<string, unknown>
const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: Json, language = 'en'): Promise<{ status: number; body: any }> => {
  const headers: Record<string, string> = { 'accept-language': language }
  if (cookie) headers.cookie = cookie
  const response = await ctx.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  return { status: response.statusCode, body: response.statusCode === 204 ? null : response.json() }
}

const day = (days: number): string => romeDateIn(days)
const romeToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

const topic = (id: string, fields: Json = {}): Json => ({
  topicId: id,
  title: `Topic ${id}`,
  programme: 'Horizon Europe',
  cluster: 'CL5',
  callIdentifier: `${id}-CALL`,
  callTitle: 'A call',
  actionType: 'RIA',
  deadline: day(60),
  callStatus: 'open',
  budgetMin: 2_000_000,
  budgetMax: 3_000_000,
  expectedGrants: 2,
  keywords: `${id}, ${id}-CALL`,
  description: 'Expected outcome: results.',
  portalUrl: `https://example.test/${id}`,
  ...fields,
})

const fixture = (): Json[] => [
  topic('HYDROGEN-OPEN', { title: 'Green hydrogen storage for steel plants', keywords: 'HYDROGEN-OPEN, HYDROGEN-OPEN-CALL, Hydrogen, Electrolysers', budgetMax: 4_500_000 }),
  topic('ROBOTS-OPEN', { title: 'Collaborative robots for textile factories', keywords: 'Robotics', programme: 'Digital Europe', deadline: day(120) }),
  topic('HYDROGEN-PAST', { title: 'Hydrogen valleys', keywords: 'Hydrogen', deadline: day(-3) }),
  topic('HYDROGEN-SOON', { title: 'Hydrogen refuelling for ships', keywords: 'Hydrogen', callStatus: 'forthcoming', deadline: day(200) }),
  topic('CLOSED-ALREADY', { callStatus: 'closed', deadline: day(30) }),
  topic('LAST-DAY', { deadline: romeToday }),
]

async function writeTopics(name: string, records: readonly (Json | string)[]): Promise<string> {
  const path = join(folder, name)
  await writeFile(path, gzipSync(Buffer.from(records.map((record) => (typeof record === 'string' ? record : JSON.stringify(record))).join('\n'))))
  return path
}

async function organisation(key: string, fields: { district: string; competences: string[]; keywords: string[] }): Promise<void> {
  const row = await ctx.db
    .insertInto('organisations')
    .values({ legal_name: `Org ${key}`, type: 'sme', country: 'IT', keywords: fields.keywords })
    .returning('id')
    .executeTakeFirstOrThrow()
  orgIds[key] = row.id
  if (fields.competences.length > 0) {
    await ctx.db.insertInto('organisation_competences').values(fields.competences.map((code) => ({ organisation_id: row.id, taxonomy_code: code }))).execute()
  }
  const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', fields.district).executeTakeFirstOrThrow()
  await ctx.db.insertInto('memberships').values({ organisation_id: row.id, cluster_id: cluster.id, associated: true, since: '2020-01-01' }).execute()
  cookies[key] = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: row.id, role: 'member' }], locale: 'en' }))
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
  folder = await mkdtemp(join(tmpdir(), 'clock-eu-topics-'))
  await organisation('h2', { district: 'tuscany-energy-green-economy', competences: ['TR.H2'], keywords: ['idrogeno', 'elettrolizzatori'] })
  await organisation('textile', { district: 'tuscany-fashion', competences: [], keywords: ['tessile'] })
  cookies.energyManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-energy-green-economy'], locale: 'en' }))
  cookies.fashionManager = await signInAs(ctx.app, await createUser(ctx.db, { managedClusterSlugs: ['tuscany-fashion'], locale: 'en' }))
  cookies.loner = await signInAs(ctx.app, await createUser(ctx.db))
}, 60_000)

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
  await ctx?.close()
})

describe('clock import eu-topics', () => {
  it('creates the valid topics and says why the others were rejected', async () => {
    const path = await writeTopics('topics.jsonl.gz', [...fixture(), '{not json', topic('HYDROGEN-OPEN', { title: 'Duplicate' }), topic('BAD-STATUS', { callStatus: 'archived' })])
    const report = await importEuTopics(ctx.db, path)
    expect(report).toMatchObject({ linesRead: 9, created: 6, updated: 0, unchanged: 0, rejected: 3 })
    expect(report.rejections.map((rejection) => [rejection.reason, rejection.exampleLines])).toEqual([
      ['duplicate topicId (an earlier line has the same one)', [8]],
      ['not valid JSON', [7]],
      ['unknown callStatus "archived"', [9]],
    ])
    for (const row of await ctx.db.selectFrom('eu_topics').select(['id', 'identifier']).execute()) topicIds[row.identifier] = row.id
  })

  it('changes nothing when the same file is loaded again, and updates only what changed', async () => {
    const path = await writeTopics('again.jsonl.gz', fixture())
    const before = await databaseFingerprint(ctx.db)
    expect(await importEuTopics(ctx.db, path)).toMatchObject({ created: 0, updated: 0, unchanged: 6, rejected: 0 })
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
    const changed = fixture().map((record) => (record.topicId === 'ROBOTS-OPEN' ? { ...record, budgetMax: 3_500_000 } : record))
    expect(await importEuTopics(ctx.db, await writeTopics('changed.jsonl.gz', changed))).toMatchObject({ created: 0, updated: 1, unchanged: 5 })
  })

  it('fails clearly on a missing file', async () => {
    await expect(importEuTopics(ctx.db, join(folder, 'missing.jsonl.gz'))).rejects.toThrow(/cannot read/)
  })
})

describe('listing and searching topics', () => {
  const identifiers = (body: { items: { identifier: string }[] }): string[] => body.items.map((item) => item.identifier).sort()

  it('closes a topic whose deadline has passed, whatever the file said, and keeps it open on its last day (Rome)', async () => {
    const open = await call('GET', '/api/opportunities/topics?status=open')
    expect(open.status).toBe(200)
    expect(identifiers(open.body)).toEqual(['HYDROGEN-OPEN', 'LAST-DAY', 'ROBOTS-OPEN'])
    expect(identifiers((await call('GET', '/api/opportunities/topics?status=closed')).body)).toEqual(['CLOSED-ALREADY', 'HYDROGEN-PAST'])
    expect(identifiers((await call('GET', '/api/opportunities/topics?status=forthcoming')).body)).toEqual(['HYDROGEN-SOON'])
  })

  it('lists open ones first by deadline, with budgets in cents, and the programmes to filter by', async () => {
    const all = await call('GET', '/api/opportunities/topics')
    expect(all.body.total).toBe(6)
    expect(all.body.items.slice(0, 3).map((item: any) => item.identifier)).toEqual(['LAST-DAY', 'HYDROGEN-OPEN', 'ROBOTS-OPEN'])
    expect(all.body.items[1]).toMatchObject({ identifier: 'HYDROGEN-OPEN', status: 'open', budgetMinCents: 200_000_000, budgetMaxCents: 450_000_000, deadline: day(60) })
    expect(all.body.items.at(-1).status).toBe('closed')
    expect(all.body.programmes).toEqual([
      { name: 'Horizon Europe', count: 5 },
      { name: 'Digital Europe', count: 1 },
    ])
    expect(all.body.flaggableDistricts).toEqual([])
  })

  it('filters by programme, deadline range and text in Italian', async () => {
    expect(identifiers((await call('GET', '/api/opportunities/topics?programme=Digital%20Europe')).body)).toEqual(['ROBOTS-OPEN'])
    expect(identifiers((await call('GET', `/api/opportunities/topics?deadlineFrom=${day(50)}&deadlineTo=${day(130)}`)).body)).toEqual(['HYDROGEN-OPEN', 'ROBOTS-OPEN'])
    expect(identifiers((await call('GET', '/api/opportunities/topics?status=open&q=idrogeno')).body)).toEqual(['HYDROGEN-OPEN'])
  })

  it('refuses bad filters with a field and a translated message', async () => {
    const wrongStatus = await call('GET', '/api/opportunities/topics?status=archived')
    expect(wrongStatus.status).toBe(400)
    expect(wrongStatus.body.error).toMatchObject({ code: 'validation_failed', field: 'status' })
    const range = await call('GET', `/api/opportunities/topics?deadlineFrom=${day(10)}&deadlineTo=${day(1)}`, undefined, undefined, 'it')
    expect(range.status).toBe(400)
    expect(range.body.error).toMatchObject({ code: 'validation_failed', field: 'deadlineTo' })
    expect(range.body.error.message).toMatch(/data iniziale/)
    expect((await call('GET', '/api/opportunities/topics?pageSize=1000')).status).toBe(400)
    expect((await call('GET', '/api/opportunities/topics?deadlineFrom=2027-02-30')).status).toBe(400)
    expect((await call('GET', '/api/opportunities/topics?q=%3Cscript%3E')).status).toBe(400)
  })

  it('shows one topic with its description, 404 for an unknown one, 400 for a malformed id', async () => {
    const one = await call('GET', `/api/opportunities/topics/${topicIds['HYDROGEN-OPEN']}`)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ identifier: 'HYDROGEN-OPEN', description: 'Expected outcome: results.', keywords: ['Hydrogen', 'Electrolysers'] })
    expect((await call('GET', '/api/opportunities/topics/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await call('GET', '/api/opportunities/topics/not-a-uuid')).status).toBe(400)
  })
})

describe('topics for my organisation', () => {
  it('needs a signed-in user', async () => {
    expect((await call('GET', '/api/opportunities/mine')).status).toBe(401)
  })

  it('gives a member the open topics that fit, with deadline, budget and reasons, and not the closed ones', async () => {
    const mine = await call('GET', '/api/opportunities/mine', cookies.h2)
    expect(mine.status).toBe(200)
    expect(mine.body.organisation).toEqual({ id: orgIds.h2, name: 'Org h2' })
    expect(mine.body.items.map((item: any) => item.topic.identifier)).toEqual(['HYDROGEN-OPEN'])
    const [item] = mine.body.items
    expect(item.topic).toMatchObject({ deadline: day(60), budgetMaxCents: 450_000_000, status: 'open' })
    expect(item.score).toBeGreaterThanOrEqual(20)
    expect(item.reasons.map((reason: any) => reason.text).join(' | ')).toMatch(/Hydrogen supply chain.*hydrogen|idrogeno/i)
    const withSoon = await call('GET', '/api/opportunities/mine?forthcoming=true', cookies.h2)
    expect(withSoon.body.items.map((entry: any) => entry.topic.identifier).sort()).toEqual(['HYDROGEN-OPEN', 'HYDROGEN-SOON'])
  })

  it('explains in Italian for an Italian reader', async () => {
    const mine = await call('GET', '/api/opportunities/mine', (cookies.h2 ?? '').replace('clock_lang=en', 'clock_lang=it'), undefined, 'it')
    expect(mine.body.items[0].reasons.map((reason: any) => reason.text).join(' | ')).toMatch(/competenza «Filiera dell/i)
  })

  it('answers an empty list to a user without organisation, and 403 for another organisation', async () => {
    expect((await call('GET', '/api/opportunities/mine', cookies.loner)).body).toEqual({ organisations: [], organisation: null, items: [] })
    const other = await call('GET', `/api/opportunities/mine?organisationId=${orgIds.textile}`, cookies.h2)
    expect(other.status).toBe(403)
    expect(other.body.error.code).toBe('forbidden')
    expect((await call('GET', '/api/opportunities/mine?organisationId=nope', cookies.h2)).status).toBe(400)
    const admin = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['platform_admin'] }))
    const asAdmin = await call('GET', `/api/opportunities/mine?organisationId=${orgIds.textile}`, admin)
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.body.organisation).toEqual({ id: orgIds.textile, name: 'Org textile' })
  })
})

describe('flagging a topic to a district’s members', () => {
  const flag = (topicKey: string, cookie: string | undefined, payload: Json): Promise<{ status: number; body: any }> =>
    call('POST', `/api/opportunities/topics/${topicIds[topicKey]}/flags`, cookie, payload)

  it('lets a manager flag for their own district only, and refuses the others changing nothing', async () => {
    const before = await databaseFingerprint(ctx.db)
    expect((await flag('ROBOTS-OPEN', undefined, { district: 'tuscany-energy-green-economy' })).status).toBe(401)
    expect((await flag('ROBOTS-OPEN', cookies.h2, { district: 'tuscany-energy-green-economy' })).status).toBe(403)
    const otherDistrict = await flag('ROBOTS-OPEN', cookies.fashionManager, { district: 'tuscany-energy-green-economy' })
    expect(otherDistrict.status).toBe(403)
    const unknown = await flag('ROBOTS-OPEN', cookies.energyManager, { district: 'atlantis' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatchObject({ code: 'validation_failed', field: 'district' })
    expect((await flag('ROBOTS-OPEN', cookies.energyManager, { district: 'tuscany-energy-green-economy', note: '<b>hi</b>' })).status).toBe(400)
    expect((await flag('ROBOTS-OPEN', cookies.energyManager, { district: 'tuscany-energy-green-economy', extra: 1 })).status).toBe(400)
    const closed = await flag('HYDROGEN-PAST', cookies.energyManager, { district: 'tuscany-energy-green-economy' })
    expect(closed.status).toBe(409)
    expect(closed.body.error.message).toMatch(/deadline has passed/)
    expect((await call('POST', '/api/opportunities/topics/00000000-0000-4000-8000-000000000000/flags', cookies.energyManager, { district: 'tuscany-energy-green-economy' })).status).toBe(404)
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('notifies the district’s members, who see the flagged topic first with the note', async () => {
    const flagged = await flag('ROBOTS-OPEN', cookies.energyManager, { district: 'tuscany-energy-green-economy', note: 'Partner cercasi per la parte robotica' })
    expect(flagged.status).toBe(201)
    expect(flagged.body).toMatchObject({ district: { slug: 'tuscany-energy-green-economy' }, note: 'Partner cercasi per la parte robotica' })

    const notifications = await call('GET', '/api/notifications', cookies.h2)
    expect(notifications.body.items[0]).toMatchObject({ kind: 'eu_topic_flagged', link: `/opportunities?view=mine&topic=${topicIds['ROBOTS-OPEN']}` })
    expect(notifications.body.items[0].text).toMatch(/Collaborative robots for textile factories/)
    expect((await call('GET', '/api/notifications', cookies.textile)).body.items).toEqual([])

    const mine = await call('GET', '/api/opportunities/mine', cookies.h2)
    expect(mine.body.items.map((item: any) => item.topic.identifier)).toEqual(['ROBOTS-OPEN', 'HYDROGEN-OPEN'])
    expect(mine.body.items[0].topic.flags).toEqual([expect.objectContaining({ note: 'Partner cercasi per la parte robotica' })])
    const list = await call('GET', '/api/opportunities/topics?status=open', cookies.h2)
    expect(list.body.items[0]).toMatchObject({ identifier: 'ROBOTS-OPEN', flags: [expect.objectContaining({ district: expect.objectContaining({ slug: 'tuscany-energy-green-economy' }) })] })
    // Another district's members see neither the flag nor its note.
    expect((await call('GET', '/api/opportunities/topics?status=open', cookies.textile)).body.items.every((item: any) => item.flags.length === 0)).toBe(true)
    const managerView = await call('GET', '/api/opportunities/topics', cookies.energyManager)
    expect(managerView.body.flaggableDistricts).toEqual([expect.objectContaining({ slug: 'tuscany-energy-green-economy' })])
  })

  it('refuses a second flag of the same topic by the same district', async () => {
    const again = await flag('ROBOTS-OPEN', cookies.energyManager, { district: 'tuscany-energy-green-economy' })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toMatch(/already flagged/)
  })

  it('lets only the district’s manager withdraw the flag', async () => {
    const url = `/api/opportunities/topics/${topicIds['ROBOTS-OPEN']}/flags/tuscany-energy-green-economy`
    expect((await call('DELETE', url, cookies.fashionManager)).status).toBe(403)
    expect((await call('DELETE', url, cookies.energyManager)).status).toBe(204)
    expect((await call('DELETE', url, cookies.energyManager)).status).toBe(404)
    const mine = await call('GET', '/api/opportunities/mine', cookies.h2)
    expect(mine.body.items.map((item: any) => item.topic.identifier)).toEqual(['HYDROGEN-OPEN'])
  })
})
