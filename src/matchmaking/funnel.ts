import type { InterestStepKind } from './matchmaking.tables.js'

/** The stages a partnership goes through on the marketplace, in order. */
export const funnelStages = ['profile', 'interest', 'contact', 'meeting', 'agreement'] as const
export type FunnelStage = (typeof funnelStages)[number]

export type FunnelInput = {
  /** Published profiles (ever published, whatever their status today). */
  profiles: readonly { id: string }[]
  interests: readonly {
    id: string
    profileId: string
    steps: readonly { step: InterestStepKind; valueCents?: number | null }[]
  }[]
}

export type Funnel = {
  stages: { stage: FunnelStage; count: number; conversion: number | null }[]
  profilesWithInterest: number
  declined: number
  agreementValueCents: number
}

const stageOfStep: Partial<Record<InterestStepKind, FunnelStage>> = {
  interest: 'interest',
  accepted: 'contact',
  meeting: 'meeting',
  agreement: 'agreement',
}

/**
 * Counts how far each expression of interest went. A later step implies the earlier ones (an agreement
 * recorded without its meeting still went through a contact and a meeting); `conversion` is the share
 * of the previous stage that reached this one. Profiles count once; interests count per interest.
 */
export function computeFunnel(input: FunnelInput): Funnel {
  const profileIds = new Set(input.profiles.map((profile) => profile.id))
  const reached = { interest: 0, contact: 0, meeting: 0, agreement: 0 }
  const profilesWithInterest = new Set<string>()
  let declined = 0
  let agreementValueCents = 0
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
    for (const stage of ['interest', 'contact', 'meeting', 'agreement'] as const) {
      if (funnelStages.indexOf(stage) <= furthest) reached[stage] += 1
    }
  }
  const counts = [profileIds.size, reached.interest, reached.contact, reached.meeting, reached.agreement]
  return {
    stages: funnelStages.map((stage, index) => {
      const previous = index === 0 ? null : (counts[index - 1] as number)
      const count = counts[index] as number
      return { stage, count, conversion: previous === null ? null : previous === 0 ? 0 : Math.round((count / previous) * 1000) / 1000 }
    }),
    profilesWithInterest: profilesWithInterest.size,
    declined,
    agreementValueCents,
  }
}
