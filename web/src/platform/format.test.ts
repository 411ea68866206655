import { describe, expect, it } from 'vitest'
import { centsToEuroInput, formatDate, formatDateTime, formatEuros, formatNumber, parseEurosToCents } from './format'

const nbsp = /[\u00a0\u202f]/g
const plain = (text: string): string => text.replace(nbsp, ' ')

describe('format', () => {
  it('formats numbers per language', () => {
    expect(plain(formatNumber('it', 1234567.5))).toBe('1.234.567,5')
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5')
  })

  it('formats euro amounts from cents', () => {
    expect(plain(formatEuros('it', 1_250_000_00))).toBe('1.250.000 €')
    expect(formatEuros('en', 1_250_000_00)).toBe('€1,250,000')
    expect(plain(formatEuros('it', 1050))).toBe('10,50 €')
  })

  it('shows a calendar date as the same day everywhere', () => {
    expect(formatDate('it', '2021-03-01')).toBe('1 marzo 2021')
    expect(formatDate('en', '2021-03-01')).toBe('1 March 2021')
  })

  it('shows timestamps in Rome time', () => {
    expect(formatDate('en', '2021-12-31T23:30:00Z')).toBe('1 January 2022')
    expect(formatDateTime('it', '2021-07-01T10:00:00Z')).toContain('12:00')
  })

  it('parses amounts typed in either language', () => {
    expect(parseEurosToCents('it', '1.250.000,50')).toBe(125_000_050)
    expect(parseEurosToCents('en', '1,250,000.50')).toBe(125_000_050)
    expect(parseEurosToCents('it', ' 2000 ')).toBe(200_000)
    expect(parseEurosToCents('en', '')).toBeNull()
    expect(parseEurosToCents('en', 'abc')).toBeNaN()
    expect(centsToEuroInput('it', 125_000_050)).toBe('1250000,50')
    expect(centsToEuroInput('en', 200_000)).toBe('2000')
  })
})
