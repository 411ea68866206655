import type { z } from 'zod'
import type * as api from '../../../src/events/events.schema'

export const eventKinds = ['workshop', 'info_day', 'training', 'matchmaking', 'lab_open_day', 'researchers_visit'] as const
export type EventKind = (typeof eventKinds)[number]
export const audiences = ['startups', 'smes', 'large_companies', 'research', 'finance', 'public_bodies', 'citizens'] as const

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
