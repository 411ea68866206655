import type { Command } from './shared.js'

/** The overall usage text; `commands` is passed in so that this file need not import every command. */
export function usageText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  return [
    'CLOCK operator commands',
    '',
    'Usage: clock <command> [options]',
    '',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run "clock help <command>" for the options of one command.',
    'The database is the one the server uses: DATABASE_URL (PostgreSQL) if set, else PGlite in',
    'CLOCK_DATA_DIR (default .clock-data/pglite under the current folder). Migrations run first.',
  ].join('\n')
}

export function commandUsageText(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}`
}

export function helpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'show this help, or the usage of one command',
    usage: 'clock help [command]',
    options: {},
    run: async (args) => {
      const [name] = args.positionals
      const all = commands()
      const command = all.find((candidate) => candidate.name === name)
      console.log(command ? commandUsageText(command) : usageText(all))
      if (name && !command) console.log(`\n(no command named "${name}")`)
    },
  }
}
