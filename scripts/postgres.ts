import { execFile, execFileSync } from 'node:child_process'
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import pg from 'pg'

export type ThrowawayPostgres = { url: string; stop: () => Promise<void> }

type Binaries = { initdb: string; pgCtl: string }

const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql'

/** Finds initdb and pg_ctl: Debian's versioned folders first (highest version wins), then PATH. */
export function findPostgresBinaries(): Binaries | null {
  if (existsSync(DEBIAN_POSTGRES_ROOT)) {
    const versions = readdirSync(DEBIAN_POSTGRES_ROOT)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    for (const version of versions) {
      const found = binariesIn(join(DEBIAN_POSTGRES_ROOT, version, 'bin'))
      if (found) return found
    }
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const found = binariesIn(dir)
    if (found) return found
  }
  return null
}

function binariesIn(dir: string): Binaries | null {
  const initdb = join(dir, 'initdb')
  const pgCtl = join(dir, 'pg_ctl')
  return existsSync(initdb) && existsSync(pgCtl) ? { initdb, pgCtl } : null
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** initdb refuses to run as root, so as root every PostgreSQL binary runs as the `postgres` system user. */
function command(binary: string, args: string[]): { file: string; args: string[] } {
  return isRoot() ? { file: 'runuser', args: ['-u', 'postgres', '--', binary, ...args] } : { file: binary, args }
}

function run(binary: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  const { file, args: fullArgs } = command(binary, args)
  return new Promise((resolve, reject) => {
    execFile(file, fullArgs, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${file} ${fullArgs.join(' ')} failed: ${error.message}\n${stdout}${stderr}`.trim()))
      } else {
        resolve()
      }
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('could not determine a free port'))
        return
      }
      server.close(() => resolve(address.port))
    })
  })
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('could not resolve the postgres system user')
  return { uid, gid }
}

function logTail(logFile: string): string {
  if (!existsSync(logFile)) return ''
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n')
  return lines.slice(-30).join('\n')
}

/**
 * Starts a PostgreSQL server in a fresh temporary folder, listening on 127.0.0.1 only,
 * tuned for speed over durability. Superuser `postgres`, trust auth. `settings` are extra postgresql.conf lines.
 */
export async function startThrowawayPostgres(settings: readonly string[] = []): Promise<ThrowawayPostgres> {
  const binaries = findPostgresBinaries()
  if (!binaries) throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found; install them with: apt-get install -y postgresql')

  // As root, TMPDIR may point somewhere the postgres user cannot traverse (e.g. under /root).
  const base = isRoot() ? '/tmp' : tmpdir()
  const folder = mkdtempSync(join(base, 'clock-pg-'))
  const dataDir = join(folder, 'data')
  const logFile = join(folder, 'postgres.log')
  if (isRoot()) {
    const { uid, gid } = postgresUserIds()
    chownSync(folder, uid, gid)
  }

  let started = false
  const removeFolder = (): void => {
    try {
      // Retries cover files still being written or removed, e.g. by an initdb interrupted with Ctrl-C.
      rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    } catch (error) {
      console.error(`could not remove ${folder}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  // pg_ctl can time out while the postmaster is in fact up, so stop whenever a pid file exists.
  const serverMayBeRunning = (): boolean => existsSync(join(dataDir, 'postmaster.pid'))
  let stopping: Promise<void> | null = null

  const stopSync = (): void => {
    if (stopping) return
    try {
      if (serverMayBeRunning()) {
        const { file, args } = command(binaries.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'])
        execFileSync(file, args, { cwd: folder, stdio: 'ignore', timeout: 35_000 })
      }
    } catch {
      // Best effort: the process is exiting anyway.
    }
    removeFolder()
  }
  // Safety net so an unexpected exit of the caller does not leave a server running.
  process.on('exit', stopSync)

  const stop = (): Promise<void> => {
    stopping ??= (async (): Promise<void> => {
      process.off('exit', stopSync)
      try {
        if (serverMayBeRunning()) {
          await run(binaries.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], folder, 35_000)
        }
      } catch {
        // Already stopped, or the data folder is gone: nothing left to do but clean up.
      } finally {
        removeFolder()
      }
    })()
    return stopping
  }

  try {
    await run(
      binaries.initdb,
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      folder,
      120_000,
    )

    // Another process may grab the port between probing and binding, so retry with a new one.
    let lastError: unknown = null
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort()
      // Settings go into postgresql.conf rather than `pg_ctl -o`, which passes its value through a shell.
      appendFileSync(
        join(dataDir, 'postgresql.conf'),
        [
          '',
          '# throwaway test server (scripts/postgres.ts)',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${folder}'`,
          'max_connections = 200',
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          ...settings,
          '',
        ].join('\n'),
      )
      try {
        await run(binaries.pgCtl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60'], folder, 90_000)
        started = true
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
      } catch (error) {
        lastError = new Error(`${error instanceof Error ? error.message : String(error)}\n${logTail(logFile)}`.trim())
      }
    }
    throw lastError ?? new Error('PostgreSQL did not start')
  } catch (error) {
    await stop()
    throw error
  }
}

/** Creates an empty database on the server at adminUrl and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`invalid database name ${JSON.stringify(name)}: use lowercase letters, digits and underscores`)
  }
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
