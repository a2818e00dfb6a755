import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from '../../src/domain/database-errors'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })
const named = (name: string, message = 'x') => Object.assign(new Error(message), { name })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET', 'read ECONNRESET')],
    ['a timed-out connection', withCode('ETIMEDOUT')],
    ['an unknown host', withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND db')],
    [
      'PostgreSQL shutting down a session (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL crash shutdown (57P02)', withCode('57P02')],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a PostgreSQL connection exception (08006)', withCode('08006')],
    ['a PostgreSQL connection refused at protocol level (08001)', withCode('08001')],
    ['too many PostgreSQL connections (53300)', withCode('53300')],
    ["pg's terminated connection", new Error('Connection terminated unexpectedly')],
    [
      "pg's dead client",
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ["pg-pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    [
      "Payload's postgres connect failure",
      new Error('Error: cannot connect to Postgres: connect ECONNREFUSED'),
    ],
    ['a busy SQLite database', withCode('SQLITE_BUSY', 'database is locked')],
    ['a SQLite lock without a code', new Error('SQLITE_BUSY: database is locked')],
    ['a MongoDB server selection timeout', named('MongoServerSelectionError')],
    ['a MongoDB network error', named('MongoNetworkError')],
    ['a MongoDB network timeout', named('MongoNetworkTimeoutError')],
    [
      "Payload's MongoDB connect failure",
      new Error('Error: cannot connect to MongoDB. Details: connect ECONNREFUSED'),
    ],
  ])('recognises %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it.each([
    ['a unique-key violation (23505)', withCode('23505', 'duplicate key value')],
    ['an undefined column (42703)', withCode('42703', 'column "x" does not exist')],
    ['a constraint failure in SQLite', withCode('SQLITE_CONSTRAINT', 'UNIQUE constraint failed')],
    ['a MongoDB duplicate key', Object.assign(named('MongoServerError'), { code: 11000 })],
    ['a validation error', named('ValidationError', 'The following field is invalid: title')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a not-found error', Object.assign(new Error('Not Found'), { status: 404 })],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
    ['a number code', Object.assign(new Error('x'), { code: 8006 })],
  ])('does not take %s for an outage', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false)
  })

  it('looks through wrappers: a query error caused by a dead connection', () => {
    const driver = withCode('57P01', 'terminating connection due to administrator command')
    const drizzle = new Error('Failed query: select "id" from "sites"', { cause: driver })
    const payload = new Error('Something went wrong.', { cause: drizzle })
    expect(isDatabaseUnavailable(payload)).toBe(true)
  })

  it('looks into an AggregateError of failed connection attempts', () => {
    const err = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '')
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it('stops on a cycle of causes', () => {
    const a = new Error('a') as Error & { cause?: unknown }
    const b = new Error('b', { cause: a })
    a.cause = b
    expect(isDatabaseUnavailable(a)).toBe(false)
  })
})
