// The shape of what a public page handler answers, and of a route: answered on every request
// (DynamicRoute: forms, filtered lists) or kept in the output cache (CachedRoute).
import type { Request, Response } from 'express'

import type { PageContext } from './context'

export type Output = {
  status: number
  body: string
  contentType: string
  tags: string[]
  lastModified?: Date
  /** For dynamic routes only (default no-store); cached pages get the platform's header. */
  cacheControl?: string
  /** For cached pages that change with time as well as with content: made again after this. */
  ttlSeconds?: number
  /** For cached routes: false sends the page without keeping it (made again every time). */
  keep?: boolean
}

/**
 * A page answered on every request (forms, filtered lists): GET, HEAD and POST reach it.
 * `handle` returns the page, 'done' when it answered itself (a redirect, a file), or null to
 * pass the request on.
 */
export type DynamicRoute = {
  cached?: false
  matches: (path: string) => boolean
  handle: (ctx: PageContext, req: Request, res: Response) => Promise<Output | 'done' | null>
}

/**
 * A page the output cache keeps (GET and HEAD only): stored by site, path and mode when it
 * answers 200, dropped by its tags. `handle` returns null for a path it does not know (the
 * router answers the site's 404, or hands admin and API paths on).
 */
export type CachedRoute = Omit<DynamicRoute, 'cached'> & {
  cached: true
  /**
   * The part of the query string the page depends on, in canonical form (`a=1&b=2`, names in
   * order); '' or absent: none (any query is ignored). null: this request's page is made and
   * sent but not kept (a variant the cache should not hold).
   */
  cacheVariant?: (req: Request) => string | null
}

export const HTML = 'text/html; charset=utf-8'

/**
 * A cache variant from named query parameters, in the order given: spaces collapsed, empty ones
 * left out, so `?b=2&a=1` and `?a=1&b=2` are one page. null (made, not kept) for a value over
 * 200 characters or not a string: such requests must not fill the cache.
 */
export const queryVariant =
  (names: string[]) =>
  (req: Request): string | null => {
    const parts: string[] = []
    for (const name of names) {
      const raw = req.query[name]
      const v = (Array.isArray(raw) ? raw[0] : raw) ?? ''
      if (typeof v !== 'string') return null
      const t = v.replace(/[\s\u3000]+/g, ' ').trim()
      if (t.length > 200) return null
      if (t) parts.push(`${name}=${encodeURIComponent(t)}`)
    }
    return parts.join('&')
  }
