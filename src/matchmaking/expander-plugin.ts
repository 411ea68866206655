import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import type { Config } from '../platform/config.js'
import type { ExpandedQuery, QueryExpander } from './query-expansion.js'
import { defaultQueryExpander } from './search.js'
import { createWordVectorExpander, readWordVectors, type WordVectorsReport } from './word-vectors.js'

/**
 * An operator's own query expander (say, an embedding model read from a local folder), named by
 * `CLOCK_QUERY_EXPANDER`: an ES module exporting `createQueryExpander({ fallback })`, which returns or resolves
 * to an object with `expand(query)`. `fallback` is the shipped expander (curated vocabulary and taxonomy labels),
 * so a plug-in can add its neighbours to it rather than start again. The search, the recommendations, the
 * routing of needs, the consortium builder, the EU topics search and the topics fitting an organisation all use it.
 */
export type QueryExpanderPlugin = {
  createQueryExpander: (options: { fallback: QueryExpander }) => QueryExpander | Promise<QueryExpander>
}

// Bounds keep a plug-in from turning one search into thousands of text-search terms.
const maxGroups = 30
const maxAlternatives = 20
const expandedQuery = z.object({ groups: z.array(z.array(z.string())) })

export type ConfiguredExpander = { expander: QueryExpander; description: string }

/**
 * The query expander the configuration asks for: the operator's module (`CLOCK_QUERY_EXPANDER`), the shipped one
 * widened by a folder of word vectors (`CLOCK_WORD_VECTORS`), or none (the shipped one alone). Anything that
 * cannot serve stops the start-up with the reason.
 */
export async function loadConfiguredExpander(
  config: Pick<Config, 'queryExpanderModule' | 'wordVectorsFolder' | 'wordVectorsMaxWords'>,
  warn: (message: string) => void,
): Promise<ConfiguredExpander | undefined> {
  if (config.queryExpanderModule && config.wordVectorsFolder) throw new Error('set CLOCK_QUERY_EXPANDER or CLOCK_WORD_VECTORS, not both')
  if (config.queryExpanderModule) return { expander: await loadQueryExpander(config.queryExpanderModule, warn), description: `module ${config.queryExpanderModule}` }
  if (!config.wordVectorsFolder) return undefined
  if (!Number.isInteger(config.wordVectorsMaxWords) || config.wordVectorsMaxWords < 1) throw new Error('CLOCK_WORD_VECTORS_MAX_WORDS: a whole number of words, 1 or more')
  let report: WordVectorsReport
  try {
    report = await readWordVectors(config.wordVectorsFolder, config.wordVectorsMaxWords)
  } catch (error) {
    throw new Error(`CLOCK_WORD_VECTORS: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { vectors, files, skippedLines } = report
  return {
    expander: guardedExpander(createWordVectorExpander(vectors, defaultQueryExpander), defaultQueryExpander, warn),
    description: `word vectors from ${files.join(', ')} in ${config.wordVectorsFolder}: ${vectors.wordCount} words of ${vectors.dimension} dimensions${skippedLines > 0 ? `, ${skippedLines} malformed lines skipped` : ''}`,
  }
}

export async function loadQueryExpander(modulePath: string, warn: (message: string) => void): Promise<QueryExpander> {
  let plugin: Partial<QueryExpanderPlugin>
  try {
    plugin = (await import(pathToFileURL(resolve(modulePath)).href)) as Partial<QueryExpanderPlugin>
  } catch (error) {
    throw new Error(`CLOCK_QUERY_EXPANDER: cannot load ${modulePath}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof plugin.createQueryExpander !== 'function') throw new Error(`CLOCK_QUERY_EXPANDER: ${modulePath} exports no createQueryExpander function`)
  const expander = await plugin.createQueryExpander({ fallback: defaultQueryExpander })
  if (typeof expander?.expand !== 'function') throw new Error(`CLOCK_QUERY_EXPANDER: createQueryExpander in ${modulePath} returned no expand function`)
  return guardedExpander(expander, defaultQueryExpander, warn)
}

/**
 * A plug-in's answers are checked like any other input: empty terms and groups are dropped and sizes bounded;
 * if it fails or answers something else, the search goes on with the fallback and the operator is told.
 */
export function guardedExpander(expander: QueryExpander, fallback: QueryExpander, warn: (message: string) => void): QueryExpander {
  return {
    expand: async (query: string): Promise<ExpandedQuery> => {
      let answer: unknown
      try {
        answer = await expander.expand(query)
      } catch (error) {
        warn(`query expander failed, the shipped one answered instead: ${error instanceof Error ? error.message : String(error)}`)
        return fallback.expand(query)
      }
      const parsed = expandedQuery.safeParse(answer)
      if (!parsed.success) {
        warn('query expander answered something other than { groups: string[][] }, the shipped one answered instead')
        return fallback.expand(query)
      }
      const groups = parsed.data.groups
        .map((group) => [...new Set(group.map((term) => term.trim()).filter((term) => term !== '' && term.length <= 100))].slice(0, maxAlternatives))
        .filter((group) => group.length > 0)
        .slice(0, maxGroups)
      return { groups }
    },
  }
}
