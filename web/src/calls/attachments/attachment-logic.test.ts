import { describe, expect, it } from 'vitest'
import { english, italian } from '../../i18n/catalogues'
import { attachmentKinds, attachmentLanguages, bytesToBase64, formatFileSize, localProblem, moved, titleFromFileName } from './attachment-logic'

const limits = { maxBytes: 10 * 1024 * 1024, maxCount: 3, extensions: ['pdf', 'docx', 'csv'] }

describe('formatFileSize', () => {
  it('formats bytes, kilobytes and megabytes per locale', () => {
    expect(formatFileSize('it', 512)).toBe('512 byte')
    expect(formatFileSize('it', 1536)).toBe('1,5 kB')
    expect(formatFileSize('en', 1536)).toBe('1.5 kB')
    expect(formatFileSize('it', 10 * 1024 * 1024)).toBe('10 MB')
    expect(formatFileSize('en', 3.25 * 1024 * 1024)).toBe('3.3 MB')
  })
})

describe('bytesToBase64', () => {
  it('matches Node’s encoder, also across chunk boundaries', () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    expect(bytesToBase64(new Uint8Array())).toBe('')
  })
})

describe('localProblem', () => {
  it('accepts an allowed file within limits', () => {
    expect(localProblem('it', { name: 'Bando.PDF', size: 1000 }, limits, 0)).toBeNull()
  })

  it('names the first problem', () => {
    expect(localProblem('it', { name: 'a.pdf', size: 1 }, limits, 3)).toEqual({ key: 'tooMany', params: { max: 3 } })
    expect(localProblem('en', { name: 'setup.exe', size: 1 }, limits, 0)).toEqual({ key: 'typeNotAllowed', params: { extensions: 'PDF, DOCX, CSV' } })
    expect(localProblem('it', { name: 'big.pdf', size: limits.maxBytes + 1 }, limits, 0)).toEqual({ key: 'tooLarge', params: { max: '10 MB' } })
  })
})

describe('titleFromFileName and moved', () => {
  it('suggests a title and moves items', () => {
    expect(titleFromFileName('Allegato_A_modulo.docx')).toBe('Allegato A modulo')
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
  })
})

describe('texts built from values', () => {
  it('exist in Italian and English', () => {
    type Catalogue = { [key: string]: string | Catalogue }
    const lookup = (catalogue: Catalogue, key: string): unknown =>
      key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), catalogue)
    const keys = [
      ...attachmentKinds.map((kind) => `calls.attachments.kind.${kind}`),
      ...attachmentLanguages.map((language) => `calls.attachments.language.${language}`),
      ...['tooLarge', 'typeNotAllowed', 'tooMany'].map((problem) => `calls.attachments.problem.${problem}`),
    ]
    for (const catalogue of [italian, english] as Catalogue[]) expect(keys.filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([])
  })
})
