import type { Problem } from './problem.js'
import type { UpperBound } from './types.js'

type FlowBound = {
  readonly bound: UpperBound
  /** Flow (0, 1 or 2) through each open request in the maximum flow found: a hint of which requests to keep. */
  readonly requestFlow: Uint8Array
}

/** Dinic's maximum flow on a graph built edge by edge; capacities are small integers. */
class FlowGraph {
  private readonly head: Int32Array
  private to: number[] = []
  private next: number[] = []
  readonly capacity: number[] = []

  constructor(private readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1)
  }

  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length
    this.to.push(to, from)
    this.capacity.push(capacity, 0)
    this.next.push(this.head[from]!, this.head[to]!)
    this.head[from] = id
    this.head[to] = id + 1
    return id
  }

  maxFlow(source: number, sink: number): number {
    const n = this.nodes
    const level = new Int32Array(n)
    const iter = new Int32Array(n)
    const queue = new Int32Array(n)
    const to = Int32Array.from(this.to)
    const next = Int32Array.from(this.next)
    const cap = Int32Array.from(this.capacity)
    const head = this.head
    let total = 0
    const stackNode = new Int32Array(n)
    const stackEdge = new Int32Array(n)
    for (;;) {
      level.fill(-1)
      level[source] = 0
      let qh = 0
      let qt = 0
      queue[qt++] = source
      while (qh < qt) {
        const v = queue[qh++]!
        for (let e = head[v]!; e !== -1; e = next[e]!) {
          const w = to[e]!
          if (cap[e]! > 0 && level[w] === -1) {
            level[w] = level[v]! + 1
            queue[qt++] = w
          }
        }
      }
      if (level[sink] === -1) break
      iter.set(head)
      // Iterative DFS: find a path along the level graph, push its bottleneck, restart from the source.
      for (;;) {
        let depth = 0
        let v = source
        let found = false
        while (true) {
          if (v === sink) {
            found = true
            break
          }
          let e = iter[v]!
          while (e !== -1 && !(cap[e]! > 0 && level[to[e]!] === level[v]! + 1)) e = next[e]!
          iter[v] = e
          if (e === -1) {
            if (depth === 0) break
            level[v] = -1
            depth--
            v = stackNode[depth]!
            iter[v] = next[iter[v]!]!
            continue
          }
          stackNode[depth] = v
          stackEdge[depth] = e
          depth++
          v = to[e]!
        }
        if (!found) break
        let push = Number.MAX_SAFE_INTEGER
        for (let i = 0; i < depth; i++) push = Math.min(push, cap[stackEdge[i]!]!)
        for (let i = 0; i < depth; i++) {
          cap[stackEdge[i]!]! -= push
          cap[stackEdge[i]! ^ 1]! += push
        }
        total += push
      }
    }
    for (let e = 0; e < cap.length; e++) this.capacity[e] = cap[e]!
    return total
  }
}

/**
 * Two relaxations, each a valid upper bound; the smaller one is returned. Every schedule is a flow of value
 * 2 × (open meetings) in both graphs, so half the maximum flow bounds the count.
 * - person-cap: a held request sends one unit to each participant, each unit lands in a distinct slot of that
 *   participant, each slot absorbs two units per meeting (tables + rooms left). Sees table capacity, but a
 *   request may send its unit to one participant only.
 * - double cover: the fractional b-matching LP as a bipartite flow (participant copies p' and p''; a held
 *   request (a, b) carries a' -> b'' and b' -> a''), with budget min(cap left, usable slots). Counts a
 *   request at both ends, so an overbooked participant cannot leave half-held requests behind.
 */
export function flowBound(problem: Problem): FlowBound {
  const capped = personCapFlow(problem)
  const cover = doubleCoverFlow(problem)
  const best = cover.flow < capped.flow ? cover : capped
  const method = best === cover ? coverMethod : capMethod
  return {
    bound: { value: problem.locked.length + Math.floor(best.flow / 2), method },
    requestFlow: best.requestFlow,
  }
}

type Flow = { readonly flow: number; readonly requestFlow: Uint8Array }

export const capMethod =
  'max-flow, person-cap: locked + floor(F/2); source -2-> request -1-> participant -(cap left)-> participant-slot -1-> slot -2*(tables+rooms left)-> sink'
export const coverMethod =
  'max-flow, fractional b-matching (bipartite double cover): locked + floor(F/2); source -> participant\' -(1 per request)-> partner\'\' -> sink, participant capacity min(cap left, usable slots)'

function requestFlows(graph: FlowGraph, requestEdge: Int32Array): Uint8Array {
  const requestFlow = new Uint8Array(requestEdge.length)
  for (let r = 0; r < requestEdge.length; r++) {
    const e = requestEdge[r]!
    if (e !== -1) requestFlow[r] = 2 - graph.capacity[e]!
  }
  return requestFlow
}

function personCapFlow(problem: Problem): Flow {
  const { slots: S, people: P, reqA, reqB, common } = problem
  const R = reqA.length
  const source = 0
  const reqNode = (r: number): number => 1 + r
  const inNode = (p: number): number => 1 + R + p
  const outNode = (p: number): number => 1 + R + P + p
  const slotNode = (s: number): number => 1 + R + 2 * P + s
  const sink = 1 + R + 2 * P + S
  const graph = new FlowGraph(sink + 1)
  const requestEdge = new Int32Array(R).fill(-1)
  const usefulSlot = new Uint8Array(P * S)
  for (let r = 0; r < R; r++) {
    const slots = common[r]!
    if (slots.length === 0) continue
    const a = reqA[r]!
    const b = reqB[r]!
    requestEdge[r] = graph.addEdge(source, reqNode(r), 2)
    graph.addEdge(reqNode(r), inNode(a), 1)
    graph.addEdge(reqNode(r), inNode(b), 1)
    for (const s of slots) {
      usefulSlot[a * S + s] = 1
      usefulSlot[b * S + s] = 1
    }
  }
  for (let p = 0; p < P; p++) {
    const left = Math.max(0, problem.cap[p]! - problem.lockedCount[p]!)
    if (left === 0) continue
    graph.addEdge(inNode(p), outNode(p), left)
    for (let s = 0; s < S; s++) if (usefulSlot[p * S + s] === 1) graph.addEdge(outNode(p), slotNode(s), 1)
  }
  addSlotSinks(problem, graph, slotNode, sink)
  const flow = graph.maxFlow(source, sink)
  return { flow, requestFlow: requestFlows(graph, requestEdge) }
}

function doubleCoverFlow(problem: Problem): Flow {
  const { slots: S, people: P, reqA, reqB, common } = problem
  const R = reqA.length
  const source = 0
  const left = (p: number): number => 1 + p
  const right = (p: number): number => 1 + P + p
  const sink = 1 + 2 * P
  const graph = new FlowGraph(sink + 1)
  const usefulSlot = new Uint8Array(P * S)
  const forward = new Int32Array(R).fill(-1)
  const backward = new Int32Array(R).fill(-1)
  for (let r = 0; r < R; r++) {
    const slots = common[r]!
    if (slots.length === 0) continue
    const a = reqA[r]!
    const b = reqB[r]!
    forward[r] = graph.addEdge(left(a), right(b), 1)
    backward[r] = graph.addEdge(left(b), right(a), 1)
    for (const s of slots) {
      usefulSlot[a * S + s] = 1
      usefulSlot[b * S + s] = 1
    }
  }
  for (let p = 0; p < P; p++) {
    let slots = 0
    for (let s = 0; s < S; s++) slots += usefulSlot[p * S + s]!
    const budget = Math.min(slots, Math.max(0, problem.cap[p]! - problem.lockedCount[p]!))
    if (budget === 0) continue
    graph.addEdge(source, left(p), budget)
    graph.addEdge(right(p), sink, budget)
  }
  const flow = graph.maxFlow(source, sink)
  const requestFlow = new Uint8Array(R)
  for (let r = 0; r < R; r++) {
    if (forward[r] === -1) continue
    requestFlow[r] = 2 - graph.capacity[forward[r]!]! - graph.capacity[backward[r]!]!
  }
  return { flow, requestFlow }
}

function addSlotSinks(problem: Problem, graph: FlowGraph, slotNode: (s: number) => number, sink: number): void {
  for (let s = 0; s < problem.slots; s++) {
    const left = problem.slotCapacity - problem.lockedLoad[s]!
    if (left > 0) graph.addEdge(slotNode(s), sink, 2 * left)
  }
}
