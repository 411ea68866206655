import type { Generated } from 'kysely'
import type { Timestamp } from '../../platform/database.js'

// The attachments of a call, as Kysely sees them; joined into the one Database type in platform/database.ts.

export type AttachmentKind = 'call_text' | 'form' | 'annex' | 'template' | 'other'
export type AttachmentLanguage = 'it' | 'en' | 'both'

export type AttachmentsTables = {
  call_attachments: {
    id: Generated<string>
    call_id: string
    kind: AttachmentKind
    language: AttachmentLanguage
    title_it: string
    title_en: string
    file_name: string
    content_type: string
    size_bytes: number
    sha256: string
    content: Uint8Array
    position: Generated<number>
    created_by: string | null
    created_at: Timestamp
  }
}
