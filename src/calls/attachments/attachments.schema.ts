import { z } from 'zod'
import { requiredText } from '../../platform/validation.js'
import { attachmentKinds, attachmentLanguages } from '../call-terms.js'

/** Largest file a call may carry, and how many files at most. */
export const maxAttachmentBytes = 10 * 1024 * 1024
export const maxAttachmentsPerCall = 20
/** The upload body: the file in base64 (4 characters per 3 bytes) plus the few short fields around it. */
export const uploadBodyLimit = Math.ceil(maxAttachmentBytes / 3) * 4 + 64 * 1024

export const attachmentKind = z.enum(attachmentKinds)
export const attachmentLanguage = z.enum(attachmentLanguages)

const base64 = /^[A-Za-z0-9+/]*={0,2}$/

export const attachmentUpload = z
  .object({
    titleIt: requiredText(200),
    titleEn: requiredText(200),
    kind: attachmentKind,
    language: attachmentLanguage,
    fileName: requiredText(255),
    contentBase64: z
      .string()
      .min(1)
      .refine((value) => value.length % 4 === 0 && base64.test(value), { params: { messageKey: 'attachments.validation.base64' } }),
  })
  .strict()
export type AttachmentUpload = z.infer<typeof attachmentUpload>

export const attachmentChanges = z
  .object({
    titleIt: requiredText(200).optional(),
    titleEn: requiredText(200).optional(),
    kind: attachmentKind.optional(),
    language: attachmentLanguage.optional(),
  })
  .strict()
export type AttachmentChanges = z.infer<typeof attachmentChanges>

export const attachmentOrder = z.object({ ids: z.array(z.uuid()).max(maxAttachmentsPerCall) }).strict()

export const attachmentSummary = z.object({
  id: z.string(),
  callId: z.string(),
  kind: attachmentKind,
  language: attachmentLanguage,
  titleIt: z.string(),
  titleEn: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  position: z.number(),
  createdAt: z.string(),
  downloadUrl: z.string(),
})
export type AttachmentSummary = z.infer<typeof attachmentSummary>

export const attachmentList = z.object({
  items: z.array(attachmentSummary),
  limits: z.object({ maxBytes: z.number(), maxCount: z.number(), extensions: z.array(z.string()) }),
})
