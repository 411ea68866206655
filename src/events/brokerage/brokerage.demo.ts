import { createRandom } from '../../demo/random.js'
import type { Db } from '../../platform/db.js'
import type { Actor } from '../../platform/policies.js'
import { workingDayIn } from '../events.demo.js'
import { addDays, romeLocalToInstant } from '../../platform/rome-time.js'
import { configureBrokerage } from './brokerage.service.js'
import { registerParticipant } from './participants.service.js'
import { answerRequest, sendRequest } from './requests.service.js'

// Demo B2B meetings of the advanced-materials district, three weeks ahead: registration and booking are open,
// fourteen people from demo organisations have registered, requests are sent and partly accepted, and one waits
// for the demo organisation's admin. Running the scheduler and publishing the agenda is left to the organiser.

export const demoBrokerageTitle = 'Incontri B2B: materiali avanzati per le filiere toscane'

const providerTypes = new Set(['university', 'research_organisation', 'sme'])
const seekerTypes = new Set(['sme', 'large_company', 'startup'])

type Person = { userId: string; organisationId: string; organisationName: string; codes: string[]; actor: Actor }

const personActor = (userId: string, organisationId: string, role: 'member' | 'admin'): Actor => ({
  userId,
  roles: [],
  organisationRoles: new Map([[organisationId, role]]),
  managedClusterIds: new Set<string>(),
})

/** Seeds the demo brokerage once (an event with its title is left alone); needs the demo accounts. */
export async function seedDemoBrokerage(db: Db): Promise<void> {
  const existing = await db.selectFrom('events').select('id').where('title_it', '=', demoBrokerageTitle).executeTakeFirst()
  if (existing) return
  const manager = await db
    .selectFrom('district_managers as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['u.id as user_id', 'u.password_hash as demo_password_hash', 'm.cluster_id'])
    .where('u.email', '=', 'manager.materials@clock.demo')
    .where('c.slug', '=', 'tuscany-advanced-materials')
    .executeTakeFirst()
  const orgAdmin = await db
    .selectFrom('users as u')
    .innerJoin('organisation_users as ou', 'ou.user_id', 'u.id')
    .innerJoin('organisations as o', 'o.id', 'ou.organisation_id')
    .select(['u.id as user_id', 'o.id as organisation_id', 'o.legal_name'])
    .where('u.email', '=', 'orgadmin@clock.demo')
    .executeTakeFirst()
  if (!manager || !orgAdmin) return
  const random = createRandom(7007)
  const day = workingDayIn(24)

  const event = await db
    .insertInto('events')
    .values({
      kind: 'matchmaking',
      status: 'published',
      title_it: demoBrokerageTitle,
      title_en: 'B2B meetings: advanced materials for Tuscan supply chains',
      description_it: 'Incontri di venti minuti tra chi offre materiali, processi e prove di laboratorio e le imprese delle filiere che li cercano.',
      description_en: 'Twenty-minute meetings between those offering materials, processes and lab tests and the supply-chain firms looking for them.',
      starts_at: romeLocalToInstant(`${day}T09:00`) as Date,
      ends_at: romeLocalToInstant(`${day}T13:00`) as Date,
      venue_name: 'Polo Tecnologico di Navacchio',
      venue_address: 'Via Mario Giuntini 25',
      city: 'Cascina',
      language: 'it',
      audiences: ['smes', 'research', 'large_companies'],
      capacity: 60,
      registration: 'open',
      created_by: manager.user_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('event_organisers').values({ event_id: event.id, cluster_id: manager.cluster_id }).execute()
  await db.insertInto('event_taxonomy').values([{ event_id: event.id, taxonomy_code: 'CN.03' }, { event_id: event.id, taxonomy_code: 'TR.SURF' }]).execute()

  const organiser: Actor = { userId: manager.user_id, roles: [], organisationRoles: new Map(), managedClusterIds: new Set([manager.cluster_id]) }
  const now = Date.now()
  await configureBrokerage(db, organiser, event.id, {
    registrationOpensAt: new Date(now - 7 * 86_400_000).toISOString(),
    registrationClosesAt: romeLocalToInstant(`${addDays(day, -3)}T18:00`)!.toISOString(),
    bookingOpensAt: new Date(now - 5 * 86_400_000).toISOString(),
    bookingClosesAt: romeLocalToInstant(`${addDays(day, -1)}T18:00`)!.toISOString(),
    sessions: [{ day, start: '09:30', end: '12:30', breaks: [{ start: '11:00', end: '11:20' }] }],
    meetingMinutes: 20,
    tables: 6,
    virtualRooms: 0,
    maxMeetings: 5,
    requestMode: 'opt_in',
    approval: false,
    roles: [
      { key: 'provider', labelIt: 'Offre competenze', labelEn: 'Offers expertise' },
      { key: 'seeker', labelIt: 'Cerca soluzioni', labelEn: 'Seeks solutions' },
    ],
    rolePairs: [['provider', 'seeker']],
  })

  // The participants' accounts share the demo password: its hash is the manager's.
  const people = await demoPeople(db, manager.demo_password_hash)
  const providers: (Person & { participantId: string })[] = []
  for (const person of people.providers) {
    const offer = `Prove, processi e competenze di ${person.organisationName} su ${person.codes.join(', ')}.`
    providers.push({ ...person, participantId: await register(db, event.id, person, 'provider', offer, '') })
  }
  for (const person of people.seekers) {
    await register(db, event.id, person, 'seeker', '', `${person.organisationName} cerca partner per innovare prodotti e processi (${person.codes.join(', ')}).`)
  }
  const admin: Person = {
    userId: orgAdmin.user_id,
    organisationId: orgAdmin.organisation_id,
    organisationName: orgAdmin.legal_name,
    codes: [],
    actor: personActor(orgAdmin.user_id, orgAdmin.organisation_id, 'admin'),
  }
  const adminParticipant = await register(db, event.id, admin, 'seeker', '', 'Cerchiamo laboratori per provare nuovi rivestimenti sui nostri componenti.')

  // Each seeker asks two providers; most answer yes, some have not answered yet.
  for (const seeker of people.seekers) {
    for (const provider of random.sample(providers, 2)) {
      const request = await sendRequest(db, seeker.actor, event.id, provider.participantId, `Buongiorno, vorremmo conoscere le competenze di ${provider.organisationName}.`)
      if (random.chance(0.7)) await answerRequest(db, provider.actor, event.id, request.id, true)
    }
  }
  const first = providers[0]
  if (first) await sendRequest(db, first.actor, event.id, adminParticipant, 'Abbiamo un laboratorio di prove sui rivestimenti: ci incontriamo?')
}

async function register(db: Db, eventId: string, person: Person, role: string, offer: string, request: string): Promise<string> {
  await registerParticipant(db, person.actor, eventId, { role, offer, request, organisationId: person.organisationId, taxonomyCodes: person.codes, profileIds: [], blockedSlots: [] })
  const row = await db.selectFrom('brokerage_participants').select('id').where('event_id', '=', eventId).where('user_id', '=', person.userId).executeTakeFirstOrThrow()
  return row.id
}

/**
 * Seven people who offer expertise (labs and firms) and seven who seek it (firms), one per demo organisation; each
 * gets an account in their organisation, with the demo password.
 */
async function demoPeople(db: Db, passwordHash: string): Promise<{ providers: Person[]; seekers: Person[] }> {
  const rows = await db
    .selectFrom('organisations as o')
    .innerJoin('organisation_contacts as c', (join) => join.onRef('c.organisation_id', '=', 'o.id').on('c.position', '=', 0))
    .select(['o.id', 'o.type', 'o.legal_name', 'c.full_name', 'c.email'])
    .where('o.source', '=', 'demo')
    .where('c.email', 'is not', null)
    .orderBy('o.legal_name')
    .limit(200)
    .execute()
  const taken = new Set((await db.selectFrom('users').select('email').execute()).map((row) => row.email.toLowerCase()))
  const fresh = rows.filter((row) => {
    const email = row.email!.toLowerCase()
    if (taken.has(email)) return false
    taken.add(email)
    return true
  })
  const providerRows = fresh.filter((row) => providerTypes.has(row.type)).slice(0, 7)
  const seekerRows = fresh.filter((row) => seekerTypes.has(row.type) && !providerRows.includes(row)).slice(0, 7)
  const toPerson = async (row: (typeof rows)[number]): Promise<Person> => {
    const user = await db.insertInto('users').values({ email: row.email!, password_hash: passwordHash, full_name: row.full_name, locale: 'it' }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('organisation_users').values({ user_id: user.id, organisation_id: row.id, role: 'member' }).execute()
    const codes = await db.selectFrom('organisation_competences').select('taxonomy_code').where('organisation_id', '=', row.id).orderBy('taxonomy_code').limit(3).execute()
    return { userId: user.id, organisationId: row.id, organisationName: row.legal_name, codes: codes.map((code) => code.taxonomy_code), actor: personActor(user.id, row.id, 'member') }
  }
  const providers: Person[] = []
  for (const row of providerRows) providers.push(await toPerson(row))
  const seekers: Person[] = []
  for (const row of seekerRows) seekers.push(await toPerson(row))
  return { providers, seekers }
}
