// Lookups by a secret code (a query or tracking code): wrong guesses limited per address in the
// shared store, and the tracking pages' POST and route built on it (the form toolkit: forms.ts).
import type { Request, Response } from 'express'

import type { Payload } from 'payload'

import { normaliseTrackingCode } from '../../domain/disclosure'
import { logger } from '../../logger'
import { check, consume } from '../../services/rate-limits'
import type { PageContext } from './context'
import { type Body, EMPTY_BODY, readBody } from './form-body'
import { csrfValid, formRoute, RETRY_AFTER_SECONDS, type ShowPage, withCookies } from './forms'
import type { DynamicRoute, Output } from './routes'

export type Lookup<T> =
  | { kind: 'found'; result: T }
  | { kind: 'missing' }
  | { kind: 'blank' }
  | { kind: 'limited'; retryAfterSeconds: number; message: string }

/**
 * Looks a record up by a secret code (a query or tracking code), counting wrong codes per address
 * in the shared store: past the limit every lookup is refused until the window ends.
 */
export async function lookupByCode<T>(
  payload: Payload,
  { ip, typed, find }: { ip: string; typed: string; find: () => Promise<T | null> },
): Promise<Lookup<T>> {
  const limited = (a: { retryAfterSeconds: number; message: string }): Lookup<T> => ({
    kind: 'limited',
    retryAfterSeconds: a.retryAfterSeconds,
    message: a.message,
  })
  const allowed = await check(payload, 'wrongTrackingCodes', ip)
  if (!allowed.ok) return limited(allowed)
  if (!typed.trim()) return { kind: 'blank' }
  const result = await find()
  if (result) return { kind: 'found', result }
  const wrong = await consume(payload, 'wrongTrackingCodes', ip)
  if (!wrong.ok) return limited(wrong)
  return { kind: 'missing' }
}

export type TrackOptions<T> = {
  status?: number
  code?: string
  error?: string
  notice?: string
  result?: T
}

/**
 * A posted lookup by query code (the tracking pages): the body read, the CSRF checked, the code
 * normalised and looked up with wrong guesses limited, every outcome a page from `show`; `found`
 * answers a found record (default: the page with it). Any failure answers 503 with the code kept.
 */
export async function postLookupByCode<T>(
  ctx: PageContext,
  req: Request,
  res: Response,
  {
    find,
    show,
    found,
    notFound,
    unavailable,
  }: {
    find: (code: string) => Promise<T | null>
    show: (o: TrackOptions<T>) => Promise<Output>
    found?: (result: T, posted: { body: Body; typed: string; code: string }) => Promise<Output>
    notFound: string
    unavailable: string
  },
): Promise<Output> {
  const body: Body = await readBody(req).catch(() => ({ ...EMPTY_BODY, tooLarge: true }))
  const typed = (body.fields.code ?? '').slice(0, 64)
  try {
    await withCookies(req, res)
    if (body.tooLarge || !csrfValid(req))
      return await show({
        status: 403,
        code: typed,
        notice: '页面已过期或来源无法验证，请重新提交查询。',
      })
    const code = normaliseTrackingCode(typed)
    const lookup = await lookupByCode(ctx.payload, {
      ip: req.ip ?? '',
      typed,
      find: async () => (code ? find(code) : null),
    })
    if (lookup.kind === 'blank') return await show({ status: 400, error: '请输入查询码' })
    if (lookup.kind === 'limited') {
      res.setHeader('Retry-After', String(lookup.retryAfterSeconds))
      return await show({
        status: 429,
        code: typed,
        notice: `查询码输入错误次数过多，${lookup.message}`,
      })
    }
    if (lookup.kind === 'missing') return await show({ status: 404, code: typed, error: notFound })
    return await (found
      ? found(lookup.result, { body, typed, code: code! })
      : show({ code: typed, result: lookup.result }))
  } catch (err) {
    logger.error({ err, site: ctx.site.id }, 'a lookup by query code could not be answered')
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    return show({ status: 503, code: typed, notice: unavailable })
  }
}

/**
 * The route of a tracking page at one address: GET its empty form, POST a lookup by the code
 * typed (postLookupByCode; `lookup` gives the finding and the sentences, `show` every page).
 */
export const trackRoute = <T>(
  path: string,
  show: ShowPage<TrackOptions<T>>,
  lookup: (
    ctx: PageContext,
    req: Request,
    res: Response,
  ) => Omit<Parameters<typeof postLookupByCode<T>>[3], 'show'>,
): DynamicRoute =>
  formRoute(
    path,
    (ctx, req, res) => show(ctx, req, res, {}),
    (ctx, req, res) =>
      postLookupByCode(ctx, req, res, {
        ...lookup(ctx, req, res),
        show: (o) => show(ctx, req, res, o),
      }),
  )
