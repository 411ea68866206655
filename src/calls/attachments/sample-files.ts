import { crc32 } from 'node:zlib'

// Small but well-formed sample files for the tests: a PDF, stored (uncompressed) zips shaped as
// DOCX/XLSX/ODT/ODS, and a plain zip that is none of them.

export function samplePdf(text = 'Bando'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')
}

/** A zip whose entries are stored in the given order, without compression. */
export function storedZip(entries: readonly { name: string; content: string }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const data = Buffer.from(entry.content, 'utf8')
    const checksum = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(checksum, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(checksum, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const contentTypes = { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' }

export const sampleDocx = (): Buffer => storedZip([contentTypes, { name: 'word/document.xml', content: '<w:document/>' }])
export const sampleXlsx = (): Buffer => storedZip([contentTypes, { name: 'xl/workbook.xml', content: '<workbook/>' }])
export const sampleOdt = (): Buffer =>
  storedZip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', content: '<office:document-content/>' }])
export const sampleOds = (): Buffer =>
  storedZip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', content: '<office:document-content/>' }])
export const plainZip = (): Buffer => storedZip([{ name: 'virus.exe', content: 'MZ' }])
/** The first bytes of a Windows executable. */
export const sampleExe = (): Buffer => Buffer.concat([Buffer.from('MZ\u0090\u0000\u0003\u0000', 'latin1'), Buffer.alloc(64)])
