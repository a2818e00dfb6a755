// A public node on PostgreSQL whose database is stopped (`pg_ctl stop -m fast`) and started
// again: the process lives, cached pages are served, the rest answers 503 in Chinese, the
// health endpoints say so, and everything comes back by itself. The cluster is this test's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  postgresBin,
  type PrivatePostgres,
  startPrivatePostgres,
} from '../helpers/private-postgres'
import type { TestServer } from '../helpers/server'

const installed = postgresBin() != null
if (!installed) {
  // CI runs every tier (JIYUE_ALL_TIERS=1): there a missing PostgreSQL is a failure, not a skip.
  if (process.env.JIYUE_ALL_TIERS === '1')
    throw new Error('outage.test.ts needs PostgreSQL (apt-get install postgresql)')
  console.warn(
    'outage.test.ts skipped: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)',
  )
}

// A configured domain, not `<slug>.localhost`: what a real public node answers to.
const host = 'www.outage.test'
const site = { host }
let pg: PrivatePostgres
let s: TestServer
let get: typeof import('../helpers/server').get
let articleHref: string
let otherHref: string
let articleTag: string
let purge: (tags: string[]) => number
const crashes: unknown[] = []
const onCrash = (err: unknown) => crashes.push(err)

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (ok(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe.skipIf(!installed)('a public node whose PostgreSQL restarts', () => {
  beforeAll(async () => {
    pg = await startPrivatePostgres()
    // Read when the config is imported (each test file runs in its own process).
    Object.assign(process.env, {
      TEST_DB: 'postgres',
      POSTGRES_TEST_URL: pg.url,
      ROLE: 'public',
      JOBS: 'on',
    })
    process.on('uncaughtException', onCrash)
    process.on('unhandledRejection', onCrash)
    const server = await import('../helpers/server')
    get = server.get
    s = await server.startServer()
    purge = (await import('../../src/services/page-cache')).pageCache.purge
    const { makeArticle, makeColumn, makeSite } = await import('../helpers/fixtures')
    const made = await makeSite(s.payload, {
      name: '青川市停电测试局',
      domains: [{ domain: host }],
    })
    const news = await makeColumn(s.payload, made.id, { name: '新闻', slug: 'xw' })
    const other = await makeColumn(s.payload, made.id, { name: '通知公告', slug: 'tzgg' })
    const article = await makeArticle(s.payload, { site: made.id, column: news.id })
    await makeArticle(s.payload, { site: made.id, column: other.id })
    articleHref = `/xw/${article.id}.html`
    otherHref = '/tzgg/'
    articleTag = `article:${article.id}`
    // Purges of the changes above reach this node again through the shared purge log (a poll
    // every ~0.4 s); cache the pages once those have passed.
    await new Promise((r) => setTimeout(r, 1500))
    for (const path of ['/', articleHref]) {
      const res = await get(s, path, site)
      expect(res.status, path).toBe(200)
    }
  })

  afterAll(async () => {
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onCrash)
    await pg?.start().catch(() => {})
    await s?.close()
    await pg?.destroy()
  })

  it('serves cached pages, stale ones and 503s while the database is down', async () => {
    expect((await get(s, '/', site)).headers.get('x-cache')).toBe('HIT')
    expect((await get(s, articleHref, site)).headers.get('x-cache')).toBe('HIT')
    // A publish purges the article; while the database is down its last version stands in.
    purge([articleTag])
    expect((await get(s, '/healthz')).text).toContain('"database":"up"')

    await pg.stop()
    // Let the pool see its connections die (this is where the process used to exit).
    await new Promise((r) => setTimeout(r, 1000))

    const home = await get(s, '/', site)
    expect(home.status).toBe(200)
    expect(home.headers.get('x-cache')).toBe('HIT')
    expect(home.text).toContain('青川市停电测试局')

    const stale = await get(s, articleHref, site)
    expect(stale.status).toBe(200)
    expect(stale.headers.get('x-cache')).toBe('STALE')
    expect(stale.headers.get('warning')).toMatch(/^110 /)

    const uncached = await get(s, otherHref, site)
    expect(uncached.status).toBe(503)
    expect(Number(uncached.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(uncached.headers.get('cache-control')).toBe('no-store')
    expect(uncached.text).toContain('数据库')

    const catalogue = await get(s, '/xxgk/', site)
    expect(catalogue.status).toBe(503)

    const health = await get(s, '/healthz')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.text)).toMatchObject({ ok: false, database: 'down', role: 'public' })
    const ready = await get(s, '/readyz')
    expect(ready.status).toBe(503)
    expect(ready.headers.get('retry-after')).toBeTruthy()

    expect(crashes.map(String)).toEqual([])
  })

  it('recovers by itself when the database returns', async () => {
    await pg.start()
    const started = Date.now()
    const page = await until(
      () => get(s, otherHref, site),
      (r) => r.status === 200,
      20_000,
    )
    expect(page.status).toBe(200)
    const health = await until(
      () => get(s, '/healthz'),
      (r) => r.text.includes('"database":"up"'),
      10_000,
    )
    expect(JSON.parse(health.text)).toMatchObject({ ok: true, database: 'up' })
    expect((await get(s, '/readyz')).status).toBe(200)
    const article = await get(s, articleHref, site)
    expect(article.status).toBe(200)
    expect(article.headers.get('x-cache')).toBe('MISS')
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(crashes.map(String)).toEqual([])
  })
})
