// Server texts of the matchmaking domain, in Italian and English, with {{placeholders}}.
export const matchmakingMessages: { it: Record<string, string>; en: Record<string, string> } = { it: {}, en: {} }
