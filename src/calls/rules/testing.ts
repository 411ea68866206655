import type { Call, Partner, Proposal } from './model.js'

// Builders for the unit tests: a plausible partner, proposal and call, with overrides.

export function partner(overrides: Partial<Partner> & { name: string }): Partner {
  return {
    type: 'sme',
    size: 'small',
    country: 'IT',
    member: true,
    commitsToJoin: false,
    costs: { industrialResearch: 0, experimentalDevelopment: 0, other: 0 },
    ...overrides,
  }
}

export function costs(industrialResearch: number, experimentalDevelopment: number, other = 0): Partner['costs'] {
  return { industrialResearch, experimentalDevelopment, other }
}

export function proposal(partners: Partner[], overrides: Partial<Omit<Proposal, 'partners'>> = {}): Proposal {
  return { line: 'A', trlStart: 4, trlEnd: 7, wideDissemination: false, partners, ...overrides }
}

export function call(rules: Call['rules'] = {}, lines: Partial<Call['lines'][number]>[] = [{}]): Call {
  return {
    lines: lines.map((line, index) => ({
      code: String.fromCharCode(65 + index),
      budget: 3_500_000_000,
      membersOnly: false,
      nonMembersMustCommit: false,
      ...line,
    })),
    rules,
  }
}
