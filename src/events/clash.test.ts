import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findAllOverlaps, findClashes, taxonomyMatches, type CalendarEntry } from './clash.js'

const at = (hour: number, day = 10): Date => new Date(Date.UTC(2026, 11, day, hour))
const entry = (overrides: Partial<CalendarEntry> & { id: string }): CalendarEntry => ({
  startsAt: at(9),
  endsAt: at(13),
  districtIds: ['materials'],
  audiences: ['smes'],
  taxonomyCodes: ['CN.05'],
  ...overrides,
})

describe('taxonomy matching', () => {
  it('matches equal codes and a root with its children, never siblings or unrelated roots', () => {
    expect(taxonomyMatches('ICT', 'ICT')).toBe(true)
    expect(taxonomyMatches('ICT', 'ICT.03')).toBe(true)
    expect(taxonomyMatches('ICT.03', 'ICT')).toBe(true)
    expect(taxonomyMatches('ICT.03', 'ICT.04')).toBe(false)
    expect(taxonomyMatches('SF', 'ICT')).toBe(false)
    expect(taxonomyMatches('TR', 'TR.H2')).toBe(true)
    expect(taxonomyMatches('TR.H', 'TR.H2')).toBe(false)
  })
})

describe('findClashes', () => {
  const candidate = { startsAt: at(10), endsAt: at(12), districtIds: ['ict'], audiences: ['smes', 'research'], taxonomyCodes: ['CN'] }

  it('lists another district overlapping in time with a shared audience and taxonomy, with the reasons', () => {
    const clashes = findClashes(candidate, [entry({ id: 'e1' })])
    expect(clashes).toEqual([
      { eventId: 'e1', overlapStart: at(10), overlapEnd: at(12), sharedAudiences: ['smes'], sharedTaxonomy: [{ ours: 'CN', theirs: 'CN.05' }] },
    ])
  })

  it('needs an overlap in time: touching ends do not clash', () => {
    expect(findClashes(candidate, [entry({ id: 'e1', startsAt: at(12), endsAt: at(14) })])).toEqual([])
    expect(findClashes(candidate, [entry({ id: 'e1', startsAt: at(10, 11), endsAt: at(12, 11) })])).toEqual([])
    expect(findClashes(candidate, [entry({ id: 'e1', startsAt: at(11, 9), endsAt: at(11, 12) })])).toHaveLength(1)
  })

  it('needs a shared audience or taxonomy node: either alone is enough', () => {
    expect(findClashes(candidate, [entry({ id: 'e1', audiences: ['finance'], taxonomyCodes: ['ICT.01'] })])).toEqual([])
    const byAudience = findClashes(candidate, [entry({ id: 'e1', taxonomyCodes: ['ICT.01'] })])
    expect(byAudience[0]).toMatchObject({ sharedAudiences: ['smes'], sharedTaxonomy: [] })
    const byTaxonomy = findClashes(candidate, [entry({ id: 'e1', audiences: ['finance'] })])
    expect(byTaxonomy[0]).toMatchObject({ sharedAudiences: [], sharedTaxonomy: [{ ours: 'CN', theirs: 'CN.05' }] })
  })

  it("ignores the district's own events, events it co-organises, and the event being moved", () => {
    expect(findClashes(candidate, [entry({ id: 'e1', districtIds: ['ict'] })])).toEqual([])
    expect(findClashes(candidate, [entry({ id: 'e1', districtIds: ['materials', 'ict'] })])).toEqual([])
    expect(findClashes({ ...candidate, id: 'e1' }, [entry({ id: 'e1' })])).toEqual([])
  })

  it('orders clashes by when they start', () => {
    const clashes = findClashes(candidate, [entry({ id: 'late', startsAt: at(11) }), entry({ id: 'early', startsAt: at(8) })])
    expect(clashes.map((clash) => clash.eventId)).toEqual(['early', 'late'])
  })
})

describe('findAllOverlaps', () => {
  it('finds every clashing pair once', () => {
    const calendar = [
      entry({ id: 'a' }),
      entry({ id: 'b', districtIds: ['ict'], startsAt: at(12), endsAt: at(15) }),
      entry({ id: 'c', districtIds: ['marble'], startsAt: at(14), endsAt: at(16) }),
      entry({ id: 'd', districtIds: ['materials'], startsAt: at(14), endsAt: at(16) }),
    ]
    const pairs = findAllOverlaps(calendar).map((overlap) => `${overlap.firstId}-${overlap.secondId}`)
    expect(pairs.sort()).toEqual(['a-b', 'b-c', 'b-d', 'c-d'])
  })

  it('agrees with findClashes pair by pair (property)', () => {
    const entryArb = fc.record({
      start: fc.integer({ min: 0, max: 48 }),
      length: fc.integer({ min: 1, max: 10 }),
      districts: fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }),
      audiences: fc.subarray(['smes', 'research', 'finance', 'public']),
      codes: fc.subarray(['ICT', 'ICT.01', 'ICT.02', 'SF', 'SF.01', 'CN.05']),
    })
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 12 }), (raw) => {
        const calendar: CalendarEntry[] = raw.map((r, index) => ({
          id: `e${String(index).padStart(2, '0')}`,
          startsAt: at(r.start),
          endsAt: at(r.start + r.length),
          districtIds: r.districts,
          audiences: r.audiences,
          taxonomyCodes: r.codes,
        }))
        const pairs = new Set(findAllOverlaps(calendar).map((o) => [o.firstId, o.secondId].sort().join('|')))
        const expected = new Set<string>()
        for (const event of calendar) {
          for (const clash of findClashes(event, calendar)) expected.add([event.id, clash.eventId].sort().join('|'))
        }
        expect([...pairs].sort()).toEqual([...expected].sort())
      }),
    )
  })
})
