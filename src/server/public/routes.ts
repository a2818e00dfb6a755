// The shape of what a public page handler answers, and of the routes answered before the cache.
import type { Request, Response } from 'express'

import type { PageContext } from './pages'

export type Output = {
  status: number
  body: string
  contentType: string
  tags: string[]
  lastModified?: Date
  /** For dynamic routes only (default no-store); cached pages get the platform's header. */
  cacheControl?: string
}

/**
 * A page answered on every request (forms, filtered lists): GET, HEAD and POST reach it.
 * `handle` returns the page, 'done' when it answered itself (a redirect, a file), or null to
 * pass the request on.
 */
export type DynamicRoute = {
  matches: (path: string) => boolean
  handle: (ctx: PageContext, req: Request, res: Response) => Promise<Output | 'done' | null>
}

export const HTML = 'text/html; charset=utf-8'
