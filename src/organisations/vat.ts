export type IdCheck = { valid: true; normalized: string } | { valid: false; reason: 'format' | 'checksum' }

const ELEVEN_DIGITS = /^\d{11}$/
const PERSONAL_CODE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/

const ODD_POSITION_VALUES: Readonly<Record<string, number>> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
}

const stripSpaces = (input: string): string => input.replace(/\s+/g, '')

export function vatCheckDigit(firstTenDigits: string): number {
  let sum = 0
  for (let i = 0; i < 10; i++) {
    const digit = Number(firstTenDigits[i])
    if (i % 2 === 0) {
      sum += digit
    } else {
      const doubled = digit * 2
      sum += doubled > 9 ? doubled - 9 : doubled
    }
  }
  return (10 - (sum % 10)) % 10
}

function checkElevenDigits(digits: string): IdCheck {
  if (!ELEVEN_DIGITS.test(digits) || /^0{7}/.test(digits)) return { valid: false, reason: 'format' }
  if (vatCheckDigit(digits) !== Number(digits[10])) return { valid: false, reason: 'checksum' }
  return { valid: true, normalized: digits }
}

export function fiscalCodeCheckCharacter(firstFifteen: string): string {
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const ch = firstFifteen.charAt(i)
    if (i % 2 === 0) {
      sum += ODD_POSITION_VALUES[ch] ?? 0
    } else {
      sum += /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65
    }
  }
  return String.fromCharCode(65 + (sum % 26))
}

export function checkItalianVatNumber(input: string): IdCheck {
  const compact = stripSpaces(input).toUpperCase()
  const digits = compact.startsWith('IT') ? compact.slice(2) : compact
  return checkElevenDigits(digits)
}

export function checkItalianFiscalCode(input: string): IdCheck {
  const code = stripSpaces(input).toUpperCase()
  if (ELEVEN_DIGITS.test(code)) return checkElevenDigits(code)
  if (!PERSONAL_CODE.test(code)) return { valid: false, reason: 'format' }
  if (fiscalCodeCheckCharacter(code.slice(0, 15)) !== code.charAt(15)) return { valid: false, reason: 'checksum' }
  return { valid: true, normalized: code }
}
