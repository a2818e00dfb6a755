// 依申请公开 tracking on every site (/ysqgk/track): the applicant's code (case, spaces, dashes,
// O/I/L forgiven; wrong codes limited per address) shows the status, the due date with its
// explanation and the timeline — nothing else.
import type { Request, Response } from 'express'

import { normaliseTrackingCode } from '../../domain/disclosure'
import { logger } from '../../logger'
import { type RequestTracking, trackRequest } from '../../services/track-request'
import { render } from '../render/engine'
import type { Layout } from '../render/view-models'
import type { PageContext } from './context'
import {
  type Body,
  csrfToken,
  csrfValid,
  EMPTY_BODY,
  formRoute,
  lookupByCode,
  readBody,
  RETRY_AFTER_SECONDS,
  withCookies,
} from './forms'
import { type DynamicRoute, HTML, type Output } from './routes'
import { sectionLayout, withCare } from './section'

const FORM_PATH = '/ysqgk/'
const TRACK_PATH = '/ysqgk/track'

type TrackView = {
  layout: Layout
  action: string
  csrf: string
  code: string
  error: string
  notice: string
  result: (RequestTracking & { siteName: string }) | null
  formHref: string
}

const NOT_FOUND = '未找到该查询码对应的申请，请核对后重新输入'

async function trackPage(
  ctx: PageContext,
  req: Request,
  res: Response,
  {
    status = 200,
    code = '',
    error = '',
    notice = '',
    result = null,
  }: Partial<Omit<TrackView, 'layout' | 'action' | 'csrf' | 'formHref'>> & { status?: number },
): Promise<Output> {
  const view: TrackView = {
    layout: await sectionLayout(ctx, '依申请公开', '申请办理进度查询', [
      { name: '依申请公开', href: FORM_PATH },
      { name: '办理进度查询', href: TRACK_PATH, current: true },
    ]),
    action: withCare(ctx, TRACK_PATH),
    csrf: csrfToken(req, res),
    code,
    error,
    notice,
    result,
    formHref: withCare(ctx, FORM_PATH),
  }
  return {
    status,
    body: await render(ctx.site.theme, 'ysqgk-track', view),
    contentType: HTML,
    tags: [],
    cacheControl: 'no-store, private',
  }
}

async function postTrack(ctx: PageContext, req: Request, res: Response): Promise<Output> {
  const body: Body = await readBody(req).catch(() => ({ ...EMPTY_BODY, tooLarge: true }))
  const typed = (body.fields.code ?? '').slice(0, 64)
  try {
    await withCookies(req, res)
    return await trackAnswer(ctx, req, res, body, typed)
  } catch (err) {
    logger.error({ err, site: ctx.site.id }, 'tracking could not be answered')
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
    return trackPage(ctx, req, res, {
      status: 503,
      code: typed,
      notice:
        '系统暂时无法查询办理进度，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
    })
  }
}

async function trackAnswer(
  ctx: PageContext,
  req: Request,
  res: Response,
  body: Body,
  typed: string,
): Promise<Output> {
  if (body.tooLarge || !csrfValid(req)) {
    return trackPage(ctx, req, res, {
      status: 403,
      code: typed,
      notice: '页面已过期或来源无法验证，请重新提交查询。',
    })
  }
  const code = normaliseTrackingCode(typed)
  const lookup = await lookupByCode(ctx.payload, {
    ip: req.ip ?? '',
    typed,
    find: async () => {
      const found = code ? await trackRequest(ctx.payload, { site: ctx.site.id, code }) : null
      return found && { ...found, siteName: ctx.site.name }
    },
  })
  if (lookup.kind === 'found') return trackPage(ctx, req, res, { result: lookup.result })
  if (lookup.kind === 'blank')
    return trackPage(ctx, req, res, { status: 400, error: '请输入查询码' })
  if (lookup.kind === 'limited') {
    res.setHeader('Retry-After', String(lookup.retryAfterSeconds))
    return trackPage(ctx, req, res, {
      status: 429,
      code: typed,
      notice: `查询码输入错误次数过多，${lookup.message}`,
    })
  }
  return trackPage(ctx, req, res, { status: 404, code: typed, error: NOT_FOUND })
}

export const ysqgkTrackRoute: DynamicRoute = formRoute(
  TRACK_PATH,
  (ctx, req, res) => trackPage(ctx, req, res, {}),
  postTrack,
)
