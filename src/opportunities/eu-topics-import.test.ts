import { describe, expect, it } from 'vitest'
import { formatEuTopicReport, parseEuTopic, readJsonLines } from './eu-topics-import.js'

const record = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  reference: '1TOPICSen',
  topicId: 'HORIZON-CL4-2027-01-01',
  title: 'Smart photonicsâ€™ integration',
  programme: 'Horizon Europe',
  cluster: 'CL4',
  callIdentifier: 'HORIZON-CL4-2027-01',
  callTitle: 'Digital and industry',
  actionType: 'RIA',
  typesOfAction: 'HORIZON Research and Innovation Actions',
  deadline: '2027-03-04',
  deadlineModel: 'single-stage',
  callStatus: 'forthcoming',
  budgetMin: 3000000,
  budgetMax: 4500000.5,
  expectedGrants: 3,
  keywords: 'HORIZON-CL4-2027-01-01, HORIZON-CL4-2027-01, Photonics, Lasers, photonics',
  description: 'Expected outcome:\u0009 photonic chips â€“ for Europe.',
  portalUrl: 'https://example.test/topic',
  ...overrides,
})

describe('parseEuTopic', () => {
  it('maps a record, repairing the text, turning euro into cents and keeping only the real keywords', () => {
    const parsed = parseEuTopic(record())
    expect(parsed).toEqual({
      ok: true,
      topic: {
        identifier: 'HORIZON-CL4-2027-01-01',
        title: 'Smart photonics’ integration',
        programme: 'Horizon Europe',
        programmePart: 'CL4',
        callIdentifier: 'HORIZON-CL4-2027-01',
        callTitle: 'Digital and industry',
        actionType: 'RIA',
        typesOfAction: 'HORIZON Research and Innovation Actions',
        status: 'forthcoming',
        opensOn: null,
        deadline: '2027-03-04',
        deadlineModel: 'single-stage',
        budgetMinCents: 300_000_000,
        budgetMaxCents: 450_000_050,
        expectedGrants: 3,
        keywords: ['Photonics', 'Lasers'],
        description: 'Expected outcome: photonic chips – for Europe.',
        portalUrl: 'https://example.test/topic',
      },
    })
  })

  it('accepts missing budgets, deadline and links as unknown', () => {
    const parsed = parseEuTopic(record({ budgetMin: null, budgetMax: null, expectedGrants: null, deadline: '', portalUrl: 'javascript:alert(1)' }))
    expect(parsed.ok && parsed.topic).toMatchObject({ budgetMinCents: null, budgetMaxCents: null, expectedGrants: null, deadline: null, portalUrl: null })
  })

  it.each([
    ['a non-object', 42, 'not a JSON object'],
    ['no topicId', record({ topicId: '' }), 'missing topicId'],
    ['a topicId with spaces', record({ topicId: 'A B' }), 'invalid topicId (letters, digits, - . _ / only)'],
    ['no title', record({ title: '   ' }), 'missing title'],
    ['no programme', record({ programme: null }), 'missing programme'],
    ['an unknown status', record({ callStatus: 'archived' }), 'unknown callStatus "archived"'],
    ['no status', record({ callStatus: undefined }), 'missing callStatus'],
    ['an impossible date', record({ deadline: '2027-02-30' }), 'invalid deadline (not a YYYY-MM-DD date)'],
    ['a date in another format', record({ deadline: '04/03/2027' }), 'invalid deadline (not a YYYY-MM-DD date)'],
    ['a negative budget', record({ budgetMax: -1 }), 'invalid budgetMax (not an amount in EUR)'],
    ['a budget as text', record({ budgetMin: '3 M€' }), 'invalid budgetMin (not an amount in EUR)'],
    ['a minimum above the maximum', record({ budgetMin: 5, budgetMax: 4 }), 'budgetMin above budgetMax'],
    ['a fractional number of grants', record({ expectedGrants: 2.5 }), 'invalid expectedGrants (not a whole number)'],
  ])('rejects %s with a reason', (_case, raw, reason) => {
    expect(parseEuTopic(raw)).toEqual({ ok: false, reason })
  })
})

describe('reading the file', () => {
  it('numbers the lines, skips blank ones and reports broken JSON', () => {
    expect(readJsonLines('\uFEFF{"a":1}\n\n{broken\r\n{"b":2}\n')).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 3, error: 'not valid JSON' },
      { line: 4, record: { b: 2 } },
    ])
  })
})

describe('the report', () => {
  it('gives the counts and, for each reason, its lines', () => {
    const text = formatEuTopicReport({
      linesRead: 12,
      created: 3,
      updated: 1,
      unchanged: 1,
      rejected: 7,
      rejections: [
        { reason: 'missing title', count: 6, exampleLines: [2, 3, 4, 5, 6] },
        { reason: 'not valid JSON', count: 1, exampleLines: [9] },
      ],
      durationMs: 1234,
    })
    expect(text.split('\n')).toEqual([
      'lines read: 12',
      'created:    3',
      'updated:    1',
      'unchanged:  1',
      'rejected:   7',
      '  6 × missing title (e.g. lines 2, 3, 4, 5, 6)',
      '  1 × not valid JSON (line 9)',
      'time:       1.2 s',
    ])
  })
})
