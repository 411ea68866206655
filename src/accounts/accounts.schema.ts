import { z } from 'zod'
import { emailAddress, localeSchema, requiredText, uuid } from '../platform/validation.js'
import { platformRoles } from './account-terms.js'

export const password = z.string().min(10).max(200)

export const signUpBody = z
  .object({ email: emailAddress, password, fullName: requiredText(120), locale: localeSchema.default('it') })
  .strict()

export const signInBody = z.object({ email: emailAddress, password: z.string().min(1).max(200) }).strict()

export const resetRequestBody = z.object({ email: emailAddress }).strict()

export const resetConfirmBody = z.object({ token: z.string().min(20).max(200), password }).strict()

export const profileBody = z.object({ fullName: requiredText(120).optional(), locale: localeSchema.optional() }).strict()

export const platformRole = z.enum(platformRoles)

export const rolesBody = z
  .object({ roles: z.array(platformRole).max(3), managedClusterIds: z.array(uuid).max(50) })
  .strict()

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  locale: localeSchema,
  roles: z.array(platformRole),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['member', 'admin']) })),
  managedClusters: z.array(z.object({ id: z.string(), slug: z.string(), nameIt: z.string(), nameEn: z.string() })),
})

/** A line of the administrators' user list: the managed districts by id and slug only. */
export const userListItem = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  roles: z.array(platformRole),
  managedClusters: z.array(z.object({ id: z.string(), slug: z.string() })),
})
