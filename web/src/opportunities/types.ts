export const topicStatuses = ['open', 'forthcoming', 'closed'] as const
export type TopicStatus = (typeof topicStatuses)[number]

export type DistrictRef = { id: string; slug: string; name: string }
export type TopicFlag = { district: DistrictRef; note: string; flaggedAt: string }

export type TopicSummary = {
  id: string
  identifier: string
  title: string
  programme: string
  programmePart: string
  callIdentifier: string
  callTitle: string
  actionType: string
  status: TopicStatus
  opensOn: string | null
  deadline: string | null
  deadlineModel: string
  budgetMinCents: number | null
  budgetMaxCents: number | null
  expectedGrants: number | null
  keywords: string[]
  portalUrl: string | null
  flags: TopicFlag[]
}

export type TopicPage = {
  items: TopicSummary[]
  total: number
  page: number
  pageSize: number
  programmes: { name: string; count: number }[]
  flaggableDistricts: DistrictRef[]
}

export type Reason = { code: 'taxonomy' | 'keywords' | 'description'; points: number; text: string }

export type MineResponse = {
  organisations: { id: string; name: string }[]
  organisation: { id: string; name: string } | null
  items: { topic: TopicSummary; score: number; reasons: Reason[] }[]
}
