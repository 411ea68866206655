export type TaxonomyNodeSeed = { code: string; parentCode: string | null; labelIt: string; labelEn: string }

// Tuscany S3 technology priorities 2014-2020 (seed 001, "Priorità Tecnologiche") and the later
// technology trends named by the districts (seed 002, "New technology trends").
export const taxonomyNodes: readonly TaxonomyNodeSeed[] = [
  { code: 'ICT', parentCode: null, labelIt: 'ICT e fotonica', labelEn: 'ICT & Photonics' },
  {
    code: 'ICT.01',
    parentCode: 'ICT',
    labelIt: 'Ingegneria dei componenti e sistemi (dispositivi/manufatti/processi) integrati avanzati e intelligenti',
    labelEn: 'Advanced integrated components and systems',
  },
  {
    code: 'ICT.02',
    parentCode: 'ICT',
    labelIt: 'Internet del futuro, infrastrutture tecnologie, reti piattaforme, hardware',
    labelEn: 'Future internet, infrastructure, platforms, hardware',
  },
  {
    code: 'ICT.03',
    parentCode: 'ICT',
    labelIt: 'Servizi applicativi e soluzioni web based, internet delle cose e dei servizi',
    labelEn: 'Web-based applications, internet of things and services',
  },
  {
    code: 'ICT.04',
    parentCode: 'ICT',
    labelIt: "Tecnologie e gestione dell'informazione",
    labelEn: 'Information technologies and management',
  },
  { code: 'ICT.05', parentCode: 'ICT', labelIt: 'Creatività digitale', labelEn: 'Digital creativity' },
  { code: 'ICT.06', parentCode: 'ICT', labelIt: 'Microelettronica e fotonica', labelEn: 'Microelectronics and photonics' },
  { code: 'ICT.07', parentCode: 'ICT', labelIt: 'Ottica, elettro-ottica', labelEn: 'Optics and electro-optics' },

  { code: 'SF', parentCode: null, labelIt: 'Fabbrica intelligente', labelEn: 'Smart Factory' },
  { code: 'SF.01', parentCode: 'SF', labelIt: 'Automazione industriale', labelEn: 'Industrial automation' },
  { code: 'SF.02', parentCode: 'SF', labelIt: 'Robotica e ambienti di vita assistiti', labelEn: 'Robotics and assisted living' },
  { code: 'SF.03', parentCode: 'SF', labelIt: 'Meccatronica', labelEn: 'Mechatronics' },
  {
    code: 'SF.04',
    parentCode: 'SF',
    labelIt: "Tecnologie per un uso efficiente dell'energia nei processi produttivi",
    labelEn: 'Energy-efficient production',
  },
  {
    code: 'SF.05',
    parentCode: 'SF',
    labelIt: 'Tecnologie sostenibili in industrie ad alta intensità energetica',
    labelEn: 'Sustainable energy-intensive industries',
  },
  {
    code: 'SF.06',
    parentCode: 'SF',
    labelIt: 'Creazione di nuovi modelli ed organizzazioni di impresa sostenibili',
    labelEn: 'New sustainable business models',
  },
  { code: 'SF.07', parentCode: 'SF', labelIt: 'Altri ambiti fabbrica intelligente', labelEn: 'Other smart-factory topics' },

  { code: 'CN', parentCode: null, labelIt: 'Chimica e nanotecnologia', labelEn: 'Chemistry & Nanotechnology' },
  { code: 'CN.01', parentCode: 'CN', labelIt: 'Chimica organica', labelEn: 'Organic chemistry' },
  { code: 'CN.02', parentCode: 'CN', labelIt: 'Chimica inorganica', labelEn: 'Inorganic chemistry' },
  {
    code: 'CN.03',
    parentCode: 'CN',
    labelIt: 'Tecnologia dei materiali polimerici e compositi',
    labelEn: 'Polymer and composite materials',
  },
  { code: 'CN.04', parentCode: 'CN', labelIt: 'Biochimica', labelEn: 'Biochemistry' },
  {
    code: 'CN.05',
    parentCode: 'CN',
    labelIt: 'Nanostrutture, nanomateriali, nanoparticelle, nanotubi',
    labelEn: 'Nanostructures, nanomaterials, nanoparticles, nanotubes',
  },
  { code: 'CN.06', parentCode: 'CN', labelIt: 'Nanomedicina', labelEn: 'Nanomedicine' },
  { code: 'CN.07', parentCode: 'CN', labelIt: 'Nanoelettronica', labelEn: 'Nanoelectronics' },

  { code: 'TR', parentCode: null, labelIt: 'Nuovi trend tecnologici', labelEn: 'New technology trends' },
  {
    code: 'TR.H2',
    parentCode: 'TR',
    labelIt: "Filiera dell'idrogeno: produzione, stoccaggio e uso per la decarbonizzazione dei sistemi industriali",
    labelEn: 'Hydrogen supply chain: production, storage and use for decarbonising industrial systems',
  },
  {
    code: 'TR.PKG',
    parentCode: 'TR',
    labelIt: 'Packaging sostenibile e intelligente: dalla progettazione al fine vita',
    labelEn: 'Sustainable and smart packaging: from design to end of waste',
  },
  {
    code: 'TR.CIRC',
    parentCode: 'TR',
    labelIt: 'Simbiosi industriale, economia circolare e nuovi materiali bio-based',
    labelEn: 'Industrial symbiosis, circular economy and bio-based materials',
  },
  {
    code: 'TR.SURF',
    parentCode: 'TR',
    labelIt: 'Superfici e materiali avanzati (superfici antivirali, tessili protettivi, filtri, test rapidi)',
    labelEn: 'Advanced surfaces and materials (antiviral surfaces, protective textiles, filters, rapid tests)',
  },
  {
    code: 'TR.MODEL',
    parentCode: 'TR',
    labelIt: 'Modellazione dei materiali e integrazione dei dati',
    labelEn: 'Materials modelling and data integration',
  },
]
