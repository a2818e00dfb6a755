// The database adapter, chosen from DATABASE_URL. Everything else uses Payload's neutral APIs.
import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'

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
      pool: { connectionString: url, max: 20 },
      migrationDir: path.resolve('src/migrations/postgres'),
      prodMigrations: postgresMigrations,
    })
  }
  // Fail within seconds with a clear message when no server answers, rather than after 30 s.
  return mongooseAdapter({ url, connectOptions: { serverSelectionTimeoutMS: 5000 } })
}
