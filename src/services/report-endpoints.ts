// GET /api/reports/first-hour.csv — the first-hour report's late items as CSV, for staff.
import type { Endpoint } from 'payload'

import { csvTable as csv } from '../domain/csv'
import { firstHourCsv } from '../domain/first-hour'
import { type Actor, canReadAllSites, sitesWithRole } from '../domain/permissions'
import { URGENCY_LABELS } from '../domain/request-steps'
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
      actor: req.user as unknown as Actor,
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
    if (!req.user) return Response.json({ message: '请先登录' }, { status: 401 })
    const actor = req.user as unknown as Actor
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
