// Starts Payload on a throwaway database: a SQLite file, or a fresh PostgreSQL database when
// TEST_DB=postgres (POSTGRES_TEST_URL points at a server where we may create databases).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export type TestDb = 'sqlite' | 'postgres' | 'mongodb'

export const testDb = (): TestDb => (process.env.TEST_DB as TestDb | undefined) ?? 'sqlite'

export type Started = {
  payload: Payload
  dir: string
  databaseUrl: string
  stop: () => Promise<void>
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.POSTGRES_TEST_URL
  if (!admin)
    throw new Error(
      'TEST_DB=postgres needs POSTGRES_TEST_URL, e.g. postgres://jiyue:jiyue@127.0.0.1:5432/postgres',
    )
  const { default: pg } = await import('pg')
  const name = `jiyue_test_${crypto.randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** Sets the environment, then imports the config (it reads DATABASE_URL when imported). */
export async function startPayload(): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-test-'))
  let databaseUrl: string
  let drop = async () => {}
  const kind = testDb()
  if (kind === 'postgres') {
    const db = await postgresDatabase()
    databaseUrl = db.url
    drop = db.drop
  } else if (kind === 'mongodb') {
    const base = process.env.MONGODB_TEST_URL
    if (!base) throw new Error('TEST_DB=mongodb needs MONGODB_TEST_URL (a replica set)')
    const url = new URL(base)
    url.pathname = `/jiyue_test_${crypto.randomBytes(6).toString('hex')}`
    databaseUrl = url.toString()
  } else {
    databaseUrl = `file:${path.join(dir, 'test.db')}`
  }
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    SEED: '0',
    // Tests start from an empty work calendar unless they ask for the platform data.
    PLATFORM_DATA: process.env.PLATFORM_DATA ?? '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  return {
    payload,
    dir,
    databaseUrl,
    stop: async () => {
      // Idle PostgreSQL connections are ended by DROP DATABASE … WITH (FORCE): expected here.
      ;(payload.db as { pool?: { on: (e: string, f: () => void) => void } }).pool?.on(
        'error',
        () => {},
      )
      // Audit events queued by the last changes are stored before the database goes.
      const { auditSettled } = await import('../../src/services/audit')
      await auditSettled()
      const { closeSearchStore } = await import('../../src/services/search-store')
      await closeSearchStore(payload)
      await payload.destroy?.()
      await drop().catch(() => {})
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
