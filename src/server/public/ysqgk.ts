// 依申请公开 on every site: the request form /ysqgk/ (CSRF, CAPTCHA, rate limits, one
// attachment, one request per submission however often it is sent), its CAPTCHA pictures, and
// tracking (ysqgk-track.ts).
import type { Request, Response } from 'express'

import { beijingDate } from '../../domain/dates'
import {
  applicantKindOptions,
  DELIVERIES,
  DELIVERY_LABELS,
  DESCRIPTION_MAX,
  FORM_WANTED_LABELS,
  FORMS_WANTED,
  parseRequestForm,
  type RawRequestForm,
  receiptDelivery,
  REQUEST_FORM_FIELDS,
  requestAttachmentProblems,
  type RequestFormField,
} from '../../domain/request-form'
import { captchaSvg } from '../../services/captcha'
import {
  AttachmentRefused,
  findByKey,
  type StoredRequest,
  submitRequest,
} from '../../services/submit-request'
import { settings } from '../../settings'
import type { PageContext } from './context'
import {
  answerPostedForm,
  captchaKindOf,
  onceByKey,
  readPostedForm,
  type ShowPage,
  withCookies,
} from './forms'
import { choices, type FormOptions as Options, renderForm } from './form-views'
import { type DynamicRoute, type Output } from './routes'
import { page, sectionLayout, withCare } from './section'
import { ysqgkTrackRoute } from './ysqgk-track'

const FORM_PATH = '/ysqgk/'
const TRACK_PATH = '/ysqgk/track'
const CAPTCHA_PATH = /^\/ysqgk\/captcha\/([A-Za-z0-9_-]{16,256})\.svg$/

// ---------------------------------------------------------------- views

type FieldErrors = Partial<Record<RequestFormField | 'captcha' | 'attachment', string>>

const FIELD_IDS: Record<keyof FieldErrors, string> = {
  ...(Object.fromEntries(Object.keys(REQUEST_FORM_FIELDS).map((k) => [k, `f-${k}`])) as Record<
    RequestFormField,
    string
  >),
  // Radio groups: the summary links to their first option.
  applicantKind: 'f-applicantKind-natural-person',
  formWanted: 'f-formWanted-paper',
  delivery: 'f-delivery-post',
  captcha: 'f-captcha',
  attachment: 'f-attachment',
}
const ERROR_LABELS: Record<keyof FieldErrors, string> = {
  ...REQUEST_FORM_FIELDS,
  captcha: '验证码',
  attachment: '附件',
}

const maxMb = () => (settings.requestFileMaxBytes / 1024 / 1024).toFixed(0)

type FormOptions = Options<RawRequestForm, keyof FieldErrors> & { droppedFile?: string }

const formPage: ShowPage<FormOptions> = async (ctx, req, res, o) =>
  renderForm(ctx, req, res, {
    template: 'ysqgk',
    action: withCare(ctx, FORM_PATH),
    o,
    labels: ERROR_LABELS,
    ids: FIELD_IDS,
    view: {
      layout: await sectionLayout(ctx, '依申请公开', '政府信息公开申请', [
        { name: '依申请公开', href: FORM_PATH, current: true },
      ]),
      droppedFile: o.droppedFile ?? '',
      kinds: applicantKindOptions().map((k) => ({
        ...k,
        checked: k.value === o.values?.applicantKind,
      })),
      formsWanted: choices(FORMS_WANTED, FORM_WANTED_LABELS, o.values?.formWanted),
      deliveries: choices(DELIVERIES, DELIVERY_LABELS, o.values?.delivery),
      descriptionMax: DESCRIPTION_MAX,
      maxMb: maxMb(),
      trackHref: withCare(ctx, TRACK_PATH),
      // The same form with the arithmetic question: no JavaScript, no values to lose yet.
      textCaptchaHref: `${FORM_PATH}?${ctx.care ? 'care=1&' : ''}captcha=text`,
    },
  })

async function donePage(ctx: PageContext, stored: StoredRequest): Promise<Output> {
  return page(
    ctx,
    'ysqgk-done',
    {
      layout: await sectionLayout(ctx, '依申请公开', '申请已提交', [
        { name: '依申请公开', href: FORM_PATH },
        { name: '申请已提交', href: FORM_PATH, current: true },
      ]),
      code: stored.trackingCode,
      receivedAt: beijingDate(stored.receivedAt),
      dueDate: stored.dueDate ? beijingDate(stored.dueDate) : '',
      dueExplanation: stored.dueExplanation ?? [],
      reply: stored.delivery
        ? receiptDelivery({
            delivery: stored.delivery,
            email: stored.email ?? undefined,
            phone: stored.phone ?? '',
          })
        : null,
      trackHref: withCare(ctx, TRACK_PATH),
      formHref: withCare(ctx, FORM_PATH),
    },
    // The page holds the applicant's tracking code: never stored by a browser or proxy.
    { cacheControl: 'no-store, private' },
  )
}

// ---------------------------------------------------------------- the form

/** A second click of the same form on this node waits for the first (forms.ts says why). */
const inFlight = onceByKey<StoredRequest>()

/** Said whenever a submission could not be handled (an outage, or anything unexpected). */
const NOT_SAVED =
  '系统暂时无法保存您的申请，您填写的内容已保留在下方。请稍后（约 1 分钟后）再次点击“提交申请”；如已上传附件，请重新选择。'

async function postForm(ctx: PageContext, req: Request, res: Response): Promise<Output> {
  const names = Object.keys(REQUEST_FORM_FIELDS) as RequestFormField[]
  const form = await readPostedForm(ctx, req, names, { what: 'request form' })
  const { file } = form.body
  const droppedFile = file?.name || (file ? '附件' : '')
  return answerPostedForm(ctx, req, res, form, {
    again: (o: Omit<FormOptions, 'captchaKind'>) =>
      formPage(ctx, req, res, { ...form.kept, droppedFile, ...o }),
    tooLarge: `提交的内容过大，未能保存：附件不能超过 ${maxMb()} MB。附件之前填写的内容已保留在下方，请核对、补全后选择较小的附件（或不附附件）重新提交。`,
    inFlight,
    existing: (key) => findByKey(ctx.payload, ctx.site.id, key),
    parse: () => parseRequestForm(form.kept.values, { today: beijingDate(new Date()) }),
    attachmentProblems: () =>
      file
        ? requestAttachmentProblems({
            bytes: file.bytes,
            size: file.size,
            maxBytes: settings.requestFileMaxBytes,
          })
        : [],
    order: PAGE_ORDER,
    made: '申请',
    store: (value, key) => submitRequest(ctx.payload, { site: ctx.site.id, value, key, file }),
    refusedFile: { error: AttachmentRefused, what: 'request' },
    done: (stored) => donePage(ctx, stored),
    notSaved: NOT_SAVED,
    what: 'disclosure request',
  })
}

/** Errors in the order their fields stand on the page: the attachment before the declaration. */
const PAGE_ORDER = [
  ...(Object.keys(REQUEST_FORM_FIELDS) as RequestFormField[]).filter((f) => f !== 'declaration'),
  'attachment',
  'declaration',
  'captcha',
] as const satisfies readonly (keyof FieldErrors)[]

// ---------------------------------------------------------------- routes

export const ysqgkRoutes: DynamicRoute[] = [
  ysqgkTrackRoute,
  {
    matches: (path) => path === '/ysqgk' || path === FORM_PATH,
    handle: async (ctx, req, res) => {
      if (ctx.path === '/ysqgk') {
        res.redirect(301, withCare(ctx, FORM_PATH))
        return 'done'
      }
      if (req.method === 'POST') return postForm(ctx, req, res)
      await withCookies(req, res)
      return formPage(ctx, req, res, { captchaKind: captchaKindOf(req.query.captcha, ctx.care) })
    },
  },
  {
    matches: (path) => CAPTCHA_PATH.test(path),
    handle: async (_ctx, req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return null
      const svg = captchaSvg(CAPTCHA_PATH.exec(req.path)![1])
      if (!svg) {
        res.status(404).setHeader('Cache-Control', 'no-store')
        res.type('text/plain; charset=utf-8').send('验证码已过期，请刷新页面')
        return 'done'
      }
      res.setHeader('Cache-Control', 'no-store')
      res.type('image/svg+xml').send(svg)
      return 'done'
    },
  },
]
