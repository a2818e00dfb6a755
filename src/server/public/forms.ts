// The public forms' toolkit: what every citizen-facing form (依申请公开, 领导信箱, its tracking and
// rating) shares. A new form is a domain validator (src/domain/*-form.ts), a service that stores
// (src/services/submit-*.ts) and a thin route file that wires these pieces to its templates:
//
// - CSRF: `csrfToken(req, res)` for the hidden `_csrf` input, `csrfValid(req)` after `readBody`
//   (double-submit cookie bound to the site's host; anonymous visitors have no session).
// - `withCookies(req, res)` before either (parses the cookie header once).
// - `readBody(req, { maxFileBytes, maxFiles })` (form-body.ts): urlencoded or multipart; the text
//   fields are kept whatever happens to the files (a file over the limit is counted and read
//   past), so what was typed can always be shown again. Stores the body for the CSRF check.
// - `captchaKindOf(value, care)`: the CAPTCHA asked for (care mode starts with the arithmetic one).
// - `errorSummary(errors, labels, ids)`: the list the summary at the top of a form links from.
// - `newIdempotencyKey()` / `isIdempotencyKey(v)`: the hidden `idem` token of a form.
// - `captchaProblem(payload, fields, submission)`: the CAPTCHA's sentence, or null when answered.
// - `lookupByCode(payload, ip, find)` (form-lookup.ts): a lookup by a secret code, with wrong
//   guesses limited; `postLookupByCode(ctx, req, res, …)`: a whole tracking form's POST built on
//   it; `trackRoute` the route of a tracking page.
// - `onceByKey().run(key, { existing, submit, done })`: one record per submission.
// - `readPostedForm(ctx, req, names, …)`, `answerPostedForm(ctx, req, res, form, …)`: a posted
//   form from its body to its receipt, built on the pieces above.
// - `formRoute(path, show, post)`: the route of a form page at one address. The views' common
//   parts: form-views.ts.
// - `RETRY_AFTER_SECONDS`: what a failure asks the client to wait.
import crypto from 'node:crypto'

import cookieParser from 'cookie-parser'
import { doubleCsrf } from 'csrf-csrf'
import type { Request, Response } from 'express'

import type { Payload } from 'payload'

import { logger } from '../../logger'
import { type CaptchaKind, verifyCaptcha } from '../../services/captcha'
import { consume } from '../../services/rate-limits'
import { settings } from '../../settings'
import type { PageContext } from './context'
import { type Body, EMPTY_BODY, postedFields, readBody } from './form-body'
import type { DynamicRoute, Output } from './routes'

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{22,64}$/

/** Seconds a client is asked to wait after a failure. */
export const RETRY_AFTER_SECONDS = 60

// ---------------------------------------------------------------- CSRF (double-submit cookie)

let csrfSecret: string | null = null
const csrf = doubleCsrf({
  // A key of its own, derived from the platform secret.
  getSecret: () =>
    (csrfSecret ??= crypto
      .createHmac('sha256', settings.secret)
      .update('ysqgk-csrf')
      .digest('hex')),
  // Anonymous visitors have no session: the token is bound to the site's host instead.
  getSessionIdentifier: (req) => String(req.headers.host ?? ''),
  cookieName: settings.production ? '__Host-ysqgk-csrf' : 'ysqgk-csrf',
  cookieOptions: { sameSite: 'strict', path: '/', secure: settings.production, httpOnly: true },
  getCsrfTokenFromRequest: (req) => postedFields(req)?._csrf,
})

export const csrfToken = (req: Request, res: Response): string => csrf.generateCsrfToken(req, res)
export const csrfValid = (req: Request): boolean => csrf.validateRequest(req)

const parseCookies = cookieParser()
export const withCookies = (req: Request, res: Response) =>
  new Promise<void>((resolve, reject) =>
    parseCookies(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
  )

// ---------------------------------------------------------------- small shared rules

export const captchaKindOf = (v: unknown, care: boolean): CaptchaKind =>
  v === 'text' ? 'text' : v === 'image' ? 'image' : care ? 'text' : 'image'

/** The form's own fields of a posted body, as typed (what is shown again on a refusal). */
export const typedFields = <F extends string>(
  fields: Record<string, string>,
  names: readonly F[],
): Partial<Record<F, string>> =>
  Object.fromEntries(
    names.filter((k) => typeof fields[k] === 'string').map((k) => [k, fields[k]]),
  ) as Partial<Record<F, string>>

export const newIdempotencyKey = () => crypto.randomBytes(18).toString('base64url')
export const isIdempotencyKey = (v: unknown): v is string =>
  typeof v === 'string' && IDEMPOTENCY_KEY.test(v)

/**
 * Submissions being handled on this node, by key: a second click of the same form waits for the
 * first and gets its answer (null when the first stored nothing). Only a shortcut: across nodes
 * the database decides (the CAPTCHA's claim names the submission, the record's idempotency key
 * is unique), so a second node answers with the same record.
 */
export function onceByKey<T>() {
  const inFlight = new Map<string, Promise<T | null>>()
  const api = {
    pending: (key: string | null) => (key ? inFlight.get(key) : undefined),
    /** Registers the key before the first await; `settle` with what was stored. */
    claim(key: string | null): (stored: T | null) => void {
      if (!key) return () => {}
      let settle: (stored: T | null) => void = () => {}
      inFlight.set(key, new Promise((resolve) => (settle = resolve)))
      return (stored) => {
        settle(stored)
        setTimeout(() => inFlight.delete(key), 10_000).unref()
      }
    },
    /**
     * One submission under its key (null: no key): a second click on this node gets the first
     * one's page; a key already stored (another node, an earlier attempt) answers with what it
     * stored; otherwise `submit` decides — a stored record, or a page (a refusal).
     */
    async run(
      key: string | null,
      {
        existing,
        submit,
        done,
      }: {
        existing: () => Promise<T | null>
        submit: () => Promise<{ stored: T } | { page: Output }>
        done: (stored: T) => Promise<Output>
      },
    ): Promise<Output> {
      const pending = api.pending(key)
      if (pending) {
        const first = await pending.catch(() => null)
        if (first) return done(first)
      }
      const settle = api.claim(pending ? null : key)
      let stored: T | null = null
      try {
        const found = key ? await existing() : null
        if (found) {
          stored = found
          return await done(found)
        }
        const outcome = await submit()
        if ('page' in outcome) return outcome.page
        stored = outcome.stored
        return await done(outcome.stored)
      } finally {
        settle(stored)
      }
    },
  }
  return api
}

/** The error summary's rows: each wrong field's label, sentence and the link to the field. */
export const errorSummary = <F extends string>(
  errors: Partial<Record<F, string>>,
  labels: Record<F, string>,
  ids: Partial<Record<F, string>> = {},
) =>
  (Object.keys(errors) as F[]).map((field) => ({
    label: labels[field],
    message: errors[field]!,
    href: `#${ids[field] ?? `f-${field}`}`,
  }))

/** The sentence for the CAPTCHA field, or null when it was answered (the answer is used up). */
export async function captchaProblem(
  payload: Payload,
  fields: Record<string, string>,
  submission: string,
): Promise<string | null> {
  const answer = fields.captchaAnswer ?? ''
  if (!answer.trim()) return '请填写验证码'
  const ok = await verifyCaptcha({ payload, token: fields.captchaId ?? '', answer, submission })
  return ok ? null : '验证码不正确，请重新输入（已更换新的验证码）'
}

// ---------------------------------------------------------------- a posted form's guards

/** The form shown again (with what was typed) under a status and a sentence at its top. */
export type Again = (o: { status?: number; notice?: string }) => Promise<Output>

const STALE_FORM =
  '页面已过期或来源无法验证（可能是浏览器禁用了 Cookie，或页面打开时间过长）。您填写的内容已保留，请核对后重新提交。'

/**
 * What stops a posted form before it is read as a submission: too large (413, `tooLarge` says
 * what the limit is), a CSRF token that does not match (403), or a CAPTCHA switch (the form
 * again with the other CAPTCHA). Null: go on.
 */
export async function postedFormStop(
  req: Request,
  body: Body,
  again: Again,
  tooLarge: string,
): Promise<Output | null> {
  if (body.tooLarge) return again({ status: 413, notice: tooLarge })
  if (!csrfValid(req)) return again({ status: 403, notice: STALE_FORM })
  if (body.fields.switchCaptcha) return again({})
  return null
}

/**
 * The address's limits in the shared store, as the form again with 429 and Retry-After: form
 * posts of any kind, or records made (`made`: what the form makes, 来信 / 申请 …). Null: within.
 */
export async function overLimit(
  ctx: PageContext,
  req: Request,
  res: Response,
  again: Again,
  limit: { posts: true } | { made: string },
): Promise<Output | null> {
  const name = 'posts' in limit ? 'formPosts' : 'requestsCreated'
  const used = await consume(ctx.payload, name, req.ip ?? '')
  if (used.ok) return null
  res.setHeader('Retry-After', String(used.retryAfterSeconds))
  return again({
    status: 429,
    notice:
      'posts' in limit
        ? `${used.message}。您填写的内容已保留。`
        : `同一网络地址提交的${limit.made}过多，${used.message}。您填写的内容已保留。`,
  })
}

/**
 * Whatever failed — the database, a disk, a bug — the citizen keeps what was typed and is told
 * what to do (503, Retry-After); the log gets the detail.
 */
export function failedPost(
  ctx: PageContext,
  res: Response,
  { err, again, notice, what }: { err: unknown; again: Again; notice: string; what: string },
): Promise<Output> {
  logger.error({ err, site: ctx.site.id }, `${what} could not be handled`)
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
  return again({ status: 503, notice })
}

// ---------------------------------------------------------------- a posted form, start to end

/** A posted form as read: its body, its key, and what the form shown again keeps. */
export type PostedForm<F extends string> = {
  body: Body
  /** The submission's key (the hidden `idem`), when the form sent a valid one. */
  key: string | undefined
  /** What was typed in the form's own fields, the CAPTCHA asked for, and the key. */
  kept: { values: Partial<Record<F, string>>; captchaKind: CaptchaKind; idem: string | undefined }
}

/**
 * Reads a posted form (`what` names it in the log). A body that cannot be read counts as empty:
 * without its CSRF token the form comes back with what can be shown.
 */
export async function readPostedForm<F extends string>(
  ctx: PageContext,
  req: Request,
  names: readonly F[],
  { maxFiles, what }: { maxFiles?: number; what: string },
): Promise<PostedForm<F>> {
  let body: Body = EMPTY_BODY
  try {
    body = await readBody(req, { maxFiles })
  } catch (err) {
    logger.warn({ err, site: ctx.site.id }, `${what} body could not be read`)
  }
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  return {
    body,
    key,
    kept: {
      values: typedFields(body.fields, names),
      captchaKind: captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care),
      idem: key,
    },
  }
}

/** A form's sentences by field (the CAPTCHA's under `captcha`, a file's under `attachment`). */
export type FieldProblems = Partial<Record<string, string>>

/** How a form's submission is answered and stored (answerPostedForm). */
export type Submission<V, T> = {
  /** The form again with what was typed, a status, a sentence or the field errors. */
  again: (o: { status?: number; notice?: string; errors?: FieldProblems }) => Promise<Output>
  /** The sentence of a body over the limits (413). */
  tooLarge: string
  /** A sentence refusing every submission (409: a mailbox that takes no letters now). */
  closed?: string
  /** The form's guard of one record per submission (onceByKey). */
  inFlight: ReturnType<typeof onceByKey<T>>
  /** What an earlier attempt stored under the key. */
  existing: (key: string) => Promise<T | null>
  /** The form's own check (its domain parser): the value, or sentences by field. */
  parse: () => { ok: true; value: V } | { ok: false; errors: FieldProblems }
  /** The sentences about the attachments posted, if the form takes any. */
  attachmentProblems?: () => string[]
  /** The order of the fields on the page, for the error summary. */
  order?: readonly string[]
  /** What the form makes, in the sentence of the address's limit (来信 / 申请 …). */
  made: string
  store: (value: V, submission: string) => Promise<T>
  /** The error `store` throws for an attachment it refused; `what` names it in the log. */
  refusedFile?: { error: abstract new (reason: never) => { reason: unknown }; what: string }
  /** The receipt. */
  done: (stored: T) => Promise<Output>
  /** Said when anything failed (503, what was typed kept). */
  notSaved: string
  /** The form's name in the log. */
  what: string
}

/**
 * A posted form from its guards to its receipt: stopped by `postedFormStop` or `closed`; one
 * record per submission key; checked and stored (checkedSubmission). Any failure answers 503
 * with what was typed (failedPost).
 */
export async function answerPostedForm<V, T>(
  ctx: PageContext,
  req: Request,
  res: Response,
  form: PostedForm<string>,
  o: Submission<V, T>,
): Promise<Output> {
  const { again } = o
  try {
    await withCookies(req, res)
    const stop = await postedFormStop(req, form.body, again, o.tooLarge)
    if (stop) return stop
    if (o.closed) return await again({ status: 409, notice: o.closed })
    // A second click on this node waits for the first; a second node is held off by the
    // database: the CAPTCHA's claim and the record's unique idempotency key both name it.
    const { key } = form
    return await o.inFlight.run(key ? `${ctx.site.id}|${key}` : null, {
      existing: () => o.existing(key!),
      submit: () => checkedSubmission(ctx, req, res, form, o),
      done: o.done,
    })
  } catch (err) {
    return failedPost(ctx, res, { err, again, notice: o.notSaved, what: o.what })
  }
}

const REFUSED_FILE = '所选附件无法保存：文件可能已损坏或格式不符，请检查后重新选择'

/**
 * A submission checked, then stored: the address's form posts counted; the form's own problems
 * and the CAPTCHA's (answered under the submission's key) shown together, 400, in page order;
 * the address's records counted; then stored. An attachment the store refuses is a sentence at
 * the attachment, not a failure.
 */
async function checkedSubmission<V, T>(
  ctx: PageContext,
  req: Request,
  res: Response,
  form: PostedForm<string>,
  { again, parse, attachmentProblems, order, made, store, refusedFile }: Submission<V, T>,
): Promise<{ stored: T } | { page: Output }> {
  const posts = await overLimit(ctx, req, res, again, { posts: true })
  if (posts) return { page: posts }
  const parsed = parse()
  const errors: FieldProblems = parsed.ok ? {} : { ...parsed.errors }
  const fileProblems = attachmentProblems?.() ?? []
  if (fileProblems.length) errors.attachment = fileProblems.join('；')
  const submission = form.key ?? newIdempotencyKey()
  const captcha = await captchaProblem(ctx.payload, form.body.fields, submission)
  if (captcha) errors.captcha = captcha
  if (Object.keys(errors).length || !parsed.ok) {
    const shown = order
      ? Object.fromEntries(order.filter((f) => errors[f]).map((f) => [f, errors[f]]))
      : errors
    return { page: await again({ status: 400, errors: shown }) }
  }
  const over = await overLimit(ctx, req, res, again, { made })
  if (over) return { page: over }
  try {
    return { stored: await store(parsed.value, submission) }
  } catch (err) {
    if (!refusedFile || !(err instanceof refusedFile.error)) throw err
    logger.warn({ err: err.reason, site: ctx.site.id }, `${refusedFile.what} attachment refused`)
    return { page: await again({ status: 400, errors: { attachment: REFUSED_FILE } }) }
  }
}

/** A page shown with its options: a form's (what was typed, its errors) or a tracking page's. */
export type ShowPage<O> = (ctx: PageContext, req: Request, res: Response, o: O) => Promise<Output>

/**
 * A form page at one address: `<path>/` is sent to `<path>`, GET shows the page (with the CSRF
 * cookie read), POST hands the posted form to `post`.
 */
export function formRoute(
  path: string,
  show: (ctx: PageContext, req: Request, res: Response) => Promise<Output>,
  post: (ctx: PageContext, req: Request, res: Response) => Promise<Output>,
): DynamicRoute {
  return {
    matches: (p) => p === path || p === `${path}/`,
    handle: async (ctx, req, res) => {
      if (ctx.path !== path) {
        res.redirect(301, ctx.care ? `${path}?care=1` : path)
        return 'done'
      }
      if (req.method === 'POST') return post(ctx, req, res)
      await withCookies(req, res)
      return show(ctx, req, res)
    },
  }
}
