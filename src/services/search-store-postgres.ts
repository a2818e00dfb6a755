// The search index on PostgreSQL: full text with a GIN index, in a schema of its own (`search`)
// that Payload's schema push leaves alone. PostgreSQL has no Chinese parser; the tokens are made
// in Node (src/domain/search-text.ts) and the 'simple' configuration only splits them on spaces.
// One indexed vector (the title's and the text's grams) decides what matches; the order by
// relevance reads only the title's small vector — reading every match's full vector to rank
// thousands of matches is what makes PostgreSQL slow. jieba's words of the title are stored
// (`words`) but no query reads them here (see the order below).
import type { Pool, PoolClient } from 'pg'

import type { Phrase } from '../domain/search-text'
import { dayBounds, hitOf } from './search-types'
import type { SearchEntry, SearchStore, StoredHit, StoreQuery } from './search-types'

const SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS search;
  CREATE TABLE IF NOT EXISTS search.entries (
    id bigserial PRIMARY KEY, ref text NOT NULL UNIQUE, site text NOT NULL, kind text NOT NULL,
    date timestamptz NOT NULL, columns text[] NOT NULL, doc_number text NOT NULL,
    index_number text NOT NULL, tsv tsvector NOT NULL, ttsv tsvector NOT NULL,
    words tsvector NOT NULL);
  CREATE TABLE IF NOT EXISTS search.texts (
    id bigint PRIMARY KEY, title text NOT NULL, summary text NOT NULL, body text NOT NULL,
    path text NOT NULL);
  ALTER TABLE search.entries ADD COLUMN IF NOT EXISTS shared text[] NOT NULL DEFAULT '{}';
  CREATE INDEX IF NOT EXISTS entries_shared ON search.entries USING gin (shared);
  CREATE INDEX IF NOT EXISTS entries_tsv ON search.entries USING gin (tsv);
  CREATE INDEX IF NOT EXISTS entries_site_date ON search.entries (site, date DESC);
  CREATE INDEX IF NOT EXISTS entries_doc_number ON search.entries (doc_number);
  CREATE INDEX IF NOT EXISTS entries_index_number ON search.entries (index_number);`

/** A phrase as tsquery text: `'第':* <-> '3' <-> '季度'` (grams hold no quotes). */
export const tsPhrase = (p: Phrase): string =>
  p.grams.map((g, i) => `'${g}'${p.prefix[i] ? ':*' : ''}`).join(' <-> ')

export const tsMatch = (q: Pick<StoreQuery, 'groups'>): string =>
  q.groups.map((g) => `(${g.phrases.map(tsPhrase).join(' | ')})`).join(' & ')

type Row = Record<string, unknown>

/**
 * Runs a query with room for an exact bitmap of a common term's matches: with the default
 * 4 MB, the bitmap of tens of thousands of rows turns lossy and every row of a lossy page is
 * checked again against its full vector (read from TOAST) — a second where 20 ms will do.
 */
async function withMemory<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("SET LOCAL work_mem = '64MB'")
    // A word in nearly every text (工作) tempted the planner into a parallel scan of the whole
    // table, three times slower than the index's bitmap (1.2–1.7 s against 0.4 s) — and its
    // choice flipped between runs with the sampled statistics.
    await client.query('SET LOCAL enable_seqscan = off')
    const out = await work(client)
    await client.query('COMMIT')
    return out
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

const hitOfRow = (r: Row): StoredHit =>
  hitOf(r, {
    date: new Date(r.date as string).toISOString(),
    columns: (r.columns as string[]) ?? [],
  })

export async function postgresStore(pool: Pool): Promise<SearchStore> {
  // Two nodes starting at once must not both create the schema.
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("SELECT pg_advisory_xact_lock(hashtext('jiyue-search-schema'))")
    await client.query(SCHEMA)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }

  return {
    name: 'postgres-gin',
    put: async (entries: SearchEntry[]) => {
      if (!entries.length) return
      const values: unknown[] = []
      const p = (v: unknown) => {
        values.push(v)
        return `$${values.length}`
      }
      const rows = entries.map(
        (
          e,
        ) => `(${[e.ref, e.site, e.kind, e.date, e.columns, e.shared, e.docNumber, e.indexNumber].map(p).join(', ')},
          to_tsvector('simple', ${p(e.titleGrams)}) || to_tsvector('simple', ${p(e.grams)}),
          to_tsvector('simple', ${p(e.titleGrams)}), to_tsvector('simple', ${p(e.words)}))`,
      )
      const texts = entries.map(
        (e) => `(${[e.ref, e.title, e.summary, e.body, e.path].map(p).join(', ')})`,
      )
      // The narrow row the filters read, and the text a page of results shows, in one statement.
      await pool.query(
        `WITH e AS (
           INSERT INTO search.entries (ref, site, kind, date, columns, shared, doc_number, index_number, tsv, ttsv, words)
           VALUES ${rows.join(', ')}
           ON CONFLICT (ref) DO UPDATE SET site = excluded.site, kind = excluded.kind,
             date = excluded.date, columns = excluded.columns, shared = excluded.shared,
             doc_number = excluded.doc_number,
             index_number = excluded.index_number, tsv = excluded.tsv, ttsv = excluded.ttsv,
             words = excluded.words
           RETURNING id, ref)
         INSERT INTO search.texts (id, title, summary, body, path)
         SELECT e.id, v.title, v.summary, v.body, v.path
         FROM e JOIN (VALUES ${texts.join(', ')}) AS v (ref, title, summary, body, path) ON v.ref = e.ref
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
           body = excluded.body, path = excluded.path`,
        values,
      )
    },
    remove: async (refs) => {
      if (!refs.length) return
      await pool.query(
        `WITH d AS (DELETE FROM search.entries WHERE ref = ANY($1) RETURNING id)
         DELETE FROM search.texts WHERE id IN (SELECT id FROM d)`,
        [refs],
      )
    },
    removeSite: async (site) => {
      await pool.query(
        `WITH d AS (DELETE FROM search.entries WHERE site = $1 RETURNING id)
         DELETE FROM search.texts WHERE id IN (SELECT id FROM d)`,
        [site],
      )
    },
    clear: async () => {
      await pool.query('TRUNCATE search.entries, search.texts')
    },
    query: async (q) => {
      if (!q.sites.length) return { total: 0, hits: [] }
      // Its own site's, or shown by one of them (shared). For every site no condition at all:
      // each entry's site is one of them, and a 50-element `= ANY` on every candidate cost
      // PostgreSQL 5–10 times the query itself (EXPLAIN ANALYZE on the bench's corpus).
      const args: unknown[] = q.everySite ? [] : [q.sites]
      const where = q.everySite ? ['true'] : ['(e.site = ANY($1) OR e.shared && $1::text[])']
      const add = (condition: (p: string) => string, value: unknown) => {
        if (value == null || value === '') return
        args.push(value)
        where.push(condition(`$${args.length}`))
      }
      const { from, to } = dayBounds(q)
      add((p) => `e.kind = ${p}`, q.kind)
      add((p) => `${p} = ANY(e.columns)`, q.column)
      add((p) => `e.date >= ${p}`, from)
      add((p) => `e.date < ${p}`, to)
      add((p) => `e.doc_number = ${p}`, q.docNumber)
      add((p) => `e.index_number = ${p}`, q.indexNumber)
      const text = q.groups.length > 0
      let order = 'e.date DESC'
      if (text) {
        args.push(tsMatch(q))
        const match = `$${args.length}::tsquery`
        where.push(`e.tsv @@ ${match}`)
        // By relevance: the title's pairs (a title holding the query first), then the newest.
        // Not by the title's jieba words as on SQLite: ranking every match of a common word by
        // a second vector took PostgreSQL 20 times longer (bench:search).
        if (q.sort === 'relevance') order = `ts_rank(e.ttsv, ${match}) DESC, e.date DESC`
      }
      // One pass over the narrow rows gives the page and the total (the window counts before
      // LIMIT); the texts are read for the page's rows only.
      const sql = `SELECT e.id, count(*) OVER ()::int AS total FROM search.entries e
                   WHERE ${where.join(' AND ')} ORDER BY ${order}
                   LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset)}`
      const res = await withMemory(pool, (c) => c.query(sql, args))
      let total = Number(res.rows[0]?.total ?? 0)
      if (!res.rows.length && q.offset > 0) {
        // Past the last page: the total still matters to the reader.
        const all = await pool.query(
          `SELECT count(*)::int AS n FROM search.entries e WHERE ${where.join(' AND ')}`,
          args,
        )
        total = Number(all.rows[0]?.n ?? 0)
      }
      const ids = res.rows.map((r: Row) => String(r.id))
      if (!ids.length) return { total, hits: [] }
      const page = await pool.query(
        `SELECT e.id, e.ref, e.site, e.kind, e.date, e.columns, e.doc_number, e.index_number,
                t.title, t.summary, t.body, t.path
         FROM search.entries e JOIN search.texts t ON t.id = e.id WHERE e.id = ANY($1)`,
        [ids],
      )
      const byId = new Map(page.rows.map((r: Row) => [String(r.id), hitOfRow(r)]))
      return {
        total,
        hits: ids.map((id) => byId.get(id)).filter((h): h is StoredHit => h != null),
      }
    },
    stats: async () => {
      const res = await pool.query(
        `SELECT (SELECT count(*) FROM search.entries)::int AS n,
                (pg_total_relation_size('search.entries') + pg_total_relation_size('search.texts'))::bigint AS bytes`,
      )
      return { entries: Number(res.rows[0]?.n ?? 0), bytes: Number(res.rows[0]?.bytes ?? 0) }
    },
    // The pool is Payload's: it closes with Payload.
    close: async () => {},
  }
}
