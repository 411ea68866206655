import type { z } from 'zod'
import type * as api from '../../../../src/calls/funding/funding.schema'

// The answers of /api/calls/:id/funding, /api/calls/:id/funding/mine and /api/proposals/:id/funding, as the response
// schemas define them (src/calls/funding/funding.schema.ts): inferred, so that the two cannot drift apart.
export type PaymentKind = z.infer<typeof api.paymentKind>
export type VerifierKind = z.infer<typeof api.verifierKind>
export type PartnerStatus = z.infer<typeof api.partnerStatus>
export type Contract = z.infer<typeof api.contractRow>
export type Payment = z.infer<typeof api.paymentRow>
export type Decision = z.infer<typeof api.fundingDecision>
export type Outcome = Decision['outcome']
export type ProposalFunding = z.infer<typeof api.proposalFunding>
export type RankingStatus = ProposalFunding['rankingStatus']
export type CallFunding = z.infer<typeof api.callFunding>
export type FundingLine = CallFunding['lines'][number]
export type MyFunding = z.infer<typeof api.myFunding>
