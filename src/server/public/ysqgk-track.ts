// 依申请公开 tracking on every site (/ysqgk/track): the applicant's code (case, spaces, dashes,
// O/I/L forgiven; wrong codes limited per address) shows the status, the due date with its
// explanation and the timeline — nothing else.
import { type RequestTracking, trackRequest } from '../../services/track-request'
import { trackedSites } from './retired'
import { trackRoute, type TrackOptions } from './form-lookup'
import type { ShowPage } from './forms'
import { trackPage } from './form-views'
import { type DynamicRoute } from './routes'
import { sectionLayout, withCare } from './section'

const FORM_PATH = '/ysqgk/'
const TRACK_PATH = '/ysqgk/track'

type Tracked = RequestTracking & { siteName: string }

const NOT_FOUND = '未找到该查询码对应的申请，请核对后重新输入'

const showTrack: ShowPage<TrackOptions<Tracked>> = async (ctx, req, res, o) => {
  return trackPage(ctx, req, res, {
    template: 'ysqgk-track',
    path: TRACK_PATH,
    o,
    view: {
      layout: await sectionLayout(ctx, '依申请公开', '申请办理进度查询', [
        { name: '依申请公开', href: FORM_PATH },
        { name: '办理进度查询', href: TRACK_PATH, current: true },
      ]),
      formHref: withCare(ctx, FORM_PATH),
    },
  })
}

export const ysqgkTrackRoute: DynamicRoute = trackRoute(TRACK_PATH, showTrack, (ctx, req, res) => ({
  find: async (code) => {
    const found = await trackRequest(ctx.payload, { site: await trackedSites(ctx), code })
    return found && { ...found, siteName: ctx.site.name }
  },
  found: (result) => showTrack(ctx, req, res, { result }),
  notFound: NOT_FOUND,
  unavailable:
    '系统暂时无法查询办理进度，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
}))
