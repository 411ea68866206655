import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfiguredExpander } from './expander-plugin.js'
import { createVocabularyExpander } from './query-expansion.js'
import { createWordVectorExpander, parseVectorLine, readWordVectors, WordVectors } from './word-vectors.js'

// A tiny aligned space: marble and its Italian word and kin along the first axis, welding along the second, lasers
// along the third. Real files (fastText's aligned vectors) have 300 dimensions and the same layout.
const italian = ['3 4', 'marmo 1 0 0 0', 'saldatura 0 1 0 0.2', 'Città 0 0 0.1 1', 'marmo 0 1 0 0'].join('\n')
const english = ['marble 0.95 0.1 0 0', 'granite 0.8 0.3 0 0', 'welding 0.05 1 0 0.25', 'laser 0 0 1 0', 'lasers 0 0 0.98 0.05', 'a word with spaces 1 2 3'].join('\n')

function vectorFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'clock-vectors-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return folder
}

describe('word vectors', () => {
  it('reads lines of a word and its values, and nothing else', () => {
    expect(parseVectorLine('marmo 1 0.5 -2e-3')).toEqual({ word: 'marmo', values: [1, 0.5, -0.002] })
    expect(parseVectorLine('marmo 1 x')).toBeNull()
    expect(parseVectorLine('marmo')).toBeNull()
  })

  it('finds the nearest words by cosine, best first, above the threshold, across the files of one folder', async () => {
    const { vectors, files, skippedLines } = await readWordVectors(vectorFolder({ 'wiki.it.align.vec': italian, 'wiki.en.align.vec': english, 'notes.txt': 'x' }), 100)
    expect(files).toEqual(['wiki.en.align.vec', 'wiki.it.align.vec'])
    expect(vectors.dimension).toBe(4)
    // Folded like the search folds text; a repeated word keeps its first vector; the line with spaces is skipped.
    expect(vectors.has('citta') && vectors.has('Città')).toBe(true)
    expect(vectors.wordCount).toBe(8)
    expect(skippedLines).toBe(1)
    expect(vectors.neighbours('marmo', 5, 0.5).map((entry) => entry.word)).toEqual(['marble', 'granite'])
    expect(vectors.neighbours('Marmo', 1, 0).map((entry) => entry.word)).toEqual(['marble'])
    expect(vectors.neighbours('saldatura', 3, 0.5)[0]).toMatchObject({ word: 'welding' })
    expect(vectors.neighbours('unknown', 3, 0)).toEqual([])
  })

  it('keeps the first words of each file only, the most frequent in real files', async () => {
    const { vectors } = await readWordVectors(vectorFolder({ 'a.vec': italian, 'b.vec': english }), 2)
    expect(vectors.wordCount).toBe(4)
    expect(['marmo', 'saldatura', 'marble', 'granite'].every((word) => vectors.has(word))).toBe(true)
    await expect(readWordVectors(vectorFolder({ 'a.txt': italian }), 10)).rejects.toThrow(/no \.vec file/)
  })

  it('refuses vectors of another dimension or of no length', () => {
    const vectors = new WordVectors(2, 1)
    expect(vectors.add('uno', [1, 0])).toBe(true)
    expect(vectors.add('due', [1, 0, 0])).toBe(false)
    expect(vectors.add('zero', [0, 0])).toBe(false)
    expect(vectors.add('due', [0, 1])).toBe(true)
    expect(vectors.neighbours('uno', 3, -1)).toEqual([{ word: 'due', similarity: 0 }])
  })
})

describe('the expander widened by word vectors', () => {
  it('adds each typed word’s neighbours, but not other forms of words already there', async () => {
    const { vectors } = await readWordVectors(vectorFolder({ 'it.vec': italian, 'en.vec': english }), 100)
    const shipped = createVocabularyExpander([['saldatura', 'welding']])
    const expander = createWordVectorExpander(vectors, shipped, { neighbours: 2, minSimilarity: 0.5 })
    expect((await expander.expand('marmo')).groups).toEqual([['marmo', 'marble', 'granite']])
    // "welding" comes from the vocabulary already; "lasers" is another form of "laser".
    expect((await expander.expand('saldatura laser')).groups).toEqual([['saldatura', 'welding'], ['laser']])
    expect((await expander.expand('parola ignota')).groups).toEqual([['parola'], ['ignota']])
  })

  it('is chosen by the configuration, which refuses what cannot serve', async () => {
    const folder = vectorFolder({ 'it.vec': italian, 'en.vec': english })
    const configured = await loadConfiguredExpander({ queryExpanderModule: undefined, wordVectorsFolder: folder, wordVectorsMaxWords: 100 }, () => {})
    expect(configured?.description).toMatch(/8 words of 4 dimensions, 1 malformed lines skipped/)
    expect((await configured?.expander.expand('marmo'))?.groups[0]).toEqual(expect.arrayContaining(['marmo', 'marble']))
    expect(await loadConfiguredExpander({ queryExpanderModule: undefined, wordVectorsFolder: undefined, wordVectorsMaxWords: 100 }, () => {})).toBeUndefined()

    const empty = join(folder, 'empty')
    mkdirSync(empty)
    await expect(loadConfiguredExpander({ queryExpanderModule: undefined, wordVectorsFolder: empty, wordVectorsMaxWords: 100 }, () => {})).rejects.toThrow(/CLOCK_WORD_VECTORS: no \.vec file/)
    await expect(loadConfiguredExpander({ queryExpanderModule: undefined, wordVectorsFolder: folder, wordVectorsMaxWords: 0 }, () => {})).rejects.toThrow(/CLOCK_WORD_VECTORS_MAX_WORDS/)
    await expect(loadConfiguredExpander({ queryExpanderModule: 'x.mjs', wordVectorsFolder: folder, wordVectorsMaxWords: 100 }, () => {})).rejects.toThrow(/not both/)
  })
})
