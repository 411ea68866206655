// npm run bench:word-vectors [-- --words 60000 --dimension 300 | --folder DIR --max-words 30000]
// What CLOCK_WORD_VECTORS costs: the memory of the vectors and the time to find one word's neighbours the first
// time (then the expander remembers them). Without --folder it generates random unit vectors of the size of two
// fastText files (Italian and English, 30,000 words each, 300 dimensions); with it, it reads the real files.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createRandom } from '../demo/random.js'
import { readWordVectors, WordVectors } from './word-vectors.js'

const { values } = parseArgs({
  options: { folder: { type: 'string' }, 'max-words': { type: 'string' }, words: { type: 'string' }, dimension: { type: 'string' } },
})

const heapBefore = process.memoryUsage().arrayBuffers
const loadStarted = performance.now()
const vectors = values.folder ? (await readWordVectors(values.folder, Number(values['max-words'] ?? 30_000))).vectors : generated(Number(values.words ?? 60_000), Number(values.dimension ?? 300))
const loadSeconds = (performance.now() - loadStarted) / 1000
const megabytes = (process.memoryUsage().arrayBuffers - heapBefore) / 1_000_000

function generated(count: number, dimension: number): WordVectors {
  const random = createRandom(42)
  const made = new WordVectors(dimension, count)
  const vector = new Float32Array(dimension)
  for (let index = 0; made.wordCount < count; index++) {
    for (let i = 0; i < dimension; i++) vector[i] = random.next() - 0.5
    made.add(wordName(index), vector)
  }
  return made
}

/** Distinct words of letters only, as the vectors keep ("a", "b", … "ba", …). */
function wordName(index: number): string {
  let name = ''
  let rest = index
  do {
    name = String.fromCharCode(97 + (rest % 26)) + name
    rest = Math.floor(rest / 26)
  } while (rest > 0)
  return name
}

const probes = Array.from({ length: 41 }, (_, index) => vectors.sampleWord(index * 1_303))
vectors.neighbours(probes[0] as string, 8, 0.5) // warm-up: the JIT, not the data
const times: number[] = []
for (const word of probes.slice(1)) {
  const started = performance.now()
  vectors.neighbours(word, 8, 0.5)
  times.push(performance.now() - started)
}
times.sort((a, b) => a - b)
const at = (q: number): string => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1)
console.log(`word vectors: ${vectors.wordCount} words of ${vectors.dimension} dimensions, ${megabytes.toFixed(1)} MB, loaded in ${loadSeconds.toFixed(1)} s`)
console.log(`neighbours of a word (first time, ${times.length} words): median ${at(0.5)} ms, p95 ${at(0.95)} ms`)
