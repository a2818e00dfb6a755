// The frame of a site's section pages (依申请公开, 互动交流): the layout with the section's name and
// breadcrumbs, and links that keep care mode.
import type { Layout, Link } from '../render/view-models'
import { render } from '../render/engine'
import type { PageContext } from './context'
import { layout } from './frame'
import { HTML, type Output } from './routes'

export const withCare = (ctx: PageContext, href: string) => (ctx.care ? `${href}?care=1` : href)

/** The layout of a section page; `trail` follows 首页. Renders in an outage too (forms carry what
 * was typed): without related sites then. */
export const sectionLayout = async (
  ctx: PageContext,
  section: string,
  title: string,
  trail: Link[],
): Promise<Layout> =>
  layout(ctx, {
    title,
    columnName: section,
    breadcrumbs: [{ name: '首页', href: '/' }, ...trail],
    related: await ctx.registry.sites().catch(() => []),
  })

/** A section page answered on every request (never stored; no-store unless said). */
export const page = async (
  ctx: PageContext,
  template: string,
  view: Record<string, unknown>,
  { status = 200, cacheControl = 'no-store' }: { status?: number; cacheControl?: string } = {},
): Promise<Output> => ({
  status,
  body: await render(ctx.site.theme, template, view),
  contentType: HTML,
  tags: [],
  cacheControl,
})
