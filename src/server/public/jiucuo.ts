// 我要纠错 on every site: the form (/jiucuo?url=<page>, the address filled in from the link on
// every page) with the public form toolkit — CSRF, CAPTCHA, limits, one report per submission,
// everything typed shown again on any refusal, 503 with the text kept when the database is away —
// the receipt with a query code, and tracking by that code (/jiucuo/track).
import type { Request, Response } from 'express'

import { beijingDate } from '../../domain/dates'
import {
  DESCRIPTION_MAX,
  ERROR_TYPE_LABELS,
  ERROR_TYPES,
  parseReportForm,
  type RawReportForm,
  REPORT_FORM_FIELDS,
  type ReportFormField,
  URL_MAX,
} from '../../domain/error-reports'
import { linkOrigin } from '../../domain/sites'
import { logger } from '../../logger'
import { createCaptcha } from '../../services/captcha'
import { consume } from '../../services/rate-limits'
import {
  findReportByKey,
  type StoredReport,
  submitErrorReport,
  type TrackedReport,
  trackErrorReport,
} from '../../services/submit-error-report'
import type { PageContext } from './context'
import {
  type Body,
  captchaKindOf,
  captchaProblem,
  csrfToken,
  csrfValid,
  EMPTY_BODY,
  errorSummary,
  formRoute,
  isIdempotencyKey,
  newIdempotencyKey,
  onceByKey,
  postLookupByCode,
  readBody,
  RETRY_AFTER_SECONDS,
  type TrackOptions as Lookup,
  withCookies,
} from './forms'
import { page } from './hdjl-common'
import { type DynamicRoute, type Output } from './routes'
import { sectionLayout, withCare } from './section'

export const REPORT_PATH = '/jiucuo'
export const REPORT_TRACK_PATH = '/jiucuo/track'

type FieldErrors = Partial<Record<ReportFormField | 'captcha', string>>
const ERROR_LABELS: Record<keyof FieldErrors, string> = { ...REPORT_FORM_FIELDS, captcha: '验证码' }
const FIELD_IDS: Partial<Record<keyof FieldErrors, string>> = { type: 'f-type-typo' }

const NOT_SAVED =
  '系统暂时无法保存您的纠错，您填写的内容已保留在下方。请稍后（约 1 分钟后）再次点击“提交纠错”。'

const layoutOf = (ctx: PageContext, title: string, href: string) =>
  sectionLayout(ctx, '我要纠错', title, [
    { name: '我要纠错', href: REPORT_PATH, current: href === REPORT_PATH },
    ...(href === REPORT_PATH ? [] : [{ name: title, href, current: true }]),
  ])

type FormOptions = {
  status?: number
  values?: RawReportForm
  errors?: FieldErrors
  notice?: string
  captchaKind: 'image' | 'text'
  idem?: string
}

async function formPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  { status = 200, values = {}, errors = {}, notice = '', captchaKind, idem }: FormOptions,
): Promise<Output> {
  const captcha = createCaptcha(captchaKind)
  const action = withCare(ctx, REPORT_PATH)
  return page(
    ctx,
    'jiucuo',
    {
      layout: await layoutOf(ctx, '我要纠错', REPORT_PATH),
      action,
      csrf: csrfToken(req, res),
      idem: idem ?? newIdempotencyKey(),
      captcha: {
        ...captcha,
        src: captcha.kind === 'image' ? `/ysqgk/captcha/${captcha.id}.svg` : undefined,
      },
      values,
      errors,
      errorList: errorSummary(errors, ERROR_LABELS, FIELD_IDS),
      notice,
      types: ERROR_TYPES.map((value) => ({
        value,
        label: ERROR_TYPE_LABELS[value],
        checked: value === values.type,
      })),
      days: ctx.site.errorReportDays,
      urlMax: URL_MAX,
      descriptionMax: DESCRIPTION_MAX,
      trackHref: withCare(ctx, REPORT_TRACK_PATH),
      textCaptchaHref: `${REPORT_PATH}?${ctx.care ? 'care=1&' : ''}captcha=text${values.url ? `&url=${encodeURIComponent(values.url)}` : ''}`,
    },
    { status },
  )
}

async function donePage(ctx: PageContext, stored: StoredReport): Promise<Output> {
  return page(
    ctx,
    'jiucuo-done',
    {
      layout: await layoutOf(ctx, '纠错已提交', REPORT_PATH),
      code: stored.queryCode,
      receivedAt: beijingDate(stored.receivedAt),
      dueDate: beijingDate(stored.dueDate),
      mailed: Boolean(stored.email),
      trackHref: withCare(ctx, REPORT_TRACK_PATH),
    },
    // The page holds the query code: never stored by a browser or proxy.
    { cacheControl: 'no-store, private' },
  )
}

const inFlight = onceByKey<StoredReport>()

const reportValues = (fields: Record<string, string>): RawReportForm =>
  Object.fromEntries(
    (Object.keys(REPORT_FORM_FIELDS) as ReportFormField[])
      .filter((k) => typeof fields[k] === 'string')
      .map((k) => [k, fields[k]]),
  )

async function postReport(ctx: PageContext, req: Request, res: Response): Promise<Output> {
  let body: Body = EMPTY_BODY
  try {
    body = await readBody(req, { maxFiles: 0 })
  } catch (err) {
    logger.warn({ err, site: ctx.site.id }, 'error report body could not be read')
  }
  const values = reportValues(body.fields)
  const captchaKind = captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care)
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  const again = (o: Omit<FormOptions, 'captchaKind'>) =>
    formPage(ctx, req, res, { values, captchaKind, idem: key, ...o })
  try {
    await withCookies(req, res)
    if (body.tooLarge)
      return await again({
        status: 413,
        notice: '提交的内容过大，未能保存，请精简错误描述后重新提交。',
      })
    if (!csrfValid(req))
      return await again({
        status: 403,
        notice:
          '页面已过期或来源无法验证（可能是浏览器禁用了 Cookie，或页面打开时间过长）。您填写的内容已保留，请核对后重新提交。',
      })
    if (body.fields.switchCaptcha) return await again({})
    return await inFlight.run(key ? `${ctx.site.id}|${key}` : null, {
      existing: () => findReportByKey(ctx.payload, ctx.site.id, key!),
      submit: () => submitOnce(ctx, req, res, body, values, key, again),
      done: (stored) => donePage(ctx, stored),
    })
  } catch (err) {
    logger.error({ err, site: ctx.site.id }, 'error report could not be handled')
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    return again({ status: 503, notice: NOT_SAVED })
  }
}

async function submitOnce(
  ctx: PageContext,
  req: Request,
  res: Response,
  body: Body,
  values: RawReportForm,
  key: string | undefined,
  again: (o: Omit<FormOptions, 'captchaKind'>) => Promise<Output>,
): Promise<{ stored: StoredReport } | { page: Output }> {
  const ip = req.ip ?? ''
  const posts = await consume(ctx.payload, 'formPosts', ip)
  if (!posts.ok) {
    res.setHeader('Retry-After', String(posts.retryAfterSeconds))
    return { page: await again({ status: 429, notice: `${posts.message}。您填写的内容已保留。` }) }
  }
  const origin = linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port })
  const parsed = parseReportForm(values, origin)
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
  const submission = key ?? newIdempotencyKey()
  const captcha = await captchaProblem(ctx.payload, body.fields, submission)
  if (captcha) errors.captcha = captcha
  if (Object.keys(errors).length || !parsed.ok)
    return { page: await again({ status: 400, errors }) }
  const created = await consume(ctx.payload, 'requestsCreated', ip)
  if (!created.ok) {
    res.setHeader('Retry-After', String(created.retryAfterSeconds))
    return {
      page: await again({
        status: 429,
        notice: `同一网络地址提交的内容过多，${created.message}。您填写的内容已保留。`,
      }),
    }
  }
  return {
    stored: await submitErrorReport(ctx.payload, {
      site: ctx.site.id,
      value: parsed.value,
      key: submission,
    }),
  }
}

// ---------------------------------------------------------------- tracking

type TrackOptions = Lookup<TrackedReport>

async function trackPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  o: TrackOptions,
): Promise<Output> {
  return page(
    ctx,
    'jiucuo-track',
    {
      layout: await layoutOf(ctx, '纠错处理查询', REPORT_TRACK_PATH),
      action: withCare(ctx, REPORT_TRACK_PATH),
      csrf: csrfToken(req, res),
      code: o.code ?? '',
      error: o.error ?? '',
      notice: o.notice ?? '',
      result: o.result ?? null,
      formHref: withCare(ctx, REPORT_PATH),
    },
    { status: o.status ?? 200, cacheControl: 'no-store, private' },
  )
}

const postTrack = (ctx: PageContext, req: Request, res: Response): Promise<Output> =>
  postLookupByCode(ctx, req, res, {
    find: (code) => trackErrorReport(ctx.payload, { site: ctx.site.id, code }),
    show: (o) => trackPage(ctx, req, res, o),
    notFound: '未找到该查询码对应的纠错，请核对后重新输入',
    unavailable: '系统暂时无法查询，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
  })

export const jiucuoRoutes: DynamicRoute[] = [
  formRoute(REPORT_TRACK_PATH, (ctx, req, res) => trackPage(ctx, req, res, {}), postTrack),
  formRoute(
    REPORT_PATH,
    (ctx, req, res) =>
      formPage(ctx, req, res, {
        values: { url: typeof req.query.url === 'string' ? req.query.url.slice(0, URL_MAX) : '' },
        captchaKind: captchaKindOf(req.query.captcha, ctx.care),
      }),
    postReport,
  ),
]
