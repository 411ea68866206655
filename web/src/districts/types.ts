export const clusterKinds = ['regional_district', 'cluster_of_clusters', 'regional_cluster', 'national_cluster'] as const
export type ClusterKind = (typeof clusterKinds)[number]

export type ClusterRef = { slug: string; nameIt: string; nameEn: string; kind: ClusterKind }

export type ClusterSummary = {
  id: string
  slug: string
  kind: ClusterKind
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  regionNuts2: string | null
  managingEntity: string | null
  fundedByRegion: boolean
  foundedYear: number | null
  memberCount: number
}

export type ClusterDetail = ClusterSummary & {
  website: string | null
  descriptionIt: string
  descriptionEn: string
  priorityCodes: string[]
  parents: ClusterRef[]
  children: ClusterRef[]
  canEdit: boolean
}

export type ClusterMember = {
  membershipId: string
  organisationId: string
  legalName: string
  type: string
  associated: boolean
  since: string
  until: string | null
}

export type ClusterUpdate = {
  descriptionIt?: string
  descriptionEn?: string
  managingEntity?: string | null
  website?: string | null
  priorityCodes?: string[]
}
