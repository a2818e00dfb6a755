// The public side: resolves the site from the Host, serves its pages from the output cache or
// renders them, and serves the platform's directory on the platform's own hosts.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import zlib from 'node:zlib'

import express, { type NextFunction, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { isDatabaseUnavailable } from '../../domain/database-errors'
import { sameId } from '../../domain/ids'
import { parsePageSegment } from '../../domain/pagination'
import { isValidId } from '../../domain/query-input'
import {
  isDevHost,
  isListed,
  linkOrigin,
  localPath,
  matchHost,
  siteOrigin,
} from '../../domain/sites'
import { startPurgeSync } from '../../services/cache-purges'
import { type CachedPage, pageCache, tags as cacheTags } from '../../services/page-cache'
import { settings } from '../../settings'
import { render } from '../render/engine'
import { rssXml, sitemapXml } from '../render/feeds'
import { articleHref, columnHref } from '../render/urls'
import type { DirectoryView, SiteNotFoundView } from '../render/view-models'
import {
  articlePage,
  columnPage,
  findPublishedArticle,
  findRetiredArticle,
  homePage,
  latestArticles,
  notFoundLayout,
  type PageContext,
  primaryColumn,
} from './pages'
import { annualReportRoutes } from './annual-report'
import { createRegistry, type Registry, type SiteRecord } from './registry'
import type { DynamicRoute, Output } from './routes'
import { hdjlRoutes } from './hdjl'
import { xxgkRoutes } from './xxgk'
import { ysqgkRoutes } from './ysqgk'

/**
 * Pages that depend on the query or take forms (the disclosure catalogue, requests, annual
 * reports): answered before the output cache, never stored in it. Order matters: the first
 * route that matches answers.
 */
const DYNAMIC_ROUTES: DynamicRoute[] = [
  ...annualReportRoutes,
  ...xxgkRoutes,
  ...ysqgkRoutes,
  ...hdjlRoutes,
]

export type PublicOptions = {
  payload: Payload
  port: number
  platformName: string
  platformOperator: string
  platformHosts: string[]
  /** Seconds a CDN may keep a page (the origin's own cache is purged by tags at once). */
  cdnSeconds: number
  /** Paths handed on to the next handler (the admin and API) instead of a site's 404. */
  passThrough: (path: string) => boolean
  /** Whether `<slug>.localhost` and localhost serve development links (settings DEV_HOSTS). */
  devHosts?: boolean
}

const HTML = 'text/html; charset=utf-8'

function store(key: string | null, out: Output): CachedPage {
  const body = Buffer.from(out.body)
  const page: CachedPage = {
    status: out.status,
    body,
    etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified: (out.lastModified ?? new Date()).toUTCString(),
    contentType: out.contentType,
    tags: out.tags,
    storedAt: Date.now(),
  }
  if (key && out.status === 200) pageCache.set(key, page)
  return page
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  cdnSeconds: number,
  /** 'stale': a purged version, answered because the database cannot make the new one. */
  hit: boolean | 'stale',
  base: Record<string, string> = {},
): void {
  const headers: Record<string, string | number> = {
    ...base,
    'Content-Type': page.contentType,
    ETag: page.etag,
    'Last-Modified': page.lastModified,
    Vary: 'Accept-Encoding',
    'X-Cache': hit === 'stale' ? 'STALE' : hit ? 'HIT' : 'MISS',
  }
  if (hit === 'stale') {
    // No CDN or browser may keep it: the fresh page must replace it as soon as it can be made.
    headers['Cache-Control'] = 'no-store'
    headers['Warning'] = '110 - "Response is Stale"'
  } else if (page.status === 200) {
    headers['Cache-Control'] = `public, max-age=0, s-maxage=${cdnSeconds}, must-revalidate`
    // Tags let a CDN purge exactly what the origin purges (Surrogate-Key / Cache-Tag).
    headers['Surrogate-Key'] = page.tags.join(' ')
  } else {
    headers['Cache-Control'] = 'no-store'
  }
  if (page.status === 200 && req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end()
    return
  }
  const gzip =
    page.body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (gzip) {
    headers['Content-Encoding'] = 'gzip'
    page.gzip ??= zlib.gzipSync(page.body, { level: 6 })
  }
  const body = gzip ? page.gzip! : page.body
  headers['Content-Length'] = body.length
  res.writeHead(page.status, headers)
  if (req.method === 'HEAD') res.end()
  else res.end(body)
}

/**
 * The cache key of a site page: site, path, care mode, and whether the reader came by a
 * development address — the one thing about the request its links depend on (never the Host
 * or port as sent: those would let one request fill the cache with another's addresses).
 */
const pageKey = (siteId: string | number, path: string, care: boolean, dev: boolean) =>
  `${siteId}|${path}|${care ? 1 : 0}|${dev ? 'dev' : 'pub'}`

/** The cache key of the platform's directory, whose links also depend on that yes/no. */
const platformKey = (dev: boolean) => `platform|/|${dev ? 'dev' : 'pub'}`

/**
 * Serves a cached page straight from the Node request, before Express: a hit needs no
 * middleware. `headers` are the public security headers (captured from helmet at start).
 * Returns false when the request is not a cache hit, to hand it to Express.
 */
export function createFastPath({
  registry,
  platformHosts,
  cdnSeconds,
  headers,
}: {
  registry: Registry
  platformHosts: string[]
  cdnSeconds: number
  headers: Record<string, string>
}) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const sites = registry.snapshot()
    if (!sites) return false
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q < 0 ? url : url.slice(0, q)
    const devHosts = settings.devHosts
    const match = matchHost({ host: req.headers.host, sites, platformHosts, devHosts })
    const dev = isDevHost(req.headers.host, devHosts)
    let key: string
    if (match.kind === 'platform') {
      if (path !== '/') return false
      key = platformKey(dev)
    } else if (
      match.kind === 'site' &&
      (match.site.status === 'active' || match.site.status === 'rectifying')
    ) {
      const care = q >= 0 && new URLSearchParams(url.slice(q + 1)).getAll('care').join() === '1'
      key = pageKey(match.site.id, path, care, dev)
    } else {
      return false
    }
    const page = pageCache.get(key)
    if (!page) return false
    send(req, res, page, cdnSeconds, true, headers)
    return true
  }
}

const COLUMN_PATH = /^\/((?:[a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9-]*)\/(.*)$/

export function publicRouter(options: PublicOptions) {
  const { payload, port, platformName } = options
  const registry: Registry = createRegistry(payload)
  const router = express.Router()
  const devHosts = options.devHosts ?? settings.devHosts
  // Publishes on any node (or the admin) reach this node's cache within a poll.
  startPurgeSync(payload)

  /** The directory on the platform's own host; on development addresses, localhost. */
  const directoryHref = (dev: boolean) => {
    const own = options.platformHosts[0]
    if (own && !dev) return `https://${own}/`
    return `http://localhost:${port}/`
  }

  const notFound = async (ctx: PageContext): Promise<Output> => {
    const sites = await registry.sites()
    const body = await render(ctx.site.theme, 'not-found', {
      layout: notFoundLayout(ctx, sites),
      path: ctx.path,
    })
    return { status: 404, body, contentType: HTML, tags: [] }
  }

  /** An unpublished article: 301 to its replacement, or 410 saying why it is gone. */
  const retired = async (ctx: PageContext, res: Response, id: string): Promise<Output | 'done'> => {
    const gone = await findRetiredArticle(ctx, id)
    if (!gone) return notFound(ctx)
    if (gone.replacement != null) {
      const next = await findPublishedArticle(ctx, String(gone.replacement))
      const column = next && primaryColumn(ctx.columns, next)
      if (next && column) {
        res.redirect(301, articleHref(column.path, next.id) + (ctx.care ? '?care=1' : ''))
        return 'done'
      }
    }
    const sites = await registry.sites()
    const body = await render(ctx.site.theme, 'gone', {
      layout: notFoundLayout(ctx, sites, '信息已下线'),
      gone,
    })
    return { status: 410, body, contentType: HTML, tags: [cacheTags.article(id)] }
  }

  /** Everything a site answers, by path. Returns null to pass the request on. */
  async function sitePage(
    ctx: PageContext,
    req: Request,
    res: Response,
  ): Promise<Output | 'done' | null> {
    const { path } = ctx
    if (path === '/') {
      const r = await homePage(ctx)
      return {
        status: 200,
        body: await render(ctx.site.theme, 'home', r.view),
        contentType: HTML,
        tags: r.tags,
      }
    }
    if (path === '/sitemap.xml' || path === '/rss.xml') return feeds(ctx)
    const short = /^\/a\/([A-Za-z0-9]{1,24})$/.exec(path)
    if (short) {
      const doc = await findPublishedArticle(ctx, short[1])
      const column = doc && primaryColumn(ctx.columns, doc)
      if (!doc || !column) return notFound(ctx)
      res.redirect(301, articleHref(column.path, doc.id) + (ctx.care ? '?care=1' : ''))
      return 'done'
    }
    const m = COLUMN_PATH.exec(path)
    if (!m) {
      // `/tzgg` → `/tzgg/`
      const bare = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)$/.exec(path)
      if (bare && ctx.columns.byPath.has(bare[1])) {
        res.redirect(301, `${path}/` + (ctx.care ? '?care=1' : ''))
        return 'done'
      }
      return options.passThrough(path) ? null : notFound(ctx)
    }
    const [, columnPath, rest] = m
    const column = ctx.columns.byPath.get(columnPath)
    if (!column) return options.passThrough(path) ? null : notFound(ctx)
    const page = rest === '' ? 1 : parsePageSegment(rest)
    if (page != null) {
      if (rest === 'index.html' || rest === 'index_1.html') {
        res.redirect(301, columnHref(column.path) + (ctx.care ? '?care=1' : ''))
        return 'done'
      }
      const r = await columnPage(ctx, column, page)
      if (!r) return notFound(ctx)
      return {
        status: 200,
        body: await render(ctx.site.theme, 'column', r.view),
        contentType: HTML,
        tags: r.tags,
      }
    }
    const art = /^([A-Za-z0-9]{1,24})\.html$/.exec(rest)
    if (!art || !isValidId(art[1], payload.db.defaultIDType === 'number' ? 'number' : 'text'))
      return notFound(ctx)
    const doc = await findPublishedArticle(ctx, art[1])
    if (!doc) return retired(ctx, res, art[1])
    const shownUnder = (doc.columns ?? []).some((c) => sameId(c, column.id))
    if (!shownUnder) {
      const primary = primaryColumn(ctx.columns, doc)
      if (!primary) return notFound(ctx)
      res.redirect(301, articleHref(primary.path, doc.id) + (ctx.care ? '?care=1' : ''))
      return 'done'
    }
    const r = await articlePage(ctx, doc, column)
    return {
      status: 200,
      body: await render(ctx.site.theme, 'article', r.view),
      contentType: HTML,
      tags: r.tags,
      lastModified: r.lastModified,
    }
  }

  async function feeds(ctx: PageContext): Promise<Output> {
    const origin = siteOrigin({ site: ctx.site, port })
    const feedTags = [cacheTags.site(ctx.site.id), cacheTags.feeds(ctx.site.id)]
    if (ctx.path === '/rss.xml') {
      const latest = await latestArticles(ctx, 30)
      const body = rssXml({
        title: ctx.site.name,
        link: `${origin}/`,
        description: `${ctx.site.name}最新信息`,
        items: latest.docs.map((d) => ({
          title: d.title,
          url: origin + articleHref(primaryColumn(ctx.columns, d)?.path, d.id),
          summary: d.summary ?? '',
          published: d.publishedAt,
        })),
      })
      return {
        status: 200,
        body,
        contentType: 'application/rss+xml; charset=utf-8',
        tags: feedTags,
      }
    }
    const urls: { loc: string; lastmod?: string | null }[] = [{ loc: `${origin}/` }]
    for (const c of ctx.columns.all) urls.push({ loc: origin + columnHref(c.path) })
    for (let page = 1; page <= 50; page++) {
      const batch = await latestArticles(ctx, 1000, page)
      for (const d of batch.docs) {
        const col = primaryColumn(ctx.columns, d)
        if (col) urls.push({ loc: origin + articleHref(col.path, d.id), lastmod: d.updatedAt })
      }
      if (!batch.hasNextPage) break
    }
    return {
      status: 200,
      body: sitemapXml(urls),
      contentType: 'application/xml; charset=utf-8',
      tags: feedTags,
    }
  }

  async function platformPage(req: Request, res: Response, next: NextFunction) {
    if (req.path === '/sites.json') {
      const sites = (await registry.sites()).filter((s) => isListed(s.status))
      res.setHeader('Cache-Control', 'public, max-age=60')
      res.json(
        sites.map((s) => ({
          name: s.name,
          slug: s.slug,
          kind: s.kind,
          domains: s.domains,
          siteIdCode: s.siteIdCode,
          url: siteOrigin({ site: s, port }) + '/',
        })),
      )
      return
    }
    if (req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      const key = platformKey(isDevHost(req.headers.host, devHosts))
      const cached = pageCache.get(key)
      if (cached) return send(req, res, cached, options.cdnSeconds, true)
      const sites = (await registry.sites()).filter((s) => isListed(s.status))
      const entry = (s: SiteRecord) => ({
        name: s.name,
        href: linkOrigin({ site: s, dev: isDevHost(req.headers.host, devHosts), port }) + '/',
        siteIdCode: s.siteIdCode,
        orgName: s.orgName,
      })
      const view: DirectoryView = {
        platformName,
        operator: options.platformOperator,
        portals: sites.filter((s) => s.kind === 'portal').map(entry),
        departments: sites.filter((s) => s.kind === 'department').map(entry),
        year: new Date().getFullYear(),
      }
      const body = await render(null, 'directory', view)
      return send(
        req,
        res,
        store(key, { status: 200, body, contentType: HTML, tags: [cacheTags.platform] }),
        options.cdnSeconds,
        false,
      )
    }
    next()
  }

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    // The cache key of the page being made, so that a database outage while making it can be
    // answered with the version a purge put aside (DESIGN: pages keep being served, stale).
    let staleKey: string | null = null
    try {
      const sites = await registry.sites()
      const match = matchHost({
        host: req.headers.host,
        sites,
        platformHosts: options.platformHosts,
        devHosts,
      })
      const dev = isDevHost(req.headers.host, devHosts)
      if (match.kind === 'platform') {
        if (req.path === '/') staleKey = platformKey(dev)
        return await platformPage(req, res, next)
      }
      if (match.kind === 'unknown') {
        if (options.passThrough(req.path)) return next()
        const view: SiteNotFoundView = {
          host: match.host,
          directoryHref: directoryHref(dev),
          platformName,
        }
        res.status(404).setHeader('Cache-Control', 'no-store')
        res.type('html').send(await render(null, 'site-not-found', view))
        return
      }
      const site = match.site
      const dynamic = DYNAMIC_ROUTES.find((r) => r.matches(req.path))
      if (req.method !== 'GET' && req.method !== 'HEAD' && !dynamic) return next()
      // Retired sites send people on to their successor's matching page (RULES §8).
      if ((site.status === 'closed' || site.status === 'merged') && site.successor != null) {
        const successor = sites.find((s) => String(s.id) === String(site.successor))
        if (successor && !options.passThrough(req.path)) {
          // The path as a path on the successor, whatever form the request line took.
          res.redirect(301, linkOrigin({ site: successor, dev, port }) + localPath(req.originalUrl))
          return
        }
      }
      const care = req.query.care === '1'
      const context = async (): Promise<PageContext> => ({
        payload,
        registry,
        site,
        columns: await registry.columns(site.id),
        // Links back to this page are built from it: one leading slash, never `//host`.
        path: localPath(req.path),
        care,
        port,
        platformName,
        dev,
        directoryHref: directoryHref(dev),
      })
      if (dynamic) {
        const out = await dynamic.handle(await context(), req, res)
        if (out === 'done') return
        if (out === null) return next()
        res.status(out.status).type(out.contentType)
        res.setHeader('Cache-Control', out.cacheControl ?? 'no-store')
        res.send(out.body)
        return
      }
      const key = pageKey(site.id, req.path, care, dev)
      const cached = pageCache.get(key)
      if (cached) return send(req, res, cached, options.cdnSeconds, true)
      staleKey = key
      const out = await sitePage(await context(), req, res)
      if (out === 'done') return
      if (out === null) return next()
      send(req, res, store(out.status === 200 ? key : null, out), options.cdnSeconds, false)
    } catch (err) {
      const stale =
        staleKey != null && (req.method === 'GET' || req.method === 'HEAD')
          ? pageCache.stale(staleKey)
          : undefined
      if (stale && !res.headersSent && isDatabaseUnavailable(err))
        return send(req, res, stale, options.cdnSeconds, 'stale')
      next(err)
    }
  })

  return { router, registry }
}
