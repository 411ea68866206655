import { formatEuros, formatNumber } from '../../platform/format.js'
import type { Locale } from '../../platform/i18n.js'

// Texts of the eligibility checks. Placeholders are {{name}}; a check's params fill them (see renderMessage).
export const callRulesMessages = {
  it: {
    'calls.rules.line.exists': 'La linea {{line}} è prevista dal bando',
    'calls.rules.line.missing': 'La linea {{line}} non è prevista dal bando; le linee sono: {{lines}}',
    'calls.rules.trl.start': 'Il TRL all’inizio deve essere almeno {{min}}; è {{actual}}',
    'calls.rules.trl.end': 'Il TRL alla fine deve essere almeno {{min}}; è {{actual}}',
    'calls.rules.costs.researchExceedsDevelopment':
      'I costi di ricerca industriale devono superare quelli di sviluppo sperimentale; sono {{research}} e {{development}}',
    'calls.rules.partners.min': 'Il partenariato deve avere almeno {{min}} partner; ne ha {{actual}}',
    'calls.rules.partners.minSmes': 'Il partenariato deve includere almeno {{min}} PMI (start-up comprese); ne include {{actual}}',
    'calls.rules.line.membersOnly.passed': 'La linea {{line}} è riservata ai soci; tutti i partner sono soci',
    'calls.rules.line.membersOnly.failed': 'La linea {{line}} è riservata ai soci; non sono soci: {{partners}}',
    'calls.rules.line.nonMembersCommit.passed':
      'Nella linea {{line}} chi non è socio deve impegnarsi ad aderire; nessun impegno manca',
    'calls.rules.line.nonMembersCommit.failed':
      'Nella linea {{line}} chi non è socio deve impegnarsi ad aderire; manca l’impegno di: {{partners}}',
    'calls.rules.costs.eligibleOnly.passed':
      'Sono dichiarati solo costi ammissibili (ricerca industriale e sviluppo sperimentale)',
    'calls.rules.costs.eligibleOnly.failed':
      'Gli altri costi (per esempio di produzione) non sono ammissibili: {{amount}} dichiarati da {{partners}}',
  },
  en: {
    'calls.rules.line.exists': 'Line {{line}} is in the call',
    'calls.rules.line.missing': 'Line {{line}} is not in the call; its lines are: {{lines}}',
    'calls.rules.trl.start': 'TRL at the start must be at least {{min}}; it is {{actual}}',
    'calls.rules.trl.end': 'TRL at the end must be at least {{min}}; it is {{actual}}',
    'calls.rules.costs.researchExceedsDevelopment':
      'Industrial research costs must exceed experimental development costs; they are {{research}} and {{development}}',
    'calls.rules.partners.min': 'The partnership must have at least {{min}} partners; it has {{actual}}',
    'calls.rules.partners.minSmes': 'The partnership must include at least {{min}} SMEs (start-ups included); it includes {{actual}}',
    'calls.rules.line.membersOnly.passed': 'Line {{line}} is for members only; every partner is a member',
    'calls.rules.line.membersOnly.failed': 'Line {{line}} is for members only; not members: {{partners}}',
    'calls.rules.line.nonMembersCommit.passed': 'On line {{line}} non-members must commit to join; no commitment is missing',
    'calls.rules.line.nonMembersCommit.failed':
      'On line {{line}} non-members must commit to join; not committed: {{partners}}',
    'calls.rules.costs.eligibleOnly.passed': 'Only eligible costs (industrial research and experimental development) are declared',
    'calls.rules.costs.eligibleOnly.failed':
      'Other costs (e.g. production) are not eligible: {{amount}} declared by {{partners}}',
  },
} satisfies { it: Record<string, string>; en: Record<string, string> }

export type CallRulesMessageKey = keyof typeof callRulesMessages.en

/** A message parameter: text as is, a number formatted per locale, EUR cents as money, a list of names. */
export type MessageParam = string | number | { cents: number } | { list: readonly string[] }

export type Message = { key: CallRulesMessageKey; params: Record<string, MessageParam> }

export function renderMessage(message: Message, locale: Locale): string {
  const template: string = callRulesMessages[locale][message.key]
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = message.params[name]
    return value === undefined ? whole : renderParam(value, locale)
  })
}

function renderParam(value: MessageParam, locale: Locale): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return formatNumber(locale, value)
  if ('cents' in value) return formatEuros(locale, value.cents)
  return new Intl.ListFormat(locale === 'it' ? 'it-IT' : 'en-GB', { type: 'conjunction' }).format(value.list)
}
