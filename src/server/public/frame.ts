// The frame every public page shares: the site's facts, the navigation, the breadcrumb trail,
// the meta tags and the footer's facts (a page's view model puts its own part inside it).
import { sameId } from '../../domain/ids'
import { isListed, linkOrigin, localPath, siteOrigin } from '../../domain/sites'
import { columnHref, fileUrl } from '../render/urls'
import type { Layout, Link, SiteView } from '../render/view-models'
import type { PageContext } from './context'
import type { ColumnRecord, SiteColumns, SiteRecord } from './registry'

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

export function trail(columns: SiteColumns, column: ColumnRecord): Link[] {
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
