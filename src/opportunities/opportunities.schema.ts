import { z } from 'zod'
import { isoDate, plainText, uuid } from '../platform/validation.js'
import { topicStatuses } from './topic-terms.js'

export const topicListQuery = z
  .object({
    status: z.enum(topicStatuses).optional(),
    programme: plainText(200).optional(),
    deadlineFrom: isoDate.optional(),
    deadlineTo: isoDate.optional(),
    q: plainText(200).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
export type TopicListQuery = z.infer<typeof topicListQuery>

export const mineQuery = z
  .object({
    organisationId: uuid.optional(),
    /** Forthcoming topics too: the portal gives no opening date, and a consortium takes months to form. */
    forthcoming: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  })
  .strict()

export const idParams = z.object({ id: uuid }).strict()
export const flagParams = z.object({ id: uuid, district: z.string().regex(/^[a-z0-9-]{1,80}$/) }).strict()

export const flagBody = z
  .object({
    district: z.string().trim().regex(/^[a-z0-9-]{1,80}$/),
    note: plainText(1000).default(''),
  })
  .strict()

const districtRef = z.object({ id: z.string(), slug: z.string(), name: z.string() })

export const topicFlag = z.object({ district: districtRef, note: z.string(), flaggedAt: z.string() })

export const topicSummary = z.object({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  programme: z.string(),
  programmePart: z.string(),
  callIdentifier: z.string(),
  callTitle: z.string(),
  actionType: z.string(),
  status: z.enum(topicStatuses),
  opensOn: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineModel: z.string(),
  budgetMinCents: z.number().nullable(),
  budgetMaxCents: z.number().nullable(),
  expectedGrants: z.number().nullable(),
  keywords: z.array(z.string()),
  portalUrl: z.string().nullable(),
  /** The flags of the districts the reader belongs to or manages. */
  flags: z.array(topicFlag),
})
export type TopicSummary = z.infer<typeof topicSummary>

export const topicDetail = topicSummary.extend({ description: z.string(), typesOfAction: z.string() })

export const topicListResponse = z.object({
  items: z.array(topicSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  programmes: z.array(z.object({ name: z.string(), count: z.number() })),
  /** The districts the reader may flag topics for. */
  flaggableDistricts: z.array(districtRef),
})

export const explainedReason = z.object({ code: z.enum(['taxonomy', 'keywords', 'description']), points: z.number(), text: z.string() })

export const mineResponse = z.object({
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(z.object({ topic: topicSummary, score: z.number(), reasons: z.array(explainedReason) })),
})
