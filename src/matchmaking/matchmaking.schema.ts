import { z } from 'zod'
import { organisationType, sizeClass } from '../organisations/organisations.schema.js'
import { isoDate, plainText, requiredText, taxonomyCodes, uuid } from '../platform/validation.js'
import { closeOutcomes, funnelStages, geographicScopes, interestStepKinds, meetingStages, partnershipKinds, profileKinds, profileStatuses } from './marketplace-terms.js'

export const profileKind = z.enum(profileKinds)
export const profileStatus = z.enum(profileStatuses)
export const partnershipKind = z.enum(partnershipKinds)
export const geographicScope = z.enum(geographicScopes)
const clusterSlug = z.string().regex(/^[a-z0-9-]{1,80}$/)
const taxonomyCode = z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/)
const trl = z.number().int().min(1).max(9)

const fields = {
  kind: profileKind,
  districtSlug: clusterSlug,
  language: z.enum(['it', 'en']),
  title: requiredText(200),
  summary: plainText(1000),
  descriptionIt: plainText(8000),
  descriptionEn: plainText(8000),
  keywords: z.array(requiredText(60)).max(20),
  taxonomy: taxonomyCodes,
  trl: trl.nullable(),
  partnershipKinds: z.array(partnershipKind).max(partnershipKinds.length),
  targetOrganisationTypes: z.array(organisationType).max(9),
  geographicScope,
  expiresOn: isoDate,
}

export const profileCreate = z
  .object({
    organisationId: uuid,
    kind: fields.kind,
    districtSlug: fields.districtSlug,
    title: fields.title,
    expiresOn: fields.expiresOn,
    language: fields.language.default('it'),
    summary: fields.summary.optional(),
    descriptionIt: fields.descriptionIt.optional(),
    descriptionEn: fields.descriptionEn.optional(),
    keywords: fields.keywords.optional(),
    taxonomy: fields.taxonomy.optional(),
    trl: fields.trl.optional(),
    partnershipKinds: fields.partnershipKinds.optional(),
    targetOrganisationTypes: fields.targetOrganisationTypes.optional(),
    geographicScope: fields.geographicScope.optional(),
  })
  .strict()
export const profileChanges = z.object(fields).partial().strict()
export type ProfileCreate = z.infer<typeof profileCreate>
export type ProfileChanges = z.infer<typeof profileChanges>

export const reviewBody = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), comment: plainText(2000).optional() }).strict(),
    z.object({ decision: z.literal('return'), comment: requiredText(2000) }).strict(),
  ])
export const closeBody = z.object({ outcome: z.enum(closeOutcomes) }).strict()

export const searchQuery = z
  .object({
    q: plainText(200).optional(),
    kind: profileKind.optional(),
    taxonomy: taxonomyCode.optional(),
    district: clusterSlug.optional(),
    trlMin: z.coerce.number().int().min(1).max(9).optional(),
    trlMax: z.coerce.number().int().min(1).max(9).optional(),
    organisationType: organisationType.optional(),
    size: sizeClass.optional(),
    region: z.string().regex(/^[A-Z]{2}[A-Z0-9]{1,3}$/).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
export type SearchQuery = z.infer<typeof searchQuery>

// The answers' shapes. The web app's types are inferred from these too (web/src/marketplace/types.ts).
export const organisationRef = z.object({
  id: z.string(),
  name: z.string(),
  type: organisationType,
  sizeClass: sizeClass.nullable(),
  city: z.string().nullable(),
  nuts2: z.string().nullable(),
})
export const districtRef = z.object({ id: z.string(), slug: z.string(), nameIt: z.string(), nameEn: z.string() })

export const profileSummary = z.object({
  id: z.string(),
  kind: profileKind,
  status: profileStatus,
  language: z.enum(['it', 'en']),
  title: z.string(),
  summary: z.string(),
  organisation: organisationRef,
  district: districtRef,
  taxonomy: z.array(z.string()),
  trl: z.number().nullable(),
  expiresOn: z.string(),
  publishedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
})

export const profileDetail = profileSummary.extend({
  descriptionIt: z.string(),
  descriptionEn: z.string(),
  keywords: z.array(z.string()),
  partnershipKinds: z.array(partnershipKind),
  targetOrganisationTypes: z.array(organisationType),
  geographicScope,
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeOutcome: z.enum(closeOutcomes).nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
})

/** A page of search results: `totalExact` is false when `total` is a lower bound; `correction` the corrected query, if used. */
export const profilePage = z.object({
  items: z.array(profileSummary),
  total: z.number(),
  totalExact: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  expandedTerms: z.array(z.string()),
  correction: z.string().nullable(),
})

export const duplicate = z.object({ id: z.string(), title: z.string(), status: profileStatus, similarity: z.number() })

export const interestCreate = z.object({ organisationId: uuid, message: requiredText(2000) }).strict()
export const decisionBody = z.object({ decision: z.enum(['accept', 'decline']) }).strict()
export const messageBody = z.object({ body: requiredText(4000) }).strict()
export const stepBody = z
  .discriminatedUnion('step', [
    z.object({ step: z.literal('meeting'), occurredOn: isoDate, meetingMode: z.enum(['physical', 'virtual']) }).strict(),
    z
      .object({
        step: z.literal('agreement'),
        occurredOn: isoDate,
        agreementType: partnershipKind,
        valueCents: z.number().int().min(0).max(10_000_000_000_000).nullable().optional(),
      })
      .strict(),
    z.object({ step: z.literal('no_agreement'), occurredOn: isoDate }).strict(),
  ])
export type StepBody = z.infer<typeof stepBody>

export const interestStep = z.object({
  step: z.enum(interestStepKinds),
  occurredOn: z.string(),
  meetingMode: z.enum(['physical', 'virtual']).nullable(),
  agreementType: partnershipKind.nullable(),
  valueCents: z.number().nullable(),
  recordedAt: z.string(),
})

export const interestSummary = z.object({
  id: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
  message: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  profile: z.object({ id: z.string(), title: z.string(), kind: profileKind, organisation: organisationRef }),
  organisation: organisationRef,
  /** 'received' when the actor's organisation owns the profile, 'sent' when it expressed the interest. */
  direction: z.enum(['received', 'sent']),
})

export const interestDetail = interestSummary.extend({
  steps: z.array(interestStep),
  messages: z.array(z.object({ id: z.string(), organisationId: z.string(), organisationName: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.string() })),
  canDecide: z.boolean(),
  canTakePart: z.boolean(),
})

export const funnelQuery = z.object({ district: clusterSlug.optional(), from: isoDate.optional(), to: isoDate.optional() }).strict()
export const funnelResponse = z.object({
  stages: z.array(z.object({ stage: z.enum(funnelStages), count: z.number(), conversion: z.number().nullable() })),
  profilesWithInterest: z.number(),
  declined: z.number(),
  agreementValueCents: z.number(),
  fundedProjects: z.number(),
  meetings: z.object({
    events: z.number(),
    stages: z.array(z.object({ stage: z.enum(meetingStages), count: z.number(), conversion: z.number().nullable() })),
    noFurtherContact: z.number(),
  }),
})

export const recommendationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }).strict()
export const reason = z.object({ code: z.string(), points: z.number(), text: z.string() })
export const recommendationsResponse = z.object({
  organisations: z.array(z.object({ organisation: organisationRef, districts: z.array(districtRef), score: z.number(), reasons: z.array(reason) })),
  profiles: z.array(z.object({ profile: profileSummary, score: z.number(), reasons: z.array(reason) })),
})
export const recommendedNeedsResponse = z.object({ items: z.array(z.object({ profile: profileSummary, score: z.number(), reasons: z.array(reason) })) })
export const forwardBody = z.object({ organisationId: uuid, note: plainText(1000).default('') }).strict()
