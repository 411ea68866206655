import { loadConfig } from '../platform/config.js'
import { loadConfiguredExpander } from '../matchmaking/expander-plugin.js'
import type { ExpandedQuery } from '../matchmaking/query-expansion.js'
import { defaultQueryExpander } from '../matchmaking/search.js'
import { UsageError, type Command } from './shared.js'

/** One line a concept: the user's words, then what the search also accepts for them. */
export function formatExpansion({ groups }: ExpandedQuery): string {
  if (groups.length === 0) return '(no words to search: only stop words)\n'
  return groups.map(([own, ...alternatives]) => `${own}${alternatives.length > 0 ? ` → ${alternatives.join(' | ')}` : ''}\n`).join('')
}

export const expandCommand: Command = {
  name: 'expand',
  summary: 'show how the search widens a query across languages (vocabulary, CLOCK_WORD_VECTORS or CLOCK_QUERY_EXPANDER)',
  usage: 'clock expand "saldatura laser dei compositi"',
  options: {},
  run: async ({ positionals }) => {
    const query = positionals.join(' ').trim()
    if (query === '') throw new UsageError('give the query to widen')
    const configured = await loadConfiguredExpander(loadConfig(), (message) => console.warn(message))
    console.log(`expander: ${configured?.description ?? 'the shipped vocabulary and taxonomy labels'}`)
    process.stdout.write(formatExpansion(await (configured?.expander ?? defaultQueryExpander).expand(query)))
  },
}
