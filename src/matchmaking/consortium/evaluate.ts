import { orgKey } from './corpus.js'
import { rankCandidates, scoreCandidates, type ConsortiumIndex, type EngineParams } from './engine.js'
import type { BenchmarkQuery } from './queries.js'

/** Full ranking of organisation keys for one query, given partners already left out. */
export type Ranker = (query: BenchmarkQuery) => readonly string[]

export type Metrics = { queries: number; hitAt10: number; mrr: number }

export function evaluate(queries: readonly BenchmarkQuery[], ranker: Ranker): Metrics {
  let hits = 0
  let reciprocal = 0
  for (const query of queries) {
    const position = ranker(query).indexOf(query.hidden.key)
    if (position < 0) continue
    if (position < 10) hits++
    reciprocal += 1 / (position + 1)
  }
  const n = queries.length
  return { queries: n, hitAt10: n === 0 ? 0 : hits / n, mrr: n === 0 ? 0 : reciprocal / n }
}

function givenSet(index: ConsortiumIndex, query: BenchmarkQuery): Set<number> {
  const out = new Set<number>()
  for (const p of query.partners) {
    const oi = index.orgByKey.get(orgKey(p.name))
    if (oi !== undefined) out.add(oi)
  }
  return out
}

function rankBy(index: ConsortiumIndex, excluded: ReadonlySet<number>, primary: Float64Array): string[] {
  const order: number[] = []
  for (let oi = 0; oi < index.orgs.length; oi++) if (!excluded.has(oi)) order.push(oi)
  order.sort(
    (a, b) =>
      primary[b]! - primary[a]! ||
      index.orgs[b]!.projects.length - index.orgs[a]!.projects.length ||
      (index.orgs[a]!.key < index.orgs[b]!.key ? -1 : 1),
  )
  return order.map((oi) => index.orgs[oi]!.key)
}

/** Baseline: organisations with the most corpus projects first. */
export function popularityRanker(index: ConsortiumIndex): Ranker {
  const zero = new Float64Array(index.orgs.length)
  return (query) => rankBy(index, givenSet(index, query), zero)
}

/**
 * Baseline: corpus projects shared with the given partners, summed over the partners (a project shared
 * with two of them counts twice, which is how the README's reference figure was obtained); ties by popularity.
 */
export function coParticipationRanker(index: ConsortiumIndex): Ranker {
  return (query) => {
    const given = givenSet(index, query)
    const counts = new Float64Array(index.orgs.length)
    for (const g of given) for (const pi of index.orgs[g]!.projects) for (const m of index.projects[pi]!.members) counts[m]! += 1
    return rankBy(index, given, counts)
  }
}

export function engineRanker(index: ConsortiumIndex, params?: EngineParams): Ranker {
  return (query) => {
    const { scores, excluded } = scoreCandidates(index, { title: query.title, partners: query.partners }, params)
    return rankCandidates(index, scores, excluded).map((oi) => index.orgs[oi]!.key)
  }
}
