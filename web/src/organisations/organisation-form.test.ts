import { describe, expect, it } from 'vitest'
import { addKeywords, changedFields, emptyForm, formFromOrganisation, newContact, parseWholeNumber, readForm, sizePreviewQuery, withoutBlankContacts } from './organisation-form'
import type { Organisation } from './types'

const saved: Organisation = {
  id: 'o1',
  legalName: 'Nanotech Pisa S.r.l.',
  shortName: null,
  type: 'sme',
  headcount: 42,
  turnoverCents: 350_000_050,
  balanceSheetCents: null,
  sizeClass: 'small',
  sme: { size: 'small', reasons: [] },
  vatNumber: '01234567897',
  fiscalCode: null,
  country: 'IT',
  street: 'Via Roma 1',
  postcode: '56100',
  city: 'Pisa',
  provinceCode: 'PI',
  nuts2: 'ITI1',
  nuts3: 'ITI17',
  website: null,
  descriptionIt: 'Materiali avanzati',
  descriptionEn: '',
  keywords: ['grafene'],
  competences: ['CN.05'],
  foundedYear: 2015,
  contacts: [{ id: 'c1', fullName: 'Ada Rossi', roleTitle: null, email: 'ada@example.it', phone: null }],
  memberships: [],
  canEdit: true,
  source: 'platform',
  updatedAt: '2025-01-01T00:00:00Z',
}

describe('organisation form', () => {
  it('reads back what it was filled with, in both languages', () => {
    for (const language of ['it', 'en'] as const) {
      const reading = readForm(formFromOrganisation(saved, language), language)
      expect(reading.ok).toBe(true)
      if (!reading.ok) return
      expect(reading.input.turnoverCents).toBe(350_000_050)
      expect(reading.input.headcount).toBe(42)
      expect(reading.input.contacts).toEqual([{ fullName: 'Ada Rossi', roleTitle: null, email: 'ada@example.it', phone: null }])
    }
  })

  it('sends only the changed fields', () => {
    const state = formFromOrganisation(saved, 'it')
    const before = readForm(state, 'it')
    const after = readForm({ ...state, descriptionIt: ' Materiali avanzati e compositi ', shortName: '' }, 'it')
    if (!before.ok || !after.ok) throw new Error('unreadable form')
    expect(changedFields(before.input, after.input)).toEqual({ descriptionIt: 'Materiali avanzati e compositi' })
  })

  it('turns blanks into nulls and drops empty contacts', () => {
    const reading = readForm(withoutBlankContacts({ ...emptyForm(), legalName: ' ACME ', type: 'startup', contacts: [newContact()] }), 'en')
    expect(reading).toMatchObject({ ok: true, input: { legalName: 'ACME', vatNumber: null, headcount: null, contacts: [] } })
  })

  it('names the field it cannot read', () => {
    expect(readForm({ ...emptyForm(), headcount: '12 people' }, 'it')).toEqual({ ok: false, problem: { field: 'headcount', problem: 'wholeNumber' } })
    expect(readForm({ ...emptyForm(), turnover: '2,5,3' }, 'it')).toEqual({ ok: false, problem: { field: 'turnoverCents', problem: 'amount' } })
  })

  it('parses counts with thousands separators', () => {
    expect(parseWholeNumber('1.200')).toBe(1200)
    expect(parseWholeNumber('')).toBeNull()
    expect(parseWholeNumber('-3')).toBeNaN()
  })

  it('adds keywords once each', () => {
    expect(addKeywords(['Grafene'], 'grafene, compositi;  stampa 3D ,')).toEqual(['Grafene', 'compositi', 'stampa 3D'])
  })

  it('previews the SME class only from readable figures', () => {
    expect(sizePreviewQuery(emptyForm(), 'it')).toBeNull()
    expect(sizePreviewQuery({ ...emptyForm(), headcount: '12', turnover: '1.500.000', balanceSheet: 'x' }, 'it')).toBe(
      '/api/organisations/size-preview?headcount=12&turnoverCents=150000000',
    )
  })
})
