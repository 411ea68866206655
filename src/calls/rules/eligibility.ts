import type { Locale } from '../../platform/i18n.js'
import { renderMessage, type Message } from './messages.js'
import { isSme, type Call, type Proposal } from './model.js'

export type EligibilityRule =
  | 'line.exists'
  | 'trl.start'
  | 'trl.end'
  | 'costs.researchExceedsDevelopment'
  | 'partners.min'
  | 'partners.minSmes'
  | 'line.membersOnly'
  | 'line.nonMembersCommit'
  | 'costs.eligibleOnly'

export type EligibilityCheck = { rule: EligibilityRule; passed: boolean; message: Message }
export type Eligibility = { eligible: boolean; checks: EligibilityCheck[] }

export type RenderedCheck = { rule: EligibilityRule; passed: boolean; message: string }
export type RenderedEligibility = { eligible: boolean; checks: RenderedCheck[] }

/**
 * Checks a proposal against a call, rule by rule, in a fixed order. A rule the call leaves out is
 * not checked at all; the line, its membership conditions and the eligibility of costs always are.
 * The proposal is eligible when every check passes.
 */
export function checkEligibility(call: Call, proposal: Proposal): Eligibility {
  const { rules } = call
  const checks: EligibilityCheck[] = []
  const add = (rule: EligibilityRule, passed: boolean, message: Message): void => {
    checks.push({ rule, passed, message })
  }

  const line = call.lines.find((candidate) => candidate.code === proposal.line)
  if (line) add('line.exists', true, { key: 'calls.rules.line.exists', params: { line: proposal.line } })
  else {
    add('line.exists', false, {
      key: 'calls.rules.line.missing',
      params: { line: proposal.line, lines: { list: call.lines.map((candidate) => candidate.code) } },
    })
  }

  if (rules.trlStartMin !== undefined) {
    add('trl.start', proposal.trlStart >= rules.trlStartMin, {
      key: 'calls.rules.trl.start',
      params: { min: rules.trlStartMin, actual: proposal.trlStart },
    })
  }
  if (rules.trlEndMin !== undefined) {
    add('trl.end', proposal.trlEnd >= rules.trlEndMin, {
      key: 'calls.rules.trl.end',
      params: { min: rules.trlEndMin, actual: proposal.trlEnd },
    })
  }

  if (rules.researchShareMustExceedDevelopment === true) {
    const research = sum(proposal.partners.map((partner) => partner.costs.industrialResearch))
    const development = sum(proposal.partners.map((partner) => partner.costs.experimentalDevelopment))
    // Over the same eligible total, "research share > development share" is simply research > development.
    add('costs.researchExceedsDevelopment', research > development, {
      key: 'calls.rules.costs.researchExceedsDevelopment',
      params: { research: { cents: research }, development: { cents: development } },
    })
  }

  if (rules.minPartners !== undefined) {
    add('partners.min', proposal.partners.length >= rules.minPartners, {
      key: 'calls.rules.partners.min',
      params: { min: rules.minPartners, actual: proposal.partners.length },
    })
  }
  if (rules.minSmes !== undefined) {
    const smes = proposal.partners.filter(isSme).length
    add('partners.minSmes', smes >= rules.minSmes, {
      key: 'calls.rules.partners.minSmes',
      params: { min: rules.minSmes, actual: smes },
    })
  }

  if (line?.membersOnly) {
    const outsiders = proposal.partners.filter((partner) => !partner.member).map((partner) => partner.name)
    add(
      'line.membersOnly',
      outsiders.length === 0,
      outsiders.length === 0
        ? { key: 'calls.rules.line.membersOnly.passed', params: { line: line.code } }
        : { key: 'calls.rules.line.membersOnly.failed', params: { line: line.code, partners: { list: outsiders } } },
    )
  }
  if (line?.nonMembersMustCommit) {
    const uncommitted = proposal.partners
      .filter((partner) => !partner.member && !partner.commitsToJoin)
      .map((partner) => partner.name)
    add(
      'line.nonMembersCommit',
      uncommitted.length === 0,
      uncommitted.length === 0
        ? { key: 'calls.rules.line.nonMembersCommit.passed', params: { line: line.code } }
        : { key: 'calls.rules.line.nonMembersCommit.failed', params: { line: line.code, partners: { list: uncommitted } } },
    )
  }

  const withOtherCosts = proposal.partners.filter((partner) => partner.costs.other > 0)
  add(
    'costs.eligibleOnly',
    withOtherCosts.length === 0,
    withOtherCosts.length === 0
      ? { key: 'calls.rules.costs.eligibleOnly.passed', params: {} }
      : {
          key: 'calls.rules.costs.eligibleOnly.failed',
          params: {
            amount: { cents: sum(withOtherCosts.map((partner) => partner.costs.other)) },
            partners: { list: withOtherCosts.map((partner) => partner.name) },
          },
        },
  )

  return { eligible: checks.every((check) => check.passed), checks }
}

export function renderCheck(check: EligibilityCheck, locale: Locale): RenderedCheck {
  return { rule: check.rule, passed: check.passed, message: renderMessage(check.message, locale) }
}

export function renderEligibility(eligibility: Eligibility, locale: Locale): RenderedEligibility {
  return { eligible: eligibility.eligible, checks: eligibility.checks.map((check) => renderCheck(check, locale)) }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
