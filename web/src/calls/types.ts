import type { z } from 'zod'
import type * as api from '../../../src/calls/calls.schema'

// The API's answers, as its response schemas define them (src/calls/calls.schema.ts): inferred, so that the two
// cannot drift apart.
export type Call = z.infer<typeof api.callDetail>
export type CallSummary = z.infer<typeof api.callSummary>
export type CallPhase = Call['phase']
export type CallLine = Call['lines'][number]
/** An absent rule does not apply; researchOrganisationIntensity in basis points (8000 = 80 %). */
export type CallRules = z.infer<typeof api.callRules>
export type Criterion = z.infer<typeof api.criterion>
export type FaqEntry = z.infer<typeof api.faqEntry>
export type BudgetShare = z.infer<typeof api.budgetShare>
export type BudgetSource = BudgetShare['source']

export type Proposal = z.infer<typeof api.proposalDetail>
export type ProposalSummary = z.infer<typeof api.proposalSummary>
export type ProposalPartner = z.infer<typeof api.proposalPartner>
export type Costs = ProposalPartner['costs']
export type Check = z.infer<typeof api.checkResult>
export type Eligibility = z.infer<typeof api.eligibilityResult>
export type GrantEstimate = z.infer<typeof api.grantResult>
export type Submission = z.infer<typeof api.submissionResult>
export type ScreeningRow = z.infer<typeof api.screeningRow>
