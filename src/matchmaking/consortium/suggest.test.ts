import { describe, expect, it } from 'vitest'
import { catalogueKeys } from '../../platform/i18n.js'
import {
  codeAnswers,
  complementRole,
  explainSuggestionReason,
  fromEngineReasons,
  fuseRankings,
  orderReasons,
  registryPoints,
  roleOfName,
  roleOfType,
} from './suggest.js'

describe('consortium roles', () => {
  it('reads the role from the registry type, or guesses it from a free name', () => {
    expect(roleOfType('sme')).toBe('company')
    expect(roleOfType('university')).toBe('research')
    expect(roleOfType('public_body')).toBe('other')
    expect(roleOfName('Politecnico di Milano')).toBe('research')
    expect(roleOfName('Robert Bosch GmbH')).toBe('company')
  })

  it('suggests research for companies only, and a company for research only', () => {
    expect(complementRole(['company', 'company'], 'research')).toBe('research_for_companies')
    expect(complementRole(['company', 'research'], 'research')).toBeNull()
    expect(complementRole(['research'], 'company')).toBe('company_for_research')
    expect(complementRole([], 'research')).toBeNull()
  })
})

describe('taxonomy matching', () => {
  it('takes a code, its children and its parent as answers', () => {
    expect(codeAnswers('CN.03', 'CN.03')).toBe(true)
    expect(codeAnswers('CN.03', 'CN')).toBe(true)
    expect(codeAnswers('CN', 'CN.03')).toBe(true)
    expect(codeAnswers('CN.04', 'CN.03')).toBe(false)
    expect(codeAnswers('CNX', 'CN')).toBe(false)
  })

  it('scores competences first, then terms, then the role, then a shared district', () => {
    expect(registryPoints({ matchedCodes: 1, matchedTerms: 0, complement: false, sameDistrict: false })).toBe(2)
    expect(registryPoints({ matchedCodes: 1, matchedTerms: 1, complement: true, sameDistrict: true })).toBe(4.5)
    expect(registryPoints({ matchedCodes: 9, matchedTerms: 9, complement: false, sameDistrict: false })).toBe(9)
  })
})

describe('fusing the history and the registry', () => {
  it('puts first what both lists agree on, and keeps each list’s order', () => {
    const fused = fuseRankings([
      ['a', 'b', 'c'],
      ['c', 'd'],
    ])
    expect(fused.map((f) => f.id)).toEqual(['c', 'a', 'b', 'd'])
  })

  it('is the single list when the other is empty', () => {
    expect(fuseRankings([['x', 'y'], []]).map((f) => f.id)).toEqual(['x', 'y'])
  })
})

describe('reasons', () => {
  it('maps the engine’s evidence and orders the strongest first, saying a district once', () => {
    const reasons = orderReasons([
      ...fromEngineReasons([
        { kind: 'experienced', projects: 4 },
        { kind: 'sameCountry', country: 'IT', partners: 2 },
        { kind: 'coParticipated', with: ['ACME'], projects: 3 },
      ]),
      { code: 'district_member', districts: [{ it: 'Marmo', en: 'Marble' }] },
      { code: 'same_district', districts: [{ it: 'Marmo', en: 'Marble' }] },
    ])
    expect(reasons.map((r) => r.code)).toEqual(['co_participated', 'same_district', 'same_country', 'experienced'])
  })

  it('does not show Italian function words as topics in common', () => {
    expect(fromEngineReasons([{ kind: 'similarTopic', terms: ['per', 'marmo'] }])).toEqual([{ code: 'similar_topic', terms: ['marmo'] }])
    expect(fromEngineReasons([{ kind: 'similarTopic', terms: ['del'] }])).toEqual([])
  })

  it('speaks both languages, in the singular and the plural', () => {
    expect(explainSuggestionReason('en', { code: 'co_participated', with: ['ACME'], projects: 3 })).toBe('Worked with ACME in 3 past projects')
    expect(explainSuggestionReason('en', { code: 'co_participated', with: ['ACME'], projects: 1 })).toBe('Worked with ACME in a past project')
    expect(explainSuggestionReason('it', { code: 'co_participated', with: ['ACME', 'BETA'], projects: 2 })).toBe('Ha lavorato con ACME, BETA in 2 progetti passati')
    expect(explainSuggestionReason('it', { code: 'same_country', country: 'DE', partners: 2 })).toBe('Ha sede in Germania, come 2 dei vostri partner')
    expect(explainSuggestionReason('en', { code: 'role', role: 'research_for_companies' })).toBe(
      'A research organisation complementing the companies in the consortium',
    )
    expect(explainSuggestionReason('it', { code: 'competence', labels: [{ it: 'Biochimica', en: 'Biochemistry' }] })).toBe('Competenze in Biochimica')
    expect(explainSuggestionReason('en', { code: 'terms', terms: ['laser', 'marble'] })).toBe('Terms of the idea in its profile: laser, marble')
  })

  it('has every reason text in both languages', () => {
    const it_ = catalogueKeys('it').filter((key) => key.startsWith('consortium.'))
    expect(it_.length).toBeGreaterThan(10)
    expect(catalogueKeys('en').filter((key) => key.startsWith('consortium.')).sort()).toEqual(it_.sort())
  })
})
