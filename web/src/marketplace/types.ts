import type { z } from 'zod'
import type * as api from '../../../src/matchmaking/matchmaking.schema'

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

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type OrganisationRef = z.infer<typeof api.organisationRef>
export type DistrictRef = z.infer<typeof api.districtRef>
export type ProfileSummary = z.infer<typeof api.profileSummary>
export type ProfileDetail = z.infer<typeof api.profileDetail>
export type ProfilePage = z.infer<typeof api.profilePage>
export type Duplicate = z.infer<typeof api.duplicate>
export type InterestSummary = z.infer<typeof api.interestSummary>
export type InterestDetail = z.infer<typeof api.interestDetail>
export type Funnel = z.infer<typeof api.funnelResponse>
export type Reason = z.infer<typeof api.reason>
export type Recommendations = z.infer<typeof api.recommendationsResponse>
export type OrganisationRecommendation = Recommendations['organisations'][number]
export type ProfileRecommendation = Recommendations['profiles'][number]
