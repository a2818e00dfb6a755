// The public output cache: HTML by site and path, dropped by tags when content changes.
// One per process; with several nodes the tags are also published to peers (see README).

import { settings } from '../settings'

export type CachedPage = {
  status: number
  body: Buffer
  /** Made on the first request that accepts gzip, then kept. */
  gzip?: Buffer
  etag: string
  lastModified: string
  contentType: string
  tags: string[]
  storedAt: number
  /** Dropped when read after this time (ms), for pages that change with time. */
  expiresAt?: number
}

type Listener = (tags: string[]) => void

const MAX_ENTRIES = settings.pageCacheEntries

// Held on globalThis: Next's bundle of the admin and Express's public side run in one process
// but may load this module twice, and a purge from either must reach the same cache.
type State = {
  pages: Map<string, CachedPage>
  byTag: Map<string, Set<string>>
  listeners: Set<Listener>
  /** Purged pages, kept to answer (marked stale) while their new version cannot be made. */
  stale?: Map<string, CachedPage>
}
const g = globalThis as typeof globalThis & { __jiyuePageCache?: State }
const state: State = (g.__jiyuePageCache ??= {
  pages: new Map(),
  byTag: new Map(),
  listeners: new Set(),
})
const { pages, byTag, listeners } = state
const stale: Map<string, CachedPage> = (state.stale ??= new Map())
// Only a fallback for an outage: fewer than the live pages, oldest purge dropped first.
const MAX_STALE = Math.ceil(MAX_ENTRIES / 4)

export const pageCache = {
  get(key: string): CachedPage | undefined {
    const page = pages.get(key)
    if (page?.expiresAt !== undefined && Date.now() > page.expiresAt) {
      pages.delete(key)
      return undefined
    }
    return page
  },
  set(key: string, page: CachedPage): void {
    if (pages.size >= MAX_ENTRIES) {
      const oldest = pages.keys().next().value
      if (oldest !== undefined) pages.delete(oldest)
    }
    pages.set(key, page)
    stale.delete(key)
    for (const tag of page.tags) {
      let keys = byTag.get(tag)
      if (!keys) byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
  },
  /**
   * Drop every page carrying any of the tags. Returns how many pages were dropped. They are
   * kept aside as stale fallbacks unless `keepStale: false` — for a page taken down on purpose
   * (withdrawn, unpublished), which must not come back even while the database is away.
   */
  purge(tags: string[], { keepStale = true }: { keepStale?: boolean } = {}): number {
    let dropped = 0
    for (const tag of tags) {
      const keys = byTag.get(tag)
      if (!keys) continue
      for (const key of keys) {
        const page = pages.get(key)
        if (!page) continue
        pages.delete(key)
        dropped++
        stale.delete(key)
        if (!keepStale) continue
        const oldest = stale.size >= MAX_STALE ? stale.keys().next().value : undefined
        if (oldest !== undefined) stale.delete(oldest)
        stale.set(key, page)
      }
      byTag.delete(tag)
    }
    if (!keepStale) {
      // Versions put aside by earlier purges go too (rare: a scan of the bounded stale set).
      const gone = new Set(tags)
      for (const [key, page] of stale) if (page.tags.some((t) => gone.has(t))) stale.delete(key)
    }
    for (const listener of listeners) listener(tags)
    return dropped
  },
  /** The last purged version of a page, for when the database cannot make the new one. */
  stale(key: string): CachedPage | undefined {
    return stale.get(key)
  },
  clear(): void {
    pages.clear()
    byTag.clear()
    stale.clear()
  },
  size(): number {
    return pages.size
  },
  onPurge(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

export const tags = {
  site: (id: string | number) => `site:${id}`,
  home: (id: string | number) => `home:${id}`,
  column: (id: string | number) => `column:${id}`,
  article: (id: string | number) => `article:${id}`,
  feeds: (id: string | number) => `feeds:${id}`,
  /** A site's interaction statistics (letters and error reports). */
  feedback: (id: string | number) => `feedback:${id}`,
  /** The portal's statistics of every site. */
  feedbackAll: 'feedback:all',
  platform: 'platform',
  /** A site's entries in disclosure catalogues (its own, and a portal's that takes it in). */
  catalogue: (id: string | number) => `catalogue:${id}`,
  /** Search pages: every change of the index drops them. */
  search: 'search',
}
