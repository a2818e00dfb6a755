// Decides whether signed items went online within the hour, who is reminded when, and the report.
import { csvTable } from './csv'
import { beijingDateTime } from './dates'

export type FirstHourSettings = {
  /** Minutes from signing within which an item must be online. */
  limitMinutes: number
  /** Reminders to the site's editors and signers, in minutes after signing. */
  remindAtMinutes: number[]
  /** The escalation to the site admin, in minutes after signing. */
  escalateAtMinutes: number
}
export const FIRST_HOUR_DEFAULTS: FirstHourSettings = {
  limitMinutes: 60,
  remindAtMinutes: [30, 50],
  escalateAtMinutes: 60,
}

export type Stage = {
  /** 'remind-30', 'remind-50', 'escalate-60': stable, used to send each stage once. */
  key: string
  atMinutes: number
  audience: 'editors-signers' | 'site-admin'
}

/** The reminders and the escalation in time order (on a tie, the reminder first). */
export function stages(settings: FirstHourSettings = FIRST_HOUR_DEFAULTS): Stage[] {
  const reminders = [...new Set(settings.remindAtMinutes)]
    .filter((m) => Number.isFinite(m) && m >= 0)
    .map((m): Stage => ({ key: `remind-${m}`, atMinutes: m, audience: 'editors-signers' }))
  const escalation: Stage = {
    key: `escalate-${settings.escalateAtMinutes}`,
    atMinutes: settings.escalateAtMinutes,
    audience: 'site-admin',
  }
  return [...reminders, escalation].sort((a, b) => a.atMinutes - b.atMinutes)
}

const MINUTE = 60_000
const time = (v: string | Date | null | undefined): number =>
  v == null || v === '' ? NaN : new Date(v).getTime()

/** Minutes from signing to publishing, possibly fractional; never negative. */
export const delayMinutes = (signedAt: string | Date, publishedAt: string | Date): number =>
  Math.max(0, (time(publishedAt) - time(signedAt)) / MINUTE)

/** Published as of `now`: a publication time in the future has not happened yet. */
const publishedBy = (publishedAt: string | Date | null | undefined, now: Date): boolean =>
  time(publishedAt) <= now.getTime()

/**
 * The stages due at `now` for an item signed at `signedAt` and not yet published, minus those
 * already sent (their keys). Reminders are not stacked: after a pause (a node down, a sweep
 * missed) only the latest reminder reached is sent, and an earlier one it supersedes is never
 * sent afterwards. The escalation is always sent once reached.
 */
export function dueStages(input: {
  signedAt: string | Date
  publishedAt?: string | Date | null
  now: Date
  sent: string[]
  settings?: FirstHourSettings
}): Stage[] {
  if (publishedBy(input.publishedAt, input.now)) return []
  const elapsed = delayMinutes(input.signedAt, input.now)
  if (Number.isNaN(elapsed)) return []
  const reached = stages(input.settings).filter((s) => s.atMinutes <= elapsed)
  const latestReminder = reached.filter((s) => s.audience === 'editors-signers').at(-1)
  return reached.filter(
    (s) => (s.audience === 'site-admin' || s === latestReminder) && !input.sent.includes(s.key),
  )
}

export type FirstHourItem = {
  id: string | number
  title: string
  site: string | number
  siteName?: string
  signedAt: string
  publishedAt?: string | null
  emergency?: boolean
}
export type LateItem = FirstHourItem & { delayMinutes: number; stillUnpublished: boolean }
export type SiteLine = {
  site: string | number
  siteName?: string
  signed: number
  within: number
  share: number | null
  medianMinutes: number | null
}
export type FirstHourReport = {
  from: string
  to: string
  /** Every item signed in the period, decided or not. */
  signed: number
  /** Of those, published by `now`. */
  published: number
  /** Of those, published within the limit. */
  within: number
  /** within / decided (published + late unpublished); null when none is decided yet. */
  share: number | null
  /** Median delay of the published items; null when none is published. */
  medianMinutes: number | null
  /** The longest delay, counting late items still unpublished by their delay so far. */
  worstMinutes: number | null
  /** Items over the limit, longest delay first. */
  late: LateItem[]
  /** One line per site, by site name. */
  bySite: SiteLine[]
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

type Tally = {
  signed: number
  published: number
  within: number
  decided: number
  delays: number[]
  late: LateItem[]
}
const emptyTally = (): Tally => ({
  signed: 0,
  published: 0,
  within: 0,
  decided: 0,
  delays: [],
  late: [],
})

/**
 * The report for items signed in [from, to) (ISO instants), as of `now`:
 * - published items count by their delay: within the limit (inclusive) or late;
 * - unpublished items past the limit are late, with the delay so far (now − signedAt);
 * - unpublished items still inside the limit are undecided: they count as signed, but are left
 *   out of the share's denominator, the median and the late list until they are decided, so a
 *   report run mid-hour does not count an item as failed (or as met) before its hour is up.
 * The median is of published delays only: a delay still running is not a delay yet. Late
 * unpublished items show in the worst delay and the late list instead.
 */
export function firstHourReport(input: {
  items: FirstHourItem[]
  from: string
  to: string
  now: Date
  settings?: FirstHourSettings
}): FirstHourReport {
  const limit = (input.settings ?? FIRST_HOUR_DEFAULTS).limitMinutes
  const from = time(input.from)
  const to = time(input.to)
  const total = emptyTally()
  const sites = new Map<string, { site: string | number; siteName?: string; tally: Tally }>()

  for (const item of input.items) {
    const signedAt = time(item.signedAt)
    if (!(signedAt >= from && signedAt < to)) continue
    const key = String(item.site)
    let line = sites.get(key)
    if (!line) sites.set(key, (line = { site: item.site, tally: emptyTally() }))
    line.siteName ??= item.siteName
    for (const t of [total, line.tally]) t.signed++

    const published = publishedBy(item.publishedAt, input.now)
    const delay = delayMinutes(item.signedAt, published ? item.publishedAt! : input.now)
    if (published) {
      for (const t of [total, line.tally]) {
        t.published++
        t.decided++
        t.delays.push(delay)
        if (delay <= limit) t.within++
      }
    } else if (delay > limit) {
      for (const t of [total, line.tally]) t.decided++
    }
    if (delay > limit) {
      const late: LateItem = { ...item, delayMinutes: delay, stillUnpublished: !published }
      total.late.push(late)
    }
  }

  const share = (t: Tally) => (t.decided ? t.within / t.decided : null)
  const late = total.late.sort((a, b) => b.delayMinutes - a.delayMinutes)
  const worst = Math.max(...total.delays, ...late.map((l) => l.delayMinutes))
  const nameOf = (l: { site: string | number; siteName?: string }) => l.siteName ?? String(l.site)
  return {
    from: input.from,
    to: input.to,
    signed: total.signed,
    published: total.published,
    within: total.within,
    share: share(total),
    medianMinutes: median(total.delays),
    worstMinutes: Number.isFinite(worst) ? worst : null,
    late,
    bySite: [...sites.values()]
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'zh-CN'))
      .map(({ site, siteName, tally }) => ({
        site,
        ...(siteName !== undefined ? { siteName } : {}),
        signed: tally.signed,
        within: tally.within,
        share: share(tally),
        medianMinutes: median(tally.delays),
      })),
  }
}

/**
 * The late items as CSV for Excel: UTF-8 with a byte-order mark, CRLF lines, times in Beijing
 * time, delay in whole minutes.
 */
export function firstHourCsv(report: FirstHourReport): string {
  const rows: (string | number)[][] = [
    ['站点', '标题', '签发时间', '发布时间', '延迟(分钟)', '状态'],
    ...report.late.map((i) => [
      i.siteName ?? String(i.site),
      i.title,
      beijingDateTime(i.signedAt),
      i.stillUnpublished ? '' : beijingDateTime(i.publishedAt),
      Math.round(i.delayMinutes),
      i.stillUnpublished ? '超时未发布' : '超时发布',
    ]),
  ]
  return csvTable(rows)
}

/**
 * Scheduled publishing alarm: a scheduled item not live `graceSeconds` (default 60) after its
 * time has slipped.
 */
export function scheduleSlipped(input: {
  scheduledAt: string | Date
  now: Date
  live: boolean
  graceSeconds?: number
}): boolean {
  if (input.live) return false
  return input.now.getTime() - time(input.scheduledAt) >= (input.graceSeconds ?? 60) * 1000
}

/** A delay as people say it: '45 分钟', '1 小时 5 分钟', '2 天 3 小时' (whole minutes, rounded). */
export function formatDelay(minutes: number): string {
  if (!Number.isFinite(minutes)) return '—'
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分钟` : ''}`
  const h = Math.floor(m / 60)
  return `${Math.floor(h / 24)} 天${h % 24 ? ` ${h % 24} 小时` : ''}`
}
