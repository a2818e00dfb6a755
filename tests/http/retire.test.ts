// Merging a demo department (教育局, jyj) into another (发改委, fgw) loses nothing (issue 14): every
// address the old site answered before — home, every column and list page, every article and
// short link, feeds, sections, files — answers 301 to a page that answers 200, or 410 by choice
// with an archived copy that answers 200; counts are the same before and after; a letter of the
// old site is tracked by its code on the successor; an old form's POST says it was not received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'
import { hidden, visitor } from '../helpers/visitor'

let s: TestServer
let jyj: Id
let fgw: Id
const OLD = 'jyj.localhost'
/** Every address the old site answered (200, or 301 to its own page) before the merge. */
const before = new Set<string>()

const siteId = async (slug: string) =>
  (
    await s.payload.find({
      collection: 'sites',
      where: { slug: { equals: slug } },
      overrideAccess: true,
    })
  ).docs[0].id as Id

/** Local links and file addresses on a page (same host). */
const localLinks = (html: string) =>
  [...html.matchAll(/(?:href|src)="(\/[^"#]*)"/g)]
    .map((m) => m[1].replace(/&amp;/g, '&').replace(/\?care=1$/, ''))
    .filter((p) => !p.startsWith('/assets/') && !p.includes('?'))

beforeAll(async () => {
  s = await startServer({ seed: true })
  jyj = await siteId('jyj')
  fgw = await siteId('fgw')
  // Crawl the old site: its sitemap, its pages' links and files, list pages, short links.
  const queue = ['/', '/rss.xml', '/sitemap.xml', '/xxgk/', '/hdjl/', '/hdjl/track', '/ysqgk/']
  const sitemap = await get(s, '/sitemap.xml', { host: OLD })
  for (const m of sitemap.text.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)) queue.push(m[1])
  while (queue.length && before.size < 400) {
    const path = queue.shift()!
    if (before.has(path)) continue
    const res = await get(s, path, { host: OLD })
    if (res.status !== 200 && res.status !== 301) continue
    before.add(path)
    if (res.status === 301) continue
    const type = res.headers.get('content-type') ?? ''
    if (!type.includes('html')) continue
    for (const link of localLinks(res.text))
      if (!before.has(link) && (link.startsWith('/files/') || /\.html$|\/$/.test(link)))
        queue.push(link)
    const article = /^\/(?:[a-z0-9-]+\/)+(\d+)\.html$/.exec(path)
    if (article) queue.push(`/a/${article[1]}`)
  }
}, 240_000)
afterAll(async () => s?.close())

describe('merging 教育局 into 发改委', () => {
  let archivedColumn: { id: Id; path: string }
  let movedArticle: { id: Id; indexNumber?: string | null; history?: unknown[] | null }
  let letterCode = ''
  let letterNumber = ''

  it('crawled the old site first: pages, list pages, articles, short links and files', () => {
    const paths = [...before]
    expect(paths.filter((p) => /\/\d+\.html$/.test(p)).length).toBeGreaterThan(10)
    expect(paths.some((p) => p.startsWith('/files/'))).toBe(true)
    expect(paths.some((p) => p.startsWith('/a/'))).toBe(true)
    expect(paths).toContain('/')
  })

  it('shows what will happen before anything changes', async () => {
    const { previewRetirement } = await import('../../src/services/retire-site')
    const cols = await s.payload.find({
      collection: 'columns',
      where: { and: [{ site: { equals: jyj } }, { slug: { equals: 'jggk' } }] },
      overrideAccess: true,
    })
    archivedColumn = { id: cols.docs[0].id as Id, path: String(cols.docs[0].path) }
    const preview = await previewRetirement(s.payload, {
      site: jyj,
      successor: fgw,
      mode: 'merge',
      // 机构概况 exists on 发改委 too; the office chooses to archive it all the same.
      choices: [{ column: archivedColumn.id, to: null }],
    })
    if (!preview.ok) throw new Error(preview.refusals.join('；'))
    expect(preview.affected.moving).toBeGreaterThan(0)
    expect(preview.affected.archived).toBeGreaterThan(0)
    expect(preview.affected.users).toBeGreaterThan(0)
    expect(preview.plan.columns.find((c) => c.from.id === archivedColumn.id)?.to).toBeNull()
    // Nothing changed yet.
    expect((await get(s, '/', { host: OLD })).status).toBe(200)

    const moved = preview.plan.moves[0]
    const doc = await s.payload.findByID({
      collection: 'articles',
      id: moved.id,
      overrideAccess: true,
    })
    movedArticle = { id: doc.id as Id, indexNumber: doc.indexNumber, history: doc.history }
    const letter = await s.payload.find({
      collection: 'letters',
      where: { site: { equals: jyj } },
      limit: 1,
      overrideAccess: true,
    })
    letterCode = String(letter.docs[0].queryCode)
    letterNumber = String(letter.docs[0].number)
  })

  it('merges with the same counts before and after', async () => {
    const { retireSite } = await import('../../src/services/retire-site')
    const result = await retireSite(s.payload, {
      site: jyj,
      successor: fgw,
      mode: 'merge',
      choices: [{ column: archivedColumn.id, to: null }],
    })
    if (!result.ok) throw new Error(result.refusals.join('；'))
    expect(result.differences).toEqual([])
    expect(result.after.articles).toBe(result.before.articles)
    const site = await s.payload.findByID({ collection: 'sites', id: jyj, overrideAccess: true })
    expect(site.status).toBe('merged')
    expect(String((site.successor as { id?: Id })?.id ?? site.successor)).toBe(String(fgw))
  })

  it('keeps a moved article’s id, numbers and history on the successor', async () => {
    const doc = await s.payload.findByID({
      collection: 'articles',
      id: movedArticle.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(String(doc.site)).toBe(String(fgw))
    expect(doc.indexNumber).toBe(movedArticle.indexNumber)
    expect(doc.history?.length).toBe(movedArticle.history?.length)
  })

  it('answers every old address: 301 to a page that answers 200, or 410 with an archive that answers 200', async () => {
    const failures: string[] = []
    let moved = 0
    let archived = 0
    for (const path of before) {
      const old = await get(s, path, { host: OLD })
      if (old.status === 301) {
        const to = new URL(old.headers.get('location')!)
        // The new page may send on once more (a disclosure section's list to /xxgk/).
        let next = await get(s, to.pathname + to.search, { host: to.host })
        if (next.status === 301) {
          const again = new URL(next.headers.get('location')!, to)
          next = await get(s, again.pathname + again.search, { host: again.host })
        }
        if (next.status !== 200) failures.push(`${path} → ${to.href}: ${next.status}`)
        if (to.host.startsWith('fgw.')) moved++
        else failures.push(`${path} → ${to.href}: not the successor`)
      } else if (old.status === 410) {
        const link = /<a class="button" href="([^"]+)">查看存档<\/a>/.exec(old.text)?.[1]
        if (!link) {
          failures.push(`${path}: 410 without the archive link`)
          continue
        }
        const to = new URL(link.replace(/&amp;/g, '&'))
        const copy = await get(s, to.pathname, { host: to.host })
        if (copy.status !== 200) failures.push(`${path} → archive ${to.pathname}: ${copy.status}`)
        archived++
      } else failures.push(`${path}: ${old.status}`)
    }
    expect(failures).toEqual([])
    expect(moved).toBeGreaterThan(10)
    // The archived 机构概况 and what was only in it.
    expect(archived).toBeGreaterThan(0)
    expect((await get(s, `/${archivedColumn.path}/`, { host: OLD })).status).toBe(410)
  }, 240_000)

  it('passes the platform’s own check of every mapped address', async () => {
    const { checkOldAddresses } = await import('../../src/services/retire-check')
    const check = await checkOldAddresses(s.payload, jyj, {
      port: s.port,
      hostOf: (id) => (String(id) === String(jyj) ? OLD : 'fgw.localhost'),
    })
    expect(check.failures).toEqual([])
    expect(check.checked).toBeGreaterThan(before.size / 2)
    // As the admin's button runs it (the id from the URL, a string): kept in the audit trail.
    const { checkAndRecord, retirementRecord } = await import('../../src/services/retire-check')
    const { auditSettled } = await import('../../src/services/audit')
    await checkAndRecord(s.payload, String(jyj), { port: s.port, devHosts: true })
    await auditSettled()
    const record = await retirementRecord(s.payload, jyj)
    expect(record.check).toMatchObject({ checked: check.checked, failures: [] })
    expect(record.action?.before).toEqual(record.action?.after)
  }, 240_000)

  it('sends unmapped addresses to the successor’s home, which says where the old site went', async () => {
    const old = await get(s, '/no-such-column/', { host: OLD })
    expect(old.status).toBe(301)
    const to = new URL(old.headers.get('location')!)
    expect(to.pathname + to.search).toBe('/?from=jyj')
    const home = await get(s, '/?from=jyj', { host: to.host })
    expect(home.status).toBe(200)
    expect(home.text).toContain('已整合至“')
    expect(home.text).toContain('href="/archive/jyj/"')
    // Without the parameter the home page is its usual self.
    expect((await get(s, '/', { host: 'fgw.localhost' })).text).not.toContain('已整合至“')
  })

  it('lists the old addresses in /sitemap-redirects.xml on the successor, the old host and the platform', async () => {
    for (const host of ['fgw.localhost', OLD, 'localhost']) {
      const map = await get(s, '/sitemap-redirects.xml', { host })
      expect(map.status).toBe(200)
      expect(map.headers.get('content-type')).toContain('xml')
      expect(map.text).toContain(`<loc>http://jyj.localhost:${s.port}/a/`)
    }
  })

  it('keeps the old site’s letters trackable by their code on the successor', async () => {
    const v = visitor('fgw.localhost', '10.9.0.1', s.port)
    const page = await v.get('/hdjl/track')
    const tracked = await v.post('/hdjl/track', {
      _csrf: hidden(page.text, '_csrf'),
      code: letterCode,
    })
    expect(tracked.status).toBe(200)
    expect(tracked.text).toContain(letterNumber)
  })

  it('tells a visitor posting an old form that nothing was received, and where to go', async () => {
    const v = visitor(OLD, '10.9.0.2', s.port)
    const res = await v.post('/hdjl/track', { code: letterCode })
    expect(res.status).toBe(410)
    expect(res.text).toContain('您提交的内容未被接收')
  })

  it('refuses to merge the same site again, in a sentence', async () => {
    const { retireSite } = await import('../../src/services/retire-site')
    const again = await retireSite(s.payload, { site: jyj, successor: fgw, mode: 'merge' })
    expect(again).toEqual({ ok: false, refusals: ['“青川市教育局”已经关停或整合，不能再次操作'] })
  })
})
