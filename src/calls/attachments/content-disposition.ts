// A download's Content-Disposition header: an ASCII fallback name for old clients and the exact UTF-8 name
// encoded as RFC 5987 / RFC 6266 ext-value, so that "Modulo_domanda_è.docx" or a quote cannot break the header.

// RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
const attrChar = /^[A-Za-z0-9!#$&+\-.^_`|~]$/

export function encodeRfc5987(value: string): string {
  let encoded = ''
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte)
    encoded += byte < 0x80 && attrChar.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return encoded
}

/** Printable ASCII only, without the quote and backslash that end or escape a quoted-string. */
export function asciiFallback(fileName: string): string {
  const folded = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const safe = folded.replace(/[^\x20-\x7E]|["\\%;]/g, '_').trim()
  return safe === '' ? 'download' : safe
}

export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`
}

/** A name as the user's system gave it, without folders, control characters or characters that trouble file systems. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  return base
    .replace(/[\u0000-\u001F\u007F<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(-200)
}
