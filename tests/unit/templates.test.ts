// The public Liquid templates, rendered the way the server renders them (auto-escaping, strict filters).
import { describe, expect, it } from 'vitest'

import { engineFor } from '../../src/server/render/engine'
import type {
  ArticleCard,
  ArticleView,
  ColumnView,
  DirectoryView,
  ErrorView,
  HomeView,
  Layout,
  NotFoundView,
  SiteNotFoundView,
  SiteView,
} from '../../src/server/render/view-models'

type Theme = 'portal' | 'department'

// The server's own engine (auto-escaping, strict filters, the keep_care filter).
const engine = (theme: Theme | null) => engineFor(theme)
const engines = {
  portal: engine('portal'),
  department: engine('department'),
  platform: engine(null),
}
const render = (theme: Theme, name: string, view: object): Promise<string> =>
  engines[theme].renderFileSync(name, view)
const renderPlatform = (name: string, view: object): Promise<string> =>
  engines.platform.renderFileSync(name, view)

const site = (theme: Theme): SiteView => ({
  name: theme === 'portal' ? '青川市人民政府' : '青川市发展和改革委员会',
  slug: theme === 'portal' ? 'www' : 'fgw',
  kind: theme,
  theme,
  siteIdCode: theme === 'portal' ? '5101000001' : '5101000012',
  orgName: theme === 'portal' ? '青川市人民政府办公室' : '青川市发展和改革委员会',
  sponsor: '青川市人民政府办公室',
  operator: '青川市大数据中心',
  icp: '川ICP备12345678号',
  psbRecord: '川公网安备 51010402000123号',
  address: '青川市人民路 1 号',
  postcode: '610000',
  phone: '028-12345678',
  officeHours: '工作日 9:00—17:00',
  logoUrl: '/assets/emblem.svg',
  origin: theme === 'portal' ? 'http://www.localhost:3000' : 'http://fgw.localhost:3000',
  domain: theme === 'portal' ? 'www.qingchuan.gov.cn' : 'fgw.qingchuan.gov.cn',
  leaders: [
    { name: '王建国', title: '市长', duties: '主持全面工作' },
    { name: '李红梅', title: '副市长', duties: '' },
  ],
})

const layout = (
  theme: Theme,
  care: boolean,
  {
    path: pagePath,
    title,
    columnName,
    breadcrumbs = [],
  }: { path: string; title: string; columnName: string; breadcrumbs?: Layout['breadcrumbs'] },
): Layout => ({
  site: site(theme),
  nav: [
    { name: '首页', href: '/', current: pagePath === '/' },
    { name: '政务动态', href: '/zwdt/', current: pagePath.startsWith('/zwdt/') },
    { name: '信息公开', href: '/xxgk/?tab=1' },
  ],
  care,
  careQs: care ? '?care=1' : '',
  careToggleHref: care ? pagePath : `${pagePath}?care=1`,
  errorReportHref: `/jiucuo?url=${encodeURIComponent(pagePath)}${care ? '&care=1' : ''}`,
  meta: {
    title,
    columnName,
    description: `${site(theme).name}官方网站`,
    canonical: `${site(theme).origin}${pagePath}`,
  },
  breadcrumbs,
  platformName: '青川市政府网站集约化平台',
  directoryHref: 'http://localhost:3000/',
  relatedSites: [{ name: '青川市教育局', href: 'http://jyj.localhost:3000/' }],
  year: 2026,
})

const card = (i: number): ArticleCard => ({
  id: String(i),
  title: `信息标题${i}`,
  href: `/zwdt/${i}.html`,
  date: '2026-03-12',
  summary: i === 1 ? '摘要内容' : '',
  thumb:
    i === 1 ? { src: '/files/images/t.jpg', alt: '缩略图', width: 160, height: 112 } : undefined,
})

const homeView = (theme: Theme, care: boolean): HomeView => ({
  layout: layout(theme, care, { path: '/', title: site(theme).name, columnName: '首页' }),
  headline: { ...card(9), image: { src: '/files/images/h.jpg', alt: '头条图片' } },
  blocks: [
    {
      column: { name: '政务动态', href: '/zwdt/', updateClass: 'news' },
      items: [card(1), card(2)],
    },
    { column: { name: '人事信息', href: '/rsxx/', updateClass: 'personnel-plan' }, items: [] },
  ],
  notices: [card(3)],
  leaders: site(theme).leaders,
})

const columnView = (theme: Theme, care: boolean, empty = false): ColumnView => ({
  layout: layout(theme, care, {
    path: '/zwdt/index_3.html',
    title: '政务动态（第3页）',
    columnName: '政务动态',
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: '政务动态', href: '/zwdt/' },
    ],
  }),
  column: {
    name: '政务动态',
    href: '/zwdt/',
    path: 'zwdt',
    updateClassLabel: '动态要闻类（2 周）',
  },
  children: [{ name: '工作动态', href: '/zwdt/gzdt/' }],
  items: empty ? [] : [card(1), card(2)],
  pagination: empty
    ? { page: 1, pages: 1, total: 0, links: [{ n: 1, href: '/zwdt/', current: true }] }
    : {
        page: 3,
        pages: 5,
        total: 98,
        prev: '/zwdt/index_2.html',
        next: '/zwdt/index_4.html',
        links: [1, 2, 3, 4, 5].map((n) => ({
          n,
          href: n === 1 ? '/zwdt/' : `/zwdt/index_${n}.html`,
          current: n === 3,
        })),
      },
})

const articleView = (theme: Theme, care: boolean, title = '安全生产工作会议召开'): ArticleView => ({
  layout: layout(theme, care, {
    path: '/zwdt/7.html',
    title,
    columnName: '政务动态',
    breadcrumbs: [
      { name: '首页', href: '/' },
      { name: '政务动态', href: '/zwdt/' },
      { name: '正文', href: '/zwdt/7.html' },
    ],
  }),
  column: { name: '政务动态', href: '/zwdt/' },
  article: {
    id: '7',
    title,
    html: '<p>会议<strong>强调</strong>，要压实责任。</p>',
    date: '2026-03-12',
    datetime: '2026-03-12T01:30:00.000Z',
    pubDate: '2026-03-12 09:30',
    source: '青川市应急管理局',
    author: '王晓',
    docNumber: '青府办发〔2026〕5号',
    indexNumber: '11339900MB1A52301L/2026-00012',
    issuingOrgan: '青川市人民政府办公室',
    dateFormed: '2026-03-01',
    summary: '',
    image: {
      src: '/files/images/a.jpg',
      srcset: '/files/images/a.jpg 800w, /files/images/b.jpg 1600w',
      alt: '会议现场',
      caption: '会议现场图',
      width: 800,
      height: 600,
    },
    attachments: [{ title: '工作要点', href: '/files/docs/gzyd.pdf', kind: 'PDF', size: '356 KB' }],
  },
})

const notFoundView = (theme: Theme, care: boolean): NotFoundView => ({
  layout: layout(theme, care, {
    path: '/nope/',
    title: '页面不存在',
    columnName: '页面不存在',
    breadcrumbs: [{ name: '首页', href: '/' }],
  }),
  path: '/nope/',
})

const sitePages = (theme: Theme, care: boolean): [string, object][] => [
  ['home', homeView(theme, care)],
  ['column', columnView(theme, care)],
  ['article', articleView(theme, care)],
  ['not-found', notFoundView(theme, care)],
]

const hrefs = (html: string): string[] =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))
/** Links to pages of the site itself (not its stylesheet, uploaded files or other origins). */
const internalPageHrefs = (html: string): string[] =>
  hrefs(html).filter(
    (h) => h.startsWith('/') && !h.startsWith('/assets/') && !h.startsWith('/files/'),
  )
const careToggle = (html: string) => /<a class="care-toggle" href="([^"]*)">([^<]*)<\/a>/.exec(html)
const metaContent = (html: string, name: string) =>
  new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1]
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0

describe.each(['portal', 'department'] as const)('%s theme', (theme) => {
  describe.each([false, true])('care mode %s', (care) => {
    it.each(sitePages(theme, care).map(([name]) => name))(
      '%s renders a complete, accessible page frame',
      async (name) => {
        const view = Object.fromEntries(sitePages(theme, care))[name] as { layout: Layout }
        const html = await render(theme, name, view)
        const s = site(theme)

        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN"/)
        expect(html).toContain('<meta charset="utf-8">')
        expect(html).toContain(
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
        )
        expect(html).toContain(`<title>${view.layout.meta.title}</title>`)
        expect(html).toContain(`<link rel="canonical" href="${view.layout.meta.canonical}">`)
        expect(metaContent(html, 'SiteName')).toBe(s.name)
        expect(metaContent(html, 'SiteDomain')).toBe(s.domain)
        expect(metaContent(html, 'SiteIDCode')).toBe(s.siteIdCode)
        expect(metaContent(html, 'ColumnName')).toBe(view.layout.meta.columnName)
        expect(metaContent(html, 'description')).toBe(view.layout.meta.description)
        expect(html).toContain('<link rel="stylesheet" href="/assets/site.css">')
        expect(html).toContain(`<body class="theme-${theme}${care ? ' care' : ''}">`)
        expect(html.includes('<html lang="zh-CN" class="care">')).toBe(care)

        // Landmarks, skip link, one h1, no inline styles or scripts (CSP).
        expect(html).toContain('<a class="skip-link" href="#main">跳到主要内容</a>')
        expect(count(html, /<main\b/g)).toBe(1)
        expect(html).toContain('<main id="main"')
        expect(count(html, /<h1\b/g)).toBe(1)
        expect(html).toContain('<nav class="mainnav" aria-label="主导航">')
        expect(html).toMatch(/<header class="site-header">[\s\S]*<\/header>/)
        expect(html).toMatch(/<footer class="site-footer">[\s\S]*<\/footer>/)
        expect(html).not.toMatch(/\sstyle=/)
        expect(html).not.toMatch(/<style\b/)
        expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)/)
        expect(html).not.toMatch(/<img(?![^>]*\balt=")[^>]*>/)

        // Care switch, directory link, current nav item.
        const toggle = careToggle(html)
        expect(toggle?.[1]).toBe(view.layout.careToggleHref)
        expect(toggle?.[2]).toBe(care ? '标准版' : '长辈版')
        expect(html).toContain('<a href="http://localhost:3000/">站群导航</a>')
        const current = view.layout.nav.find((l) => l.current)
        if (current)
          expect(html).toMatch(
            new RegExp(`<a href="[^"]*"\\s+aria-current="page">${current.name}</a>`),
          )

        // Breadcrumbs.
        if (view.layout.breadcrumbs.length) {
          expect(html).toContain('<nav class="breadcrumbs" aria-label="当前位置">')
          // The crumb for this very page is text marked current; the others are links.
          for (const crumb of view.layout.breadcrumbs) {
            const here = `${view.layout.site.origin}${crumb.href}` === view.layout.meta.canonical
            expect(html.includes(`<li><span aria-current="page">${crumb.name}</span></li>`)).toBe(
              here,
            )
          }
        } else {
          expect(html).not.toContain('aria-label="当前位置"')
        }

        // Footer.
        expect(html).toContain(`主办单位：${s.sponsor}`)
        expect(html).toContain(`承办单位：${s.operator}`)
        expect(html).toContain(`网站标识码：${s.siteIdCode}`)
        expect(html).toContain(`>${s.icp}</a>`)
        expect(html).toContain(`>${s.psbRecord}</a>`)
        expect(html).toContain(`地址：${s.address}`)
        expect(html).toContain(`邮编：${s.postcode}`)
        expect(html).toContain(`电话：${s.phone}`)
        expect(html).toContain('相关链接')
        expect(html).toContain('青川市政府网站集约化平台')

        // Care mode travels with every internal link; the toggle is the one exception.
        const links = internalPageHrefs(html).filter((h) => h !== view.layout.careToggleHref)
        expect(links.length).toBeGreaterThan(3)
        for (const h of links) {
          if (care) expect(h).toMatch(/[?&]care=1$/)
          else expect(h).not.toContain('care=')
        }
        expect(html).toContain(`href="http://jyj.localhost:3000/${care ? '?care=1' : ''}"`)
        // A link that already has a query gets care=1 with '&'.
        expect(html).toContain(care ? 'href="/xxgk/?tab=1&amp;care=1"' : 'href="/xxgk/?tab=1"')
      },
    )
  })

  it('home shows blocks, notices, leaders and contact; the site name is the h1', async () => {
    const html = await render(theme, 'home', homeView(theme, false))
    expect(html).toMatch(
      new RegExp(
        `<h1 class="brand"><a class="brand-link" href="/">.*${site(theme).name}.*</a></h1>`,
      ),
    )
    expect(html).toMatch(/<h2 class="panel-title"[^>]*><a href="\/zwdt\/">政务动态<\/a><\/h2>/)
    expect(html).toContain(
      '<a href="/zwdt/1.html">信息标题1</a><time datetime="2026-03-12">2026-03-12</time>',
    )
    expect(html).toContain('本栏目暂无信息')
    expect(html).toContain('通知公告')
    expect(html).toContain('信息标题3')
    expect(html).toContain('领导信息')
    expect(html).toContain(
      '<span class="leader-name">王建国</span><span class="leader-title">市长</span>',
    )
    expect(html).toContain('联系我们')
    expect(html).toContain('工作日 9:00—17:00')
    if (theme === 'portal') {
      expect(html).toContain('<article class="headline">')
      expect(html).toContain('<img class="headline-img" src="/files/images/h.jpg" alt="头条图片">')
    } else {
      expect(html).toContain('home-simple')
      expect(html).toContain('<div class="home-side">')
    }
  })

  it('column lists items and paginates, marking the current page', async () => {
    const html = await render(theme, 'column', columnView(theme, true))
    expect(html).toContain('<h1 class="page-title">政务动态</h1>')
    expect(html).toContain('<a href="/zwdt/gzdt/?care=1">工作动态</a>')
    expect(html).toContain('<a class="article-item-title" href="/zwdt/1.html?care=1">信息标题1</a>')
    expect(html).toContain('<p class="article-item-summary">摘要内容</p>')
    expect(html).toContain('alt="缩略图"')
    const pager = /<nav class="pager" aria-label="分页">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
    expect(pager).toContain('共 98 条')
    expect(pager).toContain('<a href="/zwdt/index_2.html?care=1" rel="prev">上一页</a>')
    expect(pager).toContain('<a href="/zwdt/index_4.html?care=1" rel="next">下一页</a>')
    expect(count(pager, /aria-current="page"/g)).toBe(1)
    expect(pager).toMatch(
      /<a href="\/zwdt\/index_3\.html\?care=1" aria-current="page">(<span[^>]*>第<\/span>)?3(<span[^>]*>页<\/span>)?<\/a>/,
    )
    expect(pager).toContain('<a href="/zwdt/?care=1">')
    expect(html).not.toContain('本栏目暂无信息')
  })

  it('an empty column says so', async () => {
    const html = await render(theme, 'column', columnView(theme, false, true))
    expect(html).toContain('本栏目暂无信息')
    expect(html).not.toContain('class="article-list"')
    expect(html).not.toContain('rel="next"')
  })

  it('article outputs its body raw, with metadata, image and attachments', async () => {
    const html = await render(theme, 'article', articleView(theme, false))
    expect(html).toContain('<p>会议<strong>强调</strong>，要压实责任。</p>')
    expect(html).toContain('<h1 class="article-title">安全生产工作会议召开</h1>')
    expect(metaContent(html, 'ArticleTitle')).toBe('安全生产工作会议召开')
    expect(metaContent(html, 'PubDate')).toBe('2026-03-12 09:30') // Beijing time
    expect(metaContent(html, 'ContentSource')).toBe('青川市应急管理局')
    expect(html).toContain('发布时间：<time datetime="2026-03-12T01:30:00.000Z">2026-03-12</time>')
    expect(html).toContain('来源：青川市应急管理局')
    expect(html).toContain('作者：王晓')
    expect(html).toContain('发文字号：青府办发〔2026〕5号')
    expect(html).toContain('srcset="/files/images/a.jpg 800w, /files/images/b.jpg 1600w"')
    expect(html).toContain('alt="会议现场"')
    expect(html).toContain('<figcaption>会议现场图</figcaption>')
    expect(html).toContain('附件')
    expect(html).toContain('<a href="/files/docs/gzyd.pdf" download>工作要点</a>')
    expect(html).toContain('PDF，356 KB')
  })

  it('escapes text: a title with <script> stays text', async () => {
    const evil = '<script>alert(1)</script>"x'
    const view = articleView(theme, false, evil)
    view.layout.site.name = `<script>alert(2)</script>`
    const html = await render(theme, 'article', view)
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&#34;x')
    expect(metaContent(html, 'ArticleTitle')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&#34;x')
    expect(metaContent(html, 'SiteName')).toBe('&lt;script&gt;alert(2)&lt;/script&gt;')
  })

  it('breadcrumbs mark the page itself as current and link everything above it', async () => {
    const article = await render(theme, 'article', articleView(theme, false))
    expect(article).toMatch(
      /<li><a href="\/">首页<\/a><\/li>\s*<li><a href="\/zwdt\/">政务动态<\/a><\/li>\s*<li><span aria-current="page">正文<\/span><\/li>/,
    )
    // Page 3 of a column links back to the column's first page.
    const column = await render(theme, 'column', columnView(theme, false))
    expect(column).toMatch(
      /<nav class="breadcrumbs"[\s\S]*<a href="\/zwdt\/">政务动态<\/a>[\s\S]*<\/nav>/,
    )
  })

  it('not-found offers home and the navigation', async () => {
    const html = await render(theme, 'not-found', notFoundView(theme, true))
    expect(html).toContain('<h1 class="page-title">页面不存在</h1>')
    expect(html).toContain('<a class="button" href="/?care=1">返回首页</a>')
    expect(html).toContain('<code>/nope/</code>')
    expect(html).toContain('<li><a href="/zwdt/?care=1">政务动态</a></li>')
  })
})

describe('platform pages', () => {
  it('directory lists portals and departments', async () => {
    const view: DirectoryView = {
      platformName: '青川市政府网站集约化平台',
      operator: '青川市大数据中心',
      year: 2026,
      portals: [
        {
          name: '青川市人民政府',
          href: 'http://www.localhost:3000/',
          siteIdCode: '5101000001',
          orgName: '青川市人民政府办公室',
        },
      ],
      departments: [
        {
          name: '青川市教育局',
          href: 'http://jyj.localhost:3000/',
          siteIdCode: '5101000013',
          orgName: '青川市教育局',
        },
      ],
    }
    const html = await renderPlatform('directory', view)
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<title>站群导航 - 青川市政府网站集约化平台</title>')
    expect(count(html, /<h1\b/g)).toBe(1)
    expect(html).toContain('门户网站')
    expect(html).toContain('部门网站')
    expect(html).toContain(
      '<a class="site-card-name" href="http://www.localhost:3000/">青川市人民政府</a>',
    )
    expect(html).toContain(
      '<a class="site-card-name" href="http://jyj.localhost:3000/">青川市教育局</a>',
    )
    expect(html).toContain('<dd>5101000013</dd>')
    expect(html).toContain('<dd>青川市人民政府办公室</dd>')
    expect(html).toContain('运行维护：青川市大数据中心')
  })

  it('site-not-found names the host and links to the directory', async () => {
    const view: SiteNotFoundView = {
      host: 'evil<b>.localhost',
      directoryHref: 'http://localhost:3000/',
      platformName: '青川市政府网站集约化平台',
    }
    const html = await renderPlatform('site-not-found', view)
    expect(html).toContain('<code>evil&lt;b&gt;.localhost</code>')
    expect(html).toContain('href="http://localhost:3000/"')
    expect(html).toContain('站群导航')
    expect(count(html, /<main\b/g)).toBe(1)
  })

  it('error is a plain 500 page with the message', async () => {
    const view: ErrorView = {
      platformName: '青川市政府网站集约化平台',
      message: '数据库<连接>失败',
    }
    const html = await renderPlatform('error', view)
    expect(html).toContain('<h1 class="page-title">服务暂时不可用</h1>')
    expect(html).toContain('数据库&lt;连接&gt;失败')
    expect(html).not.toMatch(/<script\b/)
  })
})
