import { z } from 'zod'
import { emailAddress, plainText, requiredText, taxonomyCodes, webAddress } from '../platform/validation.js'
import { organisationTypes, sizeClasses } from './organisation-terms.js'

export const organisationType = z.enum(organisationTypes)
export const sizeClass = z.enum(sizeClasses)

const euroCents = z.number().int().min(0).max(10_000_000_000_000)
const contact = z
  .object({
    fullName: requiredText(120),
    roleTitle: plainText(120).nullable().optional(),
    email: emailAddress.nullable().optional(),
    phone: z.string().trim().max(30).regex(/^[+0-9 ()./-]*$/).nullable().optional(),
  })
  .strict()

const fields = {
  legalName: requiredText(250),
  shortName: plainText(80).nullable(),
  type: organisationType,
  headcount: z.number().int().min(0).max(10_000_000).nullable(),
  turnoverCents: euroCents.nullable(),
  balanceSheetCents: euroCents.nullable(),
  vatNumber: z.string().trim().max(20).nullable(),
  fiscalCode: z.string().trim().max(20).nullable(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  street: plainText(200).nullable(),
  postcode: z.string().trim().max(12).regex(/^[A-Za-z0-9 -]*$/).nullable(),
  city: plainText(120).nullable(),
  provinceCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).nullable(),
  website: webAddress.nullable(),
  descriptionIt: plainText(5000),
  descriptionEn: plainText(5000),
  keywords: z.array(requiredText(60)).max(30),
  competences: taxonomyCodes,
  foundedYear: z.number().int().min(1000).max(2100).nullable(),
  contacts: z.array(contact).max(20),
}

export const organisationCreate = z
  .object({
    legalName: fields.legalName,
    type: fields.type,
    shortName: fields.shortName.optional(),
    headcount: fields.headcount.optional(),
    turnoverCents: fields.turnoverCents.optional(),
    balanceSheetCents: fields.balanceSheetCents.optional(),
    vatNumber: fields.vatNumber.optional(),
    fiscalCode: fields.fiscalCode.optional(),
    country: fields.country.default('IT'),
    street: fields.street.optional(),
    postcode: fields.postcode.optional(),
    city: fields.city.optional(),
    provinceCode: fields.provinceCode.optional(),
    website: fields.website.optional(),
    descriptionIt: fields.descriptionIt.optional(),
    descriptionEn: fields.descriptionEn.optional(),
    keywords: fields.keywords.optional(),
    competences: fields.competences.optional(),
    foundedYear: fields.foundedYear.optional(),
    contacts: fields.contacts.optional(),
  })
  .strict()

export const organisationChanges = z.object(fields).partial().strict()

export type OrganisationCreate = z.infer<typeof organisationCreate>
export type OrganisationChanges = z.infer<typeof organisationChanges>

export const directoryQuery = z
  .object({
    q: plainText(200).optional(),
    type: organisationType.optional(),
    size: sizeClass.optional(),
    cluster: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
    taxonomy: z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/).optional(),
    province: z.string().regex(/^[A-Z]{2}$/).optional(),
    region: z.string().regex(/^[A-Z]{2}[A-Z0-9]{1,3}$/).optional(),
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()

export const organisationSummary = z.object({
  id: z.string(),
  legalName: z.string(),
  shortName: z.string().nullable(),
  type: organisationType,
  sizeClass: sizeClass.nullable(),
  city: z.string().nullable(),
  provinceCode: z.string().nullable(),
  country: z.string(),
  competences: z.array(z.string()),
  clusters: z.array(z.string()),
  descriptionIt: z.string(),
  descriptionEn: z.string(),
})

/** `totalExact` is false when a broad text query has more matches than the server counts. */
export const organisationPage = z.object({
  items: z.array(organisationSummary),
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
})

/** The EU SME class the figures give, with the reasons in the reader's language. */
export const smeAssessment = z.object({ size: sizeClass.nullable(), reasons: z.array(z.string()) })

export const organisationDetail = z.object({
  id: z.string(),
  legalName: z.string(),
  shortName: z.string().nullable(),
  type: organisationType,
  headcount: z.number().nullable(),
  turnoverCents: z.number().nullable(),
  balanceSheetCents: z.number().nullable(),
  sizeClass: sizeClass.nullable(),
  sme: smeAssessment,
  vatNumber: z.string().nullable(),
  fiscalCode: z.string().nullable(),
  country: z.string(),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  provinceCode: z.string().nullable(),
  nuts2: z.string().nullable(),
  nuts3: z.string().nullable(),
  website: z.string().nullable(),
  descriptionIt: z.string(),
  descriptionEn: z.string(),
  keywords: z.array(z.string()),
  competences: z.array(z.string()),
  foundedYear: z.number().nullable(),
  contacts: z.array(
    z.object({ id: z.string(), fullName: z.string(), roleTitle: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
  ),
  memberships: z.array(
    z.object({
      id: z.string(),
      clusterSlug: z.string(),
      clusterNameIt: z.string(),
      clusterNameEn: z.string(),
      associated: z.boolean(),
      since: z.string(),
      until: z.string().nullable(),
    }),
  ),
  canEdit: z.boolean(),
  source: z.string(),
  updatedAt: z.string(),
})

export const sizePreviewQuery = z
  .object({
    headcount: z.coerce.number().int().min(0).max(10_000_000).optional(),
    turnoverCents: z.coerce.number().int().min(0).max(10_000_000_000_000).optional(),
    balanceSheetCents: z.coerce.number().int().min(0).max(10_000_000_000_000).optional(),
  })
  .strict()

export const organisationUser = z.object({ userId: z.string(), email: z.string(), fullName: z.string(), role: z.enum(['member', 'admin']) })

export const organisationUserBody = z.object({ email: emailAddress, role: z.enum(['member', 'admin']) }).strict()

export const province = z.object({
  code: z.string(),
  name: z.string(),
  nuts3: z.string(),
  regionNuts2: z.string(),
  regionNameIt: z.string(),
  regionNameEn: z.string(),
})

export const region = z.object({ nuts2: z.string(), nameIt: z.string(), nameEn: z.string() })
