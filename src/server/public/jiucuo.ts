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
  reportedUrl,
  type RawReportForm,
  REPORT_FORM_FIELDS,
  type ReportFormField,
  URL_MAX,
} from '../../domain/error-reports'
import { linkOrigin } from '../../domain/sites'
import { logger } from '../../logger'
import { createCaptcha } from '../../services/captcha'
import {
  findReportByKey,
  type StoredReport,
  submitErrorReport,
  type TrackedReport,
  trackErrorReport,
} from '../../services/submit-error-report'
import type { PageContext } from './context'
import { trackedSites } from './retired'
import {
  type Body,
  captchaKindOf,
  captchaProblem,
  csrfToken,
  EMPTY_BODY,
  errorSummary,
  failedPost,
  formRoute,
  isIdempotencyKey,
  newIdempotencyKey,
  onceByKey,
  overLimit,
  postedFormStop,
  postLookupByCode,
  readBody,
  typedFields,
  type TrackOptions as Lookup,
  withCookies,
} from './forms'
import { type DynamicRoute, type Output } from './routes'
import { page, sectionLayout, withCare } from './section'

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

/** The page the link came from, as the whole address the reader would recognise. */
const filledUrl = (ctx: PageContext, value: unknown): string => {
  if (typeof value !== 'string') return ''
  const typed = value.slice(0, URL_MAX)
  return reportedUrl(typed, linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port })) ?? typed
}

async function postReport(ctx: PageContext, req: Request, res: Response): Promise<Output> {
  let body: Body = EMPTY_BODY
  try {
    body = await readBody(req, { maxFiles: 0 })
  } catch (err) {
    logger.warn({ err, site: ctx.site.id }, 'error report body could not be read')
  }
  const values: RawReportForm = typedFields(
    body.fields,
    Object.keys(REPORT_FORM_FIELDS) as ReportFormField[],
  )
  const captchaKind = captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care)
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  const again = (o: Omit<FormOptions, 'captchaKind'>) =>
    formPage(ctx, req, res, { values, captchaKind, idem: key, ...o })
  try {
    await withCookies(req, res)
    const stop = await postedFormStop(
      req,
      body,
      again,
      '提交的内容过大，未能保存，请精简错误描述后重新提交。',
    )
    if (stop) return stop
    return await inFlight.run(key ? `${ctx.site.id}|${key}` : null, {
      existing: () => findReportByKey(ctx.payload, ctx.site.id, key!),
      submit: () => submitOnce(ctx, req, res, body, values, key, again),
      done: (stored) => donePage(ctx, stored),
    })
  } catch (err) {
    return failedPost(ctx, res, { err, again, notice: NOT_SAVED, what: 'error report' })
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
  const posts = await overLimit(ctx, req, res, again, { posts: true })
  if (posts) return { page: posts }
  const origin = linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port })
  const parsed = parseReportForm(values, origin)
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
  const submission = key ?? newIdempotencyKey()
  const captcha = await captchaProblem(ctx.payload, body.fields, submission)
  if (captcha) errors.captcha = captcha
  if (Object.keys(errors).length || !parsed.ok)
    return { page: await again({ status: 400, errors }) }
  const made = await overLimit(ctx, req, res, again, { made: '内容' })
  if (made) return { page: made }
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
    find: async (code) => trackErrorReport(ctx.payload, { site: await trackedSites(ctx), code }),
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
        values: { url: filledUrl(ctx, req.query.url) },
        captchaKind: captchaKindOf(req.query.captcha, ctx.care),
      }),
    postReport,
  ),
]
