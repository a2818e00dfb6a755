// The public record of every department (互动交流 › 统计, /hdjl/tj): for a period of months, per
// site and month, the letters' figures (src/domain/letter-stats.ts, the one place they are
// counted) and the error reports' figures, the shares with their 95 % interval only from the
// site's minimum sample, and the ranking among the sites that reach it. The page, its JSON and
// CSV, and the admin's export are all this one table.
import { type ReportFigures, reportFigures, type ReportRow } from './error-reports'
import type { Id } from './ids'
import {
  type LetterFigures,
  letterFigures,
  type LetterRow,
  MIN_SAMPLE,
  monthsBetween,
  satisfiedShare,
  wilson,
} from './letter-stats'
import { RATING_LABELS, RATINGS, RESOLVED_LABELS, RESOLVED_ANSWERS } from './letters'
import type { WorkCalendar } from './workdays'

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/
/** The longest period a request may ask for. */
export const MAX_MONTHS = 36

export type Period = { from: string; to: string; months: string[] }

/**
 * The period asked for (`YYYY-MM` each, both optional): this year so far by default. A wrong
 * value gets a sentence saying how to write it.
 */
export function parsePeriod(
  q: { from?: unknown; to?: unknown },
  today: string,
): { ok: true; period: Period } | { ok: false; message: string } {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')
  const to = text(q.to) || yearToDate(today).to
  const from = text(q.from) || `${to.slice(0, 4)}-01`
  if (!MONTH.test(from) || !MONTH.test(to))
    return { ok: false, message: '起止月份格式应为 YYYY-MM，如 2026-01' }
  if (from > to) return { ok: false, message: '起始月份不能晚于结束月份' }
  const months = monthsBetween(from, to)
  if (months.length > MAX_MONTHS)
    return { ok: false, message: `统计期间最长 ${MAX_MONTHS} 个月，请缩短起止月份` }
  return { ok: true, period: { from, to, months } }
}

/** This year so far (the default period). */
export const yearToDate = (today: string): Period => {
  const to = today.slice(0, 7)
  const from = `${to.slice(0, 4)}-01`
  return { from, to, months: monthsBetween(from, to) }
}

/** The first and last day of a period, to read the records received in it. */
export function periodDays(p: { from: string; to: string }): { first: string; last: string } {
  const [y, m] = p.to.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { first: `${p.from}-01`, last: `${p.to}-${String(last).padStart(2, '0')}` }
}

export type FeedbackSite = {
  id: Id
  slug: string
  name: string
  kind: string
  /** Shares and ranks only from this many letters in the period (site setting). */
  minimum?: number | null
  defaultSatisfied?: boolean | null
  /** Closed or merged: its history is shown under its name when it had any, never ranked. */
  retired?: boolean
}

type Share = ReturnType<typeof wilson>

export type FeedbackMonthRow = Omit<LetterFigures, 'oldestUnansweredDays'> & {
  site: string
  siteName: string
  month: string
  errorReports: ReportFigures
}

export type FeedbackSiteFigures = LetterFigures & {
  site: string
  siteName: string
  kind: string
  minimum: number
  /** Enough letters in the period for shares and a rank. */
  sampled: boolean
  onTime: Share
  satisfied: Share
  /** 是 among the ratings that answered whether the matter was resolved. */
  resolvedYes: Share
  /** 1 = best; null below the minimum sample. */
  rank: number | null
  errorReports: ReportFigures
  /** A closed or merged site's history (never ranked). */
  retired: boolean
}

export type FeedbackTable = {
  from: string
  to: string
  today: string
  rows: FeedbackMonthRow[]
  sites: FeedbackSiteFigures[]
}

/** Every site's figures for the period, by month and in total, ranked where the sample allows. */
export function feedbackTable({
  sites,
  letters,
  reports,
  period,
  today,
  calendar,
}: {
  sites: readonly FeedbackSite[]
  letters: readonly LetterRow[]
  reports: readonly ReportRow[]
  period: Period
  today: string
  calendar: WorkCalendar
}): FeedbackTable {
  const rows: FeedbackMonthRow[] = []
  const totals: FeedbackSiteFigures[] = []
  for (const site of sites) {
    const common = {
      rows: letters,
      site: site.id,
      today,
      calendar,
      defaultSatisfied: Boolean(site.defaultSatisfied),
    }
    for (const month of period.months) {
      const { oldestUnansweredDays: _, ...f } = letterFigures({ ...common, months: [month] })
      rows.push({
        site: site.slug,
        siteName: site.name,
        month,
        ...f,
        errorReports: reportFigures({ rows: reports, site: site.id, months: [month], today }),
      })
    }
    const f = letterFigures({ ...common, months: period.months })
    const reportTotals = reportFigures({
      rows: reports,
      site: site.id,
      months: period.months,
      today,
    })
    if (site.retired && f.received === 0 && f.transferredIn === 0 && reportTotals.received === 0) {
      // A retired site with nothing in the period is not listed at all.
      rows.splice(rows.length - period.months.length, period.months.length)
      continue
    }
    const minimum = site.minimum ?? MIN_SAMPLE
    const satisfied = satisfiedShare(f)
    const resolvedTotal = RESOLVED_ANSWERS.reduce((n, r) => n + f.resolved[r], 0)
    totals.push({
      ...f,
      site: site.slug,
      siteName: site.name,
      kind: site.kind,
      minimum,
      sampled: f.received >= minimum,
      onTime: wilson(f.answeredOnTime, f.answered, minimum),
      satisfied: wilson(satisfied.hits, satisfied.total, minimum),
      resolvedYes: wilson(f.resolved.yes, resolvedTotal, minimum),
      rank: null,
      errorReports: reportTotals,
      retired: Boolean(site.retired),
    })
  }
  // Ranked by the lower end of the on-time interval (a small sample cannot rank first by luck),
  // then of the satisfied share; only sites with the minimum sample.
  const ranked = totals
    .filter((t) => t.sampled && t.onTime && !t.retired)
    .sort(
      (a, b) =>
        b.onTime!.low - a.onTime!.low ||
        (b.satisfied?.low ?? 0) - (a.satisfied?.low ?? 0) ||
        a.site.localeCompare(b.site),
    )
  ranked.forEach((t, i) => (t.rank = i + 1))
  return { from: period.from, to: period.to, today, rows, sites: totals }
}

/** A share as people read it: `83%（95% 区间 71%–91%）`, or why there is none. */
export const shareText = (s: Share, minimum: number): string =>
  s
    ? `${Math.round(s.share * 100)}%（95% 区间 ${Math.round(s.low * 100)}%–${Math.round(s.high * 100)}%）`
    : `样本不足（少于 ${minimum} 封）`

const blank = (n: number | null) => (n == null ? '' : n)

/** The CSV of the table's month rows (one line per site and month). */
export function feedbackCsv(table: FeedbackTable): (string | number)[][] {
  const header = [
    '网站',
    '月份',
    '收到来信',
    '受理',
    '不予受理',
    '转入',
    '转出',
    '已答复',
    '按期答复',
    '办理中',
    '逾期未办结',
    '答复用时中位数（工作日）',
    '答复用时90%分位（工作日）',
    ...RATINGS.map((r) => RATING_LABELS[r]),
    '默认评价数',
    ...RESOLVED_ANSWERS.map((r) => `问题解决：${RESOLVED_LABELS[r]}`),
    '收到纠错',
    '纠错已答复',
    '纠错按期答复',
  ]
  return [
    header,
    ...table.rows.map((f) => [
      f.siteName,
      f.month,
      f.received,
      f.accepted,
      f.rejected,
      f.transferredIn,
      f.transferredOut,
      f.answered,
      f.answeredOnTime,
      f.open,
      f.overdueNow,
      blank(f.medianWorkdays),
      blank(f.p90Workdays),
      ...RATINGS.map((r) => f.satisfaction[RATING_LABELS[r]] ?? 0),
      f.defaultedRatings,
      ...RESOLVED_ANSWERS.map((r) => f.resolved[r]),
      f.errorReports.received,
      f.errorReports.answered,
      f.errorReports.answeredOnTime,
    ]),
  ]
}
