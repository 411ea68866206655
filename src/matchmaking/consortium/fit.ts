import type { Corpus } from './corpus.js'
import { buildIndex, candidateFeatures, featureNames, type ConsortiumIndex, type FeatureWeights } from './engine.js'
import { generateQueries, type BenchmarkQuery } from './queries.js'

/** One query's design matrix: candidate feature rows and which row is the hidden partner. */
export type TrainingCase = { rows: Float64Array; count: number; hidden: number }

/** Stable FNV-1a hash, so folds do not change between runs or machines. */
export function fnv1a(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

export function subCorpus(corpus: Corpus, keep: (projectId: string) => boolean): Corpus {
  return {
    projects: corpus.projects.filter((p) => keep(p.id)),
    participations: corpus.participations.filter((p) => keep(p.projectId)),
  }
}

export type Fold = { index: ConsortiumIndex; queries: BenchmarkQuery[] }

/** K folds of one corpus: each fold's projects become queries against an index of the other folds. */
export function makeFolds(corpus: Corpus, k: number): Fold[] {
  const folds: Fold[] = []
  for (let f = 0; f < k; f++) {
    const inFold = (id: string): boolean => fnv1a(id) % k === f
    const index = buildIndex(subCorpus(corpus, (id) => !inFold(id)))
    folds.push({ index, queries: generateQueries(subCorpus(corpus, inFold), new Set(index.orgByKey.keys())) })
  }
  return folds
}

export function trainingCases(fold: Fold, restart: number): TrainingCase[] {
  const width = featureNames.length
  const out: TrainingCase[] = []
  for (const query of fold.queries) {
    const features = candidateFeatures(fold.index, query, restart)
    const hiddenOrg = fold.index.orgByKey.get(query.hidden.key)
    const rows = new Float64Array(features.candidates.length * width)
    let hidden = -1
    features.candidates.forEach((c, r) => {
      if (c === hiddenOrg) hidden = r
      rows.set(features.values.subarray(c * width, (c + 1) * width), r * width)
    })
    if (hidden >= 0) out.push({ rows, count: features.candidates.length, hidden })
  }
  return out
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length
  const a = matrix.map((row, i) => [...row, vector[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    const p = a[col]![col]!
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = a[r]![col]! / p
      for (let c = col; c <= n; c++) a[r]![c]! -= factor * a[col]![c]!
    }
  }
  return a.map((row, i) => row[n]! / row[i]!)
}

function logLikelihood(cases: readonly TrainingCase[], w: readonly number[], ridge: number): number {
  const d = w.length
  let ll = 0
  for (const tc of cases) {
    let max = -Infinity
    const s = new Float64Array(tc.count)
    for (let r = 0; r < tc.count; r++) {
      let v = 0
      for (let j = 0; j < d; j++) v += w[j]! * tc.rows[r * d + j]!
      s[r] = v
      if (v > max) max = v
    }
    let z = 0
    for (let r = 0; r < tc.count; r++) z += Math.exp(s[r]! - max)
    ll += s[tc.hidden]! - max - Math.log(z)
  }
  return ll - (ridge / 2) * w.reduce((a, b) => a + b * b, 0)
}

/**
 * Conditional logit (softmax over the candidates of each query, the hidden partner being the observed
 * choice), fitted by Newton's method with a small ridge. The log-likelihood is concave, so there is one
 * optimum and no learning rate to tune.
 */
export function fitConditionalLogit(cases: readonly TrainingCase[], ridge = 1, iterations = 25): number[] {
  const d = featureNames.length
  let w = new Array<number>(d).fill(0)
  let current = logLikelihood(cases, w, ridge)
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((v) => -ridge * v)
    const hess = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? ridge : 0)))
    for (const tc of cases) {
      const s = new Float64Array(tc.count)
      let max = -Infinity
      for (let r = 0; r < tc.count; r++) {
        let v = 0
        for (let j = 0; j < d; j++) v += w[j]! * tc.rows[r * d + j]!
        s[r] = v
        if (v > max) max = v
      }
      let z = 0
      for (let r = 0; r < tc.count; r++) z += (s[r] = Math.exp(s[r]! - max))
      const mean = new Array<number>(d).fill(0)
      const second = Array.from({ length: d }, () => new Array<number>(d).fill(0))
      for (let r = 0; r < tc.count; r++) {
        const p = s[r]! / z
        if (p < 1e-12) continue
        for (let i = 0; i < d; i++) {
          const xi = tc.rows[r * d + i]!
          mean[i]! += p * xi
          for (let j = 0; j <= i; j++) second[i]![j]! += p * xi * tc.rows[r * d + j]!
        }
      }
      for (let i = 0; i < d; i++) {
        grad[i]! += tc.rows[tc.hidden * d + i]! - mean[i]!
        for (let j = 0; j <= i; j++) {
          const h = second[i]![j]! - mean[i]! * mean[j]!
          hess[i]![j]! += h
          if (i !== j) hess[j]![i]! += h
        }
      }
    }
    const step = solve(hess, grad)
    let scale = 1
    let next = w
    let nextLl = current
    for (let tries = 0; tries < 20; tries++) {
      next = w.map((v, i) => v + scale * step[i]!)
      nextLl = logLikelihood(cases, next, ridge)
      if (nextLl >= current) break
      scale /= 2
    }
    const gain = nextLl - current
    w = next
    current = nextLl
    if (gain < 1e-6) break
  }
  return w
}

export function toWeights(w: readonly number[]): FeatureWeights {
  const out = {} as Record<(typeof featureNames)[number], number>
  featureNames.forEach((f, j) => {
    out[f] = Math.round(w[j]! * 1000) / 1000
  })
  return out
}
