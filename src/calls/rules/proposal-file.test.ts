import { describe, expect, it } from 'vitest'
import { formatPath, parseCallFile, parseProposalFile } from './proposal-file.js'

const partnerJson = {
  name: 'Meccanica Srl',
  type: 'sme',
  size: 'small',
  country: 'IT',
  member: true,
  commitsToJoin: false,
  costs: { industrialResearch: 1000.5, experimentalDevelopment: 0.015, other: 0 },
}
const proposalJson = { line: 'A', trlStart: 4, trlEnd: 7, wideDissemination: true, partners: [partnerJson] }
const callJson = {
  lines: [{ code: 'A', budget: 35_000_000, membersOnly: true, nonMembersMustCommit: false }],
  rules: { trlStartMin: 4, trlEndMin: 7, researchShareMustExceedDevelopment: true, minPartners: 3, minSmes: 1, researchOrganisationIntensity: 0.8 },
}

const errorsOf = (result: { ok: true } | { ok: false; errors: string[] }): string[] => (result.ok ? [] : result.errors)

describe('parseProposalFile', () => {
  it('converts EUR to cents, rounding half up at the cent', () => {
    const result = parseProposalFile(proposalJson)
    expect(result).toEqual({
      ok: true,
      value: {
        ...proposalJson,
        partners: [{ ...partnerJson, costs: { industrialResearch: 100050, experimentalDevelopment: 2, other: 0 } }],
      },
    })
  })

  it('defaults wideDissemination, commitsToJoin and other costs to false and zero; a research organisation needs no size', () => {
    const minimal = {
      line: 'A',
      trlStart: 4,
      trlEnd: 7,
      partners: [{ name: 'Pisa', type: 'university', country: 'IT', member: false, costs: { industrialResearch: 1, experimentalDevelopment: 2 } }],
    }
    expect(parseProposalFile(minimal)).toEqual({
      ok: true,
      value: {
        line: 'A',
        trlStart: 4,
        trlEnd: 7,
        wideDissemination: false,
        partners: [{ name: 'Pisa', type: 'university', country: 'IT', member: false, commitsToJoin: false, costs: { industrialResearch: 100, experimentalDevelopment: 200, other: 0 } }],
      },
    })
  })

  it('names every unknown key and wrong type by its path', () => {
    const bad = {
      ...proposalJson,
      trlStart: '4',
      budget: 1,
      partners: [{ ...partnerJson, member: 'yes', costs: { ...partnerJson.costs, production: 5, other: -1 } }],
    }
    expect(errorsOf(parseProposalFile(bad))).toEqual([
      'trlStart: must be number, not the string "4"',
      'partners[0].member: must be boolean, not the string "yes"',
      'partners[0].costs.other: must be at least 0, not number -1',
      'partners[0].costs.production: unknown key',
      'budget: unknown key',
    ])
  })

  it('says which keys are missing', () => {
    expect(errorsOf(parseProposalFile({ line: 'A', partners: [] }))).toEqual([
      'trlStart: is required (number)',
      'trlEnd: is required (number)',
      'partners: must have at least 1 item(s)',
    ])
    expect(errorsOf(parseProposalFile(null))).toEqual(['(top level): must be object, not null'])
  })

  it('keeps TRL within 1 to 9 and whole', () => {
    expect(errorsOf(parseProposalFile({ ...proposalJson, trlStart: 0, trlEnd: 9.5 }))).toEqual([
      'trlStart: must be at least 1, not number 0',
      'trlEnd: must be an integer, not number 9.5',
    ])
    expect(errorsOf(parseProposalFile({ ...proposalJson, trlEnd: 10 }))).toEqual(['trlEnd: must be at most 9, not number 10'])
  })

  it('refuses a size that contradicts the type, and a missing size for an undertaking', () => {
    const withPartner = (overrides: Record<string, unknown>): unknown => ({ ...proposalJson, partners: [{ ...partnerJson, ...overrides }] })
    expect(errorsOf(parseProposalFile(withPartner({ type: 'large', size: 'small' })))).toEqual([
      'partners[0].size: must be large for a partner of type large, not small',
    ])
    expect(errorsOf(parseProposalFile(withPartner({ type: 'startup', size: 'large' })))).toEqual([
      'partners[0].size: cannot be large for a partner of type startup',
    ])
    expect(errorsOf(parseProposalFile(withPartner({ type: 'other', size: undefined })))).toEqual([
      'partners[0].size: is required for a partner of type other',
    ])
    expect(parseProposalFile(withPartner({ type: 'other', size: 'large' })).ok).toBe(true)
    expect(parseProposalFile(withPartner({ type: 'research', size: 'large' })).ok).toBe(true)
  })

  it('refuses two partners with the same name, a bad country code, non-finite and huge amounts', () => {
    expect(errorsOf(parseProposalFile({ ...proposalJson, partners: [partnerJson, { ...partnerJson, name: ' Meccanica Srl ' }] }))).toEqual([
      'partners[1].name: "Meccanica Srl" names two partners',
    ])
    expect(errorsOf(parseProposalFile({ ...proposalJson, partners: [{ ...partnerJson, country: 'Italy' }] }))).toEqual([
      'partners[0].country: must be an ISO 3166-1 alpha-2 code such as "IT"',
    ])
    const huge = { ...proposalJson, partners: [{ ...partnerJson, costs: { ...partnerJson.costs, industrialResearch: 1e11 } }] }
    expect(errorsOf(parseProposalFile(huge))).toEqual(['partners[0].costs.industrialResearch: must be at most 10000000000, not number 100000000000'])
    expect(errorsOf(parseProposalFile({ ...proposalJson, partners: [{ ...partnerJson, name: 'A\u0000B' }] }))).toEqual([
      'partners[0].name: must not contain control characters',
    ])
  })
})

describe('parseCallFile', () => {
  it('converts the budget to cents and the research organisation intensity to basis points', () => {
    expect(parseCallFile(callJson)).toEqual({
      ok: true,
      value: { lines: [{ code: 'A', budget: 3_500_000_000, membersOnly: true, nonMembersMustCommit: false }], rules: { ...callJson.rules, researchOrganisationIntensity: 8000 } },
    })
  })

  it('leaves absent rules absent and line conditions off', () => {
    expect(parseCallFile({ lines: [{ code: 'B', budget: 15_000_000 }] })).toEqual({
      ok: true,
      value: { lines: [{ code: 'B', budget: 1_500_000_000, membersOnly: false, nonMembersMustCommit: false }], rules: {} },
    })
  })

  it('accepts intensities to the basis point, between 0 and 1', () => {
    const withIntensity = (value: unknown): unknown => ({ ...callJson, rules: { researchOrganisationIntensity: value } })
    const parsed = parseCallFile(withIntensity(0.6789))
    expect(parsed.ok && parsed.value.rules.researchOrganisationIntensity).toBe(6789)
    expect(errorsOf(parseCallFile(withIntensity(0.12345)))).toEqual([
      'rules.researchOrganisationIntensity: must have at most 4 decimals (0.0001 = 0.01 %)',
    ])
    expect(errorsOf(parseCallFile(withIntensity(80)))).toEqual(['rules.researchOrganisationIntensity: must be at most 1, not number 80'])
  })

  it('names unknown rules, wrong types and duplicate lines', () => {
    const bad = {
      lines: [{ code: 'A', budget: '35M' }, { code: 'A', budget: 1 }],
      rules: { minSMEs: 2, minPartners: -1, researchShareMustExceedDevelopment: 'yes' },
    }
    expect(errorsOf(parseCallFile(bad))).toEqual([
      'lines[0].budget: must be number, not the string "35M"',
      'rules.researchShareMustExceedDevelopment: must be boolean, not the string "yes"',
      'rules.minPartners: must be at least 0, not number -1',
      'rules.minSMEs: unknown key',
    ])
    expect(errorsOf(parseCallFile({ lines: [{ code: 'A', budget: 1 }, { code: 'A', budget: 1 }] }))).toEqual(['lines[1].code: "A" names two lines'])
  })
})

describe('formatPath', () => {
  it('writes paths as in JavaScript', () => {
    expect(formatPath(['partners', 0, 'costs', 'other'])).toBe('partners[0].costs.other')
    expect(formatPath([])).toBe('(top level)')
  })
})
