// 政府信息公开: the catalogue of proactively disclosed documents (/xxgk/) and the guide (/xxgk/zn).
import type { Request } from 'express'
import type { Where } from 'payload'

import {
  beijingYearRange,
  type CatalogueFilter,
  catalogueHref,
  type CatalogueQuery,
  filterChips,
  type FilterChip,
  parseCatalogueQuery,
  shorten,
} from '../../domain/catalogue'
import { beijingDate } from '../../domain/dates'
import {
  FREE_APPLICATIONS_PER_MONTH,
  FREE_PAGES,
  VALIDITY_LABELS,
  VALIDITY_STATES,
  type Validity,
} from '../../domain/disclosure'
import { idOf } from '../../domain/ids'
import { pageCount, pageWindow } from '../../domain/pagination'
import { isListed, linkOrigin } from '../../domain/sites'
import {
  CORRECTION_NOTICE_DAYS,
  MAX_EXTENSION_DAYS,
  REPLY_DAYS,
  THIRD_PARTY_DAYS,
} from '../../domain/workdays'
import { tags } from '../../services/page-cache'
import { render } from '../render/engine'
import { articleHref, columnHref } from '../render/urls'
import type { Layout, Pagination } from '../render/view-models'
import { disclosureSection, layout, PER_PAGE, primaryColumn } from './pages'
import type { PageContext } from './context'
import type { SiteRecord } from './registry'
import { type CachedRoute, HTML, type Output } from './routes'

const CATALOGUE = '/xxgk/'
const GUIDE = '/xxgk/zn'
const TITLE = '政府信息公开'
const GUIDE_TITLE = '政府信息公开指南'

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

export type GuideItem = { label: string; value: string; href?: string; missing: boolean }

export type GuideView = {
  layout: Layout
  office: string
  items: GuideItem[]
  /** The postal address written on a letter: address and postcode, or '' when unknown. */
  mailTo: string
  hours: string
  links: { catalogue: string; apply: string; track: string; annualReports: string }
  limits: { reply: number; extension: number; correction: number; thirdParty: number }
  fees: { freeApplications: number; freePages: number }
  notes: string[]
}

type DisclosureSettings = SiteRecord['disclosure']

type CatalogueDoc = {
  id: string | number
  title: string
  summary?: string | null
  indexNumber?: string | null
  docNumber?: string | null
  issuingOrgan?: string | null
  dateFormed?: string | null
  validity?: string | null
  site?: string | number | { id: string | number } | null
  columns?: (string | number | { id: string | number })[] | null
}

type ListDoc = { id: string | number; name?: string | null }

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** A platform-wide classification list (主题分类 / 体裁分类), in its set order. */
async function classification(
  ctx: PageContext,
  collection: 'disclosure-topics' | 'disclosure-genres',
): Promise<ListDoc[]> {
  const res = await ctx.payload.find({
    collection,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: ['order', 'name'],
    select: { name: true },
    overrideAccess: false,
  })
  return res.docs as ListDoc[]
}

/** What every catalogue entry is: published, proactively disclosed, with an index number. */
const entries = (siteIds: (string | number)[]): Where[] => [
  { site: { in: siteIds } },
  { state: { equals: 'published' } },
  { disclosureMode: { equals: 'proactive' } },
  { indexNumber: { exists: true } },
  { indexNumber: { not_equals: '' } },
]

function filterWhere(filter: CatalogueFilter): Where[] {
  const w: Where[] = []
  if (filter.topic) w.push({ topic: { equals: filter.topic } })
  if (filter.genre) w.push({ genre: { equals: filter.genre } })
  if (filter.organ) w.push({ issuingOrgan: { equals: filter.organ } })
  if (filter.year) {
    const { from, to } = beijingYearRange(filter.year)
    w.push({ dateFormed: { greater_than_equal: from } }, { dateFormed: { less_than: to } })
  }
  if (filter.validity) w.push({ validity: { equals: filter.validity } })
  const s = filter.search
  if (s?.kind === 'index') w.push({ indexNumber: { equals: s.value } })
  else if (s?.kind === 'doc-number') w.push({ docNumber: { equals: s.value } })
  else if (s?.kind === 'title') for (const word of s.words) w.push({ title: { contains: word } })
  return w
}

/** The sites whose entries this site's catalogue lists: itself, and on a portal that asks, its departments. */
function includedSites(
  ctx: PageContext,
  sites: SiteRecord[],
  settings: DisclosureSettings,
): SiteRecord[] {
  if (ctx.site.kind !== 'portal' || !settings.includeDepartments) return [ctx.site]
  const departments = sites.filter(
    (s) => s.kind === 'department' && isListed(s.status) && String(s.id) !== String(ctx.site.id),
  )
  return [ctx.site, ...departments]
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
  const base = entries(included.map((s) => s.id))
  const [res, organs] = await Promise.all([
    ctx.payload.find({
      collection: 'articles',
      where: { and: [...base, ...filterWhere(filter)] },
      sort: ['-dateFormed', '-publishedAt'],
      limit: PER_PAGE,
      page: filter.page,
      depth: 0,
      select: {
        title: true,
        summary: true,
        indexNumber: true,
        docNumber: true,
        issuingOrgan: true,
        dateFormed: true,
        validity: true,
        site: true,
        columns: true,
      },
      overrideAccess: false,
    }),
    ctx.payload.findDistinct({
      collection: 'articles',
      field: 'issuingOrgan',
      where: { and: [...base, { issuingOrgan: { exists: true } }] },
      sort: 'issuingOrgan',
      limit: 500,
      overrideAccess: false,
    }),
  ])
  const pages = pageCount(res.totalDocs, PER_PAGE)
  const pastEnd = filter.page > pages
  const byId = new Map(sites.map((s) => [String(s.id), s]))
  const rows = await Promise.all(
    (res.docs as unknown as CatalogueDoc[]).map(async (d): Promise<CatalogueRow> => {
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

/** Paragraphs of the site's own guide text: blank lines separate them. */
const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)

async function guidePage(ctx: PageContext): Promise<Output> {
  const sites = await ctx.registry.sites()
  const site = ctx.site
  const settings = site.disclosure
  // The guide falls back on the site's general contact facts where the disclosure office has
  // none of its own (most offices sit at the organisation's address).
  const office = settings.office || site.orgName || site.name
  const address = settings.address || site.address
  const postcode = settings.postcode || site.postcode
  const hours = settings.hours || site.officeHours
  const phone = settings.phone || site.phone
  // Every item is listed, as 未提供 when the site has not filled it in: a reader sees at once
  // that there is no fax, rather than wondering whether the page left it out (RULES §2: the
  // guide gives name, address, hours, phone and online contact).
  const item = (label: string, value: string, href?: string): GuideItem => ({
    label,
    value: value || '未提供',
    href: value ? href : undefined,
    missing: !value,
  })
  const items: GuideItem[] = [
    item('受理机构', office),
    item('办公地址', address),
    item('邮政编码', postcode),
    item('办公时间', hours),
    item('咨询电话', phone, `tel:${phone.replace(/[^\d+]/g, '')}`),
    item('传真', settings.fax),
    item('电子邮箱', settings.email, `mailto:${settings.email}`),
    // The only internal link of the list: it keeps care mode itself (tel:/mailto: must not).
    {
      label: '网上申请',
      value: '在线申请表',
      href: `/ysqgk/${ctx.care ? '?care=1' : ''}`,
      missing: false,
    },
  ]
  const frame = layout(ctx, {
    title: GUIDE_TITLE,
    columnName: GUIDE_TITLE,
    description: `${site.name}政府信息公开指南`,
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: TITLE, href: CATALOGUE },
      { name: GUIDE_TITLE, href: GUIDE, current: true },
    ],
    related: sites,
  })
  const view: GuideView = {
    layout: frame,
    office,
    items,
    mailTo: address ? `${address}${postcode ? `（邮编 ${postcode}）` : ''}` : '',
    hours,
    links: {
      catalogue: CATALOGUE,
      apply: '/ysqgk/',
      track: '/ysqgk/track',
      annualReports: '/xxgk/nb/',
    },
    limits: {
      reply: REPLY_DAYS,
      extension: MAX_EXTENSION_DAYS,
      correction: CORRECTION_NOTICE_DAYS,
      thirdParty: THIRD_PARTY_DAYS,
    },
    fees: { freeApplications: FREE_APPLICATIONS_PER_MONTH, freePages: FREE_PAGES },
    notes: paragraphs(settings.guideNotes),
  }
  return {
    status: 200,
    body: await render(site.theme, 'xxgk-guide', view),
    contentType: HTML,
    tags: [tags.site(site.id)],
  }
}

const PATHS = new Set(['/xxgk', CATALOGUE, GUIDE, `${GUIDE}/`])

/** The catalogue's query parameters, in a fixed order: its cache key. */
const CATALOGUE_PARAMS = ['q', 'topic', 'genre', 'organ', 'year', 'validity', 'page']

/**
 * The catalogue and the guide are kept in the output cache: the catalogue by its query as sent
 * (parameters in a fixed order; a page with a refused value answers 400 and is not kept).
 */
export const xxgkRoutes: CachedRoute[] = [
  {
    cached: true,
    matches: (path) => PATHS.has(path),
    cacheVariant: (req) => {
      if (req.path !== CATALOGUE) return ''
      const parts: string[] = []
      for (const name of CATALOGUE_PARAMS) {
        const raw = req.query[name]
        const v = (Array.isArray(raw) ? raw[0] : raw) ?? ''
        if (typeof v !== 'string') return null
        const t = v.replace(/[\s\u3000]+/g, ' ').trim()
        if (t.length > 200) return null
        if (t) parts.push(`${name}=${encodeURIComponent(t)}`)
      }
      return parts.join('&')
    },
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
