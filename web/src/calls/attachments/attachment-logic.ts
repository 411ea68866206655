import type { z } from 'zod'
import type * as api from '../../../../src/calls/attachments/attachments.schema'
import type { Language } from '../../platform/i18n'
import { intlLocale } from '../../platform/format'

// What the call page and editor compute about attachments: sizes per locale, the file as base64, the checks
// the browser can make before sending (the server makes them again, and checks the bytes).

// The lists the forms offer come from the server's own, so that the two cannot drift apart.
export { attachmentKinds, attachmentLanguages } from '../../../../src/calls/call-terms'
export type AttachmentKind = z.infer<typeof api.attachmentKind>
export type AttachmentLanguage = z.infer<typeof api.attachmentLanguage>

// The API's answers, as its response schemas define them (src/calls/attachments/attachments.schema.ts): inferred,
// so that the two cannot drift apart.
export type Attachment = z.infer<typeof api.attachmentSummary>
export type AttachmentList = z.infer<typeof api.attachmentList>
export type AttachmentLimits = AttachmentList['limits']

/** "512 byte", "12,5 kB", "3,2 MB" in Italian; "12.5 kB" in English. Binary multiples, as file managers show them. */
export function formatFileSize(language: Language, bytes: number): string {
  const [unit, value] = bytes < 1024 ? (['byte', bytes] as const) : bytes < 1024 * 1024 ? (['kilobyte', bytes / 1024] as const) : (['megabyte', bytes / (1024 * 1024)] as const)
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value)
}

/** Base64 of the bytes, in chunks so that a 10 MB file does not overflow the argument list of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk))
  }
  return btoa(binary)
}

export type LocalProblem = { key: 'tooLarge'; params: { max: string } } | { key: 'typeNotAllowed'; params: { extensions: string } } | { key: 'tooMany'; params: { max: number } }

/** What the browser can tell before uploading; null when the file may be sent. */
export function localProblem(language: Language, file: { name: string; size: number }, limits: AttachmentLimits, count: number): LocalProblem | null {
  if (count >= limits.maxCount) return { key: 'tooMany', params: { max: limits.maxCount } }
  const dot = file.name.lastIndexOf('.')
  const extension = dot <= 0 ? '' : file.name.slice(dot + 1).toLowerCase()
  if (!limits.extensions.includes(extension)) return { key: 'typeNotAllowed', params: { extensions: limits.extensions.map((item) => item.toUpperCase()).join(', ') } }
  if (file.size > limits.maxBytes) return { key: 'tooLarge', params: { max: formatFileSize(language, limits.maxBytes) } }
  return null
}

/** The title the user's file name suggests: without the extension, separators as spaces. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[_]+/g, ' ').trim().slice(0, 200)
}

/** The list with one item moved up (-1) or down (+1); unchanged at the ends. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step
  if (target < 0 || target >= items.length) return [...items]
  const copy = [...items]
  const [item] = copy.splice(index, 1)
  copy.splice(target, 0, item as T)
  return copy
}
