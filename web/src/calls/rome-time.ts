// The call form works in Europe/Rome wall-clock time; the API speaks ISO instants.
const timeZone = 'Europe/Rome'

function romeParts(instant: Date): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const values: Record<string, number> = {}
  for (const part of parts) if (part.type !== 'literal') values[part.type] = Number(part.value)
  return values
}

/** Milliseconds Rome is ahead of UTC at that instant (1 h in winter, 2 h in summer). */
function romeOffset(instant: Date): number {
  const p = romeParts(instant)
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/** "2026-03-31T17:00" read on a Rome clock, as an ISO instant; null when the text is not a date and time. */
export function romeLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local)
  if (!match) return null
  const [, year, month, day, hour, minute, second = '0'] = match
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second))
  let instant = wall - romeOffset(new Date(wall))
  instant = wall - romeOffset(new Date(instant))
  return new Date(instant).toISOString()
}

/** An ISO instant as "YYYY-MM-DDTHH:mm:ss" on a Rome clock, for a datetime-local input. */
export function isoToRomeLocal(iso: string): string {
  const p = romeParts(new Date(iso))
  const two = (value: number | undefined): string => String(value ?? 0).padStart(2, '0')
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`
}
