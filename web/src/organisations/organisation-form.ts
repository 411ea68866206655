import { centsToEuroInput, parseEurosToCents } from '../platform/format'
import type { Language } from '../platform/i18n'
import type { ContactInput, Organisation, OrganisationInput, OrganisationType } from './types'

export type ContactState = { key: string; fullName: string; roleTitle: string; email: string; phone: string }

/** What the form holds: text as typed, so that "1.200" or "2,5" can be read in the user's language on submit. */
export type FormState = {
  legalName: string
  shortName: string
  type: OrganisationType | ''
  headcount: string
  turnover: string
  balanceSheet: string
  vatNumber: string
  fiscalCode: string
  country: string
  street: string
  postcode: string
  city: string
  provinceCode: string
  website: string
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  competences: string[]
  foundedYear: string
  contacts: ContactState[]
}

/** A typed value the browser can read before asking the server (numbers); everything else the server judges. */
export type ClientProblem = { field: keyof OrganisationInput; problem: 'wholeNumber' | 'amount' | 'year' }

let contactKeys = 0
export const newContact = (contact?: Partial<ContactInput>): ContactState => ({
  key: `contact-${++contactKeys}`,
  fullName: contact?.fullName ?? '',
  roleTitle: contact?.roleTitle ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
})

export const emptyForm = (): FormState => ({
  legalName: '',
  shortName: '',
  type: '',
  headcount: '',
  turnover: '',
  balanceSheet: '',
  vatNumber: '',
  fiscalCode: '',
  country: 'IT',
  street: '',
  postcode: '',
  city: '',
  provinceCode: '',
  website: '',
  descriptionIt: '',
  descriptionEn: '',
  keywords: [],
  competences: [],
  foundedYear: '',
  contacts: [],
})

export function formFromOrganisation(organisation: Organisation, language: Language): FormState {
  return {
    legalName: organisation.legalName,
    shortName: organisation.shortName ?? '',
    type: organisation.type,
    headcount: organisation.headcount === null ? '' : String(organisation.headcount),
    turnover: centsToEuroInput(language, organisation.turnoverCents),
    balanceSheet: centsToEuroInput(language, organisation.balanceSheetCents),
    vatNumber: organisation.vatNumber ?? '',
    fiscalCode: organisation.fiscalCode ?? '',
    country: organisation.country,
    street: organisation.street ?? '',
    postcode: organisation.postcode ?? '',
    city: organisation.city ?? '',
    provinceCode: organisation.provinceCode ?? '',
    website: organisation.website ?? '',
    descriptionIt: organisation.descriptionIt,
    descriptionEn: organisation.descriptionEn,
    keywords: [...organisation.keywords],
    competences: [...organisation.competences],
    foundedYear: organisation.foundedYear === null ? '' : String(organisation.foundedYear),
    contacts: organisation.contacts.map((contact) => newContact(contact)),
  }
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/** Reads a count typed with or without thousands separators ("1.200", "1,200", "1 200"). */
export function parseWholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0.,']/g, '')
  if (compact === '') return null
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN
}

export type FormReading = { ok: true; input: OrganisationInput } | { ok: false; problem: ClientProblem }

export function readForm(state: FormState, language: Language): FormReading {
  const headcount = parseWholeNumber(state.headcount)
  if (Number.isNaN(headcount)) return { ok: false, problem: { field: 'headcount', problem: 'wholeNumber' } }
  const turnoverCents = parseEurosToCents(language, state.turnover)
  if (Number.isNaN(turnoverCents)) return { ok: false, problem: { field: 'turnoverCents', problem: 'amount' } }
  const balanceSheetCents = parseEurosToCents(language, state.balanceSheet)
  if (Number.isNaN(balanceSheetCents)) return { ok: false, problem: { field: 'balanceSheetCents', problem: 'amount' } }
  const foundedYear = state.foundedYear.trim() === '' ? null : Number(state.foundedYear.trim())
  if (foundedYear !== null && !Number.isInteger(foundedYear)) return { ok: false, problem: { field: 'foundedYear', problem: 'year' } }
  const country = state.country.trim().toUpperCase() || 'IT'
  return {
    ok: true,
    input: {
      legalName: state.legalName.trim(),
      shortName: optional(state.shortName),
      type: state.type as OrganisationType,
      headcount,
      turnoverCents,
      balanceSheetCents,
      vatNumber: optional(state.vatNumber.replace(/\s/g, '')),
      fiscalCode: optional(state.fiscalCode.replace(/\s/g, '').toUpperCase()),
      country,
      street: optional(state.street),
      postcode: optional(state.postcode),
      city: optional(state.city),
      provinceCode: country === 'IT' ? optional(state.provinceCode) : null,
      website: optional(state.website),
      descriptionIt: state.descriptionIt.trim(),
      descriptionEn: state.descriptionEn.trim(),
      keywords: state.keywords,
      competences: state.competences,
      foundedYear,
      contacts: state.contacts.map((contact) => ({
          fullName: contact.fullName.trim(),
          roleTitle: optional(contact.roleTitle),
          email: optional(contact.email),
          phone: optional(contact.phone),
        })),
    },
  }
}

const isBlank = (contact: ContactState): boolean =>
  [contact.fullName, contact.roleTitle, contact.email, contact.phone].every((text) => text.trim() === '')

/** Drops contact rows left empty, before reading the form, so that the server's "contacts.2.email" names the row shown third. */
export function withoutBlankContacts(state: FormState): FormState {
  return state.contacts.some(isBlank) ? { ...state, contacts: state.contacts.filter((contact) => !isBlank(contact)) } : state
}

/** The fields that differ from the saved profile: PATCH sends only these, so it never overwrites others' changes. */
export function changedFields(before: OrganisationInput, after: OrganisationInput): Partial<OrganisationInput> {
  const changes: Partial<Record<keyof OrganisationInput, unknown>> = {}
  for (const key of Object.keys(after) as (keyof OrganisationInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key]
  }
  return changes as Partial<OrganisationInput>
}

/** Splits typed keywords on commas and semicolons, dropping blanks and those already present (ignoring case). */
export function addKeywords(current: string[], typed: string): string[] {
  const seen = new Set(current.map((keyword) => keyword.toLowerCase()))
  const next = [...current]
  for (const part of typed.split(/[,;]/)) {
    const keyword = part.trim().replace(/\s+/g, ' ')
    if (keyword === '' || seen.has(keyword.toLowerCase())) continue
    seen.add(keyword.toLowerCase())
    next.push(keyword)
  }
  return next
}

/** The query of the live SME preview, or null while no figure is readable. */
export function sizePreviewQuery(state: FormState, language: Language): string | null {
  const headcount = parseWholeNumber(state.headcount)
  const turnoverCents = parseEurosToCents(language, state.turnover)
  const balanceSheetCents = parseEurosToCents(language, state.balanceSheet)
  const params = new URLSearchParams()
  if (headcount !== null && !Number.isNaN(headcount)) params.set('headcount', String(headcount))
  if (turnoverCents !== null && !Number.isNaN(turnoverCents)) params.set('turnoverCents', String(turnoverCents))
  if (balanceSheetCents !== null && !Number.isNaN(balanceSheetCents)) params.set('balanceSheetCents', String(balanceSheetCents))
  const query = params.toString()
  return query ? `/api/organisations/size-preview?${query}` : null
}
