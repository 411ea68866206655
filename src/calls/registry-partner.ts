import type { OrganisationType } from '../platform/database.js'
import type { PartnerType, SizeClass } from './rules/model.js'

/**
 * The rules' partner type from the registry's organisation type. A generic company is large when the
 * registry says so and an SME otherwise; financial operators and public bodies are "other" undertakings.
 */
export function partnerTypeOf(type: OrganisationType, size: SizeClass | null): PartnerType {
  switch (type) {
    case 'startup':
    case 'sme':
    case 'university':
      return type
    case 'large_company':
      return 'large'
    case 'company':
      return size === 'large' ? 'large' : size === null ? 'other' : 'sme'
    case 'research_organisation':
      return 'research'
    case 'financial_operator':
    case 'public_body':
    case 'other':
      return 'other'
  }
}

/** A large company is large whatever the registry's figures say; otherwise the registry's EU size class. */
export function partnerSizeOf(type: PartnerType, size: SizeClass | null): SizeClass | undefined {
  if (type === 'large') return 'large'
  if (type === 'research' || type === 'university') return undefined
  return size ?? undefined
}
