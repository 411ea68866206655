// The events' words as plain lists, with no server dependency: the API's schemas and the web app's forms and
// filters both import them (see ARCHITECTURE.md), so that the two cannot drift apart.

export const eventKinds = ['workshop', 'info_day', 'training', 'matchmaking', 'lab_open_day', 'researchers_visit'] as const
export type EventKind = (typeof eventKinds)[number]

export const audiences = ['startups', 'smes', 'large_companies', 'research', 'finance', 'public_bodies', 'citizens'] as const
export type Audience = (typeof audiences)[number]

/** What followed a brokerage meeting, recorded by each side on the day and again six months on. */
export const followUps = ['none', 'contact_planned', 'negotiation', 'agreement'] as const
export type FollowUp = (typeof followUps)[number]
