// Which files a call may carry, decided by the file name's extension and confirmed by the file's own bytes:
// a renamed executable or web page is refused, whatever its name says.

export type AllowedFile = {
  extension: string
  contentType: string
  /** The family the bytes must belong to. */
  signature: 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'text'
}

export const allowedFiles: readonly AllowedFile[] = [
  { extension: 'pdf', contentType: 'application/pdf', signature: 'pdf' },
  { extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'docx' },
  { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'xlsx' },
  { extension: 'odt', contentType: 'application/vnd.oasis.opendocument.text', signature: 'odt' },
  { extension: 'ods', contentType: 'application/vnd.oasis.opendocument.spreadsheet', signature: 'ods' },
  { extension: 'txt', contentType: 'text/plain; charset=utf-8', signature: 'text' },
  { extension: 'csv', contentType: 'text/csv; charset=utf-8', signature: 'text' },
]

export type FileCheck =
  | { ok: true; file: AllowedFile }
  | { ok: false; reason: 'extension_not_allowed' }
  | { ok: false; reason: 'content_mismatch'; file: AllowedFile }

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** The allowed file type of this name, if its bytes really are of that type. */
export function checkFile(fileName: string, bytes: Uint8Array): FileCheck {
  const file = allowedFiles.find((candidate) => candidate.extension === extensionOf(fileName))
  if (!file) return { ok: false, reason: 'extension_not_allowed' }
  return signatureOf(bytes) === file.signature ? { ok: true, file } : { ok: false, reason: 'content_mismatch', file }
}

/** What the bytes are, among the families CLOCK accepts; null for anything else. */
export function signatureOf(bytes: Uint8Array): AllowedFile['signature'] | null {
  if (startsWith(bytes, 0, '%PDF-')) return 'pdf'
  if (startsWith(bytes, 0, 'PK\u0003\u0004')) return officeZip(bytes)
  return isPlainText(bytes) ? 'text' : null
}

function startsWith(bytes: Uint8Array, offset: number, ascii: string): boolean {
  if (bytes.length < offset + ascii.length) return false
  for (let index = 0; index < ascii.length; index += 1) {
    if (bytes[offset + index] !== ascii.charCodeAt(index)) return false
  }
  return true
}

const odfMimeTypes: Record<string, 'odt' | 'ods'> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
}

/**
 * An OpenDocument file starts with an uncompressed `mimetype` entry naming its type (ODF 1.2, part 3, 3.3);
 * an Office Open XML file lists `[Content_Types].xml` and `word/document.xml` or `xl/workbook.xml` in its
 * central directory. Any other zip (or a damaged one) is refused.
 */
function officeZip(bytes: Uint8Array): 'docx' | 'xlsx' | 'odt' | 'ods' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length >= 38 && view.getUint16(8, true) === 0 && view.getUint16(26, true) === 8 && startsWith(bytes, 30, 'mimetype')) {
    const size = view.getUint32(18, true)
    const start = 30 + 8 + view.getUint16(28, true)
    const mimeType = ascii(bytes, start, Math.min(size, 100))
    return odfMimeTypes[mimeType] ?? null
  }
  const names = centralDirectoryNames(bytes, view)
  if (!names.has('[Content_Types].xml')) return null
  if (names.has('word/document.xml')) return 'docx'
  if (names.has('xl/workbook.xml')) return 'xlsx'
  return null
}

function centralDirectoryNames(bytes: Uint8Array, view: DataView): Set<string> {
  const names = new Set<string>()
  const earliest = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset
      break
    }
  }
  if (end < 0) return names
  const entries = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) break
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    if (offset + 46 + nameLength > bytes.length) break
    names.add(ascii(bytes, offset + 46, nameLength))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(bytes.length, start + length)))
}

const textDecoder = new TextDecoder('utf-8', { fatal: true })
// Tab, line feed, form feed and carriage return are text; other C0 controls and DEL mark a binary file.
const binaryControl = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/

/** Valid UTF-8 without control characters other than tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false
  try {
    return !binaryControl.test(textDecoder.decode(bytes))
  } catch {
    return false
  }
}
