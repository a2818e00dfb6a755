// The public side: host → site → route → cache. Resolves the site from the Host (once per
// request), finds the page among the site's routes (src/server/public/site/index.ts), answers it
// from the output cache or renders and stores it (http-cache.ts), and serves the platform's
// directory on the platform's own hosts.
import type { IncomingMessage } from 'node:http'

import express, { type NextFunction, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { isDatabaseUnavailable } from '../../domain/database-errors'
import {
  type HostMatch,
  isDevHost,
  isListed,
  linkOrigin,
  localPath,
  matchHost,
  siteOrigin,
} from '../../domain/sites'
import { startPurgeSync } from '../../services/cache-purges'
import { pageCache, tags as cacheTags } from '../../services/page-cache'
import { settings } from '../../settings'
import { render } from '../render/engine'
import type { DirectoryView, SiteNotFoundView } from '../render/view-models'
import { pageKey, platformKey, send, store } from './http-cache'
import type { PageContext } from './context'
import { createRegistry, type Registry, type SiteRecord } from './registry'
import { answerRetired, isRetired, REDIRECT_SITEMAP, redirectSitemap } from './retired'
import { HTML } from './routes'
import { SITE_ROUTES } from './site'
import { notFoundPage } from './site/not-found'

/** What the fast path learnt of the request's host, kept for the router. */
export type HostMatched = IncomingMessage & {
  hostMatch?: { sites: SiteRecord[]; match: HostMatch<SiteRecord>; dev: boolean }
}

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

  async function platformPage(req: Request, res: Response, next: NextFunction) {
    if (req.path === REDIRECT_SITEMAP) {
      const retired = (await registry.sites()).filter(isRetired)
      const dev = isDevHost(req.headers.host, devHosts)
      res.status(200).type('application/xml; charset=utf-8')
      res.setHeader('Cache-Control', 'public, max-age=3600')
      res.send(await redirectSitemap({ payload, port, dev }, retired))
      return
    }
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
      // The fast path matched the host against this same list already: not again.
      const known = (req as HostMatched).hostMatch
      const match =
        known && known.sites === sites
          ? known.match
          : matchHost({
              host: req.headers.host,
              sites,
              platformHosts: options.platformHosts,
              devHosts,
            })
      const dev = known && known.sites === sites ? known.dev : isDevHost(req.headers.host, devHosts)
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
      const care = req.query.care === '1'
      const contextFor = async (of: SiteRecord): Promise<PageContext> => ({
        payload,
        registry,
        site: of,
        columns: await registry.columns(of.id),
        // Links back to this page are built from it: one leading slash, never `//host`.
        path: localPath(req.path),
        care,
        port,
        platformName,
        dev,
        directoryHref: directoryHref(dev),
      })
      // Retired sites answer every old address by their mapping (RULES §8; retired.ts).
      if (isRetired(site) && !options.passThrough(req.path)) {
        const successor = sites.find((s) => String(s.id) === String(site.successor))
        if (successor) return await answerRetired(await contextFor(successor), site, req, res)
      }
      const route = SITE_ROUTES.find((r) => r.matches(req.path))
      const reading = req.method === 'GET' || req.method === 'HEAD'
      if (!reading && !(route && !route.cached)) return next()
      const context = () => contextFor(site)
      if (route && !route.cached) {
        const out = await route.handle(await context(), req, res)
        if (out === 'done') return
        if (out === null) return next()
        res.status(out.status).type(out.contentType)
        res.setHeader('Cache-Control', out.cacheControl ?? 'no-store')
        res.send(out.body)
        return
      }
      const variant = route?.cacheVariant ? route.cacheVariant(req) : ''
      const key = variant === null ? null : pageKey(site.id, req.path, care, dev, variant)
      const cached = key == null ? undefined : pageCache.get(key)
      if (cached) return send(req, res, cached, options.cdnSeconds, true)
      staleKey = key
      const ctx = await context()
      const out = route ? await route.handle(ctx, req, res) : null
      if (out === 'done') return
      if (out === null) {
        // No page of the site: the admin and API paths go on, anything else is the site's 404.
        if (options.passThrough(req.path)) return next()
        return send(req, res, store(null, await notFoundPage(ctx)), options.cdnSeconds, false)
      }
      send(
        req,
        res,
        store(out.status === 200 && out.keep !== false ? key : null, out),
        options.cdnSeconds,
        false,
      )
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
