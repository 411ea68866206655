import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from './testing.js'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
})
afterAll(async () => ctx.close())

describe('the HTTP shell', () => {
  it('publishes an OpenAPI document with every domain’s routes', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(response.statusCode).toBe(200)
    const paths = Object.keys(response.json().paths)
    for (const path of ['/api/organisations', '/api/organisations/{id}', '/api/clusters/{slug}', '/api/taxonomy', '/api/auth/signin']) {
      expect(paths).toContain(path)
    }
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs' })
    expect([200, 302]).toContain(page.statusCode)
  })

  it('answers an unknown API path with a translated 404', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'accept-language': 'en' } })
    expect(response.statusCode).toBe(404)
    expect(response.json().error).toEqual({ code: 'not_found', message: 'Not found (resource).' })
  })

  it('sends protective headers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('DENY')
  })

  it('never echoes a session token or password in an error', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { cookie: 'clock_session=secret-token-value' },
      payload: { email: 'someone@example.it', password: 'my secret password', extra: 1 },
    })
    expect(response.statusCode).toBe(400)
    expect(response.body).not.toContain('my secret password')
    expect(response.body).not.toContain('secret-token-value')
  })
})
