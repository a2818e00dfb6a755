// Serves uploaded files as inert downloads: only on public site hosts, only the allowed types,
// each with the type of what it is and a policy of its own (rules in src/domain/uploads.ts).
import path from 'node:path'

import express, { type NextFunction, type Request, type Response } from 'express'

import { ATTACHMENTS, MEDIA, REQUEST_FILES } from '../domain/slugs'
import { matchHost } from '../domain/sites'
import { servedFileHeaders } from '../domain/uploads'
import type { Registry } from './public/registry'
import { isRetired } from './public/retired'

const NOT_FOUND = '文件不存在'

const notFound = (res: Response) => {
  res.status(404).setHeader('Cache-Control', 'no-store')
  res.type('text/plain; charset=utf-8').send(NOT_FOUND)
}

/** The one path segment after the route, decoded, or null when it is not a plain file name. */
function fileNameOf(rest: string): string | null {
  let name: string
  try {
    name = decodeURIComponent(rest.replace(/^\//, ''))
  } catch {
    return null
  }
  if (!name || /[/\\]/.test(name) || name.includes('\u0000') || name.startsWith('.')) return null
  return name
}

/**
 * Files under each route (`/files/images` → the media folder, …). A file is served on a site's
 * host only: on the platform's hosts (the directory and the admin: localhost, PLATFORM_HOSTS)
 * and on hosts of no site it is not found, so an uploaded file never shares an origin with the
 * admin.
 */
export function fileRoutes({
  routes,
  registry,
  platformHosts,
  devHosts,
}: {
  routes: { path: string; dir: string }[]
  registry: Pick<Registry, 'sites'>
  platformHosts: string[]
  /** Whether `<slug>.localhost` reaches a site: as for the pages (settings.devHosts). */
  devHosts: boolean
}) {
  const router = express.Router()
  for (const { path: route, dir } of routes) {
    const root = path.resolve(dir)
    router.use(route, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const match = matchHost({
          host: req.headers.host,
          sites: await registry.sites(),
          platformHosts,
          devHosts,
        })
        // A retired site's files answer by its mapping (the router sends them to the successor).
        if (match.kind === 'site' && isRetired(match.site)) return next()
        const name = fileNameOf(req.path)
        const headers = name ? servedFileHeaders(name) : null
        // Not a site's host, not a plain name, or not a served type (an .html, .svg or .xml
        // stored before names were chosen by content included): not found, in plain text.
        if (match.kind !== 'site' || !name || !headers) return notFound(res)
        if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res)
        res.set(headers)
        // send() decodes the path it is given: hand it the name encoded, so `100%.pdf` stays itself.
        res.sendFile(
          encodeURIComponent(name),
          { root, maxAge: '1d', dotfiles: 'deny', etag: true, lastModified: true },
          (err?: NodeJS.ErrnoException & { status?: number }) => {
            if (!err || res.headersSent) return
            for (const h of Object.keys(headers)) res.removeHeader(h)
            if (err.code === 'ENOENT' || err.status === 404) return notFound(res)
            next(err)
          },
        )
      } catch (err) {
        next(err)
      }
    })
  }
  return router
}

/** The upload collections Payload serves at /api/<collection>/file/<name>. */
const PAYLOAD_FILE = new RegExp(
  `^/api/(${[MEDIA, ATTACHMENTS, REQUEST_FILES].join('|')})/file/([^/]+)$`,
)

/**
 * In front of Payload's own file route (the admin's thumbnails and downloads): files of a type
 * the platform does not serve are not found; the others get their name-based headers before
 * Next runs, and Next keeps headers already set (next/dist/server/send-response.js appends a
 * header only when absent), so Payload cannot turn them back into a page.
 */
export function payloadFileGuard(req: Request, res: Response, next: NextFunction) {
  const m = PAYLOAD_FILE.exec(req.path)
  if (!m || (req.method !== 'GET' && req.method !== 'HEAD')) return next()
  const name = fileNameOf(m[2])
  const headers = name ? servedFileHeaders(name) : null
  if (!headers) return notFound(res)
  res.set(headers)
  next()
}
