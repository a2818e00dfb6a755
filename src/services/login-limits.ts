// How many failed logins one client address may make (issue 9): this limit trips before the
// per-account lock (Users `auth.maxLoginAttempts`, higher), so one stranger cannot lock staff out.
// Counted in the store every node shares (src/services/rate-limits.ts, `loginFailures`).
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { consume, RATE_LIMITS, reward } from './rate-limits'

const limit = RATE_LIMITS.loginFailures

export const LOGIN_LIMITS = {
  /** Failed logins per address in the window; the next attempt answers 429. */
  failuresPerAddress: limit.points,
  windowSeconds: limit.seconds,
  /** How long an address waits once it has spent its failures. */
  blockSeconds: limit.blockSeconds,
} as const

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
export async function loginAttempt(payload: Payload, address: string): Promise<LoginAnswer> {
  const answer = await consume(payload, 'loginFailures', address)
  if (answer.ok) return answer
  return { ...answer, message: tooManyLoginsMessage(answer.retryAfterSeconds) }
}

export async function loginSucceeded(payload: Payload, address: string): Promise<void> {
  await reward(payload, 'loginFailures', address).catch(() => {})
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
