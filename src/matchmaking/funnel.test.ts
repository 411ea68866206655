import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeFunnel, computeMeetingFunnel, type FunnelInput, type MeetingFunnelInput } from './funnel.js'
import { interestStepKinds } from './marketplace-terms.js'

const counts = (input: FunnelInput): number[] => computeFunnel(input).stages.map((stage) => stage.count)

describe('the marketplace funnel', () => {
  it('is empty without profiles', () => {
    expect(computeFunnel({ profiles: [], interests: [] })).toEqual({
      stages: [
        { stage: 'profile', count: 0, conversion: null },
        { stage: 'interest', count: 0, conversion: null },
        { stage: 'contact', count: 0, conversion: null },
        { stage: 'meeting', count: 0, conversion: null },
        { stage: 'agreement', count: 0, conversion: null },
        { stage: 'project', count: 0, conversion: null },
      ],
      profilesWithInterest: 0,
      declined: 0,
      agreementValueCents: 0,
      fundedProjects: 0,
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
    expect(funnel.stages.map((stage) => stage.count)).toEqual([4, 4, 2, 2, 1, 0])
    expect(funnel.stages.map((stage) => stage.conversion)).toEqual([null, 1, 0.5, 1, 0.5, 0])
    expect(funnel.profilesWithInterest).toBe(2)
    expect(funnel.declined).toBe(1)
    expect(funnel.agreementValueCents).toBe(5_000_000)
  })

  it('ignores interests in profiles outside the scope', () => {
    expect(counts({ profiles: [{ id: 'p1' }], interests: [{ id: 'i1', profileId: 'other', steps: [{ step: 'agreement' }] }] })).toEqual([1, 0, 0, 0, 0, 0])
    // No interest: none of them went on, and there is no share to give after that.
    expect(computeFunnel({ profiles: [{ id: 'p1' }], interests: [] }).stages.map((stage) => stage.conversion)).toEqual([null, 0, null, null, null, null])
  })

  it('never grows from one stage to the next after the interest stage', () => {
    const step = fc.constantFrom(...interestStepKinds)
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(step, { maxLength: 5 }), fc.boolean(), fc.boolean()), { maxLength: 20 }), (lists) => {
        const stepLists = lists.map(([steps]) => steps)
        const input: FunnelInput = {
          profiles: [{ id: 'p' }],
          interests: lists.map(([steps, jointProject, funded], index) => ({ id: `i${index}`, profileId: 'p', steps: steps.map((kind) => ({ step: kind })), jointProject, funded })),
        }
        const [, interest, contact, meeting, agreement, project] = counts(input) as [number, number, number, number, number, number]
        return interest === stepLists.length && contact <= interest && meeting <= contact && agreement <= meeting && project <= agreement
      }),
    )
  })

  it('puts a joint project after the agreement, implying every earlier stage, and counts the funded ones', () => {
    const funnel = computeFunnel({
      profiles: [{ id: 'p1' }, { id: 'p2' }],
      interests: [
        // A joint project with no recorded contact, meeting or agreement still went through them.
        { id: 'i1', profileId: 'p1', steps: [{ step: 'interest' }], jointProject: true, funded: true },
        { id: 'i2', profileId: 'p1', steps: [{ step: 'interest' }, { step: 'accepted' }, { step: 'agreement' }], jointProject: true, funded: false },
        { id: 'i3', profileId: 'p2', steps: [{ step: 'interest' }, { step: 'accepted' }, { step: 'agreement' }], jointProject: false },
        // The service only flags funded joint projects; a stray funded flag without a project is ignored.
        { id: 'i4', profileId: 'p2', steps: [{ step: 'interest' }], jointProject: false, funded: true },
      ],
    })
    expect(funnel.stages.map((stage) => stage.count)).toEqual([2, 4, 3, 3, 3, 2])
    expect(funnel.stages.at(-1)).toEqual({ stage: 'project', count: 2, conversion: 0.667 })
    expect(funnel.fundedProjects).toBe(1)
  })
})

const meeting = (overrides: Partial<MeetingFunnelInput['meetings'][number]> = {}): MeetingFunnelInput['meetings'][number] => ({
  published: true,
  aHeld: null,
  bHeld: null,
  aFollowUp: null,
  bFollowUp: null,
  aLaterFollowUp: null,
  bLaterFollowUp: null,
  ...overrides,
})

describe('the brokerage meetings of the funnel', () => {
  it('is empty without events', () => {
    const funnel = computeMeetingFunnel({ events: 0, requests: [], meetings: [] })
    expect(funnel.events).toBe(0)
    expect(funnel.stages.map((stage) => [stage.stage, stage.count, stage.conversion])).toEqual([
      ['requested', 0, null],
      ['accepted', 0, null],
      ['scheduled', 0, null],
      ['held', 0, null],
      ['contact_planned', 0, null],
      ['negotiation', 0, null],
      ['agreement', 0, null],
    ])
    expect(funnel.noFurtherContact).toBe(0)
  })

  it('counts requests, published and held meetings, and the furthest follow-up over both sides and both times', () => {
    const funnel = computeMeetingFunnel({
      events: 2,
      requests: [{ status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }, { status: 'declined' }, { status: 'pending' }, { status: 'withdrawn' }],
      meetings: [
        // Either side saying it was held is enough; the other side's later answer is the furthest.
        meeting({ aHeld: true, bHeld: false, aFollowUp: 'contact_planned', bLaterFollowUp: 'agreement' }),
        meeting({ bHeld: true, aFollowUp: 'negotiation', bFollowUp: 'none', aLaterFollowUp: 'none' }),
        meeting({ aHeld: true, bHeld: true, aFollowUp: 'none', bFollowUp: 'none' }),
        meeting({ aHeld: false, bHeld: false }),
        // Not on a published agenda yet: counts nowhere after the accepted request.
        meeting({ published: false, aHeld: true, aFollowUp: 'agreement' }),
      ],
    })
    expect(funnel.events).toBe(2)
    expect(funnel.stages.map((stage) => stage.count)).toEqual([8, 5, 4, 3, 2, 2, 1])
    expect(funnel.stages.map((stage) => stage.conversion)).toEqual([null, 0.625, 0.8, 0.75, 0.667, 1, 0.5])
    expect(funnel.noFurtherContact).toBe(1)
  })

  it('never grows from one follow-up stage to the next', () => {
    const followUp = fc.constantFrom(null, 'none' as const, 'contact_planned' as const, 'negotiation' as const, 'agreement' as const)
    const arbitraryMeeting = fc.record({ published: fc.boolean(), aHeld: fc.constantFrom(null, true, false), bHeld: fc.constantFrom(null, true, false), aFollowUp: followUp, bFollowUp: followUp, aLaterFollowUp: followUp, bLaterFollowUp: followUp })
    fc.assert(
      fc.property(fc.array(arbitraryMeeting, { maxLength: 30 }), (meetings) => {
        const [, , scheduled, held, contact, negotiation, agreement] = computeMeetingFunnel({ events: 1, requests: [], meetings }).stages.map((stage) => stage.count) as number[]
        return held! <= scheduled! && contact! <= scheduled! && negotiation! <= contact! && agreement! <= negotiation!
      }),
    )
  })
})
