// 互动交流 › 统计 (/hdjl/tj, /hdjl/tj.json, /hdjl/tj.csv): every department's record in public.
// A department's site shows its own figures; the portal shows every listed site, ranked where the
// sample allows, and one department's detail with `?site=<slug>`. `from`/`to` (YYYY-MM) choose
// the period (this year by default). The figures are src/domain/feedback-stats.ts; the charts are
// SVG drawn on the server, each with its description and the table of its data.
import type { Request } from 'express'

import { csvTable } from '../../domain/csv'
import {
  type FeedbackSiteFigures,
  type FeedbackTable,
  feedbackCsv,
  parsePeriod,
  shareText,
} from '../../domain/feedback-stats'
import { RATING_LABELS, RATINGS, RESOLVED_ANSWERS, RESOLVED_LABELS } from '../../domain/letters'
import { feedbackFigures } from '../../services/feedback-stats'
import { tags } from '../../services/page-cache'
import { todayInBeijing } from '../../services/request-clock'
import { barChart } from '../render/charts'
import { render } from '../render/engine'
import type { PageContext } from './context'
import { pageLayout } from './hdjl-common'
import { INTERACTION_PATH } from './frame'
import { type CachedRoute, HTML, type Output } from './routes'
import { withCare } from './section'

export const STATS_PATH = '/hdjl/tj'
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/
/** Figures that change with the day (overdue now, oldest unanswered) are made again this often. */
const STATS_TTL_SECONDS = 600

type Format = 'html' | 'json' | 'csv'
const formatOf = (path: string): Format | null =>
  path === STATS_PATH
    ? 'html'
    : path === `${STATS_PATH}.json`
      ? 'json'
      : path === `${STATS_PATH}.csv`
        ? 'csv'
        : null

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** What the request asks for: the period and (on the portal) one site. */
function askedFor(req: Request) {
  const period = parsePeriod({ from: one(req.query.from), to: one(req.query.to) }, todayInBeijing())
  const slug = one(req.query.site)
  return { period, slug }
}

/** A refusal in the format asked for: the page with its sentence, or `{ message }`, or text. */
async function problem(
  status: number,
  message: string,
  format: Format,
  view: () => Promise<string>,
): Promise<Output> {
  if (format === 'html') return { status, body: await view(), contentType: HTML, tags: [] }
  if (format === 'json')
    return {
      status,
      body: JSON.stringify({ message }),
      contentType: 'application/json; charset=utf-8',
      tags: [],
    }
  return { status, body: `${message}\r\n`, contentType: 'text/plain; charset=utf-8', tags: [] }
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '—')

function siteView(s: FeedbackSiteFigures) {
  const resolvedTotal = RESOLVED_ANSWERS.reduce((n, r) => n + s.resolved[r], 0)
  return {
    ...s,
    onTimeText: shareText(s.onTime, s.minimum),
    satisfiedText: shareText(s.satisfied, s.minimum),
    resolvedText: shareText(s.resolvedYes, s.minimum),
    rankText: s.rank == null ? '样本不足' : String(s.rank),
    medianText: s.medianWorkdays == null ? '—' : `${s.medianWorkdays} 个工作日`,
    p90Text: s.p90Workdays == null ? '—' : `${s.p90Workdays} 个工作日`,
    oldestText: s.oldestUnansweredDays == null ? '无' : `${s.oldestUnansweredDays} 天`,
    levels: RATINGS.map((r) => ({
      label: RATING_LABELS[r],
      count: s.satisfaction[RATING_LABELS[r]] ?? 0,
    })),
    resolvedLevels: RESOLVED_ANSWERS.map((r) => ({
      label: RESOLVED_LABELS[r],
      count: s.resolved[r],
      share: pct(s.resolved[r], resolvedTotal),
    })),
    reportsOnTime: pct(s.errorReports.answeredOnTime, s.errorReports.answered),
  }
}

/** Received and answered per month: of one site, or of all sites together. */
function monthly(table: FeedbackTable, site: string | null) {
  const byMonth = new Map<
    string,
    { month: string; received: number; answered: number; onTime: number }
  >()
  for (const r of table.rows) {
    if (site != null && r.site !== site) continue
    const m = byMonth.get(r.month) ?? { month: r.month, received: 0, answered: 0, onTime: 0 }
    m.received += r.received
    m.answered += r.answered
    m.onTime += r.answeredOnTime
    byMonth.set(r.month, m)
  }
  return [...byMonth.values()]
}

async function htmlPage(
  ctx: PageContext,
  table: FeedbackTable,
  { detail, portal }: { detail: FeedbackSiteFigures | null; portal: boolean },
  query: string,
): Promise<string> {
  const months = monthly(table, detail?.site ?? null)
  const monthLabel = (m: string) => `${Number(m.slice(5))}月`
  const multiYear = table.from.slice(0, 4) !== table.to.slice(0, 4)
  const monthChart = barChart({
    categories: months.map((m) => (multiYear ? m.month : monthLabel(m.month))),
    series: [
      { name: '收到来信', data: months.map((m) => m.received) },
      { name: '已答复', data: months.map((m) => m.answered) },
    ],
    label: `${detail?.siteName ?? '全部网站'}${table.from} 至 ${table.to} 每月收到与答复的来信数柱状图，数据见下表`,
    care: ctx.care,
  })
  const sites = table.sites.map((f) => ({
    ...siteView(f),
    href: `${STATS_PATH}?${ctx.care ? 'care=1&' : ''}site=${f.site}&from=${table.from}&to=${table.to}`,
  }))
  // Ranked sites first, best first; then those below the minimum sample.
  const ranking = [...sites].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
  const focus = detail ? siteView(detail) : null
  const satisfactionChart = focus
    ? barChart({
        categories: focus.levels.map((l) => l.label),
        series: [{ name: '评价数', data: focus.levels.map((l) => l.count) }],
        label: `${focus.siteName}满意度评价分布柱状图，数据见下表`,
        care: ctx.care,
      })
    : barChart({
        categories: sites.map((s) => s.siteName),
        series: RATINGS.map((r) => ({
          name: RATING_LABELS[r],
          data: sites.map((s) => s.satisfaction[RATING_LABELS[r]] ?? 0),
        })),
        label: '各网站满意度评价分布堆积条形图，数据见下表',
        care: ctx.care,
        horizontal: true,
        stacked: true,
      })
  const q = (extra: string) => {
    const parts = [query, extra].filter(Boolean).join('&')
    return parts ? `?${parts}` : ''
  }
  const title = focus && portal ? `${focus.siteName}来信统计` : '来信统计'
  return render(ctx.site.theme, 'hdjl-tj', {
    layout: await pageLayout(ctx, title, [
      { name: '来信统计', href: withCare(ctx, STATS_PATH), current: true },
    ]),
    title,
    portal,
    period: { from: table.from, to: table.to, today: table.today },
    months: months.map((m) => ({ ...m, onTimeText: pct(m.onTime, m.answered) })),
    monthChart,
    satisfactionChart,
    focus,
    sites,
    anyRanked: sites.some((s) => s.rank != null),
    minimum: focus?.minimum ?? sites[0]?.minimum ?? 10,
    action: STATS_PATH,
    care: ctx.care,
    ranking,
    allHref: withCare(ctx, STATS_PATH),
    jsonHref: `${STATS_PATH}.json${q('')}`,
    csvHref: `${STATS_PATH}.csv${q('')}`,
    indexHref: withCare(ctx, INTERACTION_PATH),
  })
}

async function statsPage(ctx: PageContext, req: Request, format: Format): Promise<Output> {
  const { period, slug } = askedFor(req)
  const portal = ctx.site.kind === 'portal'
  const errorView = async (message: string) =>
    render(ctx.site.theme, 'hdjl-tj', {
      layout: await pageLayout(ctx, '来信统计', [
        { name: '来信统计', href: STATS_PATH, current: true },
      ]),
      title: '来信统计',
      error: message,
      allHref: withCare(ctx, STATS_PATH),
      indexHref: withCare(ctx, INTERACTION_PATH),
    })
  if (!period.ok) return problem(400, period.message, format, () => errorView(period.message))
  if (slug && (!SLUG.test(slug) || (!portal && slug !== ctx.site.slug))) {
    const message = portal
      ? '没有这个网站，请从列表中选择'
      : '本页只统计本网站的来信；各部门的统计请到门户网站查看'
    return problem(404, message, format, () => errorView(message))
  }
  // A department's page is its own record; the portal's is every listed site's (or one's).
  const table = await feedbackFigures(ctx.payload, {
    site: portal ? null : ctx.site.id,
    period: period.period,
  })
  if (portal && slug) {
    table.sites = table.sites.filter((s) => s.site === slug)
    table.rows = table.rows.filter((r) => r.site === slug)
    if (!table.sites.length) {
      const message = '没有这个网站，请从列表中选择'
      return problem(404, message, format, () => errorView(message))
    }
  }
  const outTags = [tags.site(ctx.site.id), portal ? tags.feedbackAll : tags.feedback(ctx.site.id)]
  const base = { status: 200, tags: outTags, ttlSeconds: STATS_TTL_SECONDS }
  if (format === 'json')
    return {
      ...base,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({
        from: table.from,
        to: table.to,
        generated: table.today,
        notes: {
          received: '按收信日期统计；转办的来信只计入最初收信的网站',
          workdays: '答复用时以工作日计（节假日不计）',
          shares: '各比率附 95% Wilson 区间；来信少于最少样本数的网站不计算比率、不参与排名',
        },
        rows: table.rows,
        sites: table.sites,
      }),
    }
  if (format === 'csv')
    return { ...base, contentType: 'text/csv; charset=utf-8', body: csvTable(feedbackCsv(table)) }
  const detail = portal ? (slug ? table.sites[0] : null) : (table.sites[0] ?? null)
  const query = [
    slug ? `site=${slug}` : '',
    req.query.from || req.query.to ? `from=${table.from}&to=${table.to}` : '',
  ]
    .filter(Boolean)
    .join('&')
  return {
    ...base,
    contentType: HTML,
    body: await htmlPage(ctx, table, { detail, portal }, query),
  }
}

export const hdjlStatsRoute: CachedRoute = {
  cached: true,
  matches: (path) => formatOf(path) != null,
  // Kept in the output cache by site only; a chosen period is made on request.
  cacheVariant: (req) => {
    if (req.query.from != null || req.query.to != null) return null
    const slug = one(req.query.site)
    return slug ? (SLUG.test(slug) ? `site=${slug}` : null) : ''
  },
  handle: (ctx, req) => statsPage(ctx, req, formatOf(ctx.path)!),
}
