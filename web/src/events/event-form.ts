import { toRomeLocal } from '../../../src/platform/rome-time'
import type { EventDetail, EventKind, EventLanguage, EventStatus, RegistrationMode } from './types'

// The manager's form as plain data: what the inputs hold, and the body the API expects.
export type EventFormValues = {
  kind: EventKind
  status: EventStatus
  titleIt: string
  titleEn: string
  descriptionIt: string
  descriptionEn: string
  startsAt: string
  endsAt: string
  venueName: string
  venueAddress: string
  venueRoom: string
  city: string
  virtualUrl: string
  language: EventLanguage
  audiences: string[]
  taxonomyCodes: string[]
  capacity: string
  registration: RegistrationMode
  waitingList: boolean
  organiserSlugs: string[]
}

export function emptyEventForm(organiserSlugs: string[]): EventFormValues {
  return {
    kind: 'workshop',
    status: 'published',
    titleIt: '',
    titleEn: '',
    descriptionIt: '',
    descriptionEn: '',
    startsAt: '',
    endsAt: '',
    venueName: '',
    venueAddress: '',
    venueRoom: '',
    city: '',
    virtualUrl: '',
    language: 'it',
    audiences: [],
    taxonomyCodes: [],
    capacity: '',
    registration: 'open',
    waitingList: false,
    organiserSlugs,
  }
}

export function formFromEvent(event: EventDetail): EventFormValues {
  return {
    kind: event.kind,
    status: event.status,
    titleIt: event.titleIt,
    titleEn: event.titleEn,
    descriptionIt: event.descriptionIt,
    descriptionEn: event.descriptionEn,
    startsAt: toRomeLocal(event.startsAt),
    endsAt: toRomeLocal(event.endsAt),
    venueName: event.venueName ?? '',
    venueAddress: event.venueAddress ?? '',
    venueRoom: event.venueRoom ?? '',
    city: event.city ?? '',
    virtualUrl: event.virtualUrl ?? '',
    language: event.language,
    audiences: event.audiences,
    taxonomyCodes: event.taxonomyCodes,
    capacity: event.capacity === null ? '' : String(event.capacity),
    registration: event.registration,
    waitingList: event.waitingList,
    organiserSlugs: event.organisers.map((organiser) => organiser.slug),
  }
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/** The API body; times stay Rome wall-clock times ("2026-12-03T10:00"), which the server reads in Europe/Rome. */
export function eventBody(values: EventFormValues): Record<string, unknown> {
  const capacity = values.capacity.trim() === '' ? null : Number(values.capacity)
  return {
    kind: values.kind,
    status: values.status,
    titleIt: values.titleIt,
    titleEn: values.titleEn,
    descriptionIt: values.descriptionIt,
    descriptionEn: values.descriptionEn,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    venueName: orNull(values.venueName),
    venueAddress: orNull(values.venueAddress),
    venueRoom: orNull(values.venueRoom),
    city: orNull(values.city),
    virtualUrl: orNull(values.virtualUrl),
    language: values.language,
    audiences: values.audiences,
    taxonomyCodes: values.taxonomyCodes,
    capacity: capacity !== null && Number.isFinite(capacity) ? capacity : capacity === null ? null : values.capacity,
    registration: values.registration,
    waitingList: values.waitingList,
    organiserSlugs: values.organiserSlugs,
  }
}

const localTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

/** What the clash check needs, or null while the times or organisers are not filled in yet. */
export function clashQuery(values: EventFormValues, eventId: string | undefined): Record<string, unknown> | null {
  if (!localTime.test(values.startsAt) || !localTime.test(values.endsAt) || values.endsAt <= values.startsAt || values.organiserSlugs.length === 0) return null
  return {
    ...(eventId ? { eventId } : {}),
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    organiserSlugs: values.organiserSlugs,
    audiences: values.audiences,
    taxonomyCodes: values.taxonomyCodes,
  }
}
