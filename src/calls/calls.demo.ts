import { sql } from 'kysely'
import { createRandom, type Random } from '../demo/random.js'
import type { Db } from '../platform/db.js'
import { romeDate } from '../platform/rome-time.js'
import type { CallCreate } from './calls.schema.js'
import { createCall, publishCall } from './calls.service.js'
import { evaluateDemoCall } from './evaluation/evaluation.demo.js'
import { fundDemoCall } from './funding/funding.demo.js'
import { confirmPartner, createProposal, submitProposal } from './proposals.service.js'

const M = 100_000_000 // one million EUR in cents

type Candidate = { id: string; type: string; member: boolean }

type DemoPlan = { line: 'A' | 'B'; title: string; taxonomy: string }

/** The Piedmont practice (DOMAIN.md) as a CLOCK call: line A for members, line B for non-members who commit to join. */
export const demoCall: CallCreate = {
  titleIt: 'Ricerca collaborativa nei distretti toscani 2026',
  titleEn: 'Collaborative R&D in the Tuscan districts 2026',
  summaryIt: 'Progetti di ricerca industriale e sviluppo sperimentale svolti da partenariati di imprese e organismi di ricerca.',
  summaryEn: 'Industrial research and experimental development projects carried out by partnerships of firms and research organisations.',
  textIt:
    'Il bando finanzia progetti con TRL almeno 4 all’avvio e almeno 7 alla fine, con costi di ricerca industriale superiori a quelli di sviluppo sperimentale. La produzione è esclusa. Linea A: soci dei distretti di CLOCK. Linea B: imprese non socie che si impegnano ad aderire se finanziate.',
  textEn:
    'The call funds projects starting at TRL 4 or more and reaching at least TRL 7, with industrial research costs above experimental development costs. Production is excluded. Line A: members of CLOCK’s districts. Line B: non-member firms that commit to join if funded.',
  opensAt: '2026-01-15T08:00:00.000Z',
  closesAt: '2027-06-30T15:00:00.000Z',
  lines: [
    { code: 'A', titleIt: 'Soci dei distretti', titleEn: 'District members', budgetCents: 35 * M, membersOnly: true, nonMembersMustCommit: false, clusterSlug: 'clock' },
    { code: 'B', titleIt: 'Nuovi soci', titleEn: 'New members', budgetCents: 15 * M, membersOnly: false, nonMembersMustCommit: true, clusterSlug: 'clock' },
  ],
  budget: [
    { source: 'eu_structural', year: 2026, amountCents: 12 * M },
    { source: 'eu_structural', year: 2027, amountCents: 13 * M },
    { source: 'national', year: 2026, amountCents: 5 * M },
    { source: 'regional', year: 2026, amountCents: 10 * M },
    { source: 'regional', year: 2027, amountCents: 10 * M },
  ],
  rules: { trlStartMin: 4, trlEndMin: 7, researchShareMustExceedDevelopment: true, minPartners: 3, minSmes: 1, researchOrganisationIntensity: 8000 },
  priorities: [],
  criteria: [
    { code: 'excellence', nameIt: 'Eccellenza e innovatività', nameEn: 'Excellence and innovation', weight: 40, threshold: 3 },
    { code: 'impact', nameIt: 'Impatto sulla filiera', nameEn: 'Impact on the supply chain', weight: 35, threshold: 3 },
    { code: 'implementation', nameIt: 'Qualità del partenariato e del piano', nameEn: 'Partnership and plan quality', weight: 25, threshold: 2 },
  ],
  evaluation: { evaluatorsPerProposal: 3 },
  faq: [
    {
      questionIt: 'Un organismo di ricerca può essere capofila?',
      questionEn: 'Can a research organisation lead?',
      answerIt: 'No: il capofila è un’impresa; gli organismi di ricerca partecipano come partner o come fornitori di servizi qualificati.',
      answerEn: 'No: the lead is a firm; research organisations take part as partners or as providers of qualified services.',
    },
    {
      questionIt: 'I costi di produzione sono ammissibili?',
      questionEn: 'Are production costs eligible?',
      answerIt: 'No. Sono ammissibili solo ricerca industriale e sviluppo sperimentale.',
      answerEn: 'No. Only industrial research and experimental development are eligible.',
    },
  ],
}

/** The year before's call, closed, evaluated and decided (see evaluation.demo.ts): its ranking and grants are there to read. */
export const demoClosedCall: CallCreate = {
  ...demoCall,
  titleIt: 'Innovazione di filiera nei distretti 2025',
  titleEn: 'Supply-chain innovation in the districts 2025',
  summaryIt: 'Progetti di filiera tra imprese e laboratori dei distretti, dalla validazione in laboratorio al dimostratore.',
  summaryEn: 'Supply-chain projects between the districts’ firms and labs, from laboratory validation to a demonstrator.',
  opensAt: '2025-02-03T08:00:00.000Z',
  closesAt: '2025-05-30T15:00:00.000Z',
  lines: [
    { code: 'A', titleIt: 'Soci dei distretti', titleEn: 'District members', budgetCents: 15 * M / 10, membersOnly: true, nonMembersMustCommit: false, clusterSlug: 'clock' },
    { code: 'B', titleIt: 'Nuovi soci', titleEn: 'New members', budgetCents: 9 * M / 10, membersOnly: false, nonMembersMustCommit: true, clusterSlug: 'clock' },
  ],
  budget: [
    { source: 'regional', year: 2025, amountCents: 15 * M / 10 },
    { source: 'eu_structural', year: 2025, amountCents: 9 * M / 10 },
  ],
  evaluation: { evaluatorsPerProposal: 3, overallThreshold: 3 },
  faq: [],
}

const closedCallPlans: DemoPlan[] = [
  { line: 'A', title: 'Compositi leggeri per carrozze ferroviarie', taxonomy: 'CN.03' },
  { line: 'A', title: 'Visione artificiale per il controllo qualità delle lastre di marmo', taxonomy: 'SF.01' },
  { line: 'A', title: 'Vernici fotocatalitiche per l’edilizia storica', taxonomy: 'CN.02' },
  { line: 'A', title: 'Cobot per la finitura di componenti in pelle', taxonomy: 'SF.02' },
  { line: 'A', title: 'Sensori in fibra ottica per il monitoraggio dei binari', taxonomy: 'ICT.07' },
  { line: 'B', title: 'Recupero dei fanghi di segagione come materia prima seconda', taxonomy: 'CN.01' },
  { line: 'B', title: 'Tracciabilità digitale della filiera tessile', taxonomy: 'ICT.05' },
]

/**
 * The closed demo call: proposals submitted in spring 2025, then assigned, scored and agreed by the demo
 * evaluators, and decided by the officer. Does nothing when a call with its title exists, or when the demo evaluators are missing.
 */
export async function seedDemoClosedCall(db: Db): Promise<void> {
  const existing = await db.selectFrom('calls').select('id').where('title_it', '=', demoClosedCall.titleIt).limit(1).execute()
  if (existing.length > 0) return
  const random = createRandom(2025_05)
  const callId = await createCall(db, null, demoClosedCall)
  await publishCall(db, null, callId, new Date('2025-01-20T08:00:00Z'))
  const submittedOn = new Date('2025-05-12T10:00:00Z')
  const parties = new DemoParties(await candidatesOn(db, romeDate(submittedOn)), random)
  const proposals: string[] = []
  for (const plan of closedCallPlans) {
    const id = await addDemoProposal(db, callId, plan, parties, random, { actorId: null, now: submittedOn, submit: true })
    if (id) proposals.push(id)
  }
  await evaluateDemoCall(db, callId, proposals, random)
  await fundDemoCall(db, callId)
}

/**
 * Publishes the demo call and adds proposals from demo organisations: one draft led by the demo
 * accounts' organisation, and submitted ones on both lines. Does nothing when a call already exists.
 */
export async function seedDemoCalls(db: Db): Promise<void> {
  const existing = await db.selectFrom('calls').select('id').limit(1).execute()
  if (existing.length > 0) return
  const random = createRandom(2026_05)
  const callId = await createCall(db, null, demoCall)
  await publishCall(db, null, callId, new Date('2026-01-10T08:00:00Z'))
  const now = new Date()
  const open = now.getTime() >= Date.parse(demoCall.opensAt) && now.getTime() <= Date.parse(demoCall.closesAt)
  if (!open) return

  const parties = new DemoParties(await candidatesOn(db, romeDate(now)), random)
  const demoOrganisation = await db
    .selectFrom('organisation_users')
    .innerJoin('users', 'users.id', 'organisation_users.user_id')
    .select(['organisation_users.organisation_id', 'users.id'])
    .where('users.email', '=', 'orgadmin@clock.demo')
    .executeTakeFirst()

  const plans: DemoPlan[] = [
    { line: 'A', title: 'Rivestimenti antibatterici per superfici ospedaliere', taxonomy: 'CN.02' },
    { line: 'A', title: 'Gemello digitale per la lavorazione del marmo', taxonomy: 'SF.01' },
    { line: 'B', title: 'Tessuti tecnici riciclati per la nautica', taxonomy: 'CN.03' },
  ]
  for (const plan of plans) await addDemoProposal(db, callId, plan, parties, random, { actorId: null, now, submit: true })
  if (demoOrganisation) {
    // A draft of the demo accounts' organisation; one that is not a member applies on line B, committing to join.
    const plan: DemoPlan = { line: 'A', title: 'Sensori per la manutenzione predittiva ferroviaria', taxonomy: 'SF.01' }
    await addDemoProposal(db, callId, plan, parties, random, { actorId: demoOrganisation.id, now, submit: false, lead: demoOrganisation.organisation_id })
  }
}

/** Hands out demo organisations for proposals, each at most once. */
class DemoParties {
  private readonly used = new Set<string>()
  constructor(
    private readonly candidates: readonly Candidate[],
    private readonly random: Random,
  ) {}

  isMember(id: string): boolean {
    return this.candidates.find((item) => item.id === id)?.member ?? false
  }

  firm(member: boolean): string | undefined {
    return this.take((item) => item.member === member && ['sme', 'startup'].includes(item.type))
  }

  lab(): string | undefined {
    return this.take((item) => item.member && ['university', 'research_organisation'].includes(item.type))
  }

  claim(id: string): void {
    this.used.add(id)
  }

  private take(fits: (item: Candidate) => boolean): string | undefined {
    const free = this.candidates.filter((item) => fits(item) && !this.used.has(item.id))
    if (free.length === 0) return undefined
    const chosen = this.random.pick(free).id
    this.used.add(chosen)
    return chosen
  }
}

/**
 * One demo proposal: a lead firm, a partner firm (a member on line A, a non-member committing to join on line B)
 * and a district lab; with `submit`, the partners confirm and the lead submits. Undefined when the pools ran dry.
 */
async function addDemoProposal(
  db: Db,
  callId: string,
  plan: DemoPlan,
  parties: DemoParties,
  random: Random,
  options: { actorId: string | null; now: Date; submit: boolean; lead?: string },
): Promise<string | undefined> {
  const lead = options.lead ?? parties.firm(true)
  if (!lead) return undefined
  parties.claim(lead)
  const line = options.lead && !parties.isMember(options.lead) ? 'B' : plan.line
  const partner = parties.firm(line === 'A')
  const lab = parties.lab()
  if (!partner || !lab) return undefined
  const partners = [lead, partner, lab].map((organisationId) => ({
    organisationId,
    commitsToJoin: line === 'B' && !parties.isMember(organisationId),
    costs: demoCosts(random, organisationId === lab),
  }))
  const id = await createProposal(
    db,
    options.actorId,
    callId,
    {
      leadOrganisationId: lead,
      line,
      title: plan.title,
      abstract: `${plan.title}: dalla validazione in laboratorio (TRL 4) al dimostratore in ambiente operativo (TRL 7).`,
      taxonomyCode: await knownTaxonomy(db, plan.taxonomy),
      trlStart: 4,
      trlEnd: 7,
      wideDissemination: random.chance(0.5),
      partners,
    },
    options.now,
  )
  if (!options.submit) return id
  for (const organisationId of [partner, lab]) await confirmPartner(db, null, id, organisationId, options.now)
  await submitProposal(db, null, id, () => options.now, 'it')
  return id
}

function demoCosts(random: Random, researchOrganisation: boolean): { industrialResearch: number; experimentalDevelopment: number; other: number } {
  const research = random.int(12, 40) * 1_000_000
  return { industrialResearch: research, experimentalDevelopment: researchOrganisation ? 0 : Math.floor(research * random.int(3, 8) / 10), other: 0 }
}

async function knownTaxonomy(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('taxonomy_nodes').select('code').where('code', '=', code).executeTakeFirst()
  return row?.code ?? null
}

/** Demo organisations with whether they are associated members of a CLOCK district today. */
async function candidatesOn(db: Db, date: string): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('organisations')
    .select((eb) => [
      'organisations.id',
      'organisations.type',
      eb
        .exists(
          eb
            .selectFrom('memberships')
            .innerJoin('cluster_links', 'cluster_links.child_id', 'memberships.cluster_id')
            .innerJoin('clusters', 'clusters.id', 'cluster_links.parent_id')
            .select('memberships.id')
            .whereRef('memberships.organisation_id', '=', 'organisations.id')
            .where('clusters.slug', '=', 'clock')
            .where('memberships.associated', '=', true)
            .where('memberships.since', '<=', date)
            .where((w) => w.or([w('memberships.until', 'is', null), w('memberships.until', '>=', date)])),
        )
        .as('member'),
    ])
    .where('organisations.source', '=', 'demo')
    .orderBy(sql`organisations.source_id::int`)
    .execute()
  return rows.map((row) => ({ id: row.id, type: row.type, member: Boolean(row.member) }))
}
