import type { clusterKinds } from './district-terms.js'

export type ClusterKind = (typeof clusterKinds)[number]

export type ClusterSeed = {
  slug: string
  kind: ClusterKind
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  regionNuts2: string | null
  managingEntity: string | null
  website: string | null
  descriptionIt: string
  descriptionEn: string
  fundedByRegion: boolean
  foundedYear: number | null
  priorityCodes: string[]
  parentSlugs: string[]
}

export const tuscanyDistrictCounts = {
  statedInSources: 11,
  namedInSources: 10,
  fundedByRegion: 8,
  selectedByMinistry: 12,
  noteIt:
    'Le fonti parlano di 11 distretti tecnologici regionali in Toscana nel 2014-2020, ma ne nominano dieci; 8 sono finanziati dalla Regione con il POR FESR e il MIUR ne ha selezionati 12 per la Toscana.',
  noteEn:
    'The sources speak of 11 regional technology districts in Tuscany in 2014-2020 but name only ten; 8 are funded by the Region under the POR FESR and the national ministry (MIUR) selected 12 for Tuscany.',
} as const

const TUSCANY = 'ITI1'
const PIEDMONT = 'ITC1'

const tuscanFundedIt =
  "Finanziato dalla Regione Toscana nell'ambito dell'Asse 1 del POR FESR 2014-2020; opera con un Piano strategico operativo triennale."
const tuscanFundedEn =
  'Funded by the Tuscany Region under Axis 1 of the POR FESR 2014-2020; works to a three-year strategic operational plan.'

type TuscanDistrict = {
  slug: string
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  managingEntity?: string
  funded: boolean
  priorityCodes: string[]
}

const tuscanDistrict = (d: TuscanDistrict): ClusterSeed => ({
  slug: d.slug,
  kind: 'regional_district',
  nameIt: d.nameIt,
  nameEn: d.nameEn,
  shortName: d.shortName,
  sectorIt: d.sectorIt,
  sectorEn: d.sectorEn,
  regionNuts2: TUSCANY,
  managingEntity: d.managingEntity ?? null,
  website: null,
  descriptionIt:
    `Distretto tecnologico regionale toscano del settore «${d.sectorIt}»: rete di imprese, PMI, start-up e organismi di ricerca per il trasferimento tecnologico, con servizi di matchmaking B2B, R2B e F2B. ` +
    (d.funded ? tuscanFundedIt : 'Nominato tra i distretti regionali del 2014-2020, non tra gli 8 finanziati dalla Regione con il POR FESR.'),
  descriptionEn:
    `Tuscan regional technology district for the “${d.sectorEn}” sector: a network of firms, SMEs, start-ups and research organisations for technology transfer, offering B2B, R2B and F2B matchmaking. ` +
    (d.funded ? tuscanFundedEn : 'Named among the 2014-2020 regional districts, not among the 8 funded by the Region under the POR FESR.'),
  fundedByRegion: d.funded,
  foundedYear: null,
  priorityCodes: d.priorityCodes,
  parentSlugs: ['clock'],
})

type PiedmontCluster = {
  slug: string
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  managingEntity?: string
  priorityCodes: string[]
}

const piedmontCluster = (c: PiedmontCluster): ClusterSeed => ({
  slug: c.slug,
  kind: 'regional_cluster',
  nameIt: c.nameIt,
  nameEn: c.nameEn,
  shortName: c.shortName,
  sectorIt: c.sectorIt,
  sectorEn: c.sectorEn,
  regionNuts2: PIEDMONT,
  managingEntity: c.managingEntity ?? null,
  website: null,
  descriptionIt: `Polo di innovazione piemontese 2014-2020 del settore «${c.sectorIt}»: aggregazione pubblico-privata con un'agenda strategica, i cui associati e nuovi aderenti accedono ai bandi regionali per progetti di ricerca industriale e sviluppo sperimentale (POR FESR 2014-2020).`,
  descriptionEn: `Piedmont innovation cluster 2014-2020 for the “${c.sectorEn}” sector: a public-private aggregation with a strategic agenda, whose members and new joiners apply to regional calls for industrial research and experimental development projects (ROP ERDF 2014-2020).`,
  fundedByRegion: false,
  foundedYear: null,
  priorityCodes: c.priorityCodes,
  parentSlugs: [],
})

type NationalCluster = {
  slug: string
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  founding: boolean
  priorityCodes: string[]
}

const nationalCluster = (c: NationalCluster): ClusterSeed => ({
  slug: c.slug,
  kind: 'national_cluster',
  nameIt: c.nameIt,
  nameEn: c.nameEn,
  shortName: c.shortName,
  sectorIt: c.sectorIt,
  sectorEn: c.sectorEn,
  regionNuts2: null,
  managingEntity: null,
  website: null,
  descriptionIt: c.founding
    ? `Cluster tecnologico nazionale dell'area «${c.sectorIt}», uno degli 8 promossi dal MIUR con il Decreto Direttoriale n. 257/Ric del 30 maggio 2012: aggregazione pubblico-privata di imprese, università, enti di ricerca e distretti tecnologici di diverse regioni, incaricata di definire una roadmap tecnologica nazionale condivisa.`
    : `Cluster tecnologico nazionale dell'area «${c.sectorIt}», una delle nuove aree di interesse strategico con cui il MIUR ha completato la politica dei cluster tecnologici nazionali dopo gli 8 cluster originari.`,
  descriptionEn: c.founding
    ? `National technology cluster for the “${c.sectorEn}” area, one of the 8 promoted by MIUR through Directorial Decree No. 257/Ric of 30 May 2012: a public-private aggregation of companies, universities, research institutions and technology districts from several regions, tasked with setting out a shared national technology roadmap.`
    : `National technology cluster for the “${c.sectorEn}” area, one of the additional areas of strategic interest with which MIUR completed the national technology cluster policy after the original 8 clusters.`,
  fundedByRegion: false,
  foundedYear: c.founding ? 2012 : null,
  priorityCodes: c.priorityCodes,
  parentSlugs: [],
})

const clock: ClusterSeed = {
  slug: 'clock',
  kind: 'cluster_of_clusters',
  nameIt: 'CLOCK - Cluster Of Clusters for Knowledge',
  nameEn: 'CLOCK - Cluster Of Clusters for Knowledge',
  shortName: 'CLOCK',
  sectorIt: 'Interdisciplinare',
  sectorEn: 'Cross-sector',
  regionNuts2: TUSCANY,
  managingEntity: null,
  website: null,
  descriptionIt:
    "Piattaforma interdisciplinare per l'innovation delivery in Toscana. Nasce dal Protocollo d'intesa firmato da 7 distretti tecnologici (tramite i loro soggetti gestori) e dalla Regione Toscana (Delibera di Giunta regionale n. 1256/2019); associazione dei soli soggetti gestori dei distretti costituita alla fine del 2020. Obiettivi: condivisione di conoscenze, competenze e attrezzature in ottica di intelligenza economica, integrazione ricerca-formazione-innovazione-impresa, disseminazione tecnologica e matchmaking B2B/R2B, soluzioni interdisciplinari a problemi di filiera o di settore, coordinamento regionale del trasferimento tecnologico.",
  descriptionEn:
    'Interdisciplinary platform for innovation delivery in Tuscany. It stems from the Memorandum of Understanding signed by 7 technology districts (through their managing entities) and the Tuscany Region (regional government resolution no. 1256/2019); a legal association of the districts’ managing entities only was constituted in late 2020. Objectives: sharing knowledge, skills and equipment with a view to economic intelligence, integrating research, training, innovation and business, technology dissemination and B2B/R2B matchmaking, interdisciplinary solutions to supply-chain or sector problems, regional coordination of technology transfer.',
  fundedByRegion: false,
  foundedYear: 2020,
  priorityCodes: ['ICT', 'SF', 'CN', 'TR'],
  parentSlugs: [],
}

const tuscanDistricts: readonly ClusterSeed[] = [
  tuscanDistrict({
    slug: 'tuscany-fashion',
    nameIt: 'Distretto tecnologico regionale Moda',
    nameEn: 'Regional Technology District for Fashion',
    shortName: 'Moda',
    sectorIt: 'Moda',
    sectorEn: 'Fashion',
    funded: true,
    priorityCodes: ['CN.03', 'SF.04', 'SF.06', 'TR.CIRC', 'TR.SURF'],
  }),
  tuscanDistrict({
    slug: 'tuscany-interiors-design',
    nameIt: 'Distretto tecnologico Interni e Design',
    nameEn: 'Technology District for Interiors and Design',
    shortName: 'Interni e Design',
    sectorIt: 'Interni e design',
    sectorEn: 'Interiors and design',
    funded: true,
    priorityCodes: ['ICT.05', 'SF.01', 'SF.06', 'TR.CIRC'],
  }),
  tuscanDistrict({
    slug: 'tuscany-marble-stone',
    nameIt: 'Distretto tecnologico Marmo e pietre ornamentali',
    nameEn: 'Technology District for Marble and Ornamental Stone',
    shortName: 'Marmo',
    sectorIt: 'Marmo e pietre ornamentali',
    sectorEn: 'Marble and ornamental stone',
    funded: true,
    priorityCodes: ['SF.01', 'SF.05', 'TR.CIRC'],
  }),
  tuscanDistrict({
    slug: 'tuscany-life-sciences',
    nameIt: 'Distretto tecnologico regionale Scienze della vita',
    nameEn: 'Regional Technology District for Life Sciences',
    shortName: 'Scienze della vita',
    sectorIt: 'Scienze della vita',
    sectorEn: 'Life sciences',
    managingEntity: 'Fondazione Toscana Life Sciences',
    funded: true,
    priorityCodes: ['CN.04', 'CN.06', 'TR.SURF'],
  }),
  tuscanDistrict({
    slug: 'tuscany-advanced-materials',
    nameIt: 'Distretto tecnologico regionale Nuovi materiali',
    nameEn: 'Regional Technology District for Advanced Materials (NMP)',
    shortName: 'Nuovi materiali',
    sectorIt: 'Nuovi materiali',
    sectorEn: 'Advanced materials',
    funded: true,
    priorityCodes: ['CN', 'TR.SURF', 'TR.MODEL', 'TR.CIRC'],
  }),
  tuscanDistrict({
    slug: 'tuscany-nautical-ports',
    nameIt: 'Distretto tecnologico per la Nautica e la portualità',
    nameEn: 'Technology District for Nautical and Ports',
    shortName: 'Nautica e portualità',
    sectorIt: 'Nautica e portualità',
    sectorEn: 'Nautical and ports',
    funded: true,
    priorityCodes: ['SF.03', 'CN.03', 'ICT.01'],
  }),
  tuscanDistrict({
    slug: 'tuscany-railway',
    nameIt: 'Distretto tecnologico Ferroviario',
    nameEn: 'Railway Technology District',
    shortName: 'Ferroviario',
    sectorIt: 'Ferroviario',
    sectorEn: 'Railway',
    funded: true,
    priorityCodes: ['SF.03', 'ICT.01', 'ICT.03'],
  }),
  tuscanDistrict({
    slug: 'tuscany-energy-green-economy',
    nameIt: 'Distretto tecnologico regionale Energia-Economia verde',
    nameEn: 'Regional Technology District for Energy and Green Economy',
    shortName: 'Energia-Economia verde',
    sectorIt: 'Energia ed economia verde',
    sectorEn: 'Energy and green economy',
    funded: true,
    priorityCodes: ['SF.04', 'SF.05', 'TR.H2', 'TR.CIRC'],
  }),
  tuscanDistrict({
    slug: 'tuscany-ict',
    nameIt: 'Distretto tecnologico ICT',
    nameEn: 'ICT Technology District',
    shortName: 'ICT',
    sectorIt: 'ICT',
    sectorEn: 'ICT',
    funded: false,
    priorityCodes: ['ICT', 'SF.01', 'SF.02'],
  }),
  tuscanDistrict({
    slug: 'tuscany-smart-city',
    nameIt: 'Distretto tecnologico Smart City',
    nameEn: 'Smart City Technology District',
    shortName: 'Smart City',
    sectorIt: 'Smart city',
    sectorEn: 'Smart city',
    funded: false,
    priorityCodes: ['ICT.02', 'ICT.03', 'ICT.04'],
  }),
]

const piedmontClusters: readonly ClusterSeed[] = [
  piedmontCluster({
    slug: 'piedmont-agrifood',
    nameIt: 'Polo di innovazione Agrifood',
    nameEn: 'Agrifood Innovation Cluster',
    shortName: 'Agrifood',
    sectorIt: 'Agroalimentare',
    sectorEn: 'Agrifood',
    priorityCodes: ['CN.04', 'TR.PKG'],
  }),
  piedmontCluster({
    slug: 'piedmont-green-chemistry',
    nameIt: 'Polo di innovazione Chimica verde - CGreen',
    nameEn: 'Green Chemistry Innovation Cluster - CGreen',
    shortName: 'CGreen',
    sectorIt: 'Chimica verde',
    sectorEn: 'Green chemistry',
    priorityCodes: ['CN.01', 'CN.03', 'TR.CIRC'],
  }),
  piedmontCluster({
    slug: 'piedmont-clever',
    nameIt: 'Polo di innovazione Energy and Clean Technologies - Clever',
    nameEn: 'Clever Energy and Clean Technologies Innovation Cluster',
    shortName: 'Clever',
    sectorIt: 'Energia e tecnologie pulite',
    sectorEn: 'Energy and clean technologies',
    managingEntity: 'Environment Park S.p.A.',
    priorityCodes: ['SF.04', 'SF.05', 'TR.H2'],
  }),
  piedmontCluster({
    slug: 'piedmont-ict',
    nameIt: 'Polo di innovazione ICT',
    nameEn: 'ICT Innovation Cluster',
    shortName: 'Polo ICT',
    sectorIt: 'ICT',
    sectorEn: 'ICT',
    managingEntity: 'Fondazione Torino Wireless',
    priorityCodes: ['ICT'],
  }),
  piedmontCluster({
    slug: 'piedmont-life-sciences',
    nameIt: 'Polo di innovazione Scienze della vita - bioPmed',
    nameEn: 'Life Sciences Innovation Cluster - bioPmed',
    shortName: 'bioPmed',
    sectorIt: 'Scienze della vita',
    sectorEn: 'Life sciences',
    managingEntity: 'Bioindustry Park Silvano Fumero S.p.A.',
    priorityCodes: ['CN.04', 'CN.06'],
  }),
  piedmontCluster({
    slug: 'piedmont-mesap',
    nameIt: 'Polo di innovazione Smart Products and Manufacturing - MESAP',
    nameEn: 'Smart Products and Manufacturing Innovation Cluster - MESAP',
    shortName: 'MESAP',
    sectorIt: 'Prodotti e manifattura intelligenti',
    sectorEn: 'Smart products and manufacturing',
    priorityCodes: ['SF', 'ICT.01'],
  }),
  piedmontCluster({
    slug: 'piedmont-textile',
    nameIt: 'Polo di innovazione Tessile - Pointex',
    nameEn: 'Textile Innovation Cluster - Pointex',
    shortName: 'Pointex',
    sectorIt: 'Tessile',
    sectorEn: 'Textiles',
    managingEntity: 'Città Studi S.p.A. Biella',
    priorityCodes: ['CN.03', 'TR.SURF', 'TR.CIRC'],
  }),
]

const nationalClusters: readonly ClusterSeed[] = [
  nationalCluster({
    slug: 'national-intelligent-factory',
    nameIt: 'Cluster Tecnologico Nazionale Fabbrica Intelligente',
    nameEn: 'Intelligent Factory National Technology Cluster',
    shortName: 'CFI',
    sectorIt: 'Fabbrica intelligente',
    sectorEn: 'Intelligent factory',
    founding: true,
    priorityCodes: ['SF'],
  }),
  nationalCluster({
    slug: 'national-green-chemistry',
    nameIt: 'Cluster Tecnologico Nazionale della Chimica Verde',
    nameEn: 'Green Chemistry National Technology Cluster',
    shortName: 'SPRING',
    sectorIt: 'Chimica verde',
    sectorEn: 'Green chemistry',
    founding: true,
    priorityCodes: ['CN', 'TR.CIRC'],
  }),
  nationalCluster({
    slug: 'national-life-sciences',
    nameIt: 'Cluster Tecnologico Nazionale Scienze della Vita',
    nameEn: 'Life Sciences National Technology Cluster',
    shortName: 'ALISEI',
    sectorIt: 'Scienze della vita',
    sectorEn: 'Life sciences',
    founding: true,
    priorityCodes: ['CN.04', 'CN.06'],
  }),
  nationalCluster({
    slug: 'national-transport',
    nameIt: 'Cluster Tecnologico Nazionale Trasporti - Mezzi e sistemi per la mobilità di superficie terrestre e marina',
    nameEn: 'Transport and Systems for Shipping by Land and Sea National Technology Cluster',
    shortName: 'Trasporti Italia 2020',
    sectorIt: 'Trasporti terrestri e marittimi',
    sectorEn: 'Land and sea transport',
    founding: true,
    priorityCodes: ['SF.03', 'ICT.01'],
  }),
  nationalCluster({
    slug: 'national-agrifood',
    nameIt: 'Cluster Tecnologico Nazionale Agrifood',
    nameEn: 'Agrifood National Technology Cluster',
    shortName: 'CL.A.N.',
    sectorIt: 'Agroalimentare',
    sectorEn: 'Agrifood',
    founding: true,
    priorityCodes: ['CN.04', 'TR.PKG'],
  }),
  nationalCluster({
    slug: 'national-aerospace',
    nameIt: 'Cluster Tecnologico Nazionale Aerospazio',
    nameEn: 'Aerospace National Technology Cluster',
    shortName: 'CTNA',
    sectorIt: 'Aerospazio',
    sectorEn: 'Aerospace',
    founding: true,
    priorityCodes: ['SF.03', 'CN.03', 'ICT.07'],
  }),
  nationalCluster({
    slug: 'national-smart-communities',
    nameIt: 'Cluster Tecnologico Nazionale Tecnologie per le Smart Communities',
    nameEn: 'Technologies for Smart Communities National Technology Cluster',
    shortName: 'Smart Communities Tech',
    sectorIt: 'Tecnologie per le smart communities',
    sectorEn: 'Technologies for smart communities',
    founding: true,
    priorityCodes: ['ICT.02', 'ICT.03', 'ICT.04'],
  }),
  nationalCluster({
    slug: 'national-smart-living',
    nameIt: 'Cluster Tecnologico Nazionale Tecnologie per gli Ambienti di Vita',
    nameEn: 'Smart Living Technologies National Technology Cluster',
    shortName: 'TAV',
    sectorIt: 'Tecnologie per gli ambienti di vita',
    sectorEn: 'Smart living technologies',
    founding: true,
    priorityCodes: ['SF.02', 'ICT.03'],
  }),
  nationalCluster({
    slug: 'national-energy',
    nameIt: 'Cluster Tecnologico Nazionale Energia',
    nameEn: 'Energy National Technology Cluster',
    shortName: 'Energia',
    sectorIt: 'Energia',
    sectorEn: 'Energy',
    founding: false,
    priorityCodes: ['SF.04', 'SF.05', 'TR.H2'],
  }),
  nationalCluster({
    slug: 'national-made-in-italy',
    nameIt: 'Cluster Tecnologico Nazionale Design, Creatività e Made in Italy',
    nameEn: 'Design, Creativity and Made in Italy National Technology Cluster',
    shortName: 'Made in Italy',
    sectorIt: 'Design, creatività e Made in Italy',
    sectorEn: 'Design, creativity and Made in Italy',
    founding: false,
    priorityCodes: ['ICT.05', 'SF.06'],
  }),
  nationalCluster({
    slug: 'national-blue-growth',
    nameIt: 'Cluster Tecnologico Nazionale Blue Italian Growth',
    nameEn: 'Blue Growth National Technology Cluster',
    shortName: 'BIG',
    sectorIt: 'Economia del mare (blue growth)',
    sectorEn: 'Blue growth',
    founding: false,
    priorityCodes: ['SF.03', 'TR.CIRC'],
  }),
  nationalCluster({
    slug: 'national-cultural-heritage',
    nameIt: 'Cluster Tecnologico Nazionale Patrimonio Culturale',
    nameEn: 'Cultural Heritage National Technology Cluster',
    shortName: 'TICHE',
    sectorIt: 'Patrimonio culturale',
    sectorEn: 'Cultural heritage',
    founding: false,
    priorityCodes: ['ICT.05', 'CN.05', 'TR.SURF'],
  }),
]

export const clusters: readonly ClusterSeed[] = [clock, ...tuscanDistricts, ...piedmontClusters, ...nationalClusters]
