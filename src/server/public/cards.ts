// An article in a list: its card, with the address it is read at — on this site under its
// first column, or, shared from another site, on its origin (one page per article).
import { beijingDate } from '../../domain/dates'
import { idOf, sameId } from '../../domain/ids'
import { linkOrigin } from '../../domain/sites'
import { tags } from '../../services/page-cache'
import { articleHref, fileUrl } from '../render/urls'
import type { ArticleCard } from '../render/view-models'
import type { PageContext } from './context'
import type { ArticleDoc } from './read-articles'
import type { ColumnRecord, SiteColumns, SiteRecord } from './registry'

/** The column an article is shown under on this site: the first of its columns that exists. */
export function primaryColumn(
  columns: SiteColumns,
  doc: Pick<ArticleDoc, 'columns'>,
): ColumnRecord | undefined {
  for (const c of doc.columns ?? []) {
    const found = columns.byId.get(String(idOf(c)))
    if (found) return found
  }
  return undefined
}

function thumbOf(media: ArticleDoc['coverImage']): ArticleCard['thumb'] {
  if (!media || typeof media !== 'object' || !media.filename) return undefined
  const thumb = media.sizes?.thumb
  return thumb?.filename
    ? {
        src: fileUrl('media', thumb.filename),
        alt: media.alt ?? '',
        width: thumb.width ?? undefined,
        height: thumb.height ?? undefined,
      }
    : { src: fileUrl('media', media.filename), alt: media.alt ?? '' }
}

/** An article in a list; `href` where it is read elsewhere than its column (an archive). */
export const card = (columns: SiteColumns, doc: ArticleDoc, href?: string): ArticleCard => ({
  id: String(doc.id),
  title: doc.title,
  href: href ?? articleHref(primaryColumn(columns, doc)?.path, doc.id),
  date: beijingDate(doc.publishedAt),
  summary: doc.summary ?? '',
  thumb: thumbOf(doc.coverImage),
})

/**
 * Cards of a list that may hold other sites' items (shared into this site's columns): those
 * link to their one page on their origin and name it; and the pages showing them are dropped
 * when their origin changes (`tags.site` of each origin).
 */
export async function placedCards(
  ctx: PageContext,
  docs: ArticleDoc[],
): Promise<{ cards: ArticleCard[]; origins: string[] }> {
  const foreign = new Map<string, { site: SiteRecord; columns: SiteColumns }>()
  for (const d of docs) {
    const id = idOf(d.site)
    if (id == null || sameId(id, ctx.site.id) || foreign.has(String(id))) continue
    const site = (await ctx.registry.sites()).find((s) => sameId(s.id, id))
    if (site) foreign.set(String(id), { site, columns: await ctx.registry.columns(site.id) })
  }
  const cards = docs.map((d) => {
    const origin = foreign.get(String(idOf(d.site)))
    if (!origin) return card(ctx.columns, d)
    const path = articleHref(primaryColumn(origin.columns, d)?.path, d.id)
    const href = linkOrigin({ site: origin.site, dev: ctx.dev, port: ctx.port }) + path
    return { ...card(origin.columns, d, href), source: origin.site.name }
  })
  return { cards, origins: [...foreign.keys()].map(tags.site) }
}
