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
  answerPostedForm,
  captchaKindOf,
  formRoute,
  onceByKey,
  readPostedForm,
  type ShowPage,
} from './forms'
import { choices, type FormOptions as Options, renderForm, trackPage } from './form-views'
import { trackRoute, type TrackOptions } from './form-lookup'
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

type FormOptions = Options<RawReportForm, keyof FieldErrors>

const formPage: ShowPage<FormOptions> = async (ctx, req, res, o) => {
  const url = o.values?.url
  return renderForm(ctx, req, res, {
    template: 'jiucuo',
    action: withCare(ctx, REPORT_PATH),
    o,
    labels: ERROR_LABELS,
    ids: FIELD_IDS,
    view: {
      layout: await layoutOf(ctx, '我要纠错', REPORT_PATH),
      types: choices(ERROR_TYPES, ERROR_TYPE_LABELS, o.values?.type),
      days: ctx.site.errorReportDays,
      urlMax: URL_MAX,
      descriptionMax: DESCRIPTION_MAX,
      trackHref: withCare(ctx, REPORT_TRACK_PATH),
      textCaptchaHref: `${REPORT_PATH}?${ctx.care ? 'care=1&' : ''}captcha=text${url ? `&url=${encodeURIComponent(url)}` : ''}`,
    },
  })
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
  const names = Object.keys(REPORT_FORM_FIELDS) as ReportFormField[]
  const form = await readPostedForm(ctx, req, names, { maxFiles: 0, what: 'error report' })
  return answerPostedForm(ctx, req, res, form, {
    again: (o: Omit<FormOptions, 'captchaKind'>) => formPage(ctx, req, res, { ...form.kept, ...o }),
    tooLarge: '提交的内容过大，未能保存，请精简错误描述后重新提交。',
    inFlight,
    existing: (key) => findReportByKey(ctx.payload, ctx.site.id, key),
    parse: () =>
      parseReportForm(
        form.kept.values,
        linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port }),
      ),
    made: '内容',
    store: (value, key) => submitErrorReport(ctx.payload, { site: ctx.site.id, value, key }),
    done: (stored) => donePage(ctx, stored),
    notSaved: NOT_SAVED,
    what: 'error report',
  })
}

// ---------------------------------------------------------------- tracking

const showTrack: ShowPage<TrackOptions<TrackedReport>> = async (ctx, req, res, o) => {
  return trackPage(ctx, req, res, {
    template: 'jiucuo-track',
    path: REPORT_TRACK_PATH,
    o,
    view: {
      layout: await layoutOf(ctx, '纠错处理查询', REPORT_TRACK_PATH),
      formHref: withCare(ctx, REPORT_PATH),
    },
  })
}

export const jiucuoRoutes: DynamicRoute[] = [
  trackRoute(REPORT_TRACK_PATH, showTrack, (ctx) => ({
    find: async (code) => trackErrorReport(ctx.payload, { site: await trackedSites(ctx), code }),
    notFound: '未找到该查询码对应的纠错，请核对后重新输入',
    unavailable: '系统暂时无法查询，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
  })),
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
