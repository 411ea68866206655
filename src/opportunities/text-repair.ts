// Text from the EU portal's export has been decoded twice: UTF-8 bytes read as Windows-1252 and encoded
// again ("â€™" for "’"). This undoes it where, and only where, the characters form a valid UTF-8 sequence.

/** The Windows-1252 characters of bytes 0x80–0x9F; the other bytes map to the Unicode code point of the same value. */
const cp1252High: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

const continuation = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]'
/** A lead byte of a 2-, 3- or 4-byte UTF-8 sequence, then its continuation bytes, all seen through Windows-1252. */
const doubleDecoded = new RegExp(`[\\u00C2-\\u00DF]${continuation}|[\\u00E0-\\u00EF]${continuation}{2}|[\\u00F0-\\u00F4]${continuation}{3}`, 'g')

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function byteOf(char: string): number {
  const mapped = cp1252High[char]
  if (mapped !== undefined) return mapped
  return char.charCodeAt(0)
}

/** Repairs double-decoded UTF-8 and drops byte-order marks; any other text comes back unchanged. */
export function repairMojibake(text: string): string {
  const repaired = text.replace(doubleDecoded, (sequence) => {
    try {
      return strictUtf8.decode(Uint8Array.from([...sequence].map(byteOf)))
    } catch {
      return sequence
    }
  })
  return repaired.replace(/\uFEFF/g, '')
}
