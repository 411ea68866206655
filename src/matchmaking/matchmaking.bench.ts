// `npm run bench:matchmaking`: latency of a recommendation (recommend.service.ts, for request profiles and
// for offers) and of a marketplace search (search.ts: text and filters, Italian and English, widened across
// languages) on 100,000 generated organisations and 200,000 generated profiles, on PGlite and on PostgreSQL.
// Targets on PostgreSQL: p95 < 100 ms for a recommendation, < 50 ms for a search. Same seed, same data and
// same queries on every run and on both backends. BENCH_ORGANISATIONS, BENCH_PROFILES; BENCH_BACKENDS, BENCH_KEEP
// and BENCH_REUSE_URL as in scripts/bench-backends.ts.
import { sql, type RawBuilder } from 'kysely'
import { percentile, runOnBackends, settle } from '../../scripts/bench-backends.js'
import { generateOrganisations, type DemoOrganisation } from '../demo/generate.js'
import { createRandom, type Random } from '../demo/random.js'
import { insertOrganisations } from '../demo/seed.js'
import type { OrganisationType } from '../platform/database.js'
import type { Db, DbHandle } from '../platform/db.js'
import { migrate } from '../platform/migrate.js'
import { romeDateIn } from '../platform/rome-time.js'
import { loadReferenceData } from '../reference.js'
import type { SearchQuery } from './matchmaking.schema.js'
import type { PartnershipKind, ProfileKind, ProfileStatus } from './marketplace-terms.js'
import { partnershipsByKind, targetsByKind } from './matchmaking.demo.js'
import { kindsWithTrl } from './marketplace-terms.js'
import { recommendForProfile } from './recommend/recommend.service.js'
import { searchProfiles } from './search.js'

const organisationCount = Number(process.env.BENCH_ORGANISATIONS ?? 100_000)
const profileCount = Number(process.env.BENCH_PROFILES ?? 200_000)
const interestCount = Math.round(profileCount / 10)
const searchCount = 240
const searchWarmUp = 40
/** Per side: this many recommendations for request profiles and as many for offers. */
const recommendationCount = 60
const recommendationWarmUp = 10
const targets = { recommendation: 100, search: 50 } as const
const seedNumber = 4004

// ---------------------------------------------------------------------------------------------------------
// Generated marketplace: per district sector, bilingual topics with their taxonomy, placed in titles,
// summaries and descriptions by templates per kind; keywords in both languages, TRLs, kinds, statuses.

type Topic = { it: string; en: string; keywords: readonly (readonly [string, string])[]; taxonomy: readonly string[] }
type Sector = { district: string; organisationSector: number; topics: readonly Topic[] }

const t = (it: string, en: string, taxonomy: string[], keywords: [string, string][]): Topic => ({ it, en, taxonomy, keywords })

// The order of the sectors follows src/demo/generate.ts, so that organisation i belongs to sector i % 10.
const sectors: readonly Sector[] = [
  {
    district: 'tuscany-fashion',
    organisationSector: 0,
    topics: [
      t('filati riciclati da scarti tessili', 'recycled yarn from textile waste', ['TR.CIRC', 'CN.03'], [['riciclo', 'recycling'], ['filati', 'yarn']]),
      t('concia senza cromo della pelle', 'chrome-free leather tanning', ['CN.01'], [['concia', 'tanning'], ['pelle', 'leather']]),
      t('tintura senz’acqua delle fibre naturali', 'waterless dyeing of natural fibres', ['CN.01', 'SF.04'], [['tintura', 'dyeing'], ['lana', 'wool']]),
      t('tessuti tecnici antibatterici', 'antibacterial technical fabrics', ['CN.03', 'TR.SURF'], [['tessuti', 'fabric'], ['antibatterico', 'antibacterial']]),
      t('tracciabilità digitale della filiera moda', 'digital traceability of the fashion supply chain', ['ICT.04'], [['tracciabilità', 'traceability'], ['moda', 'fashion']]),
    ],
  },
  {
    district: 'tuscany-interiors-design',
    organisationSector: 1,
    topics: [
      t('arredi su misura in legno certificato', 'custom furniture in certified wood', ['SF.06', 'TR.CIRC'], [['arredo', 'furniture'], ['legno', 'wood']]),
      t('illuminazione intelligente per interni', 'smart lighting for interiors', ['ICT.05', 'SF.04'], [['illuminazione', 'lighting'], ['design', 'design']]),
      t('prototipazione rapida di componenti d’arredo', 'rapid prototyping of furniture components', ['SF.01'], [['prototipazione', 'prototyping'], ['stampa 3d', '3d printing']]),
      t('vernici a base acqua per il legno', 'water-based paints for wood', ['CN.01', 'TR.SURF'], [['vernice', 'paint'], ['legno', 'wood']]),
    ],
  },
  {
    district: 'tuscany-marble-stone',
    organisationSector: 2,
    topics: [
      t('recupero della marmettola', 'recovery of marble slurry', ['TR.CIRC'], [['marmettola', 'marble slurry'], ['economia circolare', 'circular economy']]),
      t('rivestimento antimacchia per il marmo', 'stain-proof coating for marble', ['CN.03', 'TR.SURF'], [['marmo', 'marble'], ['rivestimento', 'coating']]),
      t('taglio a filo diamantato in cava', 'diamond wire cutting in the quarry', ['SF.04', 'SF.05'], [['taglio della pietra', 'stone cutting'], ['cava', 'quarry']]),
      t('finitura robotizzata della pietra', 'robotic stone finishing', ['SF.01', 'SF.02'], [['robotica', 'robotics'], ['pietra', 'stone']]),
      t('monitoraggio della sicurezza nelle cave', 'safety monitoring in quarries', ['ICT.03'], [['sensori', 'sensors'], ['cava', 'quarry']]),
    ],
  },
  {
    district: 'tuscany-life-sciences',
    organisationSector: 3,
    topics: [
      t('diagnostica rapida delle infezioni', 'rapid diagnostics of infections', ['CN.04', 'ICT.04'], [['diagnostica', 'diagnostics'], ['biotecnologie', 'biotechnology']]),
      t('dispositivi medici indossabili', 'wearable medical devices', ['CN.06', 'ICT.01'], [['dispositivi medici', 'medical devices'], ['sensori', 'sensors']]),
      t('farmaci biologici e vaccini', 'biological drugs and vaccines', ['CN.04'], [['farmaco', 'drug'], ['vaccini', 'vaccines']]),
      t('nanomedicina a rilascio controllato', 'controlled-release nanomedicine', ['CN.05', 'CN.06'], [['nanomateriali', 'nanomaterials'], ['farmaco', 'drug']]),
      t('intelligenza artificiale per le immagini mediche', 'artificial intelligence for medical imaging', ['ICT.04'], [['intelligenza artificiale', 'artificial intelligence'], ['diagnostica', 'diagnostics']]),
    ],
  },
  {
    district: 'tuscany-advanced-materials',
    organisationSector: 4,
    topics: [
      t('materiali compositi in fibra di carbonio', 'carbon fibre composite materials', ['CN.03'], [['compositi', 'composites'], ['fibra di carbonio', 'carbon fibre']]),
      t('trattamento laser delle superfici', 'laser surface treatment', ['TR.SURF', 'ICT.07'], [['laser', 'laser'], ['superfici', 'surfaces']]),
      t('rivestimenti antivirali', 'antiviral coatings', ['TR.SURF', 'CN.05'], [['rivestimenti', 'coatings'], ['antivirale', 'antiviral']]),
      t('nanomateriali funzionali', 'functional nanomaterials', ['CN.05'], [['nanomateriali', 'nanomaterials'], ['polimeri', 'polymers']]),
      t('modellazione dei materiali', 'materials modelling', ['TR.MODEL'], [['simulazione', 'simulation'], ['materiali', 'materials']]),
    ],
  },
  {
    district: 'tuscany-nautical-ports',
    organisationSector: 5,
    topics: [
      t('scafi in composito per yacht', 'composite hulls for yachts', ['CN.03', 'SF.03'], [['yacht', 'yacht'], ['compositi', 'composites']]),
      t('propulsione ibrida navale', 'hybrid marine propulsion', ['TR.H2', 'SF.03'], [['propulsione', 'propulsion'], ['nautica', 'boating']]),
      t('logistica portuale digitale', 'digital port logistics', ['ICT.01', 'ICT.03'], [['porto', 'port'], ['logistica', 'logistics']]),
      t('droni subacquei per l’ispezione', 'underwater drones for inspection', ['ICT.01', 'SF.02'], [['droni', 'drones'], ['robotica', 'robotics']]),
    ],
  },
  {
    district: 'tuscany-railway',
    organisationSector: 6,
    topics: [
      t('segnalamento ferroviario', 'railway signalling', ['ICT.01', 'SF.03'], [['ferrovia', 'railway'], ['segnalamento', 'signalling']]),
      t('manutenzione predittiva dei rotabili', 'predictive maintenance of rolling stock', ['ICT.04', 'SF.03'], [['manutenzione predittiva', 'predictive maintenance'], ['sensori', 'sensors']]),
      t('diagnostica dell’infrastruttura ferroviaria', 'railway infrastructure diagnostics', ['ICT.03'], [['diagnostica', 'diagnostics'], ['ferrovia', 'railway']]),
      t('componenti leggeri per carrozze', 'lightweight coach components', ['CN.03', 'SF.01'], [['compositi', 'composites'], ['ferrovia', 'railway']]),
    ],
  },
  {
    district: 'tuscany-energy-green-economy',
    organisationSector: 7,
    topics: [
      t('elettrolizzatori per idrogeno verde', 'green hydrogen electrolysers', ['TR.H2'], [['idrogeno verde', 'green hydrogen'], ['energia', 'energy']]),
      t('impianti geotermici a bassa entalpia', 'low-enthalpy geothermal plants', ['SF.04'], [['geotermia', 'geothermal'], ['energia', 'energy']]),
      t('efficienza energetica industriale', 'industrial energy efficiency', ['SF.04', 'SF.05'], [['efficienza energetica', 'energy efficiency'], ['industria', 'industry']]),
      t('simbiosi industriale e recupero degli scarti', 'industrial symbiosis and waste recovery', ['TR.CIRC'], [['economia circolare', 'circular economy'], ['scarti', 'waste']]),
      t('accumulo di energia con batterie', 'battery energy storage', ['SF.04', 'TR.H2'], [['batterie', 'batteries'], ['accumulo', 'storage']]),
    ],
  },
  {
    district: 'tuscany-ict',
    organisationSector: 8,
    topics: [
      t('intelligenza artificiale per il controllo qualità', 'artificial intelligence for quality control', ['ICT.04', 'SF.01'], [['intelligenza artificiale', 'artificial intelligence'], ['controllo qualità', 'quality control']]),
      t('fotonica e sensori ottici', 'photonics and optical sensors', ['ICT.06', 'ICT.07'], [['fotonica', 'photonics'], ['sensori', 'sensors']]),
      t('robotica collaborativa', 'collaborative robotics', ['SF.02', 'ICT.01'], [['robotica', 'robotics'], ['cobot', 'cobot']]),
      t('piattaforme cloud per l’industria', 'cloud platforms for industry', ['ICT.02'], [['cloud', 'cloud'], ['software', 'software']]),
      t('sicurezza informatica per le PMI', 'cybersecurity for SMEs', ['ICT.04'], [['sicurezza informatica', 'cybersecurity'], ['software', 'software']]),
    ],
  },
  {
    district: 'tuscany-smart-city',
    organisationSector: 9,
    topics: [
      t('sensori per la qualità dell’aria urbana', 'urban air quality sensors', ['ICT.03'], [['sensori', 'sensors'], ['qualità dell’aria', 'air quality']]),
      t('illuminazione pubblica adattiva', 'adaptive street lighting', ['ICT.03', 'SF.04'], [['illuminazione', 'lighting'], ['smart city', 'smart city']]),
      t('mobilità urbana sostenibile', 'sustainable urban mobility', ['ICT.03', 'ICT.04'], [['mobilità', 'mobility'], ['trasporti', 'transport']]),
      t('gemello digitale del traffico', 'digital twin of city traffic', ['ICT.04', 'TR.MODEL'], [['gemello digitale', 'digital twin'], ['traffico', 'traffic']]),
    ],
  },
]

const otherDistricts = ['piedmont-ict', 'piedmont-textile', 'piedmont-green-chemistry', 'national-intelligent-factory', 'national-aerospace', 'national-energy', 'national-agrifood', 'clock']
const applications: readonly (readonly [string, string])[] = [
  ['l’industria tessile', 'the textile industry'],
  ['le piccole e medie imprese', 'small and medium enterprises'],
  ['la nautica da diporto', 'pleasure boating'],
  ['il settore ferroviario', 'the railway sector'],
  ['gli ospedali', 'hospitals'],
  ['l’edilizia', 'construction'],
  ['l’agroalimentare', 'agrifood'],
  ['l’automotive', 'automotive'],
  ['l’aerospazio', 'aerospace'],
  ['i beni culturali', 'cultural heritage'],
  ['la logistica', 'logistics'],
  ['le città', 'cities'],
]
const qualifiers: readonly (readonly [string, string])[] = [
  ['a basso costo', 'at low cost'],
  ['su scala industriale', 'at industrial scale'],
  ['con dati aperti', 'with open data'],
  ['a basso impatto ambientale', 'with a low environmental impact'],
  ['per impianti esistenti', 'for existing plants'],
  ['certificato', 'certified'],
  ['in tempo reale', 'in real time'],
]

type Template = { it: (topic: string, application: string) => string; en: (topic: string, application: string) => string }
const titles: Record<ProfileKind, readonly Template[]> = {
  technology_offer: [
    { it: (x, a) => `${cap(x)} per ${a}`, en: (x, a) => `${cap(x)} for ${a}` },
    { it: (x) => `Tecnologia di ${x} disponibile in licenza`, en: (x) => `${cap(x)}: technology available for licensing` },
  ],
  technology_request: [
    { it: (x, a) => `Cerchiamo soluzioni di ${x} per ${a}`, en: (x, a) => `Seeking ${x} solutions for ${a}` },
    { it: (x) => `Richiesta di tecnologia: ${x}`, en: (x) => `Technology needed: ${x}` },
  ],
  business_offer: [{ it: (x, a) => `Servizi di ${x} per ${a}`, en: (x, a) => `${cap(x)} services for ${a}` }],
  business_request: [{ it: (x) => `Cerchiamo fornitori di ${x}`, en: (x) => `Looking for suppliers of ${x}` }],
  rd_partner_request: [{ it: (x) => `Partner per un progetto di ricerca su ${x}`, en: (x) => `Partners for a research project on ${x}` }],
  finance_request: [{ it: (x) => `Investimento per lo sviluppo di ${x}`, en: (x) => `Investment to scale up ${x}` }],
  finance_offer: [{ it: (x) => `Fondo di investimento per ${x}`, en: (x) => `Investment fund for ${x}` }],
}
const openings: Record<ProfileKind, readonly [string, string]> = {
  technology_offer: ['Abbiamo sviluppato e validato', 'We have developed and validated'],
  technology_request: ['Cerchiamo un partner tecnologico per', 'We look for a technology partner for'],
  business_offer: ['Offriamo servizi di', 'We offer services of'],
  business_request: ['Cerchiamo fornitori affidabili di', 'We look for reliable suppliers of'],
  rd_partner_request: ['Il consorzio in formazione cerca competenze di', 'The consortium being formed seeks skills in'],
  finance_request: ['Cerchiamo investitori per portare sul mercato', 'We seek investors to bring to market'],
  finance_offer: ['Investiamo in imprese che lavorano su', 'We invest in companies working on'],
}
const kindWeights: readonly (readonly [ProfileKind, number])[] = [
  ['technology_offer', 30],
  ['technology_request', 25],
  ['business_offer', 12],
  ['business_request', 10],
  ['rd_partner_request', 12],
  ['finance_request', 6],
  ['finance_offer', 5],
]
const statusWeights: readonly (readonly [ProfileStatus, number])[] = [
  ['published', 86],
  ['draft', 4],
  ['submitted', 3],
  ['returned', 1],
  ['expired', 3],
  ['closed', 3],
]
const allCodes = [...new Set(sectors.flatMap((sector) => sector.topics.flatMap((topic) => topic.taxonomy)))]

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** A version-4 shaped UUID from the seeded generator, so that the same seed gives the same ids. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

type ProfileRow = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  organisation: number
  district: string
  language: 'it' | 'en'
  title: string
  summary: string
  description_it: string
  description_en: string
  keywords: string[]
  trl: number | null
  partnership_kinds: PartnershipKind[]
  target_organisation_types: OrganisationType[]
  geographic_scope: 'regional' | 'national' | 'european' | 'international'
  expires_in_days: number
  published_days_ago: number | null
  taxonomy: string[]
}

function generateProfiles(count: number, organisations: number, random: Random): ProfileRow[] {
  const rows: ProfileRow[] = []
  for (let index = 0; index < count; index++) {
    const sector = sectors[index % sectors.length] as Sector
    const topic = random.pick(sector.topics)
    const kind = random.weighted(kindWeights)
    const status = random.weighted(statusWeights)
    const language = random.chance(0.55) ? 'it' : 'en'
    const [applicationIt, applicationEn] = random.pick(applications)
    const [qualifierIt, qualifierEn] = random.pick(qualifiers)
    const template = random.pick(titles[kind])
    const [openingIt, openingEn] = openings[kind]
    const title = language === 'it' ? template.it(topic.it, applicationIt) : template.en(topic.en, applicationEn)
    const summaryIt = `${openingIt} ${topic.it} ${qualifierIt}, pensato per ${applicationIt}.`
    const summaryEn = `${openingEn} ${topic.en} ${qualifierEn}, designed for ${applicationEn}.`
    const other = random.pick(random.pick(sectors).topics)
    const descriptionIt = `${summaryIt} Lavoriamo anche su ${other.it}. Siamo disponibili a incontri e a prove congiunte con partner di altri distretti.`
    const descriptionEn = `${summaryEn} We also work on ${other.en}. We are open to meetings and joint trials with partners from other districts.`
    const bilingual = random.chance(0.3)
    const keywords = topic.keywords.map(([it, en]) => (random.chance(0.75) === (language === 'it') ? it : en))
    if (random.chance(0.3)) keywords.push(random.pick(other.keywords)[language === 'it' ? 0 : 1])
    const taxonomy = random.sample(topic.taxonomy, random.int(1, topic.taxonomy.length))
    if (random.chance(0.2)) taxonomy.push(random.pick(allCodes))
    // The owner works in the sector: organisation i is generated for sector i % 10.
    const organisation = Math.min(organisations - 1, sector.organisationSector + 10 * random.int(0, Math.floor(organisations / 10) - 1))
    const publishedDaysAgo = status === 'draft' || status === 'submitted' || status === 'returned' ? null : random.int(1, 600)
    const lifetime = random.int(60, 730)
    // A few published profiles have lapsed without the daily job marking them yet.
    const expiresIn = status === 'expired' ? -random.int(1, 200) : publishedDaysAgo === null ? lifetime : random.chance(0.04) ? -random.int(1, 30) : random.int(5, 700)
    rows.push({
      id: uuid(random),
      kind,
      status,
      organisation,
      district: random.chance(0.9) ? sector.district : random.pick(otherDistricts),
      language,
      title,
      summary: language === 'it' ? summaryIt : summaryEn,
      description_it: language === 'it' || bilingual ? descriptionIt : '',
      description_en: language === 'en' || bilingual ? descriptionEn : '',
      keywords: [...new Set(keywords)],
      trl: kindsWithTrl.includes(kind) ? random.weighted([[random.int(2, 4), 30], [random.int(5, 7), 50], [random.int(8, 9), 20]] as const) : null,
      partnership_kinds: partnershipsByKind[kind],
      target_organisation_types: targetsByKind[kind],
      geographic_scope: random.pick(['regional', 'national', 'european', 'international'] as const),
      expires_in_days: expiresIn,
      published_days_ago: publishedDaysAgo,
      taxonomy: [...new Set(taxonomy)],
    })
  }
  return rows
}

// ---------------------------------------------------------------------------------------------------------
// Seeding: organisations through the demo's bulk insert, profiles, their taxonomy and expressions of
// interest in chunks of JSON turned into rows by the database (one parameter per chunk).

type Seeded = { profiles: ProfileRow[]; organisationIds: string[]; seconds: number }

async function insertJson(db: Db, rows: readonly object[], chunk: number, statement: (json: string) => RawBuilder<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    await statement(JSON.stringify(rows.slice(start, start + chunk))).execute(db)
  }
}

/**
 * The tables the bulk load fills: their secondary indexes are built once, after the load, as a restore would.
 * Not memberships: an organisation's facets are computed from its memberships by organisation, row by row.
 */
const loadedTables = ['organisations', 'organisation_competences', 'organisation_contacts', 'profiles', 'profile_taxonomy', 'profile_interests']
/** Statement triggers that refresh an organisation's facets after each insert of its competences or memberships. */
const childFacetTriggers = [
  ['organisation_competences', 'organisation_competences_facets_insert'],
  ['memberships', 'memberships_facets_insert'],
] as const
/**
 * Triggers that keep a profile's linked facets (its tags, its owner's type, size and region; migration 0016):
 * the load writes them with each profile instead, from the tags it is about to load, so that no profile is
 * written twice (a second version of every row would double the table the bench reads).
 */
const profileFacetTriggers = [
  ['profiles', 'profiles_linked_facets_refresh'],
  ['profile_taxonomy', 'profile_taxonomy_linked_facets_insert'],
] as const

async function seed(handle: DbHandle): Promise<Seeded> {
  await migrate(handle)
  await loadReferenceData(handle.db)
  const random = createRandom(seedNumber)
  const organisations = withUniqueVatNumbers(generateOrganisations(organisationCount, seedNumber))
  const profiles = generateProfiles(profileCount, organisationCount, random)
  const started = performance.now()
  const organisationIds = await handle.db.transaction().execute(async (trx) => {
    // Bulk load as a restore does it: secondary indexes (not those of constraints) dropped and rebuilt at
    // the end, the facets of an organisation computed once rather than after each batch of its children.
    const indexes = await sql<{ name: string; definition: string }>`
      SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relname IN (${sql.join(loadedTables)}) AND c.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`.execute(trx)
    for (const index of indexes.rows) await sql.raw(`DROP INDEX ${index.name}`).execute(trx)
    for (const [table, trigger] of childFacetTriggers) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`).execute(trx)
    const ids = await insertOrganisations(trx, organisations, 'bench')
    await sql`UPDATE organisations o SET facets = organisation_facets(o)`.execute(trx)
    for (const [table, trigger] of childFacetTriggers) await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`).execute(trx)
    process.stdout.write(`organisations ${seconds(started)} s, `)

    const clusters = new Map((await trx.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
    const profileStarted = performance.now()
    for (const [table, trigger] of profileFacetTriggers) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`).execute(trx)
    const rows = profiles.map((profile) => ({
      ...profile,
      organisation_id: ids[profile.organisation],
      cluster_id: clusters.get(profile.district),
      expires_on: romeDateIn(profile.expires_in_days),
      published_at: profile.published_days_ago === null ? null : new Date(Date.now() - profile.published_days_ago * 86_400_000).toISOString(),
    }))
    await insertJson(trx, rows, 5000, (json) => sql`
      INSERT INTO profiles (id, kind, status, organisation_id, cluster_id, language, title, summary, description_it, description_en,
        keywords, trl, partnership_kinds, target_organisation_types, geographic_scope, expires_on, submitted_at, reviewed_at, published_at, closed_at,
        linked_facets)
      SELECT id, kind, status, organisation_id, cluster_id, language, title, summary, description_it, description_en,
        keywords, trl, partnership_kinds, target_organisation_types, geographic_scope, expires_on,
        published_at - interval '3 days', published_at, published_at, CASE WHEN status = 'closed' THEN now() END,
        profile_linked_facets_of(taxonomy, organisation_id, kind, status)
      FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, kind text, status text, organisation_id uuid, cluster_id uuid, language text,
        title text, summary text, description_it text, description_en text, keywords text[], trl smallint, partnership_kinds text[],
        target_organisation_types text[], geographic_scope text, expires_on date, published_at timestamptz, taxonomy text[])`)
    const taxonomy = profiles.flatMap((profile) => profile.taxonomy.map((code) => ({ p: profile.id, c: code })))
    await insertJson(trx, taxonomy, 20_000, (json) => sql`
      INSERT INTO profile_taxonomy (profile_id, taxonomy_code) SELECT p, c FROM jsonb_to_recordset(${json}::jsonb) AS r(p uuid, c text)`)
    for (const [table, trigger] of profileFacetTriggers) await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`).execute(trx)

    // Expressions of interest, two in five accepted: the past collaborations recommendations count.
    const published = profiles.filter((profile) => profile.status === 'published')
    const interests = new Map<string, { id: string; p: string; o: string; s: string }>()
    while (interests.size < Math.min(interestCount, published.length)) {
      const profile = random.pick(published)
      const organisation = ids[random.int(0, ids.length - 1)] as string
      if (organisation === ids[profile.organisation]) continue
      const key = `${profile.id}/${organisation}`
      if (!interests.has(key)) interests.set(key, { id: uuid(random), p: profile.id, o: organisation, s: random.weighted([['accepted', 40], ['pending', 35], ['declined', 25]] as const) })
    }
    await insertJson(trx, [...interests.values()], 10_000, (json) => sql`
      INSERT INTO profile_interests (id, profile_id, organisation_id, message, status, decided_at)
      SELECT id, p, o, 'Siamo interessati: possiamo sentirci? / We are interested: could we talk?', s, CASE WHEN s <> 'pending' THEN now() END
      FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, p uuid, o uuid, s text)`)
    process.stdout.write(`profiles ${seconds(profileStarted)} s, `)

    const indexStarted = performance.now()
    for (const index of indexes.rows) await sql.raw(index.definition).execute(trx)
    process.stdout.write(`${indexes.rows.length} indexes ${seconds(indexStarted)} s, `)
    return ids
  })
  await settle(handle)
  return { profiles, organisationIds, seconds: (performance.now() - started) / 1000 }
}

/** A database this bench seeded before (BENCH_KEEP=1): migrated to the latest schema, analysed, not reseeded. */
async function reuse(handle: DbHandle): Promise<Seeded> {
  const started = performance.now()
  await migrate(handle)
  await settle(handle)
  const organisationIds = (await sql<{ id: string }>`SELECT id FROM organisations WHERE source = 'bench' ORDER BY source_id::int`.execute(handle.db)).rows.map((row) => row.id)
  return { profiles: generateProfiles(profileCount, organisationCount, createRandom(seedNumber)), organisationIds, seconds: (performance.now() - started) / 1000 }
}

const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(0)

/** The demo generator was written for hundreds of rows: at 100,000 a few VAT numbers repeat, which the unique index refuses. */
function withUniqueVatNumbers(organisations: DemoOrganisation[]): DemoOrganisation[] {
  const seen = new Set<string>()
  for (const organisation of organisations) {
    if (organisation.vatNumber === null) continue
    if (seen.has(organisation.vatNumber)) organisation.vatNumber = null
    else seen.add(organisation.vatNumber)
  }
  return organisations
}

// ---------------------------------------------------------------------------------------------------------
// The measured work.

type Job = { family: 'recommendation' | 'search'; kind: string; run: (db: Db) => Promise<number> }

const italianQueries = ['rivestimenti antivirali', 'idrogeno verde', 'marmo', 'robotica collaborativa', 'dispositivi medici', 'filati riciclati', 'manutenzione predittiva', 'materiali compositi', 'sensori', 'fotonica', 'economia circolare', 'intelligenza artificiale']
const englishQueries = ['antiviral coatings', 'green hydrogen', 'marble', 'collaborative robotics', 'medical devices', 'recycled yarn', 'predictive maintenance', 'composite materials', 'sensors', 'photonics', 'leather tanning', 'digital twin']
const typoQueries = ['idrogeon verde', 'rivestimenit antivirali', 'fotonika', 'manutenzone predittiva', 'compositti', 'marmetola']
const rareQueries = ['grafene per batterie al sodio', 'quantum sensors for marble quarries', 'tessuti ignifughi per treni', 'blockchain per la tracciabilità del vino']
const searchKinds: readonly ProfileKind[] = ['technology_offer', 'technology_request', 'business_offer', 'rd_partner_request', 'finance_request']
const searchTaxonomy = ['ICT', 'ICT.04', 'SF', 'SF.01', 'CN.03', 'TR.SURF', 'TR.CIRC', 'TR.H2']
const searchDistricts = ['tuscany-advanced-materials', 'tuscany-ict', 'tuscany-marble-stone', 'tuscany-energy-green-economy', 'clock', 'piedmont-ict']
const searchTypes: readonly OrganisationType[] = ['sme', 'startup', 'research_organisation', 'university', 'large_company']
const searchSizes = ['micro', 'small', 'medium', 'large'] as const
const searchRegions = ['ITI1', 'ITC1', 'ITC4']

function searchMix(random: Random, count: number): Job[] {
  const text = (): string => random.pick([...italianQueries, ...englishQueries])
  const page = (): Pick<SearchQuery, 'page' | 'pageSize'> => ({ page: random.chance(0.15) ? 2 : 1, pageSize: 20 })
  const trl = (): Pick<SearchQuery, 'trlMin' | 'trlMax'> => {
    const min = random.int(1, 7)
    return { trlMin: min, trlMax: Math.min(9, min + random.int(1, 3)) }
  }
  const makers: (() => [string, SearchQuery])[] = [
    () => ['text: Italian', { q: random.pick(italianQueries), ...page() }],
    () => ['text: English', { q: random.pick(englishQueries), ...page() }],
    () => ['text: typo', { q: random.pick(typoQueries), ...page() }],
    () => ['text: rare words (fallbacks)', { q: random.pick(rareQueries), ...page() }],
    () => ['text + kind', { q: text(), kind: random.pick(searchKinds), ...page() }],
    () => ['text + taxonomy', { q: text(), taxonomy: random.pick(searchTaxonomy), ...page() }],
    () => ['text + district', { q: text(), district: random.pick(searchDistricts), ...page() }],
    () => ['text + TRL range', { q: text(), ...trl(), ...page() }],
    () => ['text + organisation type', { q: text(), organisationType: random.pick(searchTypes), ...page() }],
    () => ['text + size + region', { q: text(), size: random.pick(searchSizes), region: random.pick(searchRegions), ...page() }],
    () => ['filters: kind + taxonomy', { kind: random.pick(searchKinds), taxonomy: random.pick(searchTaxonomy), ...page() }],
    () => ['filters: district + TRL', { district: random.pick(searchDistricts), ...trl(), ...page() }],
    () => ['filters: none (browse)', { ...page() }],
  ]
  return Array.from({ length: count }, (_, index) => {
    const [kind, query] = (makers[index % makers.length] as () => [string, SearchQuery])()
    return { family: 'search', kind, run: async (db) => (await searchProfiles(db, query)).total }
  })
}

const requestKinds: readonly ProfileKind[] = ['technology_request', 'business_request', 'rd_partner_request', 'finance_request']

function recommendationMix(random: Random, profiles: readonly ProfileRow[], perSide: number): Job[] {
  const open = profiles.filter((profile) => profile.status === 'published' && profile.expires_in_days >= 0)
  const requests = open.filter((profile) => requestKinds.includes(profile.kind))
  const offers = open.filter((profile) => !requestKinds.includes(profile.kind))
  const job = (kind: string, profile: ProfileRow): Job => ({
    family: 'recommendation',
    kind: `${kind}: ${profile.kind}`.replace(/_/g, ' '),
    run: async (db) => {
      const result = await recommendForProfile(db, profile.id)
      return result.organisations.length + result.profiles.length
    },
  })
  const jobs: Job[] = []
  for (let index = 0; index < perSide; index++) {
    jobs.push(job('request', random.pick(requests)))
    jobs.push(job('offer', random.pick(offers)))
  }
  return jobs
}

type Timing = { family: Job['family']; kind: string; ms: number; results: number }
type BackendResult = { backend: string; seedSeconds: number; timings: Timing[] }

async function measure(db: Db, jobs: readonly Job[]): Promise<Timing[]> {
  const timings: Timing[] = []
  for (const job of jobs) {
    const started = performance.now()
    const results = await job.run(db)
    timings.push({ family: job.family, kind: job.kind, ms: performance.now() - started, results })
  }
  return timings
}

async function bench(backend: string, handle: DbHandle, reused: boolean): Promise<BackendResult> {
  process.stdout.write(`${backend}: seeding ${organisationCount.toLocaleString('en')} organisations and ${profileCount.toLocaleString('en')} profiles... `)
  const seeded = reused ? await reuse(handle) : await seed(handle)
  console.log(`${seeded.seconds.toFixed(1)} s in all`)
  await measure(handle.db, [...recommendationMix(createRandom(7), seeded.profiles, recommendationWarmUp / 2), ...searchMix(createRandom(99), searchWarmUp)])
  const timings = [
    ...(await measure(handle.db, recommendationMix(createRandom(2026), seeded.profiles, recommendationCount))),
    ...(await measure(handle.db, searchMix(createRandom(2027), searchCount))),
  ]
  return { backend, seedSeconds: seeded.seconds, timings }
}

// ---------------------------------------------------------------------------------------------------------
// Report.

const ms = (value: number): string => value.toFixed(1).padStart(8)

function report(result: BackendResult, withTargets: boolean): string[] {
  const lines: string[] = []
  console.log(`\n== ${result.backend}`)
  console.log(`seeding: ${result.seedSeconds.toFixed(1)} s (with ANALYZE)`)
  console.log(`${'what'.padEnd(44)} ${'n'.padStart(4)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  results (median)`)
  for (const family of ['recommendation', 'search'] as const) {
    const of = result.timings.filter((timing) => timing.family === family)
    const all = of.map((timing) => timing.ms)
    const p95 = percentile(all, 0.95)
    const target = targets[family]
    const verdict = withTargets ? `target p95 < ${target} ms: ${p95 < target ? 'met' : 'MISSED'}` : `target applies to PostgreSQL (< ${target} ms)`
    console.log(`${`${family.toUpperCase()} (all)`.padEnd(44)} ${String(all.length).padStart(4)} ${ms(percentile(all, 0.5))} ${ms(p95)} ${ms(Math.max(...all))}  ${verdict}`)
    lines.push(`${result.backend.padEnd(18)} ${family.padEnd(15)} median ${ms(percentile(all, 0.5))} ms  p95 ${ms(p95)} ms  ${verdict}`)
    for (const kind of [...new Set(of.map((timing) => timing.kind))].sort()) {
      const timings = of.filter((timing) => timing.kind === kind)
      const values = timings.map((timing) => timing.ms)
      console.log(`  ${kind.padEnd(42)} ${String(values.length).padStart(4)} ${ms(percentile(values, 0.5))} ${ms(percentile(values, 0.95))} ${ms(Math.max(...values))}  ${percentile(timings.map((timing) => timing.results), 0.5)}`)
    }
  }
  return lines
}

const started = performance.now()
const summary: string[] = []
await runOnBackends(`clock_bench_matchmaking_${process.pid}`, bench, (result, onPostgreSQL) => summary.push(...report(result, onPostgreSQL)))
console.log(`\n== Summary (${((performance.now() - started) / 60_000).toFixed(1)} min in all)`)
for (const line of summary) console.log(line)
