// The domain of a funding call and of one proposal to it. Money is integer EUR cents; aid
// intensities are integer basis points (1 bp = 0.01 %, so 10 000 bp = 100 %), which keeps every
// percentage the rules use (50 %, 25 %, +10, +20, +15, the 80 % cap, 0.8 for research organisations) exact.

import type { partnerSizeClasses, partnerTypes } from '../call-terms.js'

export type PartnerType = (typeof partnerTypes)[number]
export type SizeClass = (typeof partnerSizeClasses)[number]

export type Costs = { industrialResearch: number; experimentalDevelopment: number; other: number }

export type Partner = {
  name: string
  type: PartnerType
  /** Required for undertakings; research organisations may omit it. */
  size?: SizeClass
  /** ISO 3166-1 alpha-2, e.g. "IT". */
  country: string
  member: boolean
  commitsToJoin: boolean
  costs: Costs
}

export type Proposal = {
  line: string
  trlStart: number
  trlEnd: number
  wideDissemination: boolean
  partners: Partner[]
}

export type CallLine = { code: string; budget: number; membersOnly: boolean; nonMembersMustCommit: boolean }

/** Every rule is optional: an absent rule does not apply. */
export type CallRules = {
  trlStartMin?: number
  trlEndMin?: number
  researchShareMustExceedDevelopment?: boolean
  minPartners?: number
  minSmes?: number
  /** Basis points. */
  researchOrganisationIntensity?: number
}

export type Call = { lines: CallLine[]; rules: CallRules }

export const FULL_INTENSITY_BP = 10_000

export function isResearchOrganisation(partner: Pick<Partner, 'type'>): boolean {
  return partner.type === 'research' || partner.type === 'university'
}

/** Start-ups count as SMEs; so does any undertaking of micro, small or medium size. */
export function isSme(partner: Pick<Partner, 'type' | 'size'>): boolean {
  if (isResearchOrganisation(partner)) return false
  return (
    partner.type === 'startup' ||
    partner.type === 'sme' ||
    partner.size === 'micro' ||
    partner.size === 'small' ||
    partner.size === 'medium'
  )
}

/** Only industrial research and experimental development are eligible; `other` (e.g. production) never is. */
export function eligibleCosts(costs: Costs): number {
  return costs.industrialResearch + costs.experimentalDevelopment
}
