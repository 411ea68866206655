import { parseArgs } from 'node:util'
import { estimateGrant, type GrantEstimate } from '../calls/rules/grant.js'
import { readJsonFile } from '../calls/rules/json-file.js'
import { centsToEuroText } from '../calls/rules/money.js'
import { FULL_INTENSITY_BP } from '../calls/rules/model.js'
import { parseCallFile, parseProposalFile } from '../calls/rules/proposal-file.js'
import type { CliIo } from './eligibility.js'

export const grantUsage = `clock grant --proposal PROPOSAL.json [--call CALL.json] [--lang it|en]
  Estimates each partner's grant under Article 25 of the GBER (Regulation (EU) No 651/2014) and prints
  {"partners": [{"name", "intensity": {"industrialResearch", "experimentalDevelopment"}, "grant"}], "total"}
  as JSON: intensities as fractions (0.65 = 65 %), grants in EUR with two decimals, each rounded down to the cent.
  The call only sets research organisations' intensity (100 % without it). Exit code: 0, or 2 for bad arguments or files.
  File formats: src/calls/rules/README.md.`

/** Exit codes: 0 estimated, 2 bad arguments or input files. */
export async function runGrant(argv: string[], io: CliIo): Promise<number> {
  const usageError = (message: string): number => {
    io.stderr(`clock grant: ${message}\n\n${grantUsage}\n`)
    return 2
  }
  let values: { call?: string; proposal?: string; lang?: string; help?: boolean }
  try {
    values = parseArgs({
      args: argv,
      options: { call: { type: 'string' }, proposal: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return usageError((error as Error).message)
  }
  if (values.help) {
    io.stdout(`${grantUsage}\n`)
    return 0
  }
  // Accepted like eligibility's, so both commands take the same options; the estimate has no texts to translate.
  if (values.lang !== undefined && values.lang !== 'it' && values.lang !== 'en') {
    return usageError(`--lang must be it or en, not "${values.lang}"`)
  }
  if (!values.proposal) return usageError('missing --proposal PROPOSAL.json')

  const [proposal, call] = await Promise.all([
    readJsonFile(values.proposal, parseProposalFile),
    values.call === undefined ? Promise.resolve(undefined) : readJsonFile(values.call, parseCallFile),
  ])
  const errors = [...(proposal.ok ? [] : proposal.errors), ...(call === undefined || call.ok ? [] : call.errors)]
  if (!proposal.ok || (call !== undefined && !call.ok)) {
    io.stderr(errors.map((message) => `clock grant: ${message}\n`).join(''))
    return 2
  }
  const estimate = estimateGrant(proposal.value, {
    researchOrganisationIntensity: call?.value.rules.researchOrganisationIntensity,
  })
  io.stdout(`${formatGrantJson(estimate)}\n`)
  return 0
}

// Placeholder for an amount of cents; JSON.stringify escapes the NUL, and partner names cannot hold one.
const moneyMark = '\u0000EUR:'
const moneyPattern = /"\\u0000EUR:(\d+)"/g

/** The printed estimate: EUR amounts as JSON numbers with exactly two decimals (1234.50, not 1234.5). */
export function formatGrantJson(estimate: GrantEstimate): string {
  const document = {
    partners: estimate.partners.map((partner) => ({
      name: partner.name,
      intensity: {
        industrialResearch: partner.intensity.industrialResearch / FULL_INTENSITY_BP,
        experimentalDevelopment: partner.intensity.experimentalDevelopment / FULL_INTENSITY_BP,
      },
      grant: `${moneyMark}${partner.grant}`,
    })),
    total: `${moneyMark}${estimate.total}`,
  }
  return JSON.stringify(document, null, 2).replace(moneyPattern, (_whole, cents: string) => centsToEuroText(Number(cents)))
}
