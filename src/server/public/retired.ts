// Retired sites (关停, 整合): every old address answers by the site's URL mapping — 301 to the page
// on the successor, 410 with a link to the archived copy, or (unmapped) the successor's home with
// a notice. On the successor: the archive of what was not moved (/archive/<slug>/), the notice on
// the home page, and /sitemap-redirects.xml listing the old addresses. Rules:
// src/domain/site-retirement.ts; the mapping: src/services/retire-site.ts.
import type { Request, Response } from 'express'

import { pageCount, parsePageSegment } from '../../domain/pagination'
import { isValidId } from '../../domain/query-input'
import type { Id } from '../../domain/ids'
import { archivePath } from '../../domain/site-retirement'
import { linkOrigin, type SiteStatus } from '../../domain/sites'
import { mappingAnswer, redirectedPaths } from '../../services/url-mappings'
import { tags as cacheTags } from '../../services/page-cache'
import { render } from '../render/engine'
import type { ColumnView, Layout } from '../render/view-models'
import type { PageContext } from './context'
import { articlePage, columnPagination, PER_PAGE } from './pages'
import { layout, notFoundLayout } from './frame'
import { card } from './cards'
import { findPublishedArticle, listArticles } from './read-articles'
import type { ColumnRecord, SiteRecord } from './registry'
import { type CachedRoute, type DynamicRoute, HTML } from './routes'

const RETIRED: SiteStatus[] = ['closed', 'merged']

/** A site that answers by its mapping: closed or merged, with a successor. */
export const isRetired = (site: Pick<SiteRecord, 'status' | 'successor'>): boolean =>
  RETIRED.includes(site.status) && site.successor != null

/** What a visitor reads about a retired site. */
const retiredSentence = (retired: SiteRecord, successor: SiteRecord) =>
  retired.status === 'merged'
    ? `“${retired.name}”已整合至“${successor.name}”。`
    : `“${retired.name}”已关停，相关服务由“${successor.name}”提供。`

/** The sites retired into this one (their letters and requests are tracked here). */
export async function predecessorsOf(ctx: PageContext): Promise<SiteRecord[]> {
  return (await ctx.registry.sites()).filter(
    (s) => isRetired(s) && String(s.successor) === String(ctx.site.id),
  )
}

/** The sites whose letters, requests and reports are tracked by code here: this one and its predecessors. */
export const trackedSites = async (ctx: PageContext): Promise<Id[]> => [
  ctx.site.id,
  ...(await predecessorsOf(ctx)).map((s) => s.id),
]

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A sitemap of old addresses (each answers 301 or 410), so that search engines learn the moves. */
export async function redirectSitemap(
  ctx: Pick<PageContext, 'payload' | 'port' | 'dev'>,
  sites: SiteRecord[],
): Promise<string> {
  const rows = await redirectedPaths(
    ctx.payload,
    sites.map((s) => s.id),
  )
  const origin = new Map(
    sites.map((s) => [String(s.id), linkOrigin({ site: s, dev: ctx.dev, port: ctx.port })]),
  )
  const urls = rows.map(
    (r) =>
      `  <url><loc>${xmlEscape(origin.get(String(r.site)) + r.path)}</loc>${
        r.updatedAt ? `<lastmod>${r.updatedAt.slice(0, 10)}</lastmod>` : ''
      }</url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

export const REDIRECT_SITEMAP = '/sitemap-redirects.xml'
const XML = 'application/xml; charset=utf-8'

/**
 * A request on a retired site's host, answered for its successor (`ctx` is the successor's,
 * `ctx.path` the old path). Reading: by the mapping. Writing (an old form): 410 saying plainly
 * that nothing was received and where to go.
 */
export async function answerRetired(
  ctx: PageContext,
  retired: SiteRecord,
  req: Request,
  res: Response,
): Promise<void> {
  const successorOrigin = linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port })
  const reading = req.method === 'GET' || req.method === 'HEAD'
  if (reading && ctx.path === REDIRECT_SITEMAP) {
    res.status(200).type(XML).setHeader('Cache-Control', 'public, max-age=3600')
    res.send(await redirectSitemap(ctx, [retired]))
    return
  }
  const gone = async (text: string, link: { name: string; href: string }) => {
    const sites = await ctx.registry.sites()
    const view = {
      layout: {
        ...notFoundLayout(ctx, sites, '页面已存档'),
        notice: { text: retiredSentence(retired, ctx.site) },
      },
      retired: { text, link },
    }
    res.status(410).setHeader('Cache-Control', 'public, max-age=300')
    res.type('html').send(await render(ctx.site.theme, 'retired', view))
  }
  if (!reading) {
    return gone(
      `${retiredSentence(retired, ctx.site)}您提交的内容未被接收，请到“${ctx.site.name}”重新提交。`,
      { name: `前往${ctx.site.name}`, href: `${successorOrigin}/` },
    )
  }
  const answer = await mappingAnswer(ctx.payload, retired, ctx.path)
  const care = ctx.care && !answer.toPath.includes('?') ? '?care=1' : ''
  if (answer.status === 410) {
    return gone(`您访问的页面原属“${retired.name}”，该栏目已停止更新，内容已存档。`, {
      name: '查看存档',
      href: `${successorOrigin}${answer.toPath}${care}`,
    })
  }
  res.redirect(301, `${successorOrigin}${answer.toPath}${care}`)
}

/** The pseudo-column an archive's pages sit under on the successor (breadcrumbs, links). */
const archiveColumn = (retired: SiteRecord): ColumnRecord => ({
  id: `archive-${retired.id}`,
  name: `${retired.name}（存档）`,
  slug: retired.slug,
  path: archivePath(retired.slug).slice(1, -1),
  parent: null,
  updateClass: '',
  isDisclosure: false,
  showOnHome: false,
  order: 0,
})

const ARCHIVE =
  /^\/archive\/([a-z0-9][a-z0-9-]*)\/(?:(index(?:_\d+)?\.html)|([A-Za-z0-9]{1,24})\.html)?$/

/** What was archived from a site retired into this one: its list, and each article as it was. */
export const archiveRoute: CachedRoute = {
  cached: true,
  matches: (path) => ARCHIVE.test(path),
  handle: async (ctx) => {
    const [, slug, listPage, id] = ARCHIVE.exec(ctx.path)!
    const retired = (await predecessorsOf(ctx)).find((s) => s.slug === slug)
    if (!retired) return null
    const sites = await ctx.registry.sites()
    const column = archiveColumn(retired)
    const notice: Layout['notice'] = {
      text: `${retiredSentence(retired, ctx.site)}以下是原网站未迁移栏目的存档，内容不再更新。`,
    }
    const asRetired = { ...ctx, site: retired, columns: await ctx.registry.columns(retired.id) }
    if (id) {
      const idType = ctx.payload.db.defaultIDType === 'number' ? 'number' : 'text'
      if (!isValidId(id, idType)) return null
      const doc = await findPublishedArticle(asRetired, id)
      if (!doc) return null
      const r = await articlePage(ctx, doc, column)
      r.view.layout.notice = notice
      r.view.layout.breadcrumbs = [
        { name: '首页', href: '/' },
        { name: column.name, href: archivePath(slug) },
        { name: '正文', href: ctx.path, current: true },
      ]
      return {
        status: 200,
        body: await render(ctx.site.theme, 'article', r.view),
        contentType: HTML,
        tags: [cacheTags.article(doc.id), cacheTags.site(retired.id)],
      }
    }
    const page = listPage ? parsePageSegment(listPage) : 1
    if (page == null) return null
    const res = await listArticles(asRetired, {}, { limit: PER_PAGE, page })
    const pages = pageCount(res.totalDocs, PER_PAGE)
    if (page > Math.max(pages, 1)) return null
    const href = archivePath(slug)
    const view: ColumnView = {
      layout: {
        ...layout(ctx, {
          title: column.name,
          columnName: column.name,
          breadcrumbs: [
            { name: '首页', href: '/' },
            { name: column.name, href, current: true },
          ],
          related: sites,
        }),
        notice,
      },
      column: { name: column.name, href, path: column.path, updateClassLabel: '' },
      children: [],
      items: res.docs.map((d) =>
        card(asRetired.columns, d as never, archivePath(slug, (d as { id: string }).id)),
      ),
      pagination: columnPagination(href, page, pages, res.totalDocs),
    }
    return {
      status: 200,
      body: await render(ctx.site.theme, 'column', view),
      contentType: HTML,
      tags: [cacheTags.site(retired.id), cacheTags.site(ctx.site.id)],
    }
  },
}

/** /sitemap-redirects.xml on a site: the old addresses of the sites retired into it. */
export const redirectSitemapRoute: DynamicRoute = {
  matches: (path) => path === REDIRECT_SITEMAP,
  handle: async (ctx) => ({
    status: 200,
    body: await redirectSitemap(ctx, await predecessorsOf(ctx)),
    contentType: XML,
    tags: [],
    cacheControl: 'public, max-age=3600',
  }),
}

/** The home page's notice for visitors sent from a retired site (`/?from=<slug>`). */
export async function retiredNotice(
  ctx: PageContext,
  req: Request,
): Promise<Layout['notice'] | undefined> {
  const from = typeof req.query.from === 'string' ? req.query.from : ''
  if (!from) return undefined
  const retired = (await predecessorsOf(ctx)).find((s) => s.slug === from)
  if (!retired) return undefined
  return {
    text: `您访问的${retiredSentence(retired, ctx.site)}原网站的信息已迁移至本站相应栏目，未迁移的内容可在存档中查阅。`,
    link: { name: '查看原网站存档', href: archivePath(retired.slug) },
  }
}
