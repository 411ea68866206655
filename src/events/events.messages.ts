// Server texts of the events domain, in Italian and English, with {{placeholders}}.
export const eventsMessages: { it: Record<string, string>; en: Record<string, string> } = { it: {}, en: {} }
