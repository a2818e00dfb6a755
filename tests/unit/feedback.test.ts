// 我要纠错 and the public feedback statistics (互动交流 › 统计): the report form, its deadline and
// answer, the error-report figures, the period, and the per-site table with shares and ranks.
import { describe, expect, it } from 'vitest'

import {
  answerReport,
  articleIdInUrl,
  parseReportForm,
  reportDueDate,
  reportedUrl,
  reportFigures,
  type ReportRow,
} from '../../src/domain/error-reports'
import {
  type FeedbackSite,
  feedbackCsv,
  feedbackTable,
  parsePeriod,
  periodDays,
  shareText,
  yearToDate,
} from '../../src/domain/feedback-stats'
import { type LetterRow, wilson } from '../../src/domain/letter-stats'
import { vetoState } from '../../src/domain/letters'
import { calendarDaysBetween } from '../../src/domain/workdays'
import { calendarFromDays } from '../../src/domain/workdays'
import { NATIONAL_DAY_2026 } from '../helpers/calendar'

const calendar = calendarFromDays(NATIONAL_DAY_2026)
const origin = 'https://www.example.gov.cn'
const form = { url: '/tzgg/12.html', type: 'typo', description: '第二段“部门”写成了“部们”' }

describe('error report form', () => {
  it('accepts a valid report, making a site path absolute against the origin', () => {
    const url = 'https://www.example.gov.cn/tzgg/12.html'
    const value = { ...form, url, contact: undefined, email: undefined }
    expect(parseReportForm(form, origin)).toEqual({ ok: true, value })
  })

  it.each([
    [{ url: '' }, 'url', '请填写出错页面的地址'],
    [
      { url: 'javascript:alert(1)' },
      'url',
      '页面地址格式不正确：请填写以 http:// 或 https:// 开头、不超过 500 个字符的网址',
    ],
    [{ type: 'spam' }, 'type', '请选择错误类型（错别字、链接错误、内容过时、无法访问、其他）'],
    [{ description: '  ' }, 'description', '请描述页面中的错误'],
    [
      { description: '错别字' },
      'description',
      '错误描述至少 5 个字，请写明错在哪里、正确的应是什么',
    ],
    [
      { description: '错'.repeat(1001) },
      'description',
      '错误描述不能超过 1000 个字，现为 1001 个字',
    ],
    [
      { contact: 'abc' },
      'contact',
      '联系方式格式不正确：请填写手机号码、固定电话（含区号）或电子邮箱，也可以不填',
    ],
  ])('refuses %j with one sentence on the field', (over, field, sentence) => {
    const r = parseReportForm({ ...form, ...over }, origin)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual({ [field]: sentence })
  })

  it('lists every wrong field in form order', () => {
    const r = parseReportForm({ contact: 'abc', description: 'x', type: 'y' }, origin)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['url', 'type', 'description', 'contact'])
  })

  it('drops the #hash of the address', () => {
    const r = parseReportForm({ ...form, url: 'https://www.example.gov.cn/a/1.html#p2' }, origin)
    expect(r.ok && r.value.url).toBe('https://www.example.gov.cn/a/1.html')
  })

  it.each([
    ['13812345678', undefined],
    ['010-12345678', undefined],
    ['reader@example.com', 'reader@example.com'],
  ])('accepts the contact %s (e-mail: %s)', (contact, email) => {
    const r = parseReportForm({ ...form, contact }, origin)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.contact).toBe(contact)
    expect(r.value.email).toBe(email)
  })
})

describe('reported addresses', () => {
  it.each([
    ['/tzgg/12.html', 'https://www.example.gov.cn/tzgg/12.html'],
    ['http://other.gov.cn/x.html#top', 'http://other.gov.cn/x.html'],
    ['javascript:alert(1)', null],
    ['ftp://example.gov.cn/a', null],
    ['//evil.example.com/a', null],
    ['https://example.gov.cn/a b', null],
    [`https://example.gov.cn/${'a'.repeat(500)}`, null],
  ])('reads %s as %s', (value, url) => {
    expect(reportedUrl(value, origin)).toBe(url)
  })

  it.each([
    ['http://x/tzgg/abc123.html', 'abc123'],
    ['http://x/zwgk/tzgg/7.html', '7'],
    ['http://x/tzgg/', null],
    ['http://x/a.html', null],
    ['not an address', null],
  ])('finds the article id in %s: %s', (url, id) => {
    expect(articleIdInUrl(url)).toBe(id)
  })
})

describe('error report deadline and answer', () => {
  it('gives 3 working days, skipping the weekend after a Friday and holidays', () => {
    expect(reportDueDate({ receivedAt: '2026-03-06', calendar })).toBe('2026-03-11')
    expect(reportDueDate({ receivedAt: '2026-03-06', days: 1, calendar })).toBe('2026-03-09')
    // National Day: 10-08 and 10-09 count, then the make-up Saturday.
    expect(reportDueDate({ receivedAt: '2026-09-30', calendar })).toBe('2026-10-10')
  })

  const now = new Date('2026-03-10T02:00:00.000Z')
  const open = { status: 'received' }
  const done = { status: 'fixed', reply: '已改正为“部门”' }
  const stored = (status: string, answeredBy: unknown) => ({
    ok: true,
    patch: { status, reply: '已核实并处理完毕', answeredAt: now.toISOString(), answeredBy },
  })
  const refused = (path: string, words: string) => ({
    ok: false,
    path,
    reason: expect.stringContaining(words),
  })
  const nothing = { ok: true, patch: null }
  const reply = ' 已核实并处理完毕 '
  it.each([
    ['received, no outcome', open, { reply: '随便写写' }, nothing],
    ['received, empty outcome', open, { outcome: '' }, nothing],
    ['fixed', open, { outcome: 'fixed', reply }, stored('fixed', 7)],
    ['not an error', open, { outcome: 'not-error', reply }, stored('not-error', 7)],
    ['no reply', open, { outcome: 'fixed' }, refused('reply', '已如何纠正')],
    ['short reply', open, { outcome: 'not-error', reply: '没错' }, refused('reply', '为何不是')],
    ['bad outcome', open, { outcome: 'deleted', reply }, refused('outcome', '请选择处理结果')],
    ['answered, nothing sent', done, {}, nothing],
    ['answered, same answer', done, { outcome: 'fixed', reply: ' 已改正为“部门” ' }, nothing],
    ['answered, other outcome', done, { outcome: 'not-error' }, refused('outcome', '不能再修改')],
    ['answered, other reply', done, { reply }, refused('reply', '答复内容不能再修改')],
  ])('%s', (_, facts, input, expected) => {
    expect(answerReport(facts, input, { by: 7, now })).toEqual(expected)
  })

  it('stores no handler when none is known', () => {
    const r = answerReport(open, { outcome: 'fixed', reply }, { by: undefined, now })
    expect(r).toEqual(stored('fixed', null))
  })
})

const report = (site: number, receivedAt: string, status: string, dueDate: string, on?: string) =>
  ({ site, receivedAt, status, dueDate, answeredAt: on && `${on}T03:00:00Z` }) as ReportRow
const reports: ReportRow[] = [
  report(1, '2026-01-06', 'fixed', '2026-01-09', '2026-01-08'),
  report(1, '2026-02-03', 'not-error', '2026-02-06', '2026-02-09'), // late
  report(2, '2026-02-20', 'received', '2026-02-25'), // overdue
  report(1, '2026-03-02', 'received', '2026-03-12'),
  report(1, '2026-03-03', 'received', '2026-03-06'), // overdue
]
const today = '2026-03-10'
/** The values of some fields, in order (`'a b'` → [o.a, o.b]). */
const pick = (o: object, keys: string) =>
  keys.split(' ').map((k) => (o as Record<string, unknown>)[k])
const REPORT_KEYS = 'received answered answeredOnTime fixed open overdueNow'

describe('error report figures', () => {
  it('counts a site in all months, late answers not on time', () => {
    expect(pick(reportFigures({ rows: reports, site: '1', today }), REPORT_KEYS)).toEqual([
      4, 2, 1, 1, 2, 1,
    ])
  })

  it('keeps to the months and the site asked for', () => {
    const months = ['2026-01', '2026-02']
    const figures = (site: number | null, m = months) =>
      pick(reportFigures({ rows: reports, site, months: m, today }), REPORT_KEYS)
    expect(figures(1)).toEqual([2, 2, 1, 1, 0, 0])
    expect(figures(2)).toEqual([1, 0, 0, 0, 1, 1])
    expect(figures(null, ['2026-03'])).toEqual([2, 0, 0, 0, 2, 1])
  })
})

describe('feedback period', () => {
  it('defaults to this year up to the current month', () => {
    const r = parsePeriod({}, '2026-05-14')
    expect(r.ok && r.period).toEqual(yearToDate('2026-05-14'))
    expect(r.ok && r.period.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
    const to = parsePeriod({ to: '2025-03' }, '2026-05-14')
    expect(to.ok && pick(to.period, 'from to')).toEqual(['2025-01', '2025-03'])
    expect(pick(yearToDate('2026-03-15'), 'from to months')).toEqual([
      '2026-01',
      '2026-03',
      ['2026-01', '2026-02', '2026-03'],
    ])
  })

  it.each([
    [{ from: '2026-1' }, '起止月份格式应为 YYYY-MM，如 2026-01'],
    [{ to: '2026-13' }, '起止月份格式应为 YYYY-MM，如 2026-01'],
    [{ from: '2026-05', to: '2026-03' }, '起始月份不能晚于结束月份'],
    [{ from: '2023-01', to: '2026-01' }, '统计期间最长 36 个月，请缩短起止月份'],
  ])('refuses %j', (q, message) => {
    expect(parsePeriod(q, '2026-05-14')).toEqual({ ok: false, message })
  })

  it('allows exactly 36 months', () => {
    const r = parsePeriod({ from: '2023-02', to: '2026-01' }, '2026-05-14')
    expect(r.ok && r.period.months.length).toBe(36)
  })

  it('gives the first and last day, February 29 in a leap year', () => {
    const days = (from: string, to: string) => pick(periodDays({ from, to }), 'first last')
    expect(days('2028-01', '2028-02')).toEqual(['2028-01-01', '2028-02-29'])
    expect(days('2026-02', '2026-02')).toEqual(['2026-02-01', '2026-02-28'])
    expect(days('2026-01', '2026-12')).toEqual(['2026-01-01', '2026-12-31'])
  })

  it('writes a share with its interval, or why there is none', () => {
    expect(shareText(null, 10)).toBe('样本不足（少于 10 封）')
    expect(shareText(wilson(9, 10), 10)).toMatch(/^90%（95% 区间 \d+%–\d+%）$/)
  })
})

describe('feedback table', () => {
  type Over = Partial<LetterRow>
  const letter = (site: number, receivedAt: string, status: string, over: Over = {}) =>
    ({ firstSite: site, site, receivedAt, status, ...over }) as LetterRow
  // Answered on `on`, due `due`; the working days it took in the comments.
  const answered = (site: number, at: string, on: string, due: string, ...more: string[]) =>
    letter(site, at, 'answered', {
      answeredAt: `${on}T03:00:00Z`,
      answerDueDate: due,
      rating: more[0],
      resolved: more[1],
    })
  const transferred = answered(2, '2026-02-02', '2026-02-27', '2026-02-20', 'satisfied', 'unsure')
  const letters: LetterRow[] = [
    answered(1, '2026-01-05', '2026-01-08', '2026-01-26', 'very-satisfied', 'yes'), // 3 days
    answered(1, '2026-01-12', '2026-01-19', '2026-02-02', 'dissatisfied'), // 5 days
    letter(1, '2026-01-20', 'reviewing'), // 49 days old on 2026-03-10
    letter(1, '2026-01-02', 'rejected'),
    letter(1, '2026-02-16', 'submitted', { acceptDueDate: '2026-02-19' }),
    letter(1, '2025-12-20', 'accepted'), // before the period
    // From site 1 to site 2, answered late there (19 days).
    { ...transferred, firstSite: 1, transfers: [{ from: 1, to: 2 }] },
    answered(2, '2026-02-03', '2026-02-05', '2026-02-24', 'basic', 'no'), // 2 days
    letter(2, '2026-02-10', 'accepted', { answerDueDate: '2026-03-03' }), // 28 days old
    answered(3, '2026-01-07', '2026-01-09', '2026-01-28'), // unrated
  ]
  const sites: FeedbackSite[] = [
    { id: 2, slug: 'b', name: '乙局', kind: 'department', minimum: 2 },
    { id: 1, slug: 'a', name: '甲局', kind: 'department', minimum: 2 },
    { id: 3, slug: 'c', name: '丙局', kind: 'district', minimum: 5, defaultSatisfied: true },
  ]
  const period = { from: '2026-01', to: '2026-02', months: ['2026-01', '2026-02'] }
  const table = feedbackTable({ sites, letters, reports, period, today, calendar })
  const row = (site: string, month: string) =>
    table.rows.find((r) => r.site === site && r.month === month)!
  const total = (site: string) => table.sites.find((s) => s.site === site)!
  const KEYS = 'received transferredIn transferredOut answered answeredOnTime medianWorkdays'

  it('has one row per site and month with the letters’ and reports’ figures', () => {
    const order = ['b 2026-01', 'b 2026-02', 'a 2026-01', 'a 2026-02', 'c 2026-01', 'c 2026-02']
    expect(table.rows.map((r) => `${r.site} ${r.month}`)).toEqual(order)
    const jan = row('a', '2026-01')
    const keys = `month ${KEYS} satisfaction defaultedRatings`.split(' ')
    expect(Object.keys(jan)).toEqual(expect.arrayContaining(keys))
    expect(jan).not.toHaveProperty('oldestUnansweredDays')
    expect(pick(jan, `siteName rejected ${KEYS}`)).toEqual(['甲局', 1, 4, 0, 0, 2, 2, 3])
    expect(jan.satisfaction).toEqual({
      非常满意: 1,
      满意: 0,
      基本满意: 0,
      不满意: 1,
      非常不满意: 0,
    })
    expect(pick(jan.errorReports, REPORT_KEYS)).toEqual([1, 1, 1, 1, 0, 0])
  })

  it('counts a transferred letter once where it arrived, out there and in at the other site', () => {
    expect(pick(row('a', '2026-02'), KEYS)).toEqual([2, 0, 1, 0, 0, null])
    expect(pick(row('b', '2026-02'), KEYS)).toEqual([2, 1, 0, 2, 1, 2])
    expect(total('a').received + total('b').received).toBe(8)
  })

  it('counts defaulted ratings only where the site defaults them', () => {
    expect(pick(row('c', '2026-01'), 'answered defaultedRatings')).toEqual([1, 1])
    expect(row('c', '2026-01').satisfaction['满意']).toBe(1)
    expect(row('a', '2026-01').defaultedRatings).toBe(0)
  })

  it('gives no share or rank below the minimum sample', () => {
    const c = pick(total('c'), 'received answered minimum sampled onTime rank')
    expect(c).toEqual([1, 1, 5, false, null, null])
  })

  it('ranks sampled sites by the lower end of the on-time interval', () => {
    const [a, b] = [total('a'), total('b')]
    expect(a.sampled && b.sampled).toBe(true)
    expect(b.onTime!.share).toBe(0.5)
    expect(a.onTime!.low).toBeGreaterThan(b.onTime!.low)
    expect([a.rank, b.rank]).toEqual([1, 2])
  })

  it('ages the oldest unanswered letter in calendar days, skipping rejected and answered ones', () => {
    expect(['a', 'b', 'c'].map((s) => total(s).oldestUnansweredDays)).toEqual([49, 28, null])
  })

  it('counts whether the matter was resolved apart from the answers', () => {
    expect(pick(total('a'), 'answered resolved')).toEqual([2, { yes: 1, no: 0, unsure: 0 }])
    expect(pick(total('b'), 'answered resolved')).toEqual([2, { yes: 0, no: 1, unsure: 1 }])
    expect(pick(total('a').errorReports, REPORT_KEYS)).toEqual([2, 2, 1, 1, 0, 0])
  })

  it('keeps a retired site’s history under its name, unranked; drops it from empty periods', () => {
    const retired = sites.map((x) =>
      x.id === 1 ? { ...x, name: '甲局（已整合）', retired: true } : x,
    )
    const t = feedbackTable({ sites: retired, letters, reports, period, today, calendar })
    const a = t.sites.find((x) => x.site === 'a')!
    expect(pick(a, 'siteName received retired rank')).toEqual(['甲局（已整合）', 6, true, null])
    expect(t.sites.find((x) => x.site === 'b')!.rank).toBe(1)
    const later = { from: '2026-06', to: '2026-06', months: ['2026-06'] }
    const empty = feedbackTable({
      sites: retired,
      letters,
      reports,
      period: later,
      today,
      calendar,
    })
    expect(empty.sites.map((x) => x.site)).toEqual(['b', 'c'])
    expect(empty.rows.map((r) => r.site)).toEqual(['b', 'c'])
  })

  it('writes the CSV: a header, then one line per row', () => {
    const csv = feedbackCsv(table)
    expect(csv).toHaveLength(table.rows.length + 1)
    expect(csv[0][0]).toBe('网站')
    const names = table.rows.map((r) => `${r.siteName} ${r.month}`)
    expect(csv.slice(1).map((l) => `${l[0]} ${l[1]}`)).toEqual(names)
    for (const line of csv) expect(line).toHaveLength(csv[0].length)
  })
})

describe('veto alarm', () => {
  it.each([
    ['accepted', '2026-04-29', undefined, null],
    ['accepted', '2026-04-30', undefined, 'approaching'],
    ['reviewing', '2026-06-01', undefined, 'approaching'],
    ['submitted', '2026-06-02', undefined, 'vetoed'],
    ['accepted', '2026-03-31', 30, 'approaching'],
    ['accepted', '2026-03-30', 30, null],
    ['answered', '2026-07-01', undefined, null],
    ['rejected', '2026-07-01', undefined, null],
  ])('a %s letter of 2026-03-01 on %s (alarm %s days): %s', (status, day, alarmDays, state) => {
    expect(vetoState({ status, receivedAt: '2026-03-01', today: day, alarmDays })).toBe(state)
  })

  it('counts calendar days across months and years', () => {
    expect(calendarDaysBetween('2026-03-01', '2026-04-30')).toBe(60)
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(calendarDaysBetween('2025-12-31', '2026-01-01')).toBe(1)
    expect(calendarDaysBetween('2026-01-02', '2026-01-01')).toBe(-1)
  })
})
