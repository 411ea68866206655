import { describe, expect, it } from 'vitest'
import { brokerageStats, furthestFollowUp, heldState, type StatsMeeting, type StatsParticipant } from './stats.js'

const person = (id: string, role: string, districts: string[], status: StatsParticipant['status'] = 'confirmed', checkedIn = false): StatsParticipant => ({ id, role, districts, status, checkedIn })
const meeting = (a: string, b: string, overrides: Partial<StatsMeeting> = {}): StatsMeeting => ({ a, b, published: true, aHeld: null, bHeld: null, aFollowUp: null, bFollowUp: null, ...overrides })

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
    })
  })
})
