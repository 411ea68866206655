import { describe, expect, it } from 'vitest'
import { taxonomyNodes } from '../taxonomy/taxonomy-data.js'
import { createVocabularyExpander, foldText, looseStem, taxonomyLabelEntries, tokenize } from './query-expansion.js'
import { vocabulary } from './vocabulary.js'

const expander = createVocabularyExpander([...vocabulary, ...taxonomyLabelEntries(taxonomyNodes)])
const expand = (query: string): string[][] => expander.expandNow(query).groups

describe('query expansion across Italian and English', () => {
  it('adds the English equivalents of Italian terms, singular or plural', () => {
    expect(expand('rivestimenti per marmo')).toHaveLength(2)
    expect(expand('rivestimenti per marmo')[0]).toEqual(expect.arrayContaining(['rivestimenti', 'coating', 'coatings']))
    expect(expand('rivestimenti per marmo')[1]).toEqual(expect.arrayContaining(['marmo', 'marble']))
  })

  it('adds the Italian equivalents of English terms, and ignores accents and case', () => {
    expect(expand('Hydrogen storage')).toEqual([expect.arrayContaining(['hydrogen', 'idrogeno']), expect.arrayContaining(['storage', 'stoccaggio', 'accumulo'])])
    expect(expand('SICUREZZA ALIMENTARE')).toEqual([expect.arrayContaining(['sicurezza alimentare', 'food safety'])])
    expect(expand('Università')).toEqual([expect.arrayContaining(['universita', 'university'])])
  })

  it('prefers the longest known phrase over its words', () => {
    expect(expand('fibra di carbonio riciclata')[0]).toEqual(expect.arrayContaining(['fibra di carbonio', 'carbon fibre', 'carbon fiber']))
    expect(expand('laser cutting of marble')).toEqual([expect.arrayContaining(['laser cutting', 'taglio laser']), expect.arrayContaining(['marble', 'marmo'])])
  })

  it('keeps unknown words as they are and drops lone stop words', () => {
    expect(expand('zirconia per la protesi')).toEqual([['zirconia'], expect.arrayContaining(['protesi', 'prosthesis'])])
    expect(expand('di the e')).toEqual([])
    expect(expand('')).toEqual([])
  })

  it('uses the bilingual taxonomy labels, part by part', () => {
    expect(expand('nanoparticelle')[0]).toEqual(expect.arrayContaining(['nanoparticles']))
    expect(expand('meccatronica')[0]).toEqual(expect.arrayContaining(['mechatronics']))
    expect(expand('filiera dell’idrogeno')[0]).toEqual(expect.arrayContaining(['hydrogen supply chain']))
  })

  it('folds and stems the way the index does', () => {
    expect(foldText('Università dell’Aquila')).toBe('universita dell aquila')
    expect(tokenize('Industria 4.0, bio-based e R&D')).toEqual(['industria', '4.0', 'bio-based', 'e', 'r&d'])
    expect(looseStem('rivestimenti')).toBe(looseStem('rivestimento'))
    expect(looseStem('coatings')).toBe(looseStem('coating'))
  })

  it('has a vocabulary of a few hundred pairs with both sides filled', () => {
    expect(vocabulary.length).toBeGreaterThan(300)
    for (const [italian, english] of vocabulary) {
      expect(italian.trim().length).toBeGreaterThan(0)
      expect(english.trim().length).toBeGreaterThan(0)
    }
  })
})
