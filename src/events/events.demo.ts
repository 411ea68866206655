import { createRandom } from '../demo/random.js'
import type { Db } from '../platform/db.js'
import { addDays, romeDateIn, romeLocalToInstant } from '../platform/rome-time.js'
import type { EventKind } from './event-terms.js'
import type { EventLanguage, RegistrationMode } from './events.tables.js'

// Demo calendar: some 40 events over the coming months, relative to today, so `npm start` always shows a
// living calendar; three pairs deliberately clash across districts so the coordinators' view has work.

type Theme = { it: string; en: string; codes: string[] }
type DistrictPlan = { slug: string; themes: Theme[] }

const plans: DistrictPlan[] = [
  { slug: 'tuscany-advanced-materials', themes: [
    { it: 'Superfici antivirali e tessili protettivi', en: 'Antiviral surfaces and protective textiles', codes: ['TR.SURF'] },
    { it: 'Compositi polimerici per la nautica', en: 'Polymer composites for boats', codes: ['CN.03'] },
    { it: 'Modellazione dei materiali e integrazione dei dati', en: 'Materials modelling and data integration', codes: ['TR.MODEL'] },
  ] },
  { slug: 'tuscany-energy-green-economy', themes: [
    { it: 'La filiera toscana dell’idrogeno', en: 'The Tuscan hydrogen supply chain', codes: ['TR.H2'] },
    { it: 'Simbiosi industriale nei distretti', en: 'Industrial symbiosis in the districts', codes: ['TR.CIRC'] },
  ] },
  { slug: 'tuscany-ict', themes: [
    { it: 'Internet delle cose per le PMI', en: 'Internet of things for SMEs', codes: ['ICT.03'] },
    { it: 'Fotonica e optoelettronica', en: 'Photonics and electro-optics', codes: ['ICT.07'] },
  ] },
  { slug: 'tuscany-smart-city', themes: [{ it: 'Piattaforme per la città intelligente', en: 'Smart city platforms', codes: ['ICT', 'SF.04'] }] },
  { slug: 'tuscany-life-sciences', themes: [
    { it: 'Nanomedicina: dal laboratorio alla clinica', en: 'Nanomedicine: from lab to clinic', codes: ['CN.06'] },
    { it: 'Test rapidi e diagnostica', en: 'Rapid tests and diagnostics', codes: ['TR.SURF', 'CN.04'] },
  ] },
  { slug: 'tuscany-fashion', themes: [{ it: 'Moda circolare e materiali bio-based', en: 'Circular fashion and bio-based materials', codes: ['TR.CIRC', 'CN.03'] }] },
  { slug: 'tuscany-marble-stone', themes: [{ it: 'Robotica per la lavorazione della pietra', en: 'Robotics for stone processing', codes: ['SF.02'] }] },
  { slug: 'tuscany-nautical-ports', themes: [{ it: 'Porti digitali e logistica', en: 'Digital ports and logistics', codes: ['ICT.04'] }] },
  { slug: 'tuscany-railway', themes: [{ it: 'Manutenzione predittiva ferroviaria', en: 'Predictive railway maintenance', codes: ['SF.03', 'ICT.04'] }] },
  { slug: 'tuscany-interiors-design', themes: [{ it: 'Imballaggi sostenibili e intelligenti', en: 'Sustainable and smart packaging', codes: ['TR.PKG'] }] },
  { slug: 'national-life-sciences', themes: [{ it: 'Scienze della vita: la roadmap nazionale', en: 'Life sciences: the national roadmap', codes: ['CN'] }] },
  { slug: 'piedmont-green-chemistry', themes: [{ it: 'Chimica verde e bioraffinerie', en: 'Green chemistry and biorefineries', codes: ['CN.01', 'TR.CIRC'] }] },
]

const kinds: readonly (readonly [EventKind, number])[] = [
  ['workshop', 5], ['info_day', 3], ['training', 3], ['matchmaking', 2], ['lab_open_day', 2], ['researchers_visit', 1],
]
const kindWords: Record<EventKind, { it: string; en: string }> = {
  workshop: { it: 'Workshop', en: 'Workshop' },
  info_day: { it: 'Giornata informativa', en: 'Info day' },
  training: { it: 'Corso', en: 'Training' },
  matchmaking: { it: 'Incontri B2B', en: 'B2B meetings' },
  lab_open_day: { it: 'Laboratori aperti', en: 'Lab open day' },
  researchers_visit: { it: 'Ricercatori in azienda', en: 'Researchers visit companies' },
}
const venues = [
  { name: 'Polo Tecnologico di Navacchio', address: 'Via Mario Giuntini 25', city: 'Cascina' },
  { name: 'Fondazione Toscana Life Sciences', address: 'Via Fiorentina 1', city: 'Siena' },
  { name: 'Polo Universitario Città di Prato', address: 'Piazza Giovanni Ciardi 25', city: 'Prato' },
  { name: 'Palazzo Strozzi Sacrati', address: 'Piazza del Duomo 10', city: 'Firenze' },
  { name: 'IMM Carrara', address: 'Viale Galileo Galilei 133', city: 'Carrara' },
  { name: 'Lucca Innovation Hub', address: 'Via della Chiesa XXXII 231', city: 'Lucca' },
]
const audienceSets: string[][] = [['smes', 'research'], ['smes', 'startups'], ['research'], ['finance', 'startups'], ['public_bodies', 'smes'], ['large_companies', 'smes', 'research']]

type Plan = {
  slug: string
  kind: EventKind
  theme: Theme
  day: number
  start: string
  end: string
  audiences: string[]
  online: 'no' | 'yes' | 'only'
  registration: RegistrationMode
  capacity: number | null
  language: EventLanguage
}

/** The working day about `offset` days from today in Rome: a Saturday or Sunday moves to the Monday after. */
export function workingDayIn(offset: number): string {
  const day = romeDateIn(offset)
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  return weekday === 6 ? addDays(day, 2) : weekday === 0 ? addDays(day, 1) : day
}

function demoPlans(): Plan[] {
  const random = createRandom(6006)
  const result: Plan[] = []
  for (let index = 0; index < 34; index += 1) {
    const district = plans[index % plans.length] as DistrictPlan
    const kind = random.weighted(kinds)
    const startHour = kind === 'lab_open_day' ? 9 : random.pick([9, 10, 14, 15])
    const length = kind === 'lab_open_day' || kind === 'matchmaking' ? 7 : random.pick([2, 3, 4])
    result.push({
      slug: district.slug,
      kind,
      theme: random.pick(district.themes),
      day: 3 + index * 4 + random.int(0, 3),
      start: `${String(startHour).padStart(2, '0')}:${random.pick(['00', '30'])}`,
      end: `${String(Math.min(startHour + length, 19)).padStart(2, '0')}:00`,
      audiences: random.pick(audienceSets),
      online: random.weighted([['no', 5], ['yes', 3], ['only', 2]] as const),
      registration: random.weighted([['open', 6], ['approval', 2], ['none', 1]] as const),
      capacity: random.chance(0.7) ? random.pick([25, 40, 60, 100, 150]) : null,
      language: random.weighted([['it', 6], ['it_en', 2], ['en', 1]] as const),
    })
  }
  const clash = (slug: string, theme: Theme, kind: EventKind, day: number, start: string, end: string, audiences: string[]): Plan => ({
    slug, kind, theme, day, start, end, audiences, online: 'yes', registration: 'open', capacity: 80, language: 'it',
  })
  const hydrogen = { it: 'Idrogeno verde per l’industria', en: 'Green hydrogen for industry', codes: ['TR.H2'] }
  result.push(
    clash('tuscany-advanced-materials', hydrogen, 'workshop', 12, '10:00', '13:00', ['smes', 'research']),
    clash('tuscany-energy-green-economy', { ...hydrogen, codes: ['TR'] }, 'info_day', 12, '11:00', '16:00', ['smes', 'public_bodies']),
    clash('tuscany-ict', { it: 'Sensori IoT nelle fabbriche', en: 'IoT sensors in factories', codes: ['ICT.03'] }, 'training', 26, '14:00', '17:00', ['smes']),
    clash('tuscany-smart-city', { it: 'Dati urbani e IoT', en: 'Urban data and IoT', codes: ['ICT'] }, 'workshop', 26, '15:00', '18:00', ['public_bodies']),
    clash('tuscany-life-sciences', { it: 'Nanoparticelle e salute', en: 'Nanoparticles and health', codes: ['CN.06'] }, 'info_day', 45, '09:30', '13:00', ['research']),
    clash('national-life-sciences', { it: 'Nanomedicina in Italia', en: 'Nanomedicine in Italy', codes: ['CN'] }, 'workshop', 45, '11:00', '12:30', ['research', 'finance']),
  )
  return result
}

/** Seeds the demo calendar once (a database that has events is left alone). */
export async function seedDemoEvents(db: Db): Promise<void> {
  const existing = await db.selectFrom('events').select('id').limit(1).execute()
  if (existing.length > 0) return
  const clusters = new Map((await db.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
  const users = new Map((await db.selectFrom('users').select(['id', 'email']).execute()).map((row) => [row.email, row.id]))
  const random = createRandom(6007)
  await db.transaction().execute(async (trx) => {
    const ids: string[] = []
    for (const [index, plan] of demoPlans().entries()) {
      const date = workingDayIn(plan.day)
      const venue = random.pick(venues)
      const word = kindWords[plan.kind]
      const row = await trx
        .insertInto('events')
        .values({
          kind: plan.kind,
          status: 'published',
          title_it: `${word.it}: ${plan.theme.it}`,
          title_en: `${word.en}: ${plan.theme.en}`,
          description_it: `${word.it} dedicato a «${plan.theme.it.toLowerCase()}»: presentazioni dei laboratori, casi aziendali e spazio per gli incontri.`,
          description_en: `${word.en} on ${plan.theme.en.toLowerCase()}: lab presentations, company cases and time to meet.`,
          starts_at: romeLocalToInstant(`${date}T${plan.start}`) as Date,
          ends_at: romeLocalToInstant(`${date}T${plan.end}`) as Date,
          venue_name: plan.online === 'only' ? null : venue.name,
          venue_address: plan.online === 'only' ? null : venue.address,
          venue_room: plan.online === 'only' ? null : random.pick(['Sala A', 'Aula Magna', 'Sala riunioni 2', null]),
          city: plan.online === 'only' ? null : venue.city,
          virtual_url: plan.online === 'no' ? null : `https://meet.clock.example/evento-${index + 1}`,
          language: plan.language,
          audiences: plan.audiences,
          capacity: plan.registration === 'none' ? null : plan.capacity,
          registration: plan.registration,
          waiting_list: plan.capacity !== null && random.chance(0.5),
          created_by: users.get(plan.slug === 'tuscany-advanced-materials' ? 'manager.materials@clock.demo' : 'admin@clock.demo') ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.push(row.id)
      await trx.insertInto('event_organisers').values({ event_id: row.id, cluster_id: clusters.get(plan.slug) as string }).execute()
      await trx.insertInto('event_taxonomy').values(plan.theme.codes.map((code) => ({ event_id: row.id, taxonomy_code: code }))).execute()
    }
    // The energy district proposes to co-organise its hydrogen info day with the materials district (pending).
    const hydrogenInfoDay = ids[35]
    const materials = clusters.get('tuscany-advanced-materials')
    if (hydrogenInfoDay && materials) {
      await trx.insertInto('event_coorganisers').values({ event_id: hydrogenInfoDay, cluster_id: materials, message: 'Stesso giorno, stesso tema: organizziamolo insieme?', proposed_by: users.get('admin@clock.demo') ?? null }).execute()
    }
    const member = users.get('member@clock.demo')
    const orgAdmin = users.get('orgadmin@clock.demo')
    const registrations = [
      [member, ids[0]], [member, ids[34]], [member, ids[38]], [orgAdmin, ids[1]], [orgAdmin, ids[34]],
    ].filter((pair): pair is [string, string] => pair[0] !== undefined && pair[1] !== undefined)
    for (const [userId, eventId] of registrations) {
      const event = await trx.selectFrom('events').select('registration').where('id', '=', eventId).executeTakeFirstOrThrow()
      if (event.registration === 'none') continue
      await trx.insertInto('event_registrations').values({ event_id: eventId, user_id: userId, status: event.registration === 'approval' ? 'pending' : 'confirmed' }).execute()
    }
  })
}
