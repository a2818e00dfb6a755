// The search index on the embedded database: SQLite FTS5 in a file beside the database file
// (`x.db` → `x.search.db`). A file of its own, because Payload's development schema push would
// drop tables it does not know; the index can always be made again (`npm run search:reindex`).
import { type Client, createClient, type InStatement } from '@libsql/client'

import type { Phrase } from '../domain/search-text'
import { dayBounds, hitOf } from './search-types'
import type { SearchEntry, SearchStore, StoredHit, StoreQuery } from './search-types'

const SCHEMA = [
  // What a result shows, read for one page of results only.
  `CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, doc_number TEXT NOT NULL,
    index_number TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
    path TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS entries_doc_number ON entries (doc_number)',
  'CREATE INDEX IF NOT EXISTS entries_index_number ON entries (index_number)',
  // What the filters read for every match: narrow rows, so thousands of matches stay cheap.
  `CREATE TABLE IF NOT EXISTS meta (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL,
    columns TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS meta_site_date ON meta (site, date)',
  // Other sites showing an entry (shared articles): found in their scope too.
  `CREATE TABLE IF NOT EXISTS shared (site TEXT NOT NULL, id INTEGER NOT NULL,
    PRIMARY KEY (site, id)) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS shared_id ON shared (id)',
  // Contentless: the tokens are only indexed, never stored twice. unicode61 splits on spaces;
  // Han characters are letters to it. `prefix='1'` makes one-character terms an index lookup.
  `CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(title_grams, grams, words,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='1')`,
]

/** The index file of a database URL: `file:/a/b.db` → `file:/a/b.search.db`. */
export function indexUrl(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, '')
  if (!file || file.startsWith(':memory:')) return 'file::memory:'
  return `file:${file.replace(/(\.[a-z0-9]+)?$/i, (ext) => `.search${ext || '.db'}`)}`
}

const quoted = (gram: string) => `"${gram}"`

/** A phrase in FTS5's syntax: `"第" * + "3" + "季度"`. */
export const ftsPhrase = (p: Phrase): string =>
  p.grams.map((g, i) => quoted(g) + (p.prefix[i] ? ' *' : '')).join(' + ')

/**
 * Every group in the title or the text; each group one of its phrases. A group's terms that
 * are rank words may also be found among the title's jieba words: that never adds a match (such
 * a title holds the phrase too), but bm25 counts it, so the title holding the word ranks first.
 */
export function ftsMatch(q: Pick<StoreQuery, 'groups' | 'words'>): string {
  const rank = new Set(q.words)
  return q.groups
    .map((g) => {
      const phrases = `{title_grams grams} : (${g.phrases.map(ftsPhrase).join(' OR ')})`
      const words = g.texts.filter((t) => rank.has(t))
      return words.length
        ? `(${phrases} OR words : (${words.map(quoted).join(' OR ')}))`
        : `(${phrases})`
    })
    .join(' AND ')
}

type Row = Record<string, unknown>

const hitOfRow = (r: Row): StoredHit =>
  hitOf(r, {
    date: String(r.date),
    columns: String(r.columns).split(',').filter(Boolean),
  })

export async function sqliteStore(databaseUrl: string): Promise<SearchStore> {
  const client: Client = createClient({ url: indexUrl(databaseUrl) })
  await client.execute('PRAGMA busy_timeout = 10000')
  if (!indexUrl(databaseUrl).includes(':memory:')) await client.execute('PRAGMA journal_mode = WAL')
  await client.batch(SCHEMA, 'write')

  const removeRows = (where: string, args: (string | number)[]): InStatement[] =>
    ['entries_fts WHERE rowid', 'meta WHERE id', 'shared WHERE id'].map((target) => ({
      sql: `DELETE FROM ${target} IN (SELECT id FROM entries WHERE ${where})`,
      args,
    }))

  const put = async (entries: SearchEntry[]) => {
    if (!entries.length) return
    const statements: InStatement[] = entries.flatMap((e) => [
      ...removeRows('ref = ?', [e.ref]),
      {
        sql: `INSERT INTO entries (ref, doc_number, index_number, title, summary, body, path)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (ref) DO UPDATE SET doc_number = excluded.doc_number,
                index_number = excluded.index_number, title = excluded.title,
                summary = excluded.summary, body = excluded.body, path = excluded.path`,
        args: [e.ref, e.docNumber, e.indexNumber, e.title, e.summary, e.body, e.path],
      },
      {
        sql: `INSERT INTO meta (id, site, kind, date, columns)
              VALUES ((SELECT id FROM entries WHERE ref = ?), ?, ?, ?, ?)`,
        args: [e.ref, e.site, e.kind, e.date, e.columns.length ? `,${e.columns.join(',')},` : ''],
      },
      ...e.shared.map((site) => ({
        sql: 'INSERT OR IGNORE INTO shared (site, id) SELECT ?, id FROM entries WHERE ref = ?',
        args: [site, e.ref],
      })),
      {
        sql: `INSERT INTO entries_fts (rowid, title_grams, grams, words)
              VALUES ((SELECT id FROM entries WHERE ref = ?), ?, ?, ?)`,
        args: [e.ref, e.titleGrams, e.grams, e.words],
      },
    ])
    await client.batch(statements, 'write')
  }

  const removeWhere = async (where: string, args: (string | number)[]) => {
    await client.batch(
      [...removeRows(where, args), { sql: `DELETE FROM entries WHERE ${where}`, args }],
      'write',
    )
  }

  return {
    name: 'sqlite-fts5',
    put,
    remove: async (refs) => {
      if (!refs.length) return
      await removeWhere(`ref IN (${refs.map(() => '?').join(',')})`, refs)
    },
    removeSite: (site) => removeWhere('id IN (SELECT id FROM meta WHERE site = ?)', [site]),
    clear: async () => {
      await client.batch(
        [
          'DROP TABLE IF EXISTS entries_fts',
          'DROP TABLE IF EXISTS meta',
          'DROP TABLE IF EXISTS shared',
          'DROP TABLE IF EXISTS entries',
          ...SCHEMA,
        ],
        'write',
      )
    },
    query: async (q) => {
      if (!q.sites.length) return { total: 0, hits: [] }
      const sites = q.sites.map(() => '?').join(',')
      const where: string[] = [
        q.everySite
          ? `m.site IN (${sites})`
          : `(m.site IN (${sites}) OR m.id IN (SELECT id FROM shared WHERE site IN (${sites})))`,
      ]
      const args: (string | number)[] = q.everySite ? [...q.sites] : [...q.sites, ...q.sites]
      const { from, to } = dayBounds(q)
      const add = (condition: string, value: string | undefined) => {
        if (!value) return
        where.push(condition)
        args.push(value)
      }
      add('m.kind = ?', q.kind)
      add('m.columns LIKE ?', q.column && `%,${q.column},%`)
      add('m.date >= ?', from)
      add('m.date < ?', to)
      add('m.id IN (SELECT id FROM entries WHERE doc_number = ?)', q.docNumber)
      add('m.id IN (SELECT id FROM entries WHERE index_number = ?)', q.indexNumber)
      const text = q.groups.length > 0
      // With words to find, the full-text index leads (CROSS JOIN keeps that order) and the
      // filters only check its matches, in the narrow `meta` rows; one pass gives the page and
      // the total. Without words, the site/date index leads.
      const sql = text
        ? `WITH hits AS (SELECT rowid AS id, bm25(entries_fts, 10.0, 1.0, 3.0) AS score
                         FROM entries_fts WHERE entries_fts MATCH ?)
           SELECT m.id, count(*) OVER () AS total FROM hits h CROSS JOIN meta m ON m.id = h.id
           WHERE ${where.join(' AND ')}
           ORDER BY ${q.sort === 'relevance' ? 'h.score, ' : ''}m.date DESC LIMIT ? OFFSET ?`
        : `SELECT m.id, count(*) OVER () AS total FROM meta m WHERE ${where.join(' AND ')}
           ORDER BY m.date DESC LIMIT ? OFFSET ?`
      const page = await client.execute({
        sql,
        args: [...(text ? [ftsMatch(q)] : []), ...args, q.limit, q.offset],
      })
      let total = Number(page.rows[0]?.total ?? 0)
      if (!page.rows.length && q.offset > 0) {
        // Past the last page: the total still matters to the reader.
        const all = await client.execute({
          sql,
          args: [...(text ? [ftsMatch(q)] : []), ...args, 1, 0],
        })
        total = Number(all.rows[0]?.total ?? 0)
      }
      const ids = page.rows.map((r) => Number(r.id))
      if (!ids.length) return { total, hits: [] }
      const rows = await client.execute({
        sql: `SELECT e.*, m.site, m.kind, m.date, m.columns FROM entries e JOIN meta m ON m.id = e.id
              WHERE e.id IN (${ids.map(() => '?').join(',')})`,
        args: ids,
      })
      const byId = new Map(rows.rows.map((r) => [Number(r.id), hitOfRow(r as Row)]))
      return { total, hits: ids.map((id) => byId.get(id)).filter((h): h is StoredHit => h != null) }
    },
    stats: async () => {
      const n = await client.execute('SELECT count(*) AS n FROM entries')
      const size = await client.execute(
        'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()',
      )
      return { entries: Number(n.rows[0]?.n ?? 0), bytes: Number(size.rows[0]?.bytes ?? 0) }
    },
    close: async () => client.close(),
  }
}
