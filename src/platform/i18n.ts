import { callsMessages } from '../calls/calls.messages.js'
import { fundingMessages } from '../calls/funding/funding.messages.js'
import { attachmentsMessages } from '../calls/attachments/attachments.messages.js'
import { callRulesMessages } from '../calls/rules/messages.js'
import { eventsMessages } from '../events/events.messages.js'
import { matchmakingMessages } from '../matchmaking/matchmaking.messages.js'
import { consortiumMessages } from '../matchmaking/consortium/consortium.messages.js'
import { notificationsMessages } from '../notifications/notifications.messages.js'
import { opportunitiesMessages } from '../opportunities/opportunities.messages.js'
import { smeMessages } from '../organisations/sme.js'
import { formatNumber } from './format.js'
import { platformMessages } from './messages.js'

export const locales = ['it', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'it'

type Catalogue = Record<string, string>

const domainCatalogues = [platformMessages, smeMessages, callRulesMessages, callsMessages, attachmentsMessages, fundingMessages, eventsMessages, matchmakingMessages, consortiumMessages, notificationsMessages, opportunitiesMessages]

// Joined on first use: domain catalogues may import this module's formatting helpers.
let joined: Record<Locale, Catalogue> | undefined
function catalogue(locale: Locale): Catalogue {
  joined ??= {
    it: Object.assign({}, ...domainCatalogues.map((domain) => domain.it)),
    en: Object.assign({}, ...domainCatalogues.map((domain) => domain.en)),
  }
  return joined[locale]
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
  const template = catalogue(locale)[key] ?? catalogue(defaultLocale)[key] ?? key
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
    .map((segment) => (/^\d+$/.test(segment) ? String(Number(segment) + 1) : (catalogue(locale)[`field.${segment}`] ?? segment)))
    .join(' › ')
}

export function catalogueKeys(locale: Locale): string[] {
  return Object.keys(catalogue(locale))
}

export { formatEuros, formatNumber } from './format.js'
