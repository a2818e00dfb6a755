// The search index behind one interface: put, remove and query entries. The embedded default
// uses the database's own full-text engine — SQLite FTS5 (in a file beside the database),
// PostgreSQL full text with a GIN index (in the schema `search`), MongoDB's text index — over the
// tokens of src/domain/search-text.ts. A search cluster (OpenSearch, Elasticsearch with a
// Chinese analyzer) would be one more implementation of `SearchStore` (README).
import type { Payload } from 'payload'

import type { SearchStore } from './search-types'

export type { SearchEntry, SearchStore, StoredHit, StoreGroup, StoreQuery } from './search-types'

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
      // The adapter's database file (Payload's types do not name it on the generic adapter).
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
