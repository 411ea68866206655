import { describe, expect, it } from 'vitest'
import { addPartner, emptyConsortiumForm, removePartner, suggestionsRequest, type PartnerChoice } from './consortium-form'

const lab: PartnerChoice = { kind: 'directory', organisationId: 'a1', name: 'Lab', city: 'Pisa' }
const foreign: PartnerChoice = { kind: 'free', name: 'Stein Institut ', country: 'de' }

describe('consortium builder form', () => {
  it('adds each partner once and ignores a free name without its country', () => {
    let partners = addPartner([], lab)
    partners = addPartner(partners, { ...lab })
    partners = addPartner(partners, foreign)
    partners = addPartner(partners, { kind: 'free', name: 'STEIN INSTITUT', country: 'DE' })
    partners = addPartner(partners, { kind: 'free', name: 'Nobody', country: '' })
    expect(partners).toEqual([lab, foreign])
    expect(removePartner(partners, 0)).toEqual([foreign])
  })

  it('sends directory partners by id and others by trimmed name and upper-case country', () => {
    expect(suggestionsRequest({ ...emptyConsortiumForm, title: ' Idea ', description: '  ', taxonomyCodes: ['CN.03'], partners: [lab, foreign] })).toEqual({
      title: 'Idea',
      taxonomyCodes: ['CN.03'],
      partners: [{ organisationId: 'a1' }, { name: 'Stein Institut', country: 'DE' }],
    })
  })
})
