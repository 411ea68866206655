import { translate, type Locale } from '../../platform/i18n.js'
import type { ProfileKind } from '../marketplace-terms.js'
import { isRequest, type Reason } from './score.js'

export type ExplainedReason = { code: Reason['code']; points: number; text: string }

/** The names a reason's text needs, in both languages, looked up by the caller. */
export type Names = {
  taxonomy: ReadonlyMap<string, { it: string; en: string }>
  districts: ReadonlyMap<string, { it: string; en: string }>
  regions: ReadonlyMap<string, { it: string; en: string }>
}

const list = (items: readonly string[]): string => items.join(', ')

/** A reason in the reader's language. */
export function explainReason(locale: Locale, seekerKind: ProfileKind, reason: Reason, names: Names): ExplainedReason {
  const name = (map: Names['taxonomy'], key: string): string => map.get(key)?.[locale] ?? key
  const text = ((): string => {
    const { detail } = reason
    switch (reason.code) {
      case 'taxonomy':
        return detail.codes && detail.codes.length > 0
          ? translate(locale, 'reason.taxonomy', { labels: list(detail.codes.map((code) => name(names.taxonomy, code))) })
          : translate(locale, 'reason.taxonomy_related')
      case 'terms':
        return translate(locale, 'reason.terms', { terms: list(detail.terms ?? []) })
      case 'role':
        return translate(locale, `reason.role.${detail.role ?? 'research_partner'}`)
      case 'trl': {
        const trl = detail.trl ?? { source: 0, candidate: 0 }
        const [needed, offered] = isRequest(seekerKind) ? [trl.source, trl.candidate] : [trl.candidate, trl.source]
        return translate(locale, 'reason.trl', { offered, needed })
      }
      case 'collaboration':
        return translate(locale, 'reason.collaboration', { count: detail.count ?? 0 })
      case 'shared_partners':
        return translate(locale, 'reason.shared_partners', { count: detail.count ?? 0 })
      case 'proximity':
        return detail.region
          ? translate(locale, 'reason.proximity_region', { region: name(names.regions, detail.region) })
          : translate(locale, 'reason.proximity_country')
      case 'other_district':
        return translate(locale, 'reason.other_district', { districts: list((detail.districtIds ?? []).map((id) => name(names.districts, id))) })
    }
  })()
  return { code: reason.code, points: reason.points, text }
}
