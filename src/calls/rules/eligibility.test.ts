import { describe, expect, it } from 'vitest'
import { checkEligibility, renderCheck, renderEligibility, type EligibilityRule } from './eligibility.js'
import { call, costs, partner, proposal } from './testing.js'
import type { Call, Proposal } from './model.js'

const trio = [
  partner({ name: 'Alfa', type: 'sme', size: 'small', costs: costs(100_00, 50_00) }),
  partner({ name: 'Beta', type: 'large', size: 'large', costs: costs(100_00, 50_00) }),
  partner({ name: 'Pisa', type: 'university', size: undefined, costs: costs(100_00, 0) }),
]

function only(rule: EligibilityRule, theCall: Call, theProposal: Proposal): { passed: boolean; en: string; it: string } {
  const check = checkEligibility(theCall, theProposal).checks.find((candidate) => candidate.rule === rule)
  if (!check) throw new Error(`no ${rule} check`)
  return { passed: check.passed, en: renderCheck(check, 'en').message, it: renderCheck(check, 'it').message }
}

describe('checkEligibility', () => {
  it('checks only the line and the costs when the call has no rules', () => {
    const result = checkEligibility(call(), proposal(trio))
    expect(result.checks.map((check) => check.rule)).toEqual(['line.exists', 'costs.eligibleOnly'])
    expect(result.eligible).toBe(true)
  })

  it('runs every rule the call sets, in a fixed order', () => {
    const result = checkEligibility(
      call(
        { trlStartMin: 4, trlEndMin: 7, researchShareMustExceedDevelopment: true, minPartners: 3, minSmes: 1 },
        [{ membersOnly: true, nonMembersMustCommit: true }],
      ),
      proposal(trio),
    )
    expect(result.checks.map((check) => check.rule)).toEqual([
      'line.exists',
      'trl.start',
      'trl.end',
      'costs.researchExceedsDevelopment',
      'partners.min',
      'partners.minSmes',
      'line.membersOnly',
      'line.nonMembersCommit',
      'costs.eligibleOnly',
    ])
    expect(result.eligible).toBe(true)
  })

  it('requires the proposal line to exist in the call, and then skips its membership conditions', () => {
    const theCall = call({}, [{ membersOnly: true }, { nonMembersMustCommit: true }])
    const result = only('line.exists', theCall, proposal(trio, { line: 'C' }))
    expect(result).toEqual({
      passed: false,
      en: 'Line C is not in the call; its lines are: A and B',
      it: 'La linea C non è prevista dal bando; le linee sono: A e B',
    })
    const rules = checkEligibility(theCall, proposal(trio, { line: 'C' })).checks.map((check) => check.rule)
    expect(rules).not.toContain('line.membersOnly')
    expect(rules).not.toContain('line.nonMembersCommit')
    expect(only('line.exists', theCall, proposal(trio, { line: 'B' })).passed).toBe(true)
  })

  it('accepts TRL exactly at the minimum, refuses one below', () => {
    const theCall = call({ trlStartMin: 4, trlEndMin: 7 })
    expect(only('trl.start', theCall, proposal(trio, { trlStart: 4 })).passed).toBe(true)
    expect(only('trl.start', theCall, proposal(trio, { trlStart: 3 }))).toEqual({
      passed: false,
      en: 'TRL at the start must be at least 4; it is 3',
      it: 'Il TRL all’inizio deve essere almeno 4; è 3',
    })
    expect(only('trl.end', theCall, proposal(trio, { trlEnd: 7 })).passed).toBe(true)
    expect(only('trl.end', theCall, proposal(trio, { trlEnd: 6 }))).toEqual({
      passed: false,
      en: 'TRL at the end must be at least 7; it is 6',
      it: 'Il TRL alla fine deve essere almeno 7; è 6',
    })
  })

  it('requires research costs strictly above development costs: equal shares fail', () => {
    const theCall = call({ researchShareMustExceedDevelopment: true })
    const equal = proposal([
      partner({ name: 'Alfa', costs: costs(300_00, 100_00) }),
      partner({ name: 'Beta', costs: costs(0, 200_00) }),
    ])
    expect(only('costs.researchExceedsDevelopment', theCall, equal)).toEqual({
      passed: false,
      en: 'Industrial research costs must exceed experimental development costs; they are €300.00 and €300.00',
      it: 'I costi di ricerca industriale devono superare quelli di sviluppo sperimentale; sono 300,00\u00a0€ e 300,00\u00a0€',
    })
    const oneCentMore = proposal([partner({ name: 'Alfa', costs: costs(300_01, 300_00) })])
    expect(only('costs.researchExceedsDevelopment', theCall, oneCentMore).passed).toBe(true)
  })

  it('compares eligible costs only: other costs do not count as research', () => {
    const theCall = call({ researchShareMustExceedDevelopment: true })
    const withProduction = proposal([partner({ name: 'Alfa', costs: costs(100_00, 200_00, 500_00) })])
    expect(only('costs.researchExceedsDevelopment', theCall, withProduction).passed).toBe(false)
  })

  it('does not apply a rule set to false', () => {
    const rules = checkEligibility(call({ researchShareMustExceedDevelopment: false }), proposal(trio)).checks.map((check) => check.rule)
    expect(rules).not.toContain('costs.researchExceedsDevelopment')
  })

  it('counts partners with the minimum exactly met', () => {
    expect(only('partners.min', call({ minPartners: 3 }), proposal(trio)).passed).toBe(true)
    expect(only('partners.min', call({ minPartners: 4 }), proposal(trio))).toEqual({
      passed: false,
      en: 'The partnership must have at least 4 partners; it has 3',
      it: 'Il partenariato deve avere almeno 4 partner; ne ha 3',
    })
  })

  it('counts start-ups, SMEs and micro, small or medium companies as SMEs, never research organisations', () => {
    const partners = [
      partner({ name: 'Start', type: 'startup', size: 'micro' }),
      partner({ name: 'Piccola', type: 'sme', size: 'small' }),
      partner({ name: 'Media', type: 'other', size: 'medium' }),
      partner({ name: 'Micro', type: 'other', size: 'micro' }),
      partner({ name: 'Grande', type: 'large', size: 'large' }),
      partner({ name: 'Altro', type: 'other', size: 'large' }),
      partner({ name: 'Ente', type: 'research', size: 'small' }),
      partner({ name: 'Ateneo', type: 'university', size: undefined }),
    ]
    expect(only('partners.minSmes', call({ minSmes: 4 }), proposal(partners))).toEqual({
      passed: true,
      en: 'The partnership must include at least 4 SMEs (start-ups included); it includes 4',
      it: 'Il partenariato deve includere almeno 4 PMI (start-up comprese); ne include 4',
    })
    expect(only('partners.minSmes', call({ minSmes: 5 }), proposal(partners)).passed).toBe(false)
  })

  it('names the partners that are not members on a members-only line', () => {
    const theCall = call({}, [{ membersOnly: true }])
    expect(only('line.membersOnly', theCall, proposal(trio))).toEqual({
      passed: true,
      en: 'Line A is for members only; every partner is a member',
      it: 'La linea A è riservata ai soci; tutti i partner sono soci',
    })
    const outsiders = proposal([
      ...trio,
      partner({ name: 'Gamma', member: false, commitsToJoin: true }),
      partner({ name: 'Delta', member: false }),
    ])
    // Committing to join is not membership.
    expect(only('line.membersOnly', theCall, outsiders)).toEqual({
      passed: false,
      en: 'Line A is for members only; not members: Gamma and Delta',
      it: 'La linea A è riservata ai soci; non sono soci: Gamma e Delta',
    })
  })

  it('requires non-members to commit to join where the line says so; members need not', () => {
    const theCall = call({}, [{ nonMembersMustCommit: true }])
    const committed = proposal([...trio, partner({ name: 'Gamma', member: false, commitsToJoin: true })])
    expect(only('line.nonMembersCommit', theCall, committed).passed).toBe(true)
    const notCommitted = proposal([
      partner({ name: 'Socio', member: true, commitsToJoin: false }),
      partner({ name: 'Gamma', member: false, commitsToJoin: false }),
    ])
    expect(only('line.nonMembersCommit', theCall, notCommitted)).toEqual({
      passed: false,
      en: 'On line A non-members must commit to join; not committed: Gamma',
      it: 'Nella linea A chi non è socio deve impegnarsi ad aderire; manca l’impegno di: Gamma',
    })
  })

  it('flags other costs as not eligible, naming who declared them and how much', () => {
    const withProduction = proposal([
      partner({ name: 'Alfa', costs: costs(100_00, 0, 1_000_00) }),
      partner({ name: 'Beta', costs: costs(100_00, 0, 0) }),
      partner({ name: 'Gamma', costs: costs(100_00, 0, 1) }),
    ])
    expect(only('costs.eligibleOnly', call(), withProduction)).toEqual({
      passed: false,
      en: 'Other costs (e.g. production) are not eligible: €1,000.01 declared by Alfa and Gamma',
      it: 'Gli altri costi (per esempio di produzione) non sono ammissibili: 1000,01\u00a0€ dichiarati da Alfa e Gamma',
    })
    expect(checkEligibility(call(), withProduction).eligible).toBe(false)
  })

  it('is eligible only when every check passes', () => {
    const theCall = call({ trlEndMin: 7, minPartners: 2 })
    expect(checkEligibility(theCall, proposal(trio)).eligible).toBe(true)
    expect(checkEligibility(theCall, proposal(trio, { trlEnd: 6 })).eligible).toBe(false)
  })

  it('renders the whole result in one locale', () => {
    const rendered = renderEligibility(checkEligibility(call({ trlEndMin: 7 }), proposal(trio, { trlEnd: 6 })), 'it')
    expect(rendered).toEqual({
      eligible: false,
      checks: [
        { rule: 'line.exists', passed: true, message: 'La linea A è prevista dal bando' },
        { rule: 'trl.end', passed: false, message: 'Il TRL alla fine deve essere almeno 7; è 6' },
        {
          rule: 'costs.eligibleOnly',
          passed: true,
          message: 'Sono dichiarati solo costi ammissibili (ricerca industriale e sviluppo sperimentale)',
        },
      ],
    })
  })
})
