// The brokerage API's answers, as its response schemas define them (src/events/brokerage/brokerage.schema.ts):
// inferred, so that the two cannot drift apart.
import type { z } from 'zod'
import type * as api from '../../../../src/events/brokerage/brokerage.schema'

export type TableRef = z.infer<typeof api.tableRef>
export { followUps, type FollowUp } from '../../../../src/events/event-terms'

export type ParticipantStatus = z.infer<typeof api.participantStatus>
export type RequestStatus = z.infer<typeof api.requestStatus>
export type Slot = z.infer<typeof api.slotView>
export type MyParticipation = z.infer<typeof api.myParticipation>
export type BrokerageView = z.infer<typeof api.brokerageView>
export type Role = BrokerageView['roles'][number]
export type Session = BrokerageView['sessions'][number]
export type ParticipantView = z.infer<typeof api.participantView>
export type DistrictRef = ParticipantView['districts'][number]
export type Reason = z.infer<typeof api.reasonView>
export type Suggestion = z.infer<typeof api.suggestionView>
export type RequestView = z.infer<typeof api.requestView>
export type PersonRef = RequestView['from']
export type MeetingView = z.infer<typeof api.meetingView>
export type ScheduleView = z.infer<typeof api.scheduleView>
export type AgendaItem = z.infer<typeof api.agendaItem>
export type AgendaView = z.infer<typeof api.agendaView>
export type AgendaStatus = AgendaView['agendaStatus']
export type StatsView = z.infer<typeof api.statsView>
