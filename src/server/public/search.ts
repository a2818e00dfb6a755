// 站内搜索 on every site: /search (the page) and /search.json (the same results as data). A
// portal searches all sites by default, a department itself; `site=all`, `site=self` or chosen
// sites' slugs (`site=fgw,jyj`) change that. Kept in the output cache by the query's canonical
// form and dropped whenever the index changes; a query that finds nothing is made every time,
// so that each one is counted for the site's admins.
import type { Request } from 'express'

import { beijingDate } from '../../domain/dates'
import { pageCount, pageWindow } from '../../domain/pagination'
import {
  canonicalSearch,
  MAX_SEARCH_PAGE,
  parseSearchQuery,
  SEARCH_KIND_LABELS,
  SEARCH_KINDS,
  SEARCH_PER_PAGE,
  type SearchQuery,
  type Segment,
  segmentsText,
  snippet,
} from '../../domain/search'
import { isListed, linkOrigin } from '../../domain/sites'
import { tags } from '../../services/page-cache'
import { consume } from '../../services/rate-limits'
import { recordMiss, runSearch } from '../../services/search'
import type { StoredHit } from '../../services/search-store'
import { render } from '../render/engine'
import { articleHref } from '../render/urls'
import type { Layout, Pagination } from '../render/view-models'
import type { PageContext } from './context'
import { layout } from './frame'
import { primaryColumn } from './cards'
import type { SiteRecord } from './registry'
import { type CachedRoute, HTML, type Output, queryVariant } from './routes'

const PAGE = '/search'
const DATA = '/search.json'
const TITLE = '站内搜索'

type Option = { value: string; label: string; selected: boolean }

export type SearchResultView = {
  title: Segment[]
  titleText: string
  href: string
  siteName: string
  date: string
  kind: string
  docNumber: string
  snippet: Segment[]
}

export type SearchView = {
  layout: Layout
  form: {
    action: string
    q: string
    from: string
    to: string
    column: string
    scopes: Option[]
    kinds: Option[]
    sorts: Option[]
    columns: Option[]
    invalid: Record<string, boolean>
  }
  errors: string[]
  searched: boolean
  scopeText: string
  numberText: string
  widened: { term: string; alternatives: string }[]
  total: number
  results: SearchResultView[]
  hot: { q: string; href: string }[]
  pagination: Pagination
}

const option = (value: string, label: string, current: string): Option => ({
  value,
  label,
  selected: value === current,
})

const defaultScope = (site: SiteRecord) => (site.kind === 'portal' ? 'all' : 'site')

type Answer = {
  query: SearchQuery
  sites: SiteRecord[]
  scoped: SiteRecord[]
  total: number
  results: SearchResultView[]
  widened: { term: string; alternatives: string }[]
}

async function answer(ctx: PageContext, req: Request): Promise<Answer> {
  const sites = (await ctx.registry.sites()).filter((s) => isListed(s.status))
  const query = parseSearchQuery(req.query as Record<string, unknown>, {
    defaultScope: defaultScope(ctx.site),
    knownSites: sites.map((s) => s.slug),
  })
  const scoped =
    query.scope === 'all'
      ? sites
      : query.scope === 'chosen'
        ? sites.filter((s) => query.sites.includes(s.slug))
        : [ctx.site]
  const found = await runSearch(
    ctx.payload,
    query,
    scoped.map((s) => s.id),
    { everySite: query.scope === 'all' },
  )
  const byId = new Map(sites.map((s) => [String(s.id), s]))
  const results = await Promise.all(
    found.hits.map(async (h) => resultView(ctx, h, byId, found.needles)),
  )
  if (
    found.total === 0 &&
    query.page === 1 &&
    query.q &&
    (await consume(ctx.payload, 'searchMisses', req.ip ?? '')).ok
  )
    await recordMiss(ctx.payload, ctx.site.id, query.q)
  return {
    query,
    sites,
    scoped,
    total: found.total,
    results,
    widened: found.widened.map((w) => ({ term: w.term, alternatives: w.alternatives.join('、') })),
  }
}

async function resultView(
  ctx: PageContext,
  h: StoredHit,
  byId: Map<string, SiteRecord>,
  needles: string[],
): Promise<SearchResultView> {
  const site = byId.get(h.site) ?? ctx.site
  let path = h.path
  if (!path) {
    const columns = await ctx.registry.columns(site.id)
    path = articleHref(primaryColumn(columns, { columns: h.columns })?.path, h.ref.split(':')[1])
  }
  const own = String(site.id) === String(ctx.site.id)
  return {
    title: snippet(h.title, needles, h.title.length || 1),
    titleText: h.title,
    href: own ? path : linkOrigin({ site, dev: ctx.dev, port: ctx.port }) + path,
    siteName: site.name,
    date: beijingDate(h.date),
    kind: SEARCH_KIND_LABELS[h.kind] ?? '',
    docNumber: h.docNumber,
    snippet: snippet(h.summary ? `${h.summary} ${h.body}` : h.body, needles),
  }
}

function hrefFor(ctx: PageContext, query: SearchQuery, page: number): string {
  const qs = canonicalSearch({ ...query, page }, defaultScope(ctx.site))
  const care = ctx.care ? 'care=1' : ''
  const all = [qs, care].filter(Boolean).join('&')
  return all ? `${PAGE}?${all}` : PAGE
}

async function searchPage(ctx: PageContext, req: Request): Promise<Output> {
  const a = await answer(ctx, req)
  const { query } = a
  const pages = Math.min(pageCount(a.total, SEARCH_PER_PAGE), MAX_SEARCH_PAGE)
  const searched = Boolean(query.text.terms.length || query.text.number)
  const frame = layout(ctx, {
    title: query.q ? `${query.q} - ${TITLE}` : TITLE,
    columnName: TITLE,
    description: `${ctx.site.name}${TITLE}`,
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: TITLE, href: PAGE, current: true },
    ],
    related: a.sites,
  })
  const scopeValue =
    query.scope === 'chosen' ? query.sites.join(',') : query.scope === 'all' ? 'all' : 'self'
  const scopes = [
    option('self', `本站（${ctx.site.name}）`, scopeValue),
    option('all', '全部网站', scopeValue),
    ...a.sites
      .filter((s) => String(s.id) !== String(ctx.site.id))
      .map((s) => option(s.slug, s.name, scopeValue)),
  ]
  const view: SearchView = {
    layout: {
      ...frame,
      careToggleHref: hrefFor({ ...ctx, care: !ctx.care }, query, query.page),
      meta: { ...frame.meta, canonical: `${frame.site.origin}${PAGE}` },
    },
    form: {
      action: PAGE,
      q: query.q,
      from: query.from,
      to: query.to,
      column: query.column,
      scopes,
      kinds: [
        option('', '全部', query.kind),
        ...SEARCH_KINDS.map((k) => option(k, SEARCH_KIND_LABELS[k], query.kind)),
      ],
      sorts: [
        option('relevance', '按相关度', query.sort),
        option('date', '按日期（新的在前）', query.sort),
      ],
      columns:
        query.scope === 'site'
          ? [
              option('', '全部栏目', query.column),
              ...ctx.columns.all.map((c) => option(String(c.id), c.name, query.column)),
            ]
          : [],
      invalid: Object.fromEntries(query.errors.map((e) => [e.field, true])),
    },
    errors: query.errors.map((e) => e.message),
    searched,
    scopeText:
      a.scoped.length === 1
        ? a.scoped[0].name
        : query.scope === 'all'
          ? `全部 ${a.scoped.length} 个网站`
          : a.scoped.map((s) => s.name).join('、'),
    numberText: query.text.number
      ? `${query.text.number.kind === 'index' ? '索引号' : '发文字号'}：${query.text.number.value}`
      : '',
    widened: a.widened,
    total: a.total,
    results: a.results,
    hot: ctx.site.hotSearches.map((q) => ({
      q,
      href: hrefFor(ctx, { ...query, q, column: '', kind: '', from: '', to: '' }, 1),
    })),
    pagination: {
      page: Math.min(query.page, Math.max(pages, 1)),
      pages,
      total: a.total,
      prev: query.page > 1 ? hrefFor(ctx, query, query.page - 1) : undefined,
      next: query.page < pages ? hrefFor(ctx, query, query.page + 1) : undefined,
      links: pageWindow({ page: query.page, pages }).map((n) => ({
        n,
        href: hrefFor(ctx, query, n),
        current: n === query.page,
      })),
    },
  }
  return {
    status: query.errors.length ? 400 : 200,
    body: await render(ctx.site.theme, 'search', view),
    contentType: HTML,
    tags: [tags.search, tags.site(ctx.site.id), tags.platform],
    keep: a.total > 0,
  }
}

async function searchData(ctx: PageContext, req: Request): Promise<Output> {
  const a = await answer(ctx, req)
  const origin = linkOrigin({ site: ctx.site, dev: ctx.dev, port: ctx.port })
  const body = {
    total: a.total,
    page: a.query.page,
    perPage: SEARCH_PER_PAGE,
    errors: a.query.errors.map((e) => e.message),
    results: a.results.map((r) => ({
      title: r.titleText,
      url: r.href.startsWith('/') ? origin + r.href : r.href,
      site: r.siteName,
      date: r.date,
      type: r.kind,
      docNumber: r.docNumber || undefined,
      snippet: segmentsText(r.snippet),
    })),
  }
  return {
    status: a.query.errors.length ? 400 : 200,
    body: JSON.stringify(body),
    contentType: 'application/json; charset=utf-8',
    tags: [tags.search, tags.site(ctx.site.id), tags.platform],
    keep: a.total > 0,
  }
}

export const searchRoute: CachedRoute = {
  cached: true,
  matches: (path) => path === PAGE || path === DATA,
  cacheVariant: queryVariant(['q', 'site', 'column', 'type', 'from', 'to', 'sort', 'page']),
  handle: (ctx, req) => (ctx.path === DATA ? searchData(ctx, req) : searchPage(ctx, req)),
}
