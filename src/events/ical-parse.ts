// A minimal reader of iCalendar text, enough for the tests to check what CLOCK's feeds say.
export type ParsedEvent = Record<string, string>

/** Unfolds continuation lines (RFC 5545 §3.1) and returns each VEVENT as property name → value (parameters dropped). */
export function parseVevents(text: string): ParsedEvent[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/)
  const events: ParsedEvent[] = []
  let current: ParsedEvent | null = null
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT' && current) {
      events.push(current)
      current = null
    } else if (current) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const name = line.slice(0, colon).split(';')[0] as string
      current[name] = line.slice(colon + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1')
    }
  }
  return events
}
