import { sql } from 'kysely'
import { hashPassword } from '../accounts/password.js'
import { password as passwordSchema } from '../accounts/accounts.schema.js'
import { audit } from '../platform/audit.js'
import { emailAddress, requiredText } from '../platform/validation.js'
import { requiredOption, UsageError, withDatabase, type Command } from './shared.js'

export const createAdminCommand: Command = {
  name: 'create-admin',
  summary: 'create a platform administrator, or grant the role to an existing user',
  usage: 'clock create-admin --email E --name N\n  The password comes from CLOCK_ADMIN_PASSWORD or, in a terminal, from a prompt.',
  options: { email: { type: 'string' }, name: { type: 'string' } },
  run: async (args) => {
    const email = emailAddress.safeParse(requiredOption(args, 'email'))
    if (!email.success) throw new UsageError('--email is not a valid e-mail address')
    const name = requiredText(120).safeParse(requiredOption(args, 'name'))
    if (!name.success) throw new UsageError('--name must be 1 to 120 characters of plain text')

    await withDatabase(async ({ db }) => {
      const existing = await db
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email.data)
        .executeTakeFirst()
      if (existing) {
        const granted = await db
          .insertInto('user_roles')
          .values({ user_id: existing.id, role: 'platform_admin' })
          .onConflict((conflict) => conflict.doNothing())
          .returning('user_id')
          .execute()
        if (granted.length > 0) await audit(db, null, 'user.roles', 'user', existing.id, { granted: 'platform_admin', by: 'cli' })
        console.log(
          granted.length > 0
            ? `${email.data} already exists: granted platform_admin (password and name unchanged).`
            : `${email.data} already exists and is already a platform_admin: nothing changed.`,
        )
        return
      }
      const password = await readPassword()
      const checked = passwordSchema.safeParse(password)
      if (!checked.success) throw new Error('the password must be 10 to 200 characters long')
      const passwordHash = await hashPassword(checked.data)
      await db.transaction().execute(async (trx) => {
        const user = await trx
          .insertInto('users')
          .values({ email: email.data, password_hash: passwordHash, full_name: name.data, locale: 'it' })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx.insertInto('user_roles').values({ user_id: user.id, role: 'platform_admin' }).execute()
        await audit(trx, null, 'user.create_admin', 'user', user.id, { by: 'cli' })
      })
      console.log(`Created ${email.data} (${name.data}) with the platform_admin role.`)
    })
  },
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CLOCK_ADMIN_PASSWORD
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) {
    throw new Error('no password: set CLOCK_ADMIN_PASSWORD, or run the command in a terminal to be asked for it')
  }
  const first = await promptHidden('Password (10+ characters): ')
  const second = await promptHidden('Repeat the password: ')
  if (first !== second) throw new Error('the two passwords differ')
  return first
}

/** Reads one line from the terminal in raw mode, so the typed characters are never echoed. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin
  process.stderr.write(question)
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const finish = (error?: Error): void => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003' || char === '\u0004') return finish(new Error('cancelled'))
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else if (char >= ' ') typed += char
      }
    }
    input.on('data', onData)
  })
}
