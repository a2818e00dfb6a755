// /hdjl/track: the writer's query code (wrong codes limited per address) shows the status, the
// public timeline, the deadlines and the answer; once answered, one rating on the five 好差评 levels.
import {
  RATING_COMMENT_MAX,
  RATING_LABELS,
  RATINGS,
  RESOLVED_ANSWERS,
  RESOLVED_LABELS,
} from '../../domain/letters'
import { trackLetter } from '../../services/public-letters'
import { rateLetterById } from '../../services/rate-letter'
import { trackRoute, type TrackOptions as Lookup } from './form-lookup'
import { errorSummary, type ShowPage } from './forms'
import { trackPage } from './form-views'
import { INTERACTION_PATH } from './frame'
import { trackedSites } from './retired'
import { type DynamicRoute } from './routes'
import { pageLayout, TRACK_PATH } from './hdjl-common'
import { withCare } from './section'

// ---------------------------------------------------------------- tracking and rating

const NOT_FOUND = '未找到该查询码对应的来信，请核对后重新输入'

type TrackOptions = Lookup<Awaited<ReturnType<typeof trackLetter>>> & {
  ratingErrors?: Record<string, string>
  rated?: string
}

const showTrack: ShowPage<TrackOptions> = async (ctx, req, res, o) => {
  const ratingErrors = o.ratingErrors ?? {}
  // The answer page is the writer's: never stored by a browser or proxy (trackPage).
  return trackPage(ctx, req, res, {
    template: 'hdjl-track',
    path: TRACK_PATH,
    o,
    view: {
      layout: await pageLayout(ctx, '来信办理进度查询', [
        { name: '办理进度查询', href: TRACK_PATH, current: true },
      ]),
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
  })
}

export const hdjlTrackRoute: DynamicRoute = trackRoute(TRACK_PATH, showTrack, (ctx, req, res) => ({
  find: async (code) => trackLetter(ctx.payload, { site: await trackedSites(ctx), code }),
  found: async (result, { body, typed, code }) => {
    if (body.fields.action !== 'rate') return showTrack(ctx, req, res, { code: typed, result })
    const rating = await rateLetterById(ctx.payload, result.id, {
      rating: body.fields.rating,
      resolved: body.fields.resolved,
      comment: body.fields.comment,
    })
    const after = await trackLetter(ctx.payload, { site: await trackedSites(ctx), code })
    if (!rating.ok)
      return showTrack(ctx, req, res, {
        status: 400,
        code: typed,
        result: after,
        ratingErrors: rating.problems as Record<string, string>,
      })
    return showTrack(ctx, req, res, {
      code: typed,
      result: after,
      rated: rating.poor
        ? '感谢您的评价。您对答复不满意，办理单位将在跟进期限内重新办理或向您说明，结果会显示在本页。'
        : '感谢您的评价。',
    })
  },
  notFound: NOT_FOUND,
  unavailable:
    '系统暂时无法查询办理进度，您输入的查询码已保留在下方，请稍后（约 1 分钟后）再次查询。',
}))
