import { z } from 'zod'

// Shared building blocks for request schemas. Every text field is trimmed, bounded, free of control
// characters and of markup: CLOCK's fields are plain text, so "<script>" is refused, not stored.
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const markup = /<\s*[a-zA-Z!/?]/

export function plainText(max: number): z.ZodString {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !controlChars.test(value), { params: { messageKey: 'validation.unsafe_text' } })
    .refine((value) => !markup.test(value), { params: { messageKey: 'validation.markup' } }) as unknown as z.ZodString
}

export function requiredText(max: number): z.ZodString {
  return plainText(max).min(1) as z.ZodString
}

export const emailAddress = z.string().trim().toLowerCase().max(254).pipe(z.email())

export const webAddress = z
  .string()
  .trim()
  .max(300)
  .pipe(z.url({ protocol: /^https?$/ }))

export const taxonomyCodes = z.array(z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/)).max(40)

export const isoDate = z.iso.date()

export const uuid = z.uuid()

export const localeSchema = z.enum(['it', 'en'])
