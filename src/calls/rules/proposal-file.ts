import { z } from 'zod'
import { eurosToCents } from './money.js'
import type { Call, Proposal } from './model.js'

// The two JSON file formats the `clock eligibility` and `clock grant` commands read (see README.md).
// EUR amounts are plain numbers, converted to integer cents; intensities are fractions (0.8 = 80 %),
// converted to integer basis points. Unknown keys and wrong types are errors that name their path.

const MAX_EUROS = 10_000_000_000
const MAX_PARTNERS = 1_000
const controlCharacters = /[\u0000-\u001F\u007F]/

const euros = z.number().min(0).max(MAX_EUROS).transform(eurosToCents)

const text = (max: number): z.ZodType<string> =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !controlCharacters.test(value), 'must not contain control characters')

const trl = z.number().int().min(1).max(9)
const count = z.number().int().min(0).max(MAX_PARTNERS)

// A fraction with at most four decimals, so that it is a whole number of basis points.
const fraction = z
  .number()
  .min(0)
  .max(1)
  .refine((value) => Math.round(value * 10_000) / 10_000 === value, 'must have at most 4 decimals (0.0001 = 0.01 %)')
  .transform((value) => Math.round(value * 10_000))

const smeTypes = new Set(['startup', 'sme'])

const partnerSchema = z
  .strictObject({
    name: text(200),
    type: z.enum(['startup', 'sme', 'large', 'research', 'university', 'other']),
    size: z.enum(['micro', 'small', 'medium', 'large']).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "IT"'),
    member: z.boolean(),
    commitsToJoin: z.boolean().default(false),
    costs: z.strictObject({ industrialResearch: euros, experimentalDevelopment: euros, other: euros.default(0) }),
  })
  .superRefine((partner, context) => {
    const undertaking = partner.type !== 'research' && partner.type !== 'university'
    const problem =
      partner.size === undefined
        ? undertaking
          ? `is required for a partner of type ${partner.type}`
          : undefined
        : smeTypes.has(partner.type) && partner.size === 'large'
          ? `cannot be large for a partner of type ${partner.type}`
          : partner.type === 'large' && partner.size !== 'large'
            ? `must be large for a partner of type large, not ${partner.size}`
            : undefined
    if (problem) context.addIssue({ code: 'custom', path: ['size'], message: problem })
  })

export const proposalFileSchema = z.strictObject({
  line: text(50),
  trlStart: trl,
  trlEnd: trl,
  wideDissemination: z.boolean().default(false),
  partners: z
    .array(partnerSchema)
    .min(1)
    .max(MAX_PARTNERS)
    .superRefine((partners, context) => {
      const seen = new Set<string>()
      partners.forEach((partner, index) => {
        if (seen.has(partner.name)) {
          context.addIssue({ code: 'custom', path: [index, 'name'], message: `"${partner.name}" names two partners` })
        }
        seen.add(partner.name)
      })
    }),
})

export const callFileSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        code: text(50),
        budget: euros,
        membersOnly: z.boolean().default(false),
        nonMembersMustCommit: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(100)
    .superRefine((lines, context) => {
      const seen = new Set<string>()
      lines.forEach((line, index) => {
        if (seen.has(line.code)) context.addIssue({ code: 'custom', path: [index, 'code'], message: `"${line.code}" names two lines` })
        seen.add(line.code)
      })
    }),
  rules: z
    .strictObject({
      trlStartMin: trl.optional(),
      trlEndMin: trl.optional(),
      researchShareMustExceedDevelopment: z.boolean().optional(),
      minPartners: count.optional(),
      minSmes: count.optional(),
      researchOrganisationIntensity: fraction.optional(),
    })
    .default({}),
})

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] }

export function parseProposalFile(input: unknown): ParseResult<Proposal> {
  return parseWith(proposalFileSchema, input)
}

export function parseCallFile(input: unknown): ParseResult<Call> {
  return parseWith(callFileSchema, input)
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  const result = schema.safeParse(input, { error: issueMessage })
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, errors: result.error.issues.flatMap(describeIssue) }
}

function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'an integer' : issue.expected
      if (issue.input === undefined) return `is required (${expected})`
      return `must be ${expected}, not ${describeValue(issue.input)}`
    }
    case 'too_small':
      return issue.origin === 'array'
        ? `must have at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${issue.minimum}, not ${describeValue(issue.input)}`
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at most ${issue.maximum} ${issue.origin === 'array' ? 'item(s)' : 'characters'}`
        : `must be at most ${issue.maximum}, not ${describeValue(issue.input)}`
    default:
      return undefined
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown key`)
  }
  return [`${formatPath(issue.path)}: ${issue.message}`]
}

/** partners[0].costs.other */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)'
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('')
}
