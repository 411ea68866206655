// Server texts of the calls domain, in Italian and English, with {{placeholders}}.
export const callsMessages: { it: Record<string, string>; en: Record<string, string> } = { it: {}, en: {} }
