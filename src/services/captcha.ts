// A CAPTCHA that needs no third-party service (RULES §7): a distorted picture from svg-captcha,
// or — the accessible alternative (RULES §6) — a sum written out in Chinese words. Answers stay
// on the server, in memory, keyed by a random id the form carries in a hidden field.
import crypto from 'node:crypto'

import svgCaptcha from 'svg-captcha'

export type CaptchaKind = 'image' | 'text'

export type Captcha = {
  id: string
  kind: CaptchaKind
  /** The arithmetic question, for kind 'text'. */
  question?: string
}

type Entry = {
  kind: CaptchaKind
  answer: string
  svg?: string
  expires: number
  /**
   * The submission (idempotency key) that solved it. A solved CAPTCHA answers no other
   * submission, but the same submission sent twice (a double click) passes again.
   */
  solvedBy?: string
}

/** Long enough to fill in the form with care; a person taking longer gets a new one. */
export const CAPTCHA_TTL_MS = 30 * 60 * 1000
const MAX_ENTRIES = 50_000

const entries = new Map<string, Entry>()

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 1–10 in Chinese words; larger numbers do not occur in the questions. */
const words = (n: number) => DIGITS[n]

/** A question such as 三加五等于几？ and its answer in digits. */
export function arithmeticQuestion(random: (max: number) => number = crypto.randomInt): {
  question: string
  answer: string
} {
  const a = 1 + random(9)
  const b = 1 + random(9)
  if (random(2) === 0 || a === b) {
    return { question: `${words(a)}加${words(b)}等于几？`, answer: String(a + b) }
  }
  const [hi, lo] = a > b ? [a, b] : [b, a]
  return { question: `${words(hi)}减${words(lo)}等于几？`, answer: String(hi - lo) }
}

function sweep(now: number) {
  for (const [id, e] of entries) if (e.expires <= now) entries.delete(id)
  // Map keeps insertion order: drop the oldest when someone floods the form.
  while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
}

/** A new CAPTCHA; the answer stays here. */
export function createCaptcha(kind: CaptchaKind, now = Date.now()): Captcha {
  if (entries.size >= MAX_ENTRIES / 2) sweep(now)
  const id = crypto.randomBytes(16).toString('base64url')
  if (kind === 'text') {
    const { question, answer } = arithmeticQuestion()
    entries.set(id, { kind, answer, expires: now + CAPTCHA_TTL_MS })
    return { id, kind, question }
  }
  // No 0/O, 1/I/l: characters people confuse.
  const made = svgCaptcha.create({
    size: 4,
    noise: 2,
    width: 150,
    height: 50,
    fontSize: 56,
    charPreset: '23456789ABCDEFGHJKMNPQRSTUVWXYZ',
    background: '#ffffff',
  })
  entries.set(id, { kind, answer: made.text, svg: made.data, expires: now + CAPTCHA_TTL_MS })
  return { id, kind }
}

/** The picture of an image CAPTCHA, or null when the id is unknown or expired. */
export function captchaSvg(id: string, now = Date.now()): string | null {
  const e = entries.get(id)
  if (!e || e.expires <= now || e.solvedBy) return null
  return e.svg ?? null
}

/** Case, spaces and full-width digits ignored. */
const normalise = (s: string) =>
  s
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .toUpperCase()

/**
 * Whether `answer` solves the CAPTCHA `id` for the submission `submission`. Single use: a wrong
 * answer spends it, and a right one binds it to that submission only.
 */
export function verifyCaptcha({
  id,
  answer,
  submission,
  now = Date.now(),
}: {
  id: string
  answer: string
  submission: string
  now?: number
}): boolean {
  const e = entries.get(id)
  if (!e || e.expires <= now) return false
  if (e.solvedBy) return e.solvedBy === submission && normalise(answer) === e.answer
  if (!answer || normalise(answer) !== e.answer) {
    entries.delete(id)
    return false
  }
  e.solvedBy = submission
  e.svg = undefined
  return true
}

/** Tests read the answer of a CAPTCHA they were shown; nothing else may. */
export function peekCaptchaAnswer(id: string): string | null {
  if (process.env.NODE_ENV !== 'test' && !process.env.VITEST) {
    throw new Error('peekCaptchaAnswer is for tests only')
  }
  return entries.get(id)?.answer ?? null
}
