// The answers of /api/calls/:id/funding, /api/calls/:id/funding/mine and /api/proposals/:id/funding.

export type RankingStatus = 'funded' | 'reserve' | 'below_threshold' | 'pending'
export type Outcome = 'granted' | 'not_granted' | 'withdrawn'
export type PaymentKind = 'advance' | 'interim' | 'balance'
export type VerifierKind = 'expert' | 'credit_institution'

export type PartnerStatus = {
  organisationId: string
  name: string
  researchOrganisation: boolean
  estimateCents: number
  grantCents: number
  reductionReason: string | null
  paidCents: number
  remainingCents: number
  balancePaid: boolean
}

export type Contract = {
  id: string
  partnerOrganisationId: string
  partnerName: string
  researchOrganisationId: string
  researchOrganisationName: string
  subject: string
  valueCents: number
  signedOn: string
}

export type Payment = {
  id: string
  organisationId: string
  partnerName: string
  kind: PaymentKind
  amountCents: number
  paidOn: string
  verifierKind: VerifierKind
  verifiedBy: string
}

export type Decision = {
  outcome: Outcome
  rankingStatus: Exclude<RankingStatus, 'pending'>
  reservePromoted: boolean
  decidedOn: string
  actReference: string
  reason: string | null
  withdrawnOn: string | null
  withdrawalReason: string | null
  grantCents: number
  paidCents: number
  remainingCents: number
  partners: PartnerStatus[]
  contracts: Contract[]
  payments: Payment[]
}

export type ProposalFunding = {
  proposalId: string
  title: string
  leadName: string
  line: string
  rank: number | null
  rankingStatus: RankingStatus
  estimateCents: number
  estimates: { organisationId: string; name: string; researchOrganisation: boolean; estimateCents: number }[]
  decision: Decision | null
}

export type FundingLine = {
  code: string
  titleIt: string
  titleEn: string
  budgetCents: number
  grantedCents: number
  heldCents: number
  remainingCents: number
  proposals: ProposalFunding[]
}

export type CallFunding = {
  callId: string
  titleIt: string
  titleEn: string
  lines: FundingLine[]
  totals: { grantedCents: number; paidCents: number; contracts: number; contractsCents: number }
  researchOrganisations: { id: string; name: string }[]
}

export type MyFunding = { callId: string; titleIt: string; titleEn: string; items: ProposalFunding[] }
