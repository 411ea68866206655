import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifySme, smeAmountParams, smeMessages, type SmeInput } from './sme'

const M = 100_000_000
const sme = (headcount: number | null, turnoverCents: number | null, balanceSheetCents: number | null): SmeInput => ({
  headcount,
  turnoverCents,
  balanceSheetCents,
})
const sizeOf = (input: SmeInput): string | null => classifySme(input).size
const keysOf = (input: SmeInput): string[] => classifySme(input).reasons.map((r) => r.key)

describe('classifySme boundaries', () => {
  it('separates micro from small at 10 staff', () => {
    expect(sizeOf(sme(9, 1 * M, 1 * M))).toBe('micro')
    expect(sizeOf(sme(9.9, 1 * M, 1 * M))).toBe('micro')
    expect(sizeOf(sme(10, 1 * M, 1 * M))).toBe('small')
  })

  it('treats 2 M€ exactly as within the micro ceilings', () => {
    expect(sizeOf(sme(5, 2 * M, 5 * M))).toBe('micro')
    expect(sizeOf(sme(5, 5 * M, 2 * M))).toBe('micro')
    expect(sizeOf(sme(5, 2 * M + 1, 2 * M + 1))).toBe('small')
  })

  it('needs only one financial ceiling to be met', () => {
    expect(sizeOf(sme(5, 1 * M, 100 * M))).toBe('micro')
    expect(sizeOf(sme(5, 100 * M, 1 * M))).toBe('micro')
  })

  it('separates small from medium at 50 staff and 10 M€', () => {
    expect(sizeOf(sme(49, 10 * M, 10 * M))).toBe('small')
    expect(sizeOf(sme(50, 10 * M, 10 * M))).toBe('medium')
    expect(sizeOf(sme(49, 10 * M + 1, 10 * M + 1))).toBe('medium')
  })

  it('uses 50 M€ turnover or 43 M€ balance sheet for medium', () => {
    expect(sizeOf(sme(100, 60 * M, 43 * M))).toBe('medium')
    expect(sizeOf(sme(100, 50 * M, 60 * M))).toBe('medium')
    expect(sizeOf(sme(100, 60 * M, 43 * M + 1))).toBe('large')
    expect(sizeOf(sme(249, 50 * M + 1, 43 * M + 1))).toBe('large')
  })

  it('makes 250 staff large whatever the figures', () => {
    expect(sizeOf(sme(249, 1 * M, 1 * M))).toBe('medium')
    expect(sizeOf(sme(250, 1 * M, 1 * M))).toBe('large')
    expect(sizeOf(sme(250, null, null))).toBe('large')
  })

  it('handles zero figures', () => {
    expect(sizeOf(sme(0, 0, 0))).toBe('micro')
  })
})

describe('classifySme reasons', () => {
  it('explains a micro outcome', () => {
    expect(classifySme(sme(8, 1.5 * M, 3 * M))).toEqual({
      size: 'micro',
      reasons: [
        { key: 'sme.reason.headcountBelow', params: { headcount: 8, limit: 10, class: 'micro' } },
        { key: 'sme.reason.turnoverWithin', params: { turnover: 1.5 * M, limit: 2 * M, class: 'micro' } },
      ],
    })
  })

  it('explains why the smaller class was missed', () => {
    expect(classifySme(sme(8, 5 * M, 3 * M))).toEqual({
      size: 'small',
      reasons: [
        {
          key: 'sme.reason.bothFinancialAbove',
          params: { turnover: 5 * M, turnoverLimit: 2 * M, balanceSheet: 3 * M, balanceSheetLimit: 2 * M, class: 'micro' },
        },
        { key: 'sme.reason.headcountBelow', params: { headcount: 8, limit: 50, class: 'small' } },
        { key: 'sme.reason.turnoverWithin', params: { turnover: 5 * M, limit: 10 * M, class: 'small' } },
        { key: 'sme.reason.balanceSheetWithin', params: { balanceSheet: 3 * M, limit: 10 * M, class: 'small' } },
      ],
    })
    expect(keysOf(sme(300, 1 * M, 1 * M))).toEqual(['sme.reason.headcountAtLeast'])
    expect(classifySme(sme(300, 1 * M, 1 * M)).reasons[0]?.params).toEqual({ headcount: 300, limit: 250, class: 'medium' })
  })

  it('explains the medium case with 60 M€ turnover and 43 M€ balance sheet', () => {
    expect(keysOf(sme(100, 60 * M, 43 * M))).toEqual([
      'sme.reason.headcountAtLeast',
      'sme.reason.bothFinancialAbove',
      'sme.reason.headcountBelow',
      'sme.reason.balanceSheetWithin',
    ])
  })

  it('returns no size when headcount is missing', () => {
    expect(classifySme(sme(null, 1 * M, 1 * M))).toEqual({
      size: null,
      reasons: [{ key: 'sme.reason.missingHeadcount', params: {} }],
    })
  })

  it('classifies on headcount alone when both financial figures are missing', () => {
    expect(classifySme(sme(9, null, null))).toEqual({
      size: 'micro',
      reasons: [
        { key: 'sme.reason.headcountBelow', params: { headcount: 9, limit: 10, class: 'micro' } },
        { key: 'sme.reason.financialsMissing', params: {} },
      ],
    })
    expect(sizeOf(sme(10, null, null))).toBe('small')
    expect(sizeOf(sme(249, null, null))).toBe('medium')
  })

  it('uses the one known figure and says the other is missing', () => {
    expect(sizeOf(sme(5, 3 * M, null))).toBe('small')
    expect(keysOf(sme(5, 3 * M, null))).toEqual([
      'sme.reason.turnoverAbove',
      'sme.reason.headcountBelow',
      'sme.reason.turnoverWithin',
      'sme.reason.balanceSheetMissing',
    ])
    expect(sizeOf(sme(5, null, 44 * M))).toBe('large')
    expect(keysOf(sme(5, null, 44 * M))).toEqual(['sme.reason.balanceSheetAbove', 'sme.reason.turnoverMissing'])
  })

  it('rejects negative or non-finite figures', () => {
    expect(classifySme(sme(-1, 1 * M, 1 * M))).toEqual({
      size: null,
      reasons: [{ key: 'sme.reason.invalidHeadcount', params: { value: -1 } }],
    })
    expect(keysOf(sme(5, Number.NaN, Number.POSITIVE_INFINITY))).toEqual([
      'sme.reason.invalidTurnover',
      'sme.reason.invalidBalanceSheet',
    ])
  })
})

describe('smeMessages', () => {
  const figure = fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 60 * M }), fc.constantFrom(2 * M, 10 * M, 43 * M, 50 * M))
  const headcount = fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 400 }), fc.constantFrom(9, 10, 49, 50, 249, 250))

  it('has the same keys in Italian and English', () => {
    expect(Object.keys(smeMessages.it).sort()).toEqual(Object.keys(smeMessages.en).sort())
  })

  it('has a translated label for every size class', () => {
    for (const size of ['micro', 'small', 'medium', 'large']) {
      expect(smeMessages.it[`sme.size.${size}`]).toBeDefined()
      expect(smeMessages.en[`sme.size.${size}`]).toBeDefined()
    }
  })

  it('covers every produced reason in both languages, with matching placeholders', () => {
    fc.assert(
      fc.property(headcount, figure, figure, (h, t, b) => {
        for (const { key, params } of classifySme(sme(h, t, b)).reasons) {
          for (const messages of [smeMessages.it, smeMessages.en]) {
            const text = messages[key]
            expect(text, key).toBeDefined()
            const placeholders = [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])
            expect(placeholders.sort()).toEqual(Object.keys(params).sort())
          }
          for (const amount of smeAmountParams[key] ?? []) expect(params).toHaveProperty(amount)
        }
      }),
      { numRuns: 500 },
    )
  })
})
