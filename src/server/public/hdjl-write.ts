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
import { type PublicMailbox } from '../../services/public-letters'
import {
  findLetterByKey,
  LetterFileRefused,
  type StoredLetter,
  submitLetter,
} from '../../services/submit-letter'
import { settings } from '../../settings'
import { answerPostedForm, onceByKey, readPostedForm } from './forms'
import { choices, type FormOptions as Options, renderForm } from './form-views'
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

const maxMb = () => (settings.requestFileMaxBytes / 1024 / 1024).toFixed(0)
const NOT_SAVED =
  '系统暂时无法保存您的来信，您填写的内容已保留在下方。请稍后（约 1 分钟后）再次点击“提交来信”；如已选择附件，请重新选择。'

type FormOptions = Options<RawLetterForm, keyof FieldErrors> & { droppedFiles?: string }

export async function formPage(
  ctx: PageContext,
  mailbox: PublicMailbox,
  req: Request,
  res: Response,
  o: FormOptions,
): Promise<Output> {
  const action = withCare(ctx, `${INTERACTION_PATH}${mailbox.slug}/write`)
  return renderForm(ctx, req, res, {
    template: 'hdjl-write',
    action,
    o,
    labels: ERROR_LABELS,
    ids: FIELD_IDS,
    view: {
      layout: await pageLayout(ctx, `给${mailbox.name}写信`, [
        { name: mailbox.name, href: `${INTERACTION_PATH}${mailbox.slug}/` },
        { name: '我要写信', href: action, current: true },
      ]),
      mailbox: mailboxView(ctx, mailbox),
      droppedFiles: o.droppedFiles ?? '',
      categories: choices(LETTER_CATEGORIES, LETTER_CATEGORY_LABELS, o.values?.category),
      titles: choices(WRITER_TITLES, WRITER_TITLE_LABELS, o.values?.title ?? 'none'),
      subjectMax: SUBJECT_MAX,
      contentMax: CONTENT_MAX,
      maxFiles: LETTER_ATTACHMENTS_MAX,
      maxMb: maxMb(),
      trackHref: withCare(ctx, TRACK_PATH),
      textCaptchaHref: `${INTERACTION_PATH}${mailbox.slug}/write?${ctx.care ? 'care=1&' : ''}captcha=text`,
    },
  })
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
  const names = Object.keys(LETTER_FORM_FIELDS) as LetterFormField[]
  const form = await readPostedForm(ctx, req, names, {
    maxFiles: LETTER_ATTACHMENTS_MAX,
    what: 'letter form',
  })
  const { files } = form.body
  const droppedFiles = files.map((f) => f.name || '附件').join('、')
  return answerPostedForm(ctx, req, res, form, {
    again: (o: Omit<FormOptions, 'captchaKind'>) =>
      formPage(ctx, mailbox, req, res, { ...form.kept, droppedFiles, ...o }),
    tooLarge: `提交的内容过大，未能保存：每个附件不能超过 ${maxMb()} MB。附件之前填写的内容已保留在下方，请核对后选择较小的附件（或不附附件）重新提交。`,
    closed: mailbox.open ? undefined : '该信箱暂停接收来信，您填写的内容已保留，请改写给其他信箱。',
    inFlight,
    existing: (key) => findLetterByKey(ctx.payload, ctx.site.id, key),
    parse: () => parseLetterForm(form.kept.values),
    attachmentProblems: () =>
      files.flatMap((f) =>
        letterAttachmentProblems({
          name: f.name,
          bytes: f.bytes,
          size: f.size,
          maxBytes: settings.requestFileMaxBytes,
        }),
      ),
    order: PAGE_ORDER,
    made: '来信',
    store: (value, key) =>
      submitLetter(ctx.payload, { site: ctx.site.id, mailbox: mailbox.id, value, key, files }),
    refusedFile: { error: LetterFileRefused, what: 'letter' },
    done: (stored) => donePage(ctx, mailbox, stored),
    notSaved: NOT_SAVED,
    what: 'letter',
  })
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
