// Decides whether an error means "the database cannot be reached right now" (answer 503 and
// retry later) rather than a bug or bad input, for PostgreSQL, SQLite and MongoDB alike.

/** Seconds a client is asked to wait before trying again while the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 30

/** Node socket errors: the server is not there, went away, or does not answer. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * PostgreSQL SQLSTATEs of an unreachable or unavailable server. Class 08 is "connection
 * exception"; 57P01–57P03 are shutdown, crash and "starting up"; 53300 is "too many
 * connections", which a restart storm produces and which also passes with time.
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '57P05', '53300'])
const POSTGRES_CONNECTION_CLASS = /^08[0-9A-Z]{3}$/

/** SQLite: another process holds the lock; the same statement succeeds a moment later. */
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY'])

/** MongoDB driver errors that say no server could be reached (not a failed write or query). */
const MONGO_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
])

/**
 * Messages of drivers that throw plain errors without a code (pg's own client and pool, the
 * Payload adapters' connect step, libsql). Lower-cased before matching.
 */
const MESSAGES = [
  'connection terminated',
  'connection refused',
  'connection error and is not queryable',
  'client was closed and is not queryable',
  'cannot use a pool after calling end on the pool',
  'timeout exceeded when trying to connect',
  'terminating connection due to administrator command',
  'the database system is starting up',
  'the database system is shutting down',
  'the database system is in recovery mode',
  'server closed the connection unexpectedly',
  'cannot connect to postgres',
  'cannot connect to mongodb',
  'server selection timed out',
  'database is locked',
  'connect econnrefused',
]

type ErrorLike = {
  code?: unknown
  name?: unknown
  message?: unknown
  cause?: unknown
  errors?: unknown
}

function matchesOne(err: ErrorLike): boolean {
  const code = typeof err.code === 'string' ? err.code : ''
  if (SOCKET_CODES.has(code) || SQLITE_CODES.has(code)) return true
  if (POSTGRES_CODES.has(code) || POSTGRES_CONNECTION_CLASS.test(code)) return true
  if (typeof err.name === 'string' && MONGO_NAMES.has(err.name)) return true
  const message = typeof err.message === 'string' ? err.message.toLowerCase() : ''
  return message !== '' && MESSAGES.some((m) => message.includes(m))
}

/**
 * Whether the error (or one it wraps: `cause`, an AggregateError's `errors`) says the database
 * is unreachable or unavailable for now. Query errors (a unique key, a bad value) are not.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const queue: unknown[] = [error]
  // Wrappers nest a few levels (Payload → Drizzle → pg); the bound guards against cycles too.
  while (queue.length && seen.size < 16) {
    const err = queue.shift()
    if (err == null || typeof err !== 'object' || seen.has(err)) continue
    seen.add(err)
    const e = err as ErrorLike
    if (matchesOne(e)) return true
    if (e.cause != null) queue.push(e.cause)
    if (Array.isArray(e.errors)) queue.push(...e.errors)
  }
  return false
}
