// Builds the view models of a site's public pages from published content (public access only).

import { UPDATE_CLASSES, type UpdateClass } from '../../domain/columns'
import { beijingDate, beijingDateTime } from '../../domain/dates'
import { VALIDITY_LABELS, type Validity } from '../../domain/disclosure'
import { idOf, sameId } from '../../domain/ids'
import { pageCount, pageWindow } from '../../domain/pagination'
import { isListed, linkOrigin, localPath, siteOrigin } from '../../domain/sites'
import { tags } from '../../services/page-cache'
import { richTextToHtml } from '../render/lexical'
import { articleHref, columnHref, fileUrl, withPage } from '../render/urls'
import type {
  ArticleCard,
  ArticleView,
  ColumnView,
  HomeView,
  Layout,
  Link,
  SiteView,
} from '../render/view-models'
import type { PageContext } from './context'
import { type ArticleDoc, type AttachmentDoc, listArticles, listInColumns } from './read-articles'
import type { ColumnRecord, SiteColumns, SiteRecord } from './registry'

export const PER_PAGE = 20

export type Rendered<V> = { view: V; tags: string[]; lastModified?: Date }

export const siteView = (ctx: Pick<PageContext, 'site' | 'port'>): SiteView => {
  const { site } = ctx
  const origin = siteOrigin({ site, port: ctx.port })
  return {
    name: site.name,
    slug: site.slug,
    kind: site.kind,
    theme: site.theme,
    siteIdCode: site.siteIdCode,
    orgName: site.orgName,
    sponsor: site.sponsor,
    operator: site.operator,
    icp: site.icp,
    psbRecord: site.psbRecord,
    address: site.address,
    postcode: site.postcode,
    phone: site.phone,
    officeHours: site.officeHours,
    logoUrl: site.logo ? fileUrl('media', site.logo) : '/assets/emblem.svg',
    origin,
    // Never the Host as sent: the page may be cached and shown to the next reader.
    domain: site.domains[0] ?? new URL(origin).host,
    leaders: site.leaders,
  }
}

export function layout(
  ctx: PageContext,
  {
    title,
    columnName,
    description,
    current,
    breadcrumbs,
    related,
  }: {
    title: string
    columnName: string
    description?: string
    current?: ColumnRecord
    breadcrumbs: Link[]
    related: SiteRecord[]
  },
): Layout {
  const careQs = ctx.care ? '?care=1' : ''
  const path = localPath(ctx.path)
  const topOfCurrent = current ? topAncestor(ctx.columns, current) : undefined
  const view = siteView(ctx)
  return {
    site: view,
    nav: navigation(ctx, topOfCurrent),
    care: ctx.care,
    careQs,
    careToggleHref: ctx.care ? path : `${path}?care=1`,
    // 我要纠错 on every page, with the page's address filled in.
    errorReportHref: path.startsWith('/jiucuo')
      ? `/jiucuo${careQs}`
      : `/jiucuo?url=${encodeURIComponent(path)}${ctx.care ? '&care=1' : ''}`,
    meta: {
      title: title === ctx.site.name ? title : `${title} - ${ctx.site.name}`,
      columnName,
      description: description || `${ctx.site.name}官方网站`,
      canonical: `${view.origin}${path}`,
    },
    breadcrumbs,
    platformName: ctx.platformName,
    directoryHref: ctx.directoryHref,
    relatedSites: related
      .filter((s) => String(s.id) !== String(ctx.site.id) && isListed(s.status))
      .map((s) => ({
        name: s.name,
        href: linkOrigin({ site: s, dev: ctx.dev, port: ctx.port }) + '/',
      })),
    year: new Date().getFullYear(),
  }
}

/** The interaction section (领导信箱 and the like) lives at /hdjl/ on every site. */
export const INTERACTION_PATH = '/hdjl/'

/**
 * 首页, the top columns, and 互动交流: the site's own interaction column (updateClass
 * 'interaction') leads to the mailbox section, which links to that column's pages; a site
 * without one still gets the entry.
 */
/** The disclosure pages of the platform: catalogue, guide, annual reports, requests. */
export const DISCLOSURE_PATHS = /^\/(xxgk|ysqgk)(\/|$)/

/**
 * The site's 政府信息公开 section: the top-level disclosure column that holds other columns. The
 * navigation sends it to the disclosure platform (/xxgk/), whose own menu lists its columns.
 */
export const disclosureSection = (columns: SiteColumns): ColumnRecord | undefined =>
  columns.top.find((c) => c.isDisclosure && columns.children(c.id).length > 0)

function navigation(ctx: PageContext, topOfCurrent: ColumnRecord | undefined): Link[] {
  const inInteraction = ctx.path.startsWith(INTERACTION_PATH)
  const section = disclosureSection(ctx.columns)
  const nav: Link[] = [
    { name: '首页', href: '/', current: ctx.path === '/' },
    ...ctx.columns.top.map((c) =>
      c.updateClass === 'interaction'
        ? {
            name: c.name,
            href: INTERACTION_PATH,
            current: inInteraction || topOfCurrent?.id === c.id,
          }
        : c === section
          ? {
              name: c.name,
              href: '/xxgk/',
              current: DISCLOSURE_PATHS.test(ctx.path) || topOfCurrent?.id === c.id,
            }
          : {
              name: c.name,
              href: columnHref(c.path),
              current: topOfCurrent ? String(topOfCurrent.id) === String(c.id) : false,
            },
    ),
  ]
  if (!ctx.columns.top.some((c) => c.updateClass === 'interaction'))
    nav.push({ name: '互动交流', href: INTERACTION_PATH, current: inInteraction })
  return nav
}

function topAncestor(columns: SiteColumns, column: ColumnRecord): ColumnRecord {
  let c = column
  for (let i = 0; i < 20 && c.parent != null; i++) {
    const p = columns.byId.get(String(c.parent))
    if (!p) break
    c = p
  }
  return c
}

function trail(columns: SiteColumns, column: ColumnRecord): Link[] {
  const out: Link[] = []
  const section = disclosureSection(columns)
  let c: ColumnRecord | undefined = column
  for (let i = 0; i < 20 && c; i++) {
    // The 政府信息公开 section is the disclosure platform, not a list of its own.
    out.unshift({ name: c.name, href: sameId(c.id, section?.id) ? '/xxgk/' : columnHref(c.path) })
    c = c.parent != null ? columns.byId.get(String(c.parent)) : undefined
  }
  return [{ name: '首页', href: '/' }, ...out]
}

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

const ids = (cols: ColumnRecord[]) => cols.map((c) => c.id)

/**
 * Cards of a list that may hold other sites' items (shared into this site's columns): those
 * link to their one page on their origin and name it; and the pages showing them are dropped
 * when their origin changes (`tags.site` of each origin).
 */
async function placedCards(
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
      pagination: {
        page,
        pages,
        total: res.totalDocs,
        prev: page > 1 ? withPage(href, page - 1) : undefined,
        next: page < pages ? withPage(href, page + 1) : undefined,
        links: pageWindow({ page, pages }).map((n) => ({
          n,
          href: withPage(href, n),
          current: n === page,
        })),
      },
    },
    tags: [
      tags.site(ctx.site.id),
      ...ctx.columns.subtree(column.id).map((c) => tags.column(c.id)),
      ...origins,
    ],
  }
}

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

export function notFoundLayout(
  ctx: PageContext,
  sites: SiteRecord[],
  title = '页面不存在',
): Layout {
  return layout(ctx, {
    title,
    columnName: title,
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: title, href: localPath(ctx.path), current: true },
    ],
    related: sites,
  })
}
