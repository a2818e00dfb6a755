// How often one address may post the public forms and guess tracking codes (RULES §7).
//
// Counted in the database (the rate-limits collection), so every public node behind the load
// balancer counts against the same figure. rate-limiter-flexible keeps its semantics (points,
// duration, block); the store underneath is Payload's adapter-neutral API — one atomic
// `updateOne` per use, the way numbering counters are bumped — so SQLite, PostgreSQL and
// MongoDB run the same code. While the database is unreachable each node counts in memory
// (the library's insurance limiter), so limits hold through an outage.
import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import StoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js'

import { RATE_LIMITS as COLLECTION } from '../domain/slugs'
import { settings } from '../settings'
import { isUniqueViolation } from './shared-state'

export type Limit = { points: number; seconds: number; blockSeconds?: number }

export const RATE_LIMITS = {
  /** Every post of the request form (wrong CAPTCHAs and typos included). */
  formPosts: { points: 30, seconds: 10 * 60 },
  /** Requests actually created. */
  requestsCreated: { points: 5, seconds: 10 * 60 },
  /** Tracking codes that match nothing; then the address waits. */
  wrongTrackingCodes: { points: 10, seconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Searches that found nothing, counted for the site's admins: past this, not counted. */
  searchMisses: { points: 30, seconds: 10 * 60 },
  /** GraphQL requests (the admin itself uses REST; this is for integrations and scripts). */
  graphqlRequests: { points: 120, seconds: 60 },
  /**
   * Failed logins per address (src/services/login-limits.ts): below the per-account lock, so a
   * stranger cannot lock staff out; then the address waits.
   */
  loginFailures: {
    points: settings.loginAddressMaxFailures,
    seconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
} as const satisfies Record<string, Limit>

type Name = keyof typeof RATE_LIMITS

type Row = { points: number; expire: string | null }

/** rate-limiter-flexible's store contract, kept in a Payload collection. */
class PayloadStore extends StoreAbstract {
  private readonly payload: Payload

  constructor(opts: ConstructorParameters<typeof StoreAbstract>[0] & { storeClient: Payload }) {
    super(opts)
    this.payload = opts.storeClient
  }

  _getRateLimiterRes(_key: string, changedPoints: number, row: Row): RateLimiterRes {
    const points = Number(row.points)
    const ms = row.expire ? Math.max(new Date(row.expire).getTime() - Date.now(), 0) : -1
    return new RateLimiterRes(
      Math.max(this.points - points, 0),
      ms,
      points,
      points === changedPoints,
    )
  }

  // The adapter's own calls (no hooks, `$inc`, `atomic`, `returning`) are typed loosely by
  // Payload (`options` and `returning` are not in its generic signature; a document is a bare
  // record): the row is this collection's, as stored.
  private async update(where: Record<string, unknown>, data: Record<string, unknown>) {
    return (await this.payload.db.updateOne({
      collection: COLLECTION,
      where: where as never,
      data,
      options: { atomic: true },
      returning: true,
    } as never)) as unknown as Row | null
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date()
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration).toISOString() : null
    const own = { key: { equals: key } }
    for (let attempt = 0; attempt < 5; attempt++) {
      if (forceExpire) {
        const set = await this.update(own, { points, expire })
        if (set) return set
      } else {
        // Still counting: add to it in one statement, so two nodes cannot lose a use.
        const added = await this.update(
          { and: [own, { expire: { greater_than: now.toISOString() } }] },
          { points: { $inc: points } },
        )
        if (added) return added
        // Its window is over: start a new one. Of two nodes racing here one wins; the other
        // no longer matches and adds to the new window on its next attempt.
        const restarted = await this.update(
          { and: [own, { expire: { less_than_equal: now.toISOString() } }] },
          { points, expire },
        )
        if (restarted) return restarted
      }
      try {
        // The adapter's create answers a bare record (see update above).
        return (await this.payload.db.create({
          collection: COLLECTION,
          data: { key, points, expire },
        })) as unknown as Row
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
      }
    }
    throw new Error(`rate limit ${key} could not be counted`)
  }

  async _get(key: string): Promise<Row | null> {
    const res = await this.payload.db.find({
      collection: COLLECTION,
      where: {
        and: [{ key: { equals: key } }, { expire: { greater_than: new Date().toISOString() } }],
      },
      limit: 1,
      pagination: false,
    })
    // The adapter's find answers bare records (see update above).
    return (res.docs[0] as unknown as Row | undefined) ?? null
  }

  async _delete(key: string): Promise<boolean> {
    await this.payload.db.deleteMany({ collection: COLLECTION, where: { key: { equals: key } } })
    return true
  }
}

type Limiters = Record<Name, PayloadStore>

const byPayload = new WeakMap<Payload, Limiters>()

const limitersOf = (payload: Payload): Limiters => {
  let made = byPayload.get(payload)
  if (!made) {
    const make = (name: Name) => {
      const l: Limit = RATE_LIMITS[name]
      const opts = {
        keyPrefix: name,
        points: l.points,
        duration: l.seconds,
        blockDuration: l.blockSeconds ?? 0,
      }
      return new PayloadStore({
        ...opts,
        storeClient: payload,
        insuranceLimiter: new RateLimiterMemory(opts),
      })
    }
    made = {
      formPosts: make('formPosts'),
      requestsCreated: make('requestsCreated'),
      wrongTrackingCodes: make('wrongTrackingCodes'),
      graphqlRequests: make('graphqlRequests'),
      loginFailures: make('loginFailures'),
      searchMisses: make('searchMisses'),
    }
    byPayload.set(payload, made)
  }
  return made
}

export type LimitAnswer = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

/** 请于 15 分钟后再试 — whole minutes, rounded up, at least one. */
export function retryMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return `操作过于频繁，请于 ${minutes} 分钟后再试`
}

const refused = (res: unknown): LimitAnswer => {
  if (!(res instanceof RateLimiterRes)) throw res
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
  return { ok: false, retryAfterSeconds, message: retryMessage(retryAfterSeconds) }
}

/** Counts one use by `key` (the client's address); refuses once the limit is spent. */
export async function consume(payload: Payload, name: Name, key: string): Promise<LimitAnswer> {
  try {
    await limitersOf(payload)[name].consume(key)
    return { ok: true }
  } catch (res) {
    return refused(res)
  }
}

/** Gives back uses counted for `key` (a login that succeeded was no failure). */
export async function reward(payload: Payload, name: Name, key: string, points = 1): Promise<void> {
  await limitersOf(payload)[name].reward(key, points)
}

/** Whether `key` may try now, without counting a use. */
export async function check(payload: Payload, name: Name, key: string): Promise<LimitAnswer> {
  const limiter = limitersOf(payload)[name]
  const res = await limiter.get(key)
  if (!res) return { ok: true }
  if (res.consumedPoints > limiter.points) return refused(res)
  return { ok: true }
}

/** Forgets every count (tests). */
export async function resetRateLimits(payload: Payload): Promise<void> {
  await payload.db.deleteMany({ collection: COLLECTION, where: { id: { exists: true } } })
}
