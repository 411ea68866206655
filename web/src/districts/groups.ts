import type { ClusterSummary } from './types'

export const clusterGroups = ['tuscany', 'clock', 'piedmont', 'national', 'other'] as const
export type ClusterGroup = (typeof clusterGroups)[number]

const tuscany = 'ITI1'
const piedmont = 'ITC1'

export function groupOf(cluster: Pick<ClusterSummary, 'kind' | 'regionNuts2'>): ClusterGroup {
  if (cluster.kind === 'cluster_of_clusters') return 'clock'
  if (cluster.kind === 'national_cluster') return 'national'
  if (cluster.kind === 'regional_district' && cluster.regionNuts2 === tuscany) return 'tuscany'
  if (cluster.kind === 'regional_cluster' && cluster.regionNuts2 === piedmont) return 'piedmont'
  return 'other'
}

/** The home page's sections, in order, each keeping the server's order of clusters; empty sections are left out. */
export function groupClusters<T extends Pick<ClusterSummary, 'kind' | 'regionNuts2'>>(
  clusters: readonly T[],
): { group: ClusterGroup; clusters: T[] }[] {
  return clusterGroups
    .map((group) => ({ group, clusters: clusters.filter((cluster) => groupOf(cluster) === group) }))
    .filter((section) => section.clusters.length > 0)
}
