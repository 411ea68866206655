// EUR amounts in the files are JSON numbers; the domain uses integer cents.

/**
 * Converts a non-negative EUR amount to cents, rounding half up at the cent on the decimal the
 * user wrote (the shortest representation of the double), not on its binary value: 1.005 is
 * 101 cents, while Math.round(1.005 * 100) would give 100.
 */
export function eurosToCents(euros: number): number {
  if (!Number.isFinite(euros) || euros < 0) throw new RangeError(`not a non-negative EUR amount: ${euros}`)
  const [mantissa = '0', exponentText = '0'] = String(euros).split('e')
  const [whole = '0', fraction = ''] = mantissa.split('.')
  const digits = whole + fraction
  // Position of the decimal point within `digits`, after applying the exponent, then shifted by two for cents.
  const point = whole.length + Number(exponentText) + 2
  const padded = point > digits.length ? digits.padEnd(point, '0') : digits
  const integerPart = point <= 0 ? '0' : padded.slice(0, point)
  const firstDropped = point < 0 ? '0' : (padded[point] ?? '0')
  const cents = BigInt(integerPart) + (firstDropped >= '5' ? 1n : 0n)
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`EUR amount too large: ${euros}`)
  return Number(cents)
}

/** "1234.50": cents as EUR with exactly two decimals. */
export function centsToEuroText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an integer amount of cents: ${cents}`)
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`
}
