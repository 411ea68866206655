import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { audit } from '../../platform/audit.js'
import type { Database } from '../../platform/database.js'
import type { Db } from '../../platform/db.js'
import { AppError, invalidField, notFound } from '../../platform/errors.js'
import {
  maxAttachmentBytes,
  maxAttachmentsPerCall,
  type AttachmentChanges,
  type AttachmentSummary,
  type AttachmentUpload,
} from './attachments.schema.js'
import { cleanFileName } from './content-disposition.js'
import { allowedFiles, checkFile } from './file-type.js'

export type AttachmentFile = { fileName: string; contentType: string; sizeBytes: number; sha256: string; content: Uint8Array }

const summaryColumns = [
  'id',
  'call_id',
  'kind',
  'language',
  'title_it',
  'title_en',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'position',
  'created_at',
] as const

/** A draft call's attachments are the managers' business, like the call itself: to anyone else it does not exist. */
export async function assertCallVisible(db: Db, callId: string, canManage: boolean): Promise<void> {
  const call = await db.selectFrom('calls').select('status').where('id', '=', callId).executeTakeFirst()
  if (!call || (call.status === 'draft' && !canManage)) throw notFound('entity.call')
}

export async function listAttachments(db: Db, callId: string): Promise<AttachmentSummary[]> {
  const rows = await db
    .selectFrom('call_attachments')
    .select(summaryColumns)
    .where('call_id', '=', callId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    callId: row.call_id,
    kind: row.kind,
    language: row.language,
    titleIt: row.title_it,
    titleEn: row.title_en,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    position: row.position,
    createdAt: new Date(row.created_at).toISOString(),
    downloadUrl: `/api/calls/${row.call_id}/attachments/${row.id}/file`,
  }))
}

const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10

/** The decoded, checked file of an upload; throws the 4xx that tells the user what is wrong. */
export function acceptFile(input: Pick<AttachmentUpload, 'fileName' | 'contentBase64'>): { fileName: string; contentType: string; bytes: Buffer } {
  const fileName = cleanFileName(input.fileName)
  if (fileName === '') throw invalidField('fileName', 'validation.required')
  // base64 length tells the size before decoding, so an oversize file costs no memory.
  const padding = input.contentBase64.endsWith('==') ? 2 : input.contentBase64.endsWith('=') ? 1 : 0
  const size = (input.contentBase64.length / 4) * 3 - padding
  if (size > maxAttachmentBytes) {
    throw new AppError('payload_too_large', {
      messageKey: 'attachments.error.too_large',
      params: { size: megabytes(size), max: megabytes(maxAttachmentBytes) },
      field: 'contentBase64',
    })
  }
  const bytes = Buffer.from(input.contentBase64, 'base64')
  const check = checkFile(fileName, bytes)
  if (!check.ok && check.reason === 'extension_not_allowed') {
    throw new AppError('unsupported_media_type', {
      messageKey: 'attachments.error.type_not_allowed',
      params: { extensions: allowedFiles.map((file) => file.extension.toUpperCase()).join(', ') },
      field: 'fileName',
    })
  }
  if (!check.ok) {
    throw new AppError('unsupported_media_type', {
      messageKey: 'attachments.error.content_mismatch',
      params: { extension: check.file.extension.toUpperCase() },
      field: 'contentBase64',
    })
  }
  return { fileName, contentType: check.file.contentType, bytes }
}

export async function addAttachment(db: Db, actorId: string, callId: string, input: AttachmentUpload): Promise<string> {
  const file = acceptFile(input)
  return db.transaction().execute(async (trx) => {
    // The call's row lock serialises concurrent uploads, so the count limit holds.
    const call = await trx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().executeTakeFirst()
    if (!call) throw notFound('entity.call')
    const current = await trx
      .selectFrom('call_attachments')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('position').as('last')])
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow()
    if (Number(current.count) >= maxAttachmentsPerCall) {
      throw new AppError('conflict', { messageKey: 'attachments.error.too_many', params: { max: maxAttachmentsPerCall } })
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex')
    const row = await trx
      .insertInto('call_attachments')
      .values({
        call_id: callId,
        kind: input.kind,
        language: input.language,
        title_it: input.titleIt,
        title_en: input.titleEn,
        file_name: file.fileName,
        content_type: file.contentType,
        size_bytes: file.bytes.length,
        sha256,
        content: file.bytes,
        position: current.last === null ? 0 : Number(current.last) + 1,
        created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actorId, 'call.attachment.add', 'call', callId, { attachmentId: row.id, fileName: file.fileName, sizeBytes: file.bytes.length, sha256 })
    return row.id
  })
}

export async function getAttachmentFile(db: Db, callId: string, attachmentId: string): Promise<AttachmentFile> {
  const row = await db
    .selectFrom('call_attachments')
    .select(['file_name', 'content_type', 'size_bytes', 'sha256', 'content'])
    .where('call_id', '=', callId)
    .where('id', '=', attachmentId)
    .executeTakeFirst()
  if (!row) throw notFound('entity.attachment')
  return { fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes, sha256: row.sha256, content: row.content }
}

export async function updateAttachment(db: Db, actorId: string, callId: string, attachmentId: string, changes: AttachmentChanges): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('call_attachments')
      .set({
        ...(changes.titleIt !== undefined && { title_it: changes.titleIt }),
        ...(changes.titleEn !== undefined && { title_en: changes.titleEn }),
        ...(changes.kind !== undefined && { kind: changes.kind }),
        ...(changes.language !== undefined && { language: changes.language }),
      })
      .where('call_id', '=', callId)
      .where('id', '=', attachmentId)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw notFound('entity.attachment')
    await audit(trx, actorId, 'call.attachment.update', 'call', callId, { attachmentId, fields: Object.keys(changes) })
  })
}

export async function deleteAttachment(db: Db, actorId: string, callId: string, attachmentId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('call_attachments')
      .where('call_id', '=', callId)
      .where('id', '=', attachmentId)
      .returning(['file_name', 'sha256'])
      .executeTakeFirst()
    if (!deleted) throw notFound('entity.attachment')
    await audit(trx, actorId, 'call.attachment.delete', 'call', callId, { attachmentId, fileName: deleted.file_name, sha256: deleted.sha256 })
  })
}

/** The new order lists every attachment of the call once; positions become 0, 1, 2... */
export async function reorderAttachments(db: Db, actorId: string, callId: string, ids: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().executeTakeFirst()
    const existing = await trx.selectFrom('call_attachments').select('id').where('call_id', '=', callId).execute()
    const known = new Set(existing.map((row) => row.id))
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
      throw new AppError('validation_failed', { messageKey: 'attachments.error.order_mismatch', field: 'ids' })
    }
    for (const [position, id] of ids.entries()) {
      await trx.updateTable('call_attachments').set({ position }).where('id', '=', id).execute()
    }
    await audit(trx, actorId, 'call.attachment.reorder', 'call', callId, { ids })
  })
}

/** A clone carries its source's attachments: one INSERT ... SELECT, bytes copied inside the database. */
export async function copyAttachments(trx: Transaction<Database>, fromCallId: string, toCallId: string, actorId: string | null): Promise<void> {
  await sql`
    INSERT INTO call_attachments (call_id, kind, language, title_it, title_en, file_name, content_type, size_bytes, sha256, content, position, created_by)
    SELECT ${toCallId}::uuid, kind, language, title_it, title_en, file_name, content_type, size_bytes, sha256, content, position, ${actorId}::uuid
    FROM call_attachments WHERE call_id = ${fromCallId}
    ORDER BY position`.execute(trx)
}
