// 写信: the letter form of a mailbox (/hdjl/<mailbox>/write) with the public form toolkit: CSRF,
// CAPTCHA, limits, up to three image/PDF attachments, one letter per submission, everything typed
// shown again on any refusal, 503 with the text kept when the database is away.
import type { Request, Response } from 'express'
import { beijingDate } from '../../domain/dates'
import {
  CONTENT_MAX,
  LETTER_ATTACHMENTS_MAX,
  LETTER_FORM_FIELDS,
  letterAttachmentProblems,
  type LetterFormField,
  parseLetterForm,
  type RawLetterForm,
  SUBJECT_MAX,
  WRITER_TITLE_LABELS,
  WRITER_TITLES,
} from '../../domain/letter-form'
import { LETTER_CATEGORIES, LETTER_CATEGORY_LABELS } from '../../domain/letters'
import { logger } from '../../logger'
import { createCaptcha } from '../../services/captcha'
import { type PublicMailbox } from '../../services/public-letters'
import {
  findLetterByKey,
  LetterFileRefused,
  type StoredLetter,
  submitLetter,
} from '../../services/submit-letter'
import { settings } from '../../settings'
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
import { INTERACTION_PATH } from './frame'
import type { PageContext } from './context'
import { type Output } from './routes'
import { mailboxView, pageLayout, TRACK_PATH } from './hdjl-common'
import { page, withCare } from './section'

// ---------------------------------------------------------------- writing

type FieldErrors = Partial<Record<LetterFormField | 'captcha' | 'attachment', string>>
const ERROR_LABELS: Record<keyof FieldErrors, string> = {
  ...LETTER_FORM_FIELDS,
  captcha: '验证码',
  attachment: '附件',
}
const FIELD_IDS: Partial<Record<keyof FieldErrors, string>> = {
  category: 'f-category-consult',
  title: 'f-title-mr',
}
const PAGE_ORDER: (keyof FieldErrors)[] = [
  'subject',
  'category',
  'content',
  'attachment',
  'name',
  'title',
  'phone',
  'email',
  'consentPersonalData',
  'consentPublish',
  'captcha',
]
const inPageOrder = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(PAGE_ORDER.filter((f) => errors[f]).map((f) => [f, errors[f]]))

const maxMb = () => (settings.requestFileMaxBytes / 1024 / 1024).toFixed(0)
const NOT_SAVED =
  '系统暂时无法保存您的来信，您填写的内容已保留在下方。请稍后（约 1 分钟后）再次点击“提交来信”；如已选择附件，请重新选择。'

type FormOptions = {
  status?: number
  values?: RawLetterForm
  errors?: FieldErrors
  notice?: string
  droppedFiles?: string
  captchaKind: 'image' | 'text'
  idem?: string
}

export async function formPage(
  ctx: PageContext,
  mailbox: PublicMailbox,
  req: Request,
  res: Response,
  {
    status = 200,
    values = {},
    errors = {},
    notice = '',
    droppedFiles = '',
    captchaKind,
    idem,
  }: FormOptions,
): Promise<Output> {
  const captcha = createCaptcha(captchaKind)
  const action = withCare(ctx, `${INTERACTION_PATH}${mailbox.slug}/write`)
  const choices = <T extends string>(
    list: readonly T[],
    labels: Record<T, string>,
    chosen?: string,
  ) => list.map((value) => ({ value, label: labels[value], checked: value === chosen }))
  return page(
    ctx,
    'hdjl-write',
    {
      layout: await pageLayout(ctx, `给${mailbox.name}写信`, [
        { name: mailbox.name, href: `${INTERACTION_PATH}${mailbox.slug}/` },
        { name: '我要写信', href: action, current: true },
      ]),
      mailbox: mailboxView(ctx, mailbox),
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
      droppedFiles,
      categories: choices(LETTER_CATEGORIES, LETTER_CATEGORY_LABELS, values.category),
      titles: choices(WRITER_TITLES, WRITER_TITLE_LABELS, values.title ?? 'none'),
      subjectMax: SUBJECT_MAX,
      contentMax: CONTENT_MAX,
      maxFiles: LETTER_ATTACHMENTS_MAX,
      maxMb: maxMb(),
      trackHref: withCare(ctx, TRACK_PATH),
      textCaptchaHref: `${INTERACTION_PATH}${mailbox.slug}/write?${ctx.care ? 'care=1&' : ''}captcha=text`,
    },
    { status },
  )
}

async function donePage(
  ctx: PageContext,
  mailbox: PublicMailbox,
  stored: StoredLetter,
): Promise<Output> {
  return page(
    ctx,
    'hdjl-done',
    {
      layout: await pageLayout(ctx, '来信已提交', [
        { name: mailbox.name, href: `${INTERACTION_PATH}${mailbox.slug}/` },
        { name: '来信已提交', href: `${INTERACTION_PATH}${mailbox.slug}/write`, current: true },
      ]),
      mailbox: mailboxView(ctx, mailbox),
      number: stored.number,
      code: stored.queryCode,
      receivedAt: beijingDate(stored.receivedAt),
      acceptDueDate: beijingDate(stored.acceptDueDate),
      answerDueDate: beijingDate(stored.answerDueDate),
      mailed: Boolean(stored.email),
      trackHref: withCare(ctx, TRACK_PATH),
    },
    // The page holds the writer's query code: never stored by a browser or proxy.
    { cacheControl: 'no-store, private' },
  )
}

/** A second click of the same letter on this node waits for the first (forms.ts says why). */
const inFlight = onceByKey<StoredLetter>()

export async function postLetter(
  ctx: PageContext,
  mailbox: PublicMailbox,
  req: Request,
  res: Response,
): Promise<Output> {
  let body: Body = EMPTY_BODY
  try {
    body = await readBody(req, { maxFiles: LETTER_ATTACHMENTS_MAX })
  } catch (err) {
    logger.warn({ err, site: ctx.site.id }, 'letter form body could not be read')
  }
  const values: RawLetterForm = typedFields(
    body.fields,
    Object.keys(LETTER_FORM_FIELDS) as LetterFormField[],
  )
  const captchaKind = captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care)
  const droppedFiles = body.files.map((f) => f.name || '附件').join('、')
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  const again = (o: Omit<FormOptions, 'captchaKind'>) =>
    formPage(ctx, mailbox, req, res, { values, droppedFiles, captchaKind, idem: key, ...o })
  try {
    await withCookies(req, res)
    const stop = await postedFormStop(
      req,
      body,
      again,
      `提交的内容过大，未能保存：每个附件不能超过 ${maxMb()} MB。附件之前填写的内容已保留在下方，请核对后选择较小的附件（或不附附件）重新提交。`,
    )
    if (stop) return stop
    if (!mailbox.open)
      return await again({
        status: 409,
        notice: '该信箱暂停接收来信，您填写的内容已保留，请改写给其他信箱。',
      })

    return await inFlight.run(key ? `${ctx.site.id}|${key}` : null, {
      existing: () => findLetterByKey(ctx.payload, ctx.site.id, key!),
      submit: () => submitOnce(ctx, mailbox, req, res, body, values, key, again),
      done: (stored) => donePage(ctx, mailbox, stored),
    })
  } catch (err) {
    return failedPost(ctx, res, { err, again, notice: NOT_SAVED, what: 'letter' })
  }
}

async function submitOnce(
  ctx: PageContext,
  mailbox: PublicMailbox,
  req: Request,
  res: Response,
  body: Body,
  values: RawLetterForm,
  key: string | undefined,
  again: (o: Omit<FormOptions, 'captchaKind'>) => Promise<Output>,
): Promise<{ stored: StoredLetter } | { page: Output }> {
  const posts = await overLimit(ctx, req, res, again, { posts: true })
  if (posts) return { page: posts }
  const errors: FieldErrors = {}
  const parsed = parseLetterForm(values)
  if (!parsed.ok) Object.assign(errors, parsed.errors)
  const fileProblems = body.files.flatMap((f) =>
    letterAttachmentProblems({
      name: f.name,
      bytes: f.bytes,
      size: f.size,
      maxBytes: settings.requestFileMaxBytes,
    }),
  )
  if (fileProblems.length) errors.attachment = fileProblems.join('；')
  const submission = key ?? newIdempotencyKey()
  const captcha = await captchaProblem(ctx.payload, body.fields, submission)
  if (captcha) errors.captcha = captcha
  if (Object.keys(errors).length || !parsed.ok)
    return { page: await again({ status: 400, errors: inPageOrder(errors) }) }

  const made = await overLimit(ctx, req, res, again, { made: '来信' })
  if (made) return { page: made }
  try {
    const stored = await submitLetter(ctx.payload, {
      site: ctx.site.id,
      mailbox: mailbox.id,
      value: parsed.value,
      key: submission,
      files: body.files,
    })
    return { stored }
  } catch (err) {
    if (err instanceof LetterFileRefused) {
      logger.warn({ err: err.reason, site: ctx.site.id }, 'letter attachment refused')
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

/** Stands in for a mailbox the database could not be asked about (posting during an outage). */
export const unreachableMailbox = (slug: string): PublicMailbox => ({
  id: '',
  slug,
  name: '信箱',
  kind: 'department',
  leaderName: '',
  leaderTitle: '',
  intro: '',
  open: true,
  acceptDays: 3,
  answerDays: 15,
  photo: null,
})
