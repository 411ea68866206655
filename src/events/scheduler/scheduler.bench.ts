// `npm run bench:scheduler [-- --instance FILE] [--out FILE]`: the meeting engine against a first-fit greedy on a
// generated 1,000-participant brokerage event (or on an instance file). Target: engine ≥ 0.99 of the bound in < 10 s.
import { readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { benchShape, generateEvent } from './generate.js'
import { checkSchedule, countIdleGaps, firstFitSchedule, parseScheduleInstance, scheduleMeetings, ScheduleInputError } from './index.js'
import type { ScheduleInput, ScheduleResult } from './types.js'

const seed = 20_251_104

function readInstance(file: string): ScheduleInput {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return exitInvalid(`cannot read ${file}: ${(error as Error).message}`)
  }
  try {
    return parseScheduleInstance(json)
  } catch (error) {
    return exitInvalid(`${file}: ${(error as Error).message}`)
  }
}

function exitInvalid(message: string): never {
  console.error(message)
  process.exit(2)
}

function describe(name: string, input: ScheduleInput, result: ScheduleResult, seconds: number): void {
  const violations = checkSchedule(input, result.meetings)
  const { perPerson } = countIdleGaps(input, result.meetings)
  const { meetings, upperBound } = result.stats
  console.log(
    `${name.padEnd(8)} meetings=${meetings} ratio=${(meetings / Math.max(1, upperBound.value)).toFixed(4)} ` +
      `idle_gaps_per_person=${perPerson.toFixed(3)} time_s=${seconds.toFixed(2)} algorithm=${result.stats.algorithm} ` +
      `violations=${violations.length} unscheduled=${result.unscheduled.length}`,
  )
  for (const v of violations.slice(0, 5)) console.log(`  violation: ${v.kind}: ${v.message}`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instance: { type: 'string' }, out: { type: 'string' } } })
  const input = values.instance ? readInstance(values.instance) : generateEvent(seed, benchShape)
  console.log(
    values.instance
      ? `instance ${values.instance}`
      : `generated event seed=${seed}: ${benchShape.participants} participants, ${benchShape.requests} requests, sessions ${benchShape.sessions.join('+')}, ${benchShape.tables} tables`,
  )
  console.log(`participants=${input.participants.length} requests=${input.requests.length} slots=${input.slots} tables=${input.tables}`)

  let engine: ScheduleResult
  let greedy: ScheduleResult
  const engineStart = performance.now()
  try {
    engine = await scheduleMeetings(input)
  } catch (error) {
    if (error instanceof ScheduleInputError) exitInvalid(`invalid instance: ${error.message}`)
    throw error
  }
  const engineSeconds = (performance.now() - engineStart) / 1000
  const greedyStart = performance.now()
  greedy = firstFitSchedule(input)
  const greedySeconds = (performance.now() - greedyStart) / 1000

  const bound = engine.stats.upperBound
  console.log(`bound    ${bound.value} (${bound.method})`)
  describe('engine', input, engine, engineSeconds)
  describe('greedy', input, greedy, greedySeconds)
  if (values.out) {
    writeFileSync(values.out, `${JSON.stringify(engine.meetings.map(({ a, b, slot, table }) => ({ a, b, slot, table })), null, 1)}\n`)
    console.log(`schedule written to ${values.out}`)
  }
  console.log(`scheduled engine=${engine.stats.meetings} greedy=${greedy.stats.meetings} bound=${bound.value} time_s=${engineSeconds.toFixed(2)}`)
}

await main()
