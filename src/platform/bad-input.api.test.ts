import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { anyOrganisationId, createTestContext, createUser, databaseFingerprint, signInAs, type TestContext } from './testing.js'

// Bad input gets a clear 4xx with a machine code and a human message, and changes nothing.

let ctx: TestContext
let organisationId: string
let otherOrganisationId: string
let adminCookie: string
let before: Record<string, string>

const textFields = ['legalName', 'shortName', 'street', 'city', 'descriptionIt', 'descriptionEn'] as const
const sqlInjection = "x'); DROP TABLE organisations; --"
const htmlInjection = '<script>alert("pwned")</script>'

beforeAll(async () => {
  ctx = await createTestContext()
  organisationId = await anyOrganisationId(ctx.db, 0)
  otherOrganisationId = await anyOrganisationId(ctx.db, 1)
  adminCookie = await signInAs(ctx.app, await createUser(ctx.db, { organisations: [{ id: organisationId, role: 'admin' }] }))
})
afterAll(async () => ctx.close())
beforeEach(async () => {
  before = await databaseFingerprint(ctx.db)
})

async function patchOwn(payload: unknown, headers: Record<string, string> = {}): Promise<{ status: number; error: { code: string; message: string; field?: string } }> {
  const response = await ctx.app.inject({
    method: 'PATCH',
    url: `/api/organisations/${organisationId}`,
    headers: { cookie: adminCookie, 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })
  return { status: response.statusCode, error: response.json().error }
}

async function expectUnchanged(): Promise<void> {
  expect(await databaseFingerprint(ctx.db)).toEqual(before)
}

describe('malformed requests', () => {
  it('refuses malformed JSON', async () => {
    const result = await patchOwn('{"legalName": "Acme",')
    expect(result.status).toBe(400)
    expect(result.error.code).toBe('malformed_json')
    expect(result.error.message).toBeTruthy()
    await expectUnchanged()
  })

  it('refuses a body that is not JSON', async () => {
    const result = await patchOwn('legalName=Acme', { 'content-type': 'text/plain' })
    expect(result.status).toBe(415)
    expect(result.error.code).toBe('unsupported_media_type')
    await expectUnchanged()
  })

  it('refuses an oversize body', async () => {
    const result = await patchOwn({ descriptionIt: 'a'.repeat(400_000) })
    expect(result.status).toBe(413)
    expect(result.error.code).toBe('payload_too_large')
    await expectUnchanged()
  })

  it('refuses a malformed id in the path', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: "/api/organisations/1' OR '1'='1" })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'id' })
  })
})

describe('invalid fields, each named', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['wrong type', { headcount: 'ten' }, 'headcount'],
    ['negative figure', { turnoverCents: -5 }, 'turnoverCents'],
    ['fraction of a cent', { balanceSheetCents: 10.5 }, 'balanceSheetCents'],
    ['oversize name', { legalName: 'x'.repeat(251) }, 'legalName'],
    ['oversize description', { descriptionEn: 'x'.repeat(5001) }, 'descriptionEn'],
    ['empty name', { legalName: '   ' }, 'legalName'],
    ['unknown field', { legalName: 'Acme', isAdmin: true }, 'isAdmin'],
    ['unknown type', { type: 'multinational' }, 'type'],
    ['invalid Italian VAT number', { vatNumber: '12345678901' }, 'vatNumber'],
    ['VAT number with letters', { vatNumber: 'IT0636339100A' }, 'vatNumber'],
    ['invalid fiscal code', { fiscalCode: 'RSSMRA80A01H501X' }, 'fiscalCode'],
    ['unknown province', { provinceCode: 'ZZ' }, 'provinceCode'],
    ['unknown taxonomy code', { competences: ['ICT.01', 'XX.99'] }, 'competences'],
    ['not a web address', { website: 'javascript:alert(1)' }, 'website'],
    ['bad contact e-mail', { contacts: [{ fullName: 'Anna', email: 'not-an-email' }] }, 'contacts.0.email'],
    ['control characters', { city: 'Pisa\u0007' }, 'city'],
    ['SQL in the province code', { provinceCode: sqlInjection }, 'provinceCode'],
    ['SQL in the VAT number', { vatNumber: sqlInjection }, 'vatNumber'],
    ['SQL in a taxonomy code', { competences: [sqlInjection] }, 'competences.0'],
  ]
  for (const [name, payload, field] of cases) {
    it(`refuses ${name}`, async () => {
      const result = await patchOwn(payload)
      expect(result.status).toBe(400)
      expect(result.error.code).toBe('validation_failed')
      expect(result.error.field).toBe(field)
      expect(result.error.message).toMatch(/^Campo «.+»: /)
      await expectUnchanged()
    })
  }

  it('names the field in the user’s language', async () => {
    const withLanguage = (lang: string): string => adminCookie.replace(/clock_lang=\w+/, `clock_lang=${lang}`)
    const italian = await patchOwn({ vatNumber: '12345678901' }, { cookie: withLanguage('it') })
    const english = await patchOwn({ vatNumber: '12345678901' }, { cookie: withLanguage('en') })
    expect(italian.error.message).toBe('Campo «partita IVA»: non è una partita IVA italiana valida')
    expect(english.error.message).toBe('Field “VAT number”: is not a valid Italian VAT number')
    const contact = await patchOwn({ contacts: [{ fullName: 'Anna' }, { fullName: 'Bruno', email: 'bruno' }] }, { cookie: withLanguage('en') })
    expect(contact.error).toMatchObject({ field: 'contacts.1.email', message: 'Field “contact people › 2 › e-mail”: is not in a valid format (email)' })
  })

  it('refuses a whole change when one field of it is bad', async () => {
    const result = await patchOwn({ legalName: 'Nuovo Nome S.r.l.', descriptionIt: 'nuova', vatNumber: '00000000001' })
    expect(result.status).toBe(400)
    await expectUnchanged()
  })
})

describe('injection attempts in every text field', () => {
  for (const field of textFields) {
    it(`refuses HTML markup in ${field}`, async () => {
      const result = await patchOwn({ [field]: htmlInjection })
      expect(result.status).toBe(400)
      expect(result.error).toMatchObject({ code: 'validation_failed', field })
      await expectUnchanged()
    })

    it(`stores SQL-looking text in ${field} as plain text, never as SQL`, async () => {
      const result = await patchOwn({ [field]: sqlInjection })
      expect(result.status).toBe(200)
      const stored = (await ctx.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}` })).json().organisation
      expect(stored[field]).toBe(sqlInjection)
      const count = await ctx.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(400)
    })
  }

  it('treats SQL in a search query as words', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/organisations?q=${encodeURIComponent(sqlInjection)}` })
    expect(response.statusCode).toBe(200)
    await expectUnchanged()
  })

  it('refuses markup in sign-up names and cluster descriptions too', async () => {
    const signUp = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'evil@example.it', password: 'long enough password', fullName: '<img src=x onerror=alert(1)>' },
    })
    expect(signUp.statusCode).toBe(400)
    expect(signUp.json().error.field).toBe('fullName')
    await expectUnchanged()
  })
})

describe('permissions', () => {
  it('refuses a member who edits another organisation, and a visitor', async () => {
    const member = await createUser(ctx.db, { organisations: [{ id: organisationId, role: 'member' }] })
    before = await databaseFingerprint(ctx.db)
    const cookie = await signInAs(ctx.app, member)
    const other = await ctx.app.inject({ method: 'PATCH', url: `/api/organisations/${otherOrganisationId}`, headers: { cookie }, payload: { legalName: 'Presa' } })
    expect(other.statusCode).toBe(403)
    expect(other.json().error.code).toBe('forbidden')
    const own = await ctx.app.inject({ method: 'PATCH', url: `/api/organisations/${organisationId}`, headers: { cookie }, payload: { legalName: 'Presa' } })
    expect(own.statusCode).toBe(403)
    const visitor = await ctx.app.inject({ method: 'PATCH', url: `/api/organisations/${organisationId}`, payload: { legalName: 'Presa' } })
    expect(visitor.statusCode).toBe(401)
    const sessionRows = await ctx.db.selectFrom('sessions').select('user_id').execute()
    expect(sessionRows.length).toBeGreaterThan(0)
    await expectUnchanged()
  })

  it('refuses the admin of one organisation who edits another', async () => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${otherOrganisationId}`,
      headers: { cookie: adminCookie },
      payload: { descriptionIt: 'modificata da altri' },
    })
    expect(response.statusCode).toBe(403)
    await expectUnchanged()
  })

  it('answers 404, not 403, for an organisation that does not exist', async () => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/organisations/00000000-0000-4000-8000-000000000000',
      headers: { cookie: adminCookie },
      payload: { legalName: 'Fantasma' },
    })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
  })
})
