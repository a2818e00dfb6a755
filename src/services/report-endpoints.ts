// GET /api/reports/first-hour.csv — the first-hour report's late items as CSV, for staff.
import type { Endpoint } from 'payload'

import { firstHourCsv } from '../domain/first-hour'
import type { Actor } from '../domain/permissions'
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
