import { useMemo } from 'react'
import { localized, useLanguage } from '../platform/use-language'
import { useReference } from '../platform/use-api'
import { buildTree, type TaxonomyTree } from './tree'
import type { TaxonomyNode } from './types'

export type Taxonomy = {
  nodes: TaxonomyNode[]
  tree: TaxonomyTree[]
  /** The label in the user's language, or the code itself while the taxonomy loads or for an unknown code. */
  label: (code: string) => string
  loading: boolean
}

export function useTaxonomy(): Taxonomy {
  const language = useLanguage()
  const { data, loading } = useReference<{ items: TaxonomyNode[] }>('/api/taxonomy')
  return useMemo(() => {
    const nodes = data?.items ?? []
    const byCode = new Map(nodes.map((node) => [node.code, node]))
    const label = (code: string): string => {
      const node = byCode.get(code)
      return node ? localized(language, node.labelIt, node.labelEn) : code
    }
    return { nodes, tree: buildTree(nodes), label, loading }
  }, [data, language, loading])
}
