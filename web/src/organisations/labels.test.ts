import { describe, expect, it } from 'vitest'
import { placeLabel } from './labels'

describe('placeLabel', () => {
  it('writes Italian places with the province code and foreign ones with the country', () => {
    expect(placeLabel('Pisa', 'PI', 'IT')).toBe('Pisa (PI)')
    expect(placeLabel(null, 'PI', 'IT')).toBe('(PI)')
    expect(placeLabel('Lyon', null, 'FR')).toBe('Lyon, FR')
    expect(placeLabel(null, null, 'DE')).toBe('DE')
    expect(placeLabel(null, null, 'IT')).toBe('')
  })
})
