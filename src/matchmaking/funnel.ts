import type { RequestStatus } from '../events/brokerage/brokerage.tables.js'
import type { FollowUp } from '../events/event-terms.js'
import { heldState, partnershipStage, type StatsMeeting } from '../events/brokerage/stats.js'
import { funnelStages, meetingStages, type FunnelStage, type InterestStepKind, type MeetingStage } from './marketplace-terms.js'

export type FunnelInput = {
  /** Published profiles (ever published, whatever their status today). */
  profiles: readonly { id: string }[]
  interests: readonly {
    id: string
    profileId: string
    steps: readonly { step: InterestStepKind; valueCents?: number | null }[]
    /**
     * The profile's organisation and the interested one are together (lead or partner) in a proposal submitted
     * after the interest was created; `funded` when such a proposal was granted.
     */
    jointProject?: boolean
    funded?: boolean
  }[]
}

export type StageCount<S extends string> = { stage: S; count: number; conversion: number | null }

export type Funnel = {
  stages: StageCount<FunnelStage>[]
  profilesWithInterest: number
  declined: number
  agreementValueCents: number
  /** Interests whose joint project was granted funding. */
  fundedProjects: number
}

export type MeetingFunnelInput = {
  /** Brokerage events in scope. */
  events: number
  requests: readonly { status: RequestStatus }[]
  /** Live (not cancelled) meetings, with what each side reported right after the meeting and six months on. */
  meetings: readonly Pick<StatsMeeting, 'published' | 'aHeld' | 'bHeld' | 'aFollowUp' | 'bFollowUp' | 'aLaterFollowUp' | 'bLaterFollowUp'>[]
}

export type MeetingFunnel = {
  events: number
  stages: StageCount<MeetingStage>[]
  /** Published meetings whose furthest follow-up (either side, either time) is 'no further contact'. */
  noFurtherContact: number
}

const stageOfStep: Partial<Record<InterestStepKind, FunnelStage>> = {
  interest: 'interest',
  accepted: 'contact',
  meeting: 'meeting',
  agreement: 'agreement',
}

// No share of an empty stage: "0 %" would say that none went on, when none arrived.
const ratio = (count: number, previous: number): number | null => (previous === 0 ? null : Math.round((count / previous) * 1000) / 1000)

/** Each stage with its share of the previous one (none for the first, nor after an empty stage). */
function withConversions<S extends string>(stages: readonly S[], counts: readonly number[]): StageCount<S>[] {
  return stages.map((stage, index) => {
    const count = counts[index] ?? 0
    return { stage, count, conversion: index === 0 ? null : ratio(count, counts[index - 1] ?? 0) }
  })
}

/**
 * Counts how far each expression of interest went. A later step implies the earlier ones (an agreement
 * recorded without its meeting still went through a contact and a meeting, a joint project without a
 * recorded agreement still went through all of them); `conversion` is the share of the previous stage that
 * reached this one. Profiles count once; interests count per interest.
 */
export function computeFunnel(input: FunnelInput): Funnel {
  const profileIds = new Set(input.profiles.map((profile) => profile.id))
  const reached = { interest: 0, contact: 0, meeting: 0, agreement: 0, project: 0 }
  const profilesWithInterest = new Set<string>()
  let declined = 0
  let agreementValueCents = 0
  let fundedProjects = 0
  for (const interest of input.interests) {
    if (!profileIds.has(interest.profileId)) continue
    profilesWithInterest.add(interest.profileId)
    let furthest = funnelStages.indexOf('interest')
    for (const step of interest.steps) {
      const stage = stageOfStep[step.step]
      if (stage) furthest = Math.max(furthest, funnelStages.indexOf(stage))
      if (step.step === 'declined') declined += 1
      if (step.step === 'agreement') agreementValueCents += step.valueCents ?? 0
    }
    if (interest.jointProject) {
      furthest = funnelStages.indexOf('project')
      if (interest.funded) fundedProjects += 1
    }
    for (const stage of ['interest', 'contact', 'meeting', 'agreement', 'project'] as const) {
      if (funnelStages.indexOf(stage) <= furthest) reached[stage] += 1
    }
  }
  return {
    stages: withConversions(funnelStages, [profileIds.size, reached.interest, reached.contact, reached.meeting, reached.agreement, reached.project]),
    profilesWithInterest: profilesWithInterest.size,
    declined,
    agreementValueCents,
    fundedProjects,
  }
}

const followUpStages: readonly FollowUp[] = ['none', 'contact_planned', 'negotiation', 'agreement']

/**
 * The meetings block of the funnel: requests sent and accepted, meetings published on the agenda, held (a
 * side says so), and how far each published meeting went afterwards, by the furthest follow-up either side
 * reported right after the meeting or six months on (`partnershipStage`). Follow-up stages are cumulative: a
 * meeting that ended in an agreement also counts under negotiation and further contact.
 */
export function computeMeetingFunnel(input: MeetingFunnelInput): MeetingFunnel {
  const accepted = input.requests.filter((request) => request.status === 'accepted').length
  const published = input.meetings.filter((meeting) => meeting.published)
  const held = published.filter((meeting) => heldState(meeting) === 'held').length
  const furthest = published.map((meeting) => followUpStages.indexOf(partnershipStage(meeting) ?? 'none'))
  const atLeast = (stage: FollowUp): number => furthest.filter((index) => index >= followUpStages.indexOf(stage)).length
  return {
    events: input.events,
    stages: withConversions(meetingStages, [input.requests.length, accepted, published.length, held, atLeast('contact_planned'), atLeast('negotiation'), atLeast('agreement')]),
    noFurtherContact: published.filter((meeting) => partnershipStage(meeting) === 'none').length,
  }
}
