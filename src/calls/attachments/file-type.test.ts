import { describe, expect, it } from 'vitest'
import { checkFile, extensionOf, signatureOf } from './file-type.js'
import { plainZip, sampleDocx, sampleExe, sampleOds, sampleOdt, samplePdf, sampleXlsx, storedZip } from './sample-files.js'

describe('signatureOf', () => {
  it('recognises each accepted family by its bytes', () => {
    expect(signatureOf(samplePdf())).toBe('pdf')
    expect(signatureOf(sampleDocx())).toBe('docx')
    expect(signatureOf(sampleXlsx())).toBe('xlsx')
    expect(signatureOf(sampleOdt())).toBe('odt')
    expect(signatureOf(sampleOds())).toBe('ods')
    expect(signatureOf(Buffer.from('codice;importo\nA;100\n', 'utf8'))).toBe('text')
    expect(signatureOf(Buffer.from('Università e perché\r\n\tfine', 'utf8'))).toBe('text')
  })

  it('refuses anything else', () => {
    expect(signatureOf(sampleExe())).toBeNull()
    expect(signatureOf(plainZip())).toBeNull()
    expect(signatureOf(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toBeNull()
    expect(signatureOf(Buffer.from([0xc3, 0x28]))).toBeNull()
    expect(signatureOf(Buffer.from('text with a NUL \u0000 byte'))).toBeNull()
    expect(signatureOf(new Uint8Array())).toBeNull()
    expect(signatureOf(Buffer.from('PK\u0003\u0004', 'latin1'))).toBeNull()
    expect(signatureOf(Buffer.from('%PDF', 'latin1'))).not.toBe('pdf')
  })

  it('refuses an OpenDocument zip of another type and an OOXML zip of neither kind', () => {
    expect(signatureOf(storedZip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.presentation' }]))).toBeNull()
    expect(signatureOf(storedZip([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'ppt/presentation.xml', content: '<p/>' }]))).toBeNull()
  })

  it('survives a truncated zip', () => {
    const docx = sampleDocx()
    expect(signatureOf(docx.subarray(0, docx.length - 10))).toBeNull()
    expect(signatureOf(docx.subarray(0, 40))).toBeNull()
  })

  it('reads a zip from a view into a larger buffer', () => {
    const padded = Buffer.concat([Buffer.from('xxxx'), sampleXlsx()])
    expect(signatureOf(padded.subarray(4))).toBe('xlsx')
  })
})

describe('checkFile', () => {
  it('accepts a file whose bytes match its extension, in any letter case', () => {
    const result = checkFile('Bando.PDF', samplePdf())
    expect(result.ok && result.file.contentType).toBe('application/pdf')
    expect(checkFile('dati.csv', Buffer.from('a,b\n')).ok).toBe(true)
    expect(checkFile('modulo.docx', sampleDocx()).ok).toBe(true)
  })

  it('refuses an extension outside the whitelist', () => {
    expect(checkFile('setup.exe', sampleExe())).toEqual({ ok: false, reason: 'extension_not_allowed' })
    expect(checkFile('page.html', Buffer.from('<html></html>'))).toEqual({ ok: false, reason: 'extension_not_allowed' })
    expect(checkFile('noextension', samplePdf())).toEqual({ ok: false, reason: 'extension_not_allowed' })
  })

  it('refuses a file disguised by its extension', () => {
    expect(checkFile('bando.pdf', sampleExe())).toMatchObject({ ok: false, reason: 'content_mismatch' })
    expect(checkFile('bando.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).toMatchObject({ ok: false, reason: 'content_mismatch' })
    expect(checkFile('modulo.docx', sampleXlsx())).toMatchObject({ ok: false, reason: 'content_mismatch' })
    expect(checkFile('modulo.docx', plainZip())).toMatchObject({ ok: false, reason: 'content_mismatch' })
    expect(checkFile('note.txt', samplePdf())).toMatchObject({ ok: false, reason: 'content_mismatch' })
  })

  it('takes the last extension', () => {
    expect(extensionOf('bando.exe.pdf')).toBe('pdf')
    expect(extensionOf('.pdf')).toBe('')
    expect(extensionOf('archivio.tar.gz')).toBe('gz')
  })
})
