import type { OrganisationType } from '../organisations/types'
import { kindsWithTrl, type GeographicScope, type PartnershipKind, type ProfileDetail, type ProfileKind } from './types'

/** What the form holds: text as typed, lists as chosen. */
export type ProfileFormState = {
  organisationId: string
  kind: ProfileKind
  districtSlug: string
  language: 'it' | 'en'
  title: string
  summary: string
  descriptionIt: string
  descriptionEn: string
  keywords: string
  taxonomy: string[]
  trl: string
  partnershipKinds: PartnershipKind[]
  targetOrganisationTypes: OrganisationType[]
  geographicScope: GeographicScope
  expiresOn: string
}

export type ProfileInput = {
  organisationId?: string
  kind: ProfileKind
  districtSlug: string
  language: 'it' | 'en'
  title: string
  summary: string
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  taxonomy: string[]
  trl: number | null
  partnershipKinds: PartnershipKind[]
  targetOrganisationTypes: OrganisationType[]
  geographicScope: GeographicScope
  expiresOn: string
}

/** Six months from `today` ("YYYY-MM-DD"): the usual life of a partnering profile. */
export function defaultExpiry(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1 + 6, day)).toISOString().slice(0, 10)
}

export function emptyProfileForm(options: { organisationId: string; districtSlug: string; language: 'it' | 'en'; today: string }): ProfileFormState {
  return {
    organisationId: options.organisationId,
    kind: 'technology_request',
    districtSlug: options.districtSlug,
    language: options.language,
    title: '',
    summary: '',
    descriptionIt: '',
    descriptionEn: '',
    keywords: '',
    taxonomy: [],
    trl: '',
    partnershipKinds: [],
    targetOrganisationTypes: [],
    geographicScope: 'international',
    expiresOn: defaultExpiry(options.today),
  }
}

export function formFromProfile(profile: ProfileDetail): ProfileFormState {
  return {
    organisationId: profile.organisation.id,
    kind: profile.kind,
    districtSlug: profile.district.slug,
    language: profile.language,
    title: profile.title,
    summary: profile.summary,
    descriptionIt: profile.descriptionIt,
    descriptionEn: profile.descriptionEn,
    keywords: profile.keywords.join(', '),
    taxonomy: profile.taxonomy,
    trl: profile.trl === null ? '' : String(profile.trl),
    partnershipKinds: profile.partnershipKinds,
    targetOrganisationTypes: profile.targetOrganisationTypes,
    geographicScope: profile.geographicScope,
    expiresOn: profile.expiresOn,
  }
}

/** The request body: keywords split on commas, TRL only where it applies. */
export function inputFromForm(form: ProfileFormState, options: { includeOrganisation: boolean }): ProfileInput {
  const trl = kindsWithTrl.includes(form.kind) && /^[1-9]$/.test(form.trl) ? Number(form.trl) : null
  const input: ProfileInput = {
    kind: form.kind,
    districtSlug: form.districtSlug,
    language: form.language,
    title: form.title.trim(),
    summary: form.summary.trim(),
    descriptionIt: form.descriptionIt.trim(),
    descriptionEn: form.descriptionEn.trim(),
    keywords: [...new Set(form.keywords.split(',').map((keyword) => keyword.trim()).filter(Boolean))],
    taxonomy: form.taxonomy,
    trl,
    partnershipKinds: form.partnershipKinds,
    targetOrganisationTypes: form.targetOrganisationTypes,
    geographicScope: form.geographicScope,
    expiresOn: form.expiresOn,
  }
  return options.includeOrganisation ? { organisationId: form.organisationId, ...input } : input
}

export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((item) => item !== value)
}
