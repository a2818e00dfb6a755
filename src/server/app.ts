// The Express application: public sites, their files, and (unless ROLE=public) the admin and API.
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import express, { type NextFunction, type Request, type Response } from 'express'
import helmet, { type HelmetOptions } from 'helmet'
import type { Payload } from 'payload'
import type { Logger } from 'pino'

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../domain/database-errors'
import { settings } from '../settings'
import { graphqlGuard } from './graphql-guard'
import { createDatabaseHealth } from './database-health'
import { assetsDir, render } from './render/engine'
import { fileRoutes, payloadFileGuard } from './files'
import { FILE_ROUTES } from './render/urls'
import { createFastPath } from './public/http-cache'
import { PREVIEW_PATH, previewHandler } from './public/preview'
import { publicRouter } from './public/router'

export type AppOptions = {
  payload: Payload
  port: number
  logger: Logger
  /** Next's request handler for /admin, /api and /_next; absent on ROLE=public nodes. */
  nextHandler?: (req: Request, res: Response) => Promise<unknown> | unknown
  platformName?: string
  platformOperator?: string
  /** all: everything; public: sites and files only; admin: admin and API only (内外网分离). */
  role?: 'all' | 'public' | 'admin'
}

const PUBLIC_BODY_LIMIT = 64 * 1024
/**
 * The request form reads its own body: it keeps the typed text of any post, drops an attachment
 * over its limit and stops listening after 64 MB, then shows the form again with the text and a
 * sentence about the file. A refusal here would lose the text, so there is none for it.
 */
const REQUEST_FORM_BODY_LIMIT = Number.POSITIVE_INFINITY
const REQUEST_FORM = /^\/ysqgk(\/|$)/

const ADMIN_PATHS = /^\/(admin|api|_next|__nextjs[^/]*)(\/|$)/

/**
 * Helmet's headers with a page's own content sources; what public and admin pages share: no
 * plugins, and the base, forms and framing on the platform's own origin.
 */
const securityHeaders = (
  directives: Record<string, string[]>,
  options: Pick<HelmetOptions, 'referrerPolicy'> = {},
) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...directives,
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: settings.production,
    ...options,
  })

const publicCsp = securityHeaders({
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  fontSrc: ["'self'"],
})

// The admin (Next) runs inline scripts and styles, so its policy cannot be strict about inline
// code (nonces would need Next's middleware); it still keeps every script, connection, frame
// and form on the platform's own origin, so injected markup can neither load code from
// elsewhere nor send what it reads off the site. Next's development server (`npm run dev`)
// adds eval and the HMR socket.
const adminHeaders = securityHeaders(
  {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", ...(settings.compiled ? [] : ["'unsafe-eval'"])],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...(settings.compiled ? [] : ['ws:'])],
    workerSrc: ["'self'", 'blob:'],
    frameSrc: ["'self'"],
  },
  {
    // helmet's no-referrer makes a browser send `Origin: null` with a plain form's POST, and
    // Payload refuses the session cookie of a request whose Origin is not the platform's own
    // (its CSRF check): the admin's forms (立即体检) need the real origin. Nothing leaves the site.
    referrerPolicy: { policy: 'same-origin' },
  },
)

/** The headers a middleware such as helmet sets, captured once so the fast path can send them. */
function headersOf(
  middleware: (req: never, res: never, next: () => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name]
    },
    getHeader: (name: string) => headers[name],
  }
  middleware({ headers: {}, method: 'GET', url: '/' } as never, res as never, () => {})
  return headers
}

export function createApp(options: AppOptions) {
  const { payload, port, logger, nextHandler, role = settings.role } = options
  const platformName = options.platformName ?? settings.platformName
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', settings.trustProxy)
  app.set('etag', false)

  // Liveness (/healthz, always 200 while the process answers) and readiness (/readyz, 503
  // while the database is down, so a load balancer prefers a node that can render). The
  // probe is a count of sites through Payload: adapter-neutral, and cached by `health`.
  const health = createDatabaseHealth({
    probe: () => payload.count({ collection: 'sites', overrideAccess: true }),
  })
  app.get('/healthz', async (_req, res) => {
    const database = await health.check()
    res.setHeader('Cache-Control', 'no-store')
    res.json({ ok: database === 'up', database, role })
  })
  app.get('/readyz', async (_req, res) => {
    const database = await health.check()
    res.setHeader('Cache-Control', 'no-store')
    if (database === 'down') res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
    res.status(database === 'up' ? 200 : 503).json({ ready: database === 'up', database, role })
  })

  // helmet's public headers are the same for every page: computed once, set as a block.
  const publicHeaders = headersOf(publicCsp)
  app.use((req, res, next) => {
    if (ADMIN_PATHS.test(req.path) && nextHandler) return adminHeaders(req, res, next)
    res.set(publicHeaders)
    next()
  })

  // Public pages take no uploads: refuse large bodies before anyone reads them. (Forms set
  // their own, smaller limits; the admin's uploads are limited by Payload.)
  app.use((req, res, next) => {
    if (ADMIN_PATHS.test(req.path) && nextHandler) return next()
    const limit = REQUEST_FORM.test(req.path) ? REQUEST_FORM_BODY_LIMIT : PUBLIC_BODY_LIMIT
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      res.status(413).type('text/plain; charset=utf-8').send('提交的内容过大')
      return
    }
    next()
  })

  const staticOptions = { maxAge: '1d', index: false, dotfiles: 'deny', fallthrough: true } as const
  app.use('/assets', express.static(assetsDir, staticOptions))

  const { router, registry } = publicRouter({
    payload,
    port,
    platformName,
    platformOperator: options.platformOperator ?? settings.platformOperator,
    platformHosts: settings.platformHosts,
    cdnSeconds: settings.pageCacheSeconds,
    passThrough: (p) => Boolean(nextHandler) && ADMIN_PATHS.test(p),
  })
  // Uploaded files: inert, and on public site hosts only (src/server/files.ts).
  const files = fileRoutes({
    routes: [
      { path: FILE_ROUTES.media, dir: path.join(settings.mediaDir, 'images') },
      { path: FILE_ROUTES.attachments, dir: path.join(settings.mediaDir, 'files') },
    ],
    registry,
    platformHosts: settings.platformHosts,
    devHosts: settings.devHosts,
  })
  // 预览 for staff, on the admin's address (src/server/public/preview.ts); not on public nodes.
  if (role !== 'public')
    app.get(PREVIEW_PATH, previewHandler({ payload, registry, port, platformName }))
  if (role !== 'admin') app.use(files, router)
  const fastPath =
    role === 'admin'
      ? () => false
      : createFastPath({
          registry,
          platformHosts: settings.platformHosts,
          cdnSeconds: settings.pageCacheSeconds,
          headers: publicHeaders,
        })

  if (nextHandler) {
    app.use(payloadFileGuard, graphqlGuard(payload), (req, res) => {
      // Payload sees the client's address as Express resolved it (trust proxy), never a
      // client-sent X-Forwarded-For: the per-address login limit and the audit trail use it.
      req.headers['x-forwarded-for'] = req.ip ?? ''
      return nextHandler(req, res)
    })
  } else {
    app.use((_req, res) => {
      res.status(404).type('text/plain; charset=utf-8').send('页面不存在')
    })
  }

  // No stack traces to the public: the log gets the detail, the reader a plain page.
  app.use(
    async (
      err: Error & { status?: number; type?: string },
      req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      const given = err.status ?? 0
      const clientError = given >= 400 && given < 500
      // The database is down: not a bug of this request. Say when to come back (503), log
      // one line without the stack, and let /readyz report it at once.
      const outage = !clientError && isDatabaseUnavailable(err)
      const status = clientError ? given : outage ? 503 : 500
      if (outage) {
        health.markDown()
        logger.warn(
          { url: req.originalUrl, host: req.headers.host, message: err.message },
          'database unavailable',
        )
      } else if (status === 500)
        logger.error({ err, url: req.originalUrl, host: req.headers.host }, 'public request failed')
      if (res.headersSent) return res.end()
      const message =
        status === 413
          ? '提交的内容过大'
          : status === 400
            ? '请求格式不正确'
            : outage
              ? `网站数据库暂时无法连接，本页暂时无法显示。请约 ${DATABASE_RETRY_AFTER_SECONDS} 秒后刷新重试。`
              : '服务暂时不可用，请稍后再试'
      try {
        res.status(status).setHeader('Cache-Control', 'no-store')
        if (outage) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        res.type('html').send(await render(null, 'error', { platformName, message }))
      } catch {
        res.status(status).type('text/plain; charset=utf-8').send(message)
      }
    },
  )

  /** The server's request handler: cached pages first, then Express. */
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!fastPath(req, res)) app(req, res)
  }

  return { app, registry, handler }
}
