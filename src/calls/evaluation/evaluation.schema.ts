import { z } from 'zod'
import { plainText, requiredText, taxonomyCodes } from '../../platform/validation.js'

const cents = z.number().int().min(0).max(10_000_000_000_000)
/** 0–5 in half points. */
const score = z.number().min(0).max(5).multipleOf(0.5)

export const evaluationSettings = z
  .object({
    evaluatorsPerProposal: z.number().int().min(1).max(10).optional(),
    overallThreshold: z.number().min(0).max(5).multipleOf(0.01).optional(),
  })
  .strict()

export const evaluatorProfileInput = z.object({ organisationId: z.uuid().nullable(), expertise: taxonomyCodes }).strict()

export const evaluatorSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  expertise: z.array(z.string()),
})

export const reasonInput = z.object({ reason: requiredText(2000) }).strict()

export const providerInput = z
  .object({ organisationId: z.uuid(), service: requiredText(300), amountCents: cents })
  .strict()
export const providersInput = z.object({ providers: z.array(providerInput).max(30) }).strict()
export const providerRow = z.object({ organisationId: z.string(), name: z.string(), researchOrganisation: z.boolean(), service: z.string(), amountCents: z.number() })

export const assignmentRow = z.object({
  evaluatorId: z.string(),
  evaluatorName: z.string(),
  status: z.enum(['active', 'declined']),
  matchedCodes: z.array(z.string()),
  loadAtAssignment: z.number(),
  currentLoad: z.number(),
  assignedAt: z.string(),
  reportSubmitted: z.boolean(),
  rapporteur: z.boolean(),
  conflictReason: z.string().nullable(),
})

export const evaluationOverview = z.object({
  callId: z.string(),
  phase: z.enum(['draft', 'upcoming', 'open', 'closed']),
  evaluatorsPerProposal: z.number(),
  overallThreshold: z.number().nullable(),
  evaluatorCount: z.number(),
  proposals: z.array(
    z.object({
      proposalId: z.string(),
      title: z.string(),
      line: z.string(),
      leadName: z.string(),
      taxonomyCode: z.string().nullable(),
      assignments: z.array(assignmentRow),
      consensusSubmitted: z.boolean(),
    }),
  ),
})
export type EvaluationOverview = z.infer<typeof evaluationOverview>

export const criterionScoreInput = z.object({ criterion: z.string().min(1).max(30), score, comment: requiredText(4000) }).strict()
export const reportInput = z.object({ scores: z.array(criterionScoreInput).min(1).max(20) }).strict()
export const consensusInput = z.object({ scores: z.array(criterionScoreInput).min(1).max(20), comment: requiredText(8000) }).strict()
export const rapporteurInput = z.object({ evaluatorId: z.uuid() }).strict()

export const scoreRow = z.object({ criterion: z.string(), score: z.number(), comment: z.string() })

export const myEvaluation = z.object({
  proposalId: z.string(),
  callId: z.string(),
  callTitleIt: z.string(),
  callTitleEn: z.string(),
  title: z.string(),
  line: z.string(),
  status: z.enum(['active', 'declined']),
  reportSubmitted: z.boolean(),
  rapporteur: z.boolean(),
  consensusSubmitted: z.boolean(),
  matchedCodes: z.array(z.string()),
})

export const evaluationDetail = z.object({
  proposalId: z.string(),
  callId: z.string(),
  callTitleIt: z.string(),
  callTitleEn: z.string(),
  version: z.number(),
  title: z.string(),
  abstract: z.string(),
  line: z.string(),
  taxonomyCode: z.string().nullable(),
  trlStart: z.number().nullable(),
  trlEnd: z.number().nullable(),
  partners: z.array(z.object({ name: z.string(), type: z.string(), lead: z.boolean(), costsCents: z.number() })),
  grantCents: z.number(),
  criteria: z.array(z.object({ code: z.string(), nameIt: z.string(), nameEn: z.string(), weight: z.number(), threshold: z.number() })),
  myReport: z.object({ scores: z.array(scoreRow), submittedAt: z.string() }).nullable(),
  canReport: z.boolean(),
  rapporteur: z.object({ evaluatorId: z.string(), name: z.string() }).nullable(),
  isRapporteur: z.boolean(),
  reports: z.array(z.object({ evaluatorName: z.string(), scores: z.array(scoreRow), submittedAt: z.string() })),
  reportsExpected: z.number(),
  consensus: z.object({ scores: z.array(scoreRow), comment: z.string(), submittedAt: z.string(), weightedTotal: z.number() }).nullable(),
  canWriteConsensus: z.boolean(),
})
export type EvaluationDetail = z.infer<typeof evaluationDetail>

export const rankedRow = z.object({
  proposalId: z.string(),
  title: z.string(),
  leadName: z.string(),
  rank: z.number().nullable(),
  status: z.enum(['funded', 'reserve', 'below_threshold', 'pending']),
  weightedTotal: z.number().nullable(),
  scores: z.record(z.string(), z.number()),
  failedCriteria: z.array(z.string()),
  failsOverall: z.boolean(),
  grantCents: z.number(),
  smes: z.number(),
  researchOrganisations: z.number(),
})

export const rankingResult = z.object({
  callId: z.string(),
  criteria: z.array(z.object({ code: z.string(), nameIt: z.string(), nameEn: z.string(), weight: z.number(), threshold: z.number() })),
  overallThreshold: z.number().nullable(),
  lines: z.array(
    z.object({
      code: z.string(),
      titleIt: z.string(),
      titleEn: z.string(),
      initialBudgetCents: z.number(),
      budgetCents: z.number(),
      fundedCents: z.number(),
      unspentCents: z.number(),
      proposals: z.array(rankedRow),
    }),
  ),
  moves: z.array(z.object({ id: z.string(), fromLine: z.string(), toLine: z.string(), amountCents: z.number(), reason: z.string(), movedAt: z.string(), movedBy: z.string().nullable() })),
})
export type RankingResult = z.infer<typeof rankingResult>

export const budgetMoveInput = z
  .object({ fromLine: z.string().trim().min(1).max(8), toLine: z.string().trim().min(1).max(8), amountCents: cents.min(1), reason: requiredText(2000) })
  .strict()

export const indicatorValues = z.object({
  submittedProjects: z.number(),
  financedProjects: z.number(),
  enterprisesInvolved: z.number(),
  totalInvestmentCents: z.number(),
  publicGrantCents: z.number(),
  researchContracts: z.number(),
  researchContractsCents: z.number(),
  researchOrganisationsInvolved: z.number(),
})
export type IndicatorValues = z.infer<typeof indicatorValues>

export const indicatorsResult = z.object({
  callId: z.string(),
  lines: z.array(indicatorValues.extend({ code: z.string(), titleIt: z.string(), titleEn: z.string() })),
  total: indicatorValues,
})

export const exportQuery = z.object({ lang: z.enum(['it', 'en']).optional() }).strict()
export const noteText = plainText(200)
