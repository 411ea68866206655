import type { Criterion } from './types'

// The evaluation's answers, as the server sends them (src/calls/evaluation/evaluation.schema.ts).

export type AssignmentRow = {
  evaluatorId: string
  evaluatorName: string
  status: 'active' | 'declined'
  matchedCodes: string[]
  loadAtAssignment: number
  currentLoad: number
  assignedAt: string
  reportSubmitted: boolean
  rapporteur: boolean
  conflictReason: string | null
}

export type EvaluationOverview = {
  callId: string
  phase: 'draft' | 'upcoming' | 'open' | 'closed'
  evaluatorsPerProposal: number
  overallThreshold: number | null
  evaluatorCount: number
  proposals: { proposalId: string; title: string; line: string; leadName: string; taxonomyCode: string | null; assignments: AssignmentRow[]; consensusSubmitted: boolean }[]
}

export type ScoreRow = { criterion: string; score: number; comment: string }

export type EvaluationDetail = {
  proposalId: string
  callId: string
  callTitleIt: string
  callTitleEn: string
  version: number
  title: string
  abstract: string
  line: string
  taxonomyCode: string | null
  trlStart: number | null
  trlEnd: number | null
  partners: { name: string; type: string; lead: boolean; costsCents: number }[]
  grantCents: number
  criteria: Criterion[]
  myReport: { scores: ScoreRow[]; submittedAt: string } | null
  canReport: boolean
  rapporteur: { evaluatorId: string; name: string } | null
  isRapporteur: boolean
  reports: { evaluatorName: string; scores: ScoreRow[]; submittedAt: string }[]
  reportsExpected: number
  consensus: { scores: ScoreRow[]; comment: string; submittedAt: string; weightedTotal: number } | null
  canWriteConsensus: boolean
}

export type MyEvaluation = {
  proposalId: string
  callId: string
  callTitleIt: string
  callTitleEn: string
  title: string
  line: string
  status: 'active' | 'declined'
  reportSubmitted: boolean
  rapporteur: boolean
  consensusSubmitted: boolean
  matchedCodes: string[]
}

export type RankingStatus = 'funded' | 'reserve' | 'below_threshold' | 'pending'

export type RankingResult = {
  callId: string
  criteria: Criterion[]
  overallThreshold: number | null
  lines: {
    code: string
    titleIt: string
    titleEn: string
    initialBudgetCents: number
    budgetCents: number
    fundedCents: number
    unspentCents: number
    proposals: {
      proposalId: string
      title: string
      leadName: string
      rank: number | null
      status: RankingStatus
      weightedTotal: number | null
      scores: Record<string, number>
      failedCriteria: string[]
      failsOverall: boolean
      grantCents: number
      smes: number
      researchOrganisations: number
    }[]
  }[]
  moves: { id: string; fromLine: string; toLine: string; amountCents: number; reason: string; movedAt: string; movedBy: string | null }[]
}

export type IndicatorValues = {
  submittedProjects: number
  financedProjects: number
  enterprisesInvolved: number
  totalInvestmentCents: number
  publicGrantCents: number
  researchContracts: number
  researchContractsCents: number
  researchOrganisationsInvolved: number
}

export type Indicators = { callId: string; lines: (IndicatorValues & { code: string; titleIt: string; titleEn: string })[]; total: IndicatorValues }

export type EvaluatorSummary = {
  id: string
  fullName: string
  email: string
  organisationId: string | null
  organisationName: string | null
  expertise: string[]
}
