// npm run bench:audit — a full audit run of a synthetic platform on PostgreSQL (issue 14):
// 500 sites, 1,000,000 published items, 15 columns, 20 letters, a mailbox and a week of probes
// per site. One site is made through the Local API as a template; the rest is cloned from it in
// bulk with SQL (generate_series), not through the admin. Then, in the same run:
//   baseline: one read of every published item's columns and date straight from the database
//             adapter (the least any audit must read, read the way the audit reads), and
//   audit:    auditAllSites — facts, rules, stored runs — for every site.
// Reports seconds, the ratio audit / baseline and the process's peak memory. Target: ≤ 60 s.
// BENCH_SITES and BENCH_ITEMS scale it down (e.g. 50 and 100000 for a quick look).
import crypto from 'node:crypto'

process.env.TEST_DB = 'postgres'
process.env.LOG_LEVEL = 'warn'
process.env.SMTP_URL = ''

const SITES = Number(process.env.BENCH_SITES ?? 500)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000)
const LETTERS_PER_SITE = 20
const PROBES_PER_SITE = 7 * 24

type Pg = {
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 100)

/** The columns of a table, except `id`: a row is cloned by listing them. */
async function columnsOf(pg: Pg, table: string): Promise<string[]> {
  const { rows } = await pg.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id' ORDER BY ordinal_position`,
    [table],
  )
  return rows.map((r) => String(r.column_name))
}

/** INSERT … SELECT of the template row with some columns replaced by expressions. */
async function cloneSql(pg: Pg, table: string, replace: Record<string, string>, from: string) {
  const cols = await columnsOf(pg, table)
  const list = cols.map((c) => `"${c}"`).join(', ')
  const exprs = cols.map((c) => replace[c] ?? `t."${c}"`).join(', ')
  return `INSERT INTO "${table}" (${list}) SELECT ${exprs} ${from}`
}

async function main() {
  if (!process.env.POSTGRES_TEST_URL) {
    const { execFileSync } = await import('node:child_process')
    process.env.POSTGRES_TEST_URL = execFileSync('scripts/start-postgres.sh').toString().trim()
  }
  const { startPayload } = await import('../helpers/payload')
  const { makeArticle, makeColumn, makeSite } = await import('../helpers/fixtures')
  const started = await startPayload()
  const { payload } = started
  const { default: pg } = await import('pg')
  const db: Pg = new pg.Client({ connectionString: started.databaseUrl })
  await (db as unknown as { connect: () => Promise<void> }).connect()
  const t0 = Date.now()

  // The template: a site, its column tree, one published item linking in and out, a mailbox,
  // a letter, a probe.
  const site = await makeSite(payload, { name: '模板站点', slug: 'bench-0' })
  const classes = ['news', 'news', 'news', 'notice-policy', 'notice-policy', 'personnel-plan']
  const columns = []
  for (let i = 0; i < 15; i++)
    columns.push(
      await makeColumn(payload, site.id, {
        name: `栏目${i}`,
        slug: `c${i}`,
        updateClass: classes[i % classes.length],
        showOnHome: i < 4,
      }),
    )
  const article = await makeArticle(payload, {
    site: site.id,
    column: columns[0].id,
    publishedAt: new Date().toISOString(),
  })
  const mailbox = await payload.create({
    collection: 'mailboxes',
    overrideAccess: true,
    data: { site: site.id, name: '局长信箱', slug: 'director' },
  })
  const letter = await payload.create({
    collection: 'letters',
    overrideAccess: true,
    context: { seeding: true },
    data: {
      site: site.id,
      mailbox: mailbox.id,
      channel: 'letter',
      subject: '合成来信',
      category: 'help',
      content: '用于基准测试的合成来信，内容足够长。',
      writerName: '王五',
      phone: '13800000000',
      receivedAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    },
  })
  const probe = await payload.create({
    collection: 'site-probes',
    overrideAccess: true,
    data: { site: site.id, at: new Date().toISOString(), ok: true, status: 200, ms: 12 },
  })

  // Sites 2…N: clone the site row (its unique slug and codes made new).
  const siteSql = await cloneSql(
    db,
    'sites',
    {
      name: `'合成站点' || g`,
      slug: `'bench-' || g`,
      site_id_code: `lpad((1000000000 + g)::text, 10, '0')`,
      org_code: `lpad((100000000 + g)::text, 9, '0')`,
      created_at: 'now()',
      updated_at: 'now()',
    },
    `FROM sites t, generate_series(1, ${SITES - 1}) g WHERE t.id = ${site.id}`,
  )
  await db.query(siteSql)
  const siteIds = (await db.query(`SELECT id FROM sites ORDER BY id`)).rows.map((r) => Number(r.id))

  // Columns for every cloned site, then their parents (none in the template: all top level).
  await db.query(
    await cloneSql(
      db,
      'columns',
      { site_id: 's.id', created_at: 'now()', updated_at: 'now()' },
      `FROM columns t, sites s WHERE t.site_id = ${site.id} AND s.id <> ${site.id}`,
    ),
  )
  // A lookup of (site, k) → column, k = 0…14, for spreading items over columns.
  await db.query(
    `CREATE TEMP TABLE col_k AS SELECT site_id, id AS column_id, (row_number() OVER (PARTITION BY site_id ORDER BY id) - 1) AS k FROM columns`,
  )
  await db.query(`CREATE INDEX ON col_k (site_id, k)`)
  await db.query(
    `CREATE TEMP TABLE site_n AS SELECT id, (row_number() OVER (ORDER BY id) - 1) AS n FROM sites`,
  )
  await db.query(`CREATE INDEX ON site_n (n)`)

  // Items: ITEMS − 1 clones spread evenly over the sites, dates over two years (some columns
  // therefore stale), each in one column of its site.
  const before = Number((await db.query(`SELECT max(id) AS m FROM articles`)).rows[0].m)
  const articleSql = await cloneSql(
    db,
    'articles',
    {
      site_id: 's.id',
      title: `'合成信息' || g`,
      published_at: `now() - ((g::bigint * 7919) % 730) * interval '1 day'`,
      created_at: `now() - ((g::bigint * 7919) % 730) * interval '1 day'`,
      updated_at: 'now()',
      index_number: 'NULL',
    },
    `FROM articles t, generate_series(1, ${ITEMS - 1}) g JOIN site_n s ON s.n = g % ${SITES} WHERE t.id = ${article.id}`,
  )
  await db.query(articleSql)
  await db.query(
    `INSERT INTO articles_rels ("order", parent_id, path, columns_id)
     SELECT 1, a.id, 'columns', c.column_id FROM articles a JOIN col_k c ON c.site_id = a.site_id AND c.k = a.id % 15
     WHERE a.id > ${before}`,
  )
  // Mailboxes for the cloned sites (one each, open).
  await db.query(
    await cloneSql(
      db,
      'mailboxes',
      { site_id: 's.id', created_at: 'now()', updated_at: 'now()' },
      `FROM mailboxes t, sites s WHERE t.id = ${mailbox.id} AND s.id <> ${site.id}`,
    ),
  )
  // Letters (answered on time or open) and probes for every site.
  const letterCols = await columnsOf(db, 'letters')
  const unique = (c: string) =>
    ['number', 'query_code', 'idempotency_key'].includes(c)
      ? c === 'number'
        ? `'L-' || s.id || '-' || g`
        : `md5(random()::text || s.id || g)`
      : undefined
  await db.query(
    await cloneSql(
      db,
      'letters',
      {
        site_id: 's.id',
        first_site_id: 's.id',
        mailbox_id: '(SELECT m.id FROM mailboxes m WHERE m.site_id = s.id LIMIT 1)',
        received_at: `now() - (g * 9) * interval '1 day'`,
        // Every other letter answered five days after it came.
        status: `CASE WHEN g % 2 = 0 THEN 'answered' ELSE t.status END`,
        answered_at: `CASE WHEN g % 2 = 0 THEN now() - (g * 9 - 5) * interval '1 day' END`,
        ...Object.fromEntries(
          letterCols.filter((c) => unique(c)).map((c) => [c, unique(c)!] as const),
        ),
      },
      `FROM letters t, sites s, generate_series(1, ${LETTERS_PER_SITE}) g WHERE t.id = ${letter.id} AND s.id <> ${site.id}`,
    ),
  )
  await db.query(
    await cloneSql(
      db,
      'site_probes',
      { site_id: 's.id', at: `now() - g * interval '1 hour'` },
      `FROM site_probes t, sites s, generate_series(1, ${PROBES_PER_SITE}) g WHERE t.id = ${probe.id}`,
    ),
  )
  await db.query('ANALYZE')
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM sites) AS sites, (SELECT count(*) FROM articles) AS items, (SELECT count(*) FROM columns) AS columns, (SELECT count(*) FROM letters) AS letters, (SELECT count(*) FROM site_probes) AS probes`,
    )
  ).rows[0]
  console.log(`generated in ${seconds(Date.now() - t0)} s:`, counts)

  const { scanSelected } = await import('../../src/services/records')
  const { auditAllSites } = await import('../../src/services/site-audit')

  // Baseline: every published item's columns and date, once.
  global.gc?.()
  peakRss = process.memoryUsage().rss
  let t = Date.now()
  // Read in id order, 10,000 at a time (all at once does not fit a default heap at 1,000,000).
  let read = 0
  for (let after: number | string = 0; ;) {
    const page: { id: number | string }[] = await scanSelected(payload, {
      collection: 'articles',
      where: { and: [{ state: { equals: 'published' } }, { id: { greater_than: after } }] },
      select: ['columns', 'publishedAt'],
      sort: 'id',
      limit: 10_000,
    })
    read += page.length
    if (page.length < 10_000) break
    after = page[page.length - 1].id
  }
  const baselineMs = Date.now() - t
  const baselineRss = peakRss
  console.log(`baseline: read ${read} items in ${seconds(baselineMs)} s`)

  global.gc?.()
  peakRss = process.memoryUsage().rss
  t = Date.now()
  const runs = await auditAllSites(payload, { trigger: 'cli' })
  const auditMs = Date.now() - t
  const statuses = runs.reduce<Record<string, number>>((m, r) => {
    m[r.status] = (m[r.status] ?? 0) + 1
    return m
  }, {})
  const result = {
    sites: siteIds.length,
    items: Number(counts.items),
    auditSeconds: Number(seconds(auditMs)),
    baselineSeconds: Number(seconds(baselineMs)),
    ratio: Number((auditMs / baselineMs).toFixed(2)),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
    baselinePeakRssMiB: Math.round(baselineRss / 2 ** 20),
    outcomes: statuses,
    target: '≤ 60 s',
    id: crypto.randomBytes(3).toString('hex'),
  }
  console.log(JSON.stringify(result, null, 2))
  clearInterval(sampler)
  await (db as unknown as { end: () => Promise<void> }).end()
  await started.stop()
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
