import { describe, expect, it } from 'vitest'
import { taxonomyNodes } from './taxonomy-data'

describe('taxonomy reference data', () => {
  it('has unique codes and lists parents before children', () => {
    const seen = new Set<string>()
    for (const node of taxonomyNodes) {
      expect(seen.has(node.code), node.code).toBe(false)
      if (node.parentCode !== null) expect(seen.has(node.parentCode), node.code).toBe(true)
      seen.add(node.code)
    }
  })

  it('has the four roots with 7, 7, 7 and 5 children', () => {
    const childrenOf = (code: string): string[] =>
      taxonomyNodes.filter((n) => n.parentCode === code).map((n) => n.code)
    expect(taxonomyNodes.filter((n) => n.parentCode === null).map((n) => n.code)).toEqual(['ICT', 'SF', 'CN', 'TR'])
    for (const root of ['ICT', 'SF', 'CN']) {
      expect(childrenOf(root)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `${root}.0${i}`))
    }
    expect(childrenOf('TR')).toEqual(['TR.H2', 'TR.PKG', 'TR.CIRC', 'TR.SURF', 'TR.MODEL'])
  })

  it('has non-empty labels in both languages', () => {
    for (const node of taxonomyNodes) {
      expect(node.labelIt.trim()).not.toBe('')
      expect(node.labelEn.trim()).not.toBe('')
    }
  })
})
