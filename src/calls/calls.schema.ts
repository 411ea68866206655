import { z } from 'zod'
import { plainText, requiredText, taxonomyCodes } from '../platform/validation.js'
import { evaluationSettings } from './evaluation/evaluation.schema.js'
import { budgetSources, collaborationKinds, partnerSizeClasses, partnerTypes } from './call-terms.js'

const cents = z.number().int().min(0).max(10_000_000_000_000)
const instant = z.iso.datetime({ offset: true })
const trl = z.number().int().min(1).max(9)
const basisPoints = z.number().int().min(0).max(10_000)

export const callLine = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9]{1,8}$/),
    titleIt: requiredText(200),
    titleEn: requiredText(200),
    budgetCents: cents,
    membersOnly: z.boolean().default(false),
    nonMembersMustCommit: z.boolean().default(false),
    clusterSlug: z.string().trim().max(80).nullable().default(null),
  })
  .strict()

export const budgetShare = z
  .object({
    source: z.enum(budgetSources),
    year: z.number().int().min(2000).max(2100),
    amountCents: cents,
  })
  .strict()

/** The rules object of src/calls/rules; an absent rule does not apply. Intensity in basis points (8000 = 80 %). */
export const callRules = z
  .object({
    trlStartMin: trl.optional(),
    trlEndMin: trl.optional(),
    researchShareMustExceedDevelopment: z.boolean().optional(),
    minPartners: z.number().int().min(0).max(100).optional(),
    minSmes: z.number().int().min(0).max(100).optional(),
    researchOrganisationIntensity: basisPoints.optional(),
  })
  .strict()

export const criterion = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9_-]{1,30}$/),
    nameIt: requiredText(200),
    nameEn: requiredText(200),
    weight: z.number().min(0).max(100),
    threshold: z.number().min(0).max(5),
  })
  .strict()

export const faqEntry = z
  .object({ questionIt: requiredText(500), questionEn: requiredText(500), answerIt: requiredText(5000), answerEn: requiredText(5000) })
  .strict()

const callFields = {
  titleIt: requiredText(250),
  titleEn: requiredText(250),
  summaryIt: plainText(2000),
  summaryEn: plainText(2000),
  textIt: plainText(20_000),
  textEn: plainText(20_000),
  opensAt: instant,
  closesAt: instant,
  lines: z.array(callLine).min(1).max(10),
  budget: z.array(budgetShare).max(60),
  rules: callRules,
  priorities: taxonomyCodes,
  criteria: z.array(criterion).max(20),
  faq: z.array(faqEntry).max(100),
  evaluation: evaluationSettings,
}

export const callCreate = z
  .object({
    ...callFields,
    summaryIt: callFields.summaryIt.default(''),
    summaryEn: callFields.summaryEn.default(''),
    textIt: callFields.textIt.default(''),
    textEn: callFields.textEn.default(''),
    budget: callFields.budget.default([]),
    rules: callFields.rules.default({}),
    priorities: callFields.priorities.default([]),
    criteria: callFields.criteria.default([]),
    faq: callFields.faq.default([]),
    evaluation: callFields.evaluation.default({}),
  })
  .strict()
export type CallCreate = z.infer<typeof callCreate>

export const callChanges = z.object(callFields).partial().strict()
export type CallChanges = z.infer<typeof callChanges>

export const callDetail = z.object({
  id: z.string(),
  status: z.enum(['draft', 'published']),
  phase: z.enum(['draft', 'upcoming', 'open', 'closed']),
  titleIt: z.string(),
  titleEn: z.string(),
  summaryIt: z.string(),
  summaryEn: z.string(),
  textIt: z.string(),
  textEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  lines: z.array(
    z.object({
      code: z.string(),
      titleIt: z.string(),
      titleEn: z.string(),
      budgetCents: z.number(),
      membersOnly: z.boolean(),
      nonMembersMustCommit: z.boolean(),
      clusterSlug: z.string().nullable(),
      clusterName: z.string().nullable(),
    }),
  ),
  totalBudgetCents: z.number(),
  budget: z.array(budgetShare),
  rules: callRules,
  priorities: z.array(z.string()),
  criteria: z.array(criterion),
  faq: z.array(faqEntry),
  evaluation: evaluationSettings,
  clonedFrom: z.string().nullable(),
  publishedAt: z.string().nullable(),
  canManage: z.boolean(),
})
export type CallDetail = z.infer<typeof callDetail>

export const callSummary = callDetail.pick({
  id: true,
  status: true,
  phase: true,
  titleIt: true,
  titleEn: true,
  summaryIt: true,
  summaryEn: true,
  opensAt: true,
  closesAt: true,
  totalBudgetCents: true,
})
export type CallSummary = z.infer<typeof callSummary>

const partnerCosts = z.object({ industrialResearch: cents, experimentalDevelopment: cents, other: cents }).strict()

export const proposalPartnerInput = z
  .object({ organisationId: z.uuid(), commitsToJoin: z.boolean().default(false), costs: partnerCosts })
  .strict()

export const proposalCreate = z
  .object({
    leadOrganisationId: z.uuid(),
    line: z.string().trim().min(1).max(8),
    title: requiredText(300),
    abstract: plainText(5000).default(''),
    taxonomyCode: z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/).nullable().default(null),
    trlStart: trl.nullable().default(null),
    trlEnd: trl.nullable().default(null),
    wideDissemination: z.boolean().default(false),
    partners: z.array(proposalPartnerInput).max(50).optional(),
  })
  .strict()
export type ProposalCreate = z.infer<typeof proposalCreate>

export const proposalChanges = z
  .object({
    line: proposalCreate.shape.line,
    title: requiredText(300),
    abstract: plainText(5000),
    taxonomyCode: proposalCreate.shape.taxonomyCode.unwrap(),
    trlStart: trl.nullable(),
    trlEnd: trl.nullable(),
    wideDissemination: z.boolean(),
    partners: z.array(proposalPartnerInput).min(1).max(50),
  })
  .partial()
  .strict()
export type ProposalChanges = z.infer<typeof proposalChanges>

const partnerType = z.enum(partnerTypes)
const sizeClass = z.enum(partnerSizeClasses)

export const proposalPartner = z.object({
  organisationId: z.string(),
  name: z.string(),
  lead: z.boolean(),
  type: partnerType,
  size: sizeClass.nullable(),
  member: z.boolean(),
  commitsToJoin: z.boolean(),
  confirmed: z.boolean(),
  canConfirm: z.boolean(),
  costs: partnerCosts,
})

export const proposalDetail = z.object({
  id: z.string(),
  callId: z.string(),
  callTitleIt: z.string(),
  callTitleEn: z.string(),
  callClosesAt: z.string(),
  leadOrganisationId: z.string(),
  line: z.string(),
  title: z.string(),
  abstract: z.string(),
  taxonomyCode: z.string().nullable(),
  trlStart: z.number().nullable(),
  trlEnd: z.number().nullable(),
  wideDissemination: z.boolean(),
  partners: z.array(proposalPartner),
  currentVersion: z.number(),
  versions: z.array(z.object({ version: z.number(), submittedAt: z.string(), eligible: z.boolean() })),
  changedSinceSubmission: z.boolean(),
  canEdit: z.boolean(),
  updatedAt: z.string(),
})
export type ProposalDetail = z.infer<typeof proposalDetail>

export const proposalSummary = z.object({
  id: z.string(),
  callId: z.string(),
  callTitleIt: z.string(),
  callTitleEn: z.string(),
  title: z.string(),
  line: z.string(),
  leadName: z.string(),
  currentVersion: z.number(),
  awaitingMyConfirmation: z.boolean(),
})

export const checkResult = z.object({ rule: z.string(), passed: z.boolean(), message: z.string() })
export const eligibilityResult = z.object({ eligible: z.boolean(), checks: z.array(checkResult) })

export const grantResult = z.object({
  collaboration: z.array(z.enum(collaborationKinds)),
  partners: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      researchOrganisation: z.boolean(),
      intensity: z.object({ industrialResearch: z.number(), experimentalDevelopment: z.number() }),
      grants: z.object({ industrialResearch: z.number(), experimentalDevelopment: z.number() }),
      grant: z.number(),
    }),
  ),
  total: z.number(),
})

export const submissionResult = z.object({
  version: z.number(),
  created: z.boolean(),
  submittedAt: z.string(),
  eligibility: eligibilityResult,
})

export const screeningRow = z.object({
  proposalId: z.string(),
  title: z.string(),
  line: z.string(),
  leadName: z.string(),
  version: z.number(),
  submittedAt: z.string(),
  eligible: z.boolean(),
  failedChecks: z.array(checkResult),
  override: z.object({ eligible: z.boolean(), reason: z.string(), at: z.string() }).nullable(),
  status: z.enum(['eligible', 'ineligible']),
})

export const screeningOverride = z.object({ eligible: z.boolean(), reason: requiredText(2000) }).strict()
