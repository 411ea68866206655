import { describe, expect, it } from 'vitest'
import { isKnownCountryCode, parseH2020Row, readH2020Csv, splitUnescapedCsvLine } from './h2020-import.js'

const valid = {
  orgId: '999854661',
  name: 'UNIVERSITY OF PLYMOUTH',
  shortName: 'UOP',
  activityType: 'HES',
  country: 'UK',
  city: 'PLYMOUTH',
  street: 'DRAKE CIRCUS',
  totMoney: '7.66444e+06',
}

describe('parseH2020Row', () => {
  it('maps a CORDIS row, with the EU country code turned into ISO', () => {
    expect(parseH2020Row(valid)).toEqual({
      ok: true,
      organisation: {
        pic: '999854661',
        legalName: 'UNIVERSITY OF PLYMOUTH',
        shortName: 'UOP',
        type: 'university',
        country: 'GB',
        city: 'PLYMOUTH',
        street: 'DRAKE CIRCUS',
      },
    })
    const greek = parseH2020Row({ ...valid, country: 'EL' })
    expect(greek.ok && greek.organisation.country).toBe('GR')
  })

  it('maps every activity type', () => {
    const types = ['PRC', 'REC', 'HES', 'PUB', 'OTH'].map((activityType) => {
      const parsed = parseH2020Row({ ...valid, activityType })
      return parsed.ok ? parsed.organisation.type : parsed.reason
    })
    expect(types).toEqual(['company', 'research_organisation', 'university', 'public_body', 'other'])
  })

  it('keeps empty optional fields as null and puts each address on one line', () => {
    const parsed = parseH2020Row({ ...valid, shortName: '  ', city: '', street: 'THE OLD RECTORY,\nNOCK VERGES ' })
    expect(parsed.ok && parsed.organisation).toMatchObject({ shortName: null, city: null, street: 'THE OLD RECTORY, NOCK VERGES' })
  })

  it('rejects rows with a clear reason', () => {
    expect(parseH2020Row({ ...valid, orgId: '' })).toEqual({ ok: false, reason: 'missing PIC (orgId)' })
    expect(parseH2020Row({ ...valid, orgId: 'false' })).toEqual({ ok: false, reason: 'invalid PIC (orgId is not 9 digits)' })
    expect(parseH2020Row({ ...valid, name: ' ' })).toEqual({ ok: false, reason: 'missing name' })
    expect(parseH2020Row({ ...valid, activityType: 'XYZ' })).toEqual({ ok: false, reason: 'unknown activity type "XYZ"' })
    expect(parseH2020Row({ ...valid, activityType: undefined })).toEqual({ ok: false, reason: 'missing activity type' })
    expect(parseH2020Row({ ...valid, country: 'QQ' })).toEqual({ ok: false, reason: 'invalid country code "QQ"' })
    expect(parseH2020Row({ ...valid, country: 'ITA' })).toEqual({ ok: false, reason: 'invalid country code "ITA"' })
    expect(parseH2020Row({ ...valid, country: '' })).toEqual({ ok: false, reason: 'missing country code' })
  })
})

describe('isKnownCountryCode', () => {
  it('knows assigned ISO codes only', () => {
    expect(['IT', 'GB', 'GR', 'XK', 'US'].every(isKnownCountryCode)).toBe(true)
    expect(['UK', 'EL', 'YU', 'EU', 'QO', 'XX', 'ZZ', 'QQ', 'it', 'I'].some(isKnownCountryCode)).toBe(false)
  })
})

describe('reading the CSV', () => {
  it('splits a line whose inner quotes are not doubled', () => {
    expect(splitUnescapedCsvLine('50,"REC","ASSOCIATION "NATIONAL CENTRE"",26,,"988967963",""\n')).toEqual([
      '50',
      'REC',
      'ASSOCIATION "NATIONAL CENTRE"',
      '26',
      '',
      '988967963',
      '',
    ])
    expect(splitUnescapedCsvLine('a,')).toEqual(['a', ''])
  })

  it('numbers data rows from 1 and repairs rows broken by unescaped quotes', () => {
    const csv = [
      '"orgId","name","activityType","country"',
      '"999854661","UNIVERSITY OF PLYMOUTH","HES","UK"',
      '"988316026","INSTITUTO TUMORI "GIOVANNI PAOLO II"","REC","IT"',
      '"953502047","MIDATECH LTD","PRC","UK"',
      '',
    ].join('\n')
    const records = readH2020Csv(csv)
    expect(records.map((record) => record.row)).toEqual([1, 2, 3])
    expect(records[1]).toEqual({
      row: 2,
      repaired: true,
      record: { orgId: '988316026', name: 'INSTITUTO TUMORI "GIOVANNI PAOLO II"', activityType: 'REC', country: 'IT' },
    })
    expect(records[2]).toMatchObject({ row: 3, repaired: false, record: { name: 'MIDATECH LTD' } })
  })

  it('refuses a file that is not the organisations file', () => {
    expect(() => readH2020Csv('a,b\n1,2\n')).toThrow(/missing column\(s\) orgId, name, activityType, country/)
    expect(() => readH2020Csv('')).toThrow(/empty/)
  })
})
