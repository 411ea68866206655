// The clash and overlap checker: plain data in, a verdict out. An event clashes with another when they
// overlap in time, no district organises both, and they share an audience or a taxonomy node
// (a priority area matches any of its own topics).

export type CalendarEntry = {
  id: string
  startsAt: Date
  endsAt: Date
  /** Organiser and accepted co-organiser districts: an event coordinated by a shared district is not a clash. */
  districtIds: readonly string[]
  audiences: readonly string[]
  taxonomyCodes: readonly string[]
}

export type Candidate = Omit<CalendarEntry, 'id'> & { id?: string | undefined }

export type TaxonomyMatch = { ours: string; theirs: string }

export type Clash = {
  eventId: string
  overlapStart: Date
  overlapEnd: Date
  sharedAudiences: string[]
  sharedTaxonomy: TaxonomyMatch[]
}

export type Overlap = Omit<Clash, 'eventId'> & { firstId: string; secondId: string }

/** Equal codes match, and so do a root and any node under it ("ICT" and "ICT.03"); siblings do not. */
export function taxonomyMatches(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`)
}

function overlapInTime(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime()
}

function shareDistrict(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a)
  return b.some((id) => set.has(id))
}

function reasons(ours: Candidate, theirs: CalendarEntry): Clash | null {
  if (!overlapInTime(ours, theirs) || shareDistrict(ours.districtIds, theirs.districtIds)) return null
  const theirAudiences = new Set(theirs.audiences)
  const sharedAudiences = [...new Set(ours.audiences)].filter((audience) => theirAudiences.has(audience)).sort()
  const sharedTaxonomy: TaxonomyMatch[] = []
  for (const our of [...new Set(ours.taxonomyCodes)].sort()) {
    for (const their of [...new Set(theirs.taxonomyCodes)].sort()) {
      if (taxonomyMatches(our, their)) sharedTaxonomy.push({ ours: our, theirs: their })
    }
  }
  if (sharedAudiences.length === 0 && sharedTaxonomy.length === 0) return null
  return {
    eventId: theirs.id,
    overlapStart: new Date(Math.max(ours.startsAt.getTime(), theirs.startsAt.getTime())),
    overlapEnd: new Date(Math.min(ours.endsAt.getTime(), theirs.endsAt.getTime())),
    sharedAudiences,
    sharedTaxonomy,
  }
}

/** The other districts' events that clash with `candidate` (itself excluded when moving it), earliest first. */
export function findClashes(candidate: Candidate, calendar: readonly CalendarEntry[]): Clash[] {
  const clashes: Clash[] = []
  for (const entry of calendar) {
    if (candidate.id !== undefined && entry.id === candidate.id) continue
    const clash = reasons(candidate, entry)
    if (clash) clashes.push(clash)
  }
  return clashes.sort((a, b) => a.overlapStart.getTime() - b.overlapStart.getTime() || a.eventId.localeCompare(b.eventId))
}

/** Every clashing pair in a calendar, each once, by a sweep over start times. */
export function findAllOverlaps(calendar: readonly CalendarEntry[]): Overlap[] {
  const sorted = [...calendar].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
  const overlaps: Overlap[] = []
  for (let i = 0; i < sorted.length; i += 1) {
    const first = sorted[i] as CalendarEntry
    for (let j = i + 1; j < sorted.length; j += 1) {
      const second = sorted[j] as CalendarEntry
      if (second.startsAt.getTime() >= first.endsAt.getTime()) break
      const clash = reasons(first, second)
      if (!clash) continue
      const { eventId: _unused, ...rest } = clash
      overlaps.push({ firstId: first.id, secondId: second.id, ...rest })
    }
  }
  return overlaps
}
