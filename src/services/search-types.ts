// What the search index holds and answers, shared by its implementations
// (search-store-sqlite.ts, -postgres.ts, -mongodb.ts) and opened by search-store.ts.
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
  /** Column ids (articles): its own site's, then other sites' columns showing it (shared). */
  columns: string[]
  /** Other sites showing it (accepted shares): found in their scope too, still once. */
  shared: string[]
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

export type StoredHit = Omit<SearchEntry, 'titleGrams' | 'grams' | 'words' | 'shared'>

/**
 * A stored row as a hit, the same on every engine but for how each stores a date and a list
 * (the engine converts those two).
 */
export const hitOf = (
  r: Record<string, unknown>,
  { date, columns }: { date: string; columns: string[] },
): StoredHit => ({
  ref: String(r.ref),
  site: String(r.site),
  kind: String(r.kind) as StoredHit['kind'],
  date,
  columns,
  docNumber: String(r.doc_number),
  indexNumber: String(r.index_number),
  title: String(r.title),
  summary: String(r.summary),
  body: String(r.body),
  path: String(r.path),
})

/** A query term with its synonyms: one of them must be found (as a phrase of grams). */
export type StoreGroup = { phrases: Phrase[]; texts: string[] }

/** Every group must match, in the title or the text. */
export type StoreQuery = {
  groups: StoreGroup[]
  /** Terms that may be a title's jieba word (src/domain/search-text.ts rankWords): rank only. */
  words: string[]
  sites: string[]
  /**
   * The sites are every open site (a portal's default scope): each entry's own site is among
   * them, so shared entries need no second look (on PostgreSQL that look, an OR with the shared
   * sites' index, turned a common word's bitmap lossy: 0.9 s instead of 40 ms).
   */
  everySite?: boolean
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
