import { createHash } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from '../../platform/testing.js'
import { maxAttachmentBytes, maxAttachmentsPerCall } from './attachments.schema.js'
import { sampleDocx, sampleExe, samplePdf, sampleXlsx } from './sample-files.js'

let ctx: TestContext
let officer: string
let otherOfficer: string
let admin: string
let member: string

const day = 24 * 60 * 60 * 1000

async function createCall(cookie = officer): Promise<string> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/calls',
    headers: { cookie },
    payload: {
      titleIt: 'Bando con allegati',
      titleEn: 'Call with attachments',
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
      lines: [{ code: 'A', titleIt: 'Linea A', titleEn: 'Line A', budgetCents: 100_000_00 }],
    },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json().call.id as string
}

async function publish(callId: string): Promise<void> {
  const response = await ctx.app.inject({ method: 'POST', url: `/api/calls/${callId}/publish`, headers: { cookie: officer } })
  expect(response.statusCode, response.body).toBe(200)
}

function upload(callId: string, bytes: Buffer, overrides: Record<string, unknown> = {}, cookie: string | null = officer): Promise<LightMyRequestResponse> {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/calls/${callId}/attachments`,
    headers: cookie ? { cookie } : {},
    payload: {
      titleIt: 'Testo del bando',
      titleEn: 'Call text',
      kind: 'call_text',
      language: 'it',
      fileName: 'Bando 2026 – è.pdf',
      contentBase64: bytes.toString('base64'),
      ...overrides,
    },
  })
}

async function uploaded(callId: string, bytes: Buffer, overrides: Record<string, unknown> = {}): Promise<{ id: string; downloadUrl: string }> {
  const response = await upload(callId, bytes, overrides)
  expect(response.statusCode, response.body).toBe(201)
  return response.json().attachment
}

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
  officer = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['ma_officer'], locale: 'en' }))
  otherOfficer = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['ma_officer'] }))
  admin = await signInAs(ctx.app, await createUser(ctx.db, { roles: ['platform_admin'] }))
  member = await signInAs(ctx.app, await createUser(ctx.db))
})

afterAll(async () => {
  await ctx.close()
})

describe('call attachments', () => {
  it('round-trips a file: the bytes, type, name, size and SHA-256 come back as uploaded', async () => {
    const callId = await createCall()
    const pdf = samplePdf('round trip')
    const response = await upload(callId, pdf)
    expect(response.statusCode, response.body).toBe(201)
    const attachment = response.json().attachment
    expect(attachment).toMatchObject({
      callId,
      kind: 'call_text',
      language: 'it',
      titleIt: 'Testo del bando',
      titleEn: 'Call text',
      fileName: 'Bando 2026 – è.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      position: 0,
    })
    const download = await ctx.app.inject({ method: 'GET', url: attachment.downloadUrl, headers: { cookie: officer } })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Bando 2026 _ e.pdf"; filename*=UTF-8''Bando%202026%20%E2%80%93%20%C3%A8.pdf`)
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0)

    const docx = sampleDocx()
    const form = await uploaded(callId, docx, { fileName: 'C:\\Documenti\\modulo.docx', kind: 'form', language: 'both' })
    const formDownload = await ctx.app.inject({ method: 'GET', url: form.downloadUrl, headers: { cookie: officer } })
    expect(formDownload.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(formDownload.headers['content-disposition']).toContain('filename="modulo.docx"')
    expect(Buffer.compare(formDownload.rawPayload, docx)).toBe(0)

    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', callId).where('action', '=', 'call.attachment.add').execute()
    expect(audit).toHaveLength(2)
  })

  it('shows a draft call’s attachments to managers only, a published call’s to everyone', async () => {
    const callId = await createCall()
    const attachment = await uploaded(callId, samplePdf())
    for (const cookie of [undefined, member]) {
      const headers = cookie ? { cookie } : {}
      expect((await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/attachments`, headers })).statusCode).toBe(404)
      expect((await ctx.app.inject({ method: 'GET', url: attachment.downloadUrl, headers })).statusCode).toBe(404)
    }
    for (const cookie of [officer, otherOfficer, admin]) {
      expect((await ctx.app.inject({ method: 'GET', url: attachment.downloadUrl, headers: { cookie } })).statusCode).toBe(200)
    }
    await publish(callId)
    for (const cookie of [undefined, member]) {
      const headers = cookie ? { cookie } : {}
      const list = await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/attachments`, headers })
      expect(list.statusCode).toBe(200)
      expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([attachment.id])
      expect(list.json().limits).toMatchObject({ maxBytes: maxAttachmentBytes, maxCount: maxAttachmentsPerCall })
      expect((await ctx.app.inject({ method: 'GET', url: attachment.downloadUrl, headers })).statusCode).toBe(200)
    }
  })

  it('lets only managers upload, retitle, reorder and delete; any officer manages any call', async () => {
    const callId = await createCall()
    await publish(callId)
    const first = await uploaded(callId, samplePdf())
    const before = await databaseFingerprint(ctx.db)
    const attempts = (cookie: string | null): Promise<LightMyRequestResponse>[] => {
      const headers = cookie ? { cookie } : {}
      return [
        upload(callId, samplePdf(), {}, cookie),
        ctx.app.inject({ method: 'PATCH', url: `/api/calls/${callId}/attachments/${first.id}`, headers, payload: { titleEn: 'Changed' } }),
        ctx.app.inject({ method: 'PUT', url: `/api/calls/${callId}/attachments/order`, headers, payload: { ids: [first.id] } }),
        ctx.app.inject({ method: 'DELETE', url: `/api/calls/${callId}/attachments/${first.id}`, headers }),
      ]
    }
    for (const response of await Promise.all(attempts(null))) expect(response.statusCode).toBe(401)
    for (const response of await Promise.all(attempts(member))) {
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('forbidden')
    }
    expect(await databaseFingerprint(ctx.db)).toEqual(before)

    const second = await uploaded(callId, sampleXlsx(), { fileName: 'budget.xlsx', kind: 'template' })
    const retitled = await ctx.app.inject({ method: 'PATCH', url: `/api/calls/${callId}/attachments/${second.id}`, headers: { cookie: otherOfficer }, payload: { titleIt: 'Piano finanziario', titleEn: 'Budget plan', kind: 'annex' } })
    expect(retitled.statusCode, retitled.body).toBe(200)
    expect(retitled.json().attachment).toMatchObject({ titleIt: 'Piano finanziario', titleEn: 'Budget plan', kind: 'annex', fileName: 'budget.xlsx' })

    const reordered = await ctx.app.inject({ method: 'PUT', url: `/api/calls/${callId}/attachments/order`, headers: { cookie: admin }, payload: { ids: [second.id, first.id] } })
    expect(reordered.statusCode, reordered.body).toBe(200)
    expect(reordered.json().items.map((item: { id: string }) => item.id)).toEqual([second.id, first.id])

    const deleted = await ctx.app.inject({ method: 'DELETE', url: `/api/calls/${callId}/attachments/${second.id}`, headers: { cookie: officer } })
    expect(deleted.statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: second.downloadUrl })).statusCode).toBe(404)
    const list = await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/attachments` })
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([first.id])
    const actions = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', callId).where('action', 'like', 'call.attachment.%').execute()
    expect(actions.map((row) => row.action).sort()).toEqual(['call.attachment.add', 'call.attachment.add', 'call.attachment.delete', 'call.attachment.reorder', 'call.attachment.update'])
  })

  it('refuses a file disguised by its extension, a type outside the list, bad base64 and bad fields, changing nothing', async () => {
    const callId = await createCall()
    await uploaded(callId, samplePdf())
    const before = await databaseFingerprint(ctx.db)

    const exe = await upload(callId, sampleExe(), { fileName: 'bando.pdf' })
    expect(exe.statusCode).toBe(415)
    expect(exe.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'contentBase64' })
    expect(exe.json().error.message).toContain('PDF')

    const html = await upload(callId, Buffer.from('<html><script>alert(1)</script></html>'), { fileName: 'modulo.docx' })
    expect(html.statusCode).toBe(415)
    const xlsxAsDocx = await upload(callId, sampleXlsx(), { fileName: 'modulo.docx' })
    expect(xlsxAsDocx.statusCode).toBe(415)

    const script = await upload(callId, Buffer.from('echo hi'), { fileName: 'install.sh' })
    expect(script.statusCode).toBe(415)
    expect(script.json().error).toMatchObject({ code: 'unsupported_media_type', field: 'fileName' })
    expect(script.json().error.message).toBe('File type not allowed: only PDF, DOCX, XLSX, ODT, ODS, TXT, CSV files can be attached.')

    const italian = await upload(callId, Buffer.from('echo hi'), { fileName: 'install.sh' }, otherOfficer)
    expect(italian.json().error.message).toBe('Tipo di file non ammesso: si possono allegare solo PDF, DOCX, XLSX, ODT, ODS, TXT, CSV.')

    const badBase64 = await upload(callId, samplePdf(), { contentBase64: 'not base64!' })
    expect(badBase64.statusCode).toBe(400)
    expect(badBase64.json().error).toMatchObject({ code: 'validation_failed', field: 'contentBase64' })

    for (const overrides of [{ kind: 'virus' }, { language: 'de' }, { titleIt: '' }, { titleEn: '<b>x</b>' }, { fileName: '' }, { extra: 1 }, { fileName: '...' }]) {
      const response = await upload(callId, samplePdf(), overrides)
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400)
      expect(response.json().error.code).toBe('validation_failed')
    }

    const missingCall = await upload('00000000-0000-4000-8000-000000000000', samplePdf())
    expect(missingCall.statusCode).toBe(404)
    const missingAttachment = await ctx.app.inject({ method: 'PATCH', url: `/api/calls/${callId}/attachments/00000000-0000-4000-8000-000000000000`, headers: { cookie: officer }, payload: { titleIt: 'X' } })
    expect(missingAttachment.statusCode).toBe(404)
    const badOrder = await ctx.app.inject({ method: 'PUT', url: `/api/calls/${callId}/attachments/order`, headers: { cookie: officer }, payload: { ids: [] } })
    expect(badOrder.statusCode).toBe(400)
    expect(badOrder.json().error).toMatchObject({ code: 'validation_failed', field: 'ids', message: 'The order must list every attachment of the call exactly once.' })

    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('refuses a file above the size limit with 413 and a plain message', async () => {
    const callId = await createCall()
    const before = await databaseFingerprint(ctx.db)
    const big = Buffer.concat([samplePdf(), Buffer.alloc(maxAttachmentBytes + 1 - samplePdf().length, 0x20)])
    const response = await upload(callId, big)
    expect(response.statusCode, response.body).toBe(413)
    expect(response.json().error).toMatchObject({ code: 'payload_too_large', message: 'The file is 10 MB: the maximum is 10 MB.' })
    const exact = Buffer.concat([samplePdf(), Buffer.alloc(maxAttachmentBytes - samplePdf().length, 0x20)])
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
    const accepted = await upload(callId, exact)
    expect(accepted.statusCode, accepted.body).toBe(201)
    expect(accepted.json().attachment.sizeBytes).toBe(maxAttachmentBytes)
  })

  it('refuses more attachments than the limit per call', async () => {
    const callId = await createCall()
    const text = Buffer.from('codice;descrizione\nA;prova\n')
    for (let index = 0; index < maxAttachmentsPerCall - 1; index += 1) {
      await uploaded(callId, text, { fileName: `modulo-${index}.csv`, kind: 'form' })
    }
    // Two uploads racing for the last place: the call's row lock lets exactly one in.
    const race = await Promise.all([upload(callId, text, { fileName: 'race-1.csv' }), upload(callId, text, { fileName: 'race-2.csv' })])
    expect(race.map((response) => response.statusCode).sort()).toEqual([201, 409])
    const before = await databaseFingerprint(ctx.db)
    const response = await upload(callId, text, { fileName: 'one-too-many.csv' })
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toMatchObject({ code: 'conflict', message: `The call already has ${maxAttachmentsPerCall} attachments, the maximum: delete one before uploading another.` })
    expect(await databaseFingerprint(ctx.db)).toEqual(before)
  })

  it('copies the attachments when a call is cloned, bytes and order included', async () => {
    const callId = await createCall()
    const pdf = samplePdf('clone me')
    const docx = sampleDocx()
    const text = await uploaded(callId, pdf)
    const form = await uploaded(callId, docx, { fileName: 'modulo.docx', kind: 'form', titleIt: 'Modulo', titleEn: 'Form' })
    await ctx.app.inject({ method: 'PUT', url: `/api/calls/${callId}/attachments/order`, headers: { cookie: officer }, payload: { ids: [form.id, text.id] } })
    await publish(callId)

    const clone = await ctx.app.inject({ method: 'POST', url: `/api/calls/${callId}/clone`, headers: { cookie: otherOfficer } })
    expect(clone.statusCode, clone.body).toBe(201)
    const cloneId = clone.json().call.id as string
    const list = await ctx.app.inject({ method: 'GET', url: `/api/calls/${cloneId}/attachments`, headers: { cookie: officer } })
    const items = list.json().items as { id: string; fileName: string; titleEn: string; kind: string; sha256: string; downloadUrl: string }[]
    expect(items.map((item) => [item.fileName, item.titleEn, item.kind])).toEqual([
      ['modulo.docx', 'Form', 'form'],
      ['Bando 2026 – è.pdf', 'Call text', 'call_text'],
    ])
    expect(items.map((item) => item.id)).not.toContain(text.id)
    const copied = await ctx.app.inject({ method: 'GET', url: items[1]!.downloadUrl, headers: { cookie: officer } })
    expect(Buffer.compare(copied.rawPayload, pdf)).toBe(0)

    // The clone is a draft: its copies are hidden from the public, and deleting one leaves the source's intact.
    expect((await ctx.app.inject({ method: 'GET', url: items[0]!.downloadUrl })).statusCode).toBe(404)
    await ctx.app.inject({ method: 'DELETE', url: `/api/calls/${cloneId}/attachments/${items[0]!.id}`, headers: { cookie: officer } })
    const source = await ctx.app.inject({ method: 'GET', url: `/api/calls/${callId}/attachments` })
    expect(source.json().items).toHaveLength(2)
  })

  it('does not serve one call’s attachment under another call’s address', async () => {
    const first = await createCall()
    const second = await createCall()
    await publish(second)
    const attachment = await uploaded(first, samplePdf())
    const response = await ctx.app.inject({ method: 'GET', url: `/api/calls/${second}/attachments/${attachment.id}/file` })
    expect(response.statusCode).toBe(404)
  })
})
