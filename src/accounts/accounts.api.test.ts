import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cookieHeader, createTestContext, createUser, signInAs, type TestContext } from '../platform/testing.js'

let ctx: TestContext

beforeAll(async () => {
  ctx = await createTestContext({ demo: false })
})
afterAll(async () => ctx.close())

const json = { 'content-type': 'application/json' }

describe('sign-up, sign-in and sign-out', () => {
  it('signs up, answers /me with the new user, and sets a secure, http-only session cookie', async () => {
    const signUp = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'Nuova.Utente@Example.it', password: 'una password lunga', fullName: 'Nuova Utente', locale: 'it' },
    })
    expect(signUp.statusCode).toBe(201)
    const session = signUp.cookies.find((cookie) => cookie.name === 'clock_session')
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieHeader(signUp) } })
    expect(me.json().user).toMatchObject({ email: 'nuova.utente@example.it', fullName: 'Nuova Utente', roles: [] })
  })

  it('refuses a second account with the same e-mail in any case', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'NUOVA.utente@example.it', password: 'altra password lunga', fullName: 'Copia' },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toMatchObject({ code: 'email_taken', field: 'email' })
  })

  it('refuses a short password, naming the field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'accept-language': 'en' },
      payload: { email: 'short@example.it', password: 'short', fullName: 'Short' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      field: 'password',
      message: 'Field “password”: is too short (at least 10 characters)',
    })
  })

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const user = await createUser(ctx.db)
    const wrongPassword = await ctx.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: user.email, password: 'wrong password!' } })
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: 'nobody@example.it', password: 'wrong password!' } })
    expect(wrongPassword.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrongPassword.json()).toEqual(unknown.json())
    expect(wrongPassword.cookies).toHaveLength(0)
  })

  it('slows down password guessing on one account', async () => {
    const user = await createUser(ctx.db)
    const attempt = () => ctx.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: user.email, password: 'guess guess guess' } })
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401)
    const blocked = await attempt()
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.code).toBe('rate_limited')
    const right = await ctx.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: user.email, password: user.password } })
    expect(right.statusCode).toBe(429)
  })

  it('ends the session on sign-out', async () => {
    const user = await createUser(ctx.db)
    const cookie = await signInAs(ctx.app, user)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user.email).toBe(user.email)
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/signout', headers: { cookie } })).statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user).toBeNull()
  })

  it('ignores a forged session cookie', async () => {
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'clock_session=forged-token' } })
    expect(me.json().user).toBeNull()
  })

  it('updates the profile language', async () => {
    const user = await createUser(ctx.db)
    const cookie = await signInAs(ctx.app, user)
    const response = await ctx.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie }, payload: { locale: 'en' } })
    expect(response.json().user.locale).toBe('en')
  })
})

describe('password reset by token', () => {
  it('mails a one-time link that sets a new password and closes old sessions', async () => {
    const user = await createUser(ctx.db)
    const oldSession = await signInAs(ctx.app, user)
    const request = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } })
    expect(request.statusCode).toBe(202)
    const mail = await ctx.db.selectFrom('outbox').selectAll().where('to_email', '=', user.email).executeTakeFirstOrThrow()
    const token = /token=([\w-]+)/.exec(mail.body)?.[1]
    expect(token).toBeTruthy()
    expect(mail.body).toContain('http://clock.test/reset-password?token=')

    const stored = await ctx.db.selectFrom('password_resets').select('token_hash').where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toBe(token)

    const confirm = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a brand new password' },
    })
    expect(confirm.statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: oldSession } })).json().user).toBeNull()
    const oldPassword = await ctx.app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email: user.email, password: user.password } })
    expect(oldPassword.statusCode).toBe(401)
    await signInAs(ctx.app, { email: user.email, password: 'a brand new password' })

    const reuse = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'yet another password' } })
    expect(reuse.statusCode).toBe(400)
    expect(reuse.json().error.code).toBe('token_invalid')
  })

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = await ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'ghost@example.it' } })
    expect(response.statusCode).toBe(202)
    const after = await ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('roles', () => {
  it('lets a platform admin grant roles and district management, and nobody else', async () => {
    const admin = await createUser(ctx.db, { roles: ['platform_admin'] })
    const officer = await createUser(ctx.db, { roles: ['ma_officer'] })
    const target = await createUser(ctx.db)
    const cluster = await ctx.db.selectFrom('clusters').select('id').where('slug', '=', 'tuscany-railway').executeTakeFirstOrThrow()
    const body = { roles: ['evaluator'], managedClusterIds: [cluster.id] }

    const refused = await ctx.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target.id}/roles`,
      headers: { cookie: await signInAs(ctx.app, officer), ...json },
      payload: body,
    })
    expect(refused.statusCode).toBe(403)
    const anonymous = await ctx.app.inject({ method: 'PUT', url: `/api/admin/users/${target.id}/roles`, payload: body })
    expect(anonymous.statusCode).toBe(401)

    const granted = await ctx.app.inject({
      method: 'PUT',
      url: `/api/admin/users/${target.id}/roles`,
      headers: { cookie: await signInAs(ctx.app, admin) },
      payload: body,
    })
    expect(granted.statusCode).toBe(200)
    expect(granted.json().user).toMatchObject({ roles: ['evaluator'], managedClusters: [{ slug: 'tuscany-railway' }] })
    const listed = await ctx.app.inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent(target.email)}`, headers: { cookie: await signInAs(ctx.app, admin) } })
    expect(listed.json().items).toEqual([
      { id: target.id, email: target.email, fullName: expect.any(String), roles: ['evaluator'], managedClusters: [{ id: cluster.id, slug: 'tuscany-railway' }] },
    ])
  })

  it('lets an MA officer list users but a plain user not', async () => {
    const officer = await createUser(ctx.db, { roles: ['ma_officer'] })
    const plain = await createUser(ctx.db)
    const list = await ctx.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: await signInAs(ctx.app, officer) } })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.length).toBeGreaterThan(2)
    const refused = await ctx.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: await signInAs(ctx.app, plain) } })
    expect(refused.statusCode).toBe(403)
  })
})

describe('errors in the user’s language', () => {
  it('answers in Italian by default, in English when the browser asks, and follows the language cookie', async () => {
    const italian = await ctx.app.inject({ method: 'GET', url: '/api/admin/users' })
    expect(italian.json().error).toEqual({ code: 'unauthenticated', message: 'Devi accedere per continuare.' })
    const english = await ctx.app.inject({ method: 'GET', url: '/api/admin/users', headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect(english.json().error.message).toBe('Please sign in to continue.')
    const cookie = await ctx.app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { 'accept-language': 'en', cookie: 'clock_lang=it' },
    })
    expect(cookie.json().error.message).toBe('Devi accedere per continuare.')
  })
})
