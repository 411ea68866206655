import { describe, expect, it } from 'vitest'
import { buildTree, flattenTree } from './tree'
import type { TaxonomyNode } from './types'

const node = (code: string, parentCode: string | null): TaxonomyNode => ({ code, parentCode, labelIt: code, labelEn: code })

describe('taxonomy tree', () => {
  const nodes = [node('ICT', null), node('ICT.01', 'ICT'), node('SF', null), node('ICT.02', 'ICT'), node('SF.01', 'SF')]

  it('nests children under their parents in the given order', () => {
    const tree = buildTree(nodes)
    expect(tree.map((entry) => entry.node.code)).toEqual(['ICT', 'SF'])
    expect(tree[0]?.children.map((entry) => entry.node.code)).toEqual(['ICT.01', 'ICT.02'])
  })

  it('keeps orphans as roots', () => {
    expect(buildTree([node('X.01', 'X')]).map((entry) => entry.node.code)).toEqual(['X.01'])
  })

  it('flattens depth-first with depths', () => {
    expect(flattenTree(buildTree(nodes)).map(({ node: entry, depth }) => `${depth}:${entry.code}`)).toEqual([
      '0:ICT',
      '1:ICT.01',
      '1:ICT.02',
      '0:SF',
      '1:SF.01',
    ])
  })
})
