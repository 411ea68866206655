import { createReadStream, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { foldText, looseStem, type ExpandedQuery, type QueryExpander } from './query-expansion.js'

// A unit vector's values lie in [-1, 1]: stored as whole numbers in [-127, 127].
const levels = 127

/**
 * Word vectors in the text format of fastText and GloVe: one word a line followed by its values, optionally after
 * a "count dimension" header line. Files of the same space can be read together: fastText's aligned vectors for
 * Italian and English (`wiki.it.align.vec`, `wiki.en.align.vec`) put both languages in one space, so that the
 * nearest neighbours of an Italian word include its English translations. Such files list words by frequency, so
 * the first lines of each are the ones worth keeping in memory.
 *
 * Vectors are kept scaled to length 1 and rounded to 8 bits a value: a quarter of the memory of 32-bit floats, and
 * a faster scan, for similarities off by about a hundredth.
 */
export class WordVectors {
  private readonly index = new Map<string, number>()
  private readonly words: string[] = []
  private values: Int8Array
  private size = 0

  constructor(readonly dimension: number, capacity = 1024) {
    this.values = new Int8Array(Math.max(1, capacity) * dimension)
  }

  get wordCount(): number {
    return this.size
  }

  /** The word at a position (modulo the count), in the order read: for samples. */
  sampleWord(position: number): string {
    return this.words[position % this.size] as string
  }

  has(word: string): boolean {
    return this.index.has(foldText(word).trim())
  }

  /**
   * Adds a word, folded like the search folds text (lower case, no accents), with its vector scaled to length 1.
   * A word already present keeps its first vector: files list the commoner sense first. Returns whether it was added.
   */
  add(word: string, vector: ArrayLike<number>): boolean {
    const folded = foldText(word).trim()
    if (!/^[a-z][a-z0-9-]*$/.test(folded) || this.index.has(folded) || vector.length !== this.dimension) return false
    let norm = 0
    for (let i = 0; i < vector.length; i += 1) norm += (vector[i] as number) ** 2
    if (!(norm > 0) || !Number.isFinite(norm)) return false
    if ((this.size + 1) * this.dimension > this.values.length) {
      const grown = new Int8Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    const scale = levels / Math.sqrt(norm)
    const offset = this.size * this.dimension
    for (let i = 0; i < vector.length; i += 1) this.values[offset + i] = Math.round((vector[i] as number) * scale)
    this.index.set(folded, this.size)
    this.words.push(folded)
    this.size += 1
    return true
  }

  /** The words closest to `word` by cosine similarity, best first, down to `minSimilarity`; none for an unknown word. */
  neighbours(word: string, count: number, minSimilarity: number): { word: string; similarity: number }[] {
    const position = this.index.get(foldText(word).trim())
    if (position === undefined || count <= 0) return []
    const { dimension, values } = this
    const query = values.slice(position * dimension, (position + 1) * dimension)
    const best: { word: string; similarity: number }[] = []
    for (let other = 0; other < this.size; other += 1) {
      if (other === position) continue
      const similarity = dot(query, values, other * dimension) / (levels * levels)
      if (similarity < minSimilarity || (best.length === count && similarity <= (best[count - 1] as { similarity: number }).similarity)) continue
      const at = best.findIndex((entry) => entry.similarity < similarity)
      best.splice(at === -1 ? best.length : at, 0, { word: this.words[other] as string, similarity })
      if (best.length > count) best.pop()
    }
    return best
  }
}

/** The dot product of `query` with the vector starting at `offset` in `values`, four terms a step (it is the hot loop). */
function dot(query: Int8Array, values: Int8Array, offset: number): number {
  const length = query.length
  let a = 0
  let b = 0
  let c = 0
  let d = 0
  let i = 0
  for (; i + 3 < length; i += 4) {
    a += (query[i] as number) * (values[offset + i] as number)
    b += (query[i + 1] as number) * (values[offset + i + 1] as number)
    c += (query[i + 2] as number) * (values[offset + i + 2] as number)
    d += (query[i + 3] as number) * (values[offset + i + 3] as number)
  }
  for (; i < length; i += 1) a += (query[i] as number) * (values[offset + i] as number)
  return a + b + c + d
}

/** One line of a vectors file as a word and its values, or null for a header or a malformed line. */
export function parseVectorLine(line: string): { word: string; values: number[] } | null {
  const parts = line.trimEnd().split(' ')
  if (parts.length < 3) return null
  const values = parts.slice(1).map(Number)
  if (values.some((value) => !Number.isFinite(value))) return null
  return { word: parts[0] as string, values }
}

export type WordVectorsReport = { vectors: WordVectors; files: string[]; skippedLines: number }

/**
 * Reads every `.vec` file of a folder, keeping the first `maxWordsPerFile` words of each. A line whose number of
 * values differs from the first vector's (a word containing a space, a truncated line) is skipped and counted.
 */
export async function readWordVectors(folder: string, maxWordsPerFile: number): Promise<WordVectorsReport> {
  const files = readdirSync(folder).filter((name) => name.endsWith('.vec')).sort()
  if (files.length === 0) throw new Error(`no .vec file in ${folder}`)
  let vectors: WordVectors | undefined
  let skippedLines = 0
  for (const name of files) {
    const lines = createInterface({ input: createReadStream(join(folder, name), 'utf8'), crlfDelay: Infinity })
    let kept = 0
    let first = true
    for await (const line of lines) {
      const header = first && /^\d+ \d+\s*$/.test(line)
      first = false
      if (header || line.trim() === '') continue
      const parsed = parseVectorLine(line)
      // The first vector read sets the dimension of the space.
      if (parsed) vectors ??= new WordVectors(parsed.values.length, Math.min(maxWordsPerFile * files.length, 16_384))
      if (!parsed || !vectors || parsed.values.length !== vectors.dimension) {
        skippedLines += 1
        continue
      }
      if (vectors.add(parsed.word, parsed.values)) kept += 1
      if (kept >= maxWordsPerFile) break
    }
    lines.close()
  }
  if (!vectors || vectors.wordCount === 0) throw new Error(`no word vectors could be read from ${folder}`)
  return { vectors, files, skippedLines }
}

export type WordVectorOptions = { neighbours: number; minSimilarity: number }
export const defaultWordVectorOptions: WordVectorOptions = { neighbours: 4, minSimilarity: 0.5 }

// Neighbours are computed against the whole vocabulary, so each word's are kept once found.
const maxCachedWords = 20_000

/**
 * The shipped expander widened by word vectors: each single word the user typed gets its nearest neighbours
 * (translations, synonyms, close terms) as further alternatives. Neighbours that are only another form of a
 * word already in the group ("laser", "lasers") are left out, as the full-text search already finds those.
 */
export function createWordVectorExpander(vectors: WordVectors, fallback: QueryExpander, options: WordVectorOptions = defaultWordVectorOptions): QueryExpander {
  const cache = new Map<string, string[]>()
  const neighboursOf = (word: string): string[] => {
    let found = cache.get(word)
    if (!found) {
      found = vectors.neighbours(word, options.neighbours * 2, options.minSimilarity).map((entry) => entry.word)
      if (cache.size >= maxCachedWords) cache.clear()
      cache.set(word, found)
    }
    return found
  }
  return {
    expand: async (query: string): Promise<ExpandedQuery> => {
      const { groups } = await fallback.expand(query)
      return {
        groups: groups.map((group) => {
          const own = group[0] as string
          if (own.includes(' ')) return group
          const stems = new Set(group.flatMap((term) => term.split(' ')).map(looseStem))
          const added: string[] = []
          for (const word of neighboursOf(own)) {
            if (added.length === options.neighbours) break
            if (stems.has(looseStem(word))) continue
            stems.add(looseStem(word))
            added.push(word)
          }
          return [...group, ...added]
        }),
      }
    },
  }
}
