import { describe, expect, it } from 'vitest'
import { scoreCandidate, suggestPeople, type Candidate } from './suggestions.js'

const pairs: [string, string][] = [['buyer', 'seller'], ['seller', 'seller']]
const person = (id: string, role: string, taxonomyCodes: string[], districtIds: string[]): Candidate => ({ id, role, taxonomyCodes, districtIds })

describe('scoreCandidate', () => {
  const me = person('me', 'buyer', ['ICT.03', 'CN.05'], ['ict'])

  it('explains every point: shared topics, related topics, complementary roles, another district', () => {
    const other = person('o', 'seller', ['ICT.03', 'ICT.07', 'SF.01'], ['materials'])
    expect(scoreCandidate(me, other, pairs)).toEqual({
      id: 'o',
      score: 3 + 1 + 2 + 1,
      reasons: [
        { kind: 'shared_topics', codes: ['ICT.03'] },
        { kind: 'related_topics', codes: ['ICT.07'] },
        { kind: 'complementary_roles', roles: ['buyer', 'seller'] },
        { kind: 'different_district' },
      ],
    })
  })

  it('gives no district point when they share one or when a district is unknown', () => {
    expect(scoreCandidate(me, person('o', 'seller', [], ['ict', 'materials']), pairs)?.reasons).toEqual([{ kind: 'complementary_roles', roles: ['buyer', 'seller'] }])
    expect(scoreCandidate(me, person('o', 'seller', [], []), pairs)?.score).toBe(2)
  })

  it('leaves out people whose role may not meet mine, and myself', () => {
    expect(scoreCandidate(me, person('o', 'buyer', ['ICT.03'], []), pairs)).toBeNull()
    expect(scoreCandidate(me, me, pairs)).toBeNull()
  })

  it('does not call an allowed same-role pair complementary', () => {
    const seller = person('s', 'seller', ['CN.05'], ['ict'])
    expect(scoreCandidate(seller, person('t', 'seller', ['CN.05'], ['ict']), pairs)).toEqual({ id: 't', score: 3, reasons: [{ kind: 'shared_topics', codes: ['CN.05'] }] })
  })
})

describe('suggestPeople', () => {
  it('ranks by score with a stable tie order, without excluded or zero-score people', () => {
    const me = person('me', 'seller', ['TR.H2'], ['energy'])
    const others = [
      person('b', 'seller', ['TR.H2'], ['energy']),
      person('a', 'seller', ['TR.H2'], ['energy']),
      person('c', 'buyer', ['TR.H2'], ['ict']),
      person('d', 'seller', ['SF.01'], ['energy']),
      person('e', 'buyer', [], []),
    ]
    expect(suggestPeople(me, others, pairs, new Set(['e'])).map((s) => s.id)).toEqual(['c', 'a', 'b'])
    expect(suggestPeople(me, others, pairs, new Set(), 2).map((s) => s.id)).toEqual(['c', 'a'])
  })
})
