// The annual disclosure report computed from a site's real documents and requests: every figure
// of tables 二, 三 and 四, the check, the request that breaks it, and the XLSX laid out as the
// official tables.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Id, TestUser } from '../helpers/fixtures'
import { makeArticle, makeColumn, makeSite, makeUser } from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'

type Service = typeof import('../../src/services/annual-report')
type Xlsx = typeof import('../../src/services/xlsx')

let t: Started
let svc: Service
let xlsx: Xlsx
let site: Id
let otherSite: Id
const YEAR = 2025
const codes: Record<string, string> = {}
const ids: Record<string, Id> = {}

/** A Beijing date as the date fields store it (that day's Beijing midnight). */
const day = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString()

async function policy(
  name: string,
  over: {
    kind: 'rule' | 'normative' | null
    state?: string
    formed: string
    validity?: string
    changedOn?: string
    changedBy?: string
    onSite?: Id
  },
) {
  const on = over.onSite ?? site
  const column = (await makeColumn(t.payload, on)).id
  const doc = await makeArticle(t.payload, {
    site: on,
    column,
    status: over.state ?? 'published',
    title: `文件${name}`,
    documentKind: over.kind,
    dateFormed: day(over.formed),
    validity: over.validity ?? (over.kind ? 'in-force' : undefined),
    validityChangedOn: over.changedOn ? day(over.changedOn) : undefined,
    validityChangedBy: over.changedBy ? ids[over.changedBy] : undefined,
  })
  ids[name] = doc.id
  return doc
}

/** A request as the form or a handler registers it, then answered on a past day. */
async function request(
  name: string,
  r: {
    kind: string
    received: string
    answered?: string
    outcome?: string
    status?: string
    appeals?: { kind: string; filedAt: string; decidedAt?: string; result?: string }[]
    onSite?: Id
  },
) {
  const created = await t.payload.create({
    collection: 'disclosure-requests',
    data: {
      site: r.onSite ?? site,
      channel: 'letter',
      applicantKind: r.kind,
      applicantName: `申请人${name}`,
      idType: 'other',
      idNumber: `ID-${name}`,
      phone: '13800001234',
      description: `申请公开${name}相关信息`,
      formWanted: 'electronic',
      delivery: 'email',
      email: `a-${name.toLowerCase()}@example.com`,
      receivedAt: day(r.received),
    },
    overrideAccess: true,
    context: { seeding: true },
  })
  // Answers are dated by the step that records them (today); a past year's answers are set
  // straight in the database, as they stand after years of handling.
  if (r.answered || r.status) {
    await t.payload.db.updateOne({
      collection: 'disclosure-requests',
      id: created.id,
      data: {
        status: r.status ?? 'answered',
        outcome: r.outcome ?? null,
        answeredAt: r.answered ? day(r.answered) : null,
      },
    })
  }
  if (r.appeals) {
    await t.payload.update({
      collection: 'disclosure-requests',
      id: created.id,
      data: {
        appeals: r.appeals.map((a) => ({
          ...a,
          filedAt: day(a.filedAt),
          decidedAt: a.decidedAt ? day(a.decidedAt) : null,
        })),
      },
      overrideAccess: true,
      context: { seeding: true },
    })
  }
  codes[name] = created.trackingCode as string
  ids[name] = created.id
  return created
}

beforeAll(async () => {
  t = await startPayload()
  svc = await import('../../src/services/annual-report')
  xlsx = await import('../../src/services/xlsx')
  site = (await makeSite(t.payload, { name: '青川市测试局网站', orgName: '青川市测试局' })).id
  otherSite = (await makeSite(t.payload)).id

  // Table 二.
  await policy('R1', { kind: 'rule', formed: '2025-03-10' })
  await policy('R2', {
    kind: 'rule',
    formed: '2020-05-01',
    validity: 'repealed',
    changedOn: '2025-06-30',
    changedBy: 'R1',
  })
  await policy('N1', { kind: 'normative', formed: '2024-02-01' })
  await policy('N2', { kind: 'normative', formed: '2025-07-01' })
  await policy('N3', {
    kind: 'normative',
    state: 'withdrawn',
    formed: '2025-08-01',
    validity: 'amended',
    changedOn: '2025-10-01',
    changedBy: 'N2',
  })
  await policy('N4', {
    kind: 'normative',
    formed: '2019-01-01',
    validity: 'expired',
    changedOn: '2025-09-30',
  })
  await policy('N5', { kind: 'normative', state: 'draft', formed: '2025-05-01' })
  await policy('N6', { kind: 'normative', formed: '2026-01-05' })
  await policy('N7', {
    kind: 'normative',
    state: 'unpublished',
    formed: '2023-01-01',
    validity: 'repealed',
    changedOn: '2026-03-01',
    changedBy: 'N2',
  })
  await policy('X1', { kind: 'normative', formed: '2025-04-01', onSite: otherSite })
  await policy('P1', { kind: null, formed: '2025-04-01' })

  // Table 三 (and 四 through appeals).
  await request('A', {
    kind: 'natural-person',
    received: '2024-12-20',
    answered: '2025-01-10',
    outcome: 'disclosed',
    appeals: [{ kind: 'review', filedAt: '2025-02-10', decidedAt: '2025-04-01', result: 'upheld' }],
  })
  await request('B', {
    kind: 'commercial-enterprise',
    received: '2024-11-05',
    answered: '2025-02-01',
    outcome: 'withheld-state-secret',
    appeals: [
      { kind: 'review', filedAt: '2025-03-01', decidedAt: '2025-05-01', result: 'corrected' },
      { kind: 'suit-after-review', filedAt: '2025-06-01' },
    ],
  })
  await request('C', {
    kind: 'natural-person',
    received: '2024-12-30',
    answered: '2024-12-31',
    outcome: 'disclosed',
    appeals: [
      { kind: 'suit-direct', filedAt: '2025-01-15', decidedAt: '2025-11-01', result: 'other' },
    ],
  })
  await request('D', {
    kind: 'natural-person',
    received: '2025-03-01',
    answered: '2025-03-20',
    outcome: 'disclosed',
    appeals: [
      { kind: 'suit-direct', filedAt: '2025-10-01', decidedAt: '2026-02-01', result: 'upheld' },
    ],
  })
  await request('E', {
    kind: 'natural-person',
    received: '2025-04-01',
    answered: '2025-04-25',
    outcome: 'partly-disclosed',
    appeals: [{ kind: 'review', filedAt: '2024-12-01', decidedAt: '2025-01-20', result: 'upheld' }],
  })
  await request('F', {
    kind: 'research-institution',
    received: '2025-05-10',
    answered: '2025-06-01',
    outcome: 'unavailable-not-held',
  })
  await request('G', {
    kind: 'public-welfare-organisation',
    received: '2025-06-01',
    answered: '2025-06-20',
    outcome: 'not-processed-duplicate',
  })
  await request('H', {
    kind: 'legal-service-agency',
    received: '2025-07-01',
    answered: '2025-07-30',
    outcome: 'other-no-correction',
    status: 'closed',
  })
  await request('I', {
    kind: 'other-organisation',
    received: '2025-08-01',
    answered: '2025-08-15',
    outcome: 'withheld-process-information',
  })
  await request('J', {
    kind: 'natural-person',
    received: '2025-12-15',
    answered: '2026-01-10',
    outcome: 'disclosed',
  })
  await request('K', { kind: 'commercial-enterprise', received: '2025-12-20' })
  await request('L', { kind: 'natural-person', received: '2026-02-01' })
  await request('X', {
    kind: 'natural-person',
    received: '2025-03-01',
    answered: '2025-03-05',
    outcome: 'disclosed',
    onSite: otherSite,
  })

  await t.payload.create({
    collection: 'annual-reports',
    data: {
      site,
      year: YEAR,
      section1: '本机关认真贯彻《中华人民共和国政府信息公开条例》。\n全年主动公开信息 120 条。',
      section5: '存在的问题：公开栏目更新不够及时。',
      section6: '本年度未收取信息处理费。',
      licensing: 120,
      penalty: 35,
      feesWanYuan: 1.5,
    },
    overrideAccess: true,
  })
}, 180_000)

afterAll(async () => {
  const { auditSettled } = await import('../../src/services/audit')
  await auditSettled()
  await t?.stop()
})

const row = (np: number, ce: number, ri: number, pwo: number, lsa: number, oo: number) => ({
  'natural-person': np,
  'commercial-enterprise': ce,
  'research-institution': ri,
  'public-welfare-organisation': pwo,
  'legal-service-agency': lsa,
  'other-organisation': oo,
  total: np + ce + ri + pwo + lsa + oo,
})
const zero = row(0, 0, 0, 0, 0, 0)

describe('the report of a site and year, from its data', () => {
  let report: Awaited<ReturnType<Service['buildAnnualReport']>>
  beforeAll(async () => {
    report = await svc.buildAnnualReport(t.payload, { siteId: site, year: YEAR })
  })

  it('names the site and takes sections 一, 五 and 六 from the report document', () => {
    expect(report.site).toMatchObject({ name: '青川市测试局网站', orgName: '青川市测试局' })
    expect(svc.reportTitle(report)).toBe('青川市测试局2025年政府信息公开工作年度报告')
    expect(report.sections).toEqual({
      section1: '本机关认真贯彻《中华人民共和国政府信息公开条例》。\n全年主动公开信息 120 条。',
      section5: '存在的问题：公开栏目更新不够及时。',
      section6: '本年度未收取信息处理费。',
    })
    expect(report.document?.published).toBe(false)
  })

  it('counts rules and normative documents issued (signed, whatever the page state), repealed and in force', () => {
    expect(report.table2.rule).toEqual({ issued: 1, repealed: 1, inForce: 1 })
    // N2 and the withdrawn, amended N3 issued; N1, N2, N3 and N7 (repealed only in 2026) in force;
    // N4 lapsed (失效, not 废止); N5 a draft, N6 formed in 2026, X1 another site's.
    expect(report.table2.normative).toEqual({ issued: 2, repealed: 0, inForce: 4 })
  })

  it('takes the figures of other systems from the document and leaves an unsupplied one blank', () => {
    expect(report.table2).toMatchObject({
      licensing: 120,
      penalty: 35,
      coercion: null,
      feesWanYuan: 1.5,
    })
  })

  it('counts every row of table 三 by applicant kind', () => {
    const r = report.table3.rows
    expect(r.received).toEqual(row(3, 1, 1, 1, 1, 1))
    expect(r.carriedIn).toEqual(row(1, 1, 0, 0, 0, 0))
    expect(r.disclosed).toEqual(row(2, 0, 0, 0, 0, 0))
    expect(r['partly-disclosed']).toEqual(row(1, 0, 0, 0, 0, 0))
    expect(r['withheld-state-secret']).toEqual(row(0, 1, 0, 0, 0, 0))
    expect(r['withheld-process-information']).toEqual(row(0, 0, 0, 0, 0, 1))
    expect(r['unavailable-not-held']).toEqual(row(0, 0, 1, 0, 0, 0))
    expect(r['not-processed-duplicate']).toEqual(row(0, 0, 0, 1, 0, 0))
    expect(r['other-no-correction']).toEqual(row(0, 0, 0, 0, 1, 0))
    expect(r.closedTotal).toEqual(row(3, 1, 1, 1, 1, 1))
    expect(r.carriedOver).toEqual(row(1, 1, 0, 0, 0, 0))
    const counted = new Set([
      'received',
      'carriedIn',
      'disclosed',
      'partly-disclosed',
      'withheld-state-secret',
      'withheld-process-information',
      'unavailable-not-held',
      'not-processed-duplicate',
      'other-no-correction',
      'closedTotal',
      'carriedOver',
    ])
    for (const [key, value] of Object.entries(r)) if (!counted.has(key)) expect(value).toEqual(zero)
  })

  it('passes the check 一 + 二 = 三（七） + 四', () => {
    expect(report.check).toEqual({ ok: true, brokenColumns: [], problems: [], offendingCount: 0 })
    expect(report.offendingRequests).toEqual([])
    expect(svc.checkLines(report)).toEqual([
      '表三勾稽关系校验：通过（第一项加第二项之和等于第三项加第四项之和）',
    ])
  })

  it('counts reviews and suits filed in the year by their result at the year end', () => {
    expect(report.table4.review).toEqual({
      upheld: 1,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 2,
    })
    expect(report.table4.suitDirect).toEqual({
      upheld: 0,
      corrected: 0,
      other: 1,
      pending: 1,
      total: 2,
    })
    expect(report.table4.suitAfterReview).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    })
  })

  it('carries no personal data or tracking codes in the public form', () => {
    const text = JSON.stringify(svc.publicReport(report))
    for (const name of Object.keys(codes)) {
      expect(text).not.toContain(codes[name])
      expect(text).not.toContain(`申请人${name}`)
    }
    expect(text).not.toMatch(/13800001234|@example\.com|ID-/)
  })

  it('writes one CSV with the three tables, a BOM and CRLF lines', () => {
    const csv = svc.reportCsv(svc.publicReport(report))
    expect(csv.startsWith('\uFEFF青川市测试局2025年政府信息公开工作年度报告\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toContain('二、主动公开政府信息情况')
    expect(lines).toContain('规章,1,1,1')
    expect(lines).toContain('行政规范性文件,2,0,4')
    expect(lines).toContain('行政强制,')
    expect(lines).toContain('行政事业性收费,1.5')
    expect(lines).toContain('一、本年新收政府信息公开申请数量,,,3,1,1,1,1,1,8')
    expect(lines).toContain('四、结转下年度继续办理,,,1,1,0,0,0,0,2')
    expect(lines).toContain('1,1,0,0,2,0,0,1,1,2,0,0,0,1,1')
  })
})

describe('the workbook', () => {
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    const report = await svc.buildAnnualReport(t.payload, { siteId: site, year: YEAR })
    const buffer = await xlsx.reportXlsx(svc.publicReport(report))
    wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  })
  const merges = (name: string) =>
    (wb.getWorksheet(name)!.model as unknown as { merges: string[] }).merges

  it('has a sheet per table and one for the written sections', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '一、五、六 文字部分',
    ])
  })

  it('lays out table 二 in its four blocks', () => {
    const s = wb.getWorksheet(xlsx.SHEET_NAMES.二)!
    const v = (ref: string) => s.getCell(ref).value
    expect(v('A1')).toBe('青川市测试局2025年政府信息公开工作年度报告')
    expect(v('A3')).toBe('第二十条第（一）项')
    expect([v('A4'), v('B4'), v('C4'), v('D4')]).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
    ])
    expect([v('A5'), v('B5'), v('C5'), v('D5')]).toEqual(['规章', 1, 1, 1])
    expect([v('A6'), v('B6'), v('C6'), v('D6')]).toEqual(['行政规范性文件', 2, 0, 4])
    expect([v('A9'), v('B9')]).toEqual(['行政许可', 120])
    expect([v('A12'), v('B12')]).toEqual(['行政处罚', 35])
    expect([v('A13'), v('B13')]).toEqual(['行政强制', null])
    expect([v('A15'), v('B15')]).toEqual(['信息内容', '本年收费金额（单位：万元）'])
    expect([v('A16'), v('B16')]).toEqual(['行政事业性收费', 1.5])
    expect(merges(xlsx.SHEET_NAMES.二)).toEqual(
      expect.arrayContaining(['A3:D3', 'B8:D8', 'B9:D9', 'A7:D7', 'B16:D16']),
    )
  })

  it('lays out table 三 with the applicant-kind headers merged as in the official form', () => {
    const s = wb.getWorksheet(xlsx.SHEET_NAMES.三)!
    const v = (ref: string) => s.getCell(ref).value
    expect(v('A3')).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
    expect(v('D3')).toBe('申请人情况')
    expect([v('D4'), v('E4'), v('J4')]).toEqual(['自然人', '法人或其他组织', '总计'])
    expect([v('E5'), v('F5'), v('G5'), v('H5'), v('I5')]).toEqual([
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ])
    expect(merges(xlsx.SHEET_NAMES.三)).toEqual(
      expect.arrayContaining([
        'A3:C5',
        'D3:J3',
        'D4:D5',
        'E4:I4',
        'J4:J5',
        'A6:C6',
        'A7:C7',
        'A8:A29',
        'B8:C8',
        'B10:B17',
        'B18:B20',
        'B21:B25',
        'B26:B28',
        'B29:C29',
        'A30:C30',
      ]),
    )
    const figures = (r: number) => 'DEFGHIJ'.split('').map((c) => v(`${c}${r}`))
    expect(v('A6')).toBe('一、本年新收政府信息公开申请数量')
    expect(figures(6)).toEqual([3, 1, 1, 1, 1, 1, 8])
    expect(v('A7')).toBe('二、上年结转政府信息公开申请数量')
    expect(figures(7)).toEqual([1, 1, 0, 0, 0, 0, 2])
    expect([v('A8'), v('B8')]).toEqual(['三、本年度办理结果', '（一）予以公开'])
    expect(figures(8)).toEqual([2, 0, 0, 0, 0, 0, 2])
    expect([v('B10'), v('C10')]).toEqual(['（三）不予公开', '1.属于国家秘密'])
    expect(figures(10)).toEqual([0, 1, 0, 0, 0, 0, 1])
    expect(v('C26')).toBe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')
    expect(figures(26)).toEqual([0, 0, 0, 0, 1, 0, 1])
    expect(v('B29')).toBe('（七）总计')
    expect(figures(29)).toEqual([3, 1, 1, 1, 1, 1, 8])
    expect(v('A30')).toBe('四、结转下年度继续办理')
    expect(figures(30)).toEqual([1, 1, 0, 0, 0, 0, 2])
  })

  it('lays out table 四 with 行政复议 and the two kinds of 行政诉讼', () => {
    const s = wb.getWorksheet(xlsx.SHEET_NAMES.四)!
    const v = (ref: string) => s.getCell(ref).value
    expect([v('A3'), v('F3'), v('F4'), v('K4')]).toEqual([
      '行政复议',
      '行政诉讼',
      '未经复议直接起诉',
      '复议后起诉',
    ])
    expect([v('A4'), v('E4'), v('F5'), v('O5')]).toEqual(['结果维持', '总计', '结果维持', '总计'])
    expect(merges(xlsx.SHEET_NAMES.四)).toEqual(
      expect.arrayContaining(['A3:E3', 'F3:O3', 'A4:A5', 'E4:E5', 'F4:J4', 'K4:O4']),
    )
    const figures = 'ABCDEFGHIJKLMNO'.split('').map((c) => v(`${c}6`))
    expect(figures).toEqual([1, 1, 0, 0, 2, 0, 0, 1, 1, 2, 0, 0, 0, 1, 1])
  })

  it('puts sections 一, 五 and 六 on their own sheet', () => {
    const s = wb.getWorksheet(xlsx.SHEET_NAMES.text)!
    expect(s.getCell('A2').value).toBe('一、总体情况')
    expect(s.getCell('B2').value).toBe(
      '本机关认真贯彻《中华人民共和国政府信息公开条例》。\n全年主动公开信息 120 条。',
    )
    expect(s.getCell('A6').value).toBe('五、存在的主要问题及改进情况')
    expect(s.getCell('B7').value).toBe('本年度未收取信息处理费。')
  })
})

describe('a request that breaks the check', () => {
  it('is named by its tracking code for staff, and only counted for the public', async () => {
    // Received in January 2026 but recorded as answered in December 2025: counted among the
    // year's results though it was never received in the year.
    await request('M', {
      kind: 'natural-person',
      received: '2026-01-05',
      answered: '2025-12-28',
      outcome: 'disclosed',
    })
    const report = await svc.buildAnnualReport(t.payload, { siteId: site, year: YEAR })
    expect(report.table3.rows.disclosed['natural-person']).toBe(3)
    expect(report.check.ok).toBe(false)
    expect(report.check.offendingCount).toBe(1)
    expect(report.check.brokenColumns).toEqual([
      '“自然人”列：本年新收与上年结转之和为 4，办理结果总计与结转下年度之和为 5，两者不等',
      '“总计”列：本年新收与上年结转之和为 10，办理结果总计与结转下年度之和为 11，两者不等',
    ])
    expect(report.offendingRequests).toEqual([
      {
        code: codes.M,
        reason: `申请 ${codes.M}的办结日期 2025-12-28 早于收到日期 2026-01-05`,
      },
    ])
    expect(svc.checkLines(report)).toContain(
      `${codes.M}：申请 ${codes.M}的办结日期 2025-12-28 早于收到日期 2026-01-05`,
    )
    const pub = svc.publicReport(report)
    expect(JSON.stringify(pub)).not.toContain(codes.M)
    expect(svc.reportCsv(pub)).not.toContain(codes.M)
    expect(svc.reportCsv(pub)).toContain('表三勾稽关系校验：未通过，涉及 1 件申请的数据需要核实')
    expect(svc.reportCsv(report)).toContain(codes.M)
    await t.payload.db.updateOne({
      collection: 'disclosure-requests',
      id: ids.M,
      data: { answeredAt: day('2026-01-20') },
    })
  })

  it('names a request marked answered without an answer date', async () => {
    await request('N', { kind: 'research-institution', received: '2025-09-01', status: 'answered' })
    const report = await svc.buildAnnualReport(t.payload, { siteId: site, year: YEAR })
    // The sums still hold (it is counted as carried over), but the table is wrong.
    expect(report.check.brokenColumns).toEqual([])
    expect(report.check.ok).toBe(false)
    expect(report.offendingRequests).toEqual([
      {
        code: codes.N,
        reason: `申请 ${codes.N} 的状态为已办结，但没有答复日期，被计为结转下年度继续办理`,
      },
    ])
    await t.payload.db.updateOne({
      collection: 'disclosure-requests',
      id: ids.N,
      data: { answeredAt: day('2025-09-10'), outcome: 'disclosed' },
    })
    const fixed = await svc.buildAnnualReport(t.payload, { siteId: site, year: YEAR })
    expect(fixed.check.ok).toBe(true)
  })
})

describe('the staff preview endpoint', () => {
  let siteAdmin: TestUser
  let handler: TestUser
  let auditor: TestUser
  let editor: TestUser
  let foreignAdmin: TestUser
  beforeAll(async () => {
    siteAdmin = await makeUser(t.payload, { sites: [{ site, roles: ['site-admin'] }] })
    handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
    auditor = await makeUser(t.payload, { platformRoles: ['auditor'] })
    editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
    foreignAdmin = await makeUser(t.payload, {
      sites: [{ site: otherSite, roles: ['site-admin'] }],
    })
  })

  const call = async (user: TestUser | null, query: Record<string, string>) => {
    const { annualReportPreviewHandler } = await import('../../src/services/report-endpoints')
    return annualReportPreviewHandler({
      user,
      query,
      payload: t.payload,
    } as unknown as Parameters<typeof annualReportPreviewHandler>[0])
  }

  it.each([
    ['the site admin', () => siteAdmin],
    ['a request handler of the site', () => handler],
    ['a platform auditor', () => auditor],
  ])('shows %s the report as JSON', async (_, who) => {
    const res = await call(who(), { site: String(site), year: String(YEAR) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { table3: { rows: { received: { total: number } } } }
    expect(body.table3.rows.received.total).toBe(9)
  })

  it.each([
    ['an editor of the site', () => editor],
    ['the admin of another site', () => foreignAdmin],
  ])('refuses %s in Chinese', async (_, who) => {
    const res = await call(who(), { site: String(site), year: String(YEAR) })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: '您没有查看该站点年度报告的权限' })
  })

  it('asks an anonymous caller to log in', async () => {
    const res = await call(null, { site: String(site), year: String(YEAR) })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ message: '请先登录' })
  })

  it('names each wrong parameter', async () => {
    const res = await call(siteAdmin, { year: '1999', format: 'pdf' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: string[] }).errors).toEqual([
      '请指定站点（site）',
      '请指定 2008 年至今年之间的年度（year）',
      '导出格式只能是 json、csv 或 xlsx',
    ])
  })

  it('exports CSV and XLSX with a Chinese file name, the CSV with the breaking requests', async () => {
    await request('Q', {
      kind: 'other-organisation',
      received: '2026-03-01',
      answered: '2025-05-01',
      outcome: 'disclosed',
    })
    const csv = await call(siteAdmin, { site: String(site), year: String(YEAR), format: 'csv' })
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="annual-report-${YEAR}-site-${site}.csv"; filename*=UTF-8''${encodeURIComponent(
        '青川市测试局2025年政府信息公开工作年度报告.csv',
      )}`,
    )
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain(
      `${codes.Q}：申请 ${codes.Q}的办结日期 2025-05-01 早于收到日期 2026-03-01`,
    )
    const file = await call(auditor, { site: String(site), year: String(YEAR), format: 'xlsx' })
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await file.arrayBuffer())
    const check = String(wb.getWorksheet(xlsx.SHEET_NAMES.text)!.getCell('B8').value)
    expect(check).toContain(codes.Q)
  })
})
