import type { OrganisationType } from '../platform/database.js'
import { classifySme, type SizeClass } from './sme.js'

const notEnterprises: readonly OrganisationType[] = ['research_organisation', 'university', 'public_body']

/**
 * The EU classification from the figures; a large company that gives no figures is still large.
 * Research organisations, universities and public bodies are not enterprises and get no size class.
 */
export function sizeClassOf(
  type: OrganisationType,
  figures: { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null },
): SizeClass | null {
  if (notEnterprises.includes(type)) return null
  const size = classifySme(figures).size
  if (size) return size
  return type === 'large_company' ? 'large' : null
}

