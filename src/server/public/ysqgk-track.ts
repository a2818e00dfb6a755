// 依申请公开 tracking on every site (/ysqgk/track): the applicant's code (case, spaces, dashes,
// O/I/L forgiven; wrong codes limited per address) shows the status, the due date with its
// explanation and the timeline — nothing else.
import type { Request, Response } from 'express'

import { type RequestTracking, trackRequest } from '../../services/track-request'
import { render } from '../render/engine'
import type { Layout } from '../render/view-models'
import type { PageContext } from './context'
import { trackedSites } from './retired'
import { csrfToken, formRoute, postLookupByCode } from './forms'
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

const postTrack = (ctx: PageContext, req: Request, res: Response): Promise<Output> =>
  postLookupByCode(ctx, req, res, {
    find: async (code) => {
      const found = await trackRequest(ctx.payload, { site: await trackedSites(ctx), code })
      return found && { ...found, siteName: ctx.site.name }
    },
    show: (o) => trackPage(ctx, req, res, o),
    found: (result) => trackPage(ctx, req, res, { result }),
    notFound: NOT_FOUND,
    unavailable:
      '系统暂时无法查询办理进度，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
  })

export const ysqgkTrackRoute: DynamicRoute = formRoute(
  TRACK_PATH,
  (ctx, req, res) => trackPage(ctx, req, res, {}),
  postTrack,
)
