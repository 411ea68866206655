export const eventKinds = ['workshop', 'info_day', 'training', 'matchmaking', 'lab_open_day', 'researchers_visit'] as const
export type EventKind = (typeof eventKinds)[number]
export const audiences = ['startups', 'smes', 'large_companies', 'research', 'finance', 'public_bodies', 'citizens'] as const
export type EventStatus = 'draft' | 'published' | 'cancelled'
export type RegistrationMode = 'none' | 'open' | 'approval'
export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled'
export type EventLanguage = 'it' | 'en' | 'it_en'

export type DistrictRef = { id: string; slug: string; nameIt: string; nameEn: string; shortName: string }

export type EventSummary = {
  id: string
  kind: EventKind
  status: EventStatus
  titleIt: string
  titleEn: string
  startsAt: string
  endsAt: string
  venueName: string | null
  city: string | null
  online: boolean
  inPerson: boolean
  language: EventLanguage
  audiences: string[]
  taxonomyCodes: string[]
  organisers: DistrictRef[]
  coorganisers: DistrictRef[]
  capacity: number | null
  registration: RegistrationMode
  confirmedCount: number
}

export type Invitation = {
  district: DistrictRef
  status: 'pending' | 'accepted' | 'declined'
  message: string
  proposedAt: string
  respondedAt: string | null
  canAnswer: boolean
}

export type EventDetail = EventSummary & {
  descriptionIt: string
  descriptionEn: string
  venueAddress: string | null
  venueRoom: string | null
  virtualUrl: string | null
  waitingList: boolean
  seatsLeft: number | null
  waitlistedCount: number
  invitations: Invitation[]
  myRegistration: { id: string; status: RegistrationStatus } | null
  canEdit: boolean
  canRegister: boolean
}

export type SharedReasons = { overlapStart: string; overlapEnd: string; sharedAudiences: string[]; sharedTaxonomy: { ours: string; theirs: string }[] }
export type Clash = SharedReasons & { event: EventSummary }
export type Overlap = SharedReasons & { first: EventSummary; second: EventSummary }

export type RegistrationRow = { id: string; userId: string; fullName: string; email: string; status: RegistrationStatus; createdAt: string }

export type MineResponse = {
  registrations: { id: string; status: RegistrationStatus; event: EventSummary }[]
  feed: { active: boolean; createdAt: string | null }
  invitations: { event: EventSummary; district: DistrictRef; message: string }[]
  canCoordinate: boolean
}
