import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyIntensity, collaborationConditions, estimateGrant, undertakingIntensity } from './grant.js'
import { eligibleCosts, isResearchOrganisation, type Partner, type PartnerType, type SizeClass } from './model.js'
import { costs, partner, proposal } from './testing.js'

const intensityOf = (partners: Partner[], name: string, options = {}, wideDissemination = false): [number, number] => {
  const found = estimateGrant(proposal(partners, { wideDissemination }), options).partners.find((candidate) => candidate.name === name)
  if (!found) throw new Error(name)
  return [found.intensity.industrialResearch, found.intensity.experimentalDevelopment]
}

describe('undertakingIntensity (GBER art. 25(5) and (6))', () => {
  it('gives 50 % and 25 % to a large undertaking without collaboration', () => {
    expect(undertakingIntensity('large', false)).toEqual({ industrialResearch: 5000, experimentalDevelopment: 2500 })
  })

  it('adds 10 points for a medium enterprise and 20 for a small one; micro counts as small', () => {
    expect(undertakingIntensity('medium', false)).toEqual({ industrialResearch: 6000, experimentalDevelopment: 3500 })
    expect(undertakingIntensity('small', false)).toEqual({ industrialResearch: 7000, experimentalDevelopment: 4500 })
    expect(undertakingIntensity('micro', false)).toEqual(undertakingIntensity('small', false))
    expect(undertakingIntensity('micro', true)).toEqual(undertakingIntensity('small', true))
  })

  it('adds 15 points for collaboration and caps industrial research at 80 %', () => {
    expect(undertakingIntensity('large', true)).toEqual({ industrialResearch: 6500, experimentalDevelopment: 4000 })
    expect(undertakingIntensity('medium', true)).toEqual({ industrialResearch: 7500, experimentalDevelopment: 5000 })
    // 50 + 20 + 15 = 85, capped; development 25 + 20 + 15 = 60 stays under the cap.
    expect(undertakingIntensity('small', true)).toEqual({ industrialResearch: 8000, experimentalDevelopment: 6000 })
  })
})

describe('collaborationConditions (GBER art. 25(6)(b))', () => {
  const sme = (name: string, eligible: number): Partner => partner({ name, type: 'sme', size: 'small', costs: costs(eligible, 0) })
  const large = (name: string, eligible: number): Partner => partner({ name, type: 'large', size: 'large', costs: costs(eligible, 0) })
  const university = (name: string, eligible: number): Partner =>
    partner({ name, type: 'university', size: undefined, costs: costs(eligible, 0) })

  it('holds when no undertaking bears more than 70 %: exactly 70 % qualifies, one cent more does not', () => {
    expect(collaborationConditions(proposal([large('Big', 70_00), sme('Small', 30_00)]))).toEqual(['smeCollaboration'])
    expect(collaborationConditions(proposal([large('Big', 70_01), sme('Small', 30_00)]))).toEqual([])
    // The SME itself may be the one above 70 %.
    expect(collaborationConditions(proposal([sme('Small', 71_00), large('Big', 29_00)]))).toEqual([])
  })

  it('needs at least one SME among the undertakings', () => {
    expect(collaborationConditions(proposal([large('Big', 50_00), large('Other', 50_00)]))).toEqual([])
    expect(collaborationConditions(proposal([large('Big', 50_00), partner({ name: 'Start', type: 'startup', size: 'micro', costs: costs(50_00, 0) })]))).toEqual([
      'smeCollaboration',
    ])
  })

  it('needs two undertakings that bear eligible costs', () => {
    expect(collaborationConditions(proposal([sme('Alone', 100_00)]))).toEqual([])
    expect(collaborationConditions(proposal([sme('Alone', 100_00), large('Sleeping', 0)]))).toEqual([])
    // Another SME bearing only ineligible costs does not collaborate either.
    const production = partner({ name: 'Production', costs: costs(0, 0, 500_00) })
    expect(collaborationConditions(proposal([sme('Alone', 100_00), production]))).toEqual([])
  })

  it('computes the 70 % over the whole project, research organisations included', () => {
    // Big bears 75 % of the undertakings' costs but 70 % of the project's.
    const partners = [large('Big', 70_00), sme('Small', 23_33), university('Pisa', 6_67)]
    expect(collaborationConditions(proposal(partners))).toEqual(['smeCollaboration'])
  })

  it('holds when research organisations bear at least 10 %: exactly 10 % qualifies, one cent less does not', () => {
    expect(collaborationConditions(proposal([large('Big', 90_00), university('Pisa', 10_00)]))).toEqual(['researchOrganisations'])
    expect(collaborationConditions(proposal([large('Big', 90_01), university('Pisa', 9_99)]))).toEqual([])
    // Several research organisations add up.
    const two = [large('Big', 90_00), university('Pisa', 5_00), partner({ name: 'CNR', type: 'research', size: undefined, costs: costs(5_00, 0) })]
    expect(collaborationConditions(proposal(two))).toEqual(['researchOrganisations'])
  })

  it('needs an undertaking beside the research organisations', () => {
    expect(collaborationConditions(proposal([university('Pisa', 50_00), university('Firenze', 50_00)]))).toEqual([])
  })

  it('holds with wide dissemination alone', () => {
    expect(collaborationConditions(proposal([large('Big', 100_00)], { wideDissemination: true }))).toEqual(['wideDissemination'])
  })

  it('lists every condition that holds', () => {
    const partners = [large('Big', 50_00), sme('Small', 30_00), university('Pisa', 20_00)]
    expect(collaborationConditions(proposal(partners, { wideDissemination: true }))).toEqual([
      'smeCollaboration',
      'researchOrganisations',
      'wideDissemination',
    ])
  })

  it('has no collaboration when nothing is eligible', () => {
    expect(collaborationConditions(proposal([sme('A', 0), large('B', 0), university('C', 0)]))).toEqual([])
  })
})

describe('estimateGrant', () => {
  it('applies the collaboration bonus to every undertaking, and the size bonus to each by its size', () => {
    const partners = [
      partner({ name: 'Big', type: 'large', size: 'large', costs: costs(60_00, 0) }),
      partner({ name: 'Mid', type: 'sme', size: 'medium', costs: costs(20_00, 0) }),
      partner({ name: 'Tiny', type: 'startup', size: 'micro', costs: costs(20_00, 0) }),
    ]
    expect(intensityOf(partners, 'Big')).toEqual([6500, 4000])
    expect(intensityOf(partners, 'Mid')).toEqual([7500, 5000])
    expect(intensityOf(partners, 'Tiny')).toEqual([8000, 6000])
  })

  it('gives research organisations the call intensity on both cost types, 100 % by default, with no bonuses', () => {
    const partners = [
      partner({ name: 'Small', type: 'sme', size: 'small', costs: costs(50_00, 0) }),
      partner({ name: 'Pisa', type: 'university', size: undefined, costs: costs(50_00, 50_00) }),
      partner({ name: 'CNR', type: 'research', size: 'small', costs: costs(50_00, 0) }),
    ]
    expect(intensityOf(partners, 'Pisa')).toEqual([10000, 10000])
    expect(intensityOf(partners, 'CNR', {}, true)).toEqual([10000, 10000])
    expect(intensityOf(partners, 'Pisa', { researchOrganisationIntensity: 8000 })).toEqual([8000, 8000])
    const estimate = estimateGrant(proposal(partners), { researchOrganisationIntensity: 8000 })
    expect(estimate.partners.find((candidate) => candidate.name === 'Pisa')?.grant).toBe(80_00)
  })

  it('rounds each cost type down to the cent, then adds', () => {
    // 333.33 × 65 % = 216.6645 → 216.66; 0.03 × 40 % = 0.012 → 0.01; 0.01 × 40 % = 0.004 → 0.
    const big = partner({ name: 'Big', type: 'large', size: 'large', costs: costs(333_33, 3) })
    const small = partner({ name: 'Small', type: 'sme', size: 'small', costs: costs(0, 1) })
    const estimate = estimateGrant(proposal([big, small], { wideDissemination: true }))
    expect(estimate.partners[0]?.grants).toEqual({ industrialResearch: 216_66, experimentalDevelopment: 1 })
    expect(estimate.partners[0]?.grant).toBe(216_67)
    // 0.01 × 60 % = 0.006 → 0, not 0.01: rounding down never exceeds the legal maximum.
    expect(estimate.partners[1]?.grant).toBe(0)
    expect(estimate.total).toBe(216_67)
  })

  it('gives nothing on other costs', () => {
    const estimate = estimateGrant(proposal([partner({ name: 'Only production', type: 'large', size: 'large', costs: costs(0, 0, 1_000_000_00) })]))
    expect(estimate.partners[0]?.grant).toBe(0)
    expect(estimate.total).toBe(0)
  })

  it('stays exact on amounts whose product with the intensity passes 2^53', () => {
    expect(applyIntensity(1_000_000_000_000_01, 8000)).toBe(800_000_000_000_00)
    expect(applyIntensity(Number.MAX_SAFE_INTEGER, 5000)).toBe(Math.floor(Number.MAX_SAFE_INTEGER / 2))
  })
})

describe('estimateGrant properties', () => {
  const cents = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000_000 }))
  const anyPartner = (index: number): fc.Arbitrary<Partner> =>
    fc
      .record({
        type: fc.constantFrom<PartnerType>('startup', 'sme', 'large', 'research', 'university', 'other'),
        size: fc.constantFrom<SizeClass>('micro', 'small', 'medium', 'large'),
        industrialResearch: cents,
        experimentalDevelopment: cents,
        other: cents,
      })
      .map(({ type, size, industrialResearch, experimentalDevelopment, other }) =>
        partner({
          name: `P${index}`,
          type,
          size: type === 'large' ? 'large' : (type === 'sme' || type === 'startup') && size === 'large' ? 'medium' : size,
          costs: costs(industrialResearch, experimentalDevelopment, other),
        }),
      )
  const anyProposal = fc
    .integer({ min: 1, max: 8 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_unused, index) => anyPartner(index))))
    .chain((partners) => fc.boolean().map((wideDissemination) => proposal(partners, { wideDissemination })))
  const anyResearchIntensity = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined })

  it('keeps every undertaking within 25 % and 80 %', () => {
    fc.assert(
      fc.property(anyProposal, anyResearchIntensity, (theProposal, researchOrganisationIntensity) => {
        const estimate = estimateGrant(theProposal, { researchOrganisationIntensity })
        return estimate.partners.every((estimated, index) => {
          const source = theProposal.partners[index] as Partner
          if (isResearchOrganisation(source)) return true
          const { industrialResearch, experimentalDevelopment } = estimated.intensity
          return [industrialResearch, experimentalDevelopment].every((bp) => bp >= 2500 && bp <= 8000) && industrialResearch >= experimentalDevelopment
        })
      }),
    )
  })

  it('never grants more than the eligible costs, nor more than intensity × costs, nor a cent less per cost type', () => {
    fc.assert(
      fc.property(anyProposal, anyResearchIntensity, (theProposal, researchOrganisationIntensity) => {
        const estimate = estimateGrant(theProposal, { researchOrganisationIntensity })
        return estimate.partners.every((estimated, index) => {
          const source = theProposal.partners[index] as Partner
          const exact = (amount: number, bp: number): bigint => BigInt(amount) * BigInt(bp)
          const within = (grant: number, amount: number, bp: number): boolean =>
            BigInt(grant) * 10_000n <= exact(amount, bp) && exact(amount, bp) < (BigInt(grant) + 1n) * 10_000n
          return (
            estimated.grant <= eligibleCosts(source.costs) &&
            within(estimated.grants.industrialResearch, source.costs.industrialResearch, estimated.intensity.industrialResearch) &&
            within(estimated.grants.experimentalDevelopment, source.costs.experimentalDevelopment, estimated.intensity.experimentalDevelopment)
          )
        })
      }),
    )
  })

  it('totals the partners’ grants', () => {
    fc.assert(
      fc.property(anyProposal, anyResearchIntensity, (theProposal, researchOrganisationIntensity) => {
        const estimate = estimateGrant(theProposal, { researchOrganisationIntensity })
        return estimate.total === estimate.partners.reduce((sum, estimated) => sum + estimated.grant, 0)
      }),
    )
  })

  it('does not depend on the order of the partners', () => {
    fc.assert(
      fc.property(anyProposal, (theProposal) => {
        const reversed = { ...theProposal, partners: [...theProposal.partners].reverse() }
        return estimateGrant(theProposal).total === estimateGrant(reversed).total
      }),
    )
  })
})
