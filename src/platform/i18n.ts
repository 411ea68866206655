import { callsMessages } from '../calls/calls.messages.js'
import { callRulesMessages } from '../calls/rules/messages.js'
import { eventsMessages } from '../events/events.messages.js'
import { matchmakingMessages } from '../matchmaking/matchmaking.messages.js'
import { smeMessages } from '../organisations/sme.js'
import { platformMessages } from './messages.js'

export const locales = ['it', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'it'

type Catalogue = Record<string, string>

const domainCatalogues = [platformMessages, smeMessages, callRulesMessages, callsMessages, eventsMessages, matchmakingMessages]

const catalogues: Record<Locale, Catalogue> = {
  it: Object.assign({}, ...domainCatalogues.map((catalogue) => catalogue.it)),
  en: Object.assign({}, ...domainCatalogues.map((catalogue) => catalogue.en)),
}

export function isLocale(value: unknown): value is Locale {
  return value === 'it' || value === 'en'
}

/** Explicit choice (cookie or query) first, then the browser's Accept-Language, then Italian. */
export function pickLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(explicit)) return explicit
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase()
    if (isLocale(tag)) return tag
  }
  return defaultLocale
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues[defaultLocale][key] ?? key
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(locale, value) : value
  })
}

/** The field's name as users read it ("partita IVA" for `vatNumber`, "contacts 2 › e-mail" for `contacts.1.email`). */
export function fieldLabel(locale: Locale, path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? String(Number(segment) + 1) : (catalogues[locale][`field.${segment}`] ?? segment)))
    .join(' › ')
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB').format(value)
}

export function formatEuros(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  )
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale])
}
