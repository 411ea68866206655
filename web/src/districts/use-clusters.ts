import { useMemo } from 'react'
import { useReference, type ApiState } from '../platform/use-api'
import type { ClusterSummary } from './types'

export const clustersPath = '/api/clusters'

export function useClusters(): ApiState<{ items: ClusterSummary[] }> & { bySlug: Map<string, ClusterSummary> } {
  const state = useReference<{ items: ClusterSummary[] }>(clustersPath)
  const bySlug = useMemo(() => new Map((state.data?.items ?? []).map((cluster) => [cluster.slug, cluster])), [state.data])
  return { ...state, bySlug }
}
