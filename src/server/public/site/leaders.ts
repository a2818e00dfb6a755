// `/ld/<n>.html`: a leader's page (领导信息) — name, post, duties and résumé from the site's
// settings, in the order the site lists its leaders.
import { render } from '../../render/engine'
import { layout } from '../frame'
import { HTML, type CachedRoute } from '../routes'
import { tags } from '../../../services/page-cache'
import { notFoundPage } from './not-found'

const LEADER = /^\/ld\/([1-9]\d{0,1})\.html$/

/** A leader's address by their place in the site's list (0-based). */
export const leaderHref = (index: number) => `/ld/${index + 1}.html`

export const leaderRoute: CachedRoute = {
  cached: true,
  matches: (path) => LEADER.test(path),
  handle: async (ctx) => {
    const index = Number(LEADER.exec(ctx.path)![1]) - 1
    const leader = ctx.site.leaders[index]
    if (!leader) return notFoundPage(ctx)
    const view = {
      layout: layout(ctx, {
        title: `${leader.name} ${leader.title}`,
        columnName: '领导信息',
        description: `${ctx.site.name}${leader.title}${leader.name}`,
        breadcrumbs: [
          { name: '首页', href: '/' },
          { name: '领导信息', href: ctx.path },
        ],
        related: await ctx.registry.sites(),
      }),
      leader,
      others: ctx.site.leaders
        .map((l, i) => ({
          name: l.name,
          title: l.title,
          href: leaderHref(i),
          current: i === index,
        }))
        .filter((l) => !l.current),
    }
    return {
      status: 200,
      body: await render(ctx.site.theme, 'leader', view),
      contentType: HTML,
      tags: [tags.site(ctx.site.id)],
    }
  },
}
