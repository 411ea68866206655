// Fits the engine's feature weights on train only and estimates their quality by cross-validation.
// Usage: npx tsx src/matchmaking/consortium/consortium.fit.ts [--train DIR[,DIR...]] [--folds 5]
// The weights printed at the end are the ones to copy into defaultWeights in engine.ts.
import { loadCorpus } from './corpus.js'
import { defaultEngineParams, featureNames } from './engine.js'
import { coParticipationRanker, engineRanker, evaluate, popularityRanker, type Metrics, type Ranker } from './evaluate.js'
import { fitConditionalLogit, makeFolds, toWeights, trainingCases, type Fold } from './fit.js'

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const trainDirs = (argValue('--train') ?? '/work/shared/data/consortium-benchmark/train').split(',')
const k = Number(argValue('--folds') ?? '5')
const restart = defaultEngineParams.restart

const corpus = await loadCorpus(trainDirs)
const folds = makeFolds(corpus, k)
const cases = folds.map((fold) => trainingCases(fold, restart))

function pooled(rankers: (fold: Fold, f: number) => Ranker): Metrics {
  let hits = 0
  let rr = 0
  let n = 0
  folds.forEach((fold, f) => {
    const m = evaluate(fold.queries, rankers(fold, f))
    hits += m.hitAt10 * m.queries
    rr += m.mrr * m.queries
    n += m.queries
  })
  return { queries: n, hitAt10: hits / n, mrr: rr / n }
}

const show = (label: string, m: Metrics): void =>
  console.log(`${label.padEnd(16)} hit@10=${m.hitAt10.toFixed(3)} mrr=${m.mrr.toFixed(3)} (${m.queries} queries)`)

console.log(`train folds: ${k}, queries per fold: ${folds.map((f) => f.queries.length).join(', ')}`)
show('popularity', pooled((fold) => popularityRanker(fold.index)))
show('coparticipation', pooled((fold) => coParticipationRanker(fold.index)))
// Each fold is scored with weights fitted on the other folds' queries only.
show(
  'engine (CV)',
  pooled((fold, f) => {
    const w = fitConditionalLogit(cases.filter((_, g) => g !== f).flat())
    return engineRanker(fold.index, { restart, weights: toWeights(w) })
  }),
)
const weights = toWeights(fitConditionalLogit(cases.flat()))
console.log('weights fitted on all folds:')
for (const f of featureNames) console.log(`  ${f}: ${weights[f]},`)
