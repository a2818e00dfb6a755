// How many failed logins one client address may make (issue 9): this limit trips before the
// per-account lock (Users `auth.maxLoginAttempts`, higher), so one stranger cannot lock staff out.
// In memory, per node (RateLimiterMemory), like src/services/rate-limits.ts today; it moves to
// the store the nodes share together with those limits.
import crypto from 'node:crypto'

import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export const LOGIN_LIMITS = {
  /** Failed logins per address in the window; the next attempt answers 429. */
  failuresPerAddress: Math.max(1, Math.floor(Number(process.env.LOGIN_ADDRESS_MAX_FAILURES) || 10)),
  windowSeconds: 15 * 60,
  /** How long an address waits once it has spent its failures. */
  blockSeconds: 15 * 60,
} as const

const make = () =>
  new RateLimiterMemory({
    keyPrefix: 'login-failures',
    points: LOGIN_LIMITS.failuresPerAddress,
    duration: LOGIN_LIMITS.windowSeconds,
    blockDuration: LOGIN_LIMITS.blockSeconds,
  })

let limiter = make()

export type LoginAnswer = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

/** The one answer to every failed login: no account is told apart from a stranger's. */
export const LOGIN_FAILED_MESSAGE =
  '邮箱或密码不正确。连续多次登录失败后账号将暂时锁定，请稍后再试，或请站点管理员解锁'

export const tooManyLoginsMessage = (seconds: number): string =>
  `登录失败次数过多，请于 ${Math.max(1, Math.ceil(seconds / 60))} 分钟后再试`

/**
 * Counts an attempt from `address` before the password is checked (so parallel guesses count
 * too); a successful login gives its point back (`loginSucceeded`), so only failures remain.
 */
export async function loginAttempt(address: string): Promise<LoginAnswer> {
  try {
    await limiter.consume(address)
    return { ok: true }
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
    return { ok: false, retryAfterSeconds, message: tooManyLoginsMessage(retryAfterSeconds) }
  }
}

export async function loginSucceeded(address: string): Promise<void> {
  await limiter.reward(address, 1).catch(() => {})
}

/** Tests start each case with fresh counters. */
export function resetLoginLimits(): void {
  limiter = make()
}

/**
 * The client's address as the Express server passed it on (it sets `X-Forwarded-For` to its own
 * `req.ip`, which honours `trust proxy`); absent for server code calling the Local API.
 */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get?.('x-forwarded-for')
  const first = forwarded?.split(',')[0]?.trim()
  return first || null
}

// PBKDF2 as Payload's local strategy hashes today (pbkdf2-sha256-v1: 600,000 rounds, 32 bytes),
// for accounts that do not exist or are locked: the answer then takes as long as a wrong
// password for a real account.
const DUMMY_SALT = crypto.randomBytes(32).toString('hex')
export const spendPasswordTime = (password: unknown): Promise<void> =>
  new Promise((resolve) => {
    crypto.pbkdf2(String(password ?? ''), DUMMY_SALT, 600_000, 32, 'sha256', () => resolve())
  })
