import type { collaborationKinds } from '../call-terms.js'
import {
  eligibleCosts,
  FULL_INTENSITY_BP,
  isResearchOrganisation,
  isSme,
  type Partner,
  type Proposal,
  type SizeClass,
} from './model.js'

// Aid intensities of Article 25 of the General Block Exemption Regulation (Regulation (EU) No 651/2014),
// in basis points (10 000 = 100 %): paragraph 5 for the bases, paragraph 6 for the bonuses and the cap.
export const INDUSTRIAL_RESEARCH_BP = 5_000
export const EXPERIMENTAL_DEVELOPMENT_BP = 2_500
export const MEDIUM_BONUS_BP = 1_000
export const SMALL_BONUS_BP = 2_000
export const COLLABORATION_BONUS_BP = 1_500
export const MAXIMUM_BP = 8_000
/** Research organisations are funded at 100 % of their eligible costs unless the call says otherwise. */
export const DEFAULT_RESEARCH_ORGANISATION_BP = FULL_INTENSITY_BP

/** Basis points per cost type. */
export type Intensity = { industrialResearch: number; experimentalDevelopment: number }

/** Which conditions of art. 25(6)(b) hold; any one earns every undertaking the 15 points. */
export type CollaborationCondition = (typeof collaborationKinds)[number]

export type PartnerGrant = {
  name: string
  researchOrganisation: boolean
  intensity: Intensity
  /** Cents per cost type, each rounded down to the cent. */
  grants: { industrialResearch: number; experimentalDevelopment: number }
  /** Cents. */
  grant: number
}

export type GrantEstimate = { collaboration: CollaborationCondition[]; partners: PartnerGrant[]; total: number }

export type GrantOptions = { researchOrganisationIntensity?: number }

/**
 * Estimates the grant of each partner. Each amount is eligible cost × intensity rounded DOWN to the
 * cent, per partner and per cost type: rounding up could put a grant above the legal maximum intensity
 * by a fraction of a cent. The total is the sum of the partners' grants. `other` costs get nothing.
 */
export function estimateGrant(proposal: Proposal, options: GrantOptions = {}): GrantEstimate {
  const collaboration = collaborationConditions(proposal)
  const researchOrganisationBp = options.researchOrganisationIntensity ?? DEFAULT_RESEARCH_ORGANISATION_BP
  const partners = proposal.partners.map((partner): PartnerGrant => {
    const researchOrganisation = isResearchOrganisation(partner)
    const intensity = researchOrganisation
      ? { industrialResearch: researchOrganisationBp, experimentalDevelopment: researchOrganisationBp }
      : undertakingIntensity(sizeForBonus(partner), collaboration.length > 0)
    const grants = {
      industrialResearch: applyIntensity(partner.costs.industrialResearch, intensity.industrialResearch),
      experimentalDevelopment: applyIntensity(partner.costs.experimentalDevelopment, intensity.experimentalDevelopment),
    }
    return { name: partner.name, researchOrganisation, intensity, grants, grant: grants.industrialResearch + grants.experimentalDevelopment }
  })
  return { collaboration, partners, total: partners.reduce((total, partner) => total + partner.grant, 0) }
}

/** Art. 25(5)(b)-(c) and 25(6): base, plus the size bonus, plus the collaboration bonus, capped at 80 %. */
export function undertakingIntensity(size: SizeClass, collaborationBonus: boolean): Intensity {
  const bonus = sizeBonus(size) + (collaborationBonus ? COLLABORATION_BONUS_BP : 0)
  return {
    industrialResearch: Math.min(INDUSTRIAL_RESEARCH_BP + bonus, MAXIMUM_BP),
    experimentalDevelopment: Math.min(EXPERIMENTAL_DEVELOPMENT_BP + bonus, MAXIMUM_BP),
  }
}

function sizeBonus(size: SizeClass): number {
  switch (size) {
    case 'micro':
    case 'small':
      return SMALL_BONUS_BP
    case 'medium':
      return MEDIUM_BONUS_BP
    case 'large':
      return 0
  }
}

// The proposal file requires a size for undertakings; for a partner built without one, take the
// smallest bonus its type allows, so an estimate is never too generous.
function sizeForBonus(partner: Partner): SizeClass {
  if (partner.size) return partner.size
  return partner.type === 'startup' || partner.type === 'sme' ? 'medium' : 'large'
}

/**
 * Art. 25(6)(b). Shares are over the eligible costs of the whole project, research organisations
 * included. Only partners with eligible costs take part in the collaboration: one bearing nothing does not
 * make it "effective". Compared in integers (cost × 10 against total × 7), so 70 % and 10 % are exact.
 */
export function collaborationConditions(proposal: Proposal): CollaborationCondition[] {
  const conditions: CollaborationCondition[] = []
  const contributors = proposal.partners.filter((partner) => eligibleCosts(partner.costs) > 0)
  const undertakings = contributors.filter((partner) => !isResearchOrganisation(partner))
  const total = BigInt(contributors.reduce((sum, partner) => sum + eligibleCosts(partner.costs), 0))

  const noneAbove70 = undertakings.every((partner) => BigInt(eligibleCosts(partner.costs)) * 10n <= total * 7n)
  if (undertakings.length >= 2 && undertakings.some(isSme) && noneAbove70) conditions.push('smeCollaboration')

  const researchCosts = BigInt(
    contributors.filter(isResearchOrganisation).reduce((sum, partner) => sum + eligibleCosts(partner.costs), 0),
  )
  if (undertakings.length >= 1 && researchCosts > 0n && researchCosts * 10n >= total) {
    conditions.push('researchOrganisations')
  }

  if (proposal.wideDissemination) conditions.push('wideDissemination')
  return conditions
}

/** cents × bp / 10 000, rounded down; in BigInt because the product can pass 2^53. */
export function applyIntensity(cents: number, basisPoints: number): number {
  return Number((BigInt(cents) * BigInt(basisPoints)) / BigInt(FULL_INTENSITY_BP))
}
