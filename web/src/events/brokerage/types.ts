// The brokerage API's answers as the web app reads them (src/events/brokerage/brokerage.schema.ts).

export type TableRef = number | `virtual:${number}`
export type ParticipantStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled'
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'cancelled'
export type AgendaStatus = 'none' | 'draft' | 'preliminary' | 'final'
export const followUps = ['none', 'contact_planned', 'negotiation', 'agreement'] as const
export type FollowUp = (typeof followUps)[number]

export type Slot = { index: number; sessionId: string; day: string; start: string; end: string; startsAt: string; endsAt: string }
export type Role = { key: string; labelIt: string; labelEn: string }
export type Session = { id: string; day: string; start: string; end: string; breaks: { start: string; end: string }[] }

export type MyParticipation = {
  id: string
  status: ParticipantStatus
  role: string
  organisationId: string | null
  offer: string
  request: string
  taxonomyCodes: string[]
  profileIds: string[]
  availableSessions: string[]
  blockedSlots: string[]
  acceptedCount: number
}

export type BrokerageView = {
  eventId: string
  registrationOpensAt: string
  registrationClosesAt: string
  bookingOpensAt: string
  bookingClosesAt: string
  sessions: Session[]
  meetingMinutes: number
  tables: number
  virtualRooms: number
  maxMeetings: number
  requestMode: 'opt_in' | 'opt_out'
  approval: boolean
  roles: Role[]
  rolePairs: [string, string][]
  agendaStatus: AgendaStatus
  slots: Slot[]
  registrationOpen: boolean
  bookingOpen: boolean
  canManage: boolean
  participantCount: number
  me: MyParticipation | null
}

export type DistrictRef = { slug: string; nameIt: string; nameEn: string; shortName: string }

export type ParticipantView = {
  id: string
  fullName: string
  organisation: { id: string; name: string } | null
  role: string
  offer: string
  request: string
  taxonomyCodes: string[]
  districts: DistrictRef[]
  profiles: { id: string; title: string; kind: string }[]
  status: ParticipantStatus
  checkedIn: boolean
  email: string | null
  myRequest: { id: string; status: RequestStatus; sentByMe: boolean } | null
}

export type Reason =
  | { kind: 'shared_topics'; codes: string[] }
  | { kind: 'related_topics'; codes: string[] }
  | { kind: 'complementary_roles'; roles: [string, string] }
  | { kind: 'different_district' }
export type Suggestion = { participant: ParticipantView; score: number; reasons: Reason[] }

export type PersonRef = { participantId: string; fullName: string; organisation: string | null; role: string }
export type RequestView = { id: string; status: RequestStatus; message: string; createdAt: string; answeredAt: string | null; from: PersonRef; to: PersonRef }

export type MeetingView = {
  id: string
  requestId: string
  a: PersonRef
  b: PersonRef
  slot: number
  startsAt: string
  endsAt: string
  table: TableRef
  published: boolean
  status: 'scheduled' | 'cancelled'
}

export type ScheduleView = {
  agendaStatus: AgendaStatus
  slots: Slot[]
  tables: number
  virtualRooms: number
  meetings: MeetingView[]
  unscheduled: { requestId: string; a: PersonRef; b: PersonRef; reason: string }[]
  unpublishedCount: number
  lastRun: { upperBound: number; algorithm: string; idleGaps: number; maxMeetingsProven: boolean } | null
}

export type AgendaItem = {
  meetingId: string
  startsAt: string
  endsAt: string
  table: TableRef
  with: PersonRef & { offer: string; request: string }
  myHeld: boolean | null
  myFollowUp: FollowUp | null
  /** Six months on: whether I may answer (asked, or six months passed), when I was asked, and my answer. */
  laterOpen: boolean
  laterAskedAt: string | null
  myLaterFollowUp: FollowUp | null
}
export type AgendaView = { agendaStatus: AgendaStatus; participantId: string; items: AgendaItem[] }

type CountBy = Record<string, number>
export type StatsView = {
  participants: { total: number; byStatus: CountBy; byRole: CountBy; byDistrict: CountBy; checkedIn: number }
  requests: { sent: number; byStatus: CountBy; acceptedByRole: CountBy }
  meetings: {
    scheduled: number
    published: number
    held: number
    notHeld: number
    byRole: CountBy
    byDistrict: CountBy
    followUps: CountBy
    laterAsked: number
    laterAnswered: number
    laterFollowUps: CountBy
    agreements: number
  }
}
