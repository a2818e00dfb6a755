// /xxgk/nb/: the annual disclosure report on a seeded site over HTTP — the page with its six
// sections and tables, the index, 404 for a year not published, CSV and XLSX downloads, and
// nothing of any applicant on any of them.

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Id } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'
import { send } from '../helpers/visitor'

let s: TestServer
const fgw = { host: 'fgw.localhost' }
const jyj = { host: 'jyj.localhost' }
let fgwId: Id
let jyjId: Id
const thisYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  ),
)

const day = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString()

async function siteId(slug: string): Promise<Id> {
  const res = await s.payload.find({
    collection: 'sites',
    where: { slug: { equals: slug } },
    overrideAccess: true,
  })
  return res.docs[0].id
}

async function request(
  site: Id,
  r: { kind: string; name: string; received: string; answered?: string; outcome?: string },
) {
  const doc = await s.payload.create({
    collection: 'disclosure-requests',
    data: {
      site,
      channel: 'letter',
      applicantKind: r.kind,
      applicantName: r.name,
      idType: 'other',
      idNumber: 'X-0001',
      phone: '13711112222',
      email: 'secret.applicant@example.com',
      address: '青川市北城区幸福路 9 号',
      description: '申请公开某项目的批复文件。',
      formWanted: 'electronic',
      delivery: 'email',
      receivedAt: day(r.received),
    },
    overrideAccess: true,
  })
  if (r.answered)
    await s.payload.db.updateOne({
      collection: 'disclosure-requests',
      id: doc.id,
      data: { status: 'answered', outcome: r.outcome, answeredAt: day(r.answered) },
    })
  return doc
}

async function report(site: Id, year: number, published: boolean, extra = {}) {
  await s.payload.create({
    collection: 'annual-reports',
    data: {
      site,
      year,
      section1: `${year}年，本机关坚持以公开为常态。\n全年办理申请若干件。`,
      section5: '主要问题：公开质量有待提升。',
      section6: '无其他需要报告的事项。',
      licensing: 7,
      published,
      ...extra,
    },
    overrideAccess: true,
  })
}

/** Every tracking code and applicant detail of the site: none may appear publicly. */
async function secretsOf(site: Id): Promise<string[]> {
  const res = await s.payload.find({
    collection: 'disclosure-requests',
    where: { site: { equals: site } },
    limit: 500,
    overrideAccess: true,
    context: { noViewAudit: true },
    select: { trackingCode: true, applicantName: true, phone: true, email: true, idNumber: true },
  })
  return (res.docs as unknown as Record<string, string | null>[]).flatMap((d) =>
    [d.trackingCode, d.applicantName, d.phone, d.email, d.idNumber].filter(
      (v): v is string => typeof v === 'string' && v.length > 3,
    ),
  )
}

const getBytes = (path: string, host: string) => send({ port: s.port, path, headers: { host } })

/** The figures of a table row, after its last label cell. */
function figuresAfter(html: string, label: string): string[] {
  const at = html.indexOf(`>${label}</th>`)
  if (at < 0) throw new Error(`no row “${label}”`)
  const rest = html.slice(at).split('</tr>')[0]
  return [...rest.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1])
}

beforeAll(async () => {
  s = await startServer({ seed: true })
  fgwId = await siteId('fgw')
  jyjId = await siteId('jyj')
  await request(fgwId, {
    kind: 'natural-person',
    name: '测试申请人甲',
    received: '2024-03-01',
    answered: '2024-03-10',
    outcome: 'disclosed',
  })
  await request(fgwId, {
    kind: 'commercial-enterprise',
    name: '青川市测试贸易有限公司',
    received: '2024-05-01',
    answered: '2024-05-20',
    outcome: 'unavailable-not-held',
  })
  await request(fgwId, {
    kind: 'natural-person',
    name: '测试申请人乙',
    received: '2024-12-25',
    answered: '2025-01-05',
    outcome: 'disclosed',
  })
  await report(fgwId, 2024, true)
  await report(fgwId, 2023, false)
  // A published report of the current year: the seeded requests (with real-looking names,
  // phone numbers and ID numbers) are counted on it.
  await report(fgwId, thisYear, true)
  // On another site, a request recorded as answered before it was received.
  await request(jyjId, {
    kind: 'research-institution',
    name: '青川市测试研究院',
    received: '2025-01-10',
    answered: '2024-12-20',
    outcome: 'disclosed',
  })
  await report(jyjId, 2024, true)
}, 240_000)
afterAll(async () => s?.close())

describe('the report page', () => {
  let html: string
  beforeAll(async () => {
    const res = await get(s, '/xxgk/nb/2024', fgw)
    expect(res.status).toBe(200)
    html = res.text
  })

  it('shows the six sections in order with their official headings', () => {
    const headings = [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ].map((h) => html.indexOf(`>${h}</h2>`))
    expect(headings.every((i) => i > 0)).toBe(true)
    expect([...headings].sort((a, b) => a - b)).toEqual(headings)
    expect(html).toContain(
      '<h1 class="article-title">青川市发展和改革委员会2024年政府信息公开工作年度报告</h1>',
    )
    expect(html).toContain('<p>2024年，本机关坚持以公开为常态。</p>')
    expect(html).toContain('<p>全年办理申请若干件。</p>')
  })

  it('shows table 三 with the right figures per applicant kind and in total', () => {
    expect(figuresAfter(html, '一、本年新收政府信息公开申请数量')).toEqual([
      '2',
      '1',
      '0',
      '0',
      '0',
      '0',
      '3',
    ])
    expect(figuresAfter(html, '二、上年结转政府信息公开申请数量')).toEqual([
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ])
    expect(figuresAfter(html, '（一）予以公开')).toEqual(['1', '0', '0', '0', '0', '0', '1'])
    expect(figuresAfter(html, '1.本机关不掌握相关政府信息')).toEqual([
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
      '1',
    ])
    expect(figuresAfter(html, '（七）总计')).toEqual(['1', '1', '0', '0', '0', '0', '2'])
    expect(figuresAfter(html, '四、结转下年度继续办理')).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
    ])
    expect(html).not.toContain('notice-report-check')
  })

  it('lays the tables out accessibly: captions, scopes, merged headers and headers attributes', () => {
    expect(html).toContain('<caption id="nb-cap-2">收到和处理政府信息公开申请情况统计表')
    expect(html).toContain('<th id="nb-t3-applicants" scope="colgroup" colspan="7">申请人情况</th>')
    expect(html).toContain(
      '<th id="nb-t3-orgs" scope="colgroup" colspan="5" headers="nb-t3-applicants">法人或其他组织</th>',
    )
    expect(html).toMatch(
      /<th id="nb-t3-r2-l0" scope="rowgroup" rowspan="22">三、本年度办理结果<\/th>/,
    )
    expect(html).toContain(
      '<th id="nb-t2-5-licensing" scope="row" headers="nb-t2-5 nb-t2-5-c0">行政许可</th>',
    )
    expect(figuresAfter(html, '行政许可')).toEqual(['7'])
    expect(html).not.toMatch(/style=|<script(?! src)/)
  })

  it('links the CSV and XLSX downloads', () => {
    expect(html).toContain('href="/xxgk/nb/2024.xlsx"')
    expect(html).toContain('href="/xxgk/nb/2024.csv"')
  })

  it('keeps care mode in its links', async () => {
    const res = await get(s, '/xxgk/nb/2024?care=1', fgw)
    expect(res.text).toContain('<html lang="zh-CN" class="care">')
    expect(res.text).toContain('href="/xxgk/nb/?care=1"')
  })

  it('shows nothing of any applicant, nor any tracking code', async () => {
    const secrets = await secretsOf(fgwId)
    expect(secrets.length).toBeGreaterThan(6)
    const current = await get(s, `/xxgk/nb/${thisYear}`, fgw)
    expect(current.status).toBe(200)
    for (const text of [html, current.text]) for (const x of secrets) expect(text).not.toContain(x)
  })

  it('counts the seeded requests on the current year’s report', async () => {
    const seeded = await s.payload.count({
      collection: 'disclosure-requests',
      where: {
        and: [
          { site: { equals: fgwId } },
          { receivedAt: { greater_than_equal: day(`${thisYear}-01-01`) } },
        ],
      },
      overrideAccess: true,
    })
    const current = await get(s, `/xxgk/nb/${thisYear}`, fgw)
    expect(figuresAfter(current.text, '一、本年新收政府信息公开申请数量').at(-1)).toBe(
      String(seeded.totalDocs),
    )
  })
})

describe('the check on the public page', () => {
  it('says the check fails and for how many requests, without naming them', async () => {
    const res = await get(s, '/xxgk/nb/2024', jyj)
    expect(res.status).toBe(200)
    expect(res.text).toContain(
      '经系统校验，表三数据未满足“第一项加第二项之和，等于第三项加第四项之和”的勾稽关系，涉及 1 件申请的数据，本机关正在核实更正。',
    )
    for (const x of await secretsOf(jyjId)) expect(res.text).not.toContain(x)
  })
})

describe('the index and missing years', () => {
  it('lists the published years, newest first, not the unpublished one', async () => {
    const res = await get(s, '/xxgk/nb/', fgw)
    expect(res.status).toBe(200)
    expect(res.text).toContain(`href="/xxgk/nb/${thisYear}"`)
    expect(res.text).toContain('href="/xxgk/nb/2024"')
    expect(res.text).not.toContain('href="/xxgk/nb/2023"')
    expect(res.text.indexOf(`/xxgk/nb/${thisYear}"`)).toBeLessThan(
      res.text.indexOf('/xxgk/nb/2024"'),
    )
    expect(res.text).toContain('青川市发展和改革委员会2024年政府信息公开工作年度报告')
  })

  it('redirects /xxgk/nb to the index', async () => {
    const res = await get(s, '/xxgk/nb', fgw)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/xxgk/nb/')
  })

  it.each([
    '/xxgk/nb/2023',
    '/xxgk/nb/2023.csv',
    '/xxgk/nb/2023.xlsx',
    '/xxgk/nb/2019',
    '/xxgk/nb/abc',
  ])('answers %s with the site’s 404 page', async (path) => {
    const res = await get(s, path, fgw)
    expect(res.status).toBe(404)
    expect(res.text).toContain('页面不存在')
    expect(res.text).toContain('<meta name="SiteName" content="青川市发展和改革委员会">')
  })

  it('does not show one site’s report on another', async () => {
    const res = await get(s, `/xxgk/nb/${thisYear}`, jyj)
    expect(res.status).toBe(404)
  })
})

describe('downloads', () => {
  it('serves the CSV with a BOM, a Chinese file name and the right rows', async () => {
    const res = await getBytes('/xxgk/nb/2024.csv', 'fgw.localhost')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="annual-report-fgw-2024.csv"; filename*=UTF-8''${encodeURIComponent(
        '青川市发展和改革委员会2024年政府信息公开工作年度报告.csv',
      )}`,
    )
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = res.body.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe('青川市发展和改革委员会2024年政府信息公开工作年度报告')
    expect(lines).toContain('一、本年新收政府信息公开申请数量,,,2,1,0,0,0,0,3')
    expect(lines).toContain('三、本年度办理结果,（七）总计,,1,1,0,0,0,0,2')
    expect(lines).toContain('四、结转下年度继续办理,,,1,0,0,0,0,0,1')
    expect(lines).toContain('行政许可,7')
    expect(lines).toContain('表三勾稽关系校验：通过（第一项加第二项之和等于第三项加第四项之和）')
    const text = res.body.toString('utf8')
    for (const x of await secretsOf(fgwId)) expect(text).not.toContain(x)
  })

  it('serves an XLSX that opens, with table 三’s totals', async () => {
    const res = await getBytes('/xxgk/nb/2024.xlsx', 'fgw.localhost')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('青川市发展和改革委员会2024年政府信息公开工作年度报告.xlsx')}`,
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(res.body as unknown as ArrayBuffer)
    const t3 = wb.getWorksheet('三、收到和处理政府信息公开申请情况')!
    expect(t3.getCell('A6').value).toBe('一、本年新收政府信息公开申请数量')
    expect(t3.getCell('J6').value).toBe(3)
    expect(t3.getCell('J29').value).toBe(2)
    expect(t3.getCell('J30').value).toBe(1)
    const text = wb.getWorksheet('一、五、六 文字部分')!
    expect(text.getCell('B2').value).toBe('2024年，本机关坚持以公开为常态。\n全年办理申请若干件。')
  })
})
