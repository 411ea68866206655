import type { FollowUp } from '../event-terms.js'
import type { ParticipantStatus, RequestStatus } from './brokerage.tables.js'

// The organiser's figures, computed from plain rows: data in, data out.

export type StatsParticipant = { id: string; status: ParticipantStatus; role: string; districts: readonly string[]; checkedIn: boolean }
export type StatsRequest = { status: RequestStatus; from: string; to: string }
export type StatsMeeting = {
  a: string
  b: string
  published: boolean
  aHeld: boolean | null
  bHeld: boolean | null
  aFollowUp: FollowUp | null
  bFollowUp: FollowUp | null
  /** The six-month follow-up: whether each side was asked, and its answer. */
  aLaterAsked: boolean
  bLaterAsked: boolean
  aLaterFollowUp: FollowUp | null
  bLaterFollowUp: FollowUp | null
}

export type Stats = {
  participants: { total: number; byStatus: Record<string, number>; byRole: Record<string, number>; byDistrict: Record<string, number>; checkedIn: number }
  requests: { sent: number; byStatus: Record<string, number>; acceptedByRole: Record<string, number> }
  meetings: {
    scheduled: number
    published: number
    held: number
    notHeld: number
    byRole: Record<string, number>
    byDistrict: Record<string, number>
    followUps: Record<string, number>
    /** Sides asked the six-month question, and sides that answered it. */
    laterAsked: number
    laterAnswered: number
    /** The furthest stage either side reports six months on, per meeting. */
    laterFollowUps: Record<string, number>
    /** Meetings where a side reported an agreement, right after the meeting or six months on. */
    agreements: number
  }
}

/** Participants without a district (no organisation, or one outside every district) are counted under this key. */
export const noDistrict = 'none'
const followUpOrder: readonly FollowUp[] = ['none', 'contact_planned', 'negotiation', 'agreement']

const bump = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by
}

/** A meeting was held when a side says so, not held when a side says not and none says it was. */
export function heldState(meeting: Pick<StatsMeeting, 'aHeld' | 'bHeld'>): 'held' | 'not_held' | 'unknown' {
  if (meeting.aHeld === true || meeting.bHeld === true) return 'held'
  if (meeting.aHeld === false || meeting.bHeld === false) return 'not_held'
  return 'unknown'
}

/** The furthest stage either side reports. */
export function furthestFollowUp(meeting: Pick<StatsMeeting, 'aFollowUp' | 'bFollowUp'>): FollowUp | null {
  const stages = [meeting.aFollowUp, meeting.bFollowUp].filter((s): s is FollowUp => s !== null)
  if (stages.length === 0) return null
  return stages.reduce((best, stage) => (followUpOrder.indexOf(stage) > followUpOrder.indexOf(best) ? stage : best))
}

/** The furthest stage either side reports six months on. */
export function furthestLaterFollowUp(meeting: Pick<StatsMeeting, 'aLaterFollowUp' | 'bLaterFollowUp'>): FollowUp | null {
  return furthestFollowUp({ aFollowUp: meeting.aLaterFollowUp, bFollowUp: meeting.bLaterFollowUp })
}

/** The furthest stage the partnership reached by any answer: an agreement reported at six months is an agreement. */
export function partnershipStage(meeting: Pick<StatsMeeting, 'aFollowUp' | 'bFollowUp' | 'aLaterFollowUp' | 'bLaterFollowUp'>): FollowUp | null {
  const first = furthestFollowUp(meeting)
  const later = furthestLaterFollowUp(meeting)
  if (first === null || later === null) return first ?? later
  return followUpOrder.indexOf(later) > followUpOrder.indexOf(first) ? later : first
}

export function brokerageStats(participants: readonly StatsParticipant[], requests: readonly StatsRequest[], meetings: readonly StatsMeeting[]): Stats {
  const people = new Map(participants.map((p) => [p.id, p]))
  const districtsOf = (id: string): readonly string[] => {
    const districts = people.get(id)?.districts ?? []
    return districts.length > 0 ? districts : [noDistrict]
  }
  const stats: Stats = {
    participants: { total: 0, byStatus: {}, byRole: {}, byDistrict: {}, checkedIn: 0 },
    requests: { sent: requests.length, byStatus: {}, acceptedByRole: {} },
    meetings: { scheduled: meetings.length, published: 0, held: 0, notHeld: 0, byRole: {}, byDistrict: {}, followUps: {}, laterAsked: 0, laterAnswered: 0, laterFollowUps: {}, agreements: 0 },
  }
  for (const p of participants) {
    bump(stats.participants.byStatus, p.status)
    if (p.status !== 'confirmed') continue
    stats.participants.total += 1
    bump(stats.participants.byRole, p.role)
    for (const district of districtsOf(p.id)) bump(stats.participants.byDistrict, district)
    if (p.checkedIn) stats.participants.checkedIn += 1
  }
  for (const r of requests) {
    bump(stats.requests.byStatus, r.status)
    if (r.status === 'accepted') for (const id of [r.from, r.to]) bump(stats.requests.acceptedByRole, people.get(id)?.role ?? '?')
  }
  for (const m of meetings) {
    if (m.published) stats.meetings.published += 1
    const held = heldState(m)
    if (held === 'held') stats.meetings.held += 1
    if (held === 'not_held') stats.meetings.notHeld += 1
    for (const id of [m.a, m.b]) {
      bump(stats.meetings.byRole, people.get(id)?.role ?? '?')
      for (const district of districtsOf(id)) bump(stats.meetings.byDistrict, district)
    }
    const stage = furthestFollowUp(m)
    if (stage) bump(stats.meetings.followUps, stage)
    stats.meetings.laterAsked += Number(m.aLaterAsked) + Number(m.bLaterAsked)
    stats.meetings.laterAnswered += Number(m.aLaterFollowUp !== null) + Number(m.bLaterFollowUp !== null)
    const later = furthestLaterFollowUp(m)
    if (later) bump(stats.meetings.laterFollowUps, later)
    if (partnershipStage(m) === 'agreement') stats.meetings.agreements += 1
  }
  return stats
}
