import { z } from 'zod'
import { isoDate, plainText, requiredText, uuid } from '../../platform/validation.js'
import { paymentKinds, verifierKinds } from '../call-terms.js'

// Requests and answers of the grants, contracts and payments API.

const cents = z.number().int().min(0).max(10_000_000_000_000)
const actReference = requiredText(120)

export const partnerGrantInput = z.object({ organisationId: uuid, grantCents: cents, reason: plainText(2000).optional() }).strict()

/** A grant (partners' amounts default to the estimate) or a refusal with its reason, each with the date and reference of the act. */
export const decisionInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('granted'), decidedOn: isoDate, actReference, partners: z.array(partnerGrantInput).max(50).optional() }).strict(),
  z.object({ outcome: z.literal('not_granted'), decidedOn: isoDate, actReference, reason: requiredText(2000) }).strict(),
])
export type DecisionInput = z.infer<typeof decisionInput>

export const withdrawalInput = z.object({ withdrawnOn: isoDate, reason: requiredText(2000) }).strict()
export type WithdrawalInput = z.infer<typeof withdrawalInput>

export const contractInput = z
  .object({ partnerOrganisationId: uuid, researchOrganisationId: uuid, subject: requiredText(300), valueCents: cents.min(1), signedOn: isoDate })
  .strict()
export type ContractInput = z.infer<typeof contractInput>

export const paymentKind = z.enum(paymentKinds)
export const verifierKind = z.enum(verifierKinds)

export const paymentInput = z
  .object({ organisationId: uuid, kind: paymentKind, amountCents: cents.min(1), paidOn: isoDate, verifierKind, verifiedBy: requiredText(200) })
  .strict()
export type PaymentInput = z.infer<typeof paymentInput>

export const partnerStatus = z.object({
  organisationId: z.string(),
  name: z.string(),
  researchOrganisation: z.boolean(),
  estimateCents: z.number(),
  grantCents: z.number(),
  reductionReason: z.string().nullable(),
  paidCents: z.number(),
  remainingCents: z.number(),
  balancePaid: z.boolean(),
})

export const contractRow = z.object({
  id: z.string(),
  partnerOrganisationId: z.string(),
  partnerName: z.string(),
  researchOrganisationId: z.string(),
  researchOrganisationName: z.string(),
  subject: z.string(),
  valueCents: z.number(),
  signedOn: z.string(),
})

export const paymentRow = z.object({
  id: z.string(),
  organisationId: z.string(),
  partnerName: z.string(),
  kind: paymentKind,
  amountCents: z.number(),
  paidOn: z.string(),
  verifierKind,
  verifiedBy: z.string(),
})

export const fundingDecision = z.object({
  outcome: z.enum(['granted', 'not_granted', 'withdrawn']),
  rankingStatus: z.enum(['funded', 'reserve', 'below_threshold']),
  reservePromoted: z.boolean(),
  decidedOn: z.string(),
  actReference: z.string(),
  reason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  grantCents: z.number(),
  paidCents: z.number(),
  remainingCents: z.number(),
  partners: z.array(partnerStatus),
  contracts: z.array(contractRow),
  payments: z.array(paymentRow),
})

export const proposalFunding = z.object({
  proposalId: z.string(),
  title: z.string(),
  leadName: z.string(),
  line: z.string(),
  rank: z.number().nullable(),
  rankingStatus: z.enum(['funded', 'reserve', 'below_threshold', 'pending']),
  estimateCents: z.number(),
  estimates: z.array(z.object({ organisationId: z.string(), name: z.string(), researchOrganisation: z.boolean(), estimateCents: z.number() })),
  decision: fundingDecision.nullable(),
})
export type ProposalFunding = z.infer<typeof proposalFunding>
export type FundingDecision = z.infer<typeof fundingDecision>

const totals = z.object({ grantedCents: z.number(), paidCents: z.number(), contracts: z.number(), contractsCents: z.number() })

export const callFunding = z.object({
  callId: z.string(),
  titleIt: z.string(),
  titleEn: z.string(),
  lines: z.array(
    z.object({
      code: z.string(),
      titleIt: z.string(),
      titleEn: z.string(),
      budgetCents: z.number(),
      grantedCents: z.number(),
      /** Estimates of the proposals the ranking funds that await their decision. */
      heldCents: z.number(),
      remainingCents: z.number(),
      proposals: z.array(proposalFunding),
    }),
  ),
  totals,
  researchOrganisations: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type CallFunding = z.infer<typeof callFunding>

export const myFunding = z.object({ callId: z.string(), titleIt: z.string(), titleEn: z.string(), items: z.array(proposalFunding) })
