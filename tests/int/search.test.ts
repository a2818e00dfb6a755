// Search on a real database (SQLite FTS5, or PostgreSQL full text with TEST_DB=postgres) over the
// demo platform: a recall set of Chinese queries with the documents each must find, then what
// the index follows — publish, withdraw, unpublish, delete, letters (masked), a site closed —
// synonyms from the platform settings, zero-result words, and a rebuild.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../../src/seed/lexical'
import {
  type Id,
  makeArticle,
  makeColumn,
  makeUser,
  moveArticle,
  publishNow,
} from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'

type SearchModule = typeof import('../../src/services/search')
type Domain = typeof import('../../src/domain/search')
let runSearch: SearchModule['runSearch']
let recordMiss: SearchModule['recordMiss']
let parseSearchQuery: Domain['parseSearchQuery']

let t: Started
let payload: Payload
const sites = new Map<string, Id>()

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  ;({ runSearch, recordMiss } = await import('../../src/services/search'))
  ;({ parseSearchQuery } = await import('../../src/domain/search'))
  const { seedDemo } = await import('../../src/seed')
  await seedDemo(payload, { now: new Date('2026-12-01T02:00:00Z') })
  const all = await payload.find({ collection: 'sites', limit: 0, depth: 0, overrideAccess: true })
  for (const s of all.docs as { id: Id; slug: string }[]) sites.set(s.slug, s.id)
  // Words inside longer words: the demo holds no 安装简单, so one item says it.
  const column = (await makeColumn(payload, sites.get('www')!, { name: '便民服务' })).id
  await makeArticle(payload, {
    site: sites.get('www')!,
    column,
    title: '社区自助服务终端上线',
    body: paragraphsToLexical(['终端安装简单、操作方便，居民可自助打印社保缴费证明。']),
  })
}, 180_000)

afterAll(async () => t?.stop())

type Found = {
  total: number
  titles: string[]
  kinds: string[]
  refs: string[]
  snippets: string[]
}

/** Every result of a query over all sites (or `raw`'s scope), page by page. */
async function search(q: string, raw: Record<string, unknown> = {}, scope?: Id[]): Promise<Found> {
  const query = parseSearchQuery(
    { q, ...raw },
    { defaultScope: 'all', knownSites: [...sites.keys()] },
  )
  expect(query.errors).toEqual([])
  const ids =
    scope ??
    (query.scope === 'chosen' ? query.sites.map((s) => sites.get(s)!) : [...sites.values()])
  const out: Found = { total: 0, titles: [], kinds: [], refs: [], snippets: [] }
  for (let page = 1; page <= 20; page++) {
    const a = await runSearch(payload, { ...query, page }, ids)
    out.total = a.total
    for (const h of a.hits) {
      out.titles.push(h.title)
      out.kinds.push(h.kind)
      out.refs.push(h.ref)
      out.snippets.push(h.body)
    }
    if (out.titles.length >= a.total || !a.hits.length) break
  }
  return out
}

// [query, titles (parts) it must find, titles it must not find]
const RECALL: [string, string[], string[]?][] = [
  // Words inside longer words
  ['简单', ['社区自助服务终端上线']],
  ['安装简单', ['社区自助服务终端上线']],
  ['小区', ['老旧小区改造项目申报', '老旧小区改造工作实施方案', '解读城镇老旧小区改造政策']],
  ['营商', ['优化营商环境若干措施']],
  ['银发', ['加快发展银发经济']],
  ['城镇化', ['推进新型城镇化建设实施方案']],
  ['卒中', ['快速识别脑卒中']],
  ['胸痛', ['胸痛中心通过国家标准版认证']],
  ['传染病', ['法定传染病疫情概况', '传染病防控工作']],
  ['学业水平', ['普通高中学业水平考试报名工作的通知', '部署2027年普通高中学业水平考试报名']],
  // Two-character and one-character terms
  ['疫苗', ['流感疫苗接种工作']],
  ['校服', ['中小学生校服采购选用']],
  ['遴选', ['公开遴选公务员公告']],
  ['听证', ['天然气销售价格调整听证会']],
  ['绿道', ['江滨绿道全线开放']],
  ['义诊', ['“健康青川”义诊活动']],
  ['粮', ['全国粮食安全宣传周']],
  ['税', ['财政预算执行情况']],
  // Phrases and several words
  ['交通管制', ['实施交通管制的通告']],
  ['历史建筑', ['第二批历史建筑名单']],
  ['定价目录', ['青川市定价目录']],
  ['课后服务', ['中小学课后服务管理办法']],
  ['体质健康', ['体质健康管理工作的通知']],
  ['丰收节', ['农民丰收节']],
  ['民生实事', ['民生实事候选项目']],
  ['常务会议', ['第42次常务会议']],
  ['重点企业 研发机构', ['重点企业研发机构认定']],
  ['迎峰度冬 能源保供', ['迎峰度冬能源保供工作的通知', '迎峰度冬能源保供专项检查']],
  ['医疗机构 校验', ['医疗机构校验工作']],
  // Full-width and half-width digits and letters
  ['１１９', ['“119”消防宣传月']],
  ['119', ['“119”消防宣传月']],
  ['第４２次', ['第42次常务会议']],
  ['ＢＥ ＦＡＳＴ', ['快速识别脑卒中']],
  ['be fast', ['快速识别脑卒中']],
  // Traditional characters for simplified text
  ['政策解讀', ['政策解读']],
  ['醫療機構', ['医疗机构校验工作', '医疗机构消防安全专项检查']],
  ['義務教育', ['义务教育阶段学校招生入学政策问答']],
  ['傳染病', ['法定传染病疫情概况']],
  ['營商環境', ['优化营商环境若干措施']],
  // Document numbers typed with the wrong brackets, index numbers
  ['青政发[2026]21号', ['优化营商环境若干措施'], ['银发经济']],
  ['青政办发(2026)37号', ['加快发展银发经济'], ['优化营商环境若干措施']],
  ['青卫健规【2026】1号', ['依法执业自查管理办法']],
  ['青教发（2026）09号', ['义务教育阶段学校招生入学工作实施意见']],
  ['11339900MB1A52318R/2026-00011', ['政府投资项目管理办法实施细则》的通知'], ['政策解读']],
  // Published letters, in their public form
  ['停车难', ['反映医院停车难问题']],
  ['划片', ['咨询小学入学划片范围']],
]

describe('recall: the demo platform', () => {
  it(`has at least 40 queries`, () => expect(RECALL.length).toBeGreaterThanOrEqual(40))

  it.each(RECALL)('%s', async (q, must, mustNot = []) => {
    const found = await search(q)
    for (const title of must)
      expect(
        found.titles.some((x) => x.includes(title)),
        `${q} → ${title} (found: ${found.titles.join(' / ')})`,
      ).toBe(true)
    for (const title of mustNot) expect(found.titles.some((x) => x.includes(title))).toBe(false)
  })

  it('finds nothing of drafts, submitted items or unpublished letters', async () => {
    expect((await search('待审稿件')).total).toBe(0)
    expect((await search('送审稿')).total).toBe(0)
    // Letters whose writers did not consent, or that were not published, are not findable.
    const letters = await payload.find({
      collection: 'letters',
      where: { published: { not_equals: true } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    const hidden = new Set(letters.docs.map((l) => `letter:${l.id}`))
    for (const q of ['停车难', '划片', '课后服务', '儿科', '培训机构', '夜间无人值守'])
      expect((await search(q)).refs.filter((r) => hidden.has(r))).toEqual([])
  })

  it('ranks a title hit above a text hit, and orders by date on request', async () => {
    const byRelevance = await search('银发经济')
    expect(byRelevance.titles[0]).toContain('银发经济')
    const byDate = await search('通知', { sort: 'date' })
    expect(byDate.total).toBeGreaterThan(10)
  })

  it('filters by type, site, column and date', async () => {
    const files = await search('通知', { type: 'file' })
    expect(files.total).toBeGreaterThan(0)
    expect(new Set(files.kinds)).toEqual(new Set(['file']))
    const interpretations = await search('政策', { type: 'interpretation' })
    expect(interpretations.titles).toContain('《青川市政府投资项目管理办法实施细则》政策解读')
    expect(new Set(interpretations.kinds)).toEqual(new Set(['interpretation']))
    const letters = await search('门诊', { type: 'letter' })
    expect(letters.total).toBeGreaterThan(0)
    expect(new Set(letters.kinds)).toEqual(new Set(['letter']))

    const jyj = await search('工作', { site: 'jyj' })
    const everywhere = await search('工作')
    expect(jyj.total).toBeGreaterThan(0)
    expect(jyj.total).toBeLessThan(everywhere.total)
    const jyjRefs = new Set(
      (
        await payload.find({
          collection: 'articles',
          where: { site: { equals: sites.get('jyj') } },
          limit: 0,
          depth: 0,
          overrideAccess: true,
        })
      ).docs.map((a) => `article:${a.id}`),
    )
    expect(jyj.refs.filter((r) => r.startsWith('article:')).every((r) => jyjRefs.has(r))).toBe(true)

    const none = await search('工作', { from: '2000-01-01', to: '2000-12-31' })
    expect(none.total).toBe(0)
    const col = await payload.find({
      collection: 'columns',
      where: { and: [{ site: { equals: sites.get('www') } }, { name: { equals: '便民服务' } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const inColumn = await search('终端', { column: String(col.docs[0].id), site: 'www' })
    expect(inColumn.titles).toEqual(['社区自助服务终端上线'])
    expect((await search('通知', { column: String(col.docs[0].id), site: 'www' })).total).toBe(0)
  })
})

describe('the index follows every change', () => {
  let site: Id
  let column: Id
  let admin: Awaited<ReturnType<typeof makeUser>>

  beforeAll(async () => {
    site = sites.get('fgw')!
    column = (await makeColumn(payload, site, { name: '索引测试' })).id
    admin = await makeUser(payload, { sites: [{ site, roles: ['site-admin'] }] })
  })

  it('publish → findable; withdraw, unpublish, delete → nothing of it stays findable', async () => {
    const a = await makeArticle(payload, {
      site,
      column,
      status: 'draft',
      title: '关于开展鹭鸶湾湿地保护巡查的通知',
      body: paragraphsToLexical(['鹭鸶湾湿地保护区巡查工作安排如下。']),
    })
    expect((await search('鹭鸶湾')).total).toBe(0)
    await publishNow(payload, a.id)
    expect((await search('鹭鸶湾')).titles).toEqual(['关于开展鹭鸶湾湿地保护巡查的通知'])
    // A changed title is what is found.
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { title: '关于开展翠屏湖湿地保护巡查的通知' },
      overrideAccess: true,
      context: { seeding: true },
    })
    expect((await search('翠屏湖')).total).toBe(1)
    expect((await search('鹭鸶湾')).titles).toEqual(['关于开展翠屏湖湿地保护巡查的通知'])

    await moveArticle(payload, a.id, admin, 'withdrawn', { workflowReason: '内容需要更新' })
    expect((await search('翠屏湖')).total).toBe(0)
    expect((await search('鹭鸶湾')).total).toBe(0)

    const b = await makeArticle(payload, { site, column, title: '石榴街夜市管理办法' })
    expect((await search('石榴街')).total).toBe(1)
    await moveArticle(payload, b.id, admin, 'unpublished', { workflowReason: '已被新办法替代' })
    expect((await search('石榴街')).total).toBe(0)

    const c = await makeArticle(payload, { site, column, title: '枇杷节活动安排' })
    expect((await search('枇杷节')).total).toBe(1)
    await payload.delete({ collection: 'articles', id: c.id, overrideAccess: true })
    expect((await search('枇杷节')).total).toBe(0)
  })

  it('a letter is findable only published, and only in its masked form', async () => {
    const mailbox = await payload.find({
      collection: 'mailboxes',
      where: { site: { equals: sites.get('wjw') } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const letter = await payload.find({
      collection: 'letters',
      where: {
        and: [
          { mailbox: { equals: mailbox.docs[0].id } },
          { published: { equals: true } },
          { status: { equals: 'closed' } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const l = letter.docs[0] as { id: Id; writerName: string }
    await payload.update({
      collection: 'letters',
      id: l.id,
      data: {
        content: `我是${l.writerName}，手机13912345678，反映桂花巷路灯不亮的问题。`,
      } as never,
      overrideAccess: true,
      context: { seeding: true },
    })
    const found = await search('桂花巷')
    expect(found.refs).toEqual([`letter:${l.id}`])
    expect(found.snippets[0]).not.toContain(l.writerName)
    expect(found.snippets[0]).not.toContain('13912345678')
    expect((await search(l.writerName)).refs).not.toContain(`letter:${l.id}`)
    expect((await search('13912345678')).total).toBe(0)

    await payload.update({
      collection: 'letters',
      id: l.id,
      data: { published: false } as never,
      overrideAccess: true,
      context: { seeding: true },
    })
    expect((await search('桂花巷')).total).toBe(0)
  })

  it('a closed site’s items leave the index; reopened, they come back', async () => {
    const wjw = sites.get('wjw')!
    const before = (await search('流感', {}, [wjw])).total
    expect(before).toBeGreaterThan(0)
    await payload.update({
      collection: 'sites',
      id: wjw,
      data: { status: 'closed' } as never,
      overrideAccess: true,
    })
    expect((await search('流感', {}, [wjw])).total).toBe(0)
    await payload.update({
      collection: 'sites',
      id: wjw,
      data: { status: 'active' } as never,
      overrideAccess: true,
    })
    expect((await search('流感', {}, [wjw])).total).toBe(before)
  })
})

describe('synonyms, misses and a rebuild', () => {
  it('the platform’s synonym list widens a query at once', async () => {
    expect((await search('社保卡')).total).toBe(0)
    const before = await search('参保')
    await payload.updateGlobal({
      slug: 'platform-settings',
      data: { searchSynonyms: '参保 社保卡' } as never,
      overrideAccess: true,
    })
    const widened = await search('社保卡')
    expect(widened.total).toBe(before.total)
    expect(widened.titles).toEqual(expect.arrayContaining(before.titles))
    const refused = await payload
      .updateGlobal({
        slug: 'platform-settings',
        data: { searchSynonyms: '孤词' } as never,
        overrideAccess: true,
      })
      .then(
        () => null,
        (err: { data?: { errors?: { path: string; message: string }[] } }) => err.data?.errors,
      )
    expect(refused).toEqual([
      {
        path: 'searchSynonyms',
        label: '搜索同义词',
        message: '第 1 行只有一个词“孤词”：同义词至少两个',
      },
    ])
  })

  it('counts a query that found nothing, per site and word, keeping the words only', async () => {
    const www = sites.get('www')!
    await recordMiss(payload, www, '  无人机  管理 ')
    await recordMiss(payload, www, '无人机 管理')
    await recordMiss(payload, www, '無人機 管理')
    await recordMiss(payload, sites.get('fgw')!, '无人机 管理')
    const rows = await payload.find({
      collection: 'search-misses',
      where: { query: { equals: '无人机 管理' } },
      depth: 0,
      overrideAccess: true,
    })
    const counts = Object.fromEntries(
      rows.docs.map((r) => [
        String((r as unknown as { site: Id }).site),
        (r as unknown as { count: number }).count,
      ]),
    )
    expect(counts).toEqual({ [String(www)]: 3, [String(sites.get('fgw'))]: 1 })
    expect(Object.keys(rows.docs[0]).sort()).toEqual(
      ['count', 'createdAt', 'id', 'key', 'lastAt', 'query', 'site', 'updatedAt'].sort(),
    )
  })

  it('a rebuild gives the same answers', async () => {
    const { reindexAll } = await import('../../src/services/search-index')
    const before = await search('项目')
    const { entries } = await reindexAll(payload)
    expect(entries).toBeGreaterThan(90)
    const after = await search('项目')
    expect(after.refs.sort()).toEqual(before.refs.sort())
  })
})
