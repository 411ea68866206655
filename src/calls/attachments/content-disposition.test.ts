import { describe, expect, it } from 'vitest'
import { asciiFallback, cleanFileName, contentDisposition, encodeRfc5987 } from './content-disposition.js'

describe('encodeRfc5987', () => {
  it('keeps attr-chars and percent-encodes UTF-8 bytes of everything else', () => {
    expect(encodeRfc5987('Bando_2026-v1.pdf')).toBe('Bando_2026-v1.pdf')
    expect(encodeRfc5987('modulo è.docx')).toBe('modulo%20%C3%A8.docx')
    expect(encodeRfc5987("a'b(c)*d%e")).toBe('a%27b%28c%29%2Ad%25e')
    expect(encodeRfc5987('€')).toBe('%E2%82%AC')
  })
})

describe('asciiFallback', () => {
  it('folds accents and replaces what would break a quoted string', () => {
    expect(asciiFallback('Perché è così.pdf')).toBe('Perche e cosi.pdf')
    expect(asciiFallback('a"b\\c;d%.pdf')).toBe('a_b_c_d_.pdf')
    expect(asciiFallback('预算.xlsx')).toBe('__.xlsx')
    expect(asciiFallback('')).toBe('download')
  })
})

describe('contentDisposition', () => {
  it('gives both names', () => {
    expect(contentDisposition('Allegato “A” – modulo.pdf')).toBe(
      `attachment; filename="Allegato _A_ _ modulo.pdf"; filename*=UTF-8''Allegato%20%E2%80%9CA%E2%80%9D%20%E2%80%93%20modulo.pdf`,
    )
  })

  it('cannot be broken by a header injection attempt', () => {
    const header = contentDisposition('x.pdf"\r\nSet-Cookie: a=b')
    expect(header).not.toMatch(/[\r\n]/)
    expect(header.split('"').length).toBe(3)
  })
})

describe('cleanFileName', () => {
  it('drops folders, control characters and leading dots', () => {
    expect(cleanFileName('C:\\Users\\anna\\Bando.pdf')).toBe('Bando.pdf')
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt')
    expect(cleanFileName('..hidden.txt')).toBe('hidden.txt')
    expect(cleanFileName('a\u0000b<c>.pdf')).toBe('a_b_c_.pdf')
  })

  it('keeps the extension of a very long name', () => {
    const cleaned = cleanFileName(`${'x'.repeat(300)}.pdf`)
    expect(cleaned).toHaveLength(200)
    expect(cleaned.endsWith('.pdf')).toBe(true)
  })
})
