import type { VocabularyEntry } from './vocabulary.js'

/**
 * A search query split into concepts. Each group holds the user's own words first, then their
 * equivalents in the other language; a match needs every group, and any alternative within a group.
 */
export type ExpandedQuery = { groups: string[][] }

/**
 * What the search asks to widen a query across languages. The shipped one reads a curated vocabulary;
 * an operator can plug in another (an embedding model read from a local folder) with the same shape.
 */
export type QueryExpander = { expand: (query: string) => Promise<ExpandedQuery> }

const stopwords = new Set(
  (
    'a ad al allo ai agli all alla alle che chi con col da dal dallo dai dagli dall dalla dalle di del dello dei degli dell della delle ' +
    'e ed il in lo la le gli i l nel nello nei negli nell nella nelle o per su sul sullo sui sugli sull sulla sulle tra fra un uno una ' +
    'the an and or of for to in on at by with from into via as is are be this that these those our we'
  ).split(' '),
)

/** Lower case, without accents; apostrophes separate words ("dell'idrogeno" is "dell idrogeno"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
}

export function tokenize(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+(?:[-.&][a-z0-9]+)*/g) ?? []
}

/** A deliberately crude stem that makes singulars and plurals of both languages meet ("rivestimenti", "coatings"). */
export function looseStem(token: string): string {
  let stem = token
  if (stem.length > 4 && stem.endsWith('s')) stem = stem.slice(0, -1)
  if (stem.length > 4 && /[aeiou]$/.test(stem)) stem = stem.slice(0, -1)
  return stem
}

const phraseKey = (tokens: readonly string[]): string => tokens.map(looseStem).join(' ')

/** The longest phrase the index holds, in words: longer phrases win over their parts ("fibra di carbonio" over "fibra"). */
const maxPhraseWords = 5

type PhraseIndex = Map<string, Set<string>>

/**
 * Pairs of taxonomy labels, split where both labels list the same number of parts, so that
 * "Nanostrutture, nanomateriali" pairs part by part with "Nanostructures, nanomaterials".
 */
export function taxonomyLabelEntries(nodes: readonly { labelIt: string; labelEn: string }[]): VocabularyEntry[] {
  const entries: VocabularyEntry[] = []
  for (const node of nodes) {
    entries.push([node.labelIt, node.labelEn])
    const partsIt = node.labelIt.split(/[,:()]/).map((part) => part.trim()).filter(Boolean)
    const partsEn = node.labelEn.split(/[,:()]/).map((part) => part.trim()).filter(Boolean)
    if (partsIt.length > 1 && partsIt.length === partsEn.length) {
      partsIt.forEach((part, index) => entries.push([part, partsEn[index] as string]))
    }
  }
  return entries
}

function buildIndex(entries: readonly VocabularyEntry[]): PhraseIndex {
  const index: PhraseIndex = new Map()
  for (const [italian, english] of entries) {
    const phrases = [...italian.split('|'), ...english.split('|')].map((phrase) => phrase.trim()).filter(Boolean)
    for (const phrase of phrases) {
      const tokens = tokenize(phrase)
      if (tokens.length === 0 || tokens.length > maxPhraseWords) continue
      const key = phraseKey(tokens)
      const known = index.get(key) ?? new Set<string>()
      for (const alternative of phrases) known.add(foldText(alternative))
      index.set(key, known)
    }
  }
  return index
}

/**
 * Splits a query into concepts, matching the longest known phrase first, and adds each known concept's
 * equivalents in both languages. Unknown words stay as they are; stop words on their own are dropped.
 */
export function expandQuery(index: PhraseIndex, query: string): ExpandedQuery {
  const tokens = tokenize(query)
  const groups: string[][] = []
  let position = 0
  while (position < tokens.length) {
    let matched = false
    for (let length = Math.min(maxPhraseWords, tokens.length - position); length >= 1; length -= 1) {
      const words = tokens.slice(position, position + length)
      if (length === 1 && stopwords.has(words[0] as string)) break
      const alternatives = index.get(phraseKey(words))
      if (!alternatives) continue
      const own = words.join(' ')
      groups.push([own, ...[...alternatives].filter((alternative) => alternative !== own)])
      position += length
      matched = true
      break
    }
    if (matched) continue
    const word = tokens[position] as string
    if (!stopwords.has(word)) groups.push([word])
    position += 1
  }
  return { groups }
}

/** The shipped expander: the curated vocabulary plus any other pairs (the taxonomy labels). */
export function createVocabularyExpander(entries: readonly VocabularyEntry[]): QueryExpander & { expandNow: (query: string) => ExpandedQuery } {
  const index = buildIndex(entries)
  const expandNow = (query: string): ExpandedQuery => expandQuery(index, query)
  return { expand: async (query) => expandNow(query), expandNow }
}
