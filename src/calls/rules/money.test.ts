import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsToEuroText, eurosToCents } from './money.js'

describe('eurosToCents', () => {
  it('rounds half up on the decimal written, not on its binary value', () => {
    expect(eurosToCents(1.005)).toBe(101)
    expect(eurosToCents(0.015)).toBe(2)
    expect(eurosToCents(1.004)).toBe(100)
    expect(eurosToCents(123.456)).toBe(12346)
    expect(eurosToCents(0.1 + 0.2)).toBe(30)
    expect(eurosToCents(1.1)).toBe(110)
  })

  it('handles integers, zero, tiny and exponent forms', () => {
    expect(eurosToCents(0)).toBe(0)
    expect(eurosToCents(35_000_000)).toBe(3_500_000_000)
    expect(eurosToCents(1e-7)).toBe(0)
    expect(eurosToCents(5e-7)).toBe(0)
    expect(eurosToCents(1e13)).toBe(1e15)
    expect(eurosToCents(1.5e-2)).toBe(2)
  })

  it('refuses negative, non-finite and unsafe amounts', () => {
    expect(() => eurosToCents(-0.01)).toThrow(RangeError)
    expect(() => eurosToCents(Number.NaN)).toThrow(RangeError)
    expect(() => eurosToCents(Number.POSITIVE_INFINITY)).toThrow(RangeError)
    expect(() => eurosToCents(1e21)).toThrow(RangeError)
  })

  // Up to 10^14 cents (15 digits), every amount survives the trip through a double; files stop at 10^12.
  it('gives back any whole number of cents written as EUR', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (cents) => eurosToCents(cents / 100) === cents))
  })
})

describe('centsToEuroText', () => {
  it('always prints two decimals', () => {
    expect(centsToEuroText(0)).toBe('0.00')
    expect(centsToEuroText(7)).toBe('0.07')
    expect(centsToEuroText(123450)).toBe('1234.50')
    expect(centsToEuroText(-5)).toBe('-0.05')
  })

  it('round-trips through eurosToCents', () => {
    fc.assert(fc.property(fc.nat({ max: 100_000_000_000_000 }), (cents) => eurosToCents(Number(centsToEuroText(cents))) === cents))
  })
})
