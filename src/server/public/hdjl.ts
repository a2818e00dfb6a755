// 互动交流 on every site: the mailboxes (/hdjl/), a mailbox's published letters
// (/hdjl/<mailbox>/ and /hdjl/<mailbox>/<id>.html), the letter form (/hdjl/<mailbox>/write, with
// the same protections as the request form: CSRF, CAPTCHA, limits, one letter per submission,
// everything typed shown again on any refusal) and tracking with the query code, where the writer
// reads the answer and rates it once (/hdjl/track).
import type { Request } from 'express'
import { isValidId } from '../../domain/query-input'
import {
  mailboxBySlug,
  type PublicMailbox,
  publishedLetter,
  publishedLetters,
  siteMailboxes,
} from '../../services/public-letters'
import { RATING_LABELS, RATINGS } from '../../domain/letters'
import { shareText, yearToDate } from '../../domain/feedback-stats'
import { feedbackFigures } from '../../services/feedback-stats'
import { todayInBeijing } from '../../services/request-clock'
import { captchaKindOf, withCookies } from './forms'
import { INTERACTION_PATH } from './frame'
import type { PageContext } from './context'
import { type DynamicRoute, type Output } from './routes'
import {
  LIST_CACHE,
  letterHref,
  mailboxView,
  MAILBOX_PATH,
  pageLayout,
  PER_PAGE,
  TRACK_PATH,
} from './hdjl-common'
import { page, withCare } from './section'
import { STATS_PATH } from './hdjl-stats'
import { formPage, postLetter, unreachableMailbox } from './hdjl-write'
import { hdjlTrackRoute } from './hdjl-track'

// ---------------------------------------------------------------- reading

async function indexPage(ctx: PageContext): Promise<Output> {
  const mailboxes = await siteMailboxes(ctx.payload, ctx.site.id)
  const latest = await publishedLetters(ctx.payload, { site: ctx.site.id, limit: 10 })
  const slugById = new Map(mailboxes.map((m) => [String(m.id), m.slug]))
  const interaction = ctx.columns.top.find((c) => c.updateClass === 'interaction')
  const today = todayInBeijing()
  const table = await feedbackFigures(ctx.payload, { site: ctx.site.id, period: yearToDate(today) })
  const stats = table.sites[0]
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
      statsHref: withCare(ctx, STATS_PATH),
      stats: {
        ...stats,
        year: today.slice(0, 4),
        from: `${today.slice(0, 4)}-01-01`,
        to: today,
        onTimeText: shareText(stats.onTime, stats.minimum),
        satisfiedText: shareText(stats.satisfied, stats.minimum),
        levels: RATINGS.map((r) => ({
          label: RATING_LABELS[r],
          count: stats.satisfaction[RATING_LABELS[r]] ?? 0,
        })),
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
  hdjlTrackRoute,
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
