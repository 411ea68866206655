export const organisationTypes = [
  'startup',
  'sme',
  'large_company',
  'company',
  'research_organisation',
  'university',
  'financial_operator',
  'public_body',
  'other',
] as const
export type OrganisationType = (typeof organisationTypes)[number]

export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const
export type SizeClass = (typeof sizeClasses)[number]

export type OrganisationSummary = {
  id: string
  legalName: string
  shortName: string | null
  type: OrganisationType
  sizeClass: SizeClass | null
  city: string | null
  provinceCode: string | null
  country: string
  competences: string[]
  clusters: string[]
  descriptionIt: string
  descriptionEn: string
}

/** `totalExact` is false when a broad text query has more matches than the server counts. */
export type OrganisationPage = { items: OrganisationSummary[]; total: number; totalExact: boolean; page: number; pageSize: number }

export type Contact = { id: string; fullName: string; roleTitle: string | null; email: string | null; phone: string | null }

export type OrganisationMembership = {
  id: string
  clusterSlug: string
  clusterNameIt: string
  clusterNameEn: string
  associated: boolean
  since: string
  until: string | null
}

export type SmeAssessment = { size: SizeClass | null; reasons: string[] }

export type Organisation = {
  id: string
  legalName: string
  shortName: string | null
  type: OrganisationType
  headcount: number | null
  turnoverCents: number | null
  balanceSheetCents: number | null
  sizeClass: SizeClass | null
  sme: SmeAssessment
  vatNumber: string | null
  fiscalCode: string | null
  country: string
  street: string | null
  postcode: string | null
  city: string | null
  provinceCode: string | null
  nuts2: string | null
  nuts3: string | null
  website: string | null
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  competences: string[]
  foundedYear: number | null
  contacts: Contact[]
  memberships: OrganisationMembership[]
  canEdit: boolean
  source: string
  updatedAt: string
}

export type ContactInput = { fullName: string; roleTitle: string | null; email: string | null; phone: string | null }

export type OrganisationInput = {
  legalName: string
  shortName: string | null
  type: OrganisationType
  headcount: number | null
  turnoverCents: number | null
  balanceSheetCents: number | null
  vatNumber: string | null
  fiscalCode: string | null
  country: string
  street: string | null
  postcode: string | null
  city: string | null
  provinceCode: string | null
  website: string | null
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  competences: string[]
  foundedYear: number | null
  contacts: ContactInput[]
}

export type Province = { code: string; name: string; nuts3: string; regionNuts2: string; regionNameIt: string; regionNameEn: string }
export type Region = { nuts2: string; nameIt: string; nameEn: string }
