import loadHighs from 'highs'
import type { Problem } from './problem.js'
import { canPlace, createState, place, type State } from './state.js'

type Highs = Awaited<ReturnType<typeof loadHighs>>

let solver: Promise<Highs> | undefined

/** The WebAssembly solver is loaded once per process; solves themselves are synchronous. */
const highs = (): Promise<Highs> => (solver ??= loadHighs())

export type ExactOutcome = {
  readonly state: State
  /** True when HiGHS proved the meeting count optimal. */
  readonly countOptimal: boolean
}

/** Number of (request, slot) decision variables of the MIP. */
export function mipVariableCount(problem: Problem): number {
  let n = 0
  for (const slots of problem.common) n += slots.length
  return n
}

const x = (r: number, s: number): string => `x${r}_${s}`

/** A sum of variables, wrapped over several lines as LP format allows. */
function sum(terms: readonly string[]): string {
  const lines: string[] = []
  for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' + '))
  return lines.join('\n   + ')
}

const row = (name: string, terms: readonly string[], op: string, rhs: number): string => ` ${name}: ${sum(terms)} ${op} ${rhs}`

type Model = { readonly rows: string[]; readonly variables: string[]; readonly busyTerms: Map<number, string[]> }

function baseModel(problem: Problem): Model {
  const { slots: S, reqA, reqB, common } = problem
  const rows: string[] = []
  const variables: string[] = []
  const busyTerms = new Map<number, string[]>()
  const slotTerms: string[][] = Array.from({ length: S }, () => [])
  const personTerms = new Map<number, string[]>()
  const add = <K>(map: Map<K, string[]>, key: K, term: string): void => {
    const list = map.get(key)
    if (list) list.push(term)
    else map.set(key, [term])
  }
  for (let r = 0; r < reqA.length; r++) {
    const terms: string[] = []
    for (const s of common[r]!) {
      const v = x(r, s)
      variables.push(v)
      terms.push(v)
      slotTerms[s]!.push(v)
      for (const p of [reqA[r]!, reqB[r]!]) {
        add(busyTerms, p * S + s, v)
        add(personTerms, p, v)
      }
    }
    if (terms.length > 1) rows.push(row(`r${r}`, terms, '<=', 1))
  }
  for (const [key, terms] of busyTerms) if (terms.length > 1) rows.push(row(`b${key}`, terms, '<=', 1))
  slotTerms.forEach((terms, s) => {
    const left = problem.slotCapacity - problem.lockedLoad[s]!
    if (terms.length > left) rows.push(row(`s${s}`, terms, '<=', left))
  })
  for (const [p, terms] of personTerms) {
    const left = Math.max(0, problem.cap[p]! - problem.lockedCount[p]!)
    if (terms.length > left) rows.push(row(`c${p}`, terms, '<=', left))
  }
  return { rows, variables, busyTerms }
}

/** Idle-slot linearisation: bf (a meeting at or before s) and af (at or after s) are monotone along the session. */
function idleRows(problem: Problem, busyTerms: Map<number, string[]>): { rows: string[]; idle: string[] } {
  const S = problem.slots
  const rows: string[] = []
  const idle: string[] = []
  const people = new Set<number>()
  for (const key of busyTerms.keys()) people.add(Math.floor(key / S))
  for (const p of [...people].sort((u, v) => u - v)) {
    for (const session of problem.sessionSlots) {
      const len = session.length
      for (let i = 0; i < len; i++) {
        const s = session[i]!
        const busy = busyTerms.get(p * S + s) ?? []
        const fixed = problem.lockedBusy[p * S + s]!
        const minus = busy.map((v) => `- ${v}`).join(' ')
        rows.push(` bf${p}_${s}: bf${p}_${s} ${minus} >= ${fixed}`)
        rows.push(` af${p}_${s}: af${p}_${s} ${minus} >= ${fixed}`)
        if (i > 0) rows.push(` bm${p}_${s}: bf${p}_${s} - bf${p}_${session[i - 1]!} >= 0`)
        if (i < len - 1) rows.push(` am${p}_${s}: af${p}_${s} - af${p}_${session[i + 1]!} >= 0`)
        if (problem.avail[p * S + s] === 1 && fixed === 0) {
          const plus = busy.map((v) => `+ ${v}`).join(' ')
          rows.push(` id${p}_${s}: id${p}_${s} - bf${p}_${s} - af${p}_${s} ${plus} >= -1`)
          idle.push(`id${p}_${s}`)
        }
      }
    }
  }
  return { rows, idle }
}

const primal = (column: unknown): number =>
  typeof column === 'object' && column !== null && 'Primal' in column && typeof column.Primal === 'number' ? column.Primal : 0

function stateFrom(problem: Problem, columns: Readonly<Record<string, unknown>>, variables: readonly string[]): State | undefined {
  const state = createState(problem)
  for (const v of variables) {
    if (primal(columns[v]) < 0.5) continue
    const [r, s] = v.slice(1).split('_').map(Number) as [number, number]
    if (state.slotOf[r]! >= 0 || !canPlace(problem, state, r, s)) return undefined
    place(problem, state, r, s)
  }
  return state
}

const hasSolution = (status: string): boolean => status === 'Optimal' || status.includes('limit') || status.includes('reached')

/**
 * Lexicographic MIP with HiGHS: phase 1 maximises the meetings, phase 2 fixes that count and minimises idle
 * slots. Returns undefined when the solver yields no usable solution (the caller falls back to the heuristic).
 */
export async function solveExact(problem: Problem, maxNodes: number, knownOptimum?: State): Promise<ExactOutcome | undefined> {
  const solverInstance = await highs()
  const { rows, variables, busyTerms } = baseModel(problem)
  if (variables.length === 0) return { state: createState(problem), countOptimal: true }
  const options = { output_flag: false, mip_max_nodes: maxNodes, mip_rel_gap: 0, mip_abs_gap: 0.5 } as const
  const binaries = `Binary\n ${variables.join('\n ')}`
  const phase1 = ['Maximize', ` obj: ${sum(variables)}`, 'Subject To', ...rows, binaries, 'End'].join('\n')
  // Phase 1 is skipped when the caller already holds a schedule that reaches the upper bound.
  const first = knownOptimum ? undefined : solverInstance.solve(phase1, options)
  if (first && !hasSolution(first.Status)) return undefined
  const counted = first ? stateFrom(problem, first.Columns, variables) : knownOptimum
  if (!counted) return undefined
  const countOptimal = first ? first.Status === 'Optimal' : true
  let best = 0
  for (const s of counted.slotOf) if (s >= 0) best++

  const { rows: gapRows, idle } = idleRows(problem, busyTerms)
  if (idle.length === 0) return { state: counted, countOptimal }
  const phase2 = [
    'Minimize',
    ` obj: ${sum(idle)}`,
    'Subject To',
    ...rows,
    row('count', variables, '>=', best),
    ...gapRows,
    binaries,
    'End',
  ].join('\n')
  const second = solverInstance.solve(phase2, options)
  if (!hasSolution(second.Status)) return { state: counted, countOptimal }
  const compact = stateFrom(problem, second.Columns, variables)
  return { state: compact ?? counted, countOptimal }
}
