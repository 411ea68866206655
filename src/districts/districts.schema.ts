import { z } from 'zod'
import { isoDate, plainText, taxonomyCodes, uuid, webAddress } from '../platform/validation.js'
import { clusterKinds } from './district-terms.js'

export const clusterKind = z.enum(clusterKinds)

export const clusterRef = z.object({ slug: z.string(), nameIt: z.string(), nameEn: z.string(), kind: clusterKind })

export const clusterSummary = z.object({
  id: z.string(),
  slug: z.string(),
  kind: clusterKind,
  nameIt: z.string(),
  nameEn: z.string(),
  shortName: z.string(),
  sectorIt: z.string(),
  sectorEn: z.string(),
  regionNuts2: z.string().nullable(),
  managingEntity: z.string().nullable(),
  fundedByRegion: z.boolean(),
  foundedYear: z.number().nullable(),
  memberCount: z.number(),
})

export const clusterDetail = clusterSummary.extend({
  website: z.string().nullable(),
  descriptionIt: z.string(),
  descriptionEn: z.string(),
  priorityCodes: z.array(z.string()),
  parents: z.array(clusterRef),
  children: z.array(clusterRef),
  canEdit: z.boolean(),
})

export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) })

export const clusterChanges = z
  .object({
    descriptionIt: plainText(5000).optional(),
    descriptionEn: plainText(5000).optional(),
    managingEntity: plainText(200).nullable().optional(),
    website: webAddress.nullable().optional(),
    priorityCodes: taxonomyCodes.optional(),
  })
  .strict()

export const membersQuery = z
  .object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(25) })
  .strict()

export const memberRow = z.object({
  membershipId: z.string(),
  organisationId: z.string(),
  legalName: z.string(),
  type: z.string(),
  associated: z.boolean(),
  since: z.string(),
  until: z.string().nullable(),
})

export const memberPage = z.object({ items: z.array(memberRow), total: z.number() })

export const membershipBody = z
  .object({ organisationId: uuid, associated: z.boolean(), since: isoDate, until: isoDate.nullable().optional() })
  .strict()

export const membershipChanges = z
  .object({ associated: z.boolean().optional(), since: isoDate.optional(), until: isoDate.nullable().optional() })
  .strict()
