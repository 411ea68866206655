import { describe, expect, it } from 'vitest'
import { callRulesMessages, renderMessage } from './messages.js'

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string).sort()

describe('call rules messages', () => {
  it('exist in Italian and English with the same keys and placeholders', () => {
    const keys = Object.keys(callRulesMessages.en).sort()
    expect(Object.keys(callRulesMessages.it).sort()).toEqual(keys)
    for (const key of keys) {
      const en = callRulesMessages.en[key as keyof typeof callRulesMessages.en]
      const it = callRulesMessages.it[key as keyof typeof callRulesMessages.it]
      expect(placeholders(it), key).toEqual(placeholders(en))
      expect(it.length, key).toBeGreaterThan(0)
    }
  })

  it('renders numbers, money and lists per locale', () => {
    const message = {
      key: 'calls.rules.costs.eligibleOnly.failed',
      params: { amount: { cents: 123456789 }, partners: { list: ['Alfa', 'Beta', 'Gamma'] } },
    } as const
    expect(renderMessage(message, 'en')).toBe('Other costs (e.g. production) are not eligible: €1,234,567.89 declared by Alfa, Beta and Gamma')
    expect(renderMessage(message, 'it')).toBe(
      'Gli altri costi (per esempio di produzione) non sono ammissibili: 1.234.567,89\u00a0€ dichiarati da Alfa, Beta e Gamma',
    )
    expect(renderMessage({ key: 'calls.rules.partners.min', params: { min: 3, actual: 1200 } }, 'it')).toBe(
      'Il partenariato deve avere almeno 3 partner; ne ha 1200',
    )
  })

  it('leaves a missing parameter visible rather than inventing one', () => {
    expect(renderMessage({ key: 'calls.rules.trl.end', params: { min: 7 } }, 'en')).toBe('TRL at the end must be at least 7; it is {{actual}}')
  })
})
