// A column's list pages (`/<path>/`, `/<path>/index_2.html` …) and its articles
// (`/<path>/<id>.html`): an article shown under another column is sent to its own; an article
// taken offline answers 301 to its replacement or 410 saying why it is gone. A path that is no
// column is passed on (the router answers the site's 404).
import type { Response } from 'express'

import { sameId } from '../../../domain/ids'
import { parsePageSegment } from '../../../domain/pagination'
import { isValidId } from '../../../domain/query-input'
import { tags as cacheTags } from '../../../services/page-cache'
import { render } from '../../render/engine'
import { articleHref, columnHref } from '../../render/urls'
import { articlePage, columnPage } from '../pages'
import { disclosureSection, notFoundLayout } from '../frame'
import { primaryColumn } from '../cards'
import { findPublishedArticle, findRetiredArticle } from '../read-articles'
import type { PageContext } from '../context'
import { type CachedRoute, HTML, type Output } from '../routes'
import { notFoundPage } from './not-found'

const COLUMN_PATH = /^\/((?:[a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9-]*)\/(.*)$/
const BARE_COLUMN = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)$/
const ARTICLE = /^([A-Za-z0-9]{1,24})\.html$/

const care = (ctx: PageContext) => (ctx.care ? '?care=1' : '')

/** An unpublished article: 301 to its replacement, or 410 saying why it is gone. */
async function retired(ctx: PageContext, res: Response, id: string): Promise<Output | 'done'> {
  const gone = await findRetiredArticle(ctx, id)
  if (!gone) return notFoundPage(ctx)
  if (gone.replacement != null) {
    const next = await findPublishedArticle(ctx, String(gone.replacement))
    const column = next && primaryColumn(ctx.columns, next)
    if (next && column) {
      res.redirect(301, articleHref(column.path, next.id) + care(ctx))
      return 'done'
    }
  }
  const sites = await ctx.registry.sites()
  const body = await render(ctx.site.theme, 'gone', {
    layout: notFoundLayout(ctx, sites, '信息已下线'),
    gone,
  })
  return { status: 410, body, contentType: HTML, tags: [cacheTags.article(id)] }
}

export const columnRoute: CachedRoute = {
  cached: true,
  matches: (path) => COLUMN_PATH.test(path) || BARE_COLUMN.test(path),
  handle: async (ctx, _req, res) => {
    const { path } = ctx
    const m = COLUMN_PATH.exec(path)
    if (!m) {
      // `/tzgg` → `/tzgg/`
      const bare = BARE_COLUMN.exec(path)
      if (bare && ctx.columns.byPath.has(bare[1])) {
        res.redirect(301, `${path}/` + care(ctx))
        return 'done'
      }
      return null
    }
    const [, columnPath, rest] = m
    const column = ctx.columns.byPath.get(columnPath)
    if (!column) return null
    const page = rest === '' ? 1 : parsePageSegment(rest)
    // One 政府信息公开: the section's own list pages are the disclosure platform's catalogue.
    if (page != null && sameId(column.id, disclosureSection(ctx.columns)?.id)) {
      res.redirect(301, '/xxgk/' + care(ctx))
      return 'done'
    }
    if (page != null) {
      if (rest === 'index.html' || rest === 'index_1.html') {
        res.redirect(301, columnHref(column.path) + care(ctx))
        return 'done'
      }
      const r = await columnPage(ctx, column, page)
      if (!r) return notFoundPage(ctx)
      return {
        status: 200,
        body: await render(ctx.site.theme, 'column', r.view),
        contentType: HTML,
        tags: r.tags,
      }
    }
    const art = ARTICLE.exec(rest)
    const idType = ctx.payload.db.defaultIDType === 'number' ? 'number' : 'text'
    if (!art || !isValidId(art[1], idType)) return notFoundPage(ctx)
    const doc = await findPublishedArticle(ctx, art[1])
    if (!doc) return retired(ctx, res, art[1])
    if (!(doc.columns ?? []).some((c) => sameId(c, column.id))) {
      const primary = primaryColumn(ctx.columns, doc)
      if (!primary) return notFoundPage(ctx)
      res.redirect(301, articleHref(primary.path, doc.id) + care(ctx))
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
  },
}
