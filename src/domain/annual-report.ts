// Decides the figures of tables 二, 三 and 四 of the annual disclosure report
// (国办公开办函〔2021〕30号), whether table 三 adds up, and which requests make it not add up.
//
// Dates are 'YYYY-MM-DD' in Beijing time; the year runs from 1 January to 31 December.

import { csvCell } from './csv'
import {
  APPLICANT_KINDS,
  APPLICANT_KIND_LABELS,
  type ApplicantKind,
  OUTCOMES,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  type OutcomeCode,
  type Validity,
  isOrganisation,
  isOutcomeCode,
} from './disclosure'

type Id = string | number

const yearRange = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` })
const inYear = (date: string | null | undefined, year: number): boolean =>
  Boolean(date) && (date as string).slice(0, 4) === String(year)

// ---------------------------------------------------------------- table 二

export type ReportDocument = {
  id?: Id
  kind: 'rule' | 'normative'
  issuedOn: string
  /** The day it stopped being in force (废止 or 失效), if it has. */
  repealedOn?: string | null
  validity: Validity
}

export type DocumentCounts = { issued: number; repealed: number; inForce: number }

export type Table2 = {
  table: '二'
  year: number
  rule: DocumentCounts
  normative: DocumentCounts
  /** Figures from other systems; null when not supplied (shown blank, not as 0). */
  licensing: number | null
  penalty: number | null
  coercion: number | null
  feesWanYuan: number | null
  problems: string[]
}

/** In force on the day: issued by then and not yet ended (an amended document still is). */
const inForceOn = (d: ReportDocument, day: string): boolean =>
  d.issuedOn <= day &&
  (d.repealedOn ? d.repealedOn > day : d.validity === 'in-force' || d.validity === 'amended')

export const DOCUMENT_KIND_LABELS = { rule: '规章', normative: '行政规范性文件' } as const

/**
 * Table 二. 本年废止件数 counts documents repealed (已废止) in the year; one that lapsed on its
 * own term (已失效) is not 废止 but does leave 现行有效. 现行有效件数 is the count at 31 December
 * of the report year, so a document repealed later still counts for that year.
 */
export function computeTable2({
  year,
  documents,
  decisions = {},
}: {
  year: number
  documents: readonly ReportDocument[]
  decisions?: { licensing?: number; penalty?: number; coercion?: number; feesWanYuan?: number }
}): Table2 {
  const { last } = yearRange(year)
  const problems: string[] = []
  const counts = (kind: ReportDocument['kind']): DocumentCounts => {
    const docs = documents.filter((d) => d.kind === kind)
    return {
      issued: docs.filter((d) => inYear(d.issuedOn, year)).length,
      repealed: docs.filter((d) => d.validity === 'repealed' && inYear(d.repealedOn, year)).length,
      inForce: docs.filter((d) => inForceOn(d, last)).length,
    }
  }
  documents.forEach((d, i) => {
    const name = `${DOCUMENT_KIND_LABELS[d.kind]} ${d.id ?? `第 ${i + 1} 件`}`
    if ((d.validity === 'repealed' || d.validity === 'expired') && !d.repealedOn) {
      problems.push(`${name}标注为已废止或已失效，但没有废止或失效日期，未计入现行有效件数`)
    }
    if (d.repealedOn && d.repealedOn < d.issuedOn) {
      problems.push(`${name}的废止或失效日期早于成文日期`)
    }
  })
  return {
    table: '二',
    year,
    rule: counts('rule'),
    normative: counts('normative'),
    licensing: decisions.licensing ?? null,
    penalty: decisions.penalty ?? null,
    coercion: decisions.coercion ?? null,
    feesWanYuan: decisions.feesWanYuan ?? null,
    problems,
  }
}

// ---------------------------------------------------------------- table 三

export type ReportRequest = {
  id?: Id
  applicantKind: ApplicantKind
  receivedAt: string
  closedAt: string | null
  outcome: OutcomeCode | null
}

export const TABLE3_COLUMNS = [...APPLICANT_KINDS, 'total'] as const
export type Table3Column = (typeof TABLE3_COLUMNS)[number]
export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
  ...APPLICANT_KIND_LABELS,
  total: '总计',
}

export type Table3RowKey = 'received' | 'carriedIn' | OutcomeCode | 'closedTotal' | 'carriedOver'
export type Table3 = {
  table: '三'
  year: number
  rows: Record<Table3RowKey, Record<Table3Column, number>>
}

const RESULTS = '三、本年度办理结果'

/** The rows of table 三 in the official order, with their labels at each of three levels. */
export const TABLE3_ROWS: { key: Table3RowKey; labels: [string, string, string] }[] = [
  { key: 'received', labels: ['一、本年新收政府信息公开申请数量', '', ''] },
  { key: 'carriedIn', labels: ['二、上年结转政府信息公开申请数量', '', ''] },
  ...OUTCOME_CODES.map((key) => {
    const o: { group: keyof typeof OUTCOME_GROUP_LABELS; number: number | null; label: string } =
      OUTCOMES[key]
    const item = o.number == null ? '' : `${o.number}.${o.label}`
    return {
      key,
      labels: [RESULTS, OUTCOME_GROUP_LABELS[o.group], item] as [string, string, string],
    }
  }),
  { key: 'closedTotal', labels: [RESULTS, '（七）总计', ''] },
  { key: 'carriedOver', labels: ['四、结转下年度继续办理', '', ''] },
]

const zeroRow = (): Record<Table3Column, number> =>
  Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Record<Table3Column, number>

/**
 * Table 三 for the year. 本年新收: received in the year. 上年结转: received earlier and not
 * closed before the year. 办理结果: closed in the year, by outcome. 结转下年度: received by
 * 31 December and not closed by then. A request closed without an outcome is in no result row,
 * which is exactly what checkTable3 then reports.
 */
export function computeTable3({
  year,
  requests,
}: {
  year: number
  requests: readonly ReportRequest[]
}): Table3 {
  const { first, last } = yearRange(year)
  const rows = Object.fromEntries(TABLE3_ROWS.map((r) => [r.key, zeroRow()])) as Table3['rows']
  const add = (key: Table3RowKey, kind: ApplicantKind) => {
    rows[key][kind]++
    rows[key].total++
  }
  for (const r of requests) {
    if (!APPLICANT_KINDS.includes(r.applicantKind)) continue
    if (inYear(r.receivedAt, year)) add('received', r.applicantKind)
    const openAt = (day: string) => !r.closedAt || r.closedAt >= day
    if (r.receivedAt < first && openAt(first)) add('carriedIn', r.applicantKind)
    if (inYear(r.closedAt, year) && isOutcomeCode(r.outcome)) {
      add(r.outcome, r.applicantKind)
      add('closedTotal', r.applicantKind)
    }
    if (r.receivedAt <= last && (!r.closedAt || r.closedAt > last)) {
      add('carriedOver', r.applicantKind)
    }
  }
  return { table: '三', year, rows }
}

export type Table3Check = {
  /** The sums hold and, when requests were given, none of them is miscounted. */
  ok: boolean
  /** Columns where 一 + 二 ≠ 三（七） + 四. */
  brokenColumns: {
    column: Table3Column
    label: string
    incoming: number
    outgoing: number
    sentence: string
  }[]
  /** Requests that make the table not add up, or that are left out of it. */
  offendingRequests: { id: Id; reason: string }[]
  /** Other sentences: totals that are not the sum of their parts. */
  problems: string[]
}

/**
 * Checks 一 + 二 = 三（七） + 四 in every column (the table's own 勾稽关系), that （七）总计 is
 * the sum of the result rows and 总计 the sum of the applicant columns; given the request rows,
 * names the requests that cause a break.
 */
export function checkTable3({
  table,
  requests,
}: {
  table: Table3
  requests?: readonly ReportRequest[]
}): Table3Check {
  const { rows } = table
  const brokenColumns: Table3Check['brokenColumns'] = []
  const problems: string[] = []
  for (const column of TABLE3_COLUMNS) {
    const label = TABLE3_COLUMN_LABELS[column]
    const incoming = rows.received[column] + rows.carriedIn[column]
    const outgoing = rows.closedTotal[column] + rows.carriedOver[column]
    if (incoming !== outgoing) {
      brokenColumns.push({
        column,
        label,
        incoming,
        outgoing,
        sentence: `“${label}”列：本年新收与上年结转之和为 ${incoming}，办理结果总计与结转下年度之和为 ${outgoing}，两者不等`,
      })
    }
    const results = OUTCOME_CODES.reduce((sum, code) => sum + rows[code][column], 0)
    if (results !== rows.closedTotal[column]) {
      problems.push(
        `“${label}”列：各项办理结果之和为 ${results}，与（七）总计 ${rows.closedTotal[column]} 不等`,
      )
    }
  }
  for (const row of TABLE3_ROWS) {
    const parts = APPLICANT_KINDS.reduce((sum, kind) => sum + rows[row.key][kind], 0)
    if (parts !== rows[row.key].total) {
      const name = row.labels.filter(Boolean).at(-1)
      problems.push(`“${name}”行：各类申请人之和为 ${parts}，与总计 ${rows[row.key].total} 不等`)
    }
  }
  const offendingRequests = requests ? requestsBreaking({ year: table.year, requests }) : []
  return {
    // Two faults can cancel out in the sums; a miscounted request still makes the table wrong.
    ok: brokenColumns.length + problems.length + offendingRequests.length === 0,
    brokenColumns,
    offendingRequests,
    problems,
  }
}

/** The requests that a table 三 for the year miscounts, each with the reason. */
export function requestsBreaking({
  year,
  requests,
}: {
  year: number
  requests: readonly ReportRequest[]
}): { id: Id; reason: string }[] {
  const out: { id: Id; reason: string }[] = []
  requests.forEach((r, i) => {
    const id = r.id ?? i
    const name = `申请 ${r.id ?? `第 ${i + 1} 条`}`
    const touchesYear =
      inYear(r.receivedAt, year) ||
      inYear(r.closedAt, year) ||
      (r.receivedAt < `${year}-01-01` && (!r.closedAt || r.closedAt > `${year}-12-31`))
    if (!touchesYear) return
    if (!APPLICANT_KINDS.includes(r.applicantKind)) {
      out.push({ id, reason: `${name}的申请人类型“${r.applicantKind}”无效，未计入任何一列` })
      return
    }
    if (r.closedAt && r.closedAt < r.receivedAt) {
      out.push({ id, reason: `${name}的办结日期 ${r.closedAt} 早于收到日期 ${r.receivedAt}` })
      return
    }
    if (inYear(r.closedAt, year) && !isOutcomeCode(r.outcome)) {
      const what = r.outcome ? `办理结果“${r.outcome}”不是规定的类别` : '没有办理结果'
      out.push({
        id,
        reason: `${name}已于 ${r.closedAt} 办结，但${what}，未计入“三、本年度办理结果”`,
      })
    }
  })
  return out
}

// ---------------------------------------------------------------- table 四

export type ReportCase = {
  id?: Id
  /** 行政复议, or 行政诉讼 未经复议直接起诉 / 复议后起诉. */
  kind: 'review' | 'suit-direct' | 'suit-after-review'
  filedAt: string
  decidedAt: string | null
  result: 'upheld' | 'corrected' | 'other' | null
}

export type CaseCounts = {
  upheld: number
  corrected: number
  other: number
  pending: number
  total: number
}
export type Table4 = {
  table: '四'
  year: number
  review: CaseCounts
  suitDirect: CaseCounts
  suitAfterReview: CaseCounts
}

export const CASE_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const
export const CASE_COLUMN_LABELS: Record<keyof CaseCounts, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
}

/**
 * Table 四: cases filed in the year, each as it stood on 31 December — decided by then with
 * its result, or 尚未审结. (The format has no carry-over row, so a case is reported in the year
 * it was filed.)
 */
export function computeTable4({
  year,
  cases,
}: {
  year: number
  cases: readonly ReportCase[]
}): Table4 {
  const { last } = yearRange(year)
  const count = (kind: ReportCase['kind']): CaseCounts => {
    const c: CaseCounts = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }
    for (const x of cases) {
      if (x.kind !== kind || !inYear(x.filedAt, year)) continue
      const decided = x.decidedAt && x.decidedAt <= last && x.result
      c[decided ? (x.result as 'upheld' | 'corrected' | 'other') : 'pending']++
      c.total++
    }
    return c
  }
  return {
    table: '四',
    year,
    review: count('review'),
    suitDirect: count('suit-direct'),
    suitAfterReview: count('suit-after-review'),
  }
}

// ---------------------------------------------------------------- CSV

const line = (cells: (string | number | null)[]) => cells.map((c) => csvCell(c ?? '')).join(',')

function table2Lines(t: Table2): string[] {
  return [
    line(['第二十条第（一）项']),
    line(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
    ...(['rule', 'normative'] as const).map((k) =>
      line([DOCUMENT_KIND_LABELS[k], t[k].issued, t[k].repealed, t[k].inForce]),
    ),
    line(['第二十条第（五）项']),
    line(['信息内容', '本年处理决定数量']),
    line(['行政许可', t.licensing]),
    line(['第二十条第（六）项']),
    line(['信息内容', '本年处理决定数量']),
    line(['行政处罚', t.penalty]),
    line(['行政强制', t.coercion]),
    line(['第二十条第（八）项']),
    line(['信息内容', '本年收费金额（单位：万元）']),
    line(['行政事业性收费', t.feesWanYuan]),
  ]
}

function table3Lines(t: Table3): string[] {
  const orgs = APPLICANT_KINDS.filter((k) => k !== 'natural-person')
  return [
    line([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '',
      '',
      '申请人情况',
      ...orgs.map(() => ''),
      '',
    ]),
    line(['', '', '', '自然人', '法人或其他组织', ...orgs.slice(1).map(() => ''), '总计']),
    line(['', '', '', '', ...orgs.map((k) => APPLICANT_KIND_LABELS[k]), '']),
    ...TABLE3_ROWS.map((row) =>
      line([...row.labels, ...TABLE3_COLUMNS.map((c) => t.rows[row.key][c])]),
    ),
  ]
}

function table4Lines(t: Table4): string[] {
  const blank = (n: number) => Array.from({ length: n }, () => '')
  const groups = [t.review, t.suitDirect, t.suitAfterReview]
  return [
    line(['行政复议', ...blank(4), '行政诉讼', ...blank(9)]),
    line([...blank(5), '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)]),
    line(groups.flatMap(() => CASE_COLUMNS.map((c) => CASE_COLUMN_LABELS[c]))),
    line(groups.flatMap((g) => CASE_COLUMNS.map((c) => g[c]))),
  ]
}

/**
 * The table as CSV with the official row and column labels (merged cells of the official
 * layout become blank cells; result rows repeat their parent labels so each row stands alone).
 * Lines end in CRLF (RFC 4180); the caller adds the UTF-8 BOM spreadsheet programs need.
 */
export function tableToCsv(table: Table2 | Table3 | Table4): string {
  const lines =
    table.table === '二'
      ? table2Lines(table)
      : table.table === '三'
        ? table3Lines(table)
        : table4Lines(table)
  return `${lines.join('\r\n')}\r\n`
}

// ---------------------------------------------------------------- the official layout

/**
 * One cell of a table laid out as in the official format: a header (`th`, with its scope) or a
 * figure. `headers` lists the ids of every header that describes the cell, so a screen reader
 * reads a figure with its full row and column labels even across merged cells (WCAG H43).
 */
export type GridCell = {
  text: string | number | null
  header?: 'col' | 'colgroup' | 'row' | 'rowgroup'
  colspan?: number
  rowspan?: number
  id?: string
  headers?: string[]
  /** Shown in the spreadsheet, left blank on the page (where it is the table's caption note). */
  pageBlank?: boolean
}

export type TableGrid = {
  table: '二' | '三' | '四'
  /** The section heading the table sits under. */
  title: string
  columns: number
  rows: GridCell[][]
  /** A sentence printed with the table (table 三's 勾稽关系). */
  note?: string
}

export const SECTION_TITLES = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
} as const

export const TABLE3_NOTE = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和'

/** Table 二 in four blocks, each with its 第二十条 item as a heading row. */
export function table2Grid(t: Table2): TableGrid {
  const rows: GridCell[][] = []
  const block = (
    key: string,
    item: string,
    heads: string[],
    lines: { key: string; label: string; values: (number | null)[] }[],
  ) => {
    const sid = `t2-${key}`
    rows.push([{ text: item, header: 'colgroup', colspan: 4, id: sid }])
    const spans = heads.length === 4 ? [1, 1, 1, 1] : [1, 3]
    rows.push(
      heads.map((text, i) => ({
        text,
        header: 'col',
        colspan: spans[i] > 1 ? spans[i] : undefined,
        id: `${sid}-c${i}`,
        headers: [sid],
      })),
    )
    for (const l of lines) {
      const rid = `${sid}-${l.key}`
      rows.push([
        { text: l.label, header: 'row', id: rid, headers: [sid, `${sid}-c0`] },
        ...l.values.map((text, i) => ({
          text,
          colspan: spans[i + 1] > 1 ? spans[i + 1] : undefined,
          headers: [sid, `${sid}-c${i + 1}`, rid],
        })),
      ])
    }
  }
  block(
    '1',
    '第二十条第（一）项',
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    [
      ...(['rule', 'normative'] as const).map((k) => ({
        key: k,
        label: DOCUMENT_KIND_LABELS[k],
        values: [t[k].issued, t[k].repealed, t[k].inForce],
      })),
    ],
  )
  block(
    '5',
    '第二十条第（五）项',
    ['信息内容', '本年处理决定数量'],
    [{ key: 'licensing', label: '行政许可', values: [t.licensing] }],
  )
  block(
    '6',
    '第二十条第（六）项',
    ['信息内容', '本年处理决定数量'],
    [
      { key: 'penalty', label: '行政处罚', values: [t.penalty] },
      { key: 'coercion', label: '行政强制', values: [t.coercion] },
    ],
  )
  block(
    '8',
    '第二十条第（八）项',
    ['信息内容', '本年收费金额（单位：万元）'],
    [{ key: 'fees', label: '行政事业性收费', values: [t.feesWanYuan] }],
  )
  return { table: '二', title: SECTION_TITLES.二, columns: 4, rows }
}

/**
 * Table 三: three header rows (申请人情况 › 自然人 | 法人或其他组织 › five kinds | 总计), then
 * the rows of TABLE3_ROWS with their labels merged down and across as in the official form.
 */
export function table3Grid(t: Table3): TableGrid {
  const orgs = APPLICANT_KINDS.filter(isOrganisation)
  const colHeaders: Record<Table3Column, string[]> = Object.fromEntries(
    TABLE3_COLUMNS.map((c) => [
      c,
      c === 'total' || c === 'natural-person'
        ? ['t3-applicants', `t3-${c}`]
        : ['t3-applicants', 't3-orgs', `t3-${c}`],
    ]),
  ) as Record<Table3Column, string[]>
  const rows: GridCell[][] = [
    [
      { text: `（${TABLE3_NOTE}）`, colspan: 3, rowspan: 3, pageBlank: true },
      { text: '申请人情况', header: 'colgroup', colspan: 7, id: 't3-applicants' },
    ],
    [
      {
        text: TABLE3_COLUMN_LABELS['natural-person'],
        header: 'col',
        rowspan: 2,
        id: 't3-natural-person',
        headers: ['t3-applicants'],
      },
      {
        text: '法人或其他组织',
        header: 'colgroup',
        colspan: orgs.length,
        id: 't3-orgs',
        headers: ['t3-applicants'],
      },
      {
        text: TABLE3_COLUMN_LABELS.total,
        header: 'col',
        rowspan: 2,
        id: 't3-total',
        headers: ['t3-applicants'],
      },
    ],
    orgs.map((k) => ({
      text: APPLICANT_KIND_LABELS[k],
      header: 'col' as const,
      id: `t3-${k}`,
      headers: ['t3-applicants', 't3-orgs'],
    })),
  ]
  // How many rows below (and including) row i share the label at this level.
  const runOf = (i: number, level: number) => {
    let n = 1
    while (
      i + n < TABLE3_ROWS.length &&
      TABLE3_ROWS[i + n].labels[level] === TABLE3_ROWS[i].labels[level] &&
      TABLE3_ROWS[i + n].labels.slice(0, level).join() ===
        TABLE3_ROWS[i].labels.slice(0, level).join()
    )
      n++
    return n
  }
  TABLE3_ROWS.forEach((row, i) => {
    const cells: GridCell[] = []
    const rowIds: string[] = []
    for (let level = 0; level < 3; level++) {
      const label = row.labels[level]
      if (!label) break
      const id = `t3-r${i}-l${level}`
      const prev = TABLE3_ROWS[i - 1]
      const sameAsAbove =
        prev && prev.labels.slice(0, level + 1).join() === row.labels.slice(0, level + 1).join()
      const last = row.labels.slice(level + 1).every((l) => !l)
      // A merged label keeps the id of the row where it starts.
      if (sameAsAbove) {
        let start = i - 1
        while (
          start > 0 &&
          TABLE3_ROWS[start - 1].labels.slice(0, level + 1).join() ===
            row.labels.slice(0, level + 1).join()
        )
          start--
        rowIds.push(`t3-r${start}-l${level}`)
        continue
      }
      const rowspan = last ? 1 : runOf(i, level)
      cells.push({
        text: label,
        header: rowspan > 1 ? 'rowgroup' : 'row',
        colspan: last && level < 2 ? 3 - level : undefined,
        rowspan: rowspan > 1 ? rowspan : undefined,
        id,
        headers: rowIds.length ? [...rowIds] : undefined,
      })
      rowIds.push(id)
    }
    for (const c of TABLE3_COLUMNS) {
      cells.push({ text: t.rows[row.key][c], headers: [...colHeaders[c], ...rowIds] })
    }
    rows.push(cells)
  })
  return { table: '三', title: SECTION_TITLES.三, columns: 10, rows, note: TABLE3_NOTE }
}

/** Table 四: 行政复议 and the two kinds of 行政诉讼, five columns each, one row of figures. */
export function table4Grid(t: Table4): TableGrid {
  const groups = [
    { key: 'review', counts: t.review },
    { key: 'direct', counts: t.suitDirect },
    { key: 'after', counts: t.suitAfterReview },
  ] as const
  const headersOf = (key: string) => (key === 'review' ? ['t4-review'] : ['t4-suit', `t4-${key}`])
  return {
    table: '四',
    title: SECTION_TITLES.四,
    columns: 15,
    rows: [
      [
        { text: '行政复议', header: 'colgroup', colspan: 5, id: 't4-review' },
        { text: '行政诉讼', header: 'colgroup', colspan: 10, id: 't4-suit' },
      ],
      [
        ...CASE_COLUMNS.map((c) => ({
          text: CASE_COLUMN_LABELS[c],
          header: 'col' as const,
          rowspan: 2,
          id: `t4-review-${c}`,
          headers: ['t4-review'],
        })),
        {
          text: '未经复议直接起诉',
          header: 'colgroup',
          colspan: 5,
          id: 't4-direct',
          headers: ['t4-suit'],
        },
        {
          text: '复议后起诉',
          header: 'colgroup',
          colspan: 5,
          id: 't4-after',
          headers: ['t4-suit'],
        },
      ],
      groups
        .filter((g) => g.key !== 'review')
        .flatMap((g) =>
          CASE_COLUMNS.map((c) => ({
            text: CASE_COLUMN_LABELS[c],
            header: 'col' as const,
            id: `t4-${g.key}-${c}`,
            headers: headersOf(g.key),
          })),
        ),
      groups.flatMap((g) =>
        CASE_COLUMNS.map((c) => ({
          text: g.counts[c],
          headers: [...headersOf(g.key), `t4-${g.key}-${c}`],
        })),
      ),
    ],
  }
}

// ---------------------------------------------------------------- the report as a whole

export type ReportSections = { section1: string; section5: string; section6: string }

/** A request the check names; `code` is its tracking code (staff only). */
export type OffendingRequest = { code: string; reason: string }

export type ReportCheck = {
  ok: boolean
  /** One sentence per column of table 三 where 一 + 二 ≠ 三（七） + 四 (figures only). */
  brokenColumns: string[]
  /** Totals that are not the sum of their parts (figures only). */
  problems: string[]
  /** How many requests are miscounted. */
  offendingCount: number
}

export type AnnualReport = {
  site: { id: Id; name: string; orgName: string; kind: 'portal' | 'department' }
  year: number
  /** The site's own part: 一, 五, 六 and the figures of other systems; null when not written. */
  document: { id: Id; published: boolean; publishedAt: string } | null
  sections: ReportSections
  table2: Table2
  table3: Table3
  table4: Table4
  check: ReportCheck
  generatedAt: string
}

/** What staff see besides: the requests that break the check and the data problems. */
export type StaffAnnualReport = AnnualReport & {
  offendingRequests: OffendingRequest[]
  /** Documents marked repealed without a date, and the like (name documents). */
  documentProblems: string[]
}

export const reportTitle = (r: { site: { orgName: string }; year: number }) =>
  `${r.site.orgName}${r.year}年政府信息公开工作年度报告`

/** Sentences on table 三's check: the figures, and for staff the requests by tracking code. */
export function checkLines(report: AnnualReport | StaffAnnualReport): string[] {
  if (report.check.ok) return ['表三勾稽关系校验：通过（第一项加第二项之和等于第三项加第四项之和）']
  const n = report.check.offendingCount
  const lines = [
    `表三勾稽关系校验：未通过${n ? `，涉及 ${n} 件申请的数据需要核实` : ''}`,
    ...report.check.brokenColumns,
    ...report.check.problems,
  ]
  if ('offendingRequests' in report)
    lines.push(...report.offendingRequests.map((o) => `${o.code}：${o.reason}`))
  return lines
}
