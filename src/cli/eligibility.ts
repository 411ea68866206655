import { parseArgs } from 'node:util'
import { checkEligibility, renderEligibility } from '../calls/rules/eligibility.js'
import { readJsonFile } from '../calls/rules/json-file.js'
import { parseCallFile, parseProposalFile } from '../calls/rules/proposal-file.js'

export type CliIo = { stdout: (s: string) => void; stderr: (s: string) => void }

export const eligibilityUsage = `clock eligibility --call CALL.json --proposal PROPOSAL.json [--lang it|en]
  Checks a proposal against a call's rules and prints {"eligible", "checks": [{"rule", "passed", "message"}]}
  as JSON, messages in English unless --lang it. Exit code: 0 eligible, 1 not eligible, 2 bad arguments or files.
  File formats: src/calls/rules/README.md.`

/** Exit codes: 0 eligible, 1 not eligible, 2 bad arguments or input files. */
export async function runEligibility(argv: string[], io: CliIo): Promise<number> {
  const usageError = (message: string): number => {
    io.stderr(`clock eligibility: ${message}\n\n${eligibilityUsage}\n`)
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
    io.stdout(`${eligibilityUsage}\n`)
    return 0
  }
  const lang = values.lang ?? 'en'
  if (lang !== 'it' && lang !== 'en') return usageError(`--lang must be it or en, not "${lang}"`)
  if (!values.call) return usageError('missing --call CALL.json')
  if (!values.proposal) return usageError('missing --proposal PROPOSAL.json')

  const [call, proposal] = await Promise.all([
    readJsonFile(values.call, parseCallFile),
    readJsonFile(values.proposal, parseProposalFile),
  ])
  const errors = [...(call.ok ? [] : call.errors), ...(proposal.ok ? [] : proposal.errors)]
  if (!call.ok || !proposal.ok) {
    io.stderr(errors.map((message) => `clock eligibility: ${message}\n`).join(''))
    return 2
  }
  const result = renderEligibility(checkEligibility(call.value, proposal.value), lang)
  io.stdout(`${JSON.stringify(result, null, 2)}\n`)
  return result.eligible ? 0 : 1
}
