import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeImportFile, readImportFile, RejectionTally } from './import-files.js'

describe('import files', () => {
  it('reads plain and gzipped files alike, without a byte order mark', () => {
    const text = 'id,name\n1,Alpha\n'
    expect(decodeImportFile(Buffer.from(text))).toBe(text)
    expect(decodeImportFile(gzipSync(Buffer.from(text)))).toBe(text)
    expect(decodeImportFile(Buffer.from(`\uFEFF${text}`))).toBe(text)
  })

  it('names the file it cannot read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clock-import-'))
    writeFileSync(join(folder, 'present.csv'), 'x')
    expect(await readImportFile(join(folder, 'present.csv'))).toBe('x')
    await expect(readImportFile(join(folder, 'missing.csv'))).rejects.toThrow(`cannot read ${join(folder, 'missing.csv')}`)
  })
})

describe('RejectionTally', () => {
  it('counts each reason, keeps its first five row numbers, and lists the most frequent first', () => {
    const tally = new RejectionTally()
    for (const row of [2, 4, 6, 8, 10, 12]) tally.reject('missing title', row)
    tally.reject('bad date', 3)
    tally.reject('another', 5)
    expect(tally.total).toBe(8)
    expect(tally.list()).toEqual([
      { reason: 'missing title', count: 6, examples: [2, 4, 6, 8, 10] },
      { reason: 'another', count: 1, examples: [5] },
      { reason: 'bad date', count: 1, examples: [3] },
    ])
  })
})
