// What the file importers (`npx clock import …`) share: reading a plain or gzipped file, and tallying the rows
// they reject so that the report names each reason once, with a count and a few examples.
import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'

/** An import file's text, plain or gzipped; a file that cannot be read is an error that names it. */
export async function readImportFile(path: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return decodeImportFile(bytes)
}

/** The file's text: gunzipped when it starts with the gzip magic bytes, without a UTF-8 byte order mark. */
export function decodeImportFile(bytes: Buffer): string {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
  return plain.toString('utf8').replace(/^\uFEFF/, '')
}

const examplesPerReason = 5

/** Rejected rows (or lines) by reason. */
export class RejectionTally {
  private readonly byReason = new Map<string, { count: number; examples: number[] }>()

  /** Counts one rejection; `at` is the row or line number an operator looks up. */
  reject(reason: string, at: number): void {
    const entry = this.byReason.get(reason) ?? { count: 0, examples: [] }
    entry.count++
    if (entry.examples.length < examplesPerReason) entry.examples.push(at)
    this.byReason.set(reason, entry)
  }

  get total(): number {
    let total = 0
    for (const entry of this.byReason.values()) total += entry.count
    return total
  }

  /** The reasons, most frequent first (then alphabetical), each with its count and first row numbers. */
  list(): { reason: string; count: number; examples: number[] }[] {
    return [...this.byReason]
      .map(([reason, entry]) => ({ reason, count: entry.count, examples: entry.examples }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
  }
}
