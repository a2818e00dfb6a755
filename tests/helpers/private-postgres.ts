// A PostgreSQL cluster of one test's own, so the test may stop and start it without touching
// the shared server other tests use. Runs as the `postgres` user: initdb refuses root.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The newest installed PostgreSQL's bin folder, or null when none is installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql'
  if (!fs.existsSync(root)) return null
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(root, versions[0], 'bin') : null
}

export type PrivatePostgres = {
  /** postgres://… of the cluster's `postgres` database, password-less over loopback. */
  url: string
  port: number
  /** `pg_ctl stop -m fast`: what an operator's restart does to connected clients. */
  stop: () => Promise<void>
  start: () => Promise<void>
  /** Stops the cluster (if running) and removes its files. */
  destroy: () => Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })

/** Runs a PostgreSQL program as the `postgres` user (as is when not root). */
async function asPostgres(bin: string, program: string, args: string[]): Promise<string> {
  const file = path.join(bin, program)
  const root = process.getuid?.() === 0
  const { stdout } = await run(
    root ? 'runuser' : file,
    root ? ['-u', 'postgres', '--', file, ...args] : args,
    { timeout: 60_000 },
  )
  return stdout
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-pg-'))
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'server.log')
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  await asPostgres(bin, 'initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-locale',
  ])
  const port = await freePort()
  // Sockets in the cluster's own folder; no fsync: a test cluster need not survive a crash.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  let running = false
  const start = async () => {
    if (running) return
    await asPostgres(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start'])
    running = true
  }
  const stop = async () => {
    if (!running) return
    await asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
    running = false
  }
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      if (running) await stop().catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
