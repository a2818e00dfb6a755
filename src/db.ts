// The database adapter, chosen from DATABASE_URL. Everything else uses Payload's neutral APIs.
import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import pg from 'pg'

import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'
import { logger } from './logger'

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(
    `DATABASE_URL 无法识别：应以 file:、postgres:// 或 mongodb:// 开头（收到 “${url.split(':')[0]}:…”）`,
  )
}

export function databaseAdapter(url: string): DatabaseAdapterObj {
  const kind = databaseKind(url)
  if (kind === 'sqlite') {
    const file = url.slice('file:'.length)
    if (file && !file.startsWith(':memory:'))
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    return sqliteAdapter({
      client: { url },
      migrationDir: path.resolve('src/migrations/sqlite'),
      // Development pushes the schema; production applies these migrations when it starts.
      prodMigrations: sqliteMigrations,
    })
  }
  if (kind === 'postgres') {
    return postgresAdapter({
      pg: resilientPg,
      // A connection attempt to an address that drops packets would otherwise wait forever.
      // pg-pool also counts the wait for a free connection against this, and a burst of
      // signings queues behind the number counter's row lock: 30 s, not less. (A refused
      // connection — the usual outage — fails at once whatever this is.)
      pool: { connectionString: url, max: 20, connectionTimeoutMillis: 30_000 },
      migrationDir: path.resolve('src/migrations/postgres'),
      prodMigrations: postgresMigrations,
    })
  }
  // Fail within seconds with a clear message when no server answers, rather than after 30 s.
  return mongooseAdapter({ url, connectOptions: { serverSelectionTimeoutMS: 5000 } })
}

/**
 * pg with a Pool that cannot take the process down. pg emits 'error' on the pool when an idle
 * connection dies, and on a checked-out client between queries (inside a transaction, or the
 * one Payload's adapter keeps for itself); an 'error' event nobody listens to ends Node. A
 * database restart (`pg_ctl stop -m fast`, 57P01) does exactly that to every connection. The
 * pool drops dead clients by itself and opens new ones on the next query, so logging is all
 * that is left to do.
 */
class ResilientPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super(options)
    let last = 0
    const report = (err: Error & { code?: string }) => {
      // One line per burst: a restart kills every connection of the pool at once.
      const now = Date.now()
      if (now - last < 5000) return
      last = now
      logger.warn({ code: err.code, message: err.message }, '数据库连接中断，连接池将在恢复后重连')
    }
    this.on('error', report)
    this.on('connect', (client) => client.on('error', report))
  }
}

// Typed as the adapter's own copy of @types/pg (a nested, slightly different version).
const resilientPg: Parameters<typeof postgresAdapter>[0]['pg'] = Object.create(pg, {
  Pool: { value: ResilientPool },
})
