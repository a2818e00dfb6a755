// A CAPTCHA that needs no third-party service (RULES §7): a distorted picture from svg-captcha,
// or — the accessible alternative (RULES §6) — an arithmetic question in varied Chinese wording.
//
// Nothing is stored when a CAPTCHA is shown: its answer travels with the form, encrypted with
// a key derived from the platform secret, so any node can check it and a crawler fetching the
// form fills no table. What must be shared is that it was *used*: the first answer claims it in
// the database (public-tokens, a unique key), so it solves one submission on whichever node
// the form is posted to.
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import svgCaptcha from 'svg-captcha'

import { arithmeticQuestion, parseAnswer } from '../domain/captcha-question'
import { settings } from '../settings'
import { claimToken, readToken } from './shared-state'

export { arithmeticQuestion } from '../domain/captcha-question'

export type CaptchaKind = 'image' | 'text'

export type Captcha = {
  /** The sealed token the form carries (and the picture's address). */
  id: string
  kind: CaptchaKind
  /** The arithmetic question, for kind 'text'. */
  question?: string
}

/** Long enough to fill in the form with care; a person taking longer gets a new one. */
export const CAPTCHA_TTL_MS = 30 * 60 * 1000

/** No 0/O, 1/I/l: characters people confuse. */
const IMAGE_CHARS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** svg-captcha's main export draws given text (its typings only declare the helpers). */
const renderSvg = svgCaptcha as unknown as (
  text: string,
  options: Record<string, unknown>,
) => string

type Sealed = { i: string; k: CaptchaKind; a: string; e: number }

let key: Buffer | null = null
const sealKey = () =>
  (key ??= crypto.createHmac('sha256', settings.secret).update('captcha-seal').digest())

function seal(value: Sealed): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', sealKey(), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

function open(token: string): Sealed | null {
  if (typeof token !== 'string' || token.length > 256) return null
  try {
    const raw = Buffer.from(token, 'base64url')
    if (raw.length < 29) return null
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealKey(), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString()
    const v = JSON.parse(text) as Sealed
    return typeof v.i === 'string' && typeof v.a === 'string' && typeof v.e === 'number' ? v : null
  } catch {
    return null
  }
}

/** A new CAPTCHA. Needs no database, so the form can be shown (and re-shown) in an outage. */
export function createCaptcha(kind: CaptchaKind, now = Date.now()): Captcha {
  const i = crypto.randomBytes(12).toString('base64url')
  const e = now + CAPTCHA_TTL_MS
  if (kind === 'text') {
    const { question, answer } = arithmeticQuestion(crypto.randomInt)
    return { id: seal({ i, k: kind, a: String(answer), e }), kind, question }
  }
  const a = Array.from({ length: 4 }, () => IMAGE_CHARS[crypto.randomInt(IMAGE_CHARS.length)]).join(
    '',
  )
  return { id: seal({ i, k: kind, a, e }), kind }
}

/** The picture of an image CAPTCHA, or null when the token is not one or has expired. */
export function captchaSvg(token: string, now = Date.now()): string | null {
  const v = open(token)
  if (!v || v.k !== 'image' || v.e <= now) return null
  return renderSvg(v.a, {
    noise: 2,
    width: 150,
    height: 50,
    fontSize: 56,
    background: '#ffffff',
  })
}

/** Case, spaces and full-width letters ignored; arithmetic answers in digits or in words. */
function solves(sealed: Sealed, answer: string): boolean {
  if (sealed.k === 'text') return parseAnswer(answer) === Number(sealed.a)
  const typed = answer
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase()
  return typed === sealed.a
}

/**
 * Whether `answer` solves the CAPTCHA `token` for the submission `submission`. Single use across
 * nodes: a wrong answer spends it, and a right one binds it to that submission only (the same
 * submission sent twice — a double click, or a retry after an outage — passes again).
 * Throws when the database cannot be reached; the caller keeps what was typed.
 */
export async function verifyCaptcha({
  payload,
  token,
  answer,
  submission,
  now = Date.now(),
}: {
  payload: Payload
  token: string
  answer: string
  submission: string
  now?: number
}): Promise<boolean> {
  const sealed = open(token)
  if (!sealed || sealed.e <= now) return false
  const claim = { key: `captcha:${sealed.i}`, expiresAt: new Date(sealed.e) }
  const right = Boolean(answer) && solves(sealed, answer)
  const used = await readToken(payload, claim.key, new Date(now))
  if (used) return right && used.owner === submission
  if (!right) {
    await claimToken(payload, { ...claim, owner: '' })
    return false
  }
  if (await claimToken(payload, { ...claim, owner: submission })) return true
  // Claimed meanwhile (a second node, a second click): it solves only the same submission.
  return (await readToken(payload, claim.key, new Date(now)))?.owner === submission
}

/** Tests read the answer of a CAPTCHA they were shown; nothing else may. */
export function peekCaptchaAnswer(token: string): string | null {
  if (!settings.testing) {
    throw new Error('peekCaptchaAnswer is for tests only')
  }
  return open(token)?.a ?? null
}
