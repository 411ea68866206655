import { flowBound } from './bound.js'
import { buildProblem, type Problem } from './problem.js'
import { canPlace, createState, place, toResult, type State } from './state.js'
import type { ScheduleInput, ScheduleResult } from './types.js'

/** Baseline: requests in input order, each in the first slot where both are free and a table is left. */
export function firstFitState(problem: Problem): State {
  const state = createState(problem)
  for (let r = 0; r < problem.reqA.length; r++) {
    for (const s of problem.common[r]!) {
      if (canPlace(problem, state, r, s)) {
        place(problem, state, r, s)
        break
      }
    }
  }
  return state
}

export function firstFitSchedule(input: ScheduleInput): ScheduleResult {
  const problem = buildProblem(input)
  return toResult(problem, firstFitState(problem), 'first-fit', flowBound(problem).bound, false)
}
