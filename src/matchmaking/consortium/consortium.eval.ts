// npm run eval:consortium -- --train DIR[,DIR...] --test DIR
// Hides, in turn, each corpus-known participant of every test project and asks each ranker to find it.
import { loadCorpus } from './corpus.js'
import { buildIndex } from './engine.js'
import { coParticipationRanker, engineRanker, evaluate, popularityRanker, type Metrics } from './evaluate.js'
import { generateQueries } from './queries.js'

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const trainArg = argValue('--train')
const testArg = argValue('--test')
if (trainArg === undefined || testArg === undefined) {
  console.error('usage: npm run eval:consortium -- --train DIR[,DIR...] --test DIR')
  process.exit(2)
}

const corpus = await loadCorpus(trainArg.split(','))
const test = await loadCorpus([testArg])
const index = buildIndex(corpus)
const queries = generateQueries(test, new Set(index.orgByKey.keys()))
console.log(
  `corpus: ${corpus.projects.length} projects, ${index.orgs.length} organisations; test: ${test.projects.length} projects, ${queries.length} queries`,
)

const results: [string, Metrics][] = [
  ['popularity', evaluate(queries, popularityRanker(index))],
  ['coparticipation', evaluate(queries, coParticipationRanker(index))],
  ['engine', evaluate(queries, engineRanker(index))],
]
for (const [label, m] of results) console.log(`${label.padEnd(16)} hit@10=${m.hitAt10.toFixed(3)} mrr=${m.mrr.toFixed(3)}`)

const engine = results[2]![1].hitAt10
const co = results[1]![1].hitAt10
const ratio = co === 0 ? 0 : engine / co
console.log(`hit@10 engine=${engine.toFixed(3)} coparticipation=${co.toFixed(3)} ratio=${ratio.toFixed(2)}`)
