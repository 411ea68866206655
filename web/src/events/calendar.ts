// Calendar arithmetic on Rome calendar days ("YYYY-MM-DD"), pure so that it is tested without a browser.
import { addDays, romeDate, toRomeLocal } from '../../../src/platform/rome-time'

export type CalendarView = 'month' | 'week' | 'list'
export const calendarViews: readonly CalendarView[] = ['month', 'week', 'list']

/** The time of day on Rome's clock, "HH:mm". */
export function romeTime(instant: string | Date): string {
  return toRomeLocal(instant).slice(11)
}

/** 0 for Monday … 6 for Sunday: Italian calendars start on Monday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day))
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${startOfMonth(day)}T12:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.toISOString().slice(0, 10)
}

/** The weeks (Monday to Sunday) that cover the month of `day`. */
export function monthGrid(day: string): string[][] {
  const first = startOfMonth(day)
  const last = addDays(addMonths(first, 1), -1)
  const weeks: string[][] = []
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(monday, index)))
  }
  return weeks
}

export const listLengthDays = 90

/** The days a view shows around its anchor day, inclusive. */
export function viewRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'month') {
    const weeks = monthGrid(anchor)
    return { from: weeks[0]?.[0] as string, to: weeks[weeks.length - 1]?.[6] as string }
  }
  if (view === 'week') {
    const monday = startOfWeek(anchor)
    return { from: monday, to: addDays(monday, 6) }
  }
  return { from: anchor, to: addDays(anchor, listLengthDays - 1) }
}

export function shiftAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  if (view === 'month') return addMonths(anchor, direction)
  if (view === 'week') return addDays(anchor, 7 * direction)
  return addDays(anchor, 30 * direction)
}

/** Each event under every Rome day it touches, within [from, to]; days kept in order, events by start. */
export function eventsByDay<T extends { startsAt: string; endsAt: string }>(events: readonly T[], from: string, to: string): Map<string, T[]> {
  const byDay = new Map<string, T[]>()
  const sorted = [...events].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  for (const event of sorted) {
    const first = romeDate(event.startsAt)
    // An event ending at midnight does not touch the next day.
    const last = romeDate(new Date(new Date(event.endsAt).getTime() - 1))
    for (let day = first < from ? from : first; day <= last && day <= to; day = addDays(day, 1)) {
      byDay.set(day, [...(byDay.get(day) ?? []), event])
    }
  }
  return new Map([...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)))
}
