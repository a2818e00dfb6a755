// The zombie-site audit (政府网站与政务新媒体检查指标, RULES §1): one site's facts in, each
// inspection item out with pass / warning / fail / unknown, the evidence, and a countdown — the
// day the item will fail if nothing is published or answered. Warning = within 80 % of a limit.
// Dates are Beijing calendar days (YYYY-MM-DD). Every threshold is a setting with the national
// figure as default.
import { UPDATE_CLASSES, type UpdateClass } from './columns'
import { addMonths, VETO_MONTHS } from './letters'
import { deadLinkLine } from './link-check'
import { addCalendarDays, calendarDaysBetween } from './workdays'

export type AuditThresholds = {
  /** Days without a new item on the home page. */
  homeStaleDays: number
  /** Maximum age in days per update class (null: not checked). */
  classMaxAgeDays: Record<UpdateClass, number | null>
  /** (a) stale news columns + stale top-level notice/policy columns, together. */
  staleNewsNoticeLimit: number
  /** (b) columns that should be updated but are stale. */
  staleColumnsLimit: number
  /** (c) empty columns. */
  emptyColumnsLimit: number
  /** A valid letter unanswered longer than this many months (within the last year). */
  letterMonths: number
  /** Probing: days observed, probes a day needed, share of failures that fails the site. */
  probeDays: number
  probesPerDay: number
  probeFailShare: number
  /** Dead links: the share above which the item warns (not a veto). */
  deadLinkShare: number
  /** An item's shown date earlier than its creation or signing by more than this many days. */
  backdateToleranceDays: number
  /** Warning at this share of a limit. */
  warnAt: number
}

export const DEFAULT_THRESHOLDS: AuditThresholds = {
  homeStaleDays: 14,
  classMaxAgeDays: Object.fromEntries(
    Object.entries(UPDATE_CLASSES).map(([k, v]) => [k, v.maxAgeDays]),
  ) as Record<UpdateClass, number | null>,
  staleNewsNoticeLimit: 5,
  staleColumnsLimit: 10,
  emptyColumnsLimit: 5,
  letterMonths: VETO_MONTHS,
  probeDays: 7,
  probesPerDay: 20,
  probeFailShare: 0.05,
  deadLinkShare: 0.01,
  backdateToleranceDays: 3,
  warnAt: 0.8,
}

export type AuditColumn = {
  id: string | number
  name: string
  path: string
  updateClass: UpdateClass
  /** A column without a parent. */
  topLevel: boolean
  /** Whether other columns hang below it (a navigation column is not empty for having no items). */
  hasChildren: boolean
  /** Published items in it (a count, or 1 for "some": the audit asks only whether it is empty). */
  items: number
  /** The newest published item's date shown (null: none, or none with a date). */
  latest: string | null
}

export type SiteFacts = {
  today: string
  /** The newest item shown on the home page (null: none). */
  homeLatest: string | null
  columns: readonly AuditColumn[]
  /** Whether the site has a working enquiry channel (an open mailbox). */
  hasChannel: boolean
  /** Letters received in the last year that were not rejected. */
  letters: readonly { code: string; receivedAt: string; answeredAt: string | null }[]
  /** Reachability probes of the observed period. */
  probes: readonly { at: string; ok: boolean }[]
  /** Links found on published pages, with whether each was found dead (null: not checked yet). */
  links:
    | readonly {
        url: string
        dead: boolean
        pages: readonly string[]
        /** A link to another website, checked over HTTP, with its answer. */
        external?: boolean
        httpStatus?: number | null
        error?: string | null
      }[]
    | null
  /** Links to other websites not checked over HTTP (yet). */
  externalLinks?: number
  /** Since when `items` were entered (the audit looks at recent entries only), if limited. */
  itemsSince?: string
  /** Published items: the date shown and when the item was really made and signed. */
  items: readonly {
    id: string | number
    title: string
    shownAt: string
    createdAt: string
    signedAt?: string | null
  }[]
  /** Published items missing disclosure attributes, and error reports past their answer date. */
  missingDisclosure: number
  overdueErrorReports: number
}

export type ItemStatus = 'pass' | 'warning' | 'fail' | 'unknown'

export const AUDIT_STATUS_LABELS = {
  pass: '合格',
  warning: '预警',
  fail: '不合格',
} as const

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  ...AUDIT_STATUS_LABELS,
  unknown: '无法判定',
}

export type AuditItem = {
  key: AuditKey
  label: string
  /** A single-veto item: its failure fails the site. */
  veto: boolean
  status: ItemStatus
  /** One sentence an auditor reads first. */
  summary: string
  /** What the finding rests on, one line each (columns, letters, links, dates). */
  evidence: string[]
  /** The day this item will fail if nothing changes (items not failing yet), and why. */
  failsOn?: { date: string; text: string }
}

export const AUDIT_ITEMS = {
  reachable: { label: '站点无法访问', veto: true },
  home: { label: '首页不更新', veto: true },
  columns: { label: '栏目不更新', veto: true },
  response: { label: '互动回应差', veto: true },
  services: { label: '服务不实用', veto: true },
  backdated: { label: '疑似伪造发稿日期', veto: false },
  links: { label: '链接不可用', veto: false },
  disclosure: { label: '信息公开属性缺失', veto: false },
  errorReports: { label: '网民纠错逾期未答复', veto: false },
} as const

export type AuditKey = keyof typeof AUDIT_ITEMS

const item = (
  key: AuditKey,
  status: ItemStatus,
  summary: string,
  evidence: string[] = [],
  failsOn?: AuditItem['failsOn'],
): AuditItem => ({ key, ...AUDIT_ITEMS[key], status, summary, evidence, failsOn })

/** The day a column becomes stale: its newest item's date plus its class's maximum age. */
function staleFrom(column: AuditColumn, t: AuditThresholds): string | null {
  const max = t.classMaxAgeDays[column.updateClass]
  if (max == null || column.items === 0) return null
  // An item without a date counts as not updated: stale since always.
  return column.latest ? addCalendarDays(column.latest, max + 1) : '0000-01-01'
}

const staleLine = (c: AuditColumn, today: string) =>
  c.latest
    ? `“${c.name}”（${c.path}，${UPDATE_CLASSES[c.updateClass].label}）最后更新 ${c.latest}，已 ${calendarDaysBetween(c.latest, today)} 天`
    : `“${c.name}”（${c.path}）的信息都没有发布日期`

/**
 * A count against its limit: fail at the limit, warning from 80 % of it, and — for counts that
 * grow with time — the day the count reaches the limit (the limit-th of the days ahead).
 */
function countStatus(
  count: number,
  limit: number,
  t: AuditThresholds,
): Exclude<ItemStatus, 'unknown'> {
  if (count >= limit) return 'fail'
  return count >= Math.ceil(limit * t.warnAt) ? 'warning' : 'pass'
}

function reachability(f: SiteFacts, t: AuditThresholds): AuditItem {
  const since = addCalendarDays(f.today, -t.probeDays)
  const probes = f.probes.filter((p) => p.at.slice(0, 10) > since)
  const needed = t.probeDays * t.probesPerDay
  const failed = probes.filter((p) => !p.ok)
  const share = probes.length ? failed.length / probes.length : 0
  const evidence = failed.slice(0, 20).map((p) => `${p.at} 访问失败`)
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  if (probes.length < needed)
    return item(
      'reachable',
      'unknown',
      `近 ${t.probeDays} 天只有 ${probes.length} 次监测（需要至少 ${needed} 次），无法判定；其中失败 ${failed.length} 次`,
      evidence,
    )
  const status =
    share >= t.probeFailShare ? 'fail' : share >= t.probeFailShare * t.warnAt ? 'warning' : 'pass'
  return item(
    'reachable',
    status,
    `近 ${t.probeDays} 天监测 ${probes.length} 次，失败 ${failed.length} 次（${pct(share)}，限值 ${pct(t.probeFailShare)}）`,
    evidence,
  )
}

function home(f: SiteFacts, t: AuditThresholds): AuditItem {
  if (!f.homeLatest) return item('home', 'fail', '首页没有任何带发布日期的信息')
  const age = calendarDaysBetween(f.homeLatest, f.today)
  const failsOn = addCalendarDays(f.homeLatest, t.homeStaleDays + 1)
  const evidence = [`首页最新信息发布于 ${f.homeLatest}`]
  if (age > t.homeStaleDays)
    return item(
      'home',
      'fail',
      `首页已 ${age} 天没有新信息（限值 ${t.homeStaleDays} 天）`,
      evidence,
    )
  return item(
    'home',
    age >= t.homeStaleDays * t.warnAt ? 'warning' : 'pass',
    `首页最近 ${age} 天内有更新`,
    evidence,
    { date: failsOn, text: `首页将于 ${failsOn} 超过 ${t.homeStaleDays} 天未更新` },
  )
}

function columns(f: SiteFacts, t: AuditThresholds): AuditItem {
  const checked = f.columns.filter((c) => t.classMaxAgeDays[c.updateClass] != null)
  const stale = checked.filter((c) => {
    const from = staleFrom(c, t)
    return from != null && from <= f.today
  })
  // (a) news columns at any level and top-level notice/policy columns.
  const inA = (c: AuditColumn) =>
    c.updateClass === 'news' || (c.updateClass === 'notice-policy' && c.topLevel)
  const staleA = stale.filter(inA)
  const empty = f.columns.filter((c) => c.items === 0 && !c.hasChildren)

  const parts = [
    {
      name: '（一）动态要闻类超过 2 周、通知公告政策文件类一级栏目超过 6 个月未更新',
      count: staleA.length,
      limit: t.staleNewsNoticeLimit,
      inCount: inA,
    },
    {
      name: '（二）应更新而长期未更新的栏目',
      count: stale.length,
      limit: t.staleColumnsLimit,
      inCount: () => true,
    },
    { name: '（三）空白栏目', count: empty.length, limit: t.emptyColumnsLimit, inCount: null },
  ]
  const statuses = parts.map((p) => countStatus(p.count, p.limit, t))
  const status = statuses.includes('fail')
    ? 'fail'
    : statuses.includes('warning')
      ? 'warning'
      : 'pass'

  // The countdown: for each stale-count part not failing yet, the day its limit-th column goes stale.
  let failsOn: AuditItem['failsOn']
  for (const [i, p] of parts.entries()) {
    if (!p.inCount || statuses[i] === 'fail') continue
    const ahead = checked
      .filter((c) => p.inCount!(c) && !stale.includes(c))
      .map((c) => ({ c, from: staleFrom(c, t) }))
      .filter((x): x is { c: AuditColumn; from: string } => x.from != null)
      .sort((a, b) => a.from.localeCompare(b.from))
    const next = ahead[p.limit - p.count - 1]
    if (next && (!failsOn || next.from < failsOn.date)) {
      const max = t.classMaxAgeDays[next.c.updateClass]
      failsOn = {
        date: next.from,
        text: `“${next.c.name}”栏目将于 ${next.from} 超过 ${max} 天未更新，届时${p.name}达到 ${p.limit} 个`,
      }
    }
  }
  const evidence = [
    ...parts.map((p) => `${p.name}：${p.count} 个（限值 ${p.limit} 个）`),
    ...stale.map((c) => `未更新：${staleLine(c, f.today)}`),
    ...empty.map((c) => `空白栏目：“${c.name}”（${c.path}）`),
  ]
  const summary =
    status === 'pass'
      ? `${checked.length} 个需更新的栏目中 ${stale.length} 个未按时更新，空白栏目 ${empty.length} 个`
      : parts
          .filter((_, i) => statuses[i] !== 'pass')
          .map((p) => `${p.name} ${p.count} 个（限值 ${p.limit}）`)
          .join('；')
  return item('columns', status, summary, evidence, failsOn)
}

function response(f: SiteFacts, t: AuditThresholds): AuditItem {
  if (!f.hasChannel) return item('response', 'fail', '没有可用的互动交流渠道（领导信箱未开通）')
  const yearAgo = addCalendarDays(f.today, -365)
  const recent = f.letters.filter((l) => l.receivedAt > yearAgo)
  const late = recent.filter((l) => {
    const limit = addMonths(l.receivedAt, t.letterMonths)
    return (l.answeredAt ?? f.today) > limit
  })
  const line = (l: (typeof recent)[number]) =>
    `${l.code}：${l.receivedAt} 收到，${l.answeredAt ? `${l.answeredAt} 答复` : '至今未答复'}（${calendarDaysBetween(l.receivedAt, l.answeredAt ?? f.today)} 天）`
  if (late.length)
    return item(
      'response',
      'fail',
      `近一年有 ${late.length} 封有效来信超过 ${t.letterMonths} 个月未答复`,
      late.map(line),
    )
  const open = recent
    .filter((l) => !l.answeredAt)
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
  if (!open.length)
    return item('response', 'pass', `近一年 ${recent.length} 封有效来信均已按时答复`)
  const oldest = open[0]
  const limit = addMonths(oldest.receivedAt, t.letterMonths)
  const allowed = calendarDaysBetween(oldest.receivedAt, limit)
  const age = calendarDaysBetween(oldest.receivedAt, f.today)
  const failsOn = addCalendarDays(limit, 1)
  return item(
    'response',
    age >= allowed * t.warnAt ? 'warning' : 'pass',
    `${open.length} 封来信尚未答复，最早的已等待 ${age} 天`,
    open.slice(0, 20).map(line),
    {
      date: failsOn,
      text: `来信 ${oldest.code} 将于 ${failsOn} 超过 ${t.letterMonths} 个月未答复`,
    },
  )
}

function backdated(f: SiteFacts, t: AuditThresholds): AuditItem {
  const flagged = f.items.filter((i) => {
    // Earlier than its creation or its signing: measured against the later of the two.
    const real = [i.createdAt, i.signedAt]
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1)
    return real && calendarDaysBetween(i.shownAt, real.slice(0, 10)) > t.backdateToleranceDays
  })
  if (!flagged.length)
    return item(
      'backdated',
      'pass',
      `${f.itemsSince ? `${f.itemsSince} 以来录入的信息中` : ''}未发现显示日期早于实际录入或签发日期的信息`,
    )
  return item(
    'backdated',
    'warning',
    `${flagged.length} 条信息的显示日期早于录入或签发日期超过 ${t.backdateToleranceDays} 天，请人工核实（历史文件补录除外）`,
    flagged.map(
      (i) =>
        `“${i.title}”显示 ${i.shownAt}，实际录入 ${i.createdAt.slice(0, 10)}${i.signedAt ? `，签发 ${i.signedAt.slice(0, 10)}` : ''}`,
    ),
  )
}

function links(f: SiteFacts, t: AuditThresholds): AuditItem {
  if (!f.links) return item('links', 'unknown', '尚未检查已发布页面中的链接')
  const unchecked = f.externalLinks ? `；站外链接 ${f.externalLinks} 个尚未检查` : ''
  if (!f.links.length)
    return item('links', f.externalLinks ? 'unknown' : 'pass', `没有站内链接${unchecked}`)
  const dead = f.links.filter((l) => l.dead)
  const share = dead.length / f.links.length
  const outside = f.links.filter((l) => l.external).length
  const checked = outside
    ? `站内链接 ${f.links.length - outside} 个、站外链接 ${outside} 个`
    : `站内链接 ${f.links.length} 个`
  return item(
    'links',
    share > t.deadLinkShare ? 'warning' : 'pass',
    `检查${checked}，不可用 ${dead.length} 个（${(share * 100).toFixed(1)}%，常规要求低于 ${(t.deadLinkShare * 100).toFixed(0)}%）${unchecked}`,
    dead.map((l) => deadLinkLine(l.url, l.pages, l)),
  )
}

/** Every item of the audit for one site, and the site's outcome from its veto items. */
export function auditSite(
  facts: SiteFacts,
  thresholds: AuditThresholds = DEFAULT_THRESHOLDS,
): { status: Exclude<ItemStatus, 'unknown'>; items: AuditItem[]; worst: AuditItem | null } {
  const t = thresholds
  const items = [
    reachability(facts, t),
    home(facts, t),
    columns(facts, t),
    response(facts, t),
    item('services', 'unknown', '平台未收录办事服务事项（由政务服务平台提供），本项需人工检查'),
    backdated(facts, t),
    links(facts, t),
    item(
      'disclosure',
      facts.missingDisclosure ? 'warning' : 'pass',
      facts.missingDisclosure
        ? `${facts.missingDisclosure} 条已发布的公开信息缺少公开属性`
        : '已发布信息的公开属性完整',
    ),
    item(
      'errorReports',
      facts.overdueErrorReports ? 'warning' : 'pass',
      facts.overdueErrorReports
        ? `${facts.overdueErrorReports} 条网民纠错超过期限未答复`
        : '网民纠错均在期限内答复',
    ),
  ]
  const vetoes = items.filter((i) => i.veto)
  const status = vetoes.some((i) => i.status === 'fail')
    ? 'fail'
    : vetoes.some((i) => i.status === 'warning')
      ? 'warning'
      : 'pass'
  // Failures first, then the warning that fails soonest.
  const worst =
    vetoes
      .filter((i) => i.status === 'fail' || i.status === 'warning')
      .sort(
        (a, b) =>
          Number(b.status === 'fail') - Number(a.status === 'fail') ||
          (a.failsOn?.date ?? '9999').localeCompare(b.failsOn?.date ?? '9999'),
      )[0] ?? null
  return { status, items, worst }
}

/** The nearest day any item will fail, for the platform overview's countdown column. */
export function nextFailure(items: readonly AuditItem[]): AuditItem['failsOn'] | undefined {
  return items
    .filter((i) => i.veto && i.status !== 'fail' && i.failsOn)
    .map((i) => i.failsOn!)
    .sort((a, b) => a.date.localeCompare(b.date))[0]
}

/** A run as a table (CSV, XLSX): one row per piece of evidence, the item repeated on each. */
export function auditRows(items: readonly AuditItem[]): string[][] {
  const head = ['检查项', '单项否决', '结论', '情况', '倒计时', '证据']
  const rows = items.flatMap((i) => {
    const base = [
      i.label,
      i.veto ? '是' : '否',
      ITEM_STATUS_LABELS[i.status],
      i.summary,
      i.failsOn && i.status !== 'fail' ? i.failsOn.text : '',
    ]
    return i.evidence.length ? i.evidence.map((e) => [...base, e]) : [[...base, '']]
  })
  return [head, ...rows]
}
