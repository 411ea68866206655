import { z } from 'zod'
import { isoDate, plainText, requiredText, taxonomyCodes, uuid } from '../../platform/validation.js'
import { followUps } from '../event-terms.js'

// Request and response schemas of brokerage events; response types are inferred from them, so the
// service and the OpenAPI document cannot drift apart.

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
// A Rome wall-clock time ("2026-12-03T10:00") or an instant with its offset, as for events.
const moment = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)
const roleKey = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/)
const sessionId = z.string().regex(/^[a-z0-9-]{1,40}$/)
export const tableRef = z.union([z.number().int().min(0), z.string().regex(/^virtual:\d{1,4}$/)])

export const brokerageConfigInput = z
  .object({
    registrationOpensAt: moment,
    registrationClosesAt: moment,
    bookingOpensAt: moment,
    bookingClosesAt: moment,
    sessions: z
      .array(
        z
          .object({
            id: sessionId.optional(),
            day: isoDate,
            start: wallClock,
            end: wallClock,
            breaks: z.array(z.object({ start: wallClock, end: wallClock }).strict()).max(10).default([]),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    meetingMinutes: z.number().int().min(5).max(240),
    tables: z.number().int().min(0).max(1000),
    virtualRooms: z.number().int().min(0).max(1000).default(0),
    maxMeetings: z.number().int().min(1).max(100),
    requestMode: z.enum(['opt_in', 'opt_out']).default('opt_in'),
    approval: z.boolean().default(false),
    roles: z.array(z.object({ key: roleKey, labelIt: requiredText(60), labelEn: requiredText(60) }).strict()).min(1).max(10),
    rolePairs: z.array(z.tuple([roleKey, roleKey])).min(1).max(55),
  })
  .strict()
export type BrokerageConfigInput = z.infer<typeof brokerageConfigInput>

const participantFields = {
  role: roleKey,
  organisationId: uuid.nullable(),
  offer: plainText(600),
  request: plainText(600),
  taxonomyCodes,
  profileIds: z.array(uuid).max(10),
  availableSessions: z.array(sessionId).max(20),
  blockedSlots: z.array(z.iso.datetime()).max(200),
}
export const registrationInput = z
  .object({
    ...participantFields,
    organisationId: participantFields.organisationId.default(null),
    offer: participantFields.offer.default(''),
    request: participantFields.request.default(''),
    taxonomyCodes: participantFields.taxonomyCodes.default([]),
    profileIds: participantFields.profileIds.default([]),
    availableSessions: participantFields.availableSessions.optional(),
    blockedSlots: participantFields.blockedSlots.default([]),
  })
  .strict()
export type RegistrationInput = z.infer<typeof registrationInput>
export const participantChanges = z.object(participantFields).partial().strict()
export type ParticipantChanges = z.infer<typeof participantChanges>

export const participantQuery = z
  .object({
    role: roleKey.optional(),
    taxonomy: z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/).optional(),
    district: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
    q: plainText(100).optional(),
    status: z.enum(['pending', 'confirmed', 'declined', 'cancelled']).optional(),
  })
  .strict()

export const meetingRequestInput = z.object({ toParticipantId: uuid, message: plainText(500).default('') }).strict()
export const answerInput = z.object({ accept: z.boolean() }).strict()
export const participantDecision = z.object({ decision: z.enum(['approve', 'decline']) }).strict()
export const checkInInput = z.object({ checkedIn: z.boolean() }).strict()
export const moveInput = z.object({ slot: z.number().int().min(0), table: tableRef }).strict()
export const publishInput = z.object({ stage: z.enum(['preliminary', 'final']) }).strict()
export const followUpInput = z.object({ held: z.boolean(), followUp: z.enum(followUps) }).strict()
export const laterFollowUpInput = z.object({ followUp: z.enum(followUps) }).strict()

export const eventParams = z.object({ id: uuid })

// ---------------------------------------------------------------------------------------------------
// Responses

export const slotView = z.object({ index: z.number(), sessionId: z.string(), day: z.string(), start: z.string(), end: z.string(), startsAt: z.string(), endsAt: z.string() })
const roleView = z.object({ key: z.string(), labelIt: z.string(), labelEn: z.string() })
const sessionView = z.object({ id: z.string(), day: z.string(), start: z.string(), end: z.string(), breaks: z.array(z.object({ start: z.string(), end: z.string() })) })
const districtView = z.object({ slug: z.string(), nameIt: z.string(), nameEn: z.string(), shortName: z.string() })
export const participantStatus = z.enum(['pending', 'confirmed', 'declined', 'cancelled'])
export const requestStatus = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'cancelled'])

export const myParticipation = z.object({
  id: z.string(),
  status: participantStatus,
  role: z.string(),
  organisationId: z.string().nullable(),
  offer: z.string(),
  request: z.string(),
  taxonomyCodes: z.array(z.string()),
  profileIds: z.array(z.string()),
  availableSessions: z.array(z.string()),
  blockedSlots: z.array(z.string()),
  acceptedCount: z.number(),
})
export type MyParticipation = z.infer<typeof myParticipation>

export const brokerageView = z.object({
  eventId: z.string(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  bookingOpensAt: z.string(),
  bookingClosesAt: z.string(),
  sessions: z.array(sessionView),
  meetingMinutes: z.number(),
  tables: z.number(),
  virtualRooms: z.number(),
  maxMeetings: z.number(),
  requestMode: z.enum(['opt_in', 'opt_out']),
  approval: z.boolean(),
  roles: z.array(roleView),
  rolePairs: z.array(z.tuple([z.string(), z.string()])),
  agendaStatus: z.enum(['none', 'draft', 'preliminary', 'final']),
  slots: z.array(slotView),
  registrationOpen: z.boolean(),
  bookingOpen: z.boolean(),
  canManage: z.boolean(),
  participantCount: z.number(),
  me: myParticipation.nullable(),
})
export type BrokerageView = z.infer<typeof brokerageView>

export const participantView = z.object({
  id: z.string(),
  fullName: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  role: z.string(),
  offer: z.string(),
  request: z.string(),
  taxonomyCodes: z.array(z.string()),
  districts: z.array(districtView),
  profiles: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() })),
  status: participantStatus,
  checkedIn: z.boolean(),
  email: z.string().nullable(),
  myRequest: z.object({ id: z.string(), status: requestStatus, sentByMe: z.boolean() }).nullable(),
})
export type ParticipantView = z.infer<typeof participantView>

export const reasonView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shared_topics'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('related_topics'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('complementary_roles'), roles: z.tuple([z.string(), z.string()]) }),
  z.object({ kind: z.literal('different_district') }),
])
export const suggestionView = z.object({ participant: participantView, score: z.number(), reasons: z.array(reasonView) })

const personRef = z.object({ participantId: z.string(), fullName: z.string(), organisation: z.string().nullable(), role: z.string() })
export const requestView = z.object({
  id: z.string(),
  status: requestStatus,
  message: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  from: personRef,
  to: personRef,
})
export type RequestView = z.infer<typeof requestView>

export const meetingView = z.object({
  id: z.string(),
  requestId: z.string(),
  a: personRef,
  b: personRef,
  slot: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  table: tableRef,
  published: z.boolean(),
  status: z.enum(['scheduled', 'cancelled']),
})
export type MeetingView = z.infer<typeof meetingView>

export const scheduleView = z.object({
  agendaStatus: z.enum(['none', 'draft', 'preliminary', 'final']),
  slots: z.array(slotView),
  tables: z.number(),
  virtualRooms: z.number(),
  meetings: z.array(meetingView),
  unscheduled: z.array(z.object({ requestId: z.string(), a: personRef, b: personRef, reason: z.string() })),
  unpublishedCount: z.number(),
  lastRun: z.object({ upperBound: z.number(), algorithm: z.string(), idleGaps: z.number(), maxMeetingsProven: z.boolean() }).nullable(),
})
export type ScheduleView = z.infer<typeof scheduleView>

export const agendaItem = z.object({
  meetingId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  table: tableRef,
  with: personRef.extend({ offer: z.string(), request: z.string() }),
  myHeld: z.boolean().nullable(),
  myFollowUp: z.enum(followUps).nullable(),
  // Six months on: whether I may answer (asked, or six months passed), when I was asked, and my answer.
  laterOpen: z.boolean(),
  laterAskedAt: z.string().nullable(),
  myLaterFollowUp: z.enum(followUps).nullable(),
})
export const agendaView = z.object({ agendaStatus: z.enum(['none', 'draft', 'preliminary', 'final']), participantId: z.string(), items: z.array(agendaItem) })
export type AgendaView = z.infer<typeof agendaView>

const countBy = z.record(z.string(), z.number())
export const statsView = z.object({
  participants: z.object({ total: z.number(), byStatus: countBy, byRole: countBy, byDistrict: countBy, checkedIn: z.number() }),
  requests: z.object({ sent: z.number(), byStatus: countBy, acceptedByRole: countBy }),
  meetings: z.object({
    scheduled: z.number(),
    published: z.number(),
    held: z.number(),
    notHeld: z.number(),
    byRole: countBy,
    byDistrict: countBy,
    followUps: countBy,
    laterAsked: z.number(),
    laterAnswered: z.number(),
    laterFollowUps: countBy,
    agreements: z.number(),
  }),
})
export type StatsView = z.infer<typeof statsView>
