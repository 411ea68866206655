import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { samplePdf } from '../../src/calls/attachments/sample-files.js'
import { launchBrowser, newPage, signIn } from './browser'
import { startServer, type TestServer } from './server'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const day = 24 * 60 * 60 * 1000

describe('call attachments', () => {
  it('an officer uploads, retitles and orders documents; a visitor downloads them from the published call', async () => {
    const officer = await newPage(browser, server.url)
    await signIn(officer.page, 'officer@clock.demo')
    const created = await officer.page.request.post('/api/calls', {
      data: {
        titleIt: 'Bando e2e con documenti',
        titleEn: 'E2E call with documents',
        opensAt: new Date(Date.now() - day).toISOString(),
        closesAt: new Date(Date.now() + 30 * day).toISOString(),
        lines: [{ code: 'A', titleIt: 'Linea unica', titleEn: 'Single line', budgetCents: 100_000_000 }],
      },
    })
    expect(created.status()).toBe(201)
    const callId = ((await created.json()) as { call: { id: string } }).call.id

    await officer.page.goto(`/calls/${callId}/edit`)
    const editor = officer.page.getByTestId('attachments-editor')
    const pdf = samplePdf('e2e')
    await editor.getByTestId('attachment-file').setInputFiles({ name: 'Testo_del_bando.pdf', mimeType: 'application/pdf', buffer: pdf })
    expect(await editor.getByTestId('attachment-title-it').inputValue()).toBe('Testo del bando')
    await editor.getByTestId('attachment-title-en').fill('Call text')
    await editor.getByTestId('attachment-upload').click()
    await expect.poll(() => editor.getByTestId('attachment-row').count()).toBe(1)

    // A renamed file is refused by the server with a message in the user's language; nothing is added.
    await editor.getByTestId('attachment-file').setInputFiles({ name: 'modulo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') })
    await editor.getByTestId('attachment-title-it').fill('Modulo')
    await editor.getByTestId('attachment-title-en').fill('Form')
    await editor.getByTestId('attachment-upload').click()
    await expect.poll(() => editor.getByTestId('attachment-error').textContent()).toContain('non corrisponde')
    expect(await editor.getByTestId('attachment-row').count()).toBe(1)

    await editor.getByTestId('attachment-file').setInputFiles({ name: 'modulo.csv', mimeType: 'text/csv', buffer: Buffer.from('codice;importo\nA;100\n') })
    await editor.getByTestId('attachment-kind').selectOption('form')
    await editor.getByTestId('attachment-language').selectOption('both')
    await editor.getByTestId('attachment-upload').click()
    await expect.poll(() => editor.getByTestId('attachment-row').count()).toBe(2)
    await editor.getByTestId('attachment-row').nth(1).getByTestId('attachment-up').click()
    await expect.poll(() => editor.getByTestId('attachment-row').first().textContent()).toContain('modulo.csv')
    await editor.getByTestId('attachment-row').nth(1).getByTestId('attachment-row-title-it').fill('Testo integrale del bando')
    await editor.getByTestId('attachment-row').nth(1).getByTestId('attachment-save').click()
    await expect.poll(async () => (await officer.page.request.get(`/api/calls/${callId}/attachments`).then((response) => response.json())) as unknown).toMatchObject({
      items: [{ fileName: 'modulo.csv' }, { fileName: 'Testo_del_bando.pdf', titleIt: 'Testo integrale del bando' }],
    })
    expect((await officer.page.request.post(`/api/calls/${callId}/publish`)).status()).toBe(200)

    const visitor = await newPage(browser, server.url)
    await visitor.page.goto(`/calls/${callId}`)
    const list = visitor.page.getByTestId('call-attachments')
    await list.waitFor()
    expect(await list.getByTestId('attachment-download').allTextContents()).toEqual(['Modulo', 'Testo integrale del bando'])
    expect(await list.getByTestId('call-attachment').first().textContent()).toContain('Modulo · in italiano e inglese')
    expect(await list.getByTestId('attachment-size').nth(1).textContent()).toBe(`${pdf.length} byte`)
    const href = await list.getByTestId('attachment-download').nth(1).getAttribute('href')
    const download = await visitor.page.request.get(href ?? '')
    expect(download.headers()['content-type']).toBe('application/pdf')
    expect(Buffer.compare(await download.body(), pdf)).toBe(0)
    await officer.context.close()
    await visitor.context.close()
  })
})
