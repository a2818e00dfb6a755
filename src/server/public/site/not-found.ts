// A site's own 404 page, in its theme, with its navigation.
import { render } from '../../render/engine'
import { notFoundLayout } from '../frame'
import type { PageContext } from '../context'
import { HTML, type Output } from '../routes'

export async function notFoundPage(ctx: PageContext): Promise<Output> {
  const sites = await ctx.registry.sites()
  const body = await render(ctx.site.theme, 'not-found', {
    layout: notFoundLayout(ctx, sites),
    path: ctx.path,
  })
  return { status: 404, body, contentType: HTML, tags: [] }
}
