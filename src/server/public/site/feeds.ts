// `/rss.xml` (the 30 latest articles) and `/sitemap.xml` (home, every column, every published
// article) of a site.
import { siteOrigin } from '../../../domain/sites'
import { tags as cacheTags } from '../../../services/page-cache'
import { rssXml, sitemapXml } from '../../render/feeds'
import { articleHref, columnHref } from '../../render/urls'
import { primaryColumn } from '../cards'
import { latestArticles } from '../read-articles'
import type { PageContext } from '../context'
import type { CachedRoute, Output } from '../routes'

async function rss(ctx: PageContext, origin: string, tags: string[]): Promise<Output> {
  const latest = await latestArticles(ctx, 30)
  const body = rssXml({
    title: ctx.site.name,
    link: `${origin}/`,
    description: `${ctx.site.name}最新信息`,
    items: latest.docs.map((d) => ({
      title: d.title,
      url: origin + articleHref(primaryColumn(ctx.columns, d)?.path, d.id),
      summary: d.summary ?? '',
      published: d.publishedAt,
    })),
  })
  return { status: 200, body, contentType: 'application/rss+xml; charset=utf-8', tags }
}

async function sitemap(ctx: PageContext, origin: string, tags: string[]): Promise<Output> {
  const urls: { loc: string; lastmod?: string | null }[] = [{ loc: `${origin}/` }]
  for (const c of ctx.columns.all) urls.push({ loc: origin + columnHref(c.path) })
  for (let page = 1; page <= 50; page++) {
    const batch = await latestArticles(ctx, 1000, page)
    for (const d of batch.docs) {
      const col = primaryColumn(ctx.columns, d)
      if (col) urls.push({ loc: origin + articleHref(col.path, d.id), lastmod: d.updatedAt })
    }
    if (!batch.hasNextPage) break
  }
  return {
    status: 200,
    body: sitemapXml(urls),
    contentType: 'application/xml; charset=utf-8',
    tags,
  }
}

export const feedsRoute: CachedRoute = {
  cached: true,
  matches: (path) => path === '/sitemap.xml' || path === '/rss.xml',
  handle: async (ctx) => {
    const origin = siteOrigin({ site: ctx.site, port: ctx.port })
    const tags = [cacheTags.site(ctx.site.id), cacheTags.feeds(ctx.site.id)]
    return ctx.path === '/rss.xml' ? rss(ctx, origin, tags) : sitemap(ctx, origin, tags)
  },
}
