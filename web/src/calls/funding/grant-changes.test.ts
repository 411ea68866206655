import { describe, expect, it } from 'vitest'
import { draftTotal, grantChanges, type PartnerDraft } from './grant-changes'

const drafts = (amountLead: string, reasonLead = '', amountUni = ''): PartnerDraft[] => [
  { organisationId: 'lead', estimateCents: 100_000_00, amount: amountLead, reason: reasonLead },
  { organisationId: 'uni', estimateCents: 50_000_00, amount: amountUni, reason: '' },
]

describe('grant changes typed by the officer', () => {
  it('send nothing for partners left blank or at their estimate', () => {
    expect(grantChanges('it', drafts(''))).toEqual([])
    expect(grantChanges('it', drafts('100.000'))).toEqual([])
    expect(grantChanges('en', drafts('100,000.00'))).toEqual([])
  })

  it('send a lowered amount in cents with its reason, read in the user’s language', () => {
    expect(grantChanges('it', drafts('90.000,50', '  Costi non ammessi. '))).toEqual([{ organisationId: 'lead', grantCents: 9_000_050, reason: 'Costi non ammessi.' }])
    expect(grantChanges('en', drafts('90,000.50'))).toEqual([{ organisationId: 'lead', grantCents: 9_000_050 }])
  })

  it('total the decision as typed, blanks at their estimate', () => {
    expect(draftTotal('it', drafts('', '', '40.000'))).toBe(140_000_00)
    expect(draftTotal('it', drafts('abc'))).toBe(150_000_00)
  })
})
