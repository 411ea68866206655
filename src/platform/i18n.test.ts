import { describe, expect, it } from 'vitest'
import { catalogueKeys, formatEuros, pickLocale, translate } from './i18n.js'

describe('server texts', () => {
  it('exist in Italian and English with the same keys and placeholders', () => {
    const italian = catalogueKeys('it').sort()
    expect(catalogueKeys('en').sort()).toEqual(italian)
    for (const key of italian) {
      const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string).sort()
      expect(placeholders(translate('en', key)), key).toEqual(placeholders(translate('it', key)))
      expect(translate('it', key).length, key).toBeGreaterThan(0)
    }
  })

  it('picks the explicit choice, then the browser, then Italian', () => {
    expect(pickLocale('en', 'it-IT')).toBe('en')
    expect(pickLocale(undefined, 'de-DE,en;q=0.8')).toBe('en')
    expect(pickLocale('fr', 'de')).toBe('it')
  })

  it('formats money per locale', () => {
    expect(formatEuros('it', 123456789)).toBe('1.234.567,89\u00a0€')
    expect(formatEuros('en', 123456789)).toBe('€1,234,567.89')
  })
})
