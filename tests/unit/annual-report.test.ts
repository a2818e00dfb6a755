import { describe, expect, it } from 'vitest'

import {
  type ReportCase,
  type ReportDocument,
  type ReportRequest,
  type Table3Column,
  TABLE3_COLUMNS,
  checkTable3,
  computeTable2,
  computeTable3,
  computeTable4,
  requestsBreaking,
  tableToCsv,
} from '../../src/domain/annual-report'

// ---------------------------------------------------------------- table 二

const documents: ReportDocument[] = [
  { id: 'd1', kind: 'rule', issuedOn: '2026-03-01', validity: 'in-force' },
  {
    id: 'd2',
    kind: 'rule',
    issuedOn: '2020-05-01',
    repealedOn: '2026-06-30',
    validity: 'repealed',
  },
  { id: 'd3', kind: 'normative', issuedOn: '2019-01-01', validity: 'in-force' },
  { id: 'd4', kind: 'normative', issuedOn: '2026-02-01', validity: 'amended' },
  {
    id: 'd5',
    kind: 'normative',
    issuedOn: '2018-01-01',
    repealedOn: '2026-09-01',
    validity: 'expired',
  },
  {
    id: 'd6',
    kind: 'normative',
    issuedOn: '2015-01-01',
    repealedOn: '2027-02-01',
    validity: 'repealed',
  },
  { id: 'd7', kind: 'normative', issuedOn: '2027-01-05', validity: 'in-force' },
  { id: 'd8', kind: 'normative', issuedOn: '2021-01-01', validity: 'repealed' },
]

describe('table 二: proactively disclosed documents', () => {
  const t = computeTable2({ year: 2026, documents, decisions: { licensing: 12, feesWanYuan: 3.5 } })

  it('counts rules issued, repealed and in force at the year end', () => {
    expect(t.rule).toEqual({ issued: 1, repealed: 1, inForce: 1 })
  })

  it('counts normative documents, a lapsed one not as repealed and one repealed next year as in force', () => {
    expect(t.normative).toEqual({ issued: 1, repealed: 0, inForce: 3 })
  })

  it('reports a repealed document without a date instead of guessing', () => {
    expect(t.problems).toEqual([
      '行政规范性文件 d8标注为已废止或已失效，但没有废止或失效日期，未计入现行有效件数',
    ])
  })

  it('keeps figures from other systems, and leaves missing ones blank rather than 0', () => {
    expect([t.licensing, t.penalty, t.coercion, t.feesWanYuan]).toEqual([12, null, null, 3.5])
  })

  it.each([
    [2025, { issued: 0, repealed: 0, inForce: 1 }, { issued: 0, repealed: 0, inForce: 3 }],
    [2027, { issued: 0, repealed: 0, inForce: 1 }, { issued: 1, repealed: 1, inForce: 3 }],
  ])('counts the year %i from the same documents', (year, rule, normative) => {
    const other = computeTable2({ year, documents })
    expect(other.rule).toEqual(rule)
    expect(other.normative).toEqual(normative)
  })

  it('reports a repeal dated before the document itself', () => {
    const t2 = computeTable2({
      year: 2026,
      documents: [
        {
          id: 'x',
          kind: 'rule',
          issuedOn: '2026-05-01',
          repealedOn: '2026-04-01',
          validity: 'repealed',
        },
      ],
    })
    expect(t2.problems).toEqual(['规章 x的废止或失效日期早于成文日期'])
  })

  it('writes the official layout as CSV', () => {
    expect(tableToCsv(t).split('\r\n')).toEqual([
      '第二十条第（一）项',
      '信息内容,本年制发件数,本年废止件数,现行有效件数',
      '规章,1,1,1',
      '行政规范性文件,1,0,3',
      '第二十条第（五）项',
      '信息内容,本年处理决定数量',
      '行政许可,12',
      '第二十条第（六）项',
      '信息内容,本年处理决定数量',
      '行政处罚,',
      '行政强制,',
      '第二十条第（八）项',
      '信息内容,本年收费金额（单位：万元）',
      '行政事业性收费,3.5',
      '',
    ])
  })
})

// ---------------------------------------------------------------- table 三

const req = (
  id: string,
  applicantKind: ReportRequest['applicantKind'],
  receivedAt: string,
  closedAt: string | null,
  outcome: ReportRequest['outcome'],
): ReportRequest => ({ id, applicantKind, receivedAt, closedAt, outcome })

// Eleven requests around the 2026 report; the expected figures below were counted by hand.
const requests: ReportRequest[] = [
  req('r1', 'natural-person', '2025-12-20', '2026-01-15', 'disclosed'), // 上年结转, closed
  req('r2', 'natural-person', '2025-11-01', '2025-12-10', 'disclosed'), // all in 2025
  req('r3', 'commercial-enterprise', '2026-03-01', '2026-03-20', 'partly-disclosed'),
  req('r4', 'natural-person', '2026-05-05', '2026-06-01', 'withheld-state-secret'),
  req('r5', 'research-institution', '2026-12-28', null, null), // 结转下年度
  req('r6', 'legal-service-agency', '2026-07-01', '2027-01-10', 'unavailable-not-held'), // closed next year
  req('r7', 'natural-person', '2026-02-02', '2026-02-20', 'not-processed-duplicate'),
  req('r8', 'other-organisation', '2026-08-08', '2026-09-09', 'other-fee-unpaid'),
  req('r9', 'public-welfare-organisation', '2025-12-30', null, null), // in and out again
  req('r10', 'natural-person', '2026-04-01', '2026-04-10', 'disclosed'),
  req('r11', 'natural-person', '2027-01-02', null, null), // next year
]

type Expected = Partial<Record<string, number[]>>
// Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
const expected: Expected = {
  received: [3, 1, 1, 0, 1, 1, 7],
  carriedIn: [1, 0, 0, 1, 0, 0, 2],
  disclosed: [2, 0, 0, 0, 0, 0, 2],
  'partly-disclosed': [0, 1, 0, 0, 0, 0, 1],
  'withheld-state-secret': [1, 0, 0, 0, 0, 0, 1],
  'not-processed-duplicate': [1, 0, 0, 0, 0, 0, 1],
  'other-fee-unpaid': [0, 0, 0, 0, 0, 1, 1],
  'unavailable-not-held': [0, 0, 0, 0, 0, 0, 0],
  closedTotal: [4, 1, 0, 0, 0, 1, 6],
  carriedOver: [0, 0, 1, 1, 1, 0, 3],
}
const asRow = (values: number[]) =>
  Object.fromEntries(TABLE3_COLUMNS.map((c, i) => [c, values[i]])) as Record<Table3Column, number>

describe('table 三: requests received and handled', () => {
  const t = computeTable3({ year: 2026, requests })

  it.each(Object.entries(expected))('counts the row %s by hand', (key, values) => {
    expect(t.rows[key as keyof typeof t.rows]).toEqual(asRow(values as number[]))
  })

  it('leaves every other result row at zero', () => {
    const other = Object.entries(t.rows).filter(([k]) => !(k in expected))
    expect(other.length).toBe(15)
    for (const [, row] of other) expect(row.total).toBe(0)
  })

  it('adds up: 一 + 二 = 三（七） + 四 in every column', () => {
    expect(checkTable3({ table: t, requests })).toEqual({
      ok: true,
      brokenColumns: [],
      offendingRequests: [],
      problems: [],
    })
  })

  it('names the columns and the requests that break the sum', () => {
    const broken = [
      ...requests,
      req('r12', 'natural-person', '2026-10-10', '2026-10-20', null),
      req('r13', 'commercial-enterprise', '2027-01-05', '2026-12-30', 'disclosed'),
    ]
    const check = checkTable3({
      table: computeTable3({ year: 2026, requests: broken }),
      requests: broken,
    })
    expect(check.ok).toBe(false)
    expect(check.brokenColumns.map((c) => [c.column, c.incoming, c.outgoing])).toEqual([
      ['natural-person', 5, 4],
      ['commercial-enterprise', 1, 2],
    ])
    expect(check.brokenColumns[0].sentence).toBe(
      '“自然人”列：本年新收与上年结转之和为 5，办理结果总计与结转下年度之和为 4，两者不等',
    )
    expect(check.offendingRequests).toEqual([
      {
        id: 'r12',
        reason: '申请 r12已于 2026-10-20 办结，但没有办理结果，未计入“三、本年度办理结果”',
      },
      { id: 'r13', reason: '申请 r13的办结日期 2026-12-30 早于收到日期 2027-01-05' },
    ])
  })

  it('is not fooled by two faults that cancel out in the sums, and names both requests', () => {
    const faulty = [
      req('a', 'natural-person', '2026-10-10', '2026-10-20', null),
      req('b', 'natural-person', '2027-01-05', '2026-12-30', 'disclosed'),
    ]
    const check = checkTable3({
      table: computeTable3({ year: 2026, requests: faulty }),
      requests: faulty,
    })
    expect(check.brokenColumns).toEqual([])
    expect(check.ok).toBe(false)
    expect(check.offendingRequests.map((o) => o.id)).toEqual(['a', 'b'])
  })

  it.each([
    [
      'an unknown outcome',
      req('x', 'natural-person', '2026-01-05', '2026-02-01', 'granted' as never),
      '办理结果“granted”不是规定的类别',
    ],
    [
      'an unknown applicant kind',
      req('y', 'government' as never, '2026-01-05', null, null),
      '申请人类型“government”无效',
    ],
  ])('names a request with %s', (_, request, words) => {
    const [only] = requestsBreaking({ year: 2026, requests: [request] })
    expect(only.reason).toContain(words)
  })

  it('ignores faults of requests that do not touch the year', () => {
    expect(
      requestsBreaking({
        year: 2026,
        requests: [req('z', 'natural-person', '2024-01-05', '2024-02-01', null)],
      }),
    ).toEqual([])
  })

  it('checks a table edited by hand: a result total and a row total that do not add up', () => {
    const edited = computeTable3({ year: 2026, requests })
    edited.rows.closedTotal['natural-person'] = 5
    edited.rows.received.total = 8
    const check = checkTable3({ table: edited })
    expect(check.ok).toBe(false)
    expect(check.brokenColumns.map((c) => c.column)).toEqual(['natural-person', 'total'])
    expect(check.problems).toEqual([
      '“自然人”列：各项办理结果之和为 4，与（七）总计 5 不等',
      '“一、本年新收政府信息公开申请数量”行：各类申请人之和为 7，与总计 8 不等',
      '“（七）总计”行：各类申请人之和为 7，与总计 6 不等',
    ])
    expect(check.offendingRequests).toEqual([])
  })

  it('writes the official labels as CSV, one row per line, ten cells each', () => {
    const lines = tableToCsv(t).split('\r\n')
    expect(lines.at(-1)).toBe('')
    const body = lines.slice(0, -1)
    expect(body).toHaveLength(3 + 2 + 21 + 1 + 1)
    expect(body.slice(0, 3)).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）,,,申请人情况,,,,,,',
      ',,,自然人,法人或其他组织,,,,,总计',
      ',,,,商业企业,科研机构,社会公益组织,法律服务机构,其他,',
    ])
    expect(body).toContain('一、本年新收政府信息公开申请数量,,,3,1,1,0,1,1,7')
    expect(body).toContain('二、上年结转政府信息公开申请数量,,,1,0,0,1,0,0,2')
    expect(body).toContain('三、本年度办理结果,（一）予以公开,,2,0,0,0,0,0,2')
    expect(body).toContain(
      '三、本年度办理结果,（二）部分公开（区分处理的，只计这一情形，不计其他情形）,,0,1,0,0,0,0,1',
    )
    expect(body).toContain('三、本年度办理结果,（三）不予公开,1.属于国家秘密,1,0,0,0,0,0,1')
    expect(body).toContain('三、本年度办理结果,（三）不予公开,3.危及“三安全一稳定”,0,0,0,0,0,0,0')
    expect(body).toContain(
      '三、本年度办理结果,（六）其他处理,2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,0,0,0,0,0,1,1',
    )
    expect(body.at(-2)).toBe('三、本年度办理结果,（七）总计,,4,1,0,0,0,1,6')
    expect(body.at(-1)).toBe('四、结转下年度继续办理,,,0,0,1,1,1,0,3')
    for (const line of body) expect(line.split(',')).toHaveLength(10)
  })
})

// ---------------------------------------------------------------- table 四

const cases: ReportCase[] = [
  { kind: 'review', filedAt: '2026-02-01', decidedAt: '2026-04-01', result: 'upheld' },
  { kind: 'review', filedAt: '2026-03-01', decidedAt: '2026-05-01', result: 'corrected' },
  { kind: 'review', filedAt: '2026-11-01', decidedAt: '2027-01-20', result: 'upheld' },
  { kind: 'review', filedAt: '2025-06-01', decidedAt: '2026-01-10', result: 'other' },
  { kind: 'suit-direct', filedAt: '2026-06-01', decidedAt: null, result: null },
  { kind: 'suit-after-review', filedAt: '2026-07-01', decidedAt: '2026-09-01', result: 'other' },
]

describe('table 四: administrative review and litigation', () => {
  const t = computeTable4({ year: 2026, cases })

  it.each([
    ['review', { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 }],
    ['suitDirect', { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 }],
    ['suitAfterReview', { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 }],
  ] as const)('counts %s cases filed in the year as they stood on 31 December', (key, counts) => {
    expect(t[key]).toEqual(counts)
  })

  it('writes the official layout as CSV', () => {
    const five = '结果维持,结果纠正,其他结果,尚未审结,总计'
    expect(tableToCsv(t).split('\r\n')).toEqual([
      '行政复议,,,,,行政诉讼,,,,,,,,,',
      ',,,,,未经复议直接起诉,,,,,复议后起诉,,,,',
      `${five},${five},${five}`,
      '1,1,0,1,3,0,0,0,1,1,0,0,1,0,1',
      '',
    ])
  })
})
