// How often one address may post the public request form and guess tracking codes (RULES §7).
// In memory, per node: behind a load balancer each node counts on its own, which only makes
// the limits a little looser.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export type Limit = { points: number; seconds: number; blockSeconds?: number }

export const RATE_LIMITS = {
  /** Every post of the request form (wrong CAPTCHAs and typos included). */
  formPosts: { points: 30, seconds: 10 * 60 },
  /** Requests actually created. */
  requestsCreated: { points: 5, seconds: 10 * 60 },
  /** Tracking codes that match nothing; then the address waits. */
  wrongTrackingCodes: { points: 10, seconds: 15 * 60, blockSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>

type Name = keyof typeof RATE_LIMITS

const make = (name: Name) => {
  const l: Limit = RATE_LIMITS[name]
  return new RateLimiterMemory({
    keyPrefix: name,
    points: l.points,
    duration: l.seconds,
    blockDuration: l.blockSeconds ?? 0,
  })
}

let limiters = {
  formPosts: make('formPosts'),
  requestsCreated: make('requestsCreated'),
  wrongTrackingCodes: make('wrongTrackingCodes'),
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
export async function consume(name: Name, key: string): Promise<LimitAnswer> {
  try {
    await limiters[name].consume(key)
    return { ok: true }
  } catch (res) {
    return refused(res)
  }
}

/** Whether `key` may try now, without counting a use. */
export async function check(name: Name, key: string): Promise<LimitAnswer> {
  const limiter = limiters[name]
  const res = await limiter.get(key)
  if (!res) return { ok: true }
  if (res.consumedPoints > limiter.points) return refused(res)
  return { ok: true }
}

/** Forgets every count (tests). */
export function resetRateLimits(): void {
  limiters = {
    formPosts: make('formPosts'),
    requestsCreated: make('requestsCreated'),
    wrongTrackingCodes: make('wrongTrackingCodes'),
  }
}
