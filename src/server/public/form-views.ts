// What the public form pages' views share (their posts go through forms.ts): a form's tokens,
// fresh CAPTCHA, typed values and error summary, the options of a choice, and a tracking page.
import type { Request, Response } from 'express'

import { type CaptchaKind, createCaptcha } from '../../services/captcha'
import type { PageContext } from './context'
import type { TrackOptions } from './form-lookup'
import { csrfToken, errorSummary, newIdempotencyKey } from './forms'
import type { Output } from './routes'
import { page, withCare } from './section'

/** A form page shown first (200, empty) or again: what was typed, its errors, a sentence. */
export type FormOptions<V, F extends string> = {
  status?: number
  values?: V
  errors?: Partial<Record<F, string>>
  notice?: string
  captchaKind: CaptchaKind
  /** The submission's key, kept while the same submission is shown again. */
  idem?: string
}

/**
 * A form page: the page's own part of the view (`view`, with its layout), then what every form
 * has — where it posts, its CSRF and submission tokens, a new CAPTCHA, what was typed, and the
 * errors with the summary that links to their fields (`labels`, `ids`).
 */
export async function renderForm<V, F extends string>(
  ctx: PageContext,
  req: Request,
  res: Response,
  {
    template,
    action,
    o: { status = 200, values, errors = {}, notice = '', captchaKind, idem },
    labels,
    ids,
    view,
  }: {
    template: string
    action: string
    o: FormOptions<V, F>
    labels: Record<F, string>
    ids?: Partial<Record<F, string>>
    view: object
  },
): Promise<Output> {
  const captcha = createCaptcha(captchaKind)
  return page(
    ctx,
    template,
    {
      ...view,
      action,
      csrf: csrfToken(req, res),
      idem: idem ?? newIdempotencyKey(),
      captcha: {
        ...captcha,
        src: captcha.kind === 'image' ? `/ysqgk/captcha/${captcha.id}.svg` : undefined,
      },
      values: values ?? {},
      errors,
      errorList: errorSummary(errors, labels, ids),
      notice,
    },
    { status },
  )
}

/** The options of a radio group or a list, the one chosen checked. */
export const choices = <T extends string>(
  list: readonly T[],
  labels: Record<T, string>,
  chosen?: string,
) => list.map((value) => ({ value, label: labels[value], checked: value === chosen }))

/**
 * A tracking page at `path`: its form with the code typed, the lookup's outcome, and what the
 * page adds (`view`, with its layout). Never stored: it shows one person's case.
 */
export const trackPage = <T>(
  ctx: PageContext,
  req: Request,
  res: Response,
  { template, path, o, view }: { template: string; path: string; o: TrackOptions<T>; view: object },
): Promise<Output> =>
  page(
    ctx,
    template,
    {
      ...view,
      action: withCare(ctx, path),
      csrf: csrfToken(req, res),
      code: o.code ?? '',
      error: o.error ?? '',
      notice: o.notice ?? '',
      result: o.result ?? null,
    },
    { status: o.status ?? 200, cacheControl: 'no-store, private' },
  )
