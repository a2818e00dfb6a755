// The site's home page (`/`); visitors sent from a retired site (`/?from=<slug>`) read a notice.
import { render } from '../../render/engine'
import { homePage } from '../pages'
import { retiredNotice } from '../retired'
import { HTML, type CachedRoute } from '../routes'

export const homeRoute: CachedRoute = {
  cached: true,
  matches: (path) => path === '/',
  // The notice's variant is made on request, not kept (any `from` would make an entry).
  cacheVariant: (req) => (req.query.from ? null : ''),
  handle: async (ctx, req) => {
    const r = await homePage(ctx)
    const notice = await retiredNotice(ctx, req)
    if (notice) r.view.layout.notice = notice
    return {
      status: 200,
      body: await render(ctx.site.theme, 'home', r.view),
      contentType: HTML,
      tags: r.tags,
    }
  },
}
