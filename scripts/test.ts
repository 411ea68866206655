// `npm test`: runs every suite in turn and prints a summary. Extra arguments are forwarded to each vitest run.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findPostgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js'

type Outcome = 'passed' | 'FAILED' | 'SKIPPED'

type SuiteResult = {
  name: string
  outcome: Outcome
  seconds: number
  command: string
  note?: string
  /** Failing tests with the start of their messages, recapped in the summary so that a log's tail says what broke. */
  failures?: string[]
}

const INSTALL_POSTGRES = 'apt-get install -y postgresql'
const INSTALL_CHROMIUM = 'apt-get install -y chromium'

const forwardedArgs = process.argv.slice(2)
// A file filter meant for one suite matches nothing in the others, which vitest would report as a failure.
const hasFilter = forwardedArgs.some((arg) => !arg.startsWith('-'))
const vitestExtraArgs = hasFilter && !forwardedArgs.includes('--passWithNoTests')
  ? [...forwardedArgs, '--passWithNoTests']
  : forwardedArgs

const results: SuiteResult[] = []
const reportFolder = mkdtempSync(join(tmpdir(), 'clock-test-'))
let currentChild: ChildProcess | null = null
let throwawayServer: ThrowawayPostgres | null = null
let throwawayStarting: Promise<ThrowawayPostgres> | null = null
let interrupted = false

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of names) delete env[name]
  return env
}


function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env })
    currentChild = child
    child.on('error', (error) => {
      console.error(`could not start ${cmd}: ${error.message}`)
    })
    child.on('close', (code, signal) => {
      currentChild = null
      resolve(code ?? (signal ? 128 : 1))
    })
  })
}

function seconds(since: number): number {
  return (Date.now() - since) / 1000
}

function banner(title: string): void {
  console.log(`\n${'='.repeat(72)}\n== ${title}\n${'='.repeat(72)}`)
}

async function runVitest(
  name: string,
  project: string,
  env: NodeJS.ProcessEnv,
  commandPrefix = '',
): Promise<SuiteResult> {
  const args = ['vitest', 'run', '--project', project, ...vitestExtraArgs]
  const command = `${commandPrefix}npx ${args.join(' ')}`
  banner(`${name}: ${command}`)
  const started = Date.now()
  const report = join(reportFolder, `${results.length}-${project}.json`)
  const code = await runCommand('npx', [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env)
  const outcome = code === 0 ? 'passed' : 'FAILED'
  return { name, outcome, seconds: seconds(started), command, failures: outcome === 'FAILED' ? readFailures(report) : [] }
}

type VitestJsonReport = {
  testResults?: {
    name: string
    status: string
    message?: string
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[]
  }[]
}

const ansi = /\u001b\[[0-9;]*m/g

function firstLines(text: string, count: number): string {
  const noise = /^\s*at .*(node_modules|node:internal|<anonymous>)/
  return text.replace(ansi, '').split('\n').filter((line) => line.trim() !== '' && !noise.test(line)).slice(0, count).map((line) => `      ${line}`).join('\n')
}

function readFailures(reportPath: string): string[] {
  if (!existsSync(reportPath)) return ['(no vitest report was written: see the output above)']
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as VitestJsonReport
  const failures: string[] = []
  for (const file of report.testResults ?? []) {
    const relative = file.name.replace(`${process.cwd()}/`, '')
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failedTests) {
      failures.push(`${relative} > ${test.fullName}\n${firstLines(test.failureMessages?.join('\n') ?? '', 8)}`)
    }
    if (failedTests.length === 0 && file.status === 'failed') {
      failures.push(`${relative}\n${firstLines(file.message ?? '', 8)}`)
    }
  }
  return failures
}

async function runPostgresSuite(): Promise<SuiteResult> {
  const name = 'api (PostgreSQL)'
  const external = process.env.DATABASE_URL
  if (external) {
    return runVitest(name, 'api', process.env, 'DATABASE_URL=$DATABASE_URL ')
  }
  if (!findPostgresBinaries()) {
    return {
      name,
      outcome: 'SKIPPED',
      seconds: 0,
      command: 'npx vitest run --project api (with DATABASE_URL)',
      note: `no DATABASE_URL and no PostgreSQL binaries found; install with: ${INSTALL_POSTGRES}`,
    }
  }
  banner(`${name}: starting a throwaway PostgreSQL server`)
  const started = Date.now()
  try {
    throwawayServer = await (throwawayStarting = startThrowawayPostgres())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(message)
    return {
      name,
      outcome: 'FAILED',
      seconds: seconds(started),
      command: 'startThrowawayPostgres() in scripts/postgres.ts',
      note: 'could not start the throwaway PostgreSQL server (see output above)',
    }
  }
  console.log(`PostgreSQL ready at ${throwawayServer.url} in ${seconds(started).toFixed(1)}s`)
  try {
    const url = throwawayServer.url
    const env = { ...process.env, DATABASE_URL: url, CLOCK_TEST_PG_ADMIN_URL: url }
    const result = await runVitest(name, 'api', env, `DATABASE_URL=${url} CLOCK_TEST_PG_ADMIN_URL=${url} `)
    return { ...result, seconds: seconds(started) }
  } finally {
    await throwawayServer.stop()
    throwawayServer = null
  }
}

async function runE2eSuite(): Promise<SuiteResult> {
  const name = 'e2e (Chromium)'
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    return {
      name,
      outcome: 'SKIPPED',
      seconds: 0,
      command: 'npx vitest run --project e2e',
      note: `Chromium not found at ${chromium} (set CHROMIUM_PATH to override); install with: ${INSTALL_CHROMIUM}`,
    }
  }
  const started = Date.now()
  banner(`${name}: building the web app (npx vite build)`)
  const buildCode = await runCommand('npx', ['vite', 'build'], process.env)
  if (buildCode !== 0) {
    return {
      name,
      outcome: 'FAILED',
      seconds: seconds(started),
      command: 'npx vite build',
      note: 'the web app build failed, e2e tests not run',
    }
  }
  if (interrupted) return { name, outcome: 'FAILED', seconds: seconds(started), command: 'npx vite build', note: 'interrupted' }
  const result = await runVitest(name, 'e2e', { ...process.env, CHROMIUM_PATH: chromium }, `CHROMIUM_PATH=${chromium} `)
  return { ...result, seconds: seconds(started), note: 'time includes the web build' }
}

function printSummary(totalSeconds: number): void {
  const nameWidth = Math.max(...results.map((r) => r.name.length))
  console.log(`\n${'='.repeat(72)}\n== CLOCK test summary\n${'='.repeat(72)}`)
  for (const r of results) {
    const time = `${r.seconds.toFixed(1)}s`.padStart(7)
    console.log(`  ${r.name.padEnd(nameWidth)}  ${r.outcome.padEnd(7)}  ${time}  ${r.command}`)
    if (r.note) console.log(`  ${' '.repeat(nameWidth)}  ${r.outcome === 'SKIPPED' ? 'reason: ' : ''}${r.note}`)
  }
  console.log(`  total ${totalSeconds.toFixed(1)}s`)
  console.log('='.repeat(72))

  const failed = results.filter((r) => r.outcome === 'FAILED')
  const skipped = results.filter((r) => r.outcome === 'SKIPPED')
  if (failed.length > 0) {
    for (const r of failed) {
      for (const failure of r.failures ?? []) console.log(`\n[${r.name}] ${failure}`)
    }
    console.log(`\nFAILED SUITES: ${failed.map((r) => r.name).join(', ')}`)
  }
  if (skipped.length > 0) {
    const line = '!'.repeat(72)
    console.log(`\n${line}\n!!! SKIPPED SUITES: ${skipped.map((r) => r.name).join(', ')}`)
    for (const r of skipped) console.log(`!!!   ${r.name}: ${r.note ?? ''}`)
    if (process.env.CLOCK_REQUIRE_ALL_SUITES === '1') {
      console.log('!!! CLOCK_REQUIRE_ALL_SUITES=1 is set, so skipped suites fail this run.')
    } else {
      console.log('!!! These suites did NOT run. Results above are incomplete.')
    }
    console.log(line)
  }
  if (failed.length === 0 && skipped.length === 0) console.log('\nAll suites passed.')
}

function exitCode(): number {
  if (interrupted) return 130
  if (results.some((r) => r.outcome === 'FAILED')) return 1
  if (process.env.CLOCK_REQUIRE_ALL_SUITES === '1' && results.some((r) => r.outcome === 'SKIPPED')) return 1
  return 0
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return
  interrupted = true
  console.error(`\nReceived ${signal}: stopping the current suite and cleaning up...`)
  // On Ctrl-C the terminal already signals the whole process group; forwarding covers `kill <pid>`.
  currentChild?.kill(signal)
  // The server may be half-way through starting; wait for it so that it is stopped, not orphaned.
  const server = throwawayStarting ? throwawayStarting.catch(() => null) : Promise.resolve(null)
  void server
    .then((started) => started?.stop())
    .finally(() => process.exit(130))
}

async function main(): Promise<number> {
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const started = Date.now()

  results.push(await runVitest('unit', 'unit', process.env))
  if (!interrupted) {
    results.push(
      await runVitest('api (PGlite)', 'api', envWithout('DATABASE_URL', 'CLOCK_TEST_PG_ADMIN_URL'),
        'env -u DATABASE_URL -u CLOCK_TEST_PG_ADMIN_URL ',
      ),
    )
  }
  if (!interrupted) results.push(await runPostgresSuite())
  if (!interrupted) results.push(await runE2eSuite())

  printSummary(seconds(started))
  rmSync(reportFolder, { recursive: true, force: true })
  return exitCode()
}

process.exitCode = await main()
