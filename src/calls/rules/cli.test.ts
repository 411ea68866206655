import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runEligibility } from '../../cli/eligibility.js'
import { formatGrantJson, runGrant } from '../../cli/grant.js'

// The two commands end to end on real files: arguments, reading, validation, output and exit codes.

let folder = ''
const path = (name: string): string => join(folder, name)

const call = {
  lines: [
    { code: 'A', budget: 35_000_000, membersOnly: true },
    { code: 'B', budget: 15_000_000, nonMembersMustCommit: true },
  ],
  rules: { trlStartMin: 4, trlEndMin: 7, minPartners: 2, researchOrganisationIntensity: 0.8 },
}
const proposal = {
  line: 'B',
  trlStart: 4,
  trlEnd: 7,
  partners: [
    { name: 'Alfa Srl', type: 'sme', size: 'small', country: 'IT', member: false, commitsToJoin: true, costs: { industrialResearch: 1000.01, experimentalDevelopment: 500 } },
    { name: 'Università', type: 'university', country: 'IT', member: true, costs: { industrialResearch: 200, experimentalDevelopment: 0 } },
  ],
}

async function run(
  command: typeof runEligibility,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await command(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) })
  return { code, stdout, stderr }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'clock-rules-'))
  await writeFile(path('call.json'), JSON.stringify(call))
  await writeFile(path('proposal.json'), JSON.stringify(proposal))
  await writeFile(path('line-a.json'), JSON.stringify({ ...proposal, line: 'A' }))
  await writeFile(path('broken.json'), '{"line": ')
  await writeFile(path('wrong.json'), JSON.stringify({ ...proposal, trlEnd: '7', extra: true }))
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe('clock eligibility', () => {
  it('prints the checks in English and exits 0 when eligible', async () => {
    const result = await run(runEligibility, ['--call', path('call.json'), '--proposal', path('proposal.json')])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const printed = JSON.parse(result.stdout) as { eligible: boolean; checks: { rule: string; passed: boolean; message: string }[] }
    expect(printed.eligible).toBe(true)
    expect(printed.checks.map((check) => check.rule)).toEqual(['line.exists', 'trl.start', 'trl.end', 'partners.min', 'line.nonMembersCommit', 'costs.eligibleOnly'])
    expect(printed.checks[2]).toEqual({ rule: 'trl.end', passed: true, message: 'TRL at the end must be at least 7; it is 7' })
  })

  it('exits 1 when not eligible, with messages in Italian on request', async () => {
    const result = await run(runEligibility, ['--call', path('call.json'), '--proposal', path('line-a.json'), '--lang', 'it'])
    expect(result.code).toBe(1)
    const printed = JSON.parse(result.stdout) as { eligible: boolean; checks: { rule: string; passed: boolean; message: string }[] }
    expect(printed.eligible).toBe(false)
    expect(printed.checks.find((check) => !check.passed)).toEqual({
      rule: 'line.membersOnly',
      passed: false,
      message: 'La linea A è riservata ai soci; non sono soci: Alfa Srl',
    })
  })

  it('exits 2 naming the file and the path of each problem', async () => {
    const result = await run(runEligibility, ['--call', path('call.json'), '--proposal', path('wrong.json')])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `clock eligibility: ${path('wrong.json')}: trlEnd: must be number, not the string "7"\n` +
        `clock eligibility: ${path('wrong.json')}: extra: unknown key\n`,
    )
  })

  it('exits 2 on unreadable or malformed files', async () => {
    const missing = await run(runEligibility, ['--call', path('nowhere.json'), '--proposal', path('proposal.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`${path('nowhere.json')}: cannot read it (no such file)`)
    const broken = await run(runEligibility, ['--call', path('call.json'), '--proposal', path('broken.json')])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain(`${path('broken.json')}: not valid JSON`)
  })

  it('exits 2 on bad arguments, 0 on --help', async () => {
    for (const argv of [
      ['--proposal', path('proposal.json')],
      ['--call', path('call.json')],
      ['--call', path('call.json'), '--proposal', path('proposal.json'), '--lang', 'fr'],
      ['--call', path('call.json'), '--proposal', path('proposal.json'), '--verbose'],
      ['--call', path('call.json'), '--proposal', path('proposal.json'), 'extra'],
    ]) {
      const result = await run(runEligibility, argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr, argv.join(' ')).toContain('clock eligibility --call CALL.json --proposal PROPOSAL.json')
    }
    const help = await run(runEligibility, ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Exit code: 0 eligible, 1 not eligible, 2 bad arguments or files')
  })
})

describe('clock grant', () => {
  it('prints intensities as fractions and EUR with two decimals, using the call for research organisations', async () => {
    const result = await run(runGrant, ['--proposal', path('proposal.json'), '--call', path('call.json')])
    expect(result.code).toBe(0)
    // Alfa: small, collaborating with a university bearing 200 / 1700.01 > 10 %: 80 % and 60 %.
    // 1000.01 × 80 % = 800.008 → 800.00; 500 × 60 % = 300.00. Università: 200 × 80 % = 160.00.
    expect(result.stdout).toBe(`{
  "partners": [
    {
      "name": "Alfa Srl",
      "intensity": {
        "industrialResearch": 0.8,
        "experimentalDevelopment": 0.6
      },
      "grant": 1100.00
    },
    {
      "name": "Università",
      "intensity": {
        "industrialResearch": 0.8,
        "experimentalDevelopment": 0.8
      },
      "grant": 160.00
    }
  ],
  "total": 1260.00
}
`)
  })

  it('funds research organisations at 100 % without a call', async () => {
    const result = await run(runGrant, ['--proposal', path('proposal.json')])
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout) as { partners: { grant: number }[]; total: number }
    expect(printed.partners[1]?.grant).toBe(200)
    expect(printed.total).toBe(1300)
  })

  it('exits 2 on bad arguments and bad files', async () => {
    expect((await run(runGrant, [])).code).toBe(2)
    expect((await run(runGrant, ['--proposal', path('proposal.json'), '--lang', 'de'])).code).toBe(2)
    const wrong = await run(runGrant, ['--proposal', path('proposal.json'), '--call', path('proposal.json')])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain(`${path('proposal.json')}: lines: is required (array)`)
    expect((await run(runGrant, ['--proposal', path('proposal.json'), '--lang', 'it'])).code).toBe(0)
  })

  it('keeps names intact, even ones that look like amounts', () => {
    const text = formatGrantJson({
      collaboration: [],
      partners: [{ name: '\\u0000EUR:5 "quoted"', researchOrganisation: false, intensity: { industrialResearch: 5000, experimentalDevelopment: 2500 }, grants: { industrialResearch: 5, experimentalDevelopment: 0 }, grant: 5 }],
      total: 5,
    })
    expect(JSON.parse(text)).toEqual({
      partners: [{ name: '\\u0000EUR:5 "quoted"', intensity: { industrialResearch: 0.5, experimentalDevelopment: 0.25 }, grant: 0.05 }],
      total: 0.05,
    })
    expect(text).toContain('"total": 0.05')
  })
})
