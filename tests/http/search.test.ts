// 站内搜索 over HTTP on the demo platform: /search and /search.json on a portal (all sites by
// default) and a department (itself), the names checks rely on, refusals, escaping, the output
// cache dropped when the index changes, zero-result words counted, hot searches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Id, makeColumn, makeUser, moveArticle } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'

let s: TestServer
const www = { host: 'www.localhost' }
const fgw = { host: 'fgw.localhost' }
const q = (text: string) => encodeURIComponent(text)

type Json = {
  total: number
  results: {
    title: string
    url: string
    site: string
    date: string
    snippet: string
    type: string
  }[]
  errors: string[]
}
const json = async (path: string, host = www) => {
  const res = await get(s, path, host)
  return { status: res.status, body: JSON.parse(res.text) as Json, headers: res.headers }
}

beforeAll(async () => {
  s = await startServer({ seed: true })
}, 180_000)
afterAll(async () => s?.close())

describe('/search', () => {
  it('on the portal searches every site, marks the words and links each result to its page', async () => {
    const res = await get(s, `/search?q=${q('老旧小区')}`, www)
    expect(res.status).toBe(200)
    expect(res.text).toMatch(
      /在全部 \d+ 个网站中搜索“老旧小区”，共找到 <strong>(\d+)<\/strong> 条结果/,
    )
    expect(res.text).toContain('<mark>老旧小区</mark>')
    expect(res.text).toMatch(
      /<a href="\/[a-z0-9/]+\/\d+\.html">关于开展2027年度城镇<mark>老旧小区<\/mark>改造项目申报工作的通知<\/a>/,
    )
    expect(res.text).toMatch(
      /<input class="form-input" id="search-q" name="q" type="search" value="老旧小区"/,
    )
    // Results of other sites link to their own origins.
    const other = await get(s, `/search?q=${q('迎峰度冬')}`, www)
    expect(other.text).toMatch(/href="http:\/\/fgw\.localhost:\d+\/[a-z0-9/]+\/\d+\.html"/)
  })

  it('on a department searches itself by default; all sites or chosen ones on request', async () => {
    const own = await json(`/search.json?q=${q('工作')}`, fgw)
    expect(own.body.results.length).toBeGreaterThan(0)
    expect(new Set(own.body.results.map((r) => r.site))).toEqual(
      new Set(['青川市发展和改革委员会']),
    )
    const all = await json(`/search.json?q=${q('工作')}&site=all`, fgw)
    expect(all.body.total).toBeGreaterThan(own.body.total)
    const chosen = await json(`/search.json?q=${q('工作')}&site=jyj,wjw`, fgw)
    expect(new Set(chosen.body.results.map((r) => r.site))).toEqual(
      new Set(['青川市教育局', '青川市卫生健康委员会']),
    )
    // The portal itself: its own items, and the departments' news its 部门动态 shows (shared by
    // subscription), each linking to its page on the department's site.
    const self = await json(`/search.json?q=${q('工作')}&site=self`)
    const portalAll = await json(`/search.json?q=${q('工作')}&site=all`)
    expect(self.body.total).toBeLessThan(portalAll.body.total)
    expect(self.body.results.some((r) => r.site === '青川市人民政府')).toBe(true)
    for (const r of self.body.results.filter((x) => x.site !== '青川市人民政府'))
      expect(r.url).toMatch(/^http:\/\/(fgw|jyj|wjw)\.localhost:\d+\/(jydt\/)?gzdt\/\d+\.html$/)
  })

  it('/search.json answers { total, results: [{ title, url, site, date, snippet }] } and nothing personal', async () => {
    const { status, body } = await json(`/search.json?q=${q('停车难')}`)
    expect(status).toBe(200)
    expect(body.total).toBeGreaterThan(0)
    const r = body.results[0]
    expect(Object.keys(r).sort()).toEqual(['date', 'site', 'snippet', 'title', 'type', 'url'])
    expect(r).toMatchObject({
      title: '反映医院停车难问题',
      type: '信件',
      site: '青川市卫生健康委员会',
    })
    expect(r.url).toMatch(/^http:\/\/wjw\.localhost:\d+\/hdjl\/[a-z0-9-]+\/\d+\.html$/)
    expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const page = await get(s, new URL(r.url).pathname, { host: 'wjw.localhost' })
    expect(page.status).toBe(200)
    // The demo writers' names and phone numbers never reach the answer.
    const text = JSON.stringify(body)
    for (const personal of ['陈建国', '刘晓燕', '张伟', '王芳', '欧阳明', '1380000000'])
      expect(text).not.toContain(personal)
  })

  it('recognises a document number typed with other brackets', async () => {
    const { body } = await json(`/search.json?q=${q('青政发[2026]21号')}`)
    expect(body.total).toBe(1)
    expect(body.results[0].title).toContain('优化营商环境')
    const page = await get(s, `/search?q=${q('青政发[2026]21号')}`, www)
    expect(page.text).toContain('按发文字号：青政发〔2026〕21号，共找到 <strong>1</strong> 条结果')
  })

  it('names each wrong value and still searches; escapes what was typed', async () => {
    const res = await get(s, `/search?q=${q('政策')}&type=pdf&from=2026-13-01`, www)
    expect(res.status).toBe(400)
    expect(res.text).toContain('“类型”只能是 文件、解读、新闻 或 信件')
    expect(res.text).toContain('“起始日期”应为 年-月-日，例如 2026-01-31')
    expect(res.text).toMatch(/id="search-type" name="type" aria-invalid="true"/)
    expect(res.text).toMatch(/共找到 <strong>[1-9]\d*<\/strong> 条结果/)
    const evil = await get(s, `/search?q=${q('<script>alert(1)</script>{{ 7 | times: 6 }}')}`, www)
    expect(evil.text).not.toContain('<script>alert(1)')
    expect(evil.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(evil.text).not.toMatch(/搜索“[^”]*42/)
    const bad = await json(`/search.json?q=${q('政策')}&page=99`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toEqual(['最多显示前 50 页，请加上筛选条件缩小范围'])
  })

  it('pages through results with links that keep the query and care mode', async () => {
    const res = await get(s, `/search?q=${q('通知')}&care=1`, www)
    expect(res.text).toMatch(
      /<a href="\/search\?page=2&amp;q=%E9%80%9A%E7%9F%A5&amp;care=1" rel="next">下一页<\/a>/,
    )
    const second = await get(s, `/search?page=2&q=${q('通知')}`, www)
    expect(second.status).toBe(200)
    expect(second.text).toContain('（第 2/')
  })
})

describe('the index and the cache follow changes', () => {
  let site: Id
  let column: Id

  beforeAll(async () => {
    site = (
      await s.payload.find({
        collection: 'sites',
        where: { slug: { equals: 'fgw' } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0].id
    column = (await makeColumn(s.payload, site, { name: '搜索缓存测试' })).id
  })

  it('publish → found at once; cached; withdrawn → gone at once', async () => {
    const path = `/search.json?q=${q('翡翠湾')}`
    expect((await json(path)).body.total).toBe(0)
    const a = await s.payload.create({
      collection: 'articles',
      overrideAccess: true,
      context: { seeding: true },
      data: {
        site,
        columns: [column],
        title: '翡翠湾公园开园公告',
        state: 'published',
        publishedAt: new Date().toISOString(),
      } as never,
    })
    // Its own purge comes back on the node's next poll (see cache-purges): let it pass.
    await s.purgesSettled()
    const first = await json(path)
    expect(first.body.total).toBe(1)
    expect(first.body.results[0].url).toMatch(new RegExp(`/${a.id}\\.html$`))
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect((await json(path)).headers.get('x-cache')).toBe('HIT')
    const admin = await makeUser(s.payload, { sites: [{ site, roles: ['site-admin'] }] })
    await moveArticle(s.payload, a.id, admin, 'withdrawn', { workflowReason: '信息有误' })
    const after = await json(path)
    expect(after.body.total).toBe(0)
    expect(after.headers.get('x-cache')).toBe('MISS')
  })

  it('a query that finds nothing is made every time and counted for the site', async () => {
    const path = `/search?q=${q('无人机航拍许可')}`
    const one = await get(s, path, fgw)
    const two = await get(s, path, fgw)
    expect(one.text).toContain('没有找到相关内容')
    expect(two.headers.get('x-cache')).toBe('MISS')
    const rows = await s.payload.find({
      collection: 'search-misses',
      where: { and: [{ site: { equals: site } }, { query: { equals: '无人机航拍许可' } }] },
      depth: 0,
      overrideAccess: true,
    })
    expect((rows.docs[0] as unknown as { count: number }).count).toBe(2)
  })

  it('shows the hot searches the site’s admins chose', async () => {
    await s.payload.update({
      collection: 'sites',
      id: site,
      data: { hotSearches: ['迎峰度冬', '定价目录'] } as never,
      overrideAccess: true,
    })
    const res = await get(s, '/search', fgw)
    expect(res.text).toContain('热门搜索')
    expect(res.text).toContain(`<a href="/search?q=${q('迎峰度冬')}">迎峰度冬</a>`)
  })
})
