// Public feedback over HTTP on the demo platform: /hdjl/tj (page, JSON, CSV) with figures
// recomputed here independently from the letters, cached and purged when a letter changes
// state; 我要纠错 on every page (form with CSRF and CAPTCHA, receipt, tracking).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { beijingDate } from '../../src/domain/dates'
import { DEMO_WRITER_SECRETS } from '../../src/seed/letters'
import { type FormServer, hidden, startFormServer, unescape } from '../helpers/visitor'

let s: FormServer

beforeAll(async () => {
  s = await startFormServer()
}, 180_000)
afterAll(async () => s?.close())

type Row = Record<string, unknown> & { site: string; month: string }
const LEVELS = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
} as Record<string, string>

describe('/hdjl/tj: every department’s record in public', () => {
  it('matches figures counted here from the letters themselves, per site and month', async () => {
    const sites = (
      await s.payload.find({ collection: 'sites', limit: 50, depth: 0, overrideAccess: true })
    ).docs as unknown as { id: string | number; slug: string }[]
    const slugOf = new Map(sites.map((x) => [String(x.id), x.slug]))
    const letters = (
      await s.payload.find({
        collection: 'letters',
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        context: { noViewAudit: true },
      })
    ).docs as unknown as Record<string, unknown>[]
    const year = beijingDate(new Date()).slice(0, 4)
    // Counted by hand: received at the first site by the month it arrived; answered, on time and
    // the ratings at the site that holds it.
    const expected = new Map<
      string,
      { received: number; answered: number; onTime: number; levels: Record<string, number> }
    >()
    const cell = (slug: string, month: string) => {
      const key = `${slug}|${month}`
      if (!expected.has(key)) expected.set(key, { received: 0, answered: 0, onTime: 0, levels: {} })
      return expected.get(key)!
    }
    const idOf = (v: unknown) => String(typeof v === 'object' && v ? (v as { id: unknown }).id : v)
    for (const l of letters) {
      const month = beijingDate(new Date(String(l.receivedAt))).slice(0, 7)
      if (!month.startsWith(year)) continue
      cell(slugOf.get(idOf(l.firstSite ?? l.site))!, month).received++
      if (!l.answeredAt) continue
      const here = cell(slugOf.get(idOf(l.site))!, month)
      here.answered++
      const answered = beijingDate(new Date(String(l.answeredAt)))
      if (!l.answerDueDate || answered <= beijingDate(new Date(String(l.answerDueDate))))
        here.onTime++
      if (l.rating) {
        const label = LEVELS[String(l.rating)]
        here.levels[label] = (here.levels[label] ?? 0) + 1
      }
    }
    const res = await s.visitor('10.3.0.1').get('/hdjl/tj.json')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('application/json')
    const body = JSON.parse(res.text) as { rows: Row[]; sites: Record<string, unknown>[] }
    expect(body.sites.map((x) => x.site).sort()).toEqual(sites.map((x) => x.slug).sort())
    let checked = 0
    for (const row of body.rows) {
      for (const key of [
        'month',
        'received',
        'transferredIn',
        'transferredOut',
        'answered',
        'answeredOnTime',
        'medianWorkdays',
        'satisfaction',
        'defaultedRatings',
      ])
        expect(row).toHaveProperty(key)
      const want = expected.get(`${row.site}|${row.month}`) ?? {
        received: 0,
        answered: 0,
        onTime: 0,
        levels: {},
      }
      expect({
        site: row.site,
        month: row.month,
        received: row.received,
        answered: row.answered,
        onTime: row.answeredOnTime,
      }).toEqual({
        site: row.site,
        month: row.month,
        received: want.received,
        answered: want.answered,
        onTime: want.onTime,
      })
      const satisfaction = row.satisfaction as Record<string, number>
      expect(Object.keys(satisfaction).sort()).toEqual(Object.values(LEVELS).sort())
      for (const label of Object.values(LEVELS))
        expect(satisfaction[label]).toBe(want.levels[label] ?? 0)
      checked += want.received
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('shows the portal’s ranking, charts as described images with their tables, and no writer’s data', async () => {
    const v = s.visitor('10.3.0.2')
    const page = await v.get('/hdjl/tj')
    expect(page.status).toBe(200)
    const html = page.text
    expect(html).toContain('各网站办理情况')
    for (const name of ['青川市发展和改革委员会', '青川市教育局', '青川市卫生健康委员会'])
      expect(html).toContain(name)
    expect(html.match(/<svg role="img" aria-label="[^"]+"/g)?.length).toBe(2)
    expect(html).toContain('95% 区间')
    expect(html).toContain('问题已解决')
    expect(html).toContain('我要纠错')
    for (const secret of DEMO_WRITER_SECRETS) expect(html).not.toContain(secret)
    // One department in detail on the portal; a department's own page shows itself only.
    const one = await v.get('/hdjl/tj?site=fgw')
    expect(one.status).toBe(200)
    expect(one.text).toContain('青川市发展和改革委员会办理情况')
    const dept = await s.visitor('10.3.0.3', 'fgw.localhost').get('/hdjl/tj')
    expect(dept.text).not.toContain('青川市教育局</th>')
    const other = await s.visitor('10.3.0.3', 'fgw.localhost').get('/hdjl/tj.json?site=jyj')
    expect(other.status).toBe(404)
    expect(JSON.parse(other.text).message).toContain('本页只统计本网站的来信')
  })

  it('says 样本不足 instead of a rate below the site’s minimum sample', async () => {
    // Two months of one department hold fewer letters than the default minimum of 10.
    const res = await s
      .visitor('10.3.0.4', 'fgw.localhost')
      .get(
        `/hdjl/tj?from=${beijingDate(new Date()).slice(0, 7)}&to=${beijingDate(new Date()).slice(0, 7)}`,
      )
    expect(res.status).toBe(200)
    expect(res.text).toContain('样本不足（少于 10 封）')
  })

  it('refuses a wrong period with a sentence, in the page and in the data', async () => {
    const v = s.visitor('10.3.0.5')
    const page = await v.get('/hdjl/tj?from=2026-13')
    expect(page.status).toBe(400)
    expect(page.text).toContain('起止月份格式应为 YYYY-MM')
    const json = await v.get('/hdjl/tj.json?from=2026-06&to=2026-01')
    expect(json.status).toBe(400)
    expect(JSON.parse(json.text).message).toBe('起始月份不能晚于结束月份')
    const unknown = await v.get('/hdjl/tj.csv?site=nosuch')
    expect(unknown.status).toBe(404)
  })

  it('downloads the same figures as CSV with a byte-order mark', async () => {
    const res = await s.visitor('10.3.0.6').get('/hdjl/tj.csv?site=jyj&from=2026-01&to=2026-03')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.text.charCodeAt(0)).toBe(0xfeff)
    const lines = res.text.slice(1).trim().split('\r\n')
    expect(lines[0].startsWith('网站,月份,收到来信')).toBe(true)
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['2026-01', '2026-02', '2026-03'])
  })

  it('is kept in the output cache and made again when a letter of the site changes state', async () => {
    const site = (
      await s.payload.find({
        collection: 'sites',
        where: { slug: { equals: 'jyj' } },
        overrideAccess: true,
      })
    ).docs[0]
    const mailbox = (
      await s.payload.find({
        collection: 'mailboxes',
        where: { site: { equals: site.id } },
        overrideAccess: true,
      })
    ).docs[0]
    const waiting = await s.payload.create({
      collection: 'letters',
      data: {
        site: site.id,
        mailbox: mailbox.id,
        channel: 'phone',
        subject: '电话来信：咨询入学政策',
        category: 'consult',
        content: '请问外地户籍子女在本市入学需要哪些材料？',
        writerName: '钱七',
        phone: '13912345678',
        consentPersonalData: true,
      },
      overrideAccess: true,
    })
    // The letter's purge also reaches this node through the shared purge rows within a poll
    // (400 ms; a node applies its own rows too), so the page is cached for good once a second
    // read is a hit.
    const cached = async (v: ReturnType<FormServer['visitor']>) => {
      for (let i = 0; i < 20; i++) {
        await v.get('/hdjl/tj.json')
        const again = await v.get('/hdjl/tj.json')
        if (again.headers['x-cache'] === 'HIT') return again
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error('/hdjl/tj.json was never answered from the cache')
    }
    const v = s.visitor('10.3.0.7', 'jyj.localhost')
    const first = await cached(v)
    const portal = s.visitor('10.3.0.8')
    await cached(portal)
    await s.payload.update({
      collection: 'letters',
      id: waiting.id,
      data: { step: 'accept' },
      overrideAccess: true,
    })
    const after = await v.get('/hdjl/tj.json')
    expect(after.headers['x-cache']).toBe('MISS')
    const accepted = (t: string) =>
      (JSON.parse(t) as { sites: { accepted: number }[] }).sites[0].accepted
    expect(accepted(after.text)).toBe(accepted(first.text) + 1)
    expect((await portal.get('/hdjl/tj.json')).headers['x-cache']).toBe('MISS')
  })
})

describe('我要纠错 on every site', () => {
  const report = {
    url: '/zwdt/',
    type: 'typo',
    description: '第二条新闻标题中“法展”应为“发展”。',
    contact: 'reader-http@example.com',
  }

  it('is linked from every page with the page’s address filled in', async () => {
    const v = s.visitor('10.3.1.1', 'fgw.localhost')
    const home = await v.get('/')
    expect(home.text).toContain('href="/jiucuo?url=%2F"')
    const form = await v.get('/jiucuo?url=%2Fzwdt%2F')
    expect(form.status).toBe(200)
    expect(form.text).toContain(`value="http://fgw.localhost:${s.port}/zwdt/"`)
    expect(form.text).toContain('3 个工作日内')
  })

  it('refuses a wrong report with every field named and everything typed kept', async () => {
    const v = s.visitor('10.3.1.2', 'fgw.localhost')
    const form = await v.get('/jiucuo')
    const res = await v.post('/jiucuo', {
      ...report,
      url: 'javascript:alert(1)',
      type: '',
      contact: 'abc',
      ...s.formTokens(form.text),
    })
    expect(res.status).toBe(400)
    const html = unescape(res.text)
    expect(html).toContain('纠错未能提交')
    expect(html).toContain('页面地址格式不正确')
    expect(html).toContain('请选择错误类型')
    expect(html).toContain('联系方式格式不正确')
    expect(html).toContain(report.description)
    const stale = await v.post('/jiucuo', {
      ...report,
      _csrf: 'x',
      idem: hidden(form.text, 'idem'),
    })
    expect(stale.status).toBe(403)
    expect(unescape(stale.text)).toContain(report.description)
  })

  it('stores one report per submission, gives a query code, and the code shows the answer', async () => {
    const v = s.visitor('10.3.1.3', 'fgw.localhost')
    const form = await v.get('/jiucuo?url=%2Fzwdt%2F')
    const fields = { ...report, ...s.formTokens(form.text) }
    const done = await v.post('/jiucuo', fields)
    expect(done.status).toBe(200)
    expect(done.headers['cache-control']).toContain('no-store')
    const code = /class="tracking-code">([^<]+)</.exec(done.text)?.[1] ?? ''
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const twice = await v.post('/jiucuo', fields)
    expect(/class="tracking-code">([^<]+)</.exec(twice.text)?.[1]).toBe(code)
    const rows = await s.payload.find({
      collection: 'error-reports',
      where: { queryCode: { equals: code } },
      overrideAccess: true,
    })
    expect(rows.totalDocs).toBe(1)
    expect(rows.docs[0].url).toBe(`http://fgw.localhost:${s.port}/zwdt/`)
    await s.payload.update({
      collection: 'error-reports',
      id: rows.docs[0].id,
      data: { outcome: 'fixed', reply: '感谢指正，标题已更正。' },
      overrideAccess: true,
    })
    const track = await v.get('/jiucuo/track')
    const shown = await v.post('/jiucuo/track', { _csrf: hidden(track.text, '_csrf'), code })
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('已纠正')
    expect(shown.text).toContain('感谢指正，标题已更正。')
    expect(shown.text).not.toContain(report.contact)
    const wrong = await v.post('/jiucuo/track', {
      _csrf: hidden(track.text, '_csrf'),
      code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
    })
    expect(wrong.status).toBe(404)
    expect(wrong.text).toContain('未找到该查询码对应的纠错')
    // The figures count it at once: the statistics page was purged by the change.
    const stats = JSON.parse((await v.get('/hdjl/tj.json')).text) as {
      sites: { errorReports: { received: number; fixed: number } }[]
    }
    expect(stats.sites[0].errorReports.received).toBeGreaterThanOrEqual(6)
  })
})
