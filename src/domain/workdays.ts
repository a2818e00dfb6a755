// Decides which days are working days, and by which day a disclosure request must be answered.
//
// Dates are 'YYYY-MM-DD' strings in Beijing time (turn a timestamp into one with beijingDate).
// The calendar is data (the work-calendar collection, seeded from chinese-days), never a lookup
// here, so a change to it recomputes every open deadline.

export type WorkCalendar = {
  /** Official public holidays, including the weekend days inside a holiday period. */
  holidays: Set<string>
  /** Official make-up working days (调休上班), usually a Saturday or Sunday. */
  makeUpDays: Set<string>
  /** Optional names for the days above (国庆节), used in explanations. */
  names?: ReadonlyMap<string, string>
}

/** Days after `from` up to and including `to`, on a calendar. */
export type Span = { from: string; to: string; calendar: WorkCalendar }

/** One row of the work-calendar collection. */
export type CalendarDay = { date: string; kind: 'holiday' | 'makeup'; name: string }

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** Whether the string is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === value
}

const toUtc = (date: string): number => {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The date `days` calendar days after (or before, when negative) the given date. */
/** Calendar days from one day (YYYY-MM-DD) to another. */
export const calendarDaysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

export const addCalendarDays = (date: string, days: number): string =>
  fromUtc(toUtc(date) + days * DAY_MS)

/** 星期一 … 星期日 for a date. */
export const weekdayName = (date: string): string => WEEKDAYS[new Date(toUtc(date)).getUTCDay()]

const isWeekend = (date: string): boolean => {
  const day = new Date(toUtc(date)).getUTCDay()
  return day === 0 || day === 6
}

/**
 * The years from `from` to `to` for which the calendar holds no day at all: their holidays
 * are not known yet (the State Council publishes each year's late in the year before).
 */
export function yearsWithoutCalendar({ from, to, calendar }: Span): number[] {
  const known = new Set([...calendar.holidays, ...calendar.makeUpDays].map((d) => d.slice(0, 4)))
  const missing: number[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    if (!known.has(String(y))) missing.push(y)
  return missing
}

/** The calendar the work-calendar rows describe. */
export function calendarFromDays(days: readonly CalendarDay[]): WorkCalendar {
  const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date))
  const makeUpDays = new Set(days.filter((d) => d.kind === 'makeup').map((d) => d.date))
  const names = new Map(days.filter((d) => d.name).map((d) => [d.date, d.name]))
  return { holidays, makeUpDays, names }
}

/** A weekday that is not a public holiday, or an official make-up working day. */
export function isWorkingDay({
  date,
  calendar,
}: {
  date: string
  calendar: WorkCalendar
}): boolean {
  if (calendar.makeUpDays.has(date)) return true
  return !isWeekend(date) && !calendar.holidays.has(date)
}

/**
 * The date of the `days`-th working day after `from`. Counting starts the day after `from`
 * (自收到申请之日起…, the day of receipt is not counted), so 0 days is `from` itself.
 */
export function addWorkingDays({
  from,
  days,
  calendar,
}: {
  from: string
  days: number
  calendar: WorkCalendar
}): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be ≥ 0: ${days}`)
  let ms = toUtc(from)
  for (let left = days; left > 0;) {
    ms += DAY_MS
    if (isWorkingDay({ date: fromUtc(ms), calendar })) left--
  }
  return fromUtc(ms)
}

/**
 * How many working days fall after `from`, up to and including `to`: the inverse of
 * addWorkingDays. Negative when `to` is before `from`.
 */
export function workingDaysBetween({ from, to, calendar }: Span): number {
  const [a, b] = [toUtc(from), toUtc(to)]
  if (b < a) return -workingDaysBetween({ from: to, to: from, calendar })
  let count = 0
  for (let ms = a + DAY_MS; ms <= b; ms += DAY_MS) {
    if (isWorkingDay({ date: fromUtc(ms), calendar })) count++
  }
  return count
}

/** Days after `from` up to `to` that were not counted: public holidays, weekends, make-up days. */
export function daysSkipped({ from, to, calendar }: Span): {
  holidays: string[]
  weekends: string[]
  makeUpDays: string[]
} {
  const out = { holidays: [] as string[], weekends: [] as string[], makeUpDays: [] as string[] }
  for (let ms = toUtc(from) + DAY_MS; ms <= toUtc(to); ms += DAY_MS) {
    const date = fromUtc(ms)
    if (calendar.makeUpDays.has(date)) out.makeUpDays.push(date)
    else if (calendar.holidays.has(date)) out.holidays.push(date)
    else if (isWeekend(date)) out.weekends.push(date)
  }
  return out
}

// 条例第三十条: one consolidated correction notice within 7 working days of receipt.
export const CORRECTION_NOTICE_DAYS = 7
// 条例第三十三条第一款: reply within 20 working days; extension at most 20 more.
export const REPLY_DAYS = 20
export const MAX_EXTENSION_DAYS = 20
// 条例第三十二条: the third party answers within 15 working days.
export const THIRD_PARTY_DAYS = 15

/** The last day on which the agency may send its one correction notice (条例第三十条). */
export const correctionDeadline = ({
  receivedAt,
  calendar,
}: {
  receivedAt: string
  calendar: WorkCalendar
}): string => addWorkingDays({ from: receivedAt, days: CORRECTION_NOTICE_DAYS, calendar })

export type ClockEventKind =
  | 'correction-requested'
  | 'correction-received'
  | 'consultation-started'
  | 'consultation-ended'
  | 'extension-approved'

/**
 * A step that moves a request's clock. `days`: for an extension, the working days granted
 * (default 20); for a correction request, the working days the applicant is given to correct.
 */
export type ClockEvent = { kind: ClockEventKind; date: string; days?: number }

export type DisclosureClock = {
  /** The last day to answer; null while the clock is stopped (awaiting correction, consulting). */
  dueDate: string | null
  state: 'running' | 'awaiting-correction' | 'consulting'
  /** Each step in Chinese, in order, so the applicant sees why the due date is what it is. */
  explanation: string[]
  /** Events that were refused and not applied, each as a sentence. */
  problems: string[]
}

const show = (date: string) => `${date}（${weekdayName(date)}）`

/** Consecutive dates grouped into ranges: 2026-10-01 至 2026-10-07. */
function ranges(dates: string[]): { from: string; to: string; count: number }[] {
  const out: { from: string; to: string; count: number }[] = []
  for (const date of dates) {
    const last = out[out.length - 1]
    if (last && addCalendarDays(last.to, 1) === date) {
      last.to = date
      last.count++
    } else out.push({ from: date, to: date, count: 1 })
  }
  return out
}

/** Sentences naming the holidays, make-up days and weekends passed over between two dates. */
export function skippedDaysExplanation({ from, to, calendar }: Span): string[] {
  const skipped = daysSkipped({ from, to, calendar })
  const lines: string[] = []
  for (const r of ranges(skipped.holidays)) {
    const names = [
      ...new Set(
        skipped.holidays
          .filter((d) => d >= r.from && d <= r.to)
          .map((d) => calendar.names?.get(d) ?? '法定节假日'),
      ),
    ].join('、')
    const span = r.count === 1 ? r.from : `${r.from} 至 ${r.to}`
    lines.push(`跳过的节假日：${names} ${span}（${r.count} 天）`)
  }
  for (const date of skipped.makeUpDays) {
    const name = calendar.names?.get(date)
    lines.push(`调休上班日计为工作日：${show(date)}${name ? `，${name}调休` : ''}`)
  }
  if (skipped.weekends.length) lines.push(`跳过的周末：${skipped.weekends.length} 天`)
  return lines
}

type ClockState = {
  start: string
  limit: number
  extended: number
  paused: number
  correctionRequested: boolean
  awaitingSince: string | null
  consultingSince: string | null
}

const dueOf = (s: ClockState, calendar: WorkCalendar) =>
  addWorkingDays({ from: s.start, days: s.limit + s.extended + s.paused, calendar })

/**
 * The due date of a disclosure request, step by step. Events are applied in date order; an
 * event the law does not allow is refused with a sentence and not applied, so the clock the
 * applicant sees never runs longer than the law permits.
 */
export function disclosureDueDate({
  receivedAt,
  events,
  calendar,
  limitDays = REPLY_DAYS,
}: {
  receivedAt: string
  events: readonly ClockEvent[]
  calendar: WorkCalendar
  limitDays?: number
}): DisclosureClock {
  const explanation = [
    `收到申请：${show(receivedAt)}；自次日起计算 ${limitDays} 个工作日（条例第三十三条）`,
  ]
  const problems: string[] = []
  const s: ClockState = {
    start: receivedAt,
    limit: limitDays,
    extended: 0,
    paused: 0,
    correctionRequested: false,
    awaitingSince: null,
    consultingSince: null,
  }
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event)

  for (const event of sorted) {
    const refusal = applyEvent({ s, event, calendar, explanation })
    if (refusal) problems.push(refusal)
  }

  if (s.awaitingSince) {
    explanation.push('等待申请人补正：收到补正后的申请之日起重新计算答复期限（条例第三十条）')
    return { dueDate: null, state: 'awaiting-correction', explanation, problems }
  }
  if (s.consultingSince) {
    const used = workingDaysBetween({ from: s.start, to: s.consultingSince, calendar }) - s.paused
    const left = s.limit + s.extended - used
    explanation.push(
      `征求第三方意见（不计入）：自 ${show(s.consultingSince)} 起停止计算；已用 ${used} 个工作日，尚余 ${left} 个工作日，意见返回后继续计算（条例第三十三条）`,
    )
    return { dueDate: null, state: 'consulting', explanation, problems }
  }
  const dueDate = dueOf(s, calendar)
  explanation.push(...skippedDaysExplanation({ from: s.start, to: dueDate, calendar }))
  for (const year of yearsWithoutCalendar({ from: s.start, to: dueDate, calendar })) {
    explanation.push(
      `注意：${year} 年的节假日安排尚未录入工作日历，${year} 年的日期暂按周一至周五计算；录入后答复期限将自动重新计算`,
    )
  }
  explanation.push(`答复截止日：${show(dueDate)}`)
  return { dueDate, state: 'running', explanation, problems }
}

type Step = {
  s: ClockState
  date: string
  days?: number
  calendar: WorkCalendar
  say: (line: string) => void
}

// One small rule per kind of event: each returns the sentence refusing it, or applies it.
const STEPS: Record<ClockEventKind, (step: Step) => string | null> = {
  'correction-requested': ({ s, date, days, calendar, say }) => {
    if (s.correctionRequested) {
      return `${date} 再次要求补正：补正须一次性告知（条例第三十条），该事件不予计入`
    }
    const deadline = correctionDeadline({ receivedAt: s.start, calendar })
    if (date > deadline) {
      return `补正通知应在收到申请后 7 个工作日内（${deadline} 前）发出（条例第三十条）；${date} 发出的补正通知不中止答复期限`
    }
    if (s.consultingSince) return `${date} 正在征求第三方意见，不能同时要求补正`
    s.correctionRequested = true
    s.awaitingSince = date
    const until =
      days != null ? `，补正期限至 ${addWorkingDays({ from: date, days, calendar })}` : ''
    say(
      `补正：${show(date)} 一次性告知申请人补正${until}；补正期间不计算答复期限，无正当理由逾期不补正的视为放弃申请（条例第三十条）`,
    )
    return null
  },

  'correction-received': ({ s, date, say }) => {
    if (!s.awaitingSince) return `${date} 收到补正，但此前没有发出补正通知，该事件不予计入`
    // 条例第三十条: 答复期限自行政机关收到补正的申请之日起计算 — a fresh period.
    Object.assign(s, { start: date, extended: 0, paused: 0, awaitingSince: null })
    say(
      `补正：${show(date)} 收到补正后的申请，自次日起重新计算 ${s.limit} 个工作日（条例第三十条）`,
    )
    return null
  },

  'consultation-started': ({ s, date, calendar }) => {
    if (s.awaitingSince) return `${date} 正在等待申请人补正，不能同时征求第三方意见`
    if (s.consultingSince)
      return `${date} 已在征求意见中（自 ${s.consultingSince} 起），不能重复开始`
    const due = dueOf(s, calendar)
    if (date > due) return `答复期限已于 ${due} 届满，${date} 开始征求意见不能中止计算`
    s.consultingSince = date
    return null
  },

  'consultation-ended': ({ s, date, calendar, say }) => {
    if (!s.consultingSince) return `${date} 结束征求意见，但此前没有开始征求意见，该事件不予计入`
    // 条例第三十三条第二款: consultation time is not counted, so the working days after the
    // day it started up to the day the opinion came back are added to the period.
    const days = workingDaysBetween({ from: s.consultingSince, to: date, calendar })
    s.paused += days
    const over =
      days > THIRD_PARTY_DAYS
        ? `；超过第三方 ${THIRD_PARTY_DAYS} 个工作日的答复时限，逾期未提出意见的由行政机关依法决定（条例第三十二条）`
        : ''
    say(
      `征求第三方意见（不计入）：${show(s.consultingSince)} 至 ${show(date)}，共 ${days} 个工作日不计入答复期限（条例第三十二条、第三十三条）${over}`,
    )
    s.consultingSince = null
    return null
  },

  'extension-approved': ({ s, date, days = MAX_EXTENSION_DAYS, calendar, say }) => {
    if (s.awaitingSince) return `${date} 正在等待申请人补正，答复期限尚未重新起算，不能延期`
    if (s.consultingSince) return `${date} 正在征求意见，答复期限已中止计算，不能延期`
    if (!Number.isInteger(days) || days <= 0) return `延期天数“${days}”应为正整数`
    const due = dueOf(s, calendar)
    if (date > due) return `答复期限已于 ${due} 届满，${date} 不能再延期`
    // 条例第三十三条第一款: at most 20 more working days in all, however many approvals.
    if (s.extended + days > MAX_EXTENSION_DAYS) {
      const already = s.extended ? `已延长 ${s.extended} 个工作日，` : ''
      return `延长答复期限最长不得超过 ${MAX_EXTENSION_DAYS} 个工作日（条例第三十三条）；${already}不能再延长 ${days} 个工作日`
    }
    s.extended += days
    say(
      `延期：${show(date)} 经政府信息公开工作机构负责人同意，延长 ${days} 个工作日并告知申请人（条例第三十三条）`,
    )
    return null
  },
}

/** Applies one event to the clock; returns the sentence refusing it, or null. */
function applyEvent({
  s,
  event,
  calendar,
  explanation,
}: {
  s: ClockState
  event: ClockEvent
  calendar: WorkCalendar
  explanation: string[]
}): string | null {
  const { date } = event
  if (!isIsoDate(date)) return `事件日期“${date}”不是有效日期`
  if (date < s.start) return `${date} 早于收到申请之日（${s.start}），不能计入`
  const say = (line: string) => explanation.push(line)
  return STEPS[event.kind]({ s, date, days: event.days, calendar, say })
}
