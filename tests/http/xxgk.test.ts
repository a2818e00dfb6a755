// 政府信息公开 over HTTP: the catalogue /xxgk/ with its filters and search, the portal's
// departments, the guide /xxgk/zn, and validity marked on a policy document's own page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeArticle } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'

type Id = string | number

let s: TestServer
const www = { host: 'www.localhost' }
const fgw = { host: 'fgw.localhost' }
const ctx = { seeding: true }

let wwwId: Id
let fgwId: Id
let wwwCol: Id
let fgwCol: Id
const topic: Record<string, Id> = {}
const genre: Record<string, Id> = {}
const doc: Record<string, { id: Id }> = {}

const makeList = async (collection: 'disclosure-topics' | 'disclosure-genres', name: string) =>
  (
    await (s.payload.create as unknown as (a: object) => Promise<{ id: Id }>)({
      collection,
      data: { name, code: name, order: 900 },
      overrideAccess: true,
      context: ctx,
    })
  ).id

/** An article as the seed makes them (published, proactive) unless `over` says otherwise. */
const article = (site: Id, column: Id, over: Record<string, unknown>) =>
  makeArticle(s.payload, {
    site,
    column,
    summary: '测试摘要',
    body: undefined,
    disclosureMode: 'proactive',
    publishedAt: new Date().toISOString(),
    ...over,
  })

const setDisclosure = (id: Id, disclosure: Record<string, unknown>) =>
  s.payload.update({
    collection: 'sites',
    id,
    data: { disclosure } as never,
    overrideAccess: true,
    context: ctx,
  })

/** The index numbers in the catalogue table, in order. */
const indexes = (html: string) =>
  [...html.matchAll(/<td class="xxgk-index">([^<]*)<\/td>/g)].map((m) => m[1])

const catalogue = (path: string, host = www) => get(s, path, host)

beforeAll(async () => {
  s = await startServer({ seed: true })
  const sites = await s.payload.find({ collection: 'sites', limit: 10, overrideAccess: true })
  wwwId = sites.docs.find((d) => d.slug === 'www')!.id
  fgwId = sites.docs.find((d) => d.slug === 'fgw')!.id
  const col = async (site: Id) =>
    (
      await s.payload.find({
        collection: 'columns',
        where: { and: [{ site: { equals: site } }, { path: { equals: 'tzgg' } }] },
        overrideAccess: true,
      })
    ).docs[0].id
  wwwCol = await col(wwwId)
  fgwCol = await col(fgwId)
  topic.economy = await makeList('disclosure-topics', '测试主题·经济')
  topic.education = await makeList('disclosure-topics', '测试主题·教育')
  genre.notice = await makeList('disclosure-genres', '测试体裁·通知')
  genre.measures = await makeList('disclosure-genres', '测试体裁·办法')

  doc.a = await article(wwwId, wwwCol, {
    title: '测试甲关于优化营商环境的通知',
    summary: '为进一步优化营商环境，现就有关事项通知如下。'.repeat(5),
    indexNumber: 'ZZTEST001/2019-00001',
    docNumber: '测试发〔2019〕1号',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-03-01',
    topic: topic.economy,
    genre: genre.notice,
    validity: 'in-force',
  })
  doc.b = await article(wwwId, wwwCol, {
    title: '测试甲管理办法（2020年修订）',
    indexNumber: 'ZZTEST001/2020-00002',
    docNumber: '测试规〔2020〕1号',
    issuingOrgan: '测试机关甲',
    dateFormed: '2020-06-01',
    topic: topic.education,
    genre: genre.measures,
    validity: 'in-force',
  })
  doc.c = await article(wwwId, wwwCol, {
    title: '测试甲旧管理办法',
    indexNumber: 'ZZTEST001/2018-00003',
    docNumber: '测试规〔2018〕1号',
    issuingOrgan: '测试机关乙',
    dateFormed: '2018-05-01',
    genre: genre.measures,
    validity: 'repealed',
    validityChangedOn: '2020-06-01',
    validityChangedBy: doc.b.id,
  })
  // Replaced by a revision that is still a draft: named, not linked.
  doc.draftRevision = await article(wwwId, wwwCol, {
    title: '测试甲修订稿（未发布）',
    state: 'draft',
  })
  doc.k = await article(wwwId, wwwCol, {
    title: '测试甲实施细则',
    indexNumber: 'ZZTEST001/2019-00008',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-08-01',
    validity: 'amended',
    validityChangedOn: '2020-01-10',
    validityChangedBy: doc.draftRevision.id,
  })
  // Never in the catalogue: not proactive, not published, or without an index number.
  doc.onRequest = await article(wwwId, wwwCol, {
    title: '测试甲依申请公开件',
    indexNumber: 'ZZTEST001/2019-00004',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-04-01',
    disclosureMode: 'on-request',
    disclosureReason: '涉及第三方商业秘密的内部说明',
  })
  doc.withheld = await article(wwwId, wwwCol, {
    title: '测试甲不予公开件',
    indexNumber: 'ZZTEST001/2019-00005',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-04-02',
    disclosureMode: 'withheld',
    disclosureReason: '属于国家秘密',
  })
  doc.draft = await article(wwwId, wwwCol, {
    title: '测试甲草稿件',
    indexNumber: 'ZZTEST001/2019-00006',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-04-03',
    state: 'draft',
  })
  doc.withdrawn = await article(wwwId, wwwCol, {
    title: '测试甲撤回件',
    indexNumber: 'ZZTEST001/2019-00007',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-04-04',
    state: 'withdrawn',
    withdrawnReason: '内容有误',
  })
  doc.noIndex = await article(wwwId, wwwCol, {
    title: '测试甲无索引号件',
    issuingOrgan: '测试机关甲',
    dateFormed: '2019-04-05',
  })
  // A department's document, repealed by the portal's: the link crosses sites.
  doc.dept = await article(fgwId, fgwCol, {
    title: '测试部门发改文件',
    indexNumber: 'ZZTEST002/2019-00001',
    docNumber: '测试发改〔2019〕3号',
    issuingOrgan: '测试机关丙',
    dateFormed: '2019-09-09',
    validity: 'repealed',
    validityChangedOn: '2020-07-01',
    validityChangedBy: doc.a.id,
  })
  // The demo portal takes in its departments; these tests start from a portal that does not.
  await setDisclosure(wwwId, { includeDepartments: false })
}, 180_000)
afterAll(async () => s?.close())

describe('the catalogue', () => {
  it('lists every published, proactive document of the site that has an index number', async () => {
    const expected = await s.payload.count({
      collection: 'articles',
      where: {
        and: [
          { site: { equals: wwwId } },
          { state: { equals: 'published' } },
          { disclosureMode: { equals: 'proactive' } },
          { indexNumber: { exists: true } },
        ],
      },
      overrideAccess: true,
    })
    // The seeded ones plus a, b, c and k.
    expect(expected.totalDocs).toBeGreaterThan(24)
    const res = await catalogue('/xxgk/')
    expect(res.status).toBe(200)
    // Kept in the output cache (a CDN may keep it too) and dropped when an entry changes.
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/)
    expect(res.text).toContain(`<p class="xxgk-count">共 ${expected.totalDocs} 条</p>`)
    expect(indexes(res.text)).toHaveLength(20)
    expect(res.text).toContain('<caption>政府信息公开目录')
    for (const th of ['索引号', '标题', '摘要', '成文日期', '发文机关', '发文字号', '有效性'])
      expect(res.text).toContain(`<th scope="col">${th}</th>`)
    expect(res.text).not.toContain('<th scope="col">来源网站</th>')
    expect(res.text).toContain('href="/xxgk/nb/"')
    expect(res.text).toContain('href="/xxgk/zn"')
  })

  it('is kept in the output cache by its query, and dropped at once when an entry changes', async () => {
    const path = `/xxgk/?q=${encodeURIComponent('缓存测试')}`
    // The setup's own purges come back on the node's next poll (see cache-purges): let them.
    await s.purgesSettled()
    const first = await catalogue(path)
    expect(first.text).toContain('<p class="xxgk-count">共 0 条</p>')
    expect((await catalogue(path)).headers.get('x-cache')).toBe('HIT')
    // The same query with its parameters in another order is the same page.
    expect((await catalogue(`${path}&page=1`)).headers.get('x-cache')).toBe('MISS')
    expect(
      (await catalogue(`/xxgk/?page=1&q=${encodeURIComponent('缓存测试')}`)).headers.get('x-cache'),
    ).toBe('HIT')
    const added = await article(wwwId, wwwCol, {
      title: '缓存测试公开件',
      indexNumber: 'ZZTEST001/2019-00099',
      issuingOrgan: '测试机关甲',
      dateFormed: '2019-05-05',
    })
    const after = await catalogue(path)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.text).toContain('<p class="xxgk-count">共 1 条</p>')
    await s.payload.update({
      collection: 'articles',
      id: added.id,
      data: { state: 'withdrawn', withdrawnReason: '测试' } as never,
      overrideAccess: true,
      context: ctx,
    })
    expect((await catalogue(path)).text).toContain('<p class="xxgk-count">共 0 条</p>')
  })

  it('walks every page and never shows drafts, withdrawn, on-request, withheld or unnumbered documents', async () => {
    const first = await catalogue('/xxgk/')
    const total = Number(/共 (\d+) 条/.exec(first.text)![1])
    const seen: string[] = []
    for (let page = 1; page <= Math.ceil(total / 20); page++) {
      const res = await catalogue(`/xxgk/?page=${page}`)
      expect(res.status).toBe(200)
      seen.push(...indexes(res.text))
      for (const text of [
        '【草稿】',
        '测试甲依申请公开件',
        '测试甲不予公开件',
        '测试甲草稿件',
        '测试甲撤回件',
        '测试甲无索引号件',
        '涉及第三方商业秘密',
        '测试部门发改文件',
      ])
        expect(res.text).not.toContain(text)
    }
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
    expect(seen).toEqual(
      expect.arrayContaining([
        'ZZTEST001/2019-00001',
        'ZZTEST001/2020-00002',
        'ZZTEST001/2018-00003',
        'ZZTEST001/2019-00008',
      ]),
    )
    for (const hidden of ['00004', '00005', '00006', '00007'])
      expect(seen).not.toContain(`ZZTEST001/2019-${hidden}`)
  })

  it('shows an entry with its link, shortened summary, date formed, organ, number and validity', async () => {
    const res = await catalogue('/xxgk/?q=ZZTEST001/2019-00001')
    expect(indexes(res.text)).toEqual(['ZZTEST001/2019-00001'])
    expect(res.text).toContain(`<a href="/tzgg/${doc.a.id}.html">测试甲关于优化营商环境的通知</a>`)
    const summary = /<td class="xxgk-summary">([^<]*)<\/td>/.exec(res.text)![1]
    expect([...summary]).toHaveLength(61)
    expect(summary.endsWith('…')).toBe(true)
    expect(res.text).toContain('<time datetime="2019-03-01">2019-03-01</time>')
    expect(res.text).toContain('<td>测试机关甲</td>')
    expect(res.text).toContain('<td class="xxgk-docno">测试发〔2019〕1号</td>')
    expect(res.text).toContain('<td class="xxgk-validity">现行有效</td>')
  })

  it.each([
    ['topic', () => `topic=${topic.economy}`, ['ZZTEST001/2019-00001']],
    ['genre', () => `genre=${genre.measures}`, ['ZZTEST001/2020-00002', 'ZZTEST001/2018-00003']],
    ['organ', () => `organ=${encodeURIComponent('测试机关乙')}`, ['ZZTEST001/2018-00003']],
    ['year of date formed', () => 'year=2019', ['ZZTEST001/2019-00008', 'ZZTEST001/2019-00001']],
    [
      'validity with organ',
      () => `validity=repealed&organ=${encodeURIComponent('测试机关乙')}`,
      ['ZZTEST001/2018-00003'],
    ],
    ['validity with year', () => 'validity=amended&year=2019', ['ZZTEST001/2019-00008']],
    ['topic and year together', () => `topic=${topic.education}&year=2019`, []],
    [
      'title words',
      () => `q=${encodeURIComponent('测试甲 管理办法')}`,
      ['ZZTEST001/2020-00002', 'ZZTEST001/2018-00003'],
    ],
  ])('narrows by %s to exactly the matching entries', async (_, qs, expected) => {
    const res = await catalogue(`/xxgk/?${qs()}`)
    expect(res.status).toBe(200)
    expect(indexes(res.text)).toEqual(expected)
    expect(res.text).toContain(`共 ${expected.length} 条`)
    if (!expected.length) expect(res.text).toContain('没有符合条件的公开信息')
  })

  it('offers the platform lists, the organs in use and the validity states as choices', async () => {
    const res = await catalogue(`/xxgk/?topic=${topic.economy}`)
    expect(res.text).toContain(`<option value="${topic.economy}" selected>测试主题·经济</option>`)
    expect(res.text).toContain(`<option value="${genre.notice}">测试体裁·通知</option>`)
    expect(res.text).toContain('<option value="测试机关乙">测试机关乙</option>')
    expect(res.text).toContain('<option value="青川市人民政府办公室">青川市人民政府办公室</option>')
    // Organs of documents not in the catalogue are not offered; nor other sites' organs.
    expect(res.text).not.toContain('<option value="测试机关丙">')
    expect(res.text).toContain('<option value="repealed">已废止</option>')
    expect(res.text).toContain('for="xxgk-year">成文年份</label>')
    expect(res.text).toMatch(/<form class="xxgk-form" method="get" action="\/xxgk\/"/)
    expect(res.text).toContain('主题分类：测试主题·经济')
  })

  it('finds a document by its index number, typed loosely', async () => {
    const res = await catalogue(`/xxgk/?q=${encodeURIComponent(' zztest001 / 2018-00003 ')}`)
    expect(indexes(res.text)).toEqual(['ZZTEST001/2018-00003'])
    expect(res.text).toContain('索引号：ZZTEST001/2018-00003')
  })

  it.each(['测试规〔2018〕1号', '测试规[2018]1号', '测试规（2018）1号', '测试规〔2018〕第01号'])(
    'finds a document by its document number written %s',
    async (typed) => {
      const res = await catalogue(`/xxgk/?q=${encodeURIComponent(typed)}`)
      expect(indexes(res.text)).toEqual(['ZZTEST001/2018-00003'])
      expect(res.text).toContain('发文字号：测试规〔2018〕1号')
    },
  )

  it('finds nothing for an index number of another site', async () => {
    const res = await catalogue('/xxgk/?q=ZZTEST002/2019-00001')
    expect(indexes(res.text)).toEqual([])
    expect(res.text).toContain('共 0 条')
  })

  it('answers a malformed year with 400, the Chinese message, and the list without it', async () => {
    const res = await catalogue(`/xxgk/?year=19&organ=${encodeURIComponent('测试机关乙')}`)
    expect(res.status).toBe(400)
    expect(res.text).toContain('年份格式不正确，请填写四位数字，如 2026')
    expect(res.text).toContain('role="alert"')
    expect(res.text).toMatch(/id="xxgk-year"[^>]*value="19"[^>]*aria-invalid="true"/)
    expect(indexes(res.text)).toEqual(['ZZTEST001/2018-00003'])
  })

  it('answers an unknown topic with 400 and names it', async () => {
    const res = await catalogue('/xxgk/?topic=999999')
    expect(res.status).toBe(400)
    expect(res.text).toContain('所选主题分类不存在，请重新选择')
  })

  it('pages through 20 at a time and says when a page does not exist', async () => {
    const res = await catalogue('/xxgk/?page=2&year=')
    expect(res.status).toBe(200)
    expect(res.text).toContain('第 2/')
    expect(res.text).toContain('href="/xxgk/" rel="prev"')
    const past = await catalogue('/xxgk/?page=999')
    expect(past.status).toBe(404)
    expect(past.text).toContain('没有第 999 页')
    expect(indexes(past.text)).toEqual([])
  })

  it('keeps care mode in the form, the filter links, the pages and the entries', async () => {
    const res = await catalogue(`/xxgk/?care=1&year=2019`)
    expect(res.text).toContain('<html lang="zh-CN" class="care">')
    expect(res.text).toContain('<input type="hidden" name="care" value="1">')
    expect(res.text).toContain(`href="/tzgg/${doc.a.id}.html?care=1"`)
    expect(res.text).toContain('href="/xxgk/?care=1">取消')
    // Switching care mode off keeps the filters.
    expect(res.text).toMatch(/class="care-toggle" href="\/xxgk\/\?year=2019"/)
  })

  it('redirects /xxgk to /xxgk/ keeping the query', async () => {
    const res = await catalogue('/xxgk?year=2019&care=1')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/xxgk/?year=2019&care=1')
  })

  it('escapes what the reader typed', async () => {
    const res = await catalogue(`/xxgk/?q=${encodeURIComponent('"><script>alert(1)</script>')}`)
    expect(res.status).toBe(200)
    expect(res.text).not.toContain('<script>alert(1)')
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('the portal with its departments', () => {
  it('leaves department entries out unless the portal includes them, and then links to their site', async () => {
    const before = await catalogue('/xxgk/?year=2019')
    expect(indexes(before.text)).not.toContain('ZZTEST002/2019-00001')

    await setDisclosure(wwwId, { includeDepartments: true })
    try {
      const res = await catalogue('/xxgk/?year=2019')
      expect(res.status).toBe(200)
      expect(indexes(res.text)).toEqual([
        'ZZTEST002/2019-00001',
        'ZZTEST001/2019-00008',
        'ZZTEST001/2019-00001',
      ])
      expect(res.text).toContain('<th scope="col">来源网站</th>')
      expect(res.text).toContain('<td>青川市发展和改革委员会</td>')
      expect(res.text).toContain(
        `<a href="http://fgw.localhost:${s.port}/tzgg/${doc.dept.id}.html">测试部门发改文件</a>`,
      )
      expect(res.text).toContain('<option value="测试机关丙">测试机关丙</option>')
      // A department's own catalogue never takes in other sites, whatever its setting.
      await setDisclosure(fgwId, { includeDepartments: true })
      const dept = await catalogue('/xxgk/?year=2019', fgw)
      expect(indexes(dept.text)).toEqual(['ZZTEST002/2019-00001'])
      expect(dept.text).not.toContain('来源网站')
    } finally {
      await setDisclosure(wwwId, { includeDepartments: false })
      await setDisclosure(fgwId, { includeDepartments: false })
    }
    const after = await catalogue('/xxgk/?year=2019')
    expect(indexes(after.text)).toEqual(['ZZTEST001/2019-00008', 'ZZTEST001/2019-00001'])
  })
})

describe('the guide', () => {
  it('shows the office from the site settings, how to apply, the time limits and fees', async () => {
    await setDisclosure(wwwId, {
      includeDepartments: false,
      fax: '',
      office: '青川市人民政府办公室政务公开科',
      address: '青川市青川大道1号市民中心三楼312室',
      postcode: '628100',
      hours: '工作日 9:00—12:00，14:00—17:30',
      phone: '0839-1234567',
      email: 'gongkai@qingchuan.gov.cn',
      guideNotes: '本指南自2026年1月1日起施行。\n\n如有疑问，请来电咨询。',
    })
    const res = await get(s, '/xxgk/zn', www)
    expect(res.status).toBe(200)
    expect(res.text).toContain('<h1 class="page-title">政府信息公开指南</h1>')
    expect(res.text).toContain('<dd>青川市人民政府办公室政务公开科</dd>')
    expect(res.text).toContain('<dd>青川市青川大道1号市民中心三楼312室</dd>')
    expect(res.text).toContain('<dd>628100</dd>')
    expect(res.text).toContain('<dd>工作日 9:00—12:00，14:00—17:30</dd>')
    expect(res.text).toContain('<a href="tel:08391234567">0839-1234567</a>')
    expect(res.text).toContain(
      '<a href="mailto:gongkai@qingchuan.gov.cn">gongkai@qingchuan.gov.cn</a>',
    )
    // Not filled in: said so, not hidden.
    expect(res.text).toMatch(
      /<dt>传真<\/dt>\s*<dd><span class="guide-missing">未提供<\/span><\/dd>/,
    )
    expect(res.text).toContain('邮寄至青川市青川大道1号市民中心三楼312室（邮编 628100）')
    expect(res.text).toContain('href="/ysqgk/"')
    expect(res.text).toContain('href="/xxgk/nb/"')
    expect(res.text).toContain('自收到申请之日起 20 个工作日内予以答复')
    expect(res.text).toContain('延长的期限最长不超过 20 个工作日')
    expect(res.text).toContain('自收到申请之日起 7 个工作日内一次性告知申请人作出补正')
    expect(res.text).toContain('15 个工作日内提出意见')
    expect(res.text).toContain('不计算在答复期限内')
    expect(res.text).toContain('累计申请 10 件以内（含）的不收费')
    expect(res.text).toContain('30 页以内（含）不收费')
    expect(res.text).toContain('<p>本指南自2026年1月1日起施行。</p>')
    expect(res.text).toContain('<p>如有疑问，请来电咨询。</p>')
  })

  it('falls back on the site’s own contact facts and says 未提供 for what neither has', async () => {
    await setDisclosure(fgwId, {
      includeDepartments: false,
      office: '',
      address: '',
      postcode: '',
      hours: '',
      phone: '',
      fax: '',
      email: '',
      guideNotes: '',
    })
    const site = await s.payload.findByID({ collection: 'sites', id: fgwId, overrideAccess: true })
    expect(site.address).toBeTruthy()
    const res = await get(s, '/xxgk/zn?care=1', fgw)
    expect(res.status).toBe(200)
    expect(res.text).toContain(`<dd>${site.orgName}</dd>`)
    expect(res.text).toContain(`<dd>${site.address}</dd>`)
    expect(res.text).toContain(`<dd>${site.officeHours}</dd>`)
    for (const label of ['传真', '电子邮箱'])
      expect(res.text).toMatch(
        new RegExp(`<dt>${label}</dt>\\s*<dd><span class="guide-missing">未提供</span></dd>`),
      )
    expect(res.text).toContain('href="/ysqgk/?care=1"')
    expect(res.text).not.toContain('七、其他说明')
  })

  it('redirects /xxgk/zn/ to /xxgk/zn', async () => {
    const res = await get(s, '/xxgk/zn/', www)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/xxgk/zn')
  })
})

describe('validity on the document’s own page', () => {
  it('marks a repealed document and links to what replaced it', async () => {
    const res = await get(s, `/tzgg/${doc.c.id}.html`, www)
    expect(res.status).toBe(200)
    expect(res.text).toContain('<strong>有效性：已废止。</strong>本文件已于 2020-06-01 废止。')
    expect(res.text).toContain(
      `<a href="/tzgg/${doc.b.id}.html">查看现行文件：测试甲管理办法（2020年修订）</a>`,
    )
    expect(res.text).toContain('<span>有效性：已废止（2020-06-01废止）</span>')
    expect(res.text).toContain('<span>体裁分类：测试体裁·办法</span>')
    expect(res.text).not.toContain('主题分类：')
  })

  it('links across sites, keeping care mode', async () => {
    const res = await get(s, `/tzgg/${doc.dept.id}.html?care=1`, fgw)
    expect(res.text).toContain(
      `<a href="http://www.localhost:${s.port}/tzgg/${doc.a.id}.html?care=1">查看现行文件：测试甲关于优化营商环境的通知</a>`,
    )
  })

  it('names an unpublished replacement without linking to it', async () => {
    const res = await get(s, `/tzgg/${doc.k.id}.html`, www)
    expect(res.text).toContain('<strong>有效性：已修改。</strong>本文件已于 2020-01-10 修改。')
    expect(res.text).toContain('现行文件：测试甲修订稿（未发布）')
    expect(res.text).not.toContain(`/${doc.draftRevision.id}.html`)
    expect(res.text).not.toContain('查看现行文件')
  })

  it('shows a document in force, with its classification, and no notice', async () => {
    const res = await get(s, `/tzgg/${doc.a.id}.html`, www)
    expect(res.text).toContain('<span>有效性：现行有效</span>')
    expect(res.text).toContain('<span>主题分类：测试主题·经济</span>')
    expect(res.text).toContain('<span>体裁分类：测试体裁·通知</span>')
    expect(res.text).not.toContain('notice-validity')
  })
})
