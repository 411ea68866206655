import type { OrganisationType, SizeClass } from '../organisations/types'

export const profileKinds = [
  'technology_offer',
  'technology_request',
  'business_offer',
  'business_request',
  'rd_partner_request',
  'finance_request',
  'finance_offer',
] as const
export type ProfileKind = (typeof profileKinds)[number]

export const profileStatuses = ['draft', 'submitted', 'returned', 'published', 'expired', 'closed'] as const
export type ProfileStatus = (typeof profileStatuses)[number]

export const partnershipKinds = [
  'licence',
  'joint_venture',
  'subcontracting',
  'research_cooperation',
  'technical_cooperation',
  'commercial_agreement',
  'financing',
] as const
export type PartnershipKind = (typeof partnershipKinds)[number]

export const geographicScopes = ['regional', 'national', 'european', 'international'] as const
export type GeographicScope = (typeof geographicScopes)[number]

export const closeOutcomes = ['partner_found', 'no_partner', 'withdrawn'] as const
export type CloseOutcome = (typeof closeOutcomes)[number]

export const stepKinds = ['interest', 'accepted', 'declined', 'meeting', 'agreement', 'no_agreement'] as const
export type StepKind = (typeof stepKinds)[number]

export const funnelStages = ['profile', 'interest', 'contact', 'meeting', 'agreement', 'project'] as const
export const meetingFunnelStages = ['requested', 'accepted', 'scheduled', 'held', 'contact_planned', 'negotiation', 'agreement'] as const

/** TRL applies to technology and research profiles only (the server refuses it elsewhere). */
export const kindsWithTrl: readonly ProfileKind[] = ['technology_offer', 'technology_request', 'rd_partner_request']

export type OrganisationRef = { id: string; name: string; type: OrganisationType; sizeClass: SizeClass | null; city: string | null; nuts2: string | null }
export type DistrictRef = { id: string; slug: string; nameIt: string; nameEn: string }

export type ProfileSummary = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  language: 'it' | 'en'
  title: string
  summary: string
  organisation: OrganisationRef
  district: DistrictRef
  taxonomy: string[]
  trl: number | null
  expiresOn: string
  publishedAt: string | null
  submittedAt: string | null
  updatedAt: string
}

export type ProfileDetail = ProfileSummary & {
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  partnershipKinds: PartnershipKind[]
  targetOrganisationTypes: OrganisationType[]
  geographicScope: GeographicScope
  reviewComment: string | null
  reviewedAt: string | null
  closedAt: string | null
  closeOutcome: CloseOutcome | null
  createdAt: string
  canEdit: boolean
  canReview: boolean
}

/**
 * `totalExact` is false when there are more matches than the server counts: `total` is then a lower bound.
 * `correction`: the query with its misspelt words corrected, when its matches were added.
 */
export type ProfilePage = {
  items: ProfileSummary[]
  total: number
  totalExact: boolean
  page: number
  pageSize: number
  expandedTerms: string[]
  correction: string | null
}
export type Duplicate = { id: string; title: string; status: ProfileStatus; similarity: number }

export type InterestSummary = {
  id: string
  status: 'pending' | 'accepted' | 'declined'
  message: string
  createdAt: string
  decidedAt: string | null
  profile: { id: string; title: string; kind: ProfileKind; organisation: OrganisationRef }
  organisation: OrganisationRef
  direction: 'received' | 'sent'
}

export type InterestDetail = InterestSummary & {
  steps: { step: StepKind; occurredOn: string; meetingMode: 'physical' | 'virtual' | null; agreementType: PartnershipKind | null; valueCents: number | null; recordedAt: string }[]
  messages: { id: string; organisationId: string; organisationName: string; authorName: string | null; body: string; createdAt: string }[]
  canDecide: boolean
  canTakePart: boolean
}

export type Funnel = {
  stages: { stage: (typeof funnelStages)[number]; count: number; conversion: number | null }[]
  profilesWithInterest: number
  declined: number
  agreementValueCents: number
  fundedProjects: number
  meetings: {
    events: number
    stages: { stage: (typeof meetingFunnelStages)[number]; count: number; conversion: number | null }[]
    noFurtherContact: number
  }
}

export type Reason = { code: string; points: number; text: string }
export type OrganisationRecommendation = { organisation: OrganisationRef; districts: DistrictRef[]; score: number; reasons: Reason[] }
export type ProfileRecommendation = { profile: ProfileSummary; score: number; reasons: Reason[] }
export type Recommendations = { organisations: OrganisationRecommendation[]; profiles: ProfileRecommendation[] }
