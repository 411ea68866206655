import type { z } from 'zod'
import type * as api from '../../../src/districts/districts.schema'

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type ClusterKind = z.infer<typeof api.clusterKind>
export type ClusterRef = z.infer<typeof api.clusterRef>
export type ClusterSummary = z.infer<typeof api.clusterSummary>
export type ClusterDetail = z.infer<typeof api.clusterDetail>
export type ClusterMember = z.infer<typeof api.memberRow>
export type ClusterMemberPage = z.infer<typeof api.memberPage>

export type ClusterUpdate = {
  descriptionIt?: string
  descriptionEn?: string
  managingEntity?: string | null
  website?: string | null
  priorityCodes?: string[]
}
