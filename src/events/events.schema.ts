import { z } from 'zod'
import { isoDate, plainText, requiredText, taxonomyCodes, uuid, webAddress } from '../platform/validation.js'
import { audiences, eventKinds } from './event-terms.js'

export const eventKind = z.enum(eventKinds)
export const audience = z.enum(audiences)
const clusterSlug = z.string().regex(/^[a-z0-9-]{1,80}$/)
// A Rome wall-clock time ("2026-12-03T10:00") or an instant with its offset; the service checks the calendar.
const eventTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/)

const eventFields = {
  kind: eventKind,
  status: z.enum(['draft', 'published', 'cancelled']),
  titleIt: requiredText(200),
  titleEn: plainText(200),
  descriptionIt: plainText(5000),
  descriptionEn: plainText(5000),
  startsAt: eventTime,
  endsAt: eventTime,
  venueName: plainText(200).nullable(),
  venueAddress: plainText(300).nullable(),
  venueRoom: plainText(100).nullable(),
  city: plainText(100).nullable(),
  virtualUrl: webAddress.nullable(),
  language: z.enum(['it', 'en', 'it_en']),
  audiences: z.array(audience).max(audiences.length),
  taxonomyCodes,
  capacity: z.number().int().min(1).max(100_000).nullable(),
  registration: z.enum(['none', 'open', 'approval']),
  waitingList: z.boolean(),
  organiserSlugs: z.array(clusterSlug).min(1).max(10),
}

export const eventInput = z
  .object({
    ...eventFields,
    status: eventFields.status.default('published'),
    titleEn: eventFields.titleEn.default(''),
    descriptionIt: eventFields.descriptionIt.default(''),
    descriptionEn: eventFields.descriptionEn.default(''),
    venueName: eventFields.venueName.default(null),
    venueAddress: eventFields.venueAddress.default(null),
    venueRoom: eventFields.venueRoom.default(null),
    city: eventFields.city.default(null),
    virtualUrl: eventFields.virtualUrl.default(null),
    language: eventFields.language.default('it'),
    audiences: eventFields.audiences.default([]),
    taxonomyCodes: eventFields.taxonomyCodes.default([]),
    capacity: eventFields.capacity.default(null),
    registration: eventFields.registration.default('open'),
    waitingList: eventFields.waitingList.default(false),
  })
  .strict()

export const eventChanges = z.object(eventFields).partial().strict()

export const clashCheckBody = z
  .object({
    eventId: uuid.optional(),
    startsAt: eventTime,
    endsAt: eventTime,
    organiserSlugs: eventFields.organiserSlugs,
    audiences: eventFields.audiences.default([]),
    taxonomyCodes: eventFields.taxonomyCodes.default([]),
  })
  .strict()

export const eventListQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    district: clusterSlug.optional(),
    kind: eventKind.optional(),
    taxonomy: z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/).optional(),
    audience: audience.optional(),
  })
  .strict()

export const rangeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()

export const idParams = z.object({ id: uuid })

export const clusterRef = z.object({ id: z.string(), slug: z.string(), nameIt: z.string(), nameEn: z.string(), shortName: z.string() })

export const eventSummary = z.object({
  id: z.string(),
  kind: eventKind,
  status: z.enum(['draft', 'published', 'cancelled']),
  titleIt: z.string(),
  titleEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.string().nullable(),
  city: z.string().nullable(),
  online: z.boolean(),
  inPerson: z.boolean(),
  language: z.enum(['it', 'en', 'it_en']),
  audiences: z.array(z.string()),
  taxonomyCodes: z.array(z.string()),
  organisers: z.array(clusterRef),
  coorganisers: z.array(clusterRef),
  capacity: z.number().nullable(),
  registration: z.enum(['none', 'open', 'approval']),
  confirmedCount: z.number(),
})

export const invitation = z.object({
  district: clusterRef,
  status: z.enum(['pending', 'accepted', 'declined']),
  message: z.string(),
  proposedAt: z.string(),
  respondedAt: z.string().nullable(),
  canAnswer: z.boolean(),
})

export const registrationStatus = z.enum(['pending', 'confirmed', 'waitlisted', 'declined', 'cancelled'])

export const eventDetail = eventSummary.extend({
  descriptionIt: z.string(),
  descriptionEn: z.string(),
  venueAddress: z.string().nullable(),
  venueRoom: z.string().nullable(),
  virtualUrl: z.string().nullable(),
  waitingList: z.boolean(),
  seatsLeft: z.number().nullable(),
  waitlistedCount: z.number(),
  invitations: z.array(invitation),
  myRegistration: z.object({ id: z.string(), status: registrationStatus }).nullable(),
  canEdit: z.boolean(),
  canRegister: z.boolean(),
})

export const clash = z.object({
  event: eventSummary,
  overlapStart: z.string(),
  overlapEnd: z.string(),
  sharedAudiences: z.array(z.string()),
  sharedTaxonomy: z.array(z.object({ ours: z.string(), theirs: z.string() })),
})

export const overlap = z.object({
  first: eventSummary,
  second: eventSummary,
  overlapStart: z.string(),
  overlapEnd: z.string(),
  sharedAudiences: z.array(z.string()),
  sharedTaxonomy: z.array(z.object({ ours: z.string(), theirs: z.string() })),
})

export const registrationRow = z.object({
  id: z.string(),
  userId: z.string(),
  fullName: z.string(),
  email: z.string(),
  status: registrationStatus,
  createdAt: z.string(),
})

export const myRegistration = z.object({ id: z.string(), status: registrationStatus, event: eventSummary })

/** My registrations, my calendar feed and the co-organisation proposals waiting for my districts. */
export const mineResponse = z.object({
  registrations: z.array(myRegistration),
  feed: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
  invitations: z.array(z.object({ event: eventSummary, district: clusterRef, message: z.string() })),
  canCoordinate: z.boolean(),
})

export const decisionBody = z.object({ decision: z.enum(['approve', 'decline']) }).strict()

export const invitationBody = z.object({ districtSlug: clusterSlug, message: plainText(1000).default('') }).strict()

export const invitationAnswerBody = z.object({ accept: z.boolean() }).strict()
