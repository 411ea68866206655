/** A physical table index (0..tables-1) or a video room of a virtual meeting. */
export type TableRef = number | `virtual:${number}`

export type Meeting = {
  readonly a: string
  readonly b: string
  readonly slot: number
  readonly table: TableRef
}

export type Participant = {
  readonly id: string
  /** Slot indices the participant can meet in (talks they attend are already excluded). */
  readonly available: readonly number[]
  /** Overrides `ScheduleInput.cap` for this participant. */
  readonly cap?: number
}

export type ScheduleInput = {
  /** Slots are indices 0..slots-1 in chronological order. */
  readonly slots: number
  /** Physical tables available in every slot. */
  readonly tables: number
  /** Video rooms per slot for virtual meetings; 0 or absent means no virtual meetings. */
  readonly virtualRooms?: number
  /** Each session is a list of slot indices; every slot belongs to exactly one. Default: one session. */
  readonly sessions?: readonly (readonly number[])[]
  /** Default maximum number of meetings per participant (locked meetings included). Default: no cap. */
  readonly cap?: number
  readonly participants: readonly Participant[]
  /** Accepted requests as unordered pairs of participant ids; a pair may appear once. */
  readonly requests: readonly (readonly [string, string])[]
  /** Already published meetings: kept exactly (slot and table) and never moved. */
  readonly locked?: readonly Meeting[]
}

export type UnscheduledReason =
  /** The two participants share no available slot (after their locked meetings). */
  | 'no-common-slot'
  /** A participant already holds as many meetings as their cap allows. */
  | 'participant-cap'
  /** Every available slot of a participant is already taken by their other meetings. */
  | 'participant-full'
  /** Common slots exist but are taken by other meetings of the pair or by full tables. */
  | 'no-free-common-slot'

export type UnscheduledRequest = {
  readonly a: string
  readonly b: string
  readonly reason: UnscheduledReason
  /** For 'participant-cap' and 'participant-full': the participant concerned. */
  readonly participant?: string
}

export type UpperBound = {
  readonly value: number
  readonly method: string
}

export type SchedulerAlgorithm = 'exact-mip' | 'heuristic' | 'first-fit'

export type ScheduleStats = {
  /** Meetings in the schedule, locked ones included. */
  readonly meetings: number
  readonly locked: number
  /** Idle slots (available, not meeting) between two meetings of the same person in one session, summed. */
  readonly idleGaps: number
  readonly upperBound: UpperBound
  readonly algorithm: SchedulerAlgorithm
  /** True when the meeting count is proven maximal (solver optimum or equal to the bound). */
  readonly maxMeetingsProven: boolean
}

export type ScheduleResult = {
  /** Sorted by slot, then table (physical before virtual). */
  readonly meetings: readonly Meeting[]
  /** In input request order. */
  readonly unscheduled: readonly UnscheduledRequest[]
  readonly stats: ScheduleStats
}

export type ScheduleOptions = {
  /** 'auto' uses the MIP for small models and the heuristic otherwise. */
  readonly algorithm?: 'auto' | 'exact' | 'heuristic'
  /** Upper limit on (request, slot) decision variables for the MIP in 'auto' mode. */
  readonly mipMaxVariables?: number
  /** Branch-and-bound node limit per MIP phase; a node limit (not a time limit) keeps runs deterministic. */
  readonly mipMaxNodes?: number
}

export type ScheduleViolation = {
  readonly kind: 'clash' | 'unavailable' | 'table' | 'capacity' | 'cap' | 'locked-moved' | 'unknown-request' | 'duplicate'
  readonly message: string
}
