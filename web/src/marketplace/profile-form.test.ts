import { describe, expect, it } from 'vitest'
import { defaultExpiry, emptyProfileForm, inputFromForm, toggle } from './profile-form'

const base = emptyProfileForm({ organisationId: 'org', districtSlug: 'tuscany-marble-stone', language: 'it', today: '2026-01-31' })

describe('the profile form', () => {
  it('expires six months later by default', () => {
    expect(defaultExpiry('2026-03-15')).toBe('2026-09-15')
  })

  it('splits keywords, trims texts and keeps TRL only where it applies', () => {
    const input = inputFromForm({ ...base, title: '  Marmo  ', keywords: 'marmo, , rivestimento,marmo', trl: '5' }, { includeOrganisation: true })
    expect(input).toMatchObject({ organisationId: 'org', title: 'Marmo', keywords: ['marmo', 'rivestimento'], trl: 5 })
    expect(inputFromForm({ ...base, kind: 'finance_request', trl: '5' }, { includeOrganisation: false }).trl).toBeNull()
    expect(inputFromForm({ ...base, trl: '' }, { includeOrganisation: false })).not.toHaveProperty('organisationId')
  })

  it('toggles list values without duplicates', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a'])
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b'])
  })
})
