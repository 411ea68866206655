import { resolve } from 'node:path'

export type Config = {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  publicUrl: string
  secureCookies: boolean
  logLevel: string
  /** An ES module with the operator's own query expander (see matchmaking/expander-plugin.ts); unset: the shipped one. */
  queryExpanderModule: string | undefined
  /** A folder of word vectors (.vec files) that widen the shipped expander (see matchmaking/word-vectors.ts). */
  wordVectorsFolder: string | undefined
  /** How many words of each .vec file to keep (the most frequent come first). */
  wordVectorsMaxWords: number
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CLOCK_DATA_DIR ?? '.clock-data/pglite'),
    publicUrl: env.CLOCK_PUBLIC_URL ?? `http://localhost:${port}`,
    // Browsers accept Secure cookies from http://localhost; set CLOCK_SECURE_COOKIES=false only for plain-HTTP hosts.
    secureCookies: env.CLOCK_SECURE_COOKIES !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    queryExpanderModule: env.CLOCK_QUERY_EXPANDER || undefined,
    wordVectorsFolder: env.CLOCK_WORD_VECTORS ? resolve(env.CLOCK_WORD_VECTORS) : undefined,
    wordVectorsMaxWords: Number(env.CLOCK_WORD_VECTORS_MAX_WORDS ?? 30_000),
  }
}
