import { describe, expect, it } from 'vitest'
import { budgetText, consortiumLink, daysUntil } from './topic-view'

describe('topic view helpers', () => {
  it('writes budgets in EUR per language, as one amount or a range', () => {
    expect(budgetText('it', { budgetMinCents: 300_000_000, budgetMaxCents: 450_000_000 })).toBe('3.000.000\u00a0€ – 4.500.000\u00a0€')
    expect(budgetText('en', { budgetMinCents: 300_000_000, budgetMaxCents: 450_000_000 })).toBe('€3,000,000 – €4,500,000')
    expect(budgetText('en', { budgetMinCents: null, budgetMaxCents: 15_000_000 })).toBe('€150,000')
    expect(budgetText('en', { budgetMinCents: 15_000_000, budgetMaxCents: 15_000_000 })).toBe('€150,000')
    expect(budgetText('it', { budgetMinCents: null, budgetMaxCents: null })).toBeNull()
  })

  it('counts days to a deadline', () => {
    expect(daysUntil('2026-12-07', '2026-12-07')).toBe(0)
    expect(daysUntil('2026-12-07', '2027-01-06')).toBe(30)
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysUntil('2026-12-07', '2026-12-01')).toBe(-6)
  })

  it('links the consortium builder with the topic and its title as the idea', () => {
    expect(consortiumLink({ id: 'abc', title: 'Robots & sensors' })).toBe('/marketplace/consortium?topic=abc&idea=Robots+%26+sensors')
  })
})
