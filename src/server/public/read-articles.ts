// The published articles as the public pages read them: which state answers where (listed vs
// live at its address), the fields each page needs and nothing more, read through the Local API
// with access control on (the public's own access), except the retired article's few fields.
import type { Where } from 'payload'

import { beijingDate } from '../../domain/dates'
import { type Id, idOf, sameId } from '../../domain/ids'
import { isListed } from '../../domain/sites'
import type { PageContext } from './context'

export type ArticleDoc = {
  id: string | number
  title: string
  summary?: string | null
  publishedAt?: string | null
  updatedAt?: string
  columns?: (string | number | { id: string | number })[] | null
  coverImage?: MediaDoc | string | number | null
  attachments?: (AttachmentDoc | string | number)[] | null
  body?: unknown
  source?: string | null
  author?: string | null
  docNumber?: string | null
  indexNumber?: string | null
  issuingOrgan?: string | null
  dateFormed?: string | null
  state?: string | null
  withdrawnReason?: string | null
  withdrawnAt?: string | null
  site?: string | number | { id: string | number }
  /** Other sites' columns showing it (accepted shares). */
  sharedInto?: (string | number | { id: string | number })[] | null
  /** 主题分类 / 体裁分类: populated to their names (depth 1). */
  topic?: ListRef | string | number | null
  genre?: ListRef | string | number | null
  validity?: string | null
  validityChangedOn?: string | null
  validityChangedBy?: string | number | { id: string | number } | null
}
export type ListRef = { id: string | number; name?: string | null }
export type MediaDoc = {
  id: string | number
  filename?: string
  alt?: string
  caption?: string
  width?: number
  height?: number
  sizes?: Record<
    string,
    { filename?: string | null; width?: number | null; height?: number | null }
  >
}
export type AttachmentDoc = {
  id: string | number
  filename?: string
  title?: string
  filesize?: number
  mimeType?: string
}

export const LIST_SELECT = {
  title: true,
  summary: true,
  publishedAt: true,
  columns: true,
  coverImage: true,
  site: true,
} as const
export const ARTICLE_SELECT = {
  title: true,
  summary: true,
  body: true,
  publishedAt: true,
  updatedAt: true,
  columns: true,
  coverImage: true,
  attachments: true,
  source: true,
  author: true,
  docNumber: true,
  indexNumber: true,
  issuingOrgan: true,
  dateFormed: true,
  state: true,
  withdrawnReason: true,
  withdrawnAt: true,
  topic: true,
  genre: true,
  validity: true,
  validityChangedOn: true,
  validityChangedBy: true,
} as const

/** The related documents an article page shows, by the few fields it reads. */
export const ARTICLE_POPULATE = {
  columns: { id: true },
  articles: { title: true },
  'disclosure-topics': { name: true },
  'disclosure-genres': { name: true },
} as const

/** Listed in columns, feeds and the sitemap: published, not withdrawn. */
const published = (siteId: string | number, extra?: Where): Where => ({
  and: [
    { site: { equals: siteId } },
    { state: { equals: 'published' } },
    ...(extra ? [extra] : []),
  ],
})

/** Answering at its address: published, or withdrawn (the page stays, with its notice). */
const live = (siteId: string | number, extra?: Where): Where => ({
  and: [
    { site: { equals: siteId } },
    { state: { in: ['published', 'withdrawn'] } },
    ...(extra ? [extra] : []),
  ],
})

type ListOptions = { limit: number; page?: number; count?: boolean }

/** This site's published items matching `where` (its own only: feeds' and the archive's lists). */
export const listArticles = (ctx: PageContext, where: Where, options: ListOptions) =>
  findListed(ctx, published(ctx.site.id, where), options)

/**
 * What the columns list: this site's published items in them, and the published items of other
 * open sites shared into them and accepted here (src/services/sharing.ts) — each once, on its
 * origin's page.
 */
export async function listInColumns(ctx: PageContext, columns: Id[], options: ListOptions) {
  const others = (await ctx.registry.sites())
    .filter((s) => !sameId(s.id, ctx.site.id) && isListed(s.status))
    .map((s) => s.id)
  return findListed(
    ctx,
    {
      and: [
        { state: { equals: 'published' } },
        {
          or: [
            { and: [{ site: { equals: ctx.site.id } }, { columns: { in: columns } }] },
            ...(others.length
              ? [{ and: [{ sharedInto: { in: columns } }, { site: { in: others } }] }]
              : []),
          ],
        },
      ],
    },
    options,
  )
}

async function findListed(
  ctx: PageContext,
  where: Where,
  { limit, page = 1, count = true }: ListOptions,
) {
  return ctx.payload.find({
    collection: 'articles',
    where,
    sort: '-publishedAt',
    limit,
    page,
    pagination: count,
    depth: 1,
    select: LIST_SELECT,
    populate: {
      media: { filename: true, alt: true, sizes: true, width: true, height: true },
      columns: { id: true },
      sites: { id: true },
    },
    overrideAccess: false,
    draft: false,
    // Depth 1 with `select` and `populate`: Payload types the result as whole records whose
    // relations are `id | record`; ArticleDoc is what these fields read as.
  }) as unknown as Promise<{ docs: ArticleDoc[]; totalDocs: number; totalPages: number }>
}

/**
 * What an article that no longer answers has become: unpublished with a replacement (301) or an
 * explanation (410). Read past access control, but only these fields.
 */
export async function findRetiredArticle(
  ctx: Pick<PageContext, 'payload' | 'site'>,
  id: string,
): Promise<{ title: string; reason: string; date: string; replacement?: string | number } | null> {
  const res = await ctx.payload.find({
    collection: 'articles',
    where: {
      and: [
        { site: { equals: ctx.site.id } },
        { id: { equals: id } },
        { state: { equals: 'unpublished' } },
      ],
    },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { title: true, unpublishedReason: true, unpublishedAt: true, replacement: true },
    overrideAccess: true,
  })
  const doc = res.docs[0] as
    | { title: string; unpublishedReason?: string; unpublishedAt?: string; replacement?: unknown }
    | undefined
  if (!doc) return null
  return {
    title: doc.title,
    reason: doc.unpublishedReason ?? '',
    date: beijingDate(doc.unpublishedAt),
    replacement: idOf(doc.replacement),
  }
}

/** Loads a live (published or withdrawn) article of this site, or null. */
export async function findPublishedArticle(
  ctx: Pick<PageContext, 'payload' | 'site'>,
  id: string,
): Promise<ArticleDoc | null> {
  const res = await ctx.payload.find({
    collection: 'articles',
    where: live(ctx.site.id, { id: { equals: id } }),
    depth: 1,
    limit: 1,
    // Only what the page shows: no count query, no populated site, columns as bare ids.
    pagination: false,
    select: ARTICLE_SELECT,
    populate: ARTICLE_POPULATE,
    overrideAccess: false,
    draft: false,
  })
  // Depth 1 with `select` and `populate`, as in findListed.
  return (res.docs[0] as unknown as ArticleDoc | undefined) ?? null
}

/** Latest published items of a site for feeds and the sitemap. */
export async function latestArticles(
  ctx: Pick<PageContext, 'payload' | 'site'>,
  limit: number,
  page = 1,
) {
  return ctx.payload.find({
    collection: 'articles',
    where: published(ctx.site.id),
    sort: '-publishedAt',
    limit,
    page,
    depth: 0,
    select: { title: true, summary: true, publishedAt: true, updatedAt: true, columns: true },
    overrideAccess: false,
    draft: false,
    // Only the selected fields, which Payload's result type does not narrow to.
  }) as unknown as Promise<{ docs: ArticleDoc[]; totalDocs: number; hasNextPage: boolean }>
}
