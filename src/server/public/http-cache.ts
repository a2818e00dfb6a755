// The output cache over HTTP: storing a rendered page, sending a page (ETag, 304, gzip, the
// platform's cache headers, STALE during an outage), the cache keys, and the fast path that
// answers a hit straight from the Node request before Express. The store itself is
// src/services/page-cache.ts; which page a request is, is the router's.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import zlib from 'node:zlib'

import { isDevHost, matchHost } from '../../domain/sites'
import { type CachedPage, pageCache } from '../../services/page-cache'
import { settings } from '../../settings'
import type { Registry } from './registry'
import type { Output } from './routes'

export function store(key: string | null, out: Output): CachedPage {
  const body = Buffer.from(out.body)
  const page: CachedPage = {
    status: out.status,
    body,
    etag: `"${crypto.createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified: (out.lastModified ?? new Date()).toUTCString(),
    contentType: out.contentType,
    tags: out.tags,
    storedAt: Date.now(),
    ...(out.ttlSeconds ? { expiresAt: Date.now() + out.ttlSeconds * 1000 } : {}),
  }
  if (key && out.status === 200) pageCache.set(key, page)
  return page
}

/**
 * Sends a stored page. The headers go to `writeHead` as one flat list of names and values: an
 * object built per request (the security headers spread into it, then the page's own) cost about
 * 11 µs of a 18 µs cache hit (tests/bench/fast-path.bench.ts), the list about 0.1 µs. `base` is
 * such a list, made once (`flatHeaders`).
 */
export function send(
  req: IncomingMessage,
  res: ServerResponse,
  page: CachedPage,
  cdnSeconds: number,
  /** 'stale': a purged version, answered because the database cannot make the new one. */
  hit: boolean | 'stale',
  base: readonly string[] = [],
): void {
  const headers: string[] = [
    ...base,
    'Content-Type',
    page.contentType,
    'ETag',
    page.etag,
    'Last-Modified',
    page.lastModified,
    'Vary',
    'Accept-Encoding',
    'X-Cache',
    hit === 'stale' ? 'STALE' : hit ? 'HIT' : 'MISS',
  ]
  if (hit === 'stale') {
    // No CDN or browser may keep it: the fresh page must replace it as soon as it can be made.
    headers.push('Cache-Control', 'no-store', 'Warning', '110 - "Response is Stale"')
  } else if (page.status === 200) {
    headers.push(
      'Cache-Control',
      `public, max-age=0, s-maxage=${cdnSeconds}, must-revalidate`,
      // Tags let a CDN purge exactly what the origin purges (Surrogate-Key / Cache-Tag).
      'Surrogate-Key',
      page.tags.join(' '),
    )
  } else {
    headers.push('Cache-Control', 'no-store')
  }
  if (page.status === 200 && req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end()
    return
  }
  const gzip =
    page.body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (gzip) {
    headers.push('Content-Encoding', 'gzip')
    page.gzip ??= zlib.gzipSync(page.body, { level: 6 })
  }
  const body = gzip ? page.gzip! : page.body
  headers.push('Content-Length', String(body.length))
  res.writeHead(page.status, headers)
  if (req.method === 'HEAD') res.end()
  else res.end(body)
}

/** Headers as the flat list `send` takes: [name, value, name, value, …]. */
export const flatHeaders = (headers: Record<string, string>): string[] =>
  Object.entries(headers).flat()

/**
 * The cache key of a site page: site, path, care mode, and whether the reader came by a
 * development address — the one thing about the request its links depend on (never the Host
 * or port as sent: those would let one request fill the cache with another's addresses).
 */
export const pageKey = (
  siteId: string | number,
  path: string,
  care: boolean,
  dev: boolean,
  variant = '',
) => `${siteId}|${path}${variant ? `?${variant}` : ''}|${care ? 1 : 0}|${dev ? 'dev' : 'pub'}`

/** A query string in canonical form: `care` left out (it is part of the key), names in order. */
export function canonicalQuery(search: string): string {
  if (!search) return ''
  const params = [...new URLSearchParams(search)].filter(([k]) => k !== 'care')
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

/** The cache key of the platform's directory, whose links also depend on that yes/no. */
export const platformKey = (dev: boolean) => `platform|/|${dev ? 'dev' : 'pub'}`

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
  const base = flatHeaders(headers)
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
    ;(req as IncomingMessage & { hostMatch?: unknown }).hostMatch = { sites, match, dev }
    let key: string
    if (match.kind === 'platform') {
      if (path !== '/') return false
      key = platformKey(dev)
    } else if (
      match.kind === 'site' &&
      (match.site.status === 'active' || match.site.status === 'rectifying')
    ) {
      const search = q >= 0 ? url.slice(q + 1) : ''
      const care = q >= 0 && new URLSearchParams(search).getAll('care').join() === '1'
      // A page kept for a query variant is found here only when the query is that variant.
      key = pageKey(match.site.id, path, care, dev, canonicalQuery(search))
    } else {
      return false
    }
    const page = pageCache.get(key)
    if (!page) return false
    send(req, res, page, cdnSeconds, true, base)
    return true
  }
}
