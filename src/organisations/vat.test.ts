import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkItalianFiscalCode, checkItalianVatNumber, vatCheckDigit } from './vat'

describe('checkItalianVatNumber', () => {
  it('accepts valid numbers and normalises prefix and spaces', () => {
    expect(checkItalianVatNumber('06363391001')).toEqual({ valid: true, normalized: '06363391001' })
    expect(checkItalianVatNumber('IT06363391001')).toEqual({ valid: true, normalized: '06363391001' })
    expect(checkItalianVatNumber(' it 063 633 910 01 ')).toEqual({ valid: true, normalized: '06363391001' })
    expect(checkItalianVatNumber('12345678903')).toEqual({ valid: true, normalized: '12345678903' })
    expect(checkItalianVatNumber('00743110157')).toEqual({ valid: true, normalized: '00743110157' })
  })

  it('rejects a wrong check digit', () => {
    expect(checkItalianVatNumber('06363391002')).toEqual({ valid: false, reason: 'checksum' })
    expect(checkItalianVatNumber('12345678901')).toEqual({ valid: false, reason: 'checksum' })
  })

  it('rejects wrong lengths, letters and an all-zero serial', () => {
    for (const bad of ['', '0636339100', '063633910011', '0636339100A', 'IT', 'FR06363391001', '00000000000']) {
      expect(checkItalianVatNumber(bad)).toEqual({ valid: false, reason: 'format' })
    }
  })

  it('detects any single changed digit', () => {
    const validVat = fc
      .stringMatching(/^\d{10}$/)
      .filter((head) => !head.startsWith('0000000'))
      .map((head) => `${head}${vatCheckDigit(head)}`)
    fc.assert(
      fc.property(validVat, fc.nat({ max: 10 }), fc.integer({ min: 1, max: 9 }), (vat, index, delta) => {
        expect(checkItalianVatNumber(vat).valid).toBe(true)
        const changed = (Number(vat[index]) + delta) % 10
        const mutated = `${vat.slice(0, index)}${changed}${vat.slice(index + 1)}`
        expect(checkItalianVatNumber(mutated).valid).toBe(false)
      }),
    )
  })
})

describe('checkItalianFiscalCode', () => {
  it('accepts a personal code and normalises to upper case', () => {
    expect(checkItalianFiscalCode('RSSMRA80A01H501U')).toEqual({ valid: true, normalized: 'RSSMRA80A01H501U' })
    expect(checkItalianFiscalCode('rssmra80a01h501u')).toEqual({ valid: true, normalized: 'RSSMRA80A01H501U' })
    expect(checkItalianFiscalCode('BNCLRA85T55D612N')).toEqual({ valid: true, normalized: 'BNCLRA85T55D612N' })
  })

  it('accepts omocodia substitutions with their recomputed check character', () => {
    expect(checkItalianFiscalCode('RSSMRA80A01H50MM')).toEqual({ valid: true, normalized: 'RSSMRA80A01H50MM' })
    expect(checkItalianFiscalCode('RSSMRAURALMHRQMO')).toEqual({ valid: true, normalized: 'RSSMRAURALMHRQMO' })
  })

  it('accepts an 11-digit code with the VAT rule', () => {
    expect(checkItalianFiscalCode('06363391001')).toEqual({ valid: true, normalized: '06363391001' })
    expect(checkItalianFiscalCode('06363391002')).toEqual({ valid: false, reason: 'checksum' })
  })

  it('rejects a wrong check character', () => {
    expect(checkItalianFiscalCode('RSSMRA80A01H501A')).toEqual({ valid: false, reason: 'checksum' })
    expect(checkItalianFiscalCode('RSSMRA80A01H50MU')).toEqual({ valid: false, reason: 'checksum' })
  })

  it('rejects malformed codes', () => {
    for (const bad of [
      '',
      'RSSMRA80A01H501',
      'RSSMRA80A01H501UX',
      'RSSMRA80Z01H501U',
      'RSSMR180A01H501U',
      'RSSMRA8WA01H501U',
      'IT06363391001',
      '0636339100',
    ]) {
      expect(checkItalianFiscalCode(bad)).toEqual({ valid: false, reason: 'format' })
    }
  })
})
