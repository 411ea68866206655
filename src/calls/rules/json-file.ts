import { readFile } from 'node:fs/promises'
import type { ParseResult } from './proposal-file.js'

/** Reads and parses a JSON file; every failure is a message naming the file. */
export async function readJsonFile<T>(path: string, parse: (input: unknown) => ParseResult<T>): Promise<ParseResult<T>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message
    return { ok: false, errors: [`${path}: cannot read it (${reason})`] }
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, errors: [`${path}: not valid JSON (${(error as Error).message})`] }
  }
  const parsed = parse(json)
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors.map((message) => `${path}: ${message}`) }
}
