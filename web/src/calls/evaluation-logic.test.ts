import { describe, expect, it } from 'vitest'
import { evaluationState, panelMean, scoreOptions } from './evaluation-logic'

describe('the consensus starting point', () => {
  it('is the mean of the panel rounded to the half point', () => {
    expect(panelMean([])).toBeNull()
    expect(panelMean([4])).toBe(4)
    expect(panelMean([4, 4.5, 5])).toBe(4.5)
    // 11/3 = 3.67 → 3.5; 3.75 → 4 (a quarter rounds up to the next half)
    expect(panelMean([3, 4, 4])).toBe(3.5)
    expect(panelMean([3.5, 4])).toBe(4)
    expect(panelMean([0, 0, 0.5])).toBe(0)
  })

  it('always lands on a score the form offers', () => {
    for (const a of scoreOptions) for (const b of scoreOptions) for (const c of [0, 2.5, 5]) expect(scoreOptions).toContain(panelMean([a, b, c]))
  })
})

describe("an evaluator's next step", () => {
  const base = { status: 'active' as const, reportSubmitted: false, rapporteur: false, consensusSubmitted: false }
  it('goes from scoring to the consensus', () => {
    expect(evaluationState(base)).toBe('toScore')
    expect(evaluationState({ ...base, rapporteur: true })).toBe('toScore')
    expect(evaluationState({ ...base, reportSubmitted: true })).toBe('waiting')
    expect(evaluationState({ ...base, reportSubmitted: true, rapporteur: true })).toBe('toAgree')
    expect(evaluationState({ ...base, reportSubmitted: true, consensusSubmitted: true })).toBe('done')
    expect(evaluationState({ ...base, status: 'declined', rapporteur: true })).toBe('declined')
  })
})
