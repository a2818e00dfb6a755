// The external link checker against real HTTP servers on loopback: live, redirected, gone,
// missing, refusing programs but not browsers, never answering; one answer per address with its
// pages; the cache; the interval between requests to one website; the audit's evidence.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Id, linksBody, makeArticle, makeColumn, makeSite } from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'

let t: Started
let server: http.Server
let base: string
let site: Id
let page: string
const hits: { path: string; at: number; ua: string }[] = []
const held: http.ServerResponse[] = []
let services: typeof import('../../src/services/external-links')
let runSiteAudit: typeof import('../../src/services/site-audit').runSiteAudit

const OPTIONS = { timeoutMs: 400, intervalMs: 150, perHost: 2 }

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const ua = String(req.headers['user-agent'] ?? '')
    hits.push({ path: req.url ?? '', at: Date.now(), ua })
    const send = (status: number, headers: Record<string, string> = {}) =>
      res.writeHead(status, headers).end('…')
    switch (req.url) {
      case '/ok':
        return send(200)
      case '/moved':
        return send(301, { location: '/ok' })
      case '/gone':
        return send(410)
      case '/missing':
        return send(404)
      case '/picky':
        return send(ua.includes('Chrome/') ? 200 : 403)
      case '/silent':
        held.push(res)
        return
      default:
        return send(500)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  t = await startPayload()
  services = await import('../../src/services/external-links')
  ;({ runSiteAudit } = await import('../../src/services/site-audit'))
  const { payload } = t
  site = (await makeSite(payload, { name: '链接检查局' })).id
  const column = await makeColumn(payload, site, { name: '工作动态', slug: 'gzdt' })
  const paths = ['/ok', '/moved', '/gone', '/missing', '/picky', '/silent']
  const article = await makeArticle(payload, {
    site,
    column: column.id,
    publishedAt: new Date().toISOString(),
    body: linksBody([
      ...paths.map((p) => `${base}${p}`),
      'mailto:ban@example.gov.cn',
      `${base}/ok#part`,
    ]),
  })
  page = `/gzdt/${article.id}.html`
}, 120_000)

afterAll(async () => {
  for (const res of held) res.destroy()
  server?.close()
  await t?.stop()
})

describe('the external link checker', () => {
  it('asks each address once (as a browser again where needed) and keeps its answer with its pages', async () => {
    const { payload } = t
    const tally = await services.checkExternalLinks(payload, OPTIONS)
    expect(tally).toEqual({ inUse: 6, checked: 6, fresh: 0, dead: 2, unreachable: 1 })
    const rows = await payload.find({
      collection: 'link-checks',
      overrideAccess: true,
      limit: 20,
      sort: 'url',
    })
    const byPath = Object.fromEntries(rows.docs.map((d) => [d.url.slice(base.length), d]))
    expect(Object.keys(byPath).sort()).toEqual(
      ['/gone', '/missing', '/moved', '/ok', '/picky', '/silent'].sort(),
    )
    expect(byPath['/ok']).toMatchObject({ status: 'ok', httpStatus: 200, retried: false })
    expect(byPath['/moved']).toMatchObject({ status: 'ok', httpStatus: 200 })
    expect(byPath['/gone']).toMatchObject({ status: 'dead', httpStatus: 410, retried: false })
    expect(byPath['/missing']).toMatchObject({ status: 'dead', httpStatus: 404, retried: true })
    expect(byPath['/picky']).toMatchObject({ status: 'ok', httpStatus: 200, retried: true })
    expect(byPath['/silent']).toMatchObject({ status: 'unreachable', retried: true })
    expect(byPath['/silent'].error).toMatch(/超时/)
    expect(byPath['/ok'].pages).toEqual([page])
    expect(
      (byPath['/ok'].sites as unknown[]).map((s) =>
        s && typeof s === 'object' ? (s as { id: Id }).id : s,
      ),
    ).toEqual([site])
    // The retry came as a browser; the first ask under the checker's name.
    const picky = hits.filter((h) => h.path === '/picky')
    expect(picky.map((h) => h.ua.includes('Chrome/'))).toEqual([false, true])
  })

  it('keeps one website waiting the interval between two requests', () => {
    const starts = hits.map((h) => h.at).sort((a, b) => a - b)
    const gaps = starts.slice(1).map((at, i) => at - starts[i])
    // 150 ms between starts as the checker sends them; the server sees them with the network's
    // jitter (a new connection arrives later than a kept one), never close together.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(OPTIONS.intervalMs * 0.75)
    expect(gaps.filter((g) => g < OPTIONS.intervalMs - 5).length).toBeLessThanOrEqual(
      gaps.length / 4,
    )
  })

  it('does not ask again while the answers are fresh', async () => {
    const before = hits.length
    const tally = await services.checkExternalLinks(t.payload, OPTIONS)
    expect(tally).toMatchObject({ inUse: 6, checked: 0, fresh: 6 })
    expect(hits.length).toBe(before)
    // Four hours later they are asked again.
    const later = await services.checkExternalLinks(t.payload, {
      ...OPTIONS,
      now: new Date(Date.now() + 4 * 3_600_000 + 1000),
    })
    expect(later.checked).toBe(6)
    expect(hits.length).toBeGreaterThan(before)
  })

  it('the audit names the dead and unreachable links with their answers and pages', async () => {
    const { payload } = t
    const run = await runSiteAudit(payload, site, { trigger: 'manual' })
    const stored = await payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const links = (
      stored.items as { key: string; status: string; summary: string; evidence: string[] }[]
    ).find((i) => i.key === 'links')!
    expect(links.summary).toBe(
      // Seven links as written (/ok twice, once with a fragment), six addresses asked.
      '检查站内链接 0 个、站外链接 7 个，不可用 3 个（42.9%，常规要求低于 1%）',
    )
    expect(links.status).toBe('warning')
    expect(links.evidence.sort()).toEqual(
      [
        `${base}/gone（410，出现在：${page}）`,
        `${base}/missing（404，出现在：${page}）`,
        `${base}/silent（无法连接，出现在：${page}）`,
      ].sort(),
    )
  })
})
