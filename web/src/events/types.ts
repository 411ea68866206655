import type { z } from 'zod'
import type * as api from '../../../src/events/events.schema'

// The events' words come from the server's own lists, so that the two cannot drift apart.
export { audiences, eventKinds, type EventKind } from '../../../src/events/event-terms'

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type EventSummary = z.infer<typeof api.eventSummary>
export type EventDetail = z.infer<typeof api.eventDetail>
export type EventStatus = EventSummary['status']
export type RegistrationMode = EventSummary['registration']
export type EventLanguage = EventSummary['language']
export type RegistrationStatus = z.infer<typeof api.registrationStatus>
export type DistrictRef = z.infer<typeof api.clusterRef>
export type Invitation = z.infer<typeof api.invitation>
export type Clash = z.infer<typeof api.clash>
export type Overlap = z.infer<typeof api.overlap>
export type SharedReasons = Omit<Clash, 'event'>
export type RegistrationRow = z.infer<typeof api.registrationRow>
export type MineResponse = z.infer<typeof api.mineResponse>
