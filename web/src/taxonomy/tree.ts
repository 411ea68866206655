import type { TaxonomyNode } from './types'

export type TaxonomyTree = { node: TaxonomyNode; children: TaxonomyTree[] }

/** Nests the flat list by parentCode, keeping the server's order; nodes whose parent is unknown become roots. */
export function buildTree(nodes: readonly TaxonomyNode[]): TaxonomyTree[] {
  const byCode = new Map<string, TaxonomyTree>()
  for (const node of nodes) byCode.set(node.code, { node, children: [] })
  const roots: TaxonomyTree[] = []
  for (const node of nodes) {
    const entry = byCode.get(node.code) as TaxonomyTree
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined
    if (parent) parent.children.push(entry)
    else roots.push(entry)
  }
  return roots
}

/** Flattens the tree depth-first with each node's depth, for indented lists and selects. */
export function flattenTree(trees: readonly TaxonomyTree[], depth = 0): { node: TaxonomyNode; depth: number }[] {
  return trees.flatMap((tree) => [{ node: tree.node, depth }, ...flattenTree(tree.children, depth + 1)])
}
