import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../../demo/seed.js'
import { createTestContext, signInAs, type TestContext } from '../../platform/testing.js'
import { demoBrokerageTitle, seedDemoBrokerage } from './brokerage.demo.js'

let ctx: TestContext
let eventId: string
beforeAll(async () => {
  ctx = await createTestContext()
  eventId = (await ctx.db.selectFrom('events').select('id').where('title_it', '=', demoBrokerageTitle).executeTakeFirstOrThrow()).id
})
afterAll(async () => ctx.close())

const get = async (url: string, cookie: string): Promise<Record<string, any>> => {
  const response = await ctx.app.inject({ method: 'GET', url, headers: { cookie } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}
const signIn = (email: string): Promise<string> => signInAs(ctx.app, { email, password: demoPassword })

describe('the demo brokerage', () => {
  it('is open for registration and booking, with providers, seekers and requests, and the agenda left to the organiser', async () => {
    const manager = await signIn('manager.materials@clock.demo')
    const { brokerage } = await get(`/api/events/${eventId}/brokerage`, manager)
    expect(brokerage).toMatchObject({ canManage: true, registrationOpen: true, bookingOpen: true, agendaStatus: 'none' })
    const { items } = await get(`/api/events/${eventId}/brokerage/participants`, manager)
    const roles = items.map((item: { role: string }) => item.role)
    expect(roles.filter((role: string) => role === 'provider')).toHaveLength(7)
    expect(roles.filter((role: string) => role === 'seeker')).toHaveLength(8)

    const admin = await signIn('orgadmin@clock.demo')
    const mine = await get(`/api/events/${eventId}/brokerage/requests`, admin)
    expect(mine.incoming).toHaveLength(1)
    expect(mine.incoming[0]).toMatchObject({ status: 'pending' })

    const accepted = await ctx.db.selectFrom('brokerage_requests').select('id').where('event_id', '=', eventId).where('status', '=', 'accepted').execute()
    const pending = await ctx.db.selectFrom('brokerage_requests').select('id').where('event_id', '=', eventId).where('status', '=', 'pending').execute()
    expect(accepted.length).toBeGreaterThan(0)
    expect(pending.length).toBeGreaterThan(1)

    // The organiser's next step works on the demo as it stands: every accepted request gets a slot and a table.
    const run = await ctx.app.inject({ method: 'POST', url: `/api/events/${eventId}/brokerage/schedule/run`, headers: { cookie: manager } })
    expect(run.statusCode, run.body).toBe(200)
    expect(run.json().schedule.meetings).toHaveLength(accepted.length)
    expect(run.json().schedule.unscheduled).toEqual([])
  })

  it('a participant account signs in with the demo password and sees its place', async () => {
    const participant = await ctx.db
      .selectFrom('brokerage_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('u.email')
      .where('p.event_id', '=', eventId)
      .where('p.role', '=', 'provider')
      .orderBy('u.email')
      .executeTakeFirstOrThrow()
    const { brokerage } = await get(`/api/events/${eventId}/brokerage`, await signIn(participant.email))
    expect(brokerage.me).toMatchObject({ role: 'provider', status: 'confirmed' })
  })

  it('is seeded once', async () => {
    await seedDemoBrokerage(ctx.db)
    expect(await ctx.db.selectFrom('events').select('id').where('title_it', '=', demoBrokerageTitle).execute()).toHaveLength(1)
  })
})
