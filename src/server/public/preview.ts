// 预览: staff see an article — draft, in review, signed — exactly as its site will show it (the
// site's own template and columns), with a banner saying it is not public. On the platform's
// address, where the admin's session is; the person's own read access decides what they see.
import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { sameId } from '../../domain/ids'
import { isState, STATE_LABELS } from '../../domain/workflow'
import { render } from '../render/engine'
import type { PageContext } from './context'
import { articlePage } from './pages'
import { primaryColumn } from './cards'
import { ARTICLE_POPULATE, ARTICLE_SELECT, type ArticleDoc } from './read-articles'
import type { Registry } from './registry'

export const PREVIEW_PATH = /^\/preview\/articles\/([\w-]{1,64})$/

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (res: Response, status: number, sentence: string) =>
  res
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>预览</title><p>${sentence}</p></html>`,
    )

export function previewHandler({
  payload,
  registry,
  port,
  platformName,
}: {
  payload: Payload
  registry: Registry
  port: number
  platformName: string
}) {
  return async (req: Request, res: Response): Promise<void> => {
    const id = PREVIEW_PATH.exec(req.path)?.[1]
    if (!id) return void page(res, 404, '页面不存在。')
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const { user } = await payload.auth({ headers })
    if (!user) return void page(res, 401, '请先登录管理后台，再打开预览。')
    const found = await payload.find({
      collection: 'articles',
      where: { id: { equals: id } },
      depth: 1,
      limit: 1,
      pagination: false,
      select: { ...ARTICLE_SELECT, site: true, state: true },
      populate: ARTICLE_POPULATE,
      draft: true,
      overrideAccess: false,
      user,
    })
    // The Local API's result is untyped here (ADR 4): the page reads the fields selected above.
    const doc = found.docs[0] as unknown as
      (ArticleDoc & { site: { id: string | number } | string | number; state?: string }) | undefined
    if (!doc) return void page(res, 404, '稿件不存在，或您无权查看。')
    const siteId = typeof doc.site === 'object' ? doc.site.id : doc.site
    const site = (await registry.sites()).find((s) => sameId(s.id, siteId))
    if (!site) return void page(res, 404, '稿件所属的站点不存在。')
    const columns = await registry.columns(site.id)
    const column = primaryColumn(columns, doc)
    if (!column) return void page(res, 409, '稿件还没有栏目，选择栏目并保存后即可预览。')
    const ctx: PageContext = {
      payload,
      registry,
      site,
      columns,
      path: req.path,
      care: false,
      port,
      platformName,
      dev: false,
      directoryHref: `http://localhost:${port}/`,
    }
    const r = await articlePage(ctx, doc, column)
    const state = isState(doc.state) ? STATE_LABELS[doc.state] : '草稿'
    const html = (await render(site.theme, 'article', r.view))
      .replace('<head>', '<head><meta name="robots" content="noindex, nofollow">')
      .replace(
        /<body([^>]*)>/,
        `<body$1><div class="preview-banner" role="status">预览：此稿件目前为“${state}”，尚未公开发布；页面按“${escapeHtml(site.name)}”网站的实际样式显示。</div>`,
      )
    res.status(200).setHeader('Cache-Control', 'no-store').type('html').send(html)
  }
}
