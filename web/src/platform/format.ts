import type { Language } from './i18n'

// Every date, number and amount the user sees is formatted here, in the user's language and in Rome's time.
const timeZone = 'Europe/Rome'

export function intlLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'it-IT'
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value)
}

export function formatEuros(language: Language, cents: number): string {
  const euros = cents / 100
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: Number.isInteger(euros) ? 0 : 2,
  }).format(euros)
}

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A calendar date ('2021-03-15') is a day, not an instant: it is shown as written, whatever the time zone.
 * A timestamp is shown as the day it was in Rome.
 */
export function formatDate(language: Language, value: string | Date): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }
  if (typeof value === 'string') {
    const day = calendarDate.exec(value)
    if (day) {
      const utc = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
      return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' }).format(utc)
    }
  }
  return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone }).format(new Date(value))
}

export function formatDateTime(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(value))
}

/** Parses an amount typed by the user ("1.250.000,50" in Italian, "1,250,000.50" in English) into cents. */
export function parseEurosToCents(language: Language, text: string): number | null {
  const trimmed = text.replace(/[€\s\u00a0]/g, '')
  if (trimmed === '') return null
  const [thousands, decimal] = language === 'it' ? ['.', ','] : [',', '.']
  const normalised = trimmed.split(thousands).join('').replace(decimal, '.')
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return Number.NaN
  return Math.round(Number(normalised) * 100)
}

/** The reverse of parseEurosToCents, for filling an input: plain digits with the language's decimal mark. */
export function centsToEuroInput(language: Language, cents: number | null): string {
  if (cents === null) return ''
  const euros = (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)
  return language === 'it' ? euros.replace('.', ',') : euros
}
