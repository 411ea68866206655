import type { Locale } from './i18n.js'

// Numbers and money per locale; money is stored as integer cents.
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB').format(value)
}

export function formatEuros(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  )
}

