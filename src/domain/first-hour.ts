// Decides whether signed items went online within the hour, who is reminded when, and the report.
import { beijingDateTime } from './dates'

export type FirstHourSettings = {
  limitMinutes: number
  remindAtMinutes: number[]
  escalateAtMinutes: number
}
export const FIRST_HOUR_DEFAULTS: FirstHourSettings = {
  limitMinutes: 60,
  remindAtMinutes: [30, 50],
  escalateAtMinutes: 60,
}

export type Stage = {
  key: string
  atMinutes: number
  audience: 'editors-signers' | 'site-admin'
}

export const stages = (s: FirstHourSettings = FIRST_HOUR_DEFAULTS): Stage[] => [
  ...s.remindAtMinutes.map((m) => ({
    key: `remind-${m}`,
    atMinutes: m,
    audience: 'editors-signers' as const,
  })),
  {
    key: `escalate-${s.escalateAtMinutes}`,
    atMinutes: s.escalateAtMinutes,
    audience: 'site-admin',
  },
]

const MINUTE = 60_000
const time = (v: string | Date) => new Date(v).getTime()

export const delayMinutes = (signedAt: string | Date, publishedAt: string | Date): number =>
  Math.max(0, (time(publishedAt) - time(signedAt)) / MINUTE)

/** The stages due now for an item still unpublished, minus those already sent. */
export function dueStages(input: {
  signedAt: string | Date
  publishedAt?: string | Date | null
  now: Date
  sent: string[]
  settings?: FirstHourSettings
}): Stage[] {
  if (input.publishedAt) return []
  const elapsed = delayMinutes(input.signedAt, input.now)
  const all = stages(input.settings)
  const due = all.filter((s) => s.atMinutes <= elapsed && !input.sent.includes(s.key))
  // After a pause (a node down), send only the latest reminder, but always the escalation.
  const reminders = due.filter((s) => s.audience === 'editors-signers')
  return [...reminders.slice(-1), ...due.filter((s) => s.audience === 'site-admin')]
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
  signed: number
  published: number
  within: number
  share: number | null
  medianMinutes: number | null
  worstMinutes: number | null
  late: LateItem[]
  bySite: SiteLine[]
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/**
 * Items signed in [from, to). Published items count by their delay. Unpublished items past the
 * limit are late (delay so far). Unpublished items still inside the limit are undecided: counted
 * as signed but left out of the share, the median and the late list until they are decided.
 */
export function firstHourReport(input: {
  items: FirstHourItem[]
  from: string
  to: string
  now: Date
  settings?: FirstHourSettings
}): FirstHourReport {
  const limit = (input.settings ?? FIRST_HOUR_DEFAULTS).limitMinutes
  const inPeriod = input.items.filter(
    (i) => time(i.signedAt) >= time(input.from) && time(i.signedAt) < time(input.to),
  )
  const summarise = (items: FirstHourItem[]) => {
    const delays: number[] = []
    const late: LateItem[] = []
    let within = 0
    let decided = 0
    let published = 0
    for (const i of items) {
      if (i.publishedAt) {
        published++
        decided++
        const d = delayMinutes(i.signedAt, i.publishedAt)
        delays.push(d)
        if (d <= limit) within++
        else late.push({ ...i, delayMinutes: d, stillUnpublished: false })
      } else {
        const d = delayMinutes(i.signedAt, input.now)
        if (d > limit) {
          decided++
          late.push({ ...i, delayMinutes: d, stillUnpublished: true })
        }
      }
    }
    return {
      signed: items.length,
      published,
      within,
      share: decided ? within / decided : null,
      medianMinutes: median(delays),
      worstMinutes:
        late.length || delays.length
          ? Math.max(...delays, ...late.map((l) => l.delayMinutes))
          : null,
      late: late.sort((a, b) => b.delayMinutes - a.delayMinutes),
    }
  }
  const all = summarise(inPeriod)
  const sites = [...new Set(inPeriod.map((i) => String(i.site)))]
  return {
    from: input.from,
    to: input.to,
    ...all,
    bySite: sites.map((site) => {
      const items = inPeriod.filter((i) => String(i.site) === site)
      const s = summarise(items)
      return {
        site: items[0].site,
        siteName: items[0].siteName,
        signed: s.signed,
        within: s.within,
        share: s.share,
        medianMinutes: s.medianMinutes,
      }
    }),
  }
}

const cell = (v: unknown): string => {
  let s = v == null ? '' : String(v)
  if (/^[=+\-@]/.test(s)) s = `'${s}` // a spreadsheet must not run a cell as a formula
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function firstHourCsv(report: FirstHourReport): string {
  const rows = [
    ['站点', '标题', '签发时间', '发布时间', '延迟(分钟)', '状态'],
    ...report.late.map((i) => [
      i.siteName ?? i.site,
      i.title,
      beijingDateTime(i.signedAt),
      i.publishedAt ? beijingDateTime(i.publishedAt) : '',
      Math.round(i.delayMinutes),
      i.stillUnpublished ? '超时未发布' : '超时发布',
    ]),
  ]
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function scheduleSlipped(input: {
  scheduledAt: string | Date
  now: Date
  live: boolean
  graceSeconds?: number
}): boolean {
  if (input.live) return false
  return input.now.getTime() - time(input.scheduledAt) > (input.graceSeconds ?? 60) * 1000
}

export function formatDelay(minutes: number): string {
  const m = Math.round(minutes)
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分钟` : ''}`
  const h = Math.floor(m / 60)
  return `${Math.floor(h / 24)} 天${h % 24 ? ` ${h % 24} 小时` : ''}`
}
