import { parseArgs } from 'node:util'
import { createAdminCommand } from './create-admin.js'
import { dailyCommand } from './daily.js'
import { expandCommand } from './expand.js'
import { exportCommand } from './export.js'
import { commandUsageText, helpCommand, usageText } from './help.js'
import { importCommand } from './import.js'
import { migrateCommand } from './migrate.js'
import { outboxCommand } from './outbox.js'
import { eligibilityCommand, grantCommand } from './rules.js'
import { seedCommand } from './seed.js'
import { errorMessage, UsageError, type Command } from './shared.js'

const commands: readonly Command[] = [
  migrateCommand,
  seedCommand,
  createAdminCommand,
  importCommand,
  exportCommand,
  outboxCommand,
  dailyCommand,
  expandCommand,
  eligibilityCommand,
  grantCommand,
  helpCommand(() => commands),
]

/** Runs one CLI invocation and returns the exit code: 0 success, 1 failure, 2 bad usage. */
async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    console.error(usageText(commands))
    return 2
  }
  if (name === '--help' || name === '-h') {
    console.log(usageText(commands))
    return 0
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (!command) {
    console.error(`clock: unknown command "${name}"\n\n${usageText(commands)}`)
    return 2
  }
  if (command.runRaw) return command.runRaw(rest)
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandUsageText(command))
    return 0
  }
  try {
    const { values, positionals } = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true })
    await command.run({ values, positionals })
    return 0
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`clock ${command.name}: ${errorMessage(error)}\n\n${commandUsageText(command)}`)
      return 2
    }
    console.error(`clock ${command.name} failed: ${errorMessage(error)}`)
    if (process.env.CLOCK_DEBUG) console.error(error)
    return 1
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_')
}

process.exitCode = await runCli(process.argv.slice(2))
