import { z } from 'zod'
import { organisationType } from '../../organisations/organisations.schema.js'
import { plainText, requiredText, taxonomyCodes, uuid } from '../../platform/validation.js'

const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/)

/** A partner already in: a directory organisation by id, or an organisation outside it by name and country. */
const partner = z
  .object({
    organisationId: uuid.optional(),
    name: requiredText(300).optional(),
    country: countryCode.optional(),
    city: plainText(120).optional(),
  })
  .strict()
  .refine(
    (p) =>
      p.organisationId !== undefined
        ? p.name === undefined && p.country === undefined && p.city === undefined
        : p.name !== undefined && p.country !== undefined,
    { params: { messageKey: 'validation.partner_identity' } },
  )

export const suggestionsBody = z
  .object({
    title: requiredText(300),
    description: plainText(4000).optional(),
    taxonomyCodes: taxonomyCodes.optional(),
    partners: z.array(partner).max(40),
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict()
export type SuggestionsBody = z.infer<typeof suggestionsBody>

export const suggestionsResponse = z.object({
  suggestions: z.array(
    z.object({
      organisation: z.object({ id: z.string(), name: z.string(), type: organisationType, city: z.string().nullable(), country: z.string() }).nullable(),
      name: z.string(),
      country: z.string().nullable(),
      score: z.number(),
      sources: z.array(z.enum(['history', 'registry'])),
      reasons: z.array(z.object({ code: z.string(), text: z.string() })),
    }),
  ),
  corpus: z.object({
    projects: z.number(),
    organisations: z.number(),
    imported: z.number(),
    proposals: z.number(),
    agreements: z.number(),
  }),
})
