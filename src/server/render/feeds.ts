// sitemap.xml and rss.xml, written directly: both are small fixed formats.

const xml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  )

export type FeedItem = {
  title: string
  url: string
  summary: string
  published?: string | null
  updated?: string | null
}

export function sitemapXml(urls: { loc: string; lastmod?: string | null }[]): string {
  const rows = urls.map(
    (u) =>
      `  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(new Date(u.lastmod).toISOString())}</lastmod>` : ''}</url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${rows.join('\n')}\n</urlset>\n`
}

export function rssXml({
  title,
  link,
  description,
  items,
}: {
  title: string
  link: string
  description: string
  items: FeedItem[]
}): string {
  const rows = items.map(
    (i) =>
      `  <item><title>${xml(i.title)}</title><link>${xml(i.url)}</link><guid isPermaLink="true">${xml(i.url)}</guid>` +
      (i.published ? `<pubDate>${new Date(i.published).toUTCString()}</pubDate>` : '') +
      `<description>${xml(i.summary)}</description></item>`,
  )
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n` +
    `  <title>${xml(title)}</title>\n  <link>${xml(link)}</link>\n  <description>${xml(description)}</description>\n  <language>zh-CN</language>\n` +
    `${rows.join('\n')}\n</channel>\n</rss>\n`
  )
}
