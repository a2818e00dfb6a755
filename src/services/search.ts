// Search (/search on every site): the reader's query against the index, widened by the
// platform's synonyms, in the chosen sites; queries that find nothing are counted per site
// (the words only) for the site's admins.
import type { Payload } from 'payload'

import { type Id } from '../domain/ids'
import { parseSynonyms, SEARCH_PER_PAGE, type SearchQuery, termGroups } from '../domain/search'
import { normalise, rankWords } from '../domain/search-text'
import { SEARCH_MISSES } from '../domain/slugs'
import { logger } from '../logger'
import { type StoredHit, searchStore } from './search-store'

const SYNONYMS_SECONDS = 30
let synonyms: { at: number; map: Map<string, string[]> } | undefined

/** The platform's synonym list, read at most every 30 s (and again at once after a change here). */
async function platformSynonyms(payload: Payload): Promise<Map<string, string[]>> {
  if (synonyms && Date.now() - synonyms.at < SYNONYMS_SECONDS * 1000) return synonyms.map
  const global = (await payload.findGlobal({
    slug: 'platform-settings',
    depth: 0,
    overrideAccess: true,
  })) as { searchSynonyms?: string | null }
  synonyms = { at: Date.now(), map: parseSynonyms(global.searchSynonyms) }
  return synonyms.map
}

export const forgetSynonyms = (): void => {
  synonyms = undefined
}

export type SearchAnswer = {
  total: number
  hits: StoredHit[]
  /** What to mark in titles and snippets: the terms and their synonyms. */
  needles: string[]
  /** The synonyms that widened the search, for the page to say so. */
  widened: { term: string; alternatives: string[] }[]
}

/**
 * Runs a parsed query over the given sites (ids as the index keeps them); `everySite` when
 * they are all the open sites.
 */
export async function runSearch(
  payload: Payload,
  query: SearchQuery,
  sites: Id[],
  { everySite = false }: { everySite?: boolean } = {},
): Promise<SearchAnswer> {
  const { terms, number } = query.text
  if (!terms.length && !number) return { total: 0, hits: [], needles: [], widened: [] }
  const groups = termGroups(terms, await platformSynonyms(payload))
  const store = await searchStore(payload)
  const { total, hits } = await store.query({
    groups: groups.map((g) => ({ phrases: g.phrases, texts: g.alternatives })),
    words: rankWords(groups.flatMap((g) => g.alternatives)),
    sites: sites.map(String),
    everySite,
    column: query.column || undefined,
    kind: query.kind || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    docNumber: number?.kind === 'doc-number' ? number.value : undefined,
    indexNumber: number?.kind === 'index' ? number.value : undefined,
    sort: query.sort,
    limit: SEARCH_PER_PAGE,
    offset: (query.page - 1) * SEARCH_PER_PAGE,
  })
  return {
    total,
    hits,
    needles: number ? [number.value] : groups.flatMap((g) => g.alternatives),
    widened: groups
      .filter((g) => g.alternatives.length > 1)
      .map((g) => ({ term: g.term, alternatives: g.alternatives.slice(1) })),
  }
}

/**
 * Counts a query that found nothing on a site: one row per site and normalised query. Only the
 * words are kept. A failure is logged and never fails the reader's page.
 */
export async function recordMiss(payload: Payload, site: Id, q: string): Promise<void> {
  const query = normalise(q).replace(/\s+/g, ' ').trim().slice(0, 100)
  if (!query) return
  const key = `${site}:${query}`
  try {
    const found = await payload.find({
      collection: SEARCH_MISSES,
      where: { key: { equals: key } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
    })
    const row = found.docs[0] as { id: Id; count?: number } | undefined
    const now = new Date().toISOString()
    if (row) {
      await payload.update({
        collection: SEARCH_MISSES,
        id: row.id,
        data: { count: (row.count ?? 0) + 1, lastAt: now },
        overrideAccess: true,
        depth: 0,
      })
    } else {
      await payload.create({
        collection: SEARCH_MISSES,
        data: { site: site as number, query, key, count: 1, lastAt: now },
        overrideAccess: true,
        depth: 0,
      })
    }
  } catch (err) {
    logger.warn({ err }, '无结果搜索词未能记录')
  }
}
