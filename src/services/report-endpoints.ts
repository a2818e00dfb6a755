// Staff report endpoints: the first-hour report's late items (CSV), 督办 (JSON/CSV) and the annual
// report's preview (JSON/CSV/XLSX, with the tracking codes that break its check).
import type { Endpoint, PayloadHandler } from 'payload'

import { csvTable as csv } from '../domain/csv'
import { feedbackCsv, parsePeriod } from '../domain/feedback-stats'
import { beijingDate, beijingYear } from '../domain/dates'
import { idOf } from '../domain/ids'
import { ANNUAL_REPORTS, SITES } from '../domain/slugs'
import { firstHourCsv } from '../domain/first-hour'
import { canReadAllSites, hasSiteRole, sitesWithRole, toActor } from '../domain/permissions'
import { URGENCY_LABELS } from '../domain/request-steps'
import {
  CSV_TYPE,
  XLSX_TYPE,
  buildAnnualReport,
  contentDisposition,
  reportCsv,
  reportTitle,
} from './annual-report'
import { actorOf, recordAudit } from './audit'
import { feedbackFigures } from './feedback-stats'
import { supervisionList } from './supervision'
import { loadFirstHourReport, periodOf } from './first-hour-report'

export const firstHourCsvEndpoint: Endpoint = {
  path: '/reports/first-hour.csv',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
    const q = (req.query ?? {}) as Record<string, unknown>
    const period = periodOf(q)
    const report = await loadFirstHourReport(req.payload, {
      actor: toActor(req.user),
      from: period.from,
      to: period.to,
      site: typeof q.site === 'string' ? q.site : null,
    })
    if (!report) return Response.json({ message: '您没有可查看的站点' }, { status: 403 })
    return new Response(firstHourCsv(report), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="first-hour-${period.fromDay}-${period.toDay}.csv"`,
      },
    })
  },
}

/**
 * GET /api/reports/supervision — 督办: open disclosure requests overdue, due soon or paused, on
 * the sites where the person handles requests (platform staff: every site). `?format=csv`.
 */
export const supervisionEndpoint: Endpoint = {
  path: '/reports/supervision',
  method: 'get',
  handler: async (req) => {
    const actor = toActor(req.user)
    if (!actor) return Response.json({ message: '请先登录' }, { status: 401 })
    const sites = canReadAllSites(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
    if (sites !== true && !sites.length)
      return Response.json({ message: '您不是任何站点的申请办理人或站点管理员' }, { status: 403 })
    const list = await supervisionList(req.payload, { sites })
    if ((req.query as Record<string, unknown>)?.format !== 'csv') return Response.json(list)
    const rows = [...list.overdue, ...list.dueSoon, ...list.paused].map((r) => [
      r.siteName,
      r.trackingCode,
      r.statusLabel,
      r.receivedAt,
      r.dueDate ?? '',
      URGENCY_LABELS[r.urgency],
      r.daysLeft == null ? '' : String(r.daysLeft),
    ])
    return new Response(
      csv([['网站', '查询码', '状态', '收到日期', '答复截止日', '督办', '剩余工作日'], ...rows]),
      {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="supervision.csv"',
        },
      },
    )
  },
}

// ---------------------------------------------------------------- staff preview

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * GET /api/reports/annual?site=<id>&year=<yyyy>&format=json|csv|xlsx — the report before (and
 * after) it is published, with the tracking codes of the requests that break the check. For
 * platform admins and auditors, and the site's admins and request handlers.
 */
export const annualReportPreviewHandler: PayloadHandler = async (req) => {
  if (!req.user) return json({ message: '请先登录' }, 401)
  const q = (req.query ?? {}) as Record<string, unknown>
  const siteParam = typeof q.site === 'string' ? q.site.trim() : ''
  const year = typeof q.year === 'string' && /^\d{4}$/.test(q.year) ? Number(q.year) : NaN
  const format = typeof q.format === 'string' && q.format ? q.format : 'json'
  const errors: string[] = []
  if (!siteParam) errors.push('请指定站点（site）')
  if (!Number.isInteger(year) || year < 2008 || year > beijingYear(new Date()))
    errors.push('请指定 2008 年至今年之间的年度（year）')
  if (!['json', 'csv', 'xlsx'].includes(format)) errors.push('导出格式只能是 json、csv 或 xlsx')
  if (errors.length) return json({ message: errors.join('；'), errors }, 400)
  const actor = toActor(req.user)
  if (!canReadAllSites(actor) && !hasSiteRole(actor, siteParam, 'site-admin', 'handler'))
    return json({ message: '您没有查看该站点年度报告的权限' }, 403)
  const found = await req.payload.find({
    collection: SITES,
    where: { id: { equals: siteParam } },
    limit: 1,
    depth: 0,
    pagination: false,
    select: { name: true },
    overrideAccess: true,
  })
  const siteId = idOf(found.docs[0])
  if (siteId == null) return json({ message: '站点不存在' }, 404)
  const report = await buildAnnualReport(req.payload, { siteId, year })
  // The preview lists tracking codes: who looked is recorded.
  void recordAudit(req.payload, {
    action: 'annual-report.preview',
    ...actorOf(req),
    site: siteId,
    target: `${ANNUAL_REPORTS}:${year}`,
    detail: { format },
  })
  const ascii = `annual-report-${year}-site-${siteId}`
  if (format === 'csv')
    return new Response(reportCsv(report), {
      headers: {
        'Content-Type': CSV_TYPE,
        'Content-Disposition': contentDisposition(`${ascii}.csv`, `${reportTitle(report)}.csv`),
        'Cache-Control': 'no-store',
      },
    })
  if (format === 'xlsx') {
    const { reportXlsx } = await import('./xlsx')
    const body = await reportXlsx(report)
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': contentDisposition(`${ascii}.xlsx`, `${reportTitle(report)}.xlsx`),
        'Cache-Control': 'no-store',
      },
    })
  }
  return json(report)
}

// ---------------------------------------------------------------- leader mailbox figures

/**
 * GET /api/reports/letters?site=<id>&from=YYYY-MM&to=YYYY-MM&format=json|csv — the interaction
 * figures per site and month (src/domain/feedback-stats: the table the public page /hdjl/tj and
 * its downloads are made of), for platform staff and the site's admins and handlers. Without
 * `site`: platform staff get every listed site; a person with one site gets that site.
 */
export const letterFiguresEndpoint: Endpoint = {
  path: '/reports/letters',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return json({ message: '请先登录' }, 401)
    const q = (req.query ?? {}) as Record<string, unknown>
    const format = typeof q.format === 'string' && q.format ? q.format : 'json'
    const period = parsePeriod(q, beijingDate(new Date()))
    const errors = [
      ...(period.ok ? [] : [period.message]),
      ...(['json', 'csv'].includes(format) ? [] : ['导出格式只能是 json 或 csv']),
    ]
    if (errors.length || !period.ok) return json({ message: errors.join('；'), errors }, 400)
    const actor = toActor(req.user)
    const allowed = canReadAllSites(actor) ? true : sitesWithRole(actor, 'site-admin', 'handler')
    // A person with one site gets that site's figures without naming it.
    const site =
      typeof q.site === 'string' && q.site
        ? q.site
        : allowed !== true && allowed.length === 1
          ? String(allowed[0])
          : null
    if (site != null && allowed !== true && !allowed.some((s) => String(s) === site))
      return json({ message: '您没有查看该站点来信统计的权限' }, 403)
    if (site == null && allowed !== true) return json({ message: '请指定站点（site）' }, 400)
    const table = await feedbackFigures(req.payload, { site, period: period.period })
    const { from, to } = period.period
    if (format === 'json') return json({ site, from, to, rows: table.rows, sites: table.sites })
    return new Response(csv(feedbackCsv(table)), {
      headers: {
        'Content-Type': CSV_TYPE,
        'Content-Disposition': contentDisposition(
          `letters-${from}-${to}.csv`,
          `来信统计-${from}-${to}.csv`,
        ),
        'Cache-Control': 'no-store',
      },
    })
  },
}
