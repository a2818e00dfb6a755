// What a newcomer expects of a government portal (issue 13), over HTTP on the seeded demo: the
// masthead's emblem and search, one 政府信息公开 section, the home page's service entries,
// leader pages, pictures that are really there and different, and no link to a page that is not.
import { createHash } from 'node:crypto'
import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Id, makeMedia } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'

let s: TestServer
const www = { host: 'www.localhost' }
const fgw = { host: 'fgw.localhost' }
let wwwId: Id

beforeAll(async () => {
  s = await startServer({ seed: true })
  const found = await s.payload.find({
    collection: 'sites',
    where: { slug: { equals: 'www' } },
    overrideAccess: true,
  })
  wwwId = found.docs[0].id
})
afterAll(async () => s?.close())

/** The hrefs of the links inside the first element matching `open` … its closing tag. */
function linksIn(html: string, open: RegExp, close: string): { href: string; text: string }[] {
  const start = html.search(open)
  if (start < 0) throw new Error(`no ${open} on the page`)
  const part = html.slice(start, html.indexOf(close, start))
  return [...part.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1].replace(/&amp;/g, '&'),
    text: m[2].replace(/<[^>]+>/g, '').trim(),
  }))
}

/** A file's bytes, asked for on a site's Host (fetch() would not send the Host header). */
function getBytes(
  path: string,
  host: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: s.port, path, headers: { host } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        )
      })
      .on('error', reject)
  })
}

describe('the masthead', () => {
  it('shows the built-in emblem before the name, and a labelled search box', async () => {
    const res = await get(s, '/', www)
    expect(res.text).toMatch(
      /<h1 class="brand"><a class="brand-link" href="\/"><img class="brand-emblem" src="\/assets\/emblem.svg" alt=""[^>]*><span class="brand-name">青川市人民政府<\/span>/,
    )
    const emblem = await get(s, '/assets/emblem.svg', www)
    expect(emblem.status).toBe(200)
    expect(emblem.headers.get('content-type')).toContain('image/svg+xml')
    // A GET form to the site's search, with a label tied to its field.
    expect(res.text).toMatch(
      /<form class="masthead-search" role="search" action="\/search" method="get">/,
    )
    expect(res.text).toContain('<label for="site-search">站内搜索</label>')
    expect(res.text).toMatch(/<input id="site-search" name="q" type="search"/)
    // The brand is the h1 on the home page only.
    const column = await get(s, '/tzgg/', www)
    expect(column.text).toMatch(/<p class="brand"><a class="brand-link"/)
  })

  it('the catalogue finds by title words; the masthead search keeps care mode', async () => {
    const total = (html: string) => Number(/共 (\d+) 条/.exec(html)![1])
    const all = await get(s, '/xxgk/', www)
    const found = await get(s, `/xxgk/?q=${encodeURIComponent('营商环境')}`, www)
    expect(found.status).toBe(200)
    expect(found.text).toContain('青川市人民政府关于印发青川市进一步优化营商环境若干措施的通知')
    expect(total(found.text)).toBeGreaterThanOrEqual(1)
    expect(total(found.text)).toBeLessThan(total(all.text) / 4)
    expect(found.text).toMatch(/id="xxgk-q" name="q" type="search" value="营商环境"/)
    const care = await get(s, '/?care=1', www)
    expect(care.text).toMatch(
      /<form class="masthead-search"[\s\S]*?<input type="hidden" name="care" value="1">[\s\S]*?<\/form>/,
    )
  })

  it("shows the site's own logo once one is set in the site settings, at once", async () => {
    const logo = await makeMedia(s.payload, wwwId)
    await s.payload.update({
      collection: 'sites',
      id: wwwId,
      data: { logo: logo.id },
      overrideAccess: true,
    })
    try {
      const res = await get(s, '/', www)
      const src = /<img class="brand-emblem" src="([^"]+)"/.exec(res.text)![1]
      expect(src).toContain(logo.filename!)
      const file = await get(s, src, www)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toContain('image/png')
      // Another site keeps the platform's emblem.
      expect((await get(s, '/', fgw)).text).toContain('src="/assets/emblem.svg"')
    } finally {
      await s.payload.update({
        collection: 'sites',
        id: wwwId,
        data: { logo: null },
        overrideAccess: true,
      })
    }
    expect((await get(s, '/', www)).text).toContain('src="/assets/emblem.svg"')
  })
})

describe('one 政府信息公开 section', () => {
  it('the navigation sends 政府信息公开 to the disclosure platform, on every site', async () => {
    for (const host of [www, fgw]) {
      const res = await get(s, '/', host)
      const nav = linksIn(res.text, /<ul id="mainnav-list">/, '</ul>')
      expect(nav.find((l) => l.text === '政府信息公开')?.href, host.host).toBe('/xxgk/')
      expect(nav.map((l) => l.href)).not.toContain('/zfxxgk/')
    }
  })

  it('the platform lists 目录, 指南, 依申请公开, 年度报告, 制度 and 政策文件, each answering', async () => {
    const res = await get(s, '/xxgk/', www)
    const menu = linksIn(res.text, /<nav class="subnav" aria-label="政府信息公开">/, '</nav>')
    expect(menu.map((l) => l.text)).toEqual([
      '公开目录',
      '公开指南',
      '依申请公开',
      '年度报告',
      '政策文件',
      '法定主动公开内容',
      '政府信息公开制度',
    ])
    for (const link of menu) expect((await get(s, link.href, www)).status, link.href).toBe(200)
    // The navigation marks 政府信息公开 as where the reader is.
    expect(res.text).toMatch(/<a href="\/xxgk\/" aria-current="page">政府信息公开<\/a>/)
  })

  it("the section's old list address leads to the platform, and so do the articles' breadcrumbs", async () => {
    for (const [path, to] of [
      ['/zfxxgk/', '/xxgk/'],
      ['/zfxxgk/index_2.html', '/xxgk/'],
      ['/zfxxgk/?care=1', '/xxgk/?care=1'],
    ]) {
      const res = await get(s, path, www)
      expect(res.status, path).toBe(301)
      expect(res.headers.get('location'), path).toBe(to)
    }
    const list = await get(s, '/zfxxgk/zcwj/', www)
    expect(list.status).toBe(200)
    const href = /href="(\/zfxxgk\/zcwj\/\d+\.html)"/.exec(list.text)![1]
    const article = await get(s, href, www)
    const crumbs = linksIn(article.text, /<nav class="breadcrumbs"/, '</nav>')
    expect(crumbs).toEqual([
      { href: '/', text: '首页' },
      { href: '/xxgk/', text: '政府信息公开' },
      { href: '/zfxxgk/zcwj/', text: '政策文件' },
    ])
  })

  it('shows the 2025 annual report once: in 年度报告, not again as an article', async () => {
    const index = await get(s, '/xxgk/nb/', www)
    expect(index.text.match(/2025年政府信息公开工作年度报告/g)).toHaveLength(1)
    const search = await get(s, `/xxgk/?q=${encodeURIComponent('年度报告')}`, www)
    expect(search.text).not.toContain('2025年政府信息公开工作年度报告')
    const listed = await get(s, '/zfxxgk/fdzdgk/', www)
    expect(listed.text).not.toContain('年度报告')
  })
})

describe('the home page', () => {
  it('offers 政务服务 and 互动交流 entries, and each leads to a page that answers', async () => {
    for (const host of [www, fgw]) {
      const res = await get(s, '/', host)
      const service = linksIn(res.text, /aria-labelledby="entries-service"/, '</section>')
      const interaction = linksIn(res.text, /aria-labelledby="entries-interaction"/, '</section>')
      expect(service.map((l) => l.href)).toEqual(['/ysqgk/', '/ysqgk/track', '/xxgk/', '/xxgk/zn'])
      expect(interaction.map((l) => l.href).slice(0, 3)).toEqual([
        '/hdjl/',
        '/hdjl/track',
        '/hdjl/tj',
      ])
      expect(interaction[3].href).toMatch(/^\/jiucuo\?/)
      for (const link of [...service, ...interaction])
        expect((await get(s, link.href, host)).status, `${host.host}${link.href}`).toBe(200)
    }
  })

  it('carries 我要纠错 and the 党政机关 mark on every kind of page', async () => {
    const home = await get(s, '/', www)
    const article = /href="(\/[a-z/]+\/\d+\.html)"/.exec(home.text)![1]
    for (const path of ['/', '/tzgg/', article, '/ld/1.html', '/xxgk/', '/ysqgk/', '/hdjl/']) {
      const res = await get(s, path, www)
      expect(res.status, path).toBe(200)
      expect(res.text, path).toMatch(/<a href="\/jiucuo\?[^"]*">我要纠错<\/a>/)
      expect(res.text, path).toContain('<img src="/assets/dzjg.svg" alt="党政机关网站标识"')
    }
    const mark = await get(s, '/assets/dzjg.svg', www)
    expect(mark.status).toBe(200)
    expect(mark.headers.get('content-type')).toContain('image/svg+xml')
  })

  it('links no page that does not exist (a published page promises no missing form)', async () => {
    for (const host of [www, fgw]) {
      const home = await get(s, '/', host)
      const hrefs = new Set(
        [...home.text.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&')),
      )
      expect(hrefs.size).toBeGreaterThan(20)
      for (const href of hrefs) {
        const res = await get(s, href, host)
        expect([200, 301], `${host.host}${href}`).toContain(res.status)
      }
    }
  })

  it('the 征集 notice sends readers to the 市长信箱 form, which exists', async () => {
    const list = await get(s, '/hudong/zjdc/', www)
    const href = /href="(\/hudong\/zjdc\/\d+\.html)"/.exec(list.text)![1]
    const notice = await get(s, href, www)
    expect(notice.text).toContain('关于征集2027年市政府民生实事候选项目的公告')
    expect(notice.text).toContain('“市长信箱”在线提交')
    const hdjl = await get(s, '/hdjl/', www)
    const box = linksIn(hdjl.text, /<main/, '</main>').find((l) => l.text.includes('市长信箱'))
    expect(box).toBeDefined()
    const write = /href="(\/hdjl\/[^"/]+\/write)"/.exec(hdjl.text)![1]
    const form = await get(s, write, www)
    expect(form.status).toBe(200)
    expect(form.text).toContain('市长信箱')
    expect(form.text).toMatch(/<form [^>]*method="post"/)
  })
})

describe('pictures', () => {
  it('picture news shows only items with a picture, and every picture on the home page is there and different', async () => {
    const home = await get(s, '/', www)
    const pictureLists = [...home.text.matchAll(/<ul class="picture-list">([\s\S]*?)<\/ul>/g)]
    expect(pictureLists.length).toBeGreaterThanOrEqual(1)
    for (const [, list] of pictureLists) {
      const items = list.match(/<li>/g) ?? []
      const imgs = list.match(/<img src="[^"]+"/g) ?? []
      expect(imgs.length).toBe(items.length)
      expect(items.length).toBeGreaterThanOrEqual(2)
    }
    const srcs = [
      ...new Set(
        [...home.text.matchAll(/<img [^>]*src="(\/files\/images\/[^"]+)"/g)].map((m) => m[1]),
      ),
    ]
    expect(srcs.length).toBeGreaterThanOrEqual(6)
    const hashes = new Set<string>()
    for (const src of srcs) {
      const res = await getBytes(src, www.host)
      expect(res.status, src).toBe(200)
      expect(res.type, src).toMatch(/^image\//)
      hashes.add(createHash('sha256').update(res.body).digest('hex'))
    }
    // Generated scenes: no two pictures on the page are the same file under two names.
    expect(hashes.size).toBe(srcs.length)
  })
})

describe('leader pages', () => {
  it('领导信息 links each leader, in order, to a page with name, post, duties and résumé', async () => {
    for (const [host, names] of [
      [www, ['林永康', '周文博', '何静怡', '孙立军']],
      [fgw, ['郑国华', '吴晓峰', '钱丽萍']],
    ] as const) {
      const home = await get(s, '/', host)
      const leaders = linksIn(home.text, /<section class="panel leaders"/, '</section>')
      expect(leaders.map((l) => l.href)).toEqual(names.map((_, i) => `/ld/${i + 1}.html`))
      for (const [i, name] of names.entries()) {
        expect(leaders[i].text.startsWith(name)).toBe(true)
        const page = await get(s, leaders[i].href, host)
        expect(page.status).toBe(200)
        expect(page.text).toContain(`<h1 class="page-title">${name}</h1>`)
        expect(page.text).toMatch(/<p class="leader-post">[^<]+<\/p>/)
        expect(page.text).toContain('<h2>工作分工</h2>')
        expect(page.text).toContain('<h2>简历</h2>')
        // The others are one click away; the page does not link to itself among them.
        const others = linksIn(page.text, /<nav class="leader-others"/, '</nav>')
        expect(others.map((l) => l.href).sort()).toEqual(
          names.map((_, j) => `/ld/${j + 1}.html`).filter((_, j) => j !== i),
        )
      }
    }
  })

  it('answers 404 for a leader who is not on the list, and keeps care mode', async () => {
    for (const path of [
      '/ld/0.html',
      '/ld/5.html',
      '/ld/01.html',
      '/ld/1.htm',
      '/ld/',
      '/ld/x.html',
    ])
      expect((await get(s, path, www)).status, path).toBe(404)
    const care = await get(s, '/ld/2.html?care=1', www)
    expect(care.text).toContain('<html lang="zh-CN" class="care">')
    expect(care.text).toContain('href="/ld/1.html?care=1"')
  })

  it('escapes what the site admin typed, and shows a change to the list at once', async () => {
    const site = await s.payload.findByID({ collection: 'sites', id: wwwId, overrideAccess: true })
    const before = site.leaders ?? []
    await s.payload.update({
      collection: 'sites',
      id: wwwId,
      data: {
        leaders: [
          ...before,
          { name: '<b>王测试</b>', title: '副市长', duties: 'a & b <script>x</script>' },
        ],
      },
      overrideAccess: true,
    })
    try {
      const page = await get(s, `/ld/${before.length + 1}.html`, www)
      expect(page.status).toBe(200)
      expect(page.text).toContain('&lt;b&gt;王测试&lt;/b&gt;')
      expect(page.text).toContain('a &amp; b &lt;script&gt;x&lt;/script&gt;')
      expect(page.text).not.toContain('<script>x</script>')
      // No résumé given: no empty 简历 heading.
      expect(page.text).not.toContain('<h2>简历</h2>')
    } finally {
      await s.payload.update({
        collection: 'sites',
        id: wwwId,
        data: { leaders: before },
        overrideAccess: true,
      })
    }
    expect((await get(s, `/ld/${before.length + 1}.html`, www)).status).toBe(404)
  })
})
