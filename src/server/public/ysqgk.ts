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
import { type CaptchaKind, captchaSvg, createCaptcha } from '../../services/captcha'
import {
  AttachmentRefused,
  findByKey,
  type StoredRequest,
  submitRequest,
} from '../../services/submit-request'
import { settings } from '../../settings'
import { logger } from '../../logger'
import { render } from '../render/engine'
import type { Layout } from '../render/view-models'
import type { PageContext } from './context'
import {
  type Body,
  captchaKindOf,
  captchaProblem,
  csrfToken,
  EMPTY_BODY,
  errorSummary,
  failedPost,
  isIdempotencyKey,
  newIdempotencyKey,
  onceByKey,
  overLimit,
  postedFormStop,
  readBody,
  typedFields,
  withCookies,
} from './forms'
import { type DynamicRoute, HTML, type Output } from './routes'
import { sectionLayout, withCare } from './section'
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

type FormView = {
  layout: Layout
  action: string
  csrf: string
  idem: string
  captcha: { id: string; kind: CaptchaKind; question?: string; src?: string }
  values: RawRequestForm
  errors: FieldErrors
  errorList: { label: string; message: string; href: string }[]
  notice: string
  droppedFile: string
  kinds: { value: string; label: string; checked: boolean }[]
  formsWanted: { value: string; label: string; checked: boolean }[]
  deliveries: { value: string; label: string; checked: boolean }[]
  descriptionMax: number
  maxMb: string
  trackHref: string
  /** The same form with the arithmetic question: no JavaScript, no values to lose yet. */
  textCaptchaHref: string
}

async function formPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  {
    status = 200,
    values = {},
    errors = {},
    notice = '',
    droppedFile = '',
    captchaKind,
    idem,
  }: {
    status?: number
    values?: RawRequestForm
    errors?: FieldErrors
    notice?: string
    droppedFile?: string
    captchaKind: CaptchaKind
    idem?: string
  },
): Promise<Output> {
  const captcha = createCaptcha(captchaKind)
  const options = <T extends string>(
    list: readonly T[],
    labels: Record<T, string>,
    chosen?: string,
  ) => list.map((value) => ({ value, label: labels[value], checked: value === chosen }))
  const view: FormView = {
    layout: await sectionLayout(ctx, '依申请公开', '政府信息公开申请', [
      { name: '依申请公开', href: FORM_PATH, current: true },
    ]),
    action: withCare(ctx, FORM_PATH),
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
    droppedFile,
    kinds: applicantKindOptions().map((o) => ({ ...o, checked: o.value === values.applicantKind })),
    formsWanted: options(FORMS_WANTED, FORM_WANTED_LABELS, values.formWanted),
    deliveries: options(DELIVERIES, DELIVERY_LABELS, values.delivery),
    descriptionMax: DESCRIPTION_MAX,
    maxMb: (settings.requestFileMaxBytes / 1024 / 1024).toFixed(0),
    trackHref: withCare(ctx, TRACK_PATH),
    textCaptchaHref: `${FORM_PATH}?${ctx.care ? 'care=1&' : ''}captcha=text`,
  }
  return {
    status,
    body: await render(ctx.site.theme, 'ysqgk', view),
    contentType: HTML,
    tags: [],
    cacheControl: 'no-store',
  }
}

async function donePage(ctx: PageContext, stored: StoredRequest): Promise<Output> {
  const view = {
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
  }
  return {
    status: 200,
    body: await render(ctx.site.theme, 'ysqgk-done', view),
    contentType: HTML,
    tags: [],
    // The page holds the applicant's tracking code: never stored by a browser or proxy.
    cacheControl: 'no-store, private',
  }
}

// ---------------------------------------------------------------- the form

/** A second click of the same form on this node waits for the first (forms.ts says why). */
const inFlight = onceByKey<StoredRequest>()

/** Said whenever a submission could not be handled (an outage, or anything unexpected). */
const NOT_SAVED =
  '系统暂时无法保存您的申请，您填写的内容已保留在下方。请稍后（约 1 分钟后）再次点击“提交申请”；如已上传附件，请重新选择。'

async function postForm(ctx: PageContext, req: Request, res: Response): Promise<Output | 'done'> {
  let body: Body = EMPTY_BODY
  try {
    body = await readBody(req)
  } catch (err) {
    logger.warn({ err, site: ctx.site.id }, 'request form body could not be read')
  }
  const values: RawRequestForm = typedFields(
    body.fields,
    Object.keys(REQUEST_FORM_FIELDS) as RequestFormField[],
  )
  const captchaKind = captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care)
  const droppedFile = body.file?.name || (body.file ? '附件' : '')
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  const again = (o: Omit<Parameters<typeof formPage>[3], 'captchaKind'>) =>
    formPage(ctx, req, res, { values, droppedFile, captchaKind, idem: key, ...o })
  try {
    await withCookies(req, res)
    return await handlePost({ ctx, req, res, body, values, key, again })
  } catch (err) {
    return failedPost(ctx, res, { err, again, notice: NOT_SAVED, what: 'disclosure request' })
  }
}

async function handlePost({
  ctx,
  req,
  res,
  body,
  values,
  key,
  again,
}: {
  ctx: PageContext
  req: Request
  res: Response
  body: Body
  values: RawRequestForm
  key: string | undefined
  again: (o: Omit<Parameters<typeof formPage>[3], 'captchaKind'>) => Promise<Output>
}): Promise<Output | 'done'> {
  const stop = await postedFormStop(
    req,
    body,
    again,
    `提交的内容过大，未能保存：附件不能超过 ${(settings.requestFileMaxBytes / 1024 / 1024).toFixed(0)} MB。附件之前填写的内容已保留在下方，请核对、补全后选择较小的附件（或不附附件）重新提交。`,
  )
  if (stop) return stop

  // A second click on this node waits for the first; a second node is held off by the
  // database: the CAPTCHA's claim and the request's unique idempotency key both name it.
  return inFlight.run(key ? `${ctx.site.id}|${key}` : null, {
    existing: () => findByKey(ctx.payload, ctx.site.id, key!),
    submit: handleSubmission,
    done: (stored) => donePage(ctx, stored),
  })

  async function handleSubmission(): Promise<{ stored: StoredRequest } | { page: Output }> {
    const posts = await overLimit(ctx, req, res, again, { posts: true })
    if (posts) return { page: posts }

    const errors: FieldErrors = {}
    const parsed = parseRequestForm(values, { today: beijingDate(new Date()) })
    if (!parsed.ok) Object.assign(errors, parsed.errors)
    if (body.file) {
      const problems = requestAttachmentProblems({
        bytes: body.file.bytes,
        size: body.file.size,
        maxBytes: settings.requestFileMaxBytes,
      })
      if (problems.length) errors.attachment = problems.join('；')
    }
    const submission = key ?? newIdempotencyKey()
    const captcha = await captchaProblem(ctx.payload, body.fields, submission)
    if (captcha) errors.captcha = captcha
    if (Object.keys(errors).length || !parsed.ok) {
      return { page: await again({ status: 400, errors: inPageOrder(errors) }) }
    }

    const made = await overLimit(ctx, req, res, again, { made: '申请' })
    if (made) return { page: made }
    try {
      const done = await submitRequest(ctx.payload, {
        site: ctx.site.id,
        value: parsed.value,
        key: submission,
        file: body.file,
      })
      return { stored: done }
    } catch (err) {
      if (err instanceof AttachmentRefused) {
        logger.warn({ err: err.reason, site: ctx.site.id }, 'request attachment refused')
        return {
          page: await again({
            status: 400,
            errors: { attachment: '所选附件无法保存：文件可能已损坏或格式不符，请检查后重新选择' },
          }),
        }
      }
      throw err
    }
  }
}

/** Errors in the order their fields stand on the page: the attachment before the declaration. */
const PAGE_ORDER = [
  ...(Object.keys(REQUEST_FORM_FIELDS) as RequestFormField[]).filter((f) => f !== 'declaration'),
  'attachment',
  'declaration',
  'captcha',
] as const satisfies readonly (keyof FieldErrors)[]

function inPageOrder(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const f of PAGE_ORDER) if (errors[f]) out[f] = errors[f]
  return out
}

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
