// The demo's sharing across sites: the portal's 部门动态 subscribes to every department's
// 工作动态 (shown at once, no review), and the 发改委 pushes its newest policy document to the
// portal's 政策文件, where it waits for the portal's reviewer.
import type { Payload } from 'payload'

import type { Id } from '../domain/ids'
import { ARTICLES, COLUMNS } from '../domain/slugs'
import { findOneSelected } from '../services/records'

async function columnAt(payload: Payload, site: Id | undefined, path: string) {
  if (site == null) return null
  return findOneSelected(payload, {
    collection: COLUMNS,
    where: { and: [{ site: { equals: site } }, { path: { equals: path } }] },
    select: ['name'],
  })
}

export async function seedDemoSharing(payload: Payload, siteIds: Map<string, Id>): Promise<void> {
  const portal = siteIds.get('www')
  const news = await columnAt(payload, portal, 'xwzx/bmdt')
  if (!news) return
  const sources = []
  for (const [slug, path] of [
    ['fgw', 'gzdt'],
    ['jyj', 'jydt/gzdt'],
    ['wjw', 'gzdt'],
  ] as const) {
    const c = await columnAt(payload, siteIds.get(slug), path)
    if (c) sources.push(c.id)
  }
  await payload.update({
    collection: COLUMNS,
    id: news.id,
    data: { subscriptions: sources, shareReview: false },
    overrideAccess: true,
  })
  const policy = await columnAt(payload, portal, 'zfxxgk/zcwj')
  const fgwPolicy = await columnAt(payload, siteIds.get('fgw'), 'zfxxgk/zcwj')
  if (!policy || !fgwPolicy) return
  const newest = await findOneSelected(payload, {
    collection: ARTICLES,
    where: { and: [{ columns: { in: [fgwPolicy.id] } }, { state: { equals: 'published' } }] },
    select: ['title'],
    sort: '-publishedAt',
  })
  if (newest)
    await payload.update({
      collection: ARTICLES,
      id: newest.id,
      data: { shareTo: [policy.id] },
      overrideAccess: true,
      context: { seeding: true },
    })
}
