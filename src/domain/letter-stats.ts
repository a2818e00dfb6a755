// The leader mailbox's figures, computed once from the letters: per site and month, received,
// accepted, rejected, transferred, answered, answered on time, open and overdue, working days
// to answer (median and 90th percentile) and the satisfaction breakdown with how many ratings
// were defaulted. The public page, the admin and the exports all use this one function.
import type { Id } from './ids'
import {
  isOpenLetter,
  isUnanswered,
  RATING_LABELS,
  RATING_WINDOW_DAYS,
  RATINGS,
  type Rating,
  RESOLVED_ANSWERS,
  type ResolvedAnswer,
} from './letters'
import {
  addWorkingDays,
  calendarDaysBetween,
  type WorkCalendar,
  workingDaysBetween,
} from './workdays'

export type LetterRow = {
  /** The site that first received the letter (each letter counts once in `received`, there). */
  firstSite: Id
  /** The site that holds it now (after any transfer). */
  site: Id
  receivedAt: string
  status: string
  answeredAt?: string | null
  answerDueDate?: string | null
  acceptDueDate?: string | null
  rating?: string | null
  resolved?: string | null
  /** Each transfer: the site it left and the site it went to. */
  transfers?: readonly { from: Id; to: Id }[]
}

export type Satisfaction = Record<string, number>

export type LetterFigures = {
  received: number
  accepted: number
  rejected: number
  transferredIn: number
  transferredOut: number
  answered: number
  answeredOnTime: number
  open: number
  overdueNow: number
  medianWorkdays: number | null
  p90Workdays: number | null
  /** Calendar days the oldest valid letter not yet answered has waited, as of today. */
  oldestUnansweredDays: number | null
  /** Counts keyed by the five level names in Chinese (非常满意 …). */
  satisfaction: Satisfaction
  rated: number
  defaultedRatings: number
  resolved: Record<ResolvedAnswer, number>
}

export type MonthFigures = LetterFigures & { month: string }

const empty = (): LetterFigures => ({
  received: 0,
  accepted: 0,
  rejected: 0,
  transferredIn: 0,
  transferredOut: 0,
  answered: 0,
  answeredOnTime: 0,
  open: 0,
  overdueNow: 0,
  medianWorkdays: null,
  p90Workdays: null,
  oldestUnansweredDays: null,
  satisfaction: Object.fromEntries(RATINGS.map((r) => [RATING_LABELS[r], 0])),
  rated: 0,
  defaultedRatings: 0,
  resolved: Object.fromEntries(RESOLVED_ANSWERS.map((r) => [r, 0])) as Record<
    ResolvedAnswer,
    number
  >,
})

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (!sorted.length) return null
  const rank = Math.max(1, Math.ceil(share * sorted.length))
  return sorted[rank - 1]
}

export const monthOf = (date: string) => date.slice(0, 7)

const same = (a: Id | null | undefined, b: Id | null | undefined) =>
  a != null && b != null && String(a) === String(b)

/**
 * Figures of the letters a site received (or that were transferred to it) in a set of months.
 * `defaultSatisfied`: a letter unrated RATING_WINDOW_DAYS working days after its answer counts
 * as 满意 (site setting, off by default), and is counted in `defaultedRatings` either way only
 * when it was counted.
 */
export function letterFigures({
  rows,
  site,
  months,
  today,
  calendar,
  defaultSatisfied = false,
}: {
  rows: readonly LetterRow[]
  /** null: every site together. */
  site: Id | null
  /** 'YYYY-MM' months to include; empty: all. */
  months?: readonly string[]
  today: string
  calendar: WorkCalendar
  defaultSatisfied?: boolean
}): LetterFigures {
  const out = empty()
  const workdays: number[] = []
  const inPeriod = (date: string) => !months?.length || months.includes(monthOf(date))
  for (const r of rows) {
    if (!inPeriod(r.receivedAt)) continue
    const first = site == null || same(r.firstSite, site)
    const holds = site == null || same(r.site, site)
    const transfers = r.transfers ?? []
    if (site != null) {
      out.transferredIn += transfers.filter((t) => same(t.to, site)).length
      out.transferredOut += transfers.filter((t) => same(t.from, site)).length
    } else {
      out.transferredIn += transfers.length
      out.transferredOut += transfers.length
    }
    if (first) out.received++
    // What happened to the letter is the record of the site that holds it now.
    if (!holds) continue
    if (r.status === 'rejected') out.rejected++
    else if (r.status !== 'submitted') out.accepted++
    if (r.answeredAt) {
      out.answered++
      const answered = r.answeredAt.slice(0, 10)
      if (!r.answerDueDate || answered <= r.answerDueDate) out.answeredOnTime++
      workdays.push(Math.max(0, workingDaysBetween({ from: r.receivedAt, to: answered, calendar })))
      const rating = r.rating as Rating | null | undefined
      if (rating && RATING_LABELS[rating]) {
        out.satisfaction[RATING_LABELS[rating]]++
        out.rated++
        if (r.resolved && r.resolved in out.resolved) out.resolved[r.resolved as ResolvedAnswer]++
      } else if (defaultSatisfied) {
        const window = addWorkingDays({ from: answered, days: RATING_WINDOW_DAYS, calendar })
        if (today > window) {
          out.satisfaction[RATING_LABELS.satisfied]++
          out.defaultedRatings++
        }
      }
    }
    if (isUnanswered(r.status) && !r.answeredAt) {
      const age = calendarDaysBetween(r.receivedAt, today)
      out.oldestUnansweredDays = Math.max(out.oldestUnansweredDays ?? 0, age)
    }
    if (isOpenLetter(r.status)) {
      out.open++
      const due = r.status === 'submitted' ? r.acceptDueDate : r.answerDueDate
      if (due && today > due) out.overdueNow++
    }
  }
  workdays.sort((a, b) => a - b)
  out.medianWorkdays = percentile(workdays, 0.5)
  out.p90Workdays = percentile(workdays, 0.9)
  return out
}

/** The months from `from` to `to` ('YYYY-MM'), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
    if (out.length > 240) break
  }
  return out
}

/** One row of figures per month, for the site (null: all sites). */
export function monthlyFigures(args: {
  rows: readonly LetterRow[]
  site: Id | null
  from: string
  to: string
  today: string
  calendar: WorkCalendar
  defaultSatisfied?: boolean
}): MonthFigures[] {
  return monthsBetween(args.from, args.to).map((month) => ({
    month,
    ...letterFigures({ ...args, months: [month] }),
  }))
}

/** Rates are shown only from this many letters in the period (a setting's default). */
export const MIN_SAMPLE = 10

/** A share with its 95 % Wilson interval, or null below the minimum sample. */
export function wilson(
  hits: number,
  total: number,
  minSample = MIN_SAMPLE,
): { share: number; low: number; high: number } | null {
  if (total < minSample || total === 0) return null
  const z = 1.96
  const p = hits / total
  const denom = 1 + (z * z) / total
  const centre = (p + (z * z) / (2 * total)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denom
  return { share: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

/** Satisfied share: 非常满意 + 满意 + 基本满意 among rated (and defaulted) letters. */
export function satisfiedShare(f: LetterFigures): { hits: number; total: number } {
  const s = f.satisfaction
  const hits =
    s[RATING_LABELS['very-satisfied']] + s[RATING_LABELS.satisfied] + s[RATING_LABELS.basic]
  const total = RATINGS.reduce((n, r) => n + s[RATING_LABELS[r]], 0)
  return { hits, total }
}
