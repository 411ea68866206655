import type { sizeClasses } from './organisation-terms.js'

export type SizeClass = (typeof sizeClasses)[number]
export type SmeInput = { headcount: number | null; turnoverCents: number | null; balanceSheetCents: number | null }
export type SmeReason = { key: string; params: Record<string, string | number> }
export type SmeClassification = { size: SizeClass | null; reasons: SmeReason[] }

type Ceiling = { size: Exclude<SizeClass, 'large'>; headcount: number; turnoverCents: number; balanceSheetCents: number }

const MILLION_EUR_CENTS = 100_000_000

// Commission Recommendation 2003/361/EC, Annex, art. 2.
const CEILINGS: readonly Ceiling[] = [
  { size: 'micro', headcount: 10, turnoverCents: 2 * MILLION_EUR_CENTS, balanceSheetCents: 2 * MILLION_EUR_CENTS },
  { size: 'small', headcount: 50, turnoverCents: 10 * MILLION_EUR_CENTS, balanceSheetCents: 10 * MILLION_EUR_CENTS },
  { size: 'medium', headcount: 250, turnoverCents: 50 * MILLION_EUR_CENTS, balanceSheetCents: 43 * MILLION_EUR_CENTS },
]

// Params holding EUR cents, per reason key, so the caller knows which values to format as money.
export const smeAmountParams: Readonly<Record<string, readonly string[]>> = {
  'sme.reason.turnoverWithin': ['turnover', 'limit'],
  'sme.reason.turnoverAbove': ['turnover', 'limit'],
  'sme.reason.balanceSheetWithin': ['balanceSheet', 'limit'],
  'sme.reason.balanceSheetAbove': ['balanceSheet', 'limit'],
  'sme.reason.bothFinancialAbove': ['turnover', 'turnoverLimit', 'balanceSheet', 'balanceSheetLimit'],
  'sme.reason.invalidTurnover': ['value'],
  'sme.reason.invalidBalanceSheet': ['value'],
}

const isValidFigure = (value: number): boolean => Number.isFinite(value) && value >= 0

const reason = (key: string, params: Record<string, string | number> = {}): SmeReason => ({
  key: `sme.reason.${key}`,
  params,
})

type FinancialTest = { passes: boolean; reasons: SmeReason[] }

function financialTest(ceiling: Ceiling, turnover: number | null, balanceSheet: number | null): FinancialTest {
  const turnoverOk = turnover !== null && turnover <= ceiling.turnoverCents
  const balanceSheetOk = balanceSheet !== null && balanceSheet <= ceiling.balanceSheetCents
  const size = ceiling.size
  if (turnoverOk || balanceSheetOk) {
    const reasons: SmeReason[] = []
    if (turnoverOk) reasons.push(reason('turnoverWithin', { turnover, limit: ceiling.turnoverCents, class: size }))
    if (balanceSheetOk) {
      reasons.push(reason('balanceSheetWithin', { balanceSheet, limit: ceiling.balanceSheetCents, class: size }))
    }
    return { passes: true, reasons }
  }
  if (turnover !== null && balanceSheet !== null) {
    return {
      passes: false,
      reasons: [
        reason('bothFinancialAbove', {
          turnover,
          turnoverLimit: ceiling.turnoverCents,
          balanceSheet,
          balanceSheetLimit: ceiling.balanceSheetCents,
          class: size,
        }),
      ],
    }
  }
  if (turnover !== null) {
    return { passes: false, reasons: [reason('turnoverAbove', { turnover, limit: ceiling.turnoverCents, class: size })] }
  }
  if (balanceSheet !== null) {
    return {
      passes: false,
      reasons: [reason('balanceSheetAbove', { balanceSheet, limit: ceiling.balanceSheetCents, class: size })],
    }
  }
  return { passes: true, reasons: [] }
}

export function classifySme(input: SmeInput): SmeClassification {
  const { headcount, turnoverCents: turnover, balanceSheetCents: balanceSheet } = input

  const invalid: SmeReason[] = []
  if (headcount !== null && !isValidFigure(headcount)) invalid.push(reason('invalidHeadcount', { value: headcount }))
  if (turnover !== null && !isValidFigure(turnover)) invalid.push(reason('invalidTurnover', { value: turnover }))
  if (balanceSheet !== null && !isValidFigure(balanceSheet)) {
    invalid.push(reason('invalidBalanceSheet', { value: balanceSheet }))
  }
  if (invalid.length > 0) return { size: null, reasons: invalid }
  if (headcount === null) return { size: null, reasons: [reason('missingHeadcount')] }

  const missing: SmeReason[] = []
  if (turnover === null && balanceSheet === null) missing.push(reason('financialsMissing'))
  else if (turnover === null) missing.push(reason('turnoverMissing'))
  else if (balanceSheet === null) missing.push(reason('balanceSheetMissing'))

  let lastFailure: SmeReason[] = []
  for (const ceiling of CEILINGS) {
    const headcountOk = headcount < ceiling.headcount
    const financial = financialTest(ceiling, turnover, balanceSheet)
    if (headcountOk && financial.passes) {
      return {
        size: ceiling.size,
        reasons: [
          ...lastFailure,
          reason('headcountBelow', { headcount, limit: ceiling.headcount, class: ceiling.size }),
          ...financial.reasons,
          ...missing,
        ],
      }
    }
    lastFailure = [
      ...(headcountOk ? [] : [reason('headcountAtLeast', { headcount, limit: ceiling.headcount, class: ceiling.size })]),
      ...(financial.passes ? [] : financial.reasons),
    ]
  }
  return { size: 'large', reasons: [...lastFailure, ...missing] }
}

export const smeMessages: { it: Record<string, string>; en: Record<string, string> } = {
  it: {
    'sme.size.micro': 'microimpresa',
    'sme.size.small': 'piccola impresa',
    'sme.size.medium': 'media impresa',
    'sme.size.large': 'grande impresa',
    'sme.reason.headcountBelow':
      'Gli effettivi ({{headcount}} ULA) sono meno della soglia di {{limit}} prevista per la classe {{class}}.',
    'sme.reason.headcountAtLeast':
      'Gli effettivi ({{headcount}} ULA) raggiungono o superano la soglia di {{limit}}, che esclude la classe {{class}}.',
    'sme.reason.turnoverWithin':
      'Il fatturato annuo ({{turnover}}) non supera il massimale di {{limit}} previsto per la classe {{class}}.',
    'sme.reason.balanceSheetWithin':
      'Il totale di bilancio annuo ({{balanceSheet}}) non supera il massimale di {{limit}} previsto per la classe {{class}}.',
    'sme.reason.turnoverAbove':
      'Il fatturato annuo ({{turnover}}) supera il massimale di {{limit}} previsto per la classe {{class}}.',
    'sme.reason.balanceSheetAbove':
      'Il totale di bilancio annuo ({{balanceSheet}}) supera il massimale di {{limit}} previsto per la classe {{class}}.',
    'sme.reason.bothFinancialAbove':
      'Sia il fatturato annuo ({{turnover}}, massimale {{turnoverLimit}}) sia il totale di bilancio annuo ({{balanceSheet}}, massimale {{balanceSheetLimit}}) superano i massimali previsti per la classe {{class}}.',
    'sme.reason.missingHeadcount':
      'Gli effettivi (unità lavorative annue) non sono indicati: non è possibile determinare la dimensione.',
    'sme.reason.financialsMissing':
      'Né il fatturato né il totale di bilancio sono indicati: la dimensione è stabilita sui soli effettivi.',
    'sme.reason.turnoverMissing':
      "Il fatturato non è indicato: è stato considerato solo il totale di bilancio, quindi l'impresa potrebbe appartenere a una classe inferiore.",
    'sme.reason.balanceSheetMissing':
      "Il totale di bilancio non è indicato: è stato considerato solo il fatturato, quindi l'impresa potrebbe appartenere a una classe inferiore.",
    'sme.reason.invalidHeadcount':
      'Il valore degli effettivi ({{value}}) non è un numero valido non negativo: non è possibile determinare la dimensione.',
    'sme.reason.invalidTurnover':
      'Il valore del fatturato ({{value}}) non è un importo valido non negativo: non è possibile determinare la dimensione.',
    'sme.reason.invalidBalanceSheet':
      'Il valore del totale di bilancio ({{value}}) non è un importo valido non negativo: non è possibile determinare la dimensione.',
  },
  en: {
    'sme.size.micro': 'micro enterprise',
    'sme.size.small': 'small enterprise',
    'sme.size.medium': 'medium-sized enterprise',
    'sme.size.large': 'large enterprise',
    'sme.reason.headcountBelow':
      'Headcount ({{headcount}} annual work units) is below the limit of {{limit}} for a {{class}}.',
    'sme.reason.headcountAtLeast':
      'Headcount ({{headcount}} annual work units) reaches or exceeds the limit of {{limit}}, which rules out a {{class}}.',
    'sme.reason.turnoverWithin': 'Annual turnover ({{turnover}}) does not exceed the ceiling of {{limit}} for a {{class}}.',
    'sme.reason.balanceSheetWithin':
      'Annual balance sheet total ({{balanceSheet}}) does not exceed the ceiling of {{limit}} for a {{class}}.',
    'sme.reason.turnoverAbove': 'Annual turnover ({{turnover}}) exceeds the ceiling of {{limit}} for a {{class}}.',
    'sme.reason.balanceSheetAbove':
      'Annual balance sheet total ({{balanceSheet}}) exceeds the ceiling of {{limit}} for a {{class}}.',
    'sme.reason.bothFinancialAbove':
      'Both annual turnover ({{turnover}}, ceiling {{turnoverLimit}}) and annual balance sheet total ({{balanceSheet}}, ceiling {{balanceSheetLimit}}) exceed the ceilings for a {{class}}.',
    'sme.reason.missingHeadcount': 'Headcount (annual work units) is not given: the size class cannot be determined.',
    'sme.reason.financialsMissing':
      'Neither turnover nor balance sheet total is given: the size class is based on headcount alone.',
    'sme.reason.turnoverMissing':
      'Turnover is not given: only the balance sheet total was considered, so the enterprise might belong to a smaller class.',
    'sme.reason.balanceSheetMissing':
      'Balance sheet total is not given: only turnover was considered, so the enterprise might belong to a smaller class.',
    'sme.reason.invalidHeadcount':
      'The headcount ({{value}}) is not a valid non-negative number: the size class cannot be determined.',
    'sme.reason.invalidTurnover':
      'The turnover ({{value}}) is not a valid non-negative amount: the size class cannot be determined.',
    'sme.reason.invalidBalanceSheet':
      'The balance sheet total ({{value}}) is not a valid non-negative amount: the size class cannot be determined.',
  },
}
