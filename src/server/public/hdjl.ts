// 互动交流 on every site: the mailboxes (/hdjl/), a mailbox's published letters
// (/hdjl/<mailbox>/ and /hdjl/<mailbox>/<id>.html), the letter form (/hdjl/<mailbox>/write, with
// the same protections as the request form: CSRF, CAPTCHA, limits, one letter per submission,
// everything typed shown again on any refusal) and tracking with the query code, where the writer
// reads the answer and rates it once (/hdjl/track).
import type { Request, Response } from 'express'

import { beijingDate } from '../../domain/dates'
import { normaliseTrackingCode } from '../../domain/disclosure'
import { isValidId } from '../../domain/query-input'
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
import {
  LETTER_CATEGORIES,
  LETTER_CATEGORY_LABELS,
  RATING_COMMENT_MAX,
  RATING_LABELS,
  RATINGS,
  RESOLVED_ANSWERS,
  RESOLVED_LABELS,
} from '../../domain/letters'
import { logger } from '../../logger'
import { createCaptcha } from '../../services/captcha'
import {
  mailboxBySlug,
  type PublicMailbox,
  publishedLetter,
  publishedLetters,
  siteMailboxes,
  trackLetter,
} from '../../services/public-letters'
import { consume } from '../../services/rate-limits'
import { type SiteLetterSummary, siteLetterSummary } from '../../services/letter-stats'
import { rateLetterById } from '../../services/rate-letter'
import {
  findLetterByKey,
  LetterFileRefused,
  type StoredLetter,
  submitLetter,
} from '../../services/submit-letter'
import { settings } from '../../settings'
import { render } from '../render/engine'
import type { Layout, Link } from '../render/view-models'
import {
  type Body,
  captchaKindOf,
  captchaProblem,
  csrfToken,
  csrfValid,
  EMPTY_BODY,
  errorSummary,
  isIdempotencyKey,
  lookupByCode,
  newIdempotencyKey,
  onceByKey,
  readBody,
  RETRY_AFTER_SECONDS,
  withCookies,
} from './forms'
import { INTERACTION_PATH, layout } from './pages'
import type { PageContext } from './context'
import { type DynamicRoute, HTML, type Output } from './routes'

const TRACK_PATH = '/hdjl/track'
const MAILBOX_PATH = /^\/hdjl\/([a-z0-9][a-z0-9-]{0,39})\/(write|([0-9a-f]{1,24})\.html)?$/
const PER_PAGE = 20

const withCare = (ctx: PageContext, href: string) => (ctx.care ? `${href}?care=1` : href)

const pageLayout = async (ctx: PageContext, title: string, trail: Link[]): Promise<Layout> =>
  layout(ctx, {
    title,
    columnName: '互动交流',
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: '互动交流', href: INTERACTION_PATH, current: trail.length === 0 },
      ...trail,
    ],
    // The form must render in an outage too (it carries what was typed): no related sites then.
    related: await ctx.registry.sites().catch(() => []),
  })

const page = async (
  ctx: PageContext,
  template: string,
  view: Record<string, unknown>,
  { status = 200, cacheControl = 'no-store' }: { status?: number; cacheControl?: string } = {},
): Promise<Output> => ({
  status,
  body: await render(ctx.site.theme, template, view),
  contentType: HTML,
  tags: [],
  cacheControl,
})

/** Lists change when a letter is published: a short public cache, never a stale personal page. */
const LIST_CACHE = 'public, max-age=60'

const mailboxView = (ctx: PageContext, m: PublicMailbox) => ({
  ...m,
  href: withCare(ctx, `${INTERACTION_PATH}${m.slug}/`),
  writeHref: withCare(ctx, `${INTERACTION_PATH}${m.slug}/write`),
  title: m.kind === 'leader' && m.leaderName ? `${m.leaderTitle}${m.leaderName}` : m.name,
})

const letterHref = (ctx: PageContext, slug: string, id: unknown) =>
  withCare(ctx, `${INTERACTION_PATH}${slug}/${String(id)}.html`)

// ---------------------------------------------------------------- reading

async function indexPage(ctx: PageContext): Promise<Output> {
  const mailboxes = await siteMailboxes(ctx.payload, ctx.site.id)
  const latest = await publishedLetters(ctx.payload, { site: ctx.site.id, limit: 10 })
  const slugById = new Map(mailboxes.map((m) => [String(m.id), m.slug]))
  const interaction = ctx.columns.top.find((c) => c.updateClass === 'interaction')
  const stats = await siteLetterSummary(ctx.payload, ctx.site.id)
  const share = (w: SiteLetterSummary['onTime']) =>
    w
      ? `${Math.round(w.share * 100)}%（95% 区间 ${Math.round(w.low * 100)}%–${Math.round(w.high * 100)}%）`
      : `样本不足（少于 ${stats.minimum} 封）`
  return page(
    ctx,
    'hdjl',
    {
      layout: await pageLayout(ctx, '互动交流', []),
      mailboxes: mailboxes.map((m) => mailboxView(ctx, m)),
      letters: latest.letters.map((l) => ({
        ...l,
        href: letterHref(ctx, slugById.get(String(l.mailboxId)) ?? '', l.id),
      })),
      trackHref: withCare(ctx, TRACK_PATH),
      stats: {
        ...stats,
        year: stats.from.slice(0, 4),
        onTimeText: share(stats.onTime),
        satisfiedText: share(stats.satisfied),
        levels: Object.entries(stats.satisfaction).map(([label, count]) => ({ label, count })),
      },
      columns: interaction
        ? ctx.columns
            .children(interaction.id)
            .map((c) => ({ name: c.name, href: withCare(ctx, c.path) }))
        : [],
    },
    { cacheControl: LIST_CACHE },
  )
}

async function mailboxPage(
  ctx: PageContext,
  mailbox: PublicMailbox,
  req: Request,
): Promise<Output> {
  const n = Number(req.query.page ?? 1)
  const pageNo = Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1
  const list = await publishedLetters(ctx.payload, {
    site: ctx.site.id,
    mailbox: mailbox.id,
    page: pageNo,
    limit: PER_PAGE,
  })
  const base = `${INTERACTION_PATH}${mailbox.slug}/`
  const link = (p: number) => `${base}?${ctx.care ? 'care=1&' : ''}page=${p}`
  return page(
    ctx,
    'hdjl-mailbox',
    {
      layout: await pageLayout(ctx, mailbox.name, [
        { name: mailbox.name, href: base, current: true },
      ]),
      mailbox: mailboxView(ctx, mailbox),
      letters: list.letters.map((l) => ({ ...l, href: letterHref(ctx, mailbox.slug, l.id) })),
      total: list.total,
      prevHref: list.page > 1 ? link(list.page - 1) : '',
      nextHref: list.page < list.totalPages ? link(list.page + 1) : '',
      pageNo: list.page,
      totalPages: list.totalPages,
      trackHref: withCare(ctx, TRACK_PATH),
    },
    { cacheControl: LIST_CACHE },
  )
}

async function letterPage(
  ctx: PageContext,
  mailbox: PublicMailbox,
  id: string,
): Promise<Output | null> {
  const idType = ctx.payload.db.defaultIDType === 'number' ? 'number' : 'text'
  const letter = isValidId(id, idType)
    ? await publishedLetter(ctx.payload, { site: ctx.site.id, id })
    : null
  if (!letter || String(letter.mailboxId) !== String(mailbox.id)) return null
  const base = `${INTERACTION_PATH}${mailbox.slug}/`
  return page(
    ctx,
    'hdjl-letter',
    {
      layout: await pageLayout(ctx, letter.subject, [
        { name: mailbox.name, href: base },
        { name: '来信详情', href: `${base}${id}.html`, current: true },
      ]),
      letter,
      mailbox: mailboxView(ctx, mailbox),
    },
    { cacheControl: LIST_CACHE },
  )
}

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

async function formPage(
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

const letterValues = (fields: Record<string, string>): RawLetterForm =>
  Object.fromEntries(
    (Object.keys(LETTER_FORM_FIELDS) as LetterFormField[])
      .filter((k) => typeof fields[k] === 'string')
      .map((k) => [k, fields[k]]),
  )

async function postLetter(
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
  const values = letterValues(body.fields)
  const captchaKind = captchaKindOf(body.fields.switchCaptcha ?? body.fields.captchaKind, ctx.care)
  const droppedFiles = body.files.map((f) => f.name || '附件').join('、')
  const key = isIdempotencyKey(body.fields.idem) ? body.fields.idem : undefined
  const again = (o: Omit<FormOptions, 'captchaKind'>) =>
    formPage(ctx, mailbox, req, res, { values, droppedFiles, captchaKind, idem: key, ...o })
  try {
    await withCookies(req, res)
    if (body.tooLarge)
      return await again({
        status: 413,
        notice: `提交的内容过大，未能保存：每个附件不能超过 ${maxMb()} MB。附件之前填写的内容已保留在下方，请核对后选择较小的附件（或不附附件）重新提交。`,
      })
    if (!csrfValid(req))
      return await again({
        status: 403,
        notice:
          '页面已过期或来源无法验证（可能是浏览器禁用了 Cookie，或页面打开时间过长）。您填写的内容已保留，请核对后重新提交。',
      })
    if (body.fields.switchCaptcha) return await again({})
    if (!mailbox.open)
      return await again({
        status: 409,
        notice: '该信箱暂停接收来信，您填写的内容已保留，请改写给其他信箱。',
      })

    const siteKey = key ? `${ctx.site.id}|${key}` : null
    const pending = inFlight.pending(siteKey)
    if (pending) {
      const first = await pending.catch(() => null)
      if (first) return await donePage(ctx, mailbox, first)
    }
    const settle = inFlight.claim(pending ? null : siteKey)
    let stored: StoredLetter | null = null
    try {
      const existing = key ? await findLetterByKey(ctx.payload, ctx.site.id, key) : null
      if (existing) {
        stored = existing
        return await donePage(ctx, mailbox, existing)
      }
      const outcome = await submitOnce(ctx, mailbox, req, res, body, values, key, again)
      if ('stored' in outcome) {
        stored = outcome.stored
        return await donePage(ctx, mailbox, outcome.stored)
      }
      return outcome.page
    } finally {
      settle(stored)
    }
  } catch (err) {
    // Whatever failed — the database, a disk, a bug — the writer keeps what was typed and is
    // told what to do; the log gets the detail.
    logger.error({ err, site: ctx.site.id }, 'letter could not be handled')
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    return again({ status: 503, notice: NOT_SAVED })
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
  const ip = req.ip ?? ''
  const posts = await consume(ctx.payload, 'formPosts', ip)
  if (!posts.ok) {
    res.setHeader('Retry-After', String(posts.retryAfterSeconds))
    return { page: await again({ status: 429, notice: `${posts.message}。您填写的内容已保留。` }) }
  }
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

  const created = await consume(ctx.payload, 'requestsCreated', ip)
  if (!created.ok) {
    res.setHeader('Retry-After', String(created.retryAfterSeconds))
    return {
      page: await again({
        status: 429,
        notice: `同一网络地址提交的来信过多，${created.message}。您填写的内容已保留。`,
      }),
    }
  }
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

// ---------------------------------------------------------------- tracking and rating

const NOT_FOUND = '未找到该查询码对应的来信，请核对后重新输入'

type TrackOptions = {
  status?: number
  code?: string
  error?: string
  notice?: string
  result?: Awaited<ReturnType<typeof trackLetter>>
  ratingErrors?: Record<string, string>
  rated?: string
}

async function trackPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  o: TrackOptions,
): Promise<Output> {
  const ratingErrors = o.ratingErrors ?? {}
  return page(
    ctx,
    'hdjl-track',
    {
      layout: await pageLayout(ctx, '来信办理进度查询', [
        { name: '办理进度查询', href: TRACK_PATH, current: true },
      ]),
      action: withCare(ctx, TRACK_PATH),
      csrf: csrfToken(req, res),
      code: o.code ?? '',
      error: o.error ?? '',
      notice: o.notice ?? '',
      result: o.result ?? null,
      rated: o.rated ?? '',
      ratings: RATINGS.map((value) => ({ value, label: RATING_LABELS[value] })),
      resolvedOptions: RESOLVED_ANSWERS.map((value) => ({ value, label: RESOLVED_LABELS[value] })),
      ratingErrors,
      ratingErrorList: errorSummary(
        ratingErrors,
        { rating: '满意程度', resolved: '问题是否解决', comment: '评价意见', letter: '评价' },
        {
          rating: 'f-rating-very-satisfied',
          resolved: 'f-resolved-yes',
          comment: 'f-comment',
          letter: 'f-rating-very-satisfied',
        },
      ),
      commentMax: RATING_COMMENT_MAX,
      indexHref: withCare(ctx, INTERACTION_PATH),
    },
    // The answer page is the writer's: never stored by a browser or proxy.
    { status: o.status ?? 200, cacheControl: 'no-store, private' },
  )
}

async function postTrack(ctx: PageContext, req: Request, res: Response): Promise<Output> {
  const body: Body = await readBody(req).catch(() => ({ ...EMPTY_BODY, tooLarge: true }))
  const typed = (body.fields.code ?? '').slice(0, 64)
  try {
    await withCookies(req, res)
    if (body.tooLarge || !csrfValid(req))
      return await trackPage(ctx, req, res, {
        status: 403,
        code: typed,
        notice: '页面已过期或来源无法验证，请重新提交查询。',
      })
    const code = normaliseTrackingCode(typed)
    const lookup = await lookupByCode(ctx.payload, {
      ip: req.ip ?? '',
      typed,
      find: async () => (code ? trackLetter(ctx.payload, { site: ctx.site.id, code }) : null),
    })
    if (lookup.kind === 'blank')
      return await trackPage(ctx, req, res, { status: 400, error: '请输入查询码' })
    if (lookup.kind === 'limited') {
      res.setHeader('Retry-After', String(lookup.retryAfterSeconds))
      return await trackPage(ctx, req, res, {
        status: 429,
        code: typed,
        notice: `查询码输入错误次数过多，${lookup.message}`,
      })
    }
    if (lookup.kind === 'missing')
      return await trackPage(ctx, req, res, { status: 404, code: typed, error: NOT_FOUND })
    const result = lookup.result
    if (body.fields.action !== 'rate')
      return await trackPage(ctx, req, res, { code: typed, result })
    const rating = await rateLetterById(ctx.payload, result.id, {
      rating: body.fields.rating,
      resolved: body.fields.resolved,
      comment: body.fields.comment,
    })
    const after = await trackLetter(ctx.payload, { site: ctx.site.id, code: code! })
    if (!rating.ok)
      return await trackPage(ctx, req, res, {
        status: 400,
        code: typed,
        result: after,
        ratingErrors: rating.problems as Record<string, string>,
      })
    return await trackPage(ctx, req, res, {
      code: typed,
      result: after,
      rated: rating.poor
        ? '感谢您的评价。您对答复不满意，办理单位将在跟进期限内重新办理或向您说明，结果会显示在本页。'
        : '感谢您的评价。',
    })
  } catch (err) {
    logger.error({ err, site: ctx.site.id }, 'letter tracking could not be answered')
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    return trackPage(ctx, req, res, {
      status: 503,
      code: typed,
      notice:
        '系统暂时无法查询办理进度，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
    })
  }
}

/** Stands in for a mailbox the database could not be asked about (posting during an outage). */
const unreachableMailbox = (slug: string): PublicMailbox => ({
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

// ---------------------------------------------------------------- routes

export const hdjlRoutes: DynamicRoute[] = [
  {
    matches: (path) => path === '/hdjl' || path === INTERACTION_PATH,
    handle: async (ctx, req, res) => {
      if (ctx.path === '/hdjl') {
        res.redirect(301, withCare(ctx, INTERACTION_PATH))
        return 'done'
      }
      if (req.method === 'POST') return null
      return indexPage(ctx)
    },
  },
  {
    matches: (path) => path === TRACK_PATH || path === `${TRACK_PATH}/`,
    handle: async (ctx, req, res) => {
      if (ctx.path !== TRACK_PATH) {
        res.redirect(301, withCare(ctx, TRACK_PATH))
        return 'done'
      }
      if (req.method === 'POST') return postTrack(ctx, req, res)
      await withCookies(req, res)
      return trackPage(ctx, req, res, {})
    },
  },
  {
    matches: (path) => MAILBOX_PATH.test(path),
    handle: async (ctx, req, res) => {
      const [, slug, rest, id] = MAILBOX_PATH.exec(ctx.path)!
      const posting = rest === 'write' && req.method === 'POST'
      // A posted letter is never lost to an outage: without the mailbox's record the form is
      // still shown again with what was typed (postLetter answers 503 when it cannot store).
      const mailbox = await mailboxBySlug(ctx.payload, ctx.site.id, slug).catch((err: unknown) => {
        if (!posting) throw err
        return unreachableMailbox(slug)
      })
      if (!mailbox) return null
      if (rest === 'write') {
        if (req.method === 'POST') return postLetter(ctx, mailbox, req, res)
        await withCookies(req, res)
        return formPage(ctx, mailbox, req, res, {
          captchaKind: captchaKindOf(req.query.captcha, ctx.care),
        })
      }
      if (req.method === 'POST') return null
      if (id) return letterPage(ctx, mailbox, id)
      return mailboxPage(ctx, mailbox, req)
    },
  },
]
