// The zombie-site audit on a real database: facts read from columns, published items, letters
// and mailboxes; each run stored in `site-audits`, readable by the site's admins and platform staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The service is imported once the SMTP server and the test database are set up: settings read
// SMTP_URL and DATABASE_URL once, on import.
let runSiteAudit: typeof import('../../src/services/site-audit').runSiteAudit
let auditAllSites: typeof import('../../src/services/site-audit').auditAllSites
import {
  type Id,
  linksBody,
  makeArticle,
  makeColumn,
  makeSite,
  makeUser,
} from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'
import { type Mail, startSmtp } from '../helpers/smtp'

let t: Started
let received: Mail[]
let stopSmtp: () => Promise<void>
let siteAdminEmail: string
let site: Id
let other: Id
const now = new Date('2026-12-03T02:00:00Z')
const at = (day: string) => `${day}T02:00:00.000Z`

beforeAll(async () => {
  ;({ received, stop: stopSmtp } = await startSmtp())
  t = await startPayload()
  ;({ runSiteAudit, auditAllSites } = await import('../../src/services/site-audit'))
  const { payload } = t
  site = (await makeSite(payload, { name: '体检测试局' })).id
  other = (await makeSite(payload)).id
  siteAdminEmail = (await makeUser(payload, { sites: [{ site, roles: ['site-admin'] }] })).email
  const news = (await makeColumn(payload, site, { name: '工作动态', showOnHome: true })).id
  // Five stale news columns: (a) of the columns item fails.
  for (let i = 0; i < 5; i++) {
    const col = (await makeColumn(payload, site, { name: `旧栏目${i}` })).id
    await makeArticle(payload, { site, column: col, publishedAt: at('2026-10-01') })
  }
  await makeArticle(payload, { site, column: news, publishedAt: at('2026-11-25') })
  // Shown a month before it was made: listed for a person to check.
  await makeArticle(payload, {
    site,
    column: news,
    title: '补发的旧闻',
    publishedAt: at('2026-10-20'),
  })
  // A link to an unpublished draft, one to a published page, one to another website.
  const draft = await makeArticle(payload, { site, column: news, status: 'draft' })
  const live = await makeArticle(payload, { site, column: news, publishedAt: at('2026-11-20') })
  await makeArticle(payload, {
    site,
    column: news,
    title: '带链接的信息',
    publishedAt: at('2026-11-21'),
    body: linksBody(
      [`/x/${draft.id}.html`, `/x/${live.id}.html`, 'https://www.gov.cn/'],
      '相关链接',
    ),
  })
  const mailbox = await payload.create({
    collection: 'mailboxes',
    overrideAccess: true,
    data: { site, name: '局长信箱', slug: 'director' },
  })
  await payload.create({
    collection: 'letters',
    overrideAccess: true,
    context: { seeding: true },
    data: {
      site,
      mailbox: mailbox.id,
      channel: 'letter',
      subject: '小区路灯不亮',
      category: 'help',
      content: '幸福路小区的路灯已经坏了一个月，请尽快修理。',
      writerName: '王五',
      phone: '13800000000',
      receivedAt: at('2026-08-20'),
    },
  })
})

afterAll(async () => {
  await t?.stop()
  await stopSmtp?.()
})

describe('a site audit run', () => {
  it('judges the site from its records and stores the run with its evidence', async () => {
    const { payload } = t
    const run = await runSiteAudit(payload, site, { now, trigger: 'manual' })
    expect(run.status).toBe('fail')
    const stored = await payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const items = stored.items as { key: string; status: string; evidence: string[] }[]
    const byKey = Object.fromEntries(items.map((i) => [i.key, i]))
    expect(byKey.columns.status).toBe('fail')
    expect(byKey.columns.evidence.filter((e) => e.startsWith('未更新：'))).toHaveLength(5)
    // The letter of 2026-08-20 has waited more than 3 months unanswered.
    expect(byKey.response.status).toBe('fail')
    expect(byKey.response.evidence[0]).toMatch(/2026-08-20 收到，至今未答复/)
    expect(byKey.home.status).toBe('pass')
    expect(byKey.backdated.evidence.join()).toContain('补发的旧闻')
    // No probes recorded: said, not guessed.
    expect(byKey.reachable.status).toBe('unknown')
    // One of two internal links dead (50 %), named with the page it is on; the external one counted.
    const links = byKey.links as unknown as { status: string; summary: string; evidence: string[] }
    expect(links.status).toBe('warning')
    expect(links.summary).toBe(
      '检查站内链接 2 个，不可用 1 个（50.0%，常规要求低于 1%）；站外链接 1 个尚未检查',
    )
    expect(links.evidence).toHaveLength(1)
    expect(links.evidence[0]).toMatch(/^\/x\/\d+\.html（出现在：\/c\d+\/\d+\.html）$/)
    expect(stored.worst).toMatch(/^栏目不更新（不合格）|^互动回应差（不合格）/)
  })

  it("mails the site's admins once per run, each failing item with its evidence", async () => {
    const before = received.length
    const run = await runSiteAudit(t.payload, site, { now, trigger: 'manual' })
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(before)
    const mails = received.slice(before).filter((m) => m.to.includes(siteAdminEmail))
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('【网站体检】体检测试局不合格：栏目不更新、互动回应差')
    expect(mails[0].text).toContain('2026-08-20 收到，至今未答复')
    expect(mails[0].text).toContain(`/admin/audit?site=${site}`)
    const sent = await t.payload.find({
      collection: 'notifications',
      where: { key: { equals: `site-audit:${run.id}` } },
      overrideAccess: true,
    })
    expect(sent.totalDocs).toBe(1)
  })

  it('a site without a mailbox has no enquiry channel', async () => {
    const run = await runSiteAudit(t.payload, other, { now, trigger: 'manual' })
    const stored = await t.payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const response = (stored.items as { key: string; status: string }[]).find(
      (i) => i.key === 'response',
    )
    expect(response?.status).toBe('fail')
  })

  it('runs with the thresholds platform admins set, stricter only, and a site admin cannot change them', async () => {
    const { payload } = t
    const home = async () => {
      const run = await runSiteAudit(payload, site, { now, trigger: 'manual' })
      const stored = await payload.findByID({
        collection: 'site-audits',
        id: run.id,
        overrideAccess: true,
      })
      return (stored.items as { key: string; status: string; summary: string }[]).find(
        (i) => i.key === 'home',
      )!
    }
    // The home page's newest item is 8 days old: within the national 14 days.
    expect((await home()).status).toBe('pass')
    const admin = await makeUser(payload, { platformRoles: ['platform-admin'] })
    const siteAdmin = await payload.find({
      collection: 'users',
      where: { email: { equals: siteAdminEmail } },
      overrideAccess: true,
    })
    await expect(
      payload.updateGlobal({
        slug: 'platform-settings',
        data: { audit: { homeStaleDays: 7 } },
        overrideAccess: false,
        user: { ...siteAdmin.docs[0], collection: 'users' },
      }),
    ).rejects.toThrow()
    // Looser than the national figure: refused with a sentence.
    const refused = await payload
      .updateGlobal({
        slug: 'platform-settings',
        data: { audit: { letterMonths: 6 } },
        overrideAccess: false,
        user: admin,
      })
      .then(
        () => null,
        (e: { data?: { errors?: { message: string }[] } }) => e.data?.errors?.[0]?.message,
      )
    expect(refused).toBe(
      '“有效留言未办理的最长期限”须在 1–3个月 之间（可以比国家标准更严，不能放宽）',
    )
    await payload.updateGlobal({
      slug: 'platform-settings',
      data: { audit: { homeStaleDays: 7 } },
      overrideAccess: false,
      user: admin,
    })
    try {
      const stricter = await home()
      expect(stricter.status).toBe('fail')
      expect(stricter.summary).toBe('首页已 8 天没有新信息（限值 7 天）')
    } finally {
      await payload.updateGlobal({
        slug: 'platform-settings',
        data: { audit: { homeStaleDays: null } },
        overrideAccess: true,
      })
    }
    expect((await home()).status).toBe('pass')
  })

  it('the nightly run audits every open site, not closed ones', async () => {
    const closed = (await makeSite(t.payload, { status: 'closed' })).id
    const runs = await auditAllSites(t.payload, { now, trigger: 'nightly' })
    const audited = runs.map((r) => String(r.site))
    expect(audited).toEqual(expect.arrayContaining([String(site), String(other)]))
    expect(audited).not.toContain(String(closed))
  })

  it("site admins read their own site's runs, auditors every run, nobody writes one", async () => {
    const { payload } = t
    const admin = await makeUser(payload, { sites: [{ site, roles: ['site-admin'] }] })
    const editor = await makeUser(payload, { sites: [{ site, roles: ['editor'] }] })
    const auditor = await makeUser(payload, { platformRoles: ['auditor'] })
    const read = async (user: typeof admin) =>
      (
        await payload.find({ collection: 'site-audits', user, overrideAccess: false, limit: 100 })
      ).docs.map((d) => String(typeof d.site === 'object' ? d.site.id : d.site))
    expect(new Set(await read(admin))).toEqual(new Set([String(site)]))
    // Editors are not told about the site's health: the list is refused outright.
    await expect(read(editor)).rejects.toThrow('无权')
    expect(await read(auditor)).toEqual(expect.arrayContaining([String(site), String(other)]))
    await expect(
      payload.create({
        collection: 'site-audits',
        user: auditor,
        overrideAccess: false,
        data: { site, ranAt: now.toISOString(), status: 'pass', items: [] },
      }),
    ).rejects.toThrow()
  })

  it('a run downloads as CSV and Excel for whoever may read it, and runs on demand for the site admin', async () => {
    const { payload } = t
    const { handleEndpoints } = await import('payload')
    const config = (await import('../../payload.config')).default
    const call = async (method: 'GET' | 'POST', path: string, email: string, body?: string) => {
      const { token } = await payload.login({
        collection: 'users',
        data: { email, password: 'Test-Password-1' },
      })
      const request = new Request(`http://localhost:3000/api${path}`, {
        method,
        headers: {
          authorization: `JWT ${token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      })
      return handleEndpoints({ config, path: `/api${path.split('?')[0]}`, request })
    }
    const run = await runSiteAudit(payload, site, { now, trigger: 'manual' })
    const csv = await call('GET', `/site-audits/${run.id}/export?format=csv`, siteAdminEmail)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: Excel reads UTF-8
    const text = bytes.toString('utf8')
    expect(text.slice(1)).toMatch(/^体检测试局 网站体检（2026-12-03 10:00）结论：不合格\r\n/)
    expect(text).toContain('检查项,单项否决,结论,情况,倒计时,证据')
    expect(text).toMatch(/互动回应差,是,不合格,.*2026-08-20 收到/)
    const xlsx = await call('GET', `/site-audits/${run.id}/export?format=xlsx`, siteAdminEmail)
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const stranger = await makeUser(payload, { sites: [{ site: other, roles: ['site-admin'] }] })
    expect((await call('GET', `/site-audits/${run.id}/export`, stranger.email)).status).toBe(404)
    expect(
      (await call('GET', `/site-audits/${run.id}/export?format=pdf`, siteAdminEmail)).status,
    ).toBe(400)

    // 立即体检: the site's admin on their own site; not on another's; the result is stored.
    const before = (await payload.count({ collection: 'site-audits', overrideAccess: true }))
      .totalDocs
    const ok = await call('POST', '/site-audits/run', siteAdminEmail, `site=${site}`)
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`/admin/audit?site=${site}`)
    const refused = await call('POST', '/site-audits/run', stranger.email, `site=${site}`)
    expect(refused.status).toBe(403)
    const all = await call('POST', '/site-audits/run', siteAdminEmail, 'site=all')
    expect(all.status).toBe(403)
    expect(
      (await payload.count({ collection: 'site-audits', overrideAccess: true })).totalDocs,
    ).toBe(before + 1)
  })
})

describe('reachability probes', () => {
  it('a probe fails on an error status, a redirect, a refused connection and a slow answer', async () => {
    const { probe } = await import('../../src/services/site-probe')
    const http = await import('node:http')
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 1_000)
      res.statusCode = req.url === '/gone' ? 404 : req.url === '/moved' ? 301 : 200
      res.end(String(req.headers.host))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    try {
      const ok = await probe(`${base}/`, { host: 'fgw.example.gov.cn', timeoutMs: 500 })
      expect(ok).toMatchObject({ ok: true, status: 200, error: null })
      expect((await probe(`${base}/gone`, { timeoutMs: 500 })).error).toBe('HTTP 404')
      expect((await probe(`${base}/moved`, { timeoutMs: 500 })).ok).toBe(false)
      const slow = await probe(`${base}/slow`, { timeoutMs: 200 })
      expect(slow.ok).toBe(false)
      expect(slow.error).toContain('秒内没有完成应答')
      expect(slow.ms).toBeLessThan(900)
    } finally {
      server.close()
    }
    const refused = await probe('http://127.0.0.1:1/', { timeoutMs: 500 })
    expect(refused).toMatchObject({ ok: false, status: null })
  })

  it('the job probes each open site by its Host, and the audit judges the stored week', async () => {
    const { payload } = t
    const { probeSites } = await import('../../src/services/site-probe')
    const http = await import('node:http')
    const down = await makeSite(payload, {
      name: '访问不了的局',
      domains: [{ domain: 'down.example.gov.cn' }],
    })
    const up = await makeSite(payload, { domains: [{ domain: 'up.example.gov.cn' }] })
    const server = http.createServer((req, res) => {
      res.statusCode = req.headers.host === 'down.example.gov.cn' ? 503 : 200
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const results = await probeSites(payload, {
        via: 'local',
        port,
        devHosts: false,
        now: () => now,
      })
      const of = (id: Id) => results.find((r) => String(r.site) === String(id))?.result
      expect(of(up.id)?.ok).toBe(true)
      expect(of(down.id)).toMatchObject({ ok: false, status: 503, error: 'HTTP 503' })
      // A site without a domain cannot be reached by anyone.
      expect(of(other)).toMatchObject({ ok: false, error: '站点没有配置域名，无法访问' })
    } finally {
      server.close()
    }
    // A week of hourly probes for the failing site, 10 of 168 failed (6 %): the item fails.
    for (let h = 1; h <= 168; h++)
      await payload.create({
        collection: 'site-probes',
        overrideAccess: true,
        data: {
          site: down.id,
          at: new Date(now.getTime() - h * 3_600_000).toISOString(),
          ok: h > 10,
          status: h > 10 ? 200 : 503,
          via: 'local',
        },
      })
    const run = await runSiteAudit(payload, down.id, { now, trigger: 'manual' })
    const stored = await payload.findByID({
      collection: 'site-audits',
      id: run.id,
      overrideAccess: true,
    })
    const reachable = (stored.items as { key: string; status: string; summary: string }[]).find(
      (i) => i.key === 'reachable',
    )
    expect(reachable?.status).toBe('fail')
    // The last seven Beijing days (today included): 155 of the 168 hours, 11 failures with the live one.
    expect(reachable?.summary).toBe('近 7 天监测 155 次，失败 11 次（7.1%，限值 5.0%）')
  })
})
