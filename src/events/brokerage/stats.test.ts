import { describe, expect, it } from 'vitest'
import { brokerageStats, furthestFollowUp, heldState, partnershipStage, type StatsMeeting, type StatsParticipant } from './stats.js'

const person = (id: string, role: string, districts: string[], status: StatsParticipant['status'] = 'confirmed', checkedIn = false): StatsParticipant => ({ id, role, districts, status, checkedIn })
const meeting = (a: string, b: string, overrides: Partial<StatsMeeting> = {}): StatsMeeting => ({ a, b, published: true, aHeld: null, bHeld: null, aFollowUp: null, bFollowUp: null, aLaterAsked: false, bLaterAsked: false, aLaterFollowUp: null, bLaterFollowUp: null, ...overrides })

describe('heldState and furthestFollowUp', () => {
  it('trusts a side that says the meeting was held', () => {
    expect(heldState({ aHeld: true, bHeld: false })).toBe('held')
    expect(heldState({ aHeld: null, bHeld: false })).toBe('not_held')
    expect(heldState({ aHeld: null, bHeld: null })).toBe('unknown')
  })

  it('takes the furthest stage either side reports', () => {
    expect(furthestFollowUp({ aFollowUp: 'negotiation', bFollowUp: 'contact_planned' })).toBe('negotiation')
    expect(furthestFollowUp({ aFollowUp: null, bFollowUp: 'none' })).toBe('none')
    expect(furthestFollowUp({ aFollowUp: null, bFollowUp: null })).toBeNull()
  })
})

describe('brokerageStats', () => {
  it('counts confirmed participants by role and district, requests by status, meetings by side', () => {
    const participants = [
      person('a', 'buyer', ['ICT'], 'confirmed', true),
      person('b', 'seller', ['Materials', 'ICT']),
      person('c', 'seller', []),
      person('d', 'seller', ['ICT'], 'pending'),
    ]
    const stats = brokerageStats(
      participants,
      [{ status: 'accepted', from: 'a', to: 'b' }, { status: 'accepted', from: 'c', to: 'a' }, { status: 'declined', from: 'a', to: 'd' }],
      [meeting('a', 'b', { aHeld: true, aFollowUp: 'agreement', bFollowUp: 'negotiation' }), meeting('a', 'c', { published: false, bHeld: false })],
    )
    expect(stats.participants).toEqual({ total: 3, byStatus: { confirmed: 3, pending: 1 }, byRole: { buyer: 1, seller: 2 }, byDistrict: { ICT: 2, Materials: 1, none: 1 }, checkedIn: 1 })
    expect(stats.requests).toEqual({ sent: 3, byStatus: { accepted: 2, declined: 1 }, acceptedByRole: { buyer: 2, seller: 2 } })
    expect(stats.meetings).toEqual({
      scheduled: 2,
      published: 1,
      held: 1,
      notHeld: 1,
      byRole: { buyer: 2, seller: 2 },
      byDistrict: { ICT: 3, Materials: 1, none: 1 },
      followUps: { agreement: 1 },
      laterAsked: 0,
      laterAnswered: 0,
      laterFollowUps: {},
      agreements: 1,
    })
  })

  it('counts the six-month answers beside the first ones, and an agreement reached later as an agreement', () => {
    const participants = [person('a', 'buyer', ['ICT']), person('b', 'seller', ['ICT']), person('c', 'seller', ['ICT'])]
    const stats = brokerageStats(participants, [], [
      meeting('a', 'b', { aHeld: true, aFollowUp: 'contact_planned', bFollowUp: 'negotiation', aLaterAsked: true, bLaterAsked: true, aLaterFollowUp: 'agreement' }),
      meeting('a', 'c', { bHeld: true, bFollowUp: 'contact_planned', aLaterAsked: true, bLaterAsked: true, aLaterFollowUp: 'none', bLaterFollowUp: 'none' }),
    ])
    expect(stats.meetings).toMatchObject({
      held: 2,
      followUps: { negotiation: 1, contact_planned: 1 },
      laterAsked: 4,
      laterAnswered: 3,
      laterFollowUps: { agreement: 1, none: 1 },
      agreements: 1,
    })
  })
})

describe('partnershipStage', () => {
  it('takes the furthest stage of all four answers', () => {
    const answers = { aFollowUp: null, bFollowUp: null, aLaterFollowUp: null, bLaterFollowUp: null }
    expect(partnershipStage(answers)).toBeNull()
    expect(partnershipStage({ ...answers, aFollowUp: 'negotiation' })).toBe('negotiation')
    expect(partnershipStage({ ...answers, aFollowUp: 'negotiation', bLaterFollowUp: 'agreement' })).toBe('agreement')
    expect(partnershipStage({ ...answers, aFollowUp: 'agreement', aLaterFollowUp: 'none' })).toBe('agreement')
  })
})
