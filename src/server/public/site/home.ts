// The site's home page (`/`).
import { render } from '../../render/engine'
import { homePage } from '../pages'
import { HTML, type CachedRoute } from '../routes'

export const homeRoute: CachedRoute = {
  cached: true,
  matches: (path) => path === '/',
  handle: async (ctx) => {
    const r = await homePage(ctx)
    return {
      status: 200,
      body: await render(ctx.site.theme, 'home', r.view),
      contentType: HTML,
      tags: r.tags,
    }
  },
}
