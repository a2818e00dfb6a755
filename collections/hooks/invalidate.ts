// Keep public pages true at once: every change drops the cached pages that show it, on this
// node now and on every node within a poll (src/services/cache-purges.ts).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf, idsOf } from '../../src/domain/ids'
import { isLive } from '../../src/domain/workflow'
import { purgePages as purge } from '../../src/services/cache-purges'
import { tags } from '../../src/services/page-cache'

export const invalidateSite: CollectionAfterChangeHook = async ({ doc, req }) => {
  await purge(req, [tags.site(doc.id), tags.platform])
  return doc
}

export const invalidateColumn: CollectionAfterChangeHook = async ({ doc, req }) => {
  const site = idOf(doc.site)
  if (site != null) await purge(req, [tags.site(site)])
  return doc
}

export const invalidateColumnOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const site = idOf(doc.site)
  if (site != null) await purge(req, [tags.site(site)])
  return doc
}

const articleTags = (
  doc: Record<string, unknown>,
  previous?: Record<string, unknown>,
): string[] => {
  const site = idOf(doc.site)
  const before = idOf(previous?.site)
  // Its own columns and the other sites' columns and homes that show it (shared, accepted).
  const columns = new Set(
    [doc, previous].flatMap((d) => [...idsOf(d?.columns), ...idsOf(d?.sharedInto)]).map(String),
  )
  const receiving = new Set([doc, previous].flatMap((d) => idsOf(d?.sharedSites)).map(String))
  return [
    tags.article(doc.id as string | number),
    ...[...columns].map(tags.column),
    ...[...receiving].map(tags.home),
    ...(site != null ? [tags.home(site), tags.feeds(site), tags.catalogue(site)] : []),
    ...(before != null && String(before) !== String(site) ? [tags.catalogue(before)] : []),
  ]
}

export const invalidateArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const takenDown = isLive(previousDoc?.state) && !isLive(doc.state)
  await purge(req, articleTags(doc, previousDoc), !takenDown)
  return doc
}

export const invalidateArticleOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await purge(req, articleTags(doc), false)
  return doc
}

/**
 * The statistics pages (/hdjl/tj) of every site a letter or error report touches, and the
 * portal's page of all sites.
 */
export const invalidateFeedback: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (req.context.seeding) return doc
  const changed = ['status', 'answeredAt', 'rating', 'site', 'resolved', 'receivedAt'].some(
    (k) => JSON.stringify(doc[k]) !== JSON.stringify(previousDoc?.[k]),
  )
  if (!changed) return doc
  const sites = new Set(
    [
      idOf(doc.site),
      idOf(previousDoc?.site),
      idOf(doc.firstSite),
      ...((doc.transfers ?? []) as { from?: unknown; to?: unknown }[]).flatMap((t) => [
        idOf(t.from),
        idOf(t.to),
      ]),
    ]
      .filter((id) => id != null)
      .map(String),
  )
  await purge(req, [...[...sites].map(tags.feedback), tags.feedbackAll])
  return doc
}
