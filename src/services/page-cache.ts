// The public output cache: HTML by site and path, dropped by tags when content changes.
// One per process; with several nodes the tags are also published to peers (see README).

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
}

type Listener = (tags: string[]) => void

const MAX_ENTRIES = Number(process.env.PAGE_CACHE_ENTRIES ?? 20_000)

// Held on globalThis: Next's bundle of the admin and Express's public side run in one process
// but may load this module twice, and a purge from either must reach the same cache.
type State = {
  pages: Map<string, CachedPage>
  byTag: Map<string, Set<string>>
  listeners: Set<Listener>
}
const g = globalThis as typeof globalThis & { __jiyuePageCache?: State }
const state: State = (g.__jiyuePageCache ??= {
  pages: new Map(),
  byTag: new Map(),
  listeners: new Set(),
})
const { pages, byTag, listeners } = state

export const pageCache = {
  get(key: string): CachedPage | undefined {
    return pages.get(key)
  },
  set(key: string, page: CachedPage): void {
    if (pages.size >= MAX_ENTRIES) {
      const oldest = pages.keys().next().value
      if (oldest !== undefined) pages.delete(oldest)
    }
    pages.set(key, page)
    for (const tag of page.tags) {
      let keys = byTag.get(tag)
      if (!keys) byTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
  },
  /** Drop every page carrying any of the tags. Returns how many pages were dropped. */
  purge(tags: string[]): number {
    let dropped = 0
    for (const tag of tags) {
      const keys = byTag.get(tag)
      if (!keys) continue
      for (const key of keys) if (pages.delete(key)) dropped++
      byTag.delete(tag)
    }
    for (const listener of listeners) listener(tags)
    return dropped
  },
  clear(): void {
    pages.clear()
    byTag.clear()
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
  platform: 'platform',
}
