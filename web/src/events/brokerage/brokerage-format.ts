import { intlLocale } from '../../platform/format'
import type { Language } from '../../platform/i18n'
import type { AgendaItem, Role, TableRef } from './types'

// Meeting times as people read them: in Rome's time, in the user's language. Pure, so tested without a browser.
const timeZone = 'Europe/Rome'

/** "giovedì 3 dicembre 2026" / "Thursday, 3 December 2026". */
export function formatMeetingDay(language: Language, instant: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(instant))
}

/** "09:00–09:20" in Rome time. */
export function formatMeetingTime(language: Language, startsAt: string, endsAt: string): string {
  const time = new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
  return `${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`
}

/** "3 dic 2026, 09:00–09:20": a slot named on its own, as in a select. */
export function formatSlot(language: Language, startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(startsAt))
  return `${day}, ${formatMeetingTime(language, startsAt, endsAt)}`
}

export function roleLabel(language: Language, roles: readonly Role[], key: string): string {
  const role = roles.find((r) => r.key === key)
  if (!role) return key
  return language === 'en' ? role.labelEn : role.labelIt
}

/** The physical table (numbered from 1 for people) or the video room a meeting takes place in. */
export function tablePlace(table: TableRef): { kind: 'table' | 'virtual'; number: number } {
  return typeof table === 'number' ? { kind: 'table', number: table + 1 } : { kind: 'virtual', number: Number(table.slice('virtual:'.length)) + 1 }
}

/** Every column of the table plan: the physical tables, then the video rooms. */
export function planColumns(tables: number, virtualRooms: number): TableRef[] {
  return [...Array.from({ length: tables }, (_, i) => i), ...Array.from({ length: virtualRooms }, (_, i) => `virtual:${i}` as const)]
}

/** Role pairs are unordered: whether the event lets these two roles meet. */
export function rolesMayMeet(pairs: readonly (readonly [string, string])[], first: string, second: string): boolean {
  return pairs.some(([x, y]) => (x === first && y === second) || (x === second && y === first))
}

/** The six-month question shows once CLOCK asked it (the daily job), or once I answered it anyway. */
export function showsLaterFollowUp(item: Pick<AgendaItem, 'laterOpen' | 'laterAskedAt' | 'myLaterFollowUp'>): boolean {
  return item.laterOpen && (item.laterAskedAt !== null || item.myLaterFollowUp !== null)
}
