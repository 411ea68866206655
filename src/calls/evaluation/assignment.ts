// Evaluator assignment as a min-cost flow: source → proposal (the evaluators it still needs) → evaluator
// (one unit per admissible pair) → sink through one unit-capacity arc per load level. The level arcs cost
// BIG·(2L+1), the marginal cost of L² → (L+1)², so the flow minimises Σ load² — balanced loads whenever a
// balanced assignment exists — and BIG exceeds any total fit difference, so balance comes first and
// expertise fit second. Existing assignments are kept as they are and count in the loads.

export type AssignmentEvaluator = { id: string; organisationId: string | null; expertise: readonly string[] }
/** `organisationIds`: the proposal's partners and named providers. */
export type AssignmentProposal = { id: string; taxonomyCode: string | null; organisationIds: readonly string[] }
export type Pair = { proposalId: string; evaluatorId: string }

export type AssignmentInput = {
  proposals: readonly AssignmentProposal[]
  evaluators: readonly AssignmentEvaluator[]
  perProposal: number
  /** Active assignments of the call: kept, and counted in the loads. */
  existing: readonly Pair[]
  /** Declared conflicts and declined assignments: never assigned. */
  conflicts: readonly Pair[]
}

export type Assignment = Pair & { matchedCodes: string[]; fit: number; load: number }
export type Shortfall = { proposalId: string; needed: number; available: number }
export type AssignmentResult = { ok: true; assignments: Assignment[] } | { ok: false; shortfalls: Shortfall[] }

export const MAX_FIT = 3

/**
 * How well an evaluator's expertise covers a proposal's priority: 3 for the same code, 2 for its parent
 * area ("ICT" for "ICT.03"), 1 for a sibling in the same area ("ICT.05"); with the codes that matched.
 */
export function expertiseFit(taxonomyCode: string | null, expertise: readonly string[]): { fit: number; matchedCodes: string[] } {
  if (taxonomyCode === null) return { fit: 0, matchedCodes: [] }
  const area = taxonomyCode.split('.')[0]
  let fit = 0
  const matchedCodes: string[] = []
  for (const code of expertise) {
    const score = code === taxonomyCode ? 3 : code === area ? 2 : code.split('.')[0] === area ? 1 : 0
    if (score === 0) continue
    matchedCodes.push(code)
    fit = Math.max(fit, score)
  }
  return { fit, matchedCodes }
}

export function isConflicted(evaluator: AssignmentEvaluator, proposal: AssignmentProposal, declared: ReadonlySet<string>): boolean {
  if (evaluator.organisationId !== null && proposal.organisationIds.includes(evaluator.organisationId)) return true
  return declared.has(pairKey(proposal.id, evaluator.id))
}

const pairKey = (proposalId: string, evaluatorId: string): string => `${proposalId}\u0000${evaluatorId}`

export function assignEvaluators(input: AssignmentInput): AssignmentResult {
  const declared = new Set(input.conflicts.map((pair) => pairKey(pair.proposalId, pair.evaluatorId)))
  const assigned = new Set(input.existing.map((pair) => pairKey(pair.proposalId, pair.evaluatorId)))
  const candidates = input.proposals.map((proposal) =>
    input.evaluators.flatMap((evaluator, index) =>
      isConflicted(evaluator, proposal, declared) || assigned.has(pairKey(proposal.id, evaluator.id)) ? [] : [index],
    ),
  )
  const needs = input.proposals.map((proposal) => Math.max(0, input.perProposal - input.existing.filter((pair) => pair.proposalId === proposal.id).length))
  const shortfalls = input.proposals.flatMap((proposal, p) =>
    candidates[p]!.length < needs[p]! ? [{ proposalId: proposal.id, needed: needs[p]!, available: candidates[p]!.length }] : [],
  )
  if (shortfalls.length > 0) return { ok: false, shortfalls }

  const load = input.evaluators.map((evaluator) => input.existing.filter((pair) => pair.evaluatorId === evaluator.id).length)
  const fits = input.proposals.map((proposal) => input.evaluators.map((evaluator) => expertiseFit(proposal.taxonomyCode, evaluator.expertise)))
  const totalNeed = needs.reduce((sum, need) => sum + need, 0)
  const big = MAX_FIT * totalNeed + 1
  const P = input.proposals.length
  const E = input.evaluators.length
  const source = 0
  const sink = 1 + P + E
  const graph = new FlowGraph(sink + 1)
  const pairArcs: { arc: number; p: number; e: number }[] = []
  for (let p = 0; p < P; p++) {
    if (needs[p]! === 0) continue
    graph.addArc(source, 1 + p, needs[p]!, 0)
    for (const e of candidates[p]!) pairArcs.push({ arc: graph.addArc(1 + p, 1 + P + e, 1, MAX_FIT - fits[p]![e]!.fit), p, e })
  }
  for (let e = 0; e < E; e++) {
    const reachable = candidates.filter((list, p) => needs[p]! > 0 && list.includes(e)).length
    for (let level = load[e]!; level < load[e]! + reachable; level++) graph.addArc(1 + P + e, sink, 1, big * (2 * level + 1))
  }
  graph.minCostFlow(source, sink, totalNeed)

  const chosen = pairArcs.filter((item) => graph.flowOn(item.arc) > 0)
  // Loads are reported as they stand once the whole run is placed: the figure the officer balances.
  for (const item of chosen) load[item.e]! += 1
  const assignments = chosen.map(({ p, e }) => ({
    proposalId: input.proposals[p]!.id,
    evaluatorId: input.evaluators[e]!.id,
    matchedCodes: fits[p]![e]!.matchedCodes,
    fit: fits[p]![e]!.fit,
    load: load[e]!,
  }))
  return { ok: true, assignments }
}

/** Successive shortest paths with Johnson potentials; every arc cost is non-negative. */
class FlowGraph {
  private readonly to: number[] = []
  private readonly capacity: number[] = []
  private readonly cost: number[] = []
  private readonly outgoing: number[][]

  constructor(private readonly size: number) {
    this.outgoing = Array.from({ length: size }, () => [])
  }

  addArc(from: number, to: number, capacity: number, cost: number): number {
    const arc = this.to.length
    this.to.push(to, from)
    this.capacity.push(capacity, 0)
    this.cost.push(cost, -cost)
    this.outgoing[from]!.push(arc)
    this.outgoing[to]!.push(arc + 1)
    return arc
  }

  flowOn(arc: number): number {
    return this.capacity[arc + 1]!
  }

  minCostFlow(source: number, sink: number, wanted: number): number {
    const potential = new Array<number>(this.size).fill(0)
    let sent = 0
    while (sent < wanted) {
      const { distance, via } = this.shortestPaths(source, potential)
      if (distance[sink] === Infinity) break
      for (let node = 0; node < this.size; node++) if (distance[node] !== Infinity) potential[node]! += distance[node]!
      let push = wanted - sent
      for (let node = sink; node !== source; node = this.to[via[node]! ^ 1]!) push = Math.min(push, this.capacity[via[node]!]!)
      for (let node = sink; node !== source; node = this.to[via[node]! ^ 1]!) {
        this.capacity[via[node]!]! -= push
        this.capacity[via[node]! ^ 1]! += push
      }
      sent += push
    }
    return sent
  }

  /** Dijkstra on reduced costs, O(V²): the graphs are a few hundred nodes. */
  private shortestPaths(source: number, potential: readonly number[]): { distance: number[]; via: number[] } {
    const distance = new Array<number>(this.size).fill(Infinity)
    const via = new Array<number>(this.size).fill(-1)
    const done = new Array<boolean>(this.size).fill(false)
    distance[source] = 0
    for (;;) {
      let node = -1
      for (let candidate = 0; candidate < this.size; candidate++) {
        if (!done[candidate] && distance[candidate]! < Infinity && (node === -1 || distance[candidate]! < distance[node]!)) node = candidate
      }
      if (node === -1) break
      done[node] = true
      for (const arc of this.outgoing[node]!) {
        if (this.capacity[arc]! <= 0) continue
        const next = this.to[arc]!
        const reduced = distance[node]! + this.cost[arc]! + potential[node]! - potential[next]!
        if (reduced < distance[next]!) {
          distance[next] = reduced
          via[next] = arc
        }
      }
    }
    return { distance, via }
  }
}
