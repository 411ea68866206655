// The marketplace's words, as the API writes them. The web app imports this file too (web/src/marketplace/types.ts),
// so it must stay plain constants: no imports, no server code.

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

/** TRL says how mature a technology is: it applies to technology and research profiles only. */
export const kindsWithTrl: readonly ProfileKind[] = ['technology_offer', 'technology_request', 'rd_partner_request']

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

export const interestStepKinds = ['interest', 'accepted', 'declined', 'meeting', 'agreement', 'no_agreement'] as const
export type InterestStepKind = (typeof interestStepKinds)[number]

/** The stages a partnership goes through on the marketplace, in order. */
export const funnelStages = ['profile', 'interest', 'contact', 'meeting', 'agreement', 'project'] as const
export type FunnelStage = (typeof funnelStages)[number]

/** The stages of a meeting at a brokerage event, in order: the last three are the follow-ups the parties report. */
export const meetingStages = ['requested', 'accepted', 'scheduled', 'held', 'contact_planned', 'negotiation', 'agreement'] as const
export type MeetingStage = (typeof meetingStages)[number]
