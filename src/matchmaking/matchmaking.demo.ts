import { sql } from 'kysely'
import { createRandom } from '../demo/random.js'
import type { Db } from '../platform/db.js'
import type { OrganisationType } from '../platform/database.js'
import { romeDateIn } from '../platform/rome-time.js'
import { kindsWithTrl } from './marketplace-terms.js'
import type { PartnershipKind, ProfileKind } from './marketplace-terms.js'

type DemoProfile = {
  district: string
  kind: ProfileKind
  language: 'it' | 'en'
  taxonomy: string[]
  trl: number | null
  title: string
  summary: string
  keywords: string[]
}

const p = (district: string, kind: ProfileKind, language: 'it' | 'en', taxonomy: string[], trl: number | null, title: string, summary: string, keywords: string[] = []): DemoProfile => ({
  district,
  kind,
  language,
  taxonomy,
  trl,
  title,
  summary,
  keywords,
})

// Sixty published profiles across the Tuscan districts and some national clusters, about half in English.
const demoProfiles: readonly DemoProfile[] = [
  p('tuscany-marble-stone', 'technology_request', 'it', ['CN.03', 'TR.SURF'], 5, 'Rivestimento antimacchia per lastre di marmo lucidato', 'Cerchiamo un trattamento superficiale trasparente che protegga il marmo dagli acidi senza alterarne la lucentezza.', ['marmo', 'rivestimento']),
  p('tuscany-marble-stone', 'technology_request', 'it', ['TR.CIRC'], 4, 'Valorizzazione della marmettola dei laboratori di segagione', 'Cerchiamo processi per trasformare i fanghi di segagione del marmo in materie prime seconde.', ['marmettola', 'economia circolare']),
  p('tuscany-marble-stone', 'technology_offer', 'en', ['SF.01', 'SF.02'], 7, 'Robotic waterjet cell for 3D stone carving', 'A six-axis robot with waterjet head carves marble sculptures and architectural elements from digital models.', ['robotics', 'stone']),
  p('tuscany-marble-stone', 'business_request', 'it', ['SF.06'], null, 'Distributori di pietre ornamentali in Nord Europa', 'Azienda di lavorazione del marmo cerca distributori per rivestimenti e top da cucina in Germania e Scandinavia.', ['export', 'marmo']),
  p('tuscany-marble-stone', 'rd_partner_request', 'en', ['ICT.03', 'SF.01'], 3, 'Partners for a quarry safety monitoring project', 'We seek sensor and IoT partners for a Horizon Europe proposal on vibration and slope monitoring in marble quarries.', ['quarry', 'sensors']),
  p('tuscany-marble-stone', 'technology_offer', 'it', ['SF.04'], 8, 'Filo diamantato a basso consumo per il taglio in cava', 'Offriamo un filo diamantato con nuova legatura che riduce del 20% il consumo energetico del taglio.', ['taglio', 'energia']),
  p('tuscany-fashion', 'technology_request', 'it', ['TR.CIRC', 'CN.03'], 5, 'Filati riciclati da scarti tessili post-consumo', 'Lanificio pratese cerca tecnologie di selezione automatica per colore e fibra degli indumenti usati.', ['riciclo', 'filati']),
  p('tuscany-fashion', 'technology_offer', 'en', ['CN.01', 'SF.04'], 7, 'Waterless dyeing process for natural fibres', 'A supercritical CO2 dyeing process that removes water use and cuts energy by a third on wool and silk.', ['dyeing', 'textile']),
  p('tuscany-fashion', 'technology_request', 'it', ['CN.01'], 4, 'Concia senza cromo per pelletteria di lusso', 'Conceria cerca agenti concianti di origine vegetale con prestazioni paragonabili al cromo.', ['concia', 'pelle']),
  p('tuscany-fashion', 'business_offer', 'en', ['SF.06'], null, 'Small-batch leather goods manufacturing for designers', 'Florentine workshop offers prototyping and small production runs of bags and accessories.', ['leather goods']),
  p('tuscany-fashion', 'finance_request', 'it', ['SF.06', 'ICT.05'], null, 'Capitale per una piattaforma di noleggio di abiti', 'Startup della moda circolare cerca 800.000 euro di investimento per espandere il servizio in Europa.', ['startup', 'moda circolare']),
  p('tuscany-fashion', 'technology_request', 'en', ['TR.SURF'], 5, 'Antiviral finishing for protective textiles', 'We look for a wash-resistant antiviral finish for hospital gowns and face masks.', ['protective textiles']),
  p('tuscany-interiors-design', 'technology_request', 'it', ['ICT.03'], 6, 'Illuminazione intelligente per arredi da esterno', 'Produttore di arredi cerca moduli LED e sensori di presenza integrabili in sedute e fioriere.', ['illuminazione', 'arredo']),
  p('tuscany-interiors-design', 'technology_offer', 'en', ['TR.CIRC', 'CN.03'], 7, 'Bio-based panels from agricultural residues', 'Rigid panels for furniture made from hemp and olive pruning residues with a bio-based resin.', ['bio-based', 'furniture']),
  p('tuscany-interiors-design', 'business_request', 'it', ['SF.06'], null, 'Subfornitori per verniciatura di mobili in legno', 'Cerchiamo subfornitori certificati per la verniciatura ad acqua di componenti di arredo.', ['verniciatura', 'legno']),
  p('tuscany-interiors-design', 'technology_request', 'en', ['ICT.05'], 5, 'Augmented reality configurator for custom furniture', 'A furniture maker seeks a software partner for an AR configurator that customers use at home.', ['augmented reality']),
  p('tuscany-life-sciences', 'technology_offer', 'it', ['CN.06', 'CN.05'], 5, 'Nanoparticelle per il rilascio mirato di farmaci antitumorali', 'Laboratorio universitario offre in licenza una piattaforma di nanoparticelle lipidiche brevettata.', ['nanomedicina', 'brevetto']),
  p('tuscany-life-sciences', 'technology_request', 'en', ['TR.SURF', 'CN.04'], 4, 'Rapid diagnostic test for veterinary infections', 'A diagnostics SME looks for antibody and microfluidics partners for a rapid test for livestock.', ['rapid tests', 'diagnostics']),
  p('tuscany-life-sciences', 'rd_partner_request', 'it', ['ICT.04', 'CN.04'], 3, 'Partner per un progetto di medicina personalizzata', 'Cerchiamo ospedali e aziende di bioinformatica per una proposta su terapie personalizzate in oncologia.', ['medicina personalizzata']),
  p('tuscany-life-sciences', 'technology_offer', 'en', ['SF.02'], 6, 'Wearable exoskeleton for upper-limb rehabilitation', 'A lightweight exoskeleton with adaptive control, tested with stroke patients, available for licensing.', ['rehabilitation', 'robotics']),
  p('tuscany-life-sciences', 'finance_request', 'en', ['CN.06'], null, 'Seed round for a medical device spin-off', 'University spin-off seeks 1.5 million euro to take a catheter coating through clinical trials.', ['medical device', 'seed']),
  p('tuscany-life-sciences', 'technology_request', 'it', ['ICT.03'], 6, 'Piattaforma di telemonitoraggio per pazienti cronici', 'Azienda sanitaria cerca soluzioni di telemedicina interoperabili con il fascicolo sanitario.', ['telemedicina']),
  p('tuscany-advanced-materials', 'technology_offer', 'it', ['CN.05', 'TR.SURF'], 6, 'Rivestimenti fotocatalitici antibatterici', 'Offriamo rivestimenti a base di biossido di titanio che abbattono la carica batterica su superfici dure.', ['rivestimento', 'antibatterico']),
  p('tuscany-advanced-materials', 'technology_offer', 'en', ['ICT.07', 'SF.01'], 7, 'Femtosecond laser texturing of metal surfaces', 'Laser micro-texturing that makes steel and aluminium surfaces water repellent and reduces friction.', ['laser', 'surfaces']),
  p('tuscany-advanced-materials', 'technology_request', 'it', ['CN.03'], 4, 'Compositi in fibra di carbonio riciclata per la nautica', 'Cantiere cerca laminati da fibra di carbonio riciclata con proprietà meccaniche certificate.', ['compositi', 'nautica']),
  p('tuscany-advanced-materials', 'rd_partner_request', 'en', ['TR.MODEL'], 3, 'Materials modelling partners for a digital twin of ceramics firing', 'We seek modelling and data integration partners to predict defects in ceramic kilns.', ['digital twin', 'ceramics']),
  p('tuscany-advanced-materials', 'technology_offer', 'it', ['CN.05'], 5, 'Grafene in dispersione per inchiostri conduttivi', 'Produciamo dispersioni di grafene stabili per elettronica stampata e sensori flessibili.', ['grafene']),
  p('tuscany-advanced-materials', 'technology_request', 'en', ['CN.02'], 5, 'Corrosion protection for offshore steel structures', 'A port operator seeks coatings and cathodic protection tested in marine environments.', ['corrosion', 'steel']),
  p('tuscany-nautical-ports', 'technology_request', 'it', ['TR.H2'], 5, 'Propulsione a idrogeno per imbarcazioni da diporto', 'Cantiere navale cerca partner per integrare celle a combustibile su uno yacht di 20 metri.', ['idrogeno', 'yacht']),
  p('tuscany-nautical-ports', 'technology_offer', 'en', ['ICT.03'], 8, 'Port logistics platform with real-time container tracking', 'An IoT and cloud platform that tracks containers and trucks across the port area.', ['logistics', 'port']),
  p('tuscany-nautical-ports', 'business_offer', 'it', ['SF.01'], null, 'Refitting di superyacht con tecnologie a basso impatto', 'Offriamo servizi di refitting con vernici antivegetative senza biocidi e impianti elettrici efficienti.', ['refitting']),
  p('tuscany-nautical-ports', 'rd_partner_request', 'en', ['CN.03', 'TR.CIRC'], 3, 'End-of-life recycling of fibreglass boats', 'We look for partners in a project on dismantling and recycling fibreglass hulls.', ['recycling', 'boats']),
  p('tuscany-railway', 'technology_request', 'it', ['ICT.03', 'SF.01'], 6, 'Manutenzione predittiva dei carrelli ferroviari', 'Costruttore di materiale rotabile cerca algoritmi di analisi delle vibrazioni per la manutenzione predittiva.', ['manutenzione predittiva']),
  p('tuscany-railway', 'technology_offer', 'en', ['ICT.01'], 8, 'Fibre-optic sensing for track monitoring', 'Distributed acoustic sensing on existing fibre detects track defects and intrusions in real time.', ['railway', 'fibre optic']),
  p('tuscany-railway', 'business_request', 'it', ['SF.03'], null, 'Fornitori di componenti meccatronici per il segnalamento', 'Cerchiamo fornitori qualificati di attuatori per deviatoi ferroviari.', ['segnalamento']),
  p('tuscany-energy-green-economy', 'technology_offer', 'it', ['TR.H2', 'SF.05'], 6, 'Elettrolizzatore alcalino modulare da 100 kW', 'Offriamo un elettrolizzatore per produrre idrogeno verde in siti industriali con fotovoltaico.', ['idrogeno', 'elettrolizzatore']),
  p('tuscany-energy-green-economy', 'technology_request', 'en', ['SF.04'], 6, 'Heat recovery for paper mill drying sections', 'A paper mill seeks heat pump and heat recovery solutions for its drying lines.', ['heat recovery', 'paper']),
  p('tuscany-energy-green-economy', 'finance_offer', 'it', ['SF.05', 'TR.H2'], null, 'Finanziamenti agevolati per progetti di efficienza energetica', 'Banca locale offre prestiti a tasso agevolato per impianti rinnovabili e comunità energetiche.', ['finanziamento']),
  p('tuscany-energy-green-economy', 'rd_partner_request', 'en', ['TR.H2'], 4, 'Hydrogen storage in metal hydrides', 'We look for partners for a research project on solid-state hydrogen storage for industrial users.', ['hydrogen', 'storage']),
  p('tuscany-energy-green-economy', 'technology_request', 'it', ['TR.CIRC'], 5, 'Biogas da scarti agroalimentari per una cartiera', 'Cartiera cerca tecnologie di digestione anaerobica per i propri scarti e quelli del territorio.', ['biogas']),
  p('tuscany-ict', 'technology_offer', 'en', ['ICT.04'], 8, 'Machine learning for quality control on production lines', 'Computer vision models that detect surface defects with a standard industrial camera.', ['machine learning', 'quality control']),
  p('tuscany-ict', 'technology_offer', 'it', ['ICT.02'], 7, 'Rete 5G privata per stabilimenti industriali', 'Progettiamo e installiamo reti 5G private per collegare macchine e robot mobili.', ['5G', 'reti']),
  p('tuscany-ict', 'technology_request', 'en', ['ICT.04'], 5, 'Cybersecurity assessment for small manufacturers', 'A district association seeks providers of affordable cybersecurity audits for SMEs.', ['cybersecurity']),
  p('tuscany-ict', 'finance_request', 'it', ['ICT.05'], null, 'Investimento per un videogioco sul patrimonio culturale', 'Studio di sviluppo cerca 300.000 euro per un videogioco educativo sui musei toscani.', ['videogioco', 'beni culturali']),
  p('tuscany-smart-city', 'technology_request', 'it', ['ICT.03'], 7, 'Sensori per il monitoraggio della qualità dell’aria urbana', 'Comune cerca reti di sensori a basso costo per la qualità dell’aria con dati aperti.', ['qualità dell’aria']),
  p('tuscany-smart-city', 'technology_offer', 'en', ['ICT.03', 'SF.04'], 8, 'Adaptive street lighting with presence detection', 'Street lights that dim when roads are empty, cutting energy use by half.', ['street lighting']),
  p('tuscany-smart-city', 'rd_partner_request', 'it', ['ICT.04'], 4, 'Gemello digitale per la gestione del traffico cittadino', 'Cerchiamo partner per un gemello digitale del traffico di una città media toscana.', ['gemello digitale', 'traffico']),
  p('tuscany-smart-city', 'business_offer', 'en', ['ICT.03'], null, 'Smart parking app licensing for municipalities', 'Our parking app is live in six cities and is available under licence with local support.', ['parking']),
  p('national-aerospace', 'technology_request', 'en', ['CN.03', 'SF.01'], 5, 'Automated inspection of composite aircraft parts', 'An aerostructures supplier seeks ultrasonic and thermographic inspection cells.', ['non-destructive testing']),
  p('national-aerospace', 'technology_offer', 'it', ['ICT.07'], 7, 'Ottiche per satelliti di osservazione della terra', 'Progettiamo e produciamo ottiche leggere per piccoli satelliti.', ['satelliti', 'ottica']),
  p('national-agrifood', 'technology_request', 'it', ['TR.PKG'], 5, 'Imballaggi compostabili per prodotti freschi', 'Cooperativa ortofrutticola cerca vaschette compostabili con shelf life pari alla plastica.', ['imballaggio', 'compostabile']),
  p('national-agrifood', 'technology_offer', 'en', ['ICT.03'], 8, 'Precision irrigation for vineyards', 'Soil moisture sensors and a decision support app that save a third of irrigation water.', ['vineyards', 'irrigation']),
  p('national-agrifood', 'business_request', 'en', ['TR.PKG'], null, 'Co-packer for organic olive oil in small bottles', 'An olive oil producer seeks a co-packer for 100 ml bottles for the hospitality market.', ['olive oil']),
  p('national-green-chemistry', 'technology_offer', 'it', ['CN.01', 'TR.CIRC'], 6, 'Bioplastiche da scarti dell’industria lattiero-casearia', 'Processo di fermentazione che produce PHA dal siero di latte.', ['bioplastiche', 'fermentazione']),
  p('national-green-chemistry', 'technology_request', 'en', ['CN.01'], 4, 'Bio-based solvents for industrial cleaning', 'A chemical distributor seeks bio-based alternatives to chlorinated solvents.', ['solvents']),
  p('national-intelligent-factory', 'technology_offer', 'it', ['SF.02', 'SF.01'], 8, 'Robot collaborativi per l’asservimento di macchine utensili', 'Integriamo cobot con sistemi di visione per caricare e scaricare macchine utensili.', ['cobot']),
  p('national-intelligent-factory', 'technology_request', 'en', ['SF.01'], 6, 'Additive manufacturing of spare parts on demand', 'A machinery maker seeks metal 3D printing partners to produce spare parts on demand.', ['additive manufacturing']),
  p('national-cultural-heritage', 'technology_request', 'it', ['TR.SURF', 'CN.05'], 4, 'Consolidanti nanostrutturati per il restauro della pietra', 'Impresa di restauro cerca consolidanti compatibili per facciate in pietra storica.', ['restauro', 'pietra']),
  p('national-blue-growth', 'technology_offer', 'en', ['ICT.01'], 6, 'Underwater drones for aquaculture cage inspection', 'Small ROVs with AI image analysis to inspect nets and fish health in offshore cages.', ['underwater', 'aquaculture']),
  p('national-energy', 'finance_offer', 'en', ['TR.H2', 'SF.05'], null, 'Venture capital fund for energy transition start-ups', 'A fund investing 0.5 to 3 million euro in hydrogen, storage and efficiency start-ups.', ['venture capital']),
]

const closingIt: Record<ProfileKind, string> = {
  technology_offer: 'La tecnologia è disponibile in licenza o per progetti di cooperazione tecnica; possiamo organizzare una dimostrazione.',
  technology_request: 'Cerchiamo un partner che abbia già sviluppato soluzioni simili e sia disponibile a prove congiunte.',
  business_offer: 'Lavoriamo con piccole e grandi imprese, in Italia e all’estero.',
  business_request: 'Valutiamo accordi commerciali di lungo periodo con partner affidabili.',
  rd_partner_request: 'Il consorzio è in formazione: cerchiamo competenze complementari per la proposta.',
  finance_request: 'Abbiamo un piano industriale e i primi clienti; cerchiamo investitori anche per accompagnare la crescita.',
  finance_offer: 'Valutiamo progetti con un piano credibile e un team completo.',
}
const closingEn: Record<ProfileKind, string> = {
  technology_offer: 'The technology is available for licensing or technical cooperation; we can arrange a demonstration.',
  technology_request: 'We look for a partner that has developed similar solutions and is open to joint trials.',
  business_offer: 'We work with small and large companies, in Italy and abroad.',
  business_request: 'We consider long-term commercial agreements with reliable partners.',
  rd_partner_request: 'The consortium is being formed: we look for complementary skills for the proposal.',
  finance_request: 'We have a business plan and first customers; we look for investors who can also support growth.',
  finance_offer: 'We consider projects with a credible plan and a complete team.',
}

/** The partnerships and target organisations a profile of each kind typically seeks (demo and bench data). */
export const partnershipsByKind: Record<ProfileKind, PartnershipKind[]> = {
  technology_offer: ['licence', 'technical_cooperation'],
  technology_request: ['technical_cooperation', 'research_cooperation'],
  business_offer: ['commercial_agreement', 'subcontracting'],
  business_request: ['commercial_agreement', 'subcontracting'],
  rd_partner_request: ['research_cooperation'],
  finance_request: ['financing'],
  finance_offer: ['financing'],
}
export const targetsByKind: Record<ProfileKind, OrganisationType[]> = {
  technology_offer: ['sme', 'large_company'],
  technology_request: ['research_organisation', 'university', 'sme'],
  business_offer: ['sme', 'large_company'],
  business_request: ['sme', 'company'],
  rd_partner_request: ['research_organisation', 'university', 'sme'],
  finance_request: ['financial_operator'],
  finance_offer: ['startup', 'sme'],
}

/**
 * The demo marketplace: sixty published profiles from the demo organisations of each district, one
 * draft and one profile waiting for review, and a few expressions of interest at every stage of the
 * funnel. Deterministic: the same database gives the same marketplace.
 */
export async function seedDemoMarketplace(db: Db): Promise<void> {
  const existing = await db.selectFrom('profiles').select('id').limit(1).execute()
  if (existing.length > 0) return
  const random = createRandom(404)
  const clusters = new Map((await db.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
  const members = await sql<{ slug: string; organisation_id: string }>`
    SELECT k.slug, m.organisation_id FROM memberships m JOIN clusters k ON k.id = m.cluster_id
    WHERE m.until IS NULL ORDER BY k.slug, m.organisation_id`.execute(db)
  const everyone = (await db.selectFrom('organisations').select('id').orderBy('legal_name').orderBy('id').execute()).map((row) => row.id)
  if (everyone.length < 2) return
  const byDistrict = new Map<string, string[]>()
  for (const row of members.rows) byDistrict.set(row.slug, [...(byDistrict.get(row.slug) ?? []), row.organisation_id])
  const manager = await db.selectFrom('district_managers').select('user_id').limit(1).executeTakeFirst()
  const demoOrganisation = await db
    .selectFrom('organisation_users')
    .innerJoin('users', 'users.id', 'organisation_users.user_id')
    .select('organisation_users.organisation_id')
    .where('users.email', '=', 'orgadmin@clock.demo')
    .executeTakeFirst()

  const now = new Date()
  const published: { id: string; organisationId: string }[] = []
  for (const [index, profile] of demoProfiles.entries()) {
    const clusterId = clusters.get(profile.district)
    if (!clusterId) continue
    const candidates = byDistrict.get(profile.district) ?? everyone
    const organisationId = index === 0 && demoOrganisation ? demoOrganisation.organisation_id : random.pick(candidates)
    const publishedDaysAgo = random.int(1, 120)
    const row = await db
      .insertInto('profiles')
      .values({
        kind: profile.kind,
        status: 'published',
        organisation_id: organisationId,
        cluster_id: clusterId,
        language: profile.language,
        title: profile.title,
        summary: profile.summary,
        description_it: profile.language === 'it' ? `${profile.summary} ${closingIt[profile.kind]}` : '',
        description_en: profile.language === 'en' ? `${profile.summary} ${closingEn[profile.kind]}` : '',
        keywords: profile.keywords,
        trl: kindsWithTrl.includes(profile.kind) ? profile.trl : null,
        partnership_kinds: partnershipsByKind[profile.kind],
        target_organisation_types: targetsByKind[profile.kind],
        geographic_scope: random.pick(['national', 'european', 'international'] as const),
        expires_on: romeDateIn(random.int(60, 360)),
        submitted_at: new Date(now.getTime() - (publishedDaysAgo + 3) * 86_400_000),
        reviewed_at: new Date(now.getTime() - publishedDaysAgo * 86_400_000),
        reviewed_by: manager?.user_id ?? null,
        published_at: new Date(now.getTime() - publishedDaysAgo * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('profile_taxonomy').values(profile.taxonomy.map((code) => ({ profile_id: row.id, taxonomy_code: code }))).execute()
    published.push({ id: row.id, organisationId })
  }

  const materials = clusters.get('tuscany-advanced-materials')
  if (demoOrganisation && materials) {
    const pending = await db
      .insertInto('profiles')
      .values({
        kind: 'technology_request',
        status: 'submitted',
        organisation_id: demoOrganisation.organisation_id,
        cluster_id: materials,
        title: 'Trattamento laser per superfici in acciaio inox',
        summary: 'Cerchiamo un laboratorio per testare la testurizzazione laser di componenti in acciaio inox.',
        description_it: 'Componenti per macchine alimentari: serve una superficie facile da pulire e resistente alla corrosione.',
        keywords: ['laser', 'acciaio'],
        trl: 4,
        partnership_kinds: ['technical_cooperation'],
        target_organisation_types: ['research_organisation', 'university'],
        expires_on: romeDateIn(180),
        submitted_at: new Date(now.getTime() - 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('profile_taxonomy').values([{ profile_id: pending.id, taxonomy_code: 'TR.SURF' }]).execute()
    await db
      .insertInto('profiles')
      .values({ kind: 'business_offer', organisation_id: demoOrganisation.organisation_id, cluster_id: materials, title: 'Bozza: servizi di prova su materiali', expires_on: romeDateIn(120) })
      .execute()
  }

  // A funnel to look at: interests on a third of the profiles, each stopping at a later stage with lower odds.
  for (const profile of published.filter((_, index) => index % 3 === 0)) {
    const interested = random.pick(everyone.filter((id) => id !== profile.organisationId))
    const createdDaysAgo = random.int(1, 40)
    const interest = await db
      .insertInto('profile_interests')
      .values({
        profile_id: profile.id,
        organisation_id: interested,
        message: random.pick([
          'Siamo interessati: abbiamo competenze e laboratori adatti. Possiamo sentirci?',
          'We are interested and have worked on similar topics. Could we arrange a call?',
          'La vostra richiesta corrisponde a un nostro progetto in corso. Vi proponiamo un incontro.',
        ]),
        created_at: new Date(now.getTime() - createdDaysAgo * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const steps: { step: 'interest' | 'accepted' | 'declined' | 'meeting' | 'agreement'; offset: number }[] = [{ step: 'interest', offset: createdDaysAgo }]
    const roll = random.next()
    if (roll < 0.2) steps.push({ step: 'declined', offset: createdDaysAgo - 1 })
    else if (roll < 0.85) {
      steps.push({ step: 'accepted', offset: createdDaysAgo - 1 })
      if (roll < 0.65) steps.push({ step: 'meeting', offset: Math.max(0, createdDaysAgo - 7) })
      if (roll < 0.4) steps.push({ step: 'agreement', offset: 0 })
    }
    const decided = steps.find((step) => step.step === 'accepted' || step.step === 'declined')
    if (decided) {
      await db
        .updateTable('profile_interests')
        .set({ status: decided.step === 'accepted' ? 'accepted' : 'declined', decided_at: new Date(now.getTime() - decided.offset * 86_400_000) })
        .where('id', '=', interest.id)
        .execute()
    }
    await db
      .insertInto('interest_steps')
      .values(
        steps.map((step) => ({
          interest_id: interest.id,
          step: step.step,
          occurred_on: romeDateIn(-step.offset),
          meeting_mode: step.step === 'meeting' ? random.pick(['physical', 'virtual'] as const) : null,
          agreement_type: step.step === 'agreement' ? random.pick(['technical_cooperation', 'licence', 'research_cooperation'] as const) : null,
          value_cents: step.step === 'agreement' ? random.int(10, 200) * 100_000 : null,
        })),
      )
      .execute()
    if (decided?.step === 'accepted') {
      await db
        .insertInto('interest_messages')
        .values([
          { interest_id: interest.id, organisation_id: interested, body: 'Grazie per aver accettato. Vi mandiamo la nostra presentazione.' },
          { interest_id: interest.id, organisation_id: profile.organisationId, body: 'Perfetto, fissiamo una call la prossima settimana.' },
        ])
        .execute()
    }
  }
}
