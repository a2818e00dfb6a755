// What templates receive: plain data, already escaped where it is HTML. Templates run no queries.

/** What a site publishes about itself (masthead and footer), shown as its record holds it. */
export type SiteIdentity = {
  name: string
  kind: 'portal' | 'department'
  theme: 'portal' | 'department'
  siteIdCode: string
  orgName: string
  sponsor: string
  operator: string
  icp: string
  psbRecord: string
  address: string
  postcode: string
  phone: string
  officeHours: string
}

export type SiteView = SiteIdentity & {
  slug: string
  /** The masthead's emblem: the site's logo, or the platform's built-in emblem. */
  logoUrl: string
  /** Absolute origin, e.g. http://www.qingchuan.gov.cn or http://fgw.localhost:3000 */
  origin: string
  /** Host name shown as SiteDomain */
  domain: string
  leaders: { name: string; title: string; duties: string; bio?: string }[]
}

export type Link = { name: string; href: string; current?: boolean }

export type Layout = {
  site: SiteView
  /** Top-level columns, then 信息公开 etc. `current` marks the section being shown. */
  nav: Link[]
  /** Care mode (长辈版) is on: larger text, high contrast; links keep it on via `careQs`. */
  care: boolean
  /** '' or '?care=1' — append to every internal link. */
  careQs: string
  /** The same page with care mode switched the other way. */
  careToggleHref: string
  /** 我要纠错 with this page's address. */
  errorReportHref: string
  meta: { title: string; columnName: string; description: string; canonical: string }
  breadcrumbs: Link[]
  platformName: string
  /** Link to the platform's site directory (站群导航). */
  directoryHref: string
  /** Other sites of the platform, for the footer's 相关链接. */
  relatedSites: Link[]
  year: number
  /** A notice above the page (a retired site's visitors, an archived copy). */
  notice?: { text: string; link?: Link }
}

export type ArticleCard = {
  id: string
  title: string
  href: string
  /** YYYY-MM-DD */
  date: string
  summary: string
  thumb?: { src: string; alt: string; width?: number; height?: number }
  /** The site it comes from, when another site shares it here (its page is on that site). */
  source?: string
}

export type HomeView = {
  layout: Layout
  /** The latest item with an image, shown large (portal theme). */
  headline?: ArticleCard & { image: { src: string; alt: string } }
  /** One block per column marked “show on home”, in column order. */
  blocks: { column: Link & { updateClass: string }; items: ArticleCard[] }[]
  /** Latest items of notice/policy columns. */
  notices: ArticleCard[]
  leaders: SiteView['leaders']
}

export type Pagination = {
  page: number
  pages: number
  total: number
  prev?: string
  next?: string
  /** A window of page links around the current page. */
  links: { n: number; href: string; current: boolean }[]
}

export type ColumnView = {
  layout: Layout
  column: { name: string; href: string; path: string; updateClassLabel: string }
  children: Link[]
  items: ArticleCard[]
  pagination: Pagination
}

export type ArticleView = {
  layout: Layout
  column: Link
  article: {
    id: string
    title: string
    /** Sanitised HTML of the Lexical body. Output with `| raw` only. */
    html: string
    date: string
    datetime: string
    /** Beijing time, YYYY-MM-DD HH:MM, for the PubDate meta tag */
    pubDate: string
    source: string
    author: string
    docNumber: string
    indexNumber: string
    issuingOrgan: string
    dateFormed: string
    /** 主题分类 / 体裁分类 names, '' when not classified. */
    topic?: string
    genre?: string
    /**
     * 有效性 of a policy document (absent for other articles): the label, the date it changed
     * and, for 已修改/已废止, the document that did it (href only when that one is published).
     */
    validity?: {
      state: 'in-force' | 'amended' | 'repealed' | 'expired'
      label: string
      /** 修改 / 废止 / 失效, '' when in force. */
      verb: string
      date: string
      changedBy?: { title: string; href?: string }
    }
    /** A withdrawn article keeps its page, with this notice, and leaves lists and search. */
    withdrawn?: { reason: string; date: string }
    summary: string
    image?: {
      src: string
      srcset: string
      alt: string
      caption: string
      width?: number
      height?: number
    }
    attachments: { title: string; href: string; kind: string; size: string }[]
  }
}

export type NotFoundView = { layout: Layout; path: string }

export type DirectoryView = {
  platformName: string
  operator: string
  portals: DirectorySite[]
  departments: DirectorySite[]
  year: number
}

export type DirectorySite = { name: string; href: string; siteIdCode: string; orgName: string }

export type SiteNotFoundView = { host: string; directoryHref: string; platformName: string }

export type ErrorView = { platformName: string; message: string }
