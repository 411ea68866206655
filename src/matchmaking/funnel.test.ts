import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeFunnel, type FunnelInput } from './funnel.js'
import { interestStepKinds } from './matchmaking.tables.js'

const counts = (input: FunnelInput): number[] => computeFunnel(input).stages.map((stage) => stage.count)

describe('the marketplace funnel', () => {
  it('is empty without profiles', () => {
    expect(computeFunnel({ profiles: [], interests: [] })).toEqual({
      stages: [
        { stage: 'profile', count: 0, conversion: null },
        { stage: 'interest', count: 0, conversion: 0 },
        { stage: 'contact', count: 0, conversion: 0 },
        { stage: 'meeting', count: 0, conversion: 0 },
        { stage: 'agreement', count: 0, conversion: 0 },
      ],
      profilesWithInterest: 0,
      declined: 0,
      agreementValueCents: 0,
    })
  })

  it('counts each interest at the furthest step it reached, with conversions and agreement value', () => {
    const funnel = computeFunnel({
      profiles: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }],
      interests: [
        { id: 'i1', profileId: 'p1', steps: [{ step: 'interest' }] },
        { id: 'i2', profileId: 'p1', steps: [{ step: 'interest' }, { step: 'declined' }] },
        { id: 'i3', profileId: 'p2', steps: [{ step: 'interest' }, { step: 'accepted' }, { step: 'meeting' }] },
        { id: 'i4', profileId: 'p2', steps: [{ step: 'interest' }, { step: 'accepted' }, { step: 'agreement', valueCents: 5_000_000 }] },
      ],
    })
    expect(funnel.stages.map((stage) => stage.count)).toEqual([4, 4, 2, 2, 1])
    expect(funnel.stages.map((stage) => stage.conversion)).toEqual([null, 1, 0.5, 1, 0.5])
    expect(funnel.profilesWithInterest).toBe(2)
    expect(funnel.declined).toBe(1)
    expect(funnel.agreementValueCents).toBe(5_000_000)
  })

  it('ignores interests in profiles outside the scope', () => {
    expect(counts({ profiles: [{ id: 'p1' }], interests: [{ id: 'i1', profileId: 'other', steps: [{ step: 'agreement' }] }] })).toEqual([1, 0, 0, 0, 0])
  })

  it('never grows from one stage to the next after the interest stage', () => {
    const step = fc.constantFrom(...interestStepKinds)
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 5 }), { maxLength: 20 }), (stepLists) => {
        const input: FunnelInput = {
          profiles: [{ id: 'p' }],
          interests: stepLists.map((steps, index) => ({ id: `i${index}`, profileId: 'p', steps: steps.map((kind) => ({ step: kind })) })),
        }
        const [, interest, contact, meeting, agreement] = counts(input) as [number, number, number, number, number]
        return interest === stepLists.length && contact <= interest && meeting <= contact && agreement <= meeting
      }),
    )
  })
})
