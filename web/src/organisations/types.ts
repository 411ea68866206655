import type { z } from 'zod'
import type * as api from '../../../src/organisations/organisations.schema'

// The registry's words come from the server's own lists, so that the two cannot drift apart.
export { organisationTypes, sizeClasses } from '../../../src/organisations/organisation-terms'

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type OrganisationType = z.infer<typeof api.organisationType>
export type SizeClass = z.infer<typeof api.sizeClass>
export type OrganisationSummary = z.infer<typeof api.organisationSummary>
export type OrganisationPage = z.infer<typeof api.organisationPage>
export type SmeAssessment = z.infer<typeof api.smeAssessment>
export type Organisation = z.infer<typeof api.organisationDetail>
export type OrganisationUser = z.infer<typeof api.organisationUser>
export type Province = z.infer<typeof api.province>
export type Region = z.infer<typeof api.region>

// What the organisation form sends: every field written out, a narrower shape than the API's create and change bodies.
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
