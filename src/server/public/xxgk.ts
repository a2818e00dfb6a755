// 政府信息公开: the catalogue of proactively disclosed documents (/xxgk/) — its view and its route,
// which also answers the guide (/xxgk/zn, xxgk-guide.ts). What it reads is read-catalogue.ts.
import type { Request } from 'express'

import {
  catalogueHref,
  type CatalogueQuery,
  filterChips,
  type FilterChip,
  parseCatalogueQuery,
  shorten,
} from '../../domain/catalogue'
import { beijingDate } from '../../domain/dates'
import { VALIDITY_LABELS, VALIDITY_STATES, type Validity } from '../../domain/disclosure'
import { idOf } from '../../domain/ids'
import { pageCount, pageWindow } from '../../domain/pagination'
import { linkOrigin } from '../../domain/sites'
import { tags } from '../../services/page-cache'
import { render } from '../render/engine'
import { articleHref, columnHref } from '../render/urls'
import type { Layout, Pagination } from '../render/view-models'
import type { PageContext } from './context'
import { PER_PAGE } from './pages'
import { disclosureSection, layout } from './frame'
import { primaryColumn } from './cards'
import { classification, includedSites, readCatalogue } from './read-catalogue'
import { type CachedRoute, HTML, type Output, queryVariant } from './routes'
import { CATALOGUE, GUIDE, guidePage, TITLE } from './xxgk-guide'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

type Option = { value: string; label: string; selected: boolean }

export type CatalogueRow = {
  indexNumber: string
  title: string
  href: string
  summary: string
  dateFormed: string
  issuingOrgan: string
  docNumber: string
  validity: string
  /** The site the entry comes from, on a portal that includes its departments. */
  siteName: string
}

export type CatalogueView = {
  layout: Layout
  links: {
    guide: string
    apply: string
    annualReports: string
    /** The site's 政府信息公开 columns (政策文件, 法定主动公开内容 …). */
    columns: { name: string; href: string }[]
  }
  form: {
    action: string
    q: string
    year: string
    topics: Option[]
    genres: Option[]
    organs: Option[]
    validities: Option[]
    /** Fields whose value was refused (aria-invalid). */
    invalid: Record<string, boolean>
  }
  errors: string[]
  chips: FilterChip[]
  clearHref: string
  /** The portal shows its departments' entries too, with a 来源网站 column. */
  showSite: boolean
  includedSites: string[]
  rows: CatalogueRow[]
  pagination: Pagination
  /** Set when the page asked for lies past the last one. */
  pastEnd: boolean
}

const option = (value: string, label: string, current: string): Option => ({
  value,
  label,
  selected: value === current,
})

async function cataloguePage(ctx: PageContext, req: Request): Promise<Output> {
  const settings = ctx.site.disclosure
  const [sites, topics, genres] = await Promise.all([
    ctx.registry.sites(),
    classification(ctx, 'disclosure-topics'),
    classification(ctx, 'disclosure-genres'),
  ])
  const query: CatalogueQuery = parseCatalogueQuery(req.query as Record<string, unknown>, {
    topics: topics.map((t) => String(t.id)),
    genres: genres.map((g) => String(g.id)),
  })
  const { filter, values } = query
  const included = includedSites(ctx, sites, settings)
  const { res, organs } = await readCatalogue(ctx, included, filter)
  const pages = pageCount(res.totalDocs, PER_PAGE)
  const pastEnd = filter.page > pages
  const byId = new Map(sites.map((s) => [String(s.id), s]))
  const rows = await Promise.all(
    res.docs.map(async (d): Promise<CatalogueRow> => {
      const site = byId.get(String(idOf(d.site))) ?? ctx.site
      const columns = await ctx.registry.columns(site.id)
      const path = articleHref(primaryColumn(columns, d)?.path, d.id)
      const own = String(site.id) === String(ctx.site.id)
      return {
        indexNumber: d.indexNumber ?? '',
        title: d.title,
        href: own ? path : linkOrigin({ site, dev: ctx.dev, port: ctx.port }) + path,
        summary: shorten(d.summary, 60),
        dateFormed: beijingDate(d.dateFormed),
        issuingOrgan: d.issuingOrgan ?? '',
        docNumber: d.docNumber ?? '',
        validity: VALIDITY_LABELS[d.validity as Validity] ?? '',
        siteName: site.name,
      }
    }),
  )
  const href = (page: number) => catalogueHref({ values, page, care: ctx.care })
  const topicName = topics.find((t) => String(t.id) === filter.topic)?.name ?? ''
  const genreName = genres.find((g) => String(g.id) === filter.genre)?.name ?? ''
  const organNames = organs.values
    .map((v) => str(v.issuingOrgan))
    .filter((v, i, all) => v && all.indexOf(v) === i)
  // A chosen organ that no entry has any more still shows as chosen.
  if (filter.organ && !organNames.includes(filter.organ)) organNames.unshift(filter.organ)
  const pageNo = filter.page
  const title = pageNo > 1 ? `${TITLE}（第${pageNo}页）` : TITLE
  const frame = layout(ctx, {
    title,
    columnName: TITLE,
    description: `${ctx.site.name}政府信息公开目录`,
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: TITLE, href: CATALOGUE, current: true },
    ],
    related: sites,
  })
  const errors = query.errors.map((e) => e.message)
  if (pastEnd) errors.push(`没有第 ${pageNo} 页，共 ${pages} 页`)
  const view: CatalogueView = {
    layout: {
      ...frame,
      careToggleHref: catalogueHref({ values, page: pageNo, care: !ctx.care }),
      meta: { ...frame.meta, canonical: `${frame.site.origin}${CATALOGUE}` },
    },
    links: {
      guide: GUIDE,
      apply: '/ysqgk/',
      annualReports: '/xxgk/nb/',
      columns: sectionColumns(ctx),
    },
    form: {
      action: CATALOGUE,
      q: values.q,
      year: values.year,
      topics: topics.map((t) => option(String(t.id), t.name ?? '', values.topic)),
      genres: genres.map((g) => option(String(g.id), g.name ?? '', values.genre)),
      organs: organNames.map((o) => option(o, o, values.organ)),
      validities: VALIDITY_STATES.map((v) => option(v, VALIDITY_LABELS[v], values.validity)),
      invalid: Object.fromEntries(query.errors.map((e) => [e.field, true])),
    },
    errors,
    chips: filterChips({ query, names: { topic: topicName, genre: genreName }, care: ctx.care }),
    clearHref: catalogueHref({ values: {}, care: ctx.care }),
    showSite: included.length > 1,
    includedSites: included.map((s) => s.name),
    rows: pastEnd ? [] : rows,
    pagination: {
      page: Math.min(pageNo, pages),
      pages,
      total: res.totalDocs,
      prev: pageNo > 1 && !pastEnd ? href(pageNo - 1) : undefined,
      next: pageNo < pages ? href(pageNo + 1) : undefined,
      links: pageWindow({ page: Math.min(pageNo, pages), pages }).map((n) => ({
        n,
        href: href(n),
        current: n === pageNo,
      })),
    },
    pastEnd,
  }
  const status = query.errors.length ? 400 : pastEnd ? 404 : 200
  return {
    status,
    body: await render(ctx.site.theme, 'xxgk', view),
    contentType: HTML,
    // Kept in the output cache by its query; dropped when an entry of an included site changes
    // (its catalogue tag), when a site's name or settings change, or a list is edited.
    tags: [tags.platform, ...included.flatMap((s) => [tags.site(s.id), tags.catalogue(s.id)])],
    // Topic and genre lists change rarely and drop nothing: made again at least every 5 minutes.
    ttlSeconds: 300,
  }
}

const PATHS = new Set(['/xxgk', CATALOGUE, GUIDE, `${GUIDE}/`])

/**
 * The catalogue and the guide are kept in the output cache: the catalogue by its query (a page
 * with a refused value answers 400 and is not kept); the guide has no query.
 */
export const xxgkRoutes: CachedRoute[] = [
  {
    cached: true,
    matches: (path) => PATHS.has(path),
    cacheVariant: (req) =>
      req.path === CATALOGUE
        ? queryVariant(['q', 'topic', 'genre', 'organ', 'year', 'validity', 'page'])(req)
        : '',
    async handle(ctx, req, res) {
      const search = req.originalUrl.includes('?')
        ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
        : ''
      if (ctx.path === '/xxgk' || ctx.path === `${GUIDE}/`) {
        res.redirect(301, (ctx.path === '/xxgk' ? CATALOGUE : GUIDE) + search)
        return 'done'
      }
      return ctx.path === GUIDE ? guidePage(ctx) : cataloguePage(ctx, req)
    },
  },
]

/** The columns of the site's 政府信息公开 section, for the disclosure pages' own menu. */
function sectionColumns(ctx: PageContext): { name: string; href: string }[] {
  const section = disclosureSection(ctx.columns)
  return section
    ? ctx.columns.children(section.id).map((c) => ({ name: c.name, href: columnHref(c.path) }))
    : []
}
