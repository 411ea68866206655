import type { OrganisationType } from '../platform/database.js'
import { provinces } from '../organisations/geo-data.js'
import { sizeClassOf } from '../organisations/size-class.js'
import { vatCheckDigit } from '../organisations/vat.js'
import { createRandom, type Random } from './random.js'

export type DemoOrganisation = {
  legalName: string
  shortName: string | null
  type: OrganisationType
  headcount: number | null
  turnoverCents: number | null
  balanceSheetCents: number | null
  sizeClass: 'micro' | 'small' | 'medium' | 'large' | null
  vatNumber: string | null
  country: string
  street: string
  postcode: string
  city: string
  provinceCode: string
  nuts2: string
  nuts3: string
  website: string
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  competences: string[]
  foundedYear: number
  contacts: { fullName: string; roleTitle: string; email: string; phone: string }[]
  memberships: { clusterSlug: string; associated: boolean; since: string; until: string | null }[]
}

type Sector = {
  district: string
  stems: readonly string[]
  activityIt: readonly string[]
  activityEn: readonly string[]
  keywords: readonly string[]
  competences: readonly string[]
}

// One profile per Tuscan district: the words its members use, and the S3 areas they work on.
const sectors: readonly Sector[] = [
  {
    district: 'tuscany-fashion',
    stems: ['Tessile', 'Moda', 'Filati', 'Pelletteria', 'Conceria', 'Tessuti'],
    activityIt: ['tessuti tecnici e sostenibili', 'lavorazione della pelle a basso impatto', 'finissaggio tessile innovativo', 'filati riciclati'],
    activityEn: ['technical and sustainable fabrics', 'low-impact leather processing', 'innovative textile finishing', 'recycled yarns'],
    keywords: ['tessuti', 'pelle', 'filati', 'riciclo', 'tintura', 'textile', 'leather'],
    competences: ['CN.03', 'SF.04', 'SF.06', 'TR.CIRC', 'TR.SURF'],
  },
  {
    district: 'tuscany-interiors-design',
    stems: ['Arredo', 'Design', 'Mobili', 'Interni', 'Legno'],
    activityIt: ['arredi su misura', 'design di interni e prototipazione', 'lavorazione del legno a controllo numerico', 'illuminazione intelligente'],
    activityEn: ['custom furniture', 'interior design and prototyping', 'CNC woodworking', 'smart lighting'],
    keywords: ['arredo', 'legno', 'design', 'prototipazione', 'furniture', 'lighting'],
    competences: ['ICT.05', 'SF.01', 'SF.06', 'TR.CIRC'],
  },
  {
    district: 'tuscany-marble-stone',
    stems: ['Marmi', 'Pietre', 'Graniti', 'Lapidei', 'Cave'],
    activityIt: ['escavazione e lavorazione del marmo', 'taglio a filo diamantato', 'recupero della marmettola', 'finitura robotizzata della pietra'],
    activityEn: ['marble quarrying and processing', 'diamond wire cutting', 'recovery of marble sludge', 'robotic stone finishing'],
    keywords: ['marmo', 'pietra', 'cava', 'taglio', 'marble', 'stone', 'robotica'],
    competences: ['SF.01', 'SF.02', 'SF.05', 'TR.CIRC'],
  },
  {
    district: 'tuscany-life-sciences',
    stems: ['Bio', 'Pharma', 'Diagnostica', 'Medical', 'Genomica'],
    activityIt: ['diagnostica rapida', 'dispositivi medici', 'farmaci biologici', 'nanomedicina e rilascio controllato'],
    activityEn: ['rapid diagnostics', 'medical devices', 'biological drugs', 'nanomedicine and controlled release'],
    keywords: ['diagnostica', 'farmaco', 'biotecnologie', 'vaccini', 'diagnostics', 'biotech'],
    competences: ['CN.04', 'CN.06', 'TR.SURF', 'ICT.04'],
  },
  {
    district: 'tuscany-advanced-materials',
    stems: ['Materiali', 'Nano', 'Compositi', 'Polimeri', 'Superfici', 'Laser'],
    activityIt: ['materiali compositi avanzati', 'trattamenti laser delle superfici', 'nanomateriali funzionali', 'rivestimenti antivirali', 'modellazione dei materiali'],
    activityEn: ['advanced composite materials', 'laser surface treatment', 'functional nanomaterials', 'antiviral coatings', 'materials modelling'],
    keywords: ['compositi', 'laser', 'nanomateriali', 'rivestimenti', 'polimeri', 'coatings', 'composites'],
    competences: ['CN.02', 'CN.03', 'CN.05', 'TR.SURF', 'TR.MODEL', 'ICT.07'],
  },
  {
    district: 'tuscany-nautical-ports',
    stems: ['Nautica', 'Cantieri', 'Navale', 'Yacht', 'Porto'],
    activityIt: ['costruzione di imbarcazioni da diporto', 'scafi in composito', 'logistica portuale digitale', 'propulsione ibrida navale'],
    activityEn: ['pleasure boat building', 'composite hulls', 'digital port logistics', 'hybrid marine propulsion'],
    keywords: ['nautica', 'yacht', 'porto', 'scafi', 'propulsione', 'shipbuilding'],
    competences: ['SF.03', 'CN.03', 'ICT.01', 'TR.H2'],
  },
  {
    district: 'tuscany-railway',
    stems: ['Ferroviaria', 'Rail', 'Segnalamento', 'Rotabili', 'Binari'],
    activityIt: ['sistemi di segnalamento ferroviario', 'manutenzione predittiva dei rotabili', 'diagnostica dell’infrastruttura', 'componenti per carrozze'],
    activityEn: ['railway signalling systems', 'predictive maintenance of rolling stock', 'infrastructure diagnostics', 'coach components'],
    keywords: ['ferrovia', 'segnalamento', 'manutenzione', 'sensori', 'railway', 'signalling'],
    competences: ['SF.03', 'ICT.01', 'ICT.03', 'ICT.04'],
  },
  {
    district: 'tuscany-energy-green-economy',
    stems: ['Energia', 'Green', 'Geotermia', 'Solare', 'Idrogeno', 'Eco'],
    activityIt: ['impianti geotermici', 'elettrolizzatori per idrogeno verde', 'efficienza energetica industriale', 'simbiosi industriale e recupero degli scarti'],
    activityEn: ['geothermal plants', 'green hydrogen electrolysers', 'industrial energy efficiency', 'industrial symbiosis and waste recovery'],
    keywords: ['energia', 'idrogeno', 'geotermia', 'efficienza', 'hydrogen', 'energy', 'circolare'],
    competences: ['SF.04', 'SF.05', 'TR.H2', 'TR.CIRC'],
  },
  {
    district: 'tuscany-ict',
    stems: ['Software', 'Digital', 'Data', 'Cloud', 'Robotica', 'Fotonica'],
    activityIt: ['piattaforme software e cloud', 'intelligenza artificiale per l’industria', 'fotonica e sensori ottici', 'robotica collaborativa'],
    activityEn: ['software and cloud platforms', 'artificial intelligence for industry', 'photonics and optical sensors', 'collaborative robotics'],
    keywords: ['software', 'cloud', 'intelligenza artificiale', 'fotonica', 'robotica', 'AI', 'photonics'],
    competences: ['ICT.01', 'ICT.02', 'ICT.03', 'ICT.04', 'ICT.06', 'ICT.07', 'SF.02'],
  },
  {
    district: 'tuscany-smart-city',
    stems: ['Smart', 'Urban', 'Mobilità', 'Città', 'Reti'],
    activityIt: ['mobilità urbana sostenibile', 'reti di sensori per la città', 'gestione intelligente dell’illuminazione pubblica', 'servizi digitali ai cittadini'],
    activityEn: ['sustainable urban mobility', 'city sensor networks', 'smart street lighting management', 'digital services for citizens'],
    keywords: ['smart city', 'mobilità', 'sensori', 'IoT', 'mobility', 'open data'],
    competences: ['ICT.02', 'ICT.03', 'ICT.04', 'SF.04'],
  },
]

const surnames = ['Rossi', 'Bianchi', 'Bartolini', 'Lombardi', 'Ricci', 'Marchetti', 'Giannini', 'Del Bianco', 'Innocenti', 'Fabbri', 'Mancini', 'Pucci', 'Bandini', 'Cecchi', 'Guidi', 'Niccolai', 'Santini', 'Vannucci', 'Baldi', 'Morelli', 'Parenti', 'Lenzi', 'Tognetti', 'Benvenuti']
const givenNames = ['Giulia', 'Marco', 'Francesca', 'Lorenzo', 'Chiara', 'Alessandro', 'Sara', 'Matteo', 'Elena', 'Andrea', 'Martina', 'Niccolò', 'Valentina', 'Tommaso', 'Irene', 'Filippo']
const placeAdjectives: Record<string, string> = {
  FI: 'Fiorentina', PI: 'Pisana', LU: 'Lucchese', LI: 'Livornese', SI: 'Senese', AR: 'Aretina', PO: 'Pratese', PT: 'Pistoiese', MS: 'Apuana', GR: 'Maremmana',
  TO: 'Torinese', NO: 'Novarese', CN: 'Cuneese', AL: 'Alessandrina', BI: 'Biellese', MI: 'Milanese', BO: 'Bolognese', RM: 'Romana', GE: 'Genovese', NA: 'Napoletana',
}
const companySuffixes = ['Sistemi', 'Lab', 'Tech', 'Engineering', 'Innovazione', 'Solutions', 'Group', 'Industrie']
const streets = ['Via Roma', 'Via Garibaldi', 'Via dell’Industria', 'Viale Europa', 'Via del Lavoro', 'Via Galileo Galilei', 'Via dei Mille', 'Via Aurelia', 'Via Pisana', 'Via Fiorentina']
const roles = [
  ['Amministratore delegato', 'CEO'],
  ['Responsabile R&S', 'R&D manager'],
  ['Responsabile innovazione', 'Innovation manager'],
  ['Direttore tecnico', 'Technical director'],
  ['Trasferimento tecnologico', 'Technology transfer officer'],
] as const
const capitals: Record<string, string> = {
  FI: 'Firenze', PI: 'Pisa', LU: 'Lucca', LI: 'Livorno', SI: 'Siena', AR: 'Arezzo', PO: 'Prato', PT: 'Pistoia', MS: 'Carrara', GR: 'Grosseto',
  TO: 'Torino', NO: 'Novara', CN: 'Cuneo', AL: 'Alessandria', BI: 'Biella', MI: 'Milano', BO: 'Bologna', RM: 'Roma', GE: 'Genova', NA: 'Napoli',
}
const tuscanProvinces = ['FI', 'FI', 'FI', 'PI', 'PI', 'LU', 'LI', 'SI', 'AR', 'PO', 'PT', 'MS', 'GR']
const piedmontProvinces = ['TO', 'TO', 'NO', 'CN', 'AL', 'BI']
const otherProvinces = ['MI', 'BO', 'RM', 'GE', 'NA']

const typeWeights: readonly (readonly [OrganisationType, number])[] = [
  ['sme', 52],
  ['startup', 13],
  ['large_company', 8],
  ['company', 3],
  ['research_organisation', 10],
  ['university', 4],
  ['financial_operator', 4],
  ['public_body', 4],
  ['other', 2],
]

const million = 100_000_000

function figuresFor(random: Random, type: OrganisationType): { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null } {
  switch (type) {
    case 'startup':
      return { headcount: random.int(2, 15), turnoverCents: random.int(0, 150) * million / 100, balanceSheetCents: random.int(10, 200) * million / 100 }
    case 'sme': {
      const headcount = random.weighted([[random.int(3, 9), 40], [random.int(10, 49), 40], [random.int(50, 249), 20]] as const)
      const perHead = random.int(8, 25) * 1_000_000
      return { headcount, turnoverCents: headcount * perHead, balanceSheetCents: Math.round(headcount * perHead * 0.7) }
    }
    case 'large_company': {
      const headcount = random.int(260, 4000)
      return { headcount, turnoverCents: headcount * random.int(15, 40) * 1_000_000, balanceSheetCents: headcount * random.int(10, 30) * 1_000_000 }
    }
    case 'research_organisation':
    case 'university':
      return { headcount: random.int(20, 2500), turnoverCents: null, balanceSheetCents: null }
    default:
      return { headcount: null, turnoverCents: null, balanceSheetCents: null }
  }
}

function nameFor(random: Random, type: OrganisationType, sector: Sector, index: number, provinceCode: string): { legalName: string; shortName: string | null } {
  const stem = random.pick(sector.stems)
  const place = random.chance(0.8) ? (placeAdjectives[provinceCode] ?? 'Italia') : random.pick(['Italia', 'Toscana', 'Tirrenica', 'Appenninica'])
  switch (type) {
    case 'research_organisation':
      return { legalName: `Centro Ricerche ${stem} ${place}`, shortName: `CR${stem.slice(0, 3).toUpperCase()}${index % 100}` }
    case 'university':
      return { legalName: `Dipartimento di ${random.pick(['Ingegneria', 'Scienze', 'Chimica', 'Fisica'])} ${stem} – Ateneo ${place}`, shortName: null }
    case 'financial_operator':
      return { legalName: `${random.pick(['Fondo', 'Banca', 'Capitale'])} ${place} ${random.pick(['Innovazione', 'Venture', 'Crescita'])} S.p.A.`, shortName: null }
    case 'public_body':
      return { legalName: `Agenzia ${random.pick(['per lo Sviluppo', 'per l’Innovazione', 'Servizi'])} ${place}`, shortName: null }
    case 'other':
      return { legalName: `Consorzio ${stem} ${place}`, shortName: null }
    case 'startup':
      return { legalName: `${stem}${random.pick(['Lab', 'Tech', 'Hub', 'Wave', 'Next'])} S.r.l.`, shortName: null }
    default: {
      const form = type === 'large_company' ? 'S.p.A.' : random.pick(['S.r.l.', 'S.r.l.', 'S.p.A.', 'S.n.c.', 'Soc. Coop.'])
      const base = random.chance(0.45) ? `${random.pick(surnames)} ${stem}` : `${stem} ${random.pick([place, random.pick(companySuffixes)])}`
      return { legalName: `${base} ${form}`, shortName: null }
    }
  }
}

/** A valid Italian VAT number, unique per index: the first seven digits are the index itself. */
function vatNumber(random: Random, index: number): string {
  const firstSeven = String(1_000_000 + index).padStart(7, '0')
  const office = String(random.int(1, 100)).padStart(3, '0')
  const firstTen = `${firstSeven}${office}`
  return `${firstTen}${vatCheckDigit(firstTen)}`
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Generates `count` organisations spread over the Tuscan districts, deterministically from `seed`. */
export function generateOrganisations(count: number, seed = 2026): DemoOrganisation[] {
  const random = createRandom(seed)
  const provinceByCode = new Map(provinces.map((province) => [province.code, province]))
  const organisations: DemoOrganisation[] = []
  const usedNames = new Set<string>()
  for (let index = 0; index < count; index++) {
    const sector = sectors[index % sectors.length] as Sector
    const type = random.weighted(typeWeights)
    const provinceCode = random.weighted([[random.pick(tuscanProvinces), 80], [random.pick(piedmontProvinces), 12], [random.pick(otherProvinces), 8]] as const)
    const province = provinceByCode.get(provinceCode)
    if (!province) throw new Error(`demo data names an unknown province ${provinceCode}`)
    let { legalName, shortName } = nameFor(random, type, sector, index, provinceCode)
    if (usedNames.has(legalName)) legalName = legalName.replace(/( S\.r\.l\.| S\.p\.A\.| S\.n\.c\.| Soc\. Coop\.)?$/, ` ${index}$1`)
    usedNames.add(legalName)
    const figures = figuresFor(random, type)
    const activity = random.int(0, sector.activityIt.length - 1)
    const second = (activity + 1 + random.int(0, sector.activityIt.length - 2)) % sector.activityIt.length
    const competences = random.sample(sector.competences, random.int(1, 3))
    if (random.chance(0.25)) competences.push(random.pick((random.pick(sectors) as Sector).competences))
    const foundedYear = type === 'startup' ? random.int(2015, 2025) : random.int(1950, 2018)
    const slug = legalName.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)
    const contacts = Array.from({ length: random.int(1, 2) }, () => {
      const given = random.pick(givenNames)
      const surname = random.pick(surnames)
      const [roleIt] = random.pick(roles)
      return {
        fullName: `${given} ${surname}`,
        roleTitle: roleIt,
        email: `${given}.${surname.replace(/\s+/g, '')}@${slug}.example.it`.toLowerCase(),
        phone: `+39 0${random.int(10, 99)} ${random.int(100000, 999999)}`,
      }
    })
    const memberships: DemoOrganisation['memberships'] = []
    if (province.regionNuts2 === 'ITI1' || random.chance(0.3)) {
      const sinceYear = random.int(2015, 2024)
      const ended = random.chance(0.12)
      memberships.push({
        clusterSlug: sector.district,
        associated: random.chance(0.8),
        since: isoDay(sinceYear, random.int(1, 12), 1),
        until: ended ? isoDay(Math.min(sinceYear + random.int(1, 4), 2025), 12, 31) : null,
      })
      if (random.chance(0.2)) {
        const other = random.pick(sectors) as Sector
        if (other.district !== sector.district) {
          memberships.push({ clusterSlug: other.district, associated: random.chance(0.5), since: isoDay(random.int(2018, 2025), random.int(1, 12), 1), until: null })
        }
      }
    }
    organisations.push({
      legalName,
      shortName,
      type,
      ...figures,
      sizeClass: sizeClassOf(type, figures),
      vatNumber: ['university', 'public_body', 'research_organisation'].includes(type) && random.chance(0.5) ? null : vatNumber(random, index),
      country: 'IT',
      street: `${random.pick(streets)}, ${random.int(1, 180)}`,
      postcode: `${random.int(10, 59)}${String(random.int(0, 999)).padStart(3, '0')}`,
      city: capitals[provinceCode] ?? province.name,
      provinceCode,
      nuts2: province.regionNuts2,
      nuts3: province.nuts3,
      website: `https://www.${slug}.example.it`,
      descriptionIt: `${legalName} si occupa di ${sector.activityIt[activity]} e di ${sector.activityIt[second]}. Organizzazione di esempio generata per la demo di CLOCK.`,
      descriptionEn: `${legalName} works on ${sector.activityEn[activity]} and ${sector.activityEn[second]}. Example organisation generated for the CLOCK demo.`,
      keywords: random.sample(sector.keywords, random.int(2, 4)),
      competences: [...new Set(competences)],
      foundedYear,
      contacts,
      memberships,
    })
  }
  return organisations
}
