import { eligibilityUsage, runEligibility, type CliIo } from './eligibility.js'
import { grantUsage, runGrant } from './grant.js'
import type { Command } from './shared.js'

const io: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }

const notParsedHere = async (): Promise<void> => {
  throw new Error('parsed by runRaw')
}

export const eligibilityCommand: Command = {
  name: 'eligibility',
  summary: 'check a proposal file against a call file, rule by rule (JSON out)',
  usage: eligibilityUsage.split('\n')[0] ?? 'clock eligibility',
  options: {},
  run: notParsedHere,
  runRaw: (argv) => runEligibility(argv, io),
}

export const grantCommand: Command = {
  name: 'grant',
  summary: 'estimate the grant per partner under GBER article 25 (JSON out)',
  usage: grantUsage.split('\n')[0] ?? 'clock grant',
  options: {},
  run: notParsedHere,
  runRaw: (argv) => runGrant(argv, io),
}
