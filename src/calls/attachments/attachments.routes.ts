import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../platform/http.js'
import { uuid } from '../../platform/validation.js'
import { canManageCalls, enforce } from '../calls.policies.js'
import {
  attachmentChanges,
  attachmentList,
  attachmentOrder,
  attachmentSummary,
  attachmentUpload,
  maxAttachmentBytes,
  maxAttachmentsPerCall,
  uploadBodyLimit,
} from './attachments.schema.js'
import {
  addAttachment,
  assertCallVisible,
  deleteAttachment,
  getAttachmentFile,
  listAttachments,
  reorderAttachments,
  updateAttachment,
} from './attachments.service.js'
import { contentDisposition } from './content-disposition.js'
import { allowedFiles } from './file-type.js'

const tags = ['calls']
const callParams = z.object({ id: uuid })
const attachmentParams = z.object({ id: uuid, attachmentId: uuid })
const limits = { maxBytes: maxAttachmentBytes, maxCount: maxAttachmentsPerCall, extensions: allowedFiles.map((file) => file.extension) }

/** Refuses visitors and non-managers before a large body is even read. */
const managersOnly = async (request: FastifyRequest): Promise<void> => enforce(request.actor, canManageCalls(request.actor))

export function attachmentsRoutes(server: FastifyInstance, { db }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  const attachmentOf = async (callId: string, attachmentId: string): Promise<z.infer<typeof attachmentSummary>> => {
    const items = await listAttachments(db, callId)
    const found = items.find((item) => item.id === attachmentId)
    if (!found) throw new Error('attachment vanished after a write')
    return found
  }

  app.get('/calls/:id/attachments', { schema: { tags, summary: 'The call’s attachments, in order (metadata only)', params: callParams, response: { 200: attachmentList } } }, async (request) => {
    await assertCallVisible(db, request.params.id, canManageCalls(request.actor))
    return { items: await listAttachments(db, request.params.id), limits }
  })

  app.post(
    '/calls/:id/attachments',
    {
      bodyLimit: uploadBodyLimit,
      onRequest: managersOnly,
      schema: { tags, summary: 'Upload an attachment: the file as base64 in JSON', params: callParams, body: attachmentUpload, response: { 201: z.object({ attachment: attachmentSummary }) } },
    },
    async (request, reply) => {
      enforce(request.actor, canManageCalls(request.actor))
      await assertCallVisible(db, request.params.id, true)
      const id = await addAttachment(db, request.actor.userId, request.params.id, request.body)
      return reply.status(201).send({ attachment: await attachmentOf(request.params.id, id) })
    },
  )

  app.get('/calls/:id/attachments/:attachmentId/file', { schema: { tags, summary: 'Download the file', params: attachmentParams } }, async (request, reply) => {
    await assertCallVisible(db, request.params.id, canManageCalls(request.actor))
    const file = await getAttachmentFile(db, request.params.id, request.params.attachmentId)
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Length', String(file.sizeBytes))
      .header('Content-Disposition', contentDisposition(file.fileName))
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'private, no-cache')
      .header('ETag', `"${file.sha256}"`)
      .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength))
  })

  app.patch('/calls/:id/attachments/:attachmentId', { schema: { tags, summary: 'Retitle or reclassify an attachment', params: attachmentParams, body: attachmentChanges, response: { 200: z.object({ attachment: attachmentSummary }) } } }, async (request) => {
    enforce(request.actor, canManageCalls(request.actor))
    await assertCallVisible(db, request.params.id, true)
    await updateAttachment(db, request.actor.userId, request.params.id, request.params.attachmentId, request.body)
    return { attachment: await attachmentOf(request.params.id, request.params.attachmentId) }
  })

  app.delete('/calls/:id/attachments/:attachmentId', { schema: { tags, params: attachmentParams } }, async (request, reply) => {
    enforce(request.actor, canManageCalls(request.actor))
    await assertCallVisible(db, request.params.id, true)
    await deleteAttachment(db, request.actor.userId, request.params.id, request.params.attachmentId)
    return reply.status(204).send()
  })

  app.put('/calls/:id/attachments/order', { schema: { tags, summary: 'Set the order: every attachment id once', params: callParams, body: attachmentOrder, response: { 200: attachmentList } } }, async (request) => {
    enforce(request.actor, canManageCalls(request.actor))
    await assertCallVisible(db, request.params.id, true)
    await reorderAttachments(db, request.actor.userId, request.params.id, request.body.ids)
    return { items: await listAttachments(db, request.params.id), limits }
  })
}
