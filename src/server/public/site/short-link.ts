// `/a/<id>`: a short address of a published article, sent on to its page under its column.
import { articleHref } from '../../render/urls'
import { primaryColumn } from '../cards'
import { findPublishedArticle } from '../read-articles'
import type { CachedRoute } from '../routes'
import { notFoundPage } from './not-found'

const SHORT = /^\/a\/([A-Za-z0-9]{1,24})$/

export const shortLinkRoute: CachedRoute = {
  cached: true,
  matches: (path) => SHORT.test(path),
  handle: async (ctx, _req, res) => {
    const doc = await findPublishedArticle(ctx, SHORT.exec(ctx.path)![1])
    const column = doc && primaryColumn(ctx.columns, doc)
    if (!doc || !column) return notFoundPage(ctx)
    res.redirect(301, articleHref(column.path, doc.id) + (ctx.care ? '?care=1' : ''))
    return 'done'
  },
}
