import { describe, expect, it } from 'vitest'
import { containsConcept, stemText } from './text-match.js'

describe('matching concepts in a text', () => {
  const text = stemText('Laboratorio di rivestimenti antivirali', 'Laser cutting of marble; surface treatments')

  it('finds a concept in any of its forms, singular or plural, accents ignored', () => {
    expect(containsConcept(text, ['rivestimento', 'coating'])).toBe(true)
    expect(containsConcept(text, ['taglio laser', 'laser cutting'])).toBe(true)
    expect(containsConcept(text, ['trattamento superficiale', 'surface treatment'])).toBe(true)
  })

  it('needs the whole phrase, in order, on word boundaries', () => {
    expect(containsConcept(text, ['cutting laser'])).toBe(false)
    expect(containsConcept(text, ['marb'])).toBe(false)
    expect(containsConcept(text, ['idrogeno', 'hydrogen'])).toBe(false)
    expect(containsConcept(text, [''])).toBe(false)
  })
})
