// Keep public pages true at once: every change drops the cached pages that show it.
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { pageCache, tags } from '../../src/services/page-cache'

const idOf = (v: unknown): string | number | undefined =>
  v && typeof v === 'object' && 'id' in v
    ? (v as { id: string | number }).id
    : (v as string | number | undefined)

const ids = (v: unknown): (string | number)[] =>
  (Array.isArray(v) ? v : []).map(idOf).filter((x): x is string | number => x != null)

export const invalidateSite: CollectionAfterChangeHook = ({ doc }) => {
  pageCache.purge([tags.site(doc.id), tags.platform])
  return doc
}

export const invalidateColumn: CollectionAfterChangeHook = ({ doc }) => {
  const site = idOf(doc.site)
  if (site != null) pageCache.purge([tags.site(site)])
  return doc
}

export const invalidateColumnOnDelete: CollectionAfterDeleteHook = ({ doc }) => {
  const site = idOf(doc.site)
  if (site != null) pageCache.purge([tags.site(site)])
  return doc
}

const articleTags = (
  doc: Record<string, unknown>,
  previous?: Record<string, unknown>,
): string[] => {
  const site = idOf(doc.site)
  const columns = new Set([...ids(doc.columns), ...ids(previous?.columns)])
  return [
    tags.article(doc.id as string | number),
    ...[...columns].map(tags.column),
    ...(site != null ? [tags.home(site), tags.feeds(site)] : []),
  ]
}

export const invalidateArticle: CollectionAfterChangeHook = ({ doc, previousDoc }) => {
  pageCache.purge(articleTags(doc, previousDoc))
  return doc
}

export const invalidateArticleOnDelete: CollectionAfterDeleteHook = ({ doc }) => {
  pageCache.purge(articleTags(doc))
  return doc
}
