import { describe, expect, it } from 'vitest'
import { repairMojibake } from './text-repair.js'

describe('repairMojibake', () => {
  it('restores quotes, dashes and bullets decoded twice', () => {
    expect(repairMojibake('the beneficiariesâ€™ costs â€“ see â€œAnnex 3â€\u009d â€¢ done')).toBe('the beneficiaries’ costs – see “Annex 3” • done')
  })

  it('restores accented letters and drops byte-order marks', () => {
    expect(repairMojibake('CafÃ© ï»¿Ã\u00a0 Å‚')).toBe('Café à ł')
  })

  it('leaves correct text alone, accents and symbols included', () => {
    const text = 'Città di Pisa — “ricerca” € 150 000 · Größe'
    expect(repairMojibake(text)).toBe(text)
  })

  it('leaves a sequence that is not valid UTF-8 as it is', () => {
    expect(repairMojibake('Ã(')).toBe('Ã(')
  })
})
