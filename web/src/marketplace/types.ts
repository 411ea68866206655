import type { OrganisationType, SizeClass } from '../organisations/types'

// The marketplace's words come from the server's own list, so that the two cannot drift apart.
export {
  closeOutcomes,
  funnelStages,
  geographicScopes,
  interestStepKinds,
  kindsWithTrl,
  meetingStages,
  partnershipKinds,
  profileKinds,
  profileStatuses,
  type CloseOutcome,
  type FunnelStage,
  type GeographicScope,
  type InterestStepKind,
  type MeetingStage,
  type PartnershipKind,
  type ProfileKind,
  type ProfileStatus,
} from '../../../src/matchmaking/marketplace-terms'
import type { CloseOutcome, FunnelStage, GeographicScope, InterestStepKind, MeetingStage, PartnershipKind, ProfileKind, ProfileStatus } from '../../../src/matchmaking/marketplace-terms'

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
  steps: { step: InterestStepKind; occurredOn: string; meetingMode: 'physical' | 'virtual' | null; agreementType: PartnershipKind | null; valueCents: number | null; recordedAt: string }[]
  messages: { id: string; organisationId: string; organisationName: string; authorName: string | null; body: string; createdAt: string }[]
  canDecide: boolean
  canTakePart: boolean
}

export type Funnel = {
  stages: { stage: FunnelStage; count: number; conversion: number | null }[]
  profilesWithInterest: number
  declined: number
  agreementValueCents: number
  fundedProjects: number
  meetings: {
    events: number
    stages: { stage: MeetingStage; count: number; conversion: number | null }[]
    noFurtherContact: number
  }
}

export type Reason = { code: string; points: number; text: string }
export type OrganisationRecommendation = { organisation: OrganisationRef; districts: DistrictRef[]; score: number; reasons: Reason[] }
export type ProfileRecommendation = { profile: ProfileSummary; score: number; reasons: Reason[] }
export type Recommendations = { organisations: OrganisationRecommendation[]; profiles: ProfileRecommendation[] }
