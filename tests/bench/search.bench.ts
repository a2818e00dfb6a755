// npm run bench:search — the search index over a synthetic corpus of 100,000 articles of
// government-style Chinese (sentences recombined from the demo platform's own texts, 50 sites,
// 300–900 characters each), on SQLite (FTS5, the embedded default) and on PostgreSQL (GIN).
// Reports, per database: build time (tokenising + writing) and index size; then p50/p95 of
// 2-, 4- and 8-character queries, unfiltered (relevance, first page and total) and filtered
// (one site, one type, a date range); and, measured in the same run on the same rows, the
// baseline a site without an index would run — LIKE '%…%' over titles and texts — as a ratio.
// Target: p95 ≤ 50 ms. BENCH_SEARCH_DOCS scales it (e.g. 20000 for a quick look);
// BENCH_SEARCH_KEEP=1 keeps the PostgreSQL database and prints its address.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { termGroups, type SearchKind } from '../../src/domain/search'
import { normalise, rankWords, textGrams, textWords } from '../../src/domain/search-text'
import type { SearchEntry, SearchStore, StoreQuery } from '../../src/services/search-store'

process.env.LOG_LEVEL = 'warn'

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000)
const SITES = 50
const QUERIES = 40
const BASELINE_QUERIES = 8
const BATCH = 500

/** A small deterministic generator, so both databases get the same corpus and queries. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Government-style clauses: the Han runs of the demo platform's texts (src/seed). */
function clauses(): string[] {
  const dir = path.resolve('src/seed')
  const text = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n')
  return [...new Set(text.match(/[\p{Script=Han}0-9]{6,40}/gu) ?? [])]
}

type Doc = { title: string; body: string; site: string; kind: SearchKind; date: string }

function corpus(n: number): Doc[] {
  const pool = clauses()
  const rnd = random(2026)
  const pick = () => pool[Math.floor(rnd() * pool.length)]
  const kinds: SearchKind[] = ['news', 'news', 'news', 'file', 'interpretation']
  const start = Date.parse('2022-01-01T00:00:00Z')
  const docs: Doc[] = []
  for (let i = 0; i < n; i++) {
    const target = 300 + Math.floor(rnd() * 600)
    let body = ''
    while (body.length < target) body += pick() + (rnd() < 0.3 ? '。' : '，')
    docs.push({
      title: pick().slice(0, 30),
      body,
      site: String(1 + (i % SITES)),
      kind: kinds[Math.floor(rnd() * kinds.length)],
      date: new Date(start + Math.floor(rnd() * 5 * 365 * 86_400_000)).toISOString(),
    })
  }
  return docs
}

const entryOf = (d: Doc, i: number): SearchEntry => ({
  ref: `article:${i + 1}`,
  site: d.site,
  kind: d.kind,
  date: d.date,
  columns: [String(1 + (i % 7))],
  // One in twenty shown by the portal too (shared), as a portal's 部门动态 takes departments' news.
  shared: i % 20 === 0 && d.site !== '1' ? ['1'] : [],
  docNumber: '',
  indexNumber: '',
  title: d.title,
  summary: '',
  body: d.body,
  path: '',
  titleGrams: textGrams(d.title),
  grams: textGrams(d.body),
  words: textWords(d.title),
})

/** Queries of 2, 4 and 8 characters: words of the corpus, and windows of its texts. */
function queries(docs: Doc[]): Record<2 | 4 | 8, string[]> {
  const rnd = random(7)
  const words = new Map<number, string[]>()
  for (const d of docs.slice(0, 300))
    for (const w of textWords(d.body).split(' '))
      if (/^\p{Script=Han}+$/u.test(w)) {
        const list = words.get(w.length) ?? []
        if (!list.includes(w)) list.push(w)
        words.set(w.length, list)
      }
  const pickWord = (len: number) => {
    const list = words.get(len) ?? []
    return list[Math.floor(rnd() * list.length)]
  }
  const window = (len: number) => {
    for (;;) {
      const d = docs[Math.floor(rnd() * docs.length)]
      const at = Math.floor(rnd() * (d.body.length - len))
      const w = d.body.slice(at, at + len)
      if (/^\p{Script=Han}+$/u.test(w)) return w
    }
  }
  const list = (f: () => string) => Array.from({ length: QUERIES }, f)
  return {
    2: list(() => pickWord(2)),
    4: list(() => pickWord(4) ?? window(4)),
    8: list(() => window(8)),
  }
}

function storeQuery(q: string, filtered: boolean, rnd: () => number): StoreQuery {
  const terms = [normalise(q)]
  const groups = termGroups(terms, new Map())
  return {
    groups: groups.map((g) => ({ phrases: g.phrases, texts: g.alternatives })),
    words: rankWords(groups.flatMap((g) => g.alternatives)),
    sites: filtered
      ? [String(1 + Math.floor(rnd() * SITES))]
      : Array.from({ length: SITES }, (_, i) => String(i + 1)),
    // Unfiltered is a portal's default: every site.
    everySite: !filtered,
    kind: filtered ? 'news' : undefined,
    from: filtered ? '2024-01-01' : undefined,
    to: filtered ? '2025-12-31' : undefined,
    sort: 'relevance',
    limit: 10,
    offset: 0,
  }
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint()
  await f()
  return Number(process.hrtime.bigint() - t0) / 1e6
}

type Baseline = (q: string) => Promise<unknown>

async function measure(
  name: string,
  store: SearchStore,
  baseline: Baseline,
  docs: Doc[],
  qs: Record<2 | 4 | 8, string[]>,
) {
  console.log(`\n== ${name} (${store.name})`)
  await store.clear()
  const t0 = Date.now()
  for (let i = 0; i < docs.length; i += BATCH)
    await store.put(docs.slice(i, i + BATCH).map((d, k) => entryOf(d, i + k)))
  const buildMs = Date.now() - t0
  const stats = await store.stats()
  console.log(
    `index: ${stats.entries} entries, built in ${(buildMs / 1000).toFixed(1)} s ` +
      `(${Math.round(stats.entries / (buildMs / 1000))} per second), ${(stats.bytes / 1024 / 1024).toFixed(0)} MiB`,
  )
  // Warm the caches once with a few queries, as a running server would be.
  for (const q of qs[2].slice(0, 5)) await store.query(storeQuery(q, false, random(1)))
  console.log(
    'length  filter      p50 ms   p95 ms   max ms  total(median)  LIKE p95 ms  search/LIKE  p95 w/o word rank',
  )
  for (const len of [2, 4, 8] as const) {
    for (const filtered of [false, true]) {
      const rnd = random(len * 10 + (filtered ? 1 : 0))
      const times: number[] = []
      const totals: number[] = []
      for (const q of qs[len]) {
        let total = 0
        times.push(
          await timed(async () => {
            total = (await store.query(storeQuery(q, filtered, rnd))).total
          }),
        )
        totals.push(total)
      }
      const base: number[] = []
      for (const q of qs[len].slice(0, BASELINE_QUERIES)) base.push(await timed(() => baseline(q)))
      // The same queries without jieba's words in the ranking: what that ranking costs.
      const plain: number[] = []
      const rnd2 = random(len * 10 + (filtered ? 1 : 0))
      for (const q of qs[len])
        plain.push(await timed(() => store.query({ ...storeQuery(q, filtered, rnd2), words: [] })))
      const p95 = percentile(times, 95)
      const b95 = percentile(base, 95)
      console.log(
        [
          String(len).padEnd(7),
          (filtered ? 'filtered' : 'none').padEnd(10),
          percentile(times, 50).toFixed(1).padStart(8),
          p95.toFixed(1).padStart(8),
          Math.max(...times)
            .toFixed(1)
            .padStart(8),
          String(percentile(totals, 50)).padStart(14),
          b95.toFixed(1).padStart(12),
          `${(p95 / b95).toFixed(3)}`.padStart(12),
          percentile(plain, 95).toFixed(1).padStart(18),
        ].join(' '),
      )
    }
  }
}

async function main() {
  const docs = corpus(DOCS)
  const chars = docs.reduce((n, d) => n + d.body.length + d.title.length, 0)
  console.log(
    `corpus: ${docs.length} articles, ${SITES} sites, ${(chars / 1e6).toFixed(1)} M characters`,
  )
  const qs = queries(docs)
  console.log(
    `queries: ${QUERIES} each of 2, 4 and 8 characters, e.g. ${qs[2][0]} / ${qs[4][0]} / ${qs[8][0]}`,
  )

  // SQLite: the store's own file, and the same rows read with LIKE for the baseline.
  // BENCH_SEARCH_DB=postgres or =sqlite measures one of them only.
  const only = process.env.BENCH_SEARCH_DB
  if (only !== 'postgres') await benchSqlite(docs, qs)
  if (only !== 'sqlite') await benchPostgres(docs, qs)
}

async function benchSqlite(docs: Doc[], qs: Record<2 | 4 | 8, string[]>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-search-bench-'))
  const { sqliteStore, indexUrl } = await import('../../src/services/search-store-sqlite')
  const dbUrl = `file:${path.join(dir, 'bench.db')}`
  const lite = await sqliteStore(dbUrl)
  const { createClient } = await import('@libsql/client')
  const raw = createClient({ url: indexUrl(dbUrl) })
  await measure(
    'SQLite',
    lite,
    (q) =>
      raw.execute({
        sql: `SELECT e.ref, e.title FROM entries e JOIN meta m ON m.id = e.id WHERE e.title LIKE ?1 OR e.body LIKE ?1 ORDER BY m.date DESC LIMIT 10`,
        args: [`%${q}%`],
      }),
    docs,
    qs,
  )
  await lite.close()
  raw.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

async function benchPostgres(docs: Doc[], qs: Record<2 | 4 | 8, string[]>) {
  // PostgreSQL: a fresh database on the local server.
  if (!process.env.POSTGRES_TEST_URL) {
    const { execFileSync } = await import('node:child_process')
    process.env.POSTGRES_TEST_URL = execFileSync('scripts/start-postgres.sh').toString().trim()
  }
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: process.env.POSTGRES_TEST_URL })
  await admin.connect()
  const name = `jiyue_search_bench_${crypto.randomBytes(4).toString('hex')}`
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(process.env.POSTGRES_TEST_URL)
  url.pathname = `/${name}`
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 })
  try {
    const { postgresStore } = await import('../../src/services/search-store-postgres')
    const store = await postgresStore(pool)
    await measure(
      'PostgreSQL',
      store,
      (q) =>
        pool.query(
          `SELECT e.ref, t.title FROM search.entries e JOIN search.texts t ON t.id = e.id WHERE t.title LIKE $1 OR t.body LIKE $1 ORDER BY e.date DESC LIMIT 10`,
          [`%${q}%`],
        ),
      docs,
      qs,
    )
  } finally {
    await pool.end()
    // BENCH_SEARCH_KEEP=1 keeps the database to look at plans (EXPLAIN) afterwards.
    if (process.env.BENCH_SEARCH_KEEP) console.log(`kept: ${url.toString()}`)
    else await dropDatabase(admin, name)
    await admin.end()
  }
}

/** An autovacuum worker (the superuser's) may still be on the fresh tables: wait for it. */
async function dropDatabase(admin: { query: (sql: string) => Promise<unknown> }, name: string) {
  for (let tries = 0; ; tries++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      return
    } catch (err) {
      if (tries >= 30 || (err as { code?: string }).code !== '42501') throw err
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
