export type CallPhase = 'draft' | 'upcoming' | 'open' | 'closed'
export type BudgetSource = 'national' | 'regional' | 'eu_structural' | 'private'

export type CallLine = {
  code: string
  titleIt: string
  titleEn: string
  budgetCents: number
  membersOnly: boolean
  nonMembersMustCommit: boolean
  clusterSlug: string | null
  clusterName?: string | null
}

export type CallRules = {
  trlStartMin?: number
  trlEndMin?: number
  researchShareMustExceedDevelopment?: boolean
  minPartners?: number
  minSmes?: number
  /** Basis points: 8000 = 80 %. */
  researchOrganisationIntensity?: number
}

export type Criterion = { code: string; nameIt: string; nameEn: string; weight: number; threshold: number }
export type FaqEntry = { questionIt: string; questionEn: string; answerIt: string; answerEn: string }
export type BudgetShare = { source: BudgetSource; year: number; amountCents: number }

export type Call = {
  id: string
  status: 'draft' | 'published'
  phase: CallPhase
  titleIt: string
  titleEn: string
  summaryIt: string
  summaryEn: string
  textIt: string
  textEn: string
  opensAt: string
  closesAt: string
  lines: CallLine[]
  totalBudgetCents: number
  budget: BudgetShare[]
  rules: CallRules
  priorities: string[]
  criteria: Criterion[]
  faq: FaqEntry[]
  clonedFrom: string | null
  publishedAt: string | null
  canManage: boolean
}

export type CallSummary = Pick<Call, 'id' | 'status' | 'phase' | 'titleIt' | 'titleEn' | 'summaryIt' | 'summaryEn' | 'opensAt' | 'closesAt' | 'totalBudgetCents'>

export type Costs = { industrialResearch: number; experimentalDevelopment: number; other: number }

export type ProposalPartner = {
  organisationId: string
  name: string
  lead: boolean
  type: 'startup' | 'sme' | 'large' | 'research' | 'university' | 'other'
  size: 'micro' | 'small' | 'medium' | 'large' | null
  member: boolean
  commitsToJoin: boolean
  confirmed: boolean
  canConfirm: boolean
  costs: Costs
}

export type Proposal = {
  id: string
  callId: string
  callTitleIt: string
  callTitleEn: string
  callClosesAt: string
  leadOrganisationId: string
  line: string
  title: string
  abstract: string
  taxonomyCode: string | null
  trlStart: number | null
  trlEnd: number | null
  wideDissemination: boolean
  partners: ProposalPartner[]
  currentVersion: number
  versions: { version: number; submittedAt: string; eligible: boolean }[]
  changedSinceSubmission: boolean
  canEdit: boolean
  updatedAt: string
}

export type ProposalSummary = {
  id: string
  callId: string
  callTitleIt: string
  callTitleEn: string
  title: string
  line: string
  leadName: string
  currentVersion: number
  awaitingMyConfirmation: boolean
}

export type Check = { rule: string; passed: boolean; message: string }
export type Eligibility = { eligible: boolean; checks: Check[] }

export type GrantEstimate = {
  collaboration: ('smeCollaboration' | 'researchOrganisations' | 'wideDissemination')[]
  partners: {
    organisationId: string
    name: string
    researchOrganisation: boolean
    intensity: { industrialResearch: number; experimentalDevelopment: number }
    grants: { industrialResearch: number; experimentalDevelopment: number }
    grant: number
  }[]
  total: number
}

export type ScreeningRow = {
  proposalId: string
  title: string
  line: string
  leadName: string
  version: number
  submittedAt: string
  eligible: boolean
  failedChecks: Check[]
  override: { eligible: boolean; reason: string; at: string } | null
  status: 'eligible' | 'ineligible'
}
