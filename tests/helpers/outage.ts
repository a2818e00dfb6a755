// A database outage inside one test process: Payload's reads and writes fail as a refused
// PostgreSQL connection does, until the returned function restores them. (tests/http/outage.test.ts
// stops a real PostgreSQL server; this is for the forms' own answers.)
import type { Payload } from 'payload'

export function databaseDown(payload: Payload): () => void {
  const p = payload as unknown as Record<string, unknown>
  const db = payload.db as unknown as Record<string, unknown>
  const saved = {
    find: p.find,
    create: p.create,
    dbFind: db.find,
    dbUpdateOne: db.updateOne,
    dbCreate: db.create,
  }
  const down = async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
  }
  Object.assign(p, { find: down, create: down })
  Object.assign(db, { find: down, updateOne: down, create: down })
  return () => {
    Object.assign(p, { find: saved.find, create: saved.create })
    Object.assign(db, { find: saved.dbFind, updateOne: saved.dbUpdateOne, create: saved.dbCreate })
  }
}

/** What `during` gives while the database is down; it is back afterwards, whatever happened. */
export async function whileDatabaseDown<T>(payload: Payload, during: () => Promise<T>): Promise<T> {
  const restore = databaseDown(payload)
  try {
    return await during()
  } finally {
    restore()
  }
}
