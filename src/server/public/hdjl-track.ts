// /hdjl/track: the writer's query code (wrong codes limited per address) shows the status, the
// public timeline, the deadlines and the answer; once answered, one rating on the five 好差评 levels.
import type { Request, Response } from 'express'
import { normaliseTrackingCode } from '../../domain/disclosure'
import {
  RATING_COMMENT_MAX,
  RATING_LABELS,
  RATINGS,
  RESOLVED_ANSWERS,
  RESOLVED_LABELS,
} from '../../domain/letters'
import { logger } from '../../logger'
import { trackLetter } from '../../services/public-letters'
import { rateLetterById } from '../../services/rate-letter'
import {
  type Body,
  csrfToken,
  csrfValid,
  EMPTY_BODY,
  formRoute,
  errorSummary,
  lookupByCode,
  readBody,
  RETRY_AFTER_SECONDS,
  withCookies,
} from './forms'
import { INTERACTION_PATH } from './pages'
import type { PageContext } from './context'
import { type DynamicRoute, type Output } from './routes'
import { page, pageLayout, TRACK_PATH } from './hdjl-common'
import { withCare } from './section'

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

export const hdjlTrackRoute: DynamicRoute = formRoute(
  TRACK_PATH,
  (ctx, req, res) => trackPage(ctx, req, res, {}),
  postTrack,
)
