// npm run bench:consortium -- --train DIR[,DIR...] --test DIR
// How long the consortium engine takes: building its index from a corpus of past projects (done once, then
// cached by the server), and answering one idea (the benchmark's queries, top 10 with reasons).
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { loadCorpus } from './corpus.js'
import { buildIndex, recommendPartners } from './engine.js'
import { generateQueries } from './queries.js'

const { values } = parseArgs({ options: { train: { type: 'string' }, test: { type: 'string' } } })
if (values.train === undefined || values.test === undefined) {
  console.error('usage: npm run bench:consortium -- --train DIR[,DIR...] --test DIR')
  process.exit(2)
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

const corpus = await loadCorpus(values.train.split(','))
const builds: number[] = []
let index = buildIndex(corpus)
for (let run = 0; run < 5; run++) {
  const started = performance.now()
  index = buildIndex(corpus)
  builds.push(performance.now() - started)
}
const queries = generateQueries(await loadCorpus([values.test]), new Set(index.orgByKey.keys()))
for (const query of queries.slice(0, 20)) recommendPartners(index, query, 10) // warm-up: the JIT, not the data
const times: number[] = []
for (const query of queries) {
  const started = performance.now()
  recommendPartners(index, query, 10)
  times.push(performance.now() - started)
}
builds.sort((a, b) => a - b)
times.sort((a, b) => a - b)
console.log(`corpus: ${corpus.projects.length} projects, ${index.orgs.length} organisations; ${queries.length} queries`)
console.log(`index build: median ${quantile(builds, 0.5).toFixed(1)} ms`)
console.log(`recommendation (top 10 with reasons): median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`)
