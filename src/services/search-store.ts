// The search index behind one interface: put, remove and query entries. The embedded default
// uses the database's own full-text engine — SQLite FTS5 (in a file beside the database),
// PostgreSQL full text with a GIN index (in the schema `search`), MongoDB's text index — over the
// tokens of src/domain/search-text.ts. A search cluster (OpenSearch, Elasticsearch with a
// Chinese analyzer) would be one more implementation of `SearchStore` (README).
import type { Payload } from 'payload'

import type { SearchKind, SearchSort } from '../domain/search'
import type { Phrase } from '../domain/search-text'

/** One findable item: an article or a published letter, as the public may read it. */
export type SearchEntry = {
  /** `article:<id>` or `letter:<id>`. */
  ref: string
  site: string
  kind: SearchKind
  /** When it was published (ISO), for order and the date filter. */
  date: string
  /** Column ids (articles). */
  columns: string[]
  docNumber: string
  indexNumber: string
  title: string
  summary: string
  /** Plain text of the body (masked, for letters), for snippets. */
  body: string
  /** The page's path on its site, when it does not follow from its columns (letters). */
  path: string
  /** Tokens (src/domain/search-text.ts): the title's and the text's grams, jieba's words. */
  titleGrams: string
  grams: string
  words: string
}

export type StoredHit = Omit<SearchEntry, 'titleGrams' | 'grams' | 'words'>

/** A query term with its synonyms: one of them must be found (as a phrase of grams). */
export type StoreGroup = { phrases: Phrase[]; texts: string[] }

/** Every group must match, in the title or the text. */
export type StoreQuery = {
  groups: StoreGroup[]
  /** jieba's words of the query: rank, never filter. */
  words: string[]
  sites: string[]
  column?: string
  kind?: SearchKind
  /** Beijing days, inclusive. */
  from?: string
  to?: string
  docNumber?: string
  indexNumber?: string
  sort: SearchSort
  limit: number
  offset: number
}

export type SearchStore = {
  name: string
  put: (entries: SearchEntry[]) => Promise<void>
  remove: (refs: string[]) => Promise<void>
  /** Removes every entry of a site (closed or merged: nothing of it stays findable). */
  removeSite: (site: string) => Promise<void>
  clear: () => Promise<void>
  query: (q: StoreQuery) => Promise<{ total: number; hits: StoredHit[] }>
  stats: () => Promise<{ entries: number; bytes: number }>
  close: () => Promise<void>
}

/** Beijing day bounds as instants: [from 00:00, to+1 00:00). */
export function dayBounds(q: Pick<StoreQuery, 'from' | 'to'>): { from?: string; to?: string } {
  const at = (day: string) => new Date(`${day}T00:00:00+08:00`)
  return {
    from: q.from ? at(q.from).toISOString() : undefined,
    to: q.to ? new Date(at(q.to).getTime() + 86_400_000).toISOString() : undefined,
  }
}

const stores = new WeakMap<Payload, Promise<SearchStore>>()

/** The index of this Payload's database, opened (and its tables made) on first use. */
export function searchStore(payload: Payload): Promise<SearchStore> {
  let store = stores.get(payload)
  if (!store) {
    store = open(payload)
    stores.set(payload, store)
    // A failure to open is reported to this caller and tried again by the next one.
    store.catch(() => stores.delete(payload))
  }
  return store
}

async function open(payload: Payload): Promise<SearchStore> {
  const kind = payload.db.name
  if (kind === 'sqlite') {
    const { sqliteStore } = await import('./search-store-sqlite')
    return sqliteStore(
      (payload.db as unknown as { clientConfig: { url: string } }).clientConfig.url,
    )
  }
  if (kind === 'postgres') {
    const { postgresStore } = await import('./search-store-postgres')
    // The adapter's own pool (Payload's types do not name it on the generic adapter).
    return postgresStore((payload.db as unknown as { pool: import('pg').Pool }).pool)
  }
  const { mongoStore } = await import('./search-store-mongodb')
  return mongoStore(payload)
}

/** Closes the index when Payload's database closes (tests, shutdown). */
export async function closeSearchStore(payload: Payload): Promise<void> {
  const store = stores.get(payload)
  stores.delete(payload)
  if (store) await (await store).close()
}
