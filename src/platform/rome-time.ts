// Times are entered as wall-clock times in Rome ("2026-03-29T10:00") and stored as instants; days are days in
// Rome. This file imports nothing, so that the web app shares it with the server.
const timeZone = 'Europe/Rome'
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Rome's wall clock at an instant (a Date or an ISO text), as "YYYY-MM-DDTHH:mm": what a datetime-local input shows. */
export function toRomeLocal(instant: Date | string): string {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/**
 * The calendar day in Rome of an instant, as "YYYY-MM-DD". Every date the platform judges ("today", a
 * period's bounds, a submission date) is a day in Rome, which differs from the UTC day around midnight.
 */
export function romeDate(instant: Date | string): string {
  return toRomeLocal(instant).slice(0, 10)
}

/** Today in Rome, as "YYYY-MM-DD". */
export function romeToday(): string {
  return romeDate(new Date())
}

/** The calendar day `days` after a "YYYY-MM-DD" day (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The day in Rome that is `days` calendar days from today (negative for past days). */
export function romeDateIn(days: number, now = new Date()): string {
  return addDays(romeDate(now), days)
}

function offsetMinutesAt(instant: Date): number {
  const local = toRomeLocal(instant)
  const match = localPattern.exec(local) as RegExpExecArray
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]))
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000)
}

/**
 * The instant of a Rome wall-clock time, or null if the text is not a real date and time. In the hour
 * skipped in spring the clock is read as winter time; in the hour repeated in autumn, the first one.
 */
export function romeLocalToInstant(text: string): Date | null {
  const match = localPattern.exec(text)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0)) as number[]
  const naive = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second)
  const check = new Date(naive)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== (month as number) - 1 || check.getUTCDate() !== day || (hour as number) > 23) return null
  const before = offsetMinutesAt(new Date(naive - 3 * 3_600_000))
  const after = offsetMinutesAt(new Date(naive + 3 * 3_600_000))
  for (const offset of [Math.max(before, after), Math.min(before, after)]) {
    const instant = new Date(naive - offset * 60_000)
    if (toRomeLocal(instant) === text.slice(0, 16)) return instant
  }
  return new Date(naive - before * 60_000)
}

/** Accepts an instant with its offset ("...Z", "+02:00") or a Rome wall-clock time without one. */
export function parseEventTime(text: string): Date | null {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const instant = new Date(text)
    return Number.isNaN(instant.getTime()) ? null : instant
  }
  return romeLocalToInstant(text)
}
