// Builds the view models of a site's home, column and article pages from published content
// (public access only), inside the shared frame (frame.ts), with lists of cards (cards.ts).

import { UPDATE_CLASSES, type UpdateClass } from '../../domain/columns'
import { beijingDate, beijingDateTime } from '../../domain/dates'
import { VALIDITY_LABELS, type Validity } from '../../domain/disclosure'
import { idOf, sameId } from '../../domain/ids'
import { pageCount, pageWindow } from '../../domain/pagination'
import { linkOrigin } from '../../domain/sites'
import { tags } from '../../services/page-cache'
import { richTextToHtml } from '../render/lexical'
import { articleHref, columnHref, fileUrl, withPage } from '../render/urls'
import type {
  ArticleCard,
  ArticleView,
  ColumnView,
  HomeView,
  Pagination,
} from '../render/view-models'
import { card, placedCards, primaryColumn } from './cards'
import type { PageContext } from './context'
import { layout, trail } from './frame'
import { type ArticleDoc, type AttachmentDoc, listArticles, listInColumns } from './read-articles'
import type { ColumnRecord, SiteRecord } from './registry'

export const PER_PAGE = 20

export type Rendered<V> = { view: V; tags: string[]; lastModified?: Date }

const ids = (cols: ColumnRecord[]) => cols.map((c) => c.id)

export async function homePage(ctx: PageContext): Promise<Rendered<HomeView>> {
  const sites = await ctx.registry.sites()
  // 通知公告 get their own panel: notice-class columns outside the disclosure catalogue
  // (policy documents stay in their own block).
  const noticeColumns = ctx.columns.all.filter(
    (c) => c.updateClass === 'notice-policy' && !c.isDisclosure,
  )
  const noticeIds = new Set(noticeColumns.map((c) => String(c.id)))
  const homeColumns = ctx.columns.all.filter((c) => c.showOnHome && !noticeIds.has(String(c.id)))
  const [blocks, notices, headline] = await Promise.all([
    Promise.all(
      homeColumns.map(async (c) => {
        const res = await listInColumns(ctx, ids(ctx.columns.subtree(c.id)), {
          limit: 8,
          count: false,
        })
        const { cards: items, origins } = await placedCards(ctx, res.docs)
        const withPictures = items.filter((i) => i.thumb)
        return {
          column: { name: c.name, href: columnHref(c.path), updateClass: c.updateClass },
          items,
          // A column of mostly pictures (图片新闻) shows them: up to four, each with its title.
          pictures:
            withPictures.length >= Math.max(2, items.length / 2) ? withPictures.slice(0, 4) : [],
          origins,
        }
      }),
    ),
    noticeColumns.length
      ? listInColumns(ctx, ids(noticeColumns), { limit: 8, count: false }).then((r) =>
          placedCards(ctx, r.docs),
        )
      : { cards: [] as ArticleCard[], origins: [] as string[] },
    listArticles(ctx, { coverImage: { exists: true } }, { limit: 1, count: false }),
  ])
  const lead = headline.docs[0]
  const leadCard = lead ? card(ctx.columns, lead) : undefined
  const leadImage =
    lead && typeof lead.coverImage === 'object' && lead.coverImage?.filename
      ? lead.coverImage
      : undefined
  const cardSrc = leadImage?.sizes?.card?.filename ?? leadImage?.filename
  return {
    view: {
      layout: layout(ctx, {
        title: ctx.site.name,
        columnName: '首页',
        breadcrumbs: [],
        related: sites,
      }),
      headline:
        leadCard && leadImage && cardSrc
          ? { ...leadCard, image: { src: fileUrl('media', cardSrc), alt: leadImage.alt ?? '' } }
          : undefined,
      blocks: blocks.map(({ origins: _, ...b }) => b),
      notices: notices.cards,
      leaders: ctx.site.leaders,
    },
    tags: [
      tags.site(ctx.site.id),
      tags.home(ctx.site.id),
      ...new Set([...blocks.flatMap((b) => b.origins), ...notices.origins]),
    ],
  }
}

/** A column list page, or null when the page number is past the end. */
export async function columnPage(
  ctx: PageContext,
  column: ColumnRecord,
  page: number,
): Promise<Rendered<ColumnView> | null> {
  const sites = await ctx.registry.sites()
  const res = await listInColumns(ctx, ids(ctx.columns.subtree(column.id)), {
    limit: PER_PAGE,
    page,
  })
  const { cards, origins } = await placedCards(ctx, res.docs)
  const pages = pageCount(res.totalDocs, PER_PAGE)
  if (page > pages) return null
  const href = columnHref(column.path)
  return {
    view: {
      layout: layout(ctx, {
        title: page > 1 ? `${column.name}（第${page}页）` : column.name,
        columnName: column.name,
        current: column,
        breadcrumbs: trail(ctx.columns, column),
        related: sites,
      }),
      column: {
        name: column.name,
        href,
        path: column.path,
        updateClassLabel: UPDATE_CLASSES[column.updateClass as UpdateClass]?.label ?? '',
      },
      children: ctx.columns
        .children(column.id)
        .map((c) => ({ name: c.name, href: columnHref(c.path) })),
      items: cards,
      pagination: columnPagination(href, page, pages, res.totalDocs),
    },
    tags: [
      tags.site(ctx.site.id),
      ...ctx.columns.subtree(column.id).map((c) => tags.column(c.id)),
      ...origins,
    ],
  }
}

/** A column list's page links (`index_N.html`): a column's pages and a retired site's archive. */
export const columnPagination = (
  href: string,
  page: number,
  pages: number,
  total: number,
): Pagination => ({
  page,
  pages,
  total,
  prev: page > 1 ? withPage(href, page - 1) : undefined,
  next: page < pages ? withPage(href, page + 1) : undefined,
  links: pageWindow({ page, pages }).map((n) => ({
    n,
    href: withPage(href, n),
    current: n === page,
  })),
})

const KIND_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/ofd': 'OFD',
  'application/msword': 'DOC',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
}

const humanSize = (bytes?: number) =>
  !bytes
    ? ''
    : bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function articlePage(
  ctx: PageContext,
  doc: ArticleDoc,
  column: ColumnRecord,
): Promise<Rendered<ArticleView>> {
  const sites = await ctx.registry.sites()
  const media =
    typeof doc.coverImage === 'object' && doc.coverImage?.filename ? doc.coverImage : undefined
  const sizes = media?.sizes ?? {}
  const srcset = ['card', 'large']
    .map((k) => sizes[k])
    .filter((s): s is { filename: string; width: number } => Boolean(s?.filename && s.width))
    .map((s) => `${fileUrl('media', s.filename)} ${s.width}w`)
    .join(', ')
  const attachments = (doc.attachments ?? []).filter(
    (a): a is AttachmentDoc => typeof a === 'object' && Boolean(a.filename),
  )
  const validity = await validityOf(ctx, doc, sites)
  return {
    view: {
      layout: layout(ctx, {
        title: doc.title,
        columnName: column.name,
        description: doc.summary ?? '',
        current: column,
        breadcrumbs: [...trail(ctx.columns, column), { name: '正文', href: ctx.path }],
        related: sites,
      }),
      column: { name: column.name, href: columnHref(column.path) },
      article: {
        id: String(doc.id),
        title: doc.title,
        html: richTextToHtml(doc.body),
        date: beijingDate(doc.publishedAt),
        datetime: doc.publishedAt ?? '',
        pubDate: beijingDateTime(doc.publishedAt),
        source: doc.source ?? '',
        author: doc.author ?? '',
        docNumber: doc.docNumber ?? '',
        indexNumber: doc.indexNumber ?? '',
        issuingOrgan: doc.issuingOrgan ?? '',
        dateFormed: beijingDate(doc.dateFormed),
        topic: nameOf(doc.topic),
        genre: nameOf(doc.genre),
        validity: validity?.view,
        withdrawn:
          doc.state === 'withdrawn'
            ? { reason: doc.withdrawnReason ?? '', date: beijingDate(doc.withdrawnAt) }
            : undefined,
        summary: doc.summary ?? '',
        image: media
          ? {
              src: fileUrl('media', sizes.card?.filename ?? media.filename!),
              srcset,
              alt: media.alt ?? '',
              caption: media.caption ?? '',
              width: sizes.card?.width ?? media.width,
              height: sizes.card?.height ?? media.height,
            }
          : undefined,
        attachments: attachments.map((a) => ({
          title: a.title ?? a.filename!,
          href: fileUrl('attachments', a.filename!),
          kind: KIND_LABELS[a.mimeType ?? ''] ?? (a.filename!.split('.').pop() ?? '').toUpperCase(),
          size: humanSize(a.filesize),
        })),
      },
    },
    // The page names the replacing document: it changes when that one is published or retitled.
    tags: [
      tags.site(ctx.site.id),
      tags.article(doc.id),
      ...(validity?.changedById != null ? [tags.article(validity.changedById)] : []),
    ],
    lastModified: doc.updatedAt ? new Date(doc.updatedAt) : undefined,
  }
}

const nameOf = (v: ArticleDoc['topic']): string =>
  v && typeof v === 'object' && typeof v.name === 'string' ? v.name : ''

const VALIDITY_VERBS: Record<Validity, string> = {
  'in-force': '',
  amended: '修改',
  repealed: '废止',
  expired: '失效',
}

/**
 * A policy document's validity as its page shows it (RULES §2: amended, repealed or expired
 * documents are marked on the original), with the document that changed it: linked at its own
 * page when published (on whichever site), named without a link otherwise.
 */
async function validityOf(
  ctx: PageContext,
  doc: ArticleDoc,
  sites: SiteRecord[],
): Promise<{ view: NonNullable<ArticleView['article']['validity']>; changedById?: string } | null> {
  const state = doc.validity as Validity | null | undefined
  if (!state || !(state in VALIDITY_LABELS)) return null
  const view: NonNullable<ArticleView['article']['validity']> = {
    state,
    label: VALIDITY_LABELS[state],
    verb: VALIDITY_VERBS[state],
    date: state === 'in-force' ? '' : beijingDate(doc.validityChangedOn),
  }
  const by = doc.validityChangedBy
  if (by == null || state === 'in-force' || state === 'expired') return { view }
  const changedById = String(idOf(by))
  // Read past access control for the title alone: an unpublished replacement is named, not linked.
  const res = await ctx.payload.find({
    collection: 'articles',
    where: { id: { equals: changedById } },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { title: true, state: true, site: true, columns: true },
    overrideAccess: true,
  })
  // Only the selected fields at depth 0, which Payload's result type does not narrow to.
  const target = res.docs[0] as unknown as
    (Pick<ArticleDoc, 'title' | 'state' | 'site' | 'columns'> & { id: string | number }) | undefined
  if (!target) return { view }
  let href: string | undefined
  const site = sites.find((s) => sameId(s.id, target.site))
  if (target.state === 'published' && site) {
    const columns = await ctx.registry.columns(site.id)
    const path = articleHref(primaryColumn(columns, target)?.path, target.id)
    href =
      String(site.id) === String(ctx.site.id)
        ? path
        : linkOrigin({ site, dev: ctx.dev, port: ctx.port }) + path
  }
  return { view: { ...view, changedBy: { title: target.title, href } }, changedById }
}
