import type { z } from 'zod'
import type * as api from '../../../src/opportunities/opportunities.schema'

// The statuses come from the server's own list, so that the two cannot drift apart.
export { topicStatuses, type TopicStatus } from '../../../src/opportunities/topic-terms'

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type TopicFlag = z.infer<typeof api.topicFlag>
export type DistrictRef = TopicFlag['district']
export type TopicSummary = z.infer<typeof api.topicSummary>
export type TopicPage = z.infer<typeof api.topicListResponse>
export type Reason = z.infer<typeof api.explainedReason>
export type MineResponse = z.infer<typeof api.mineResponse>
