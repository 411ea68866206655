import type { User } from '../accounts/types'

export function isOfficer(user: User | null): boolean {
  return user !== null && (user.roles.includes('ma_officer') || user.roles.includes('platform_admin'))
}

export function isEvaluator(user: User | null): boolean {
  return user !== null && user.roles.includes('evaluator')
}

/** Basis points as a percentage for people: 8000 → "80 %". */
export function percent(language: 'it' | 'en', basisPoints: number): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000)
}
