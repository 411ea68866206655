import type { OrganisationType } from '../platform/database.js'
import { classifySme, type SizeClass } from './sme.js'

/** The EU classification from the figures; a large company that gives no figures is still large. */
export function sizeClassOf(
  type: OrganisationType,
  figures: { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null },
): SizeClass | null {
  const size = classifySme(figures).size
  if (size) return size
  return type === 'large_company' ? 'large' : null
}

