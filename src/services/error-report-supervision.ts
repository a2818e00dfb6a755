// 督办 for 我要纠错: the reports still to answer on the given sites, overdue first; one reminder
// mail per overdue report to the site's handlers and admins; 待我处理 rows.
import type { Payload } from 'payload'

import { dayOf } from '../domain/dates'
import { ERROR_TYPE_LABELS } from '../domain/error-reports'
import type { Id } from '../domain/ids'
import { ERROR_REPORTS } from '../domain/slugs'
import { workingDaysBetween } from '../domain/workdays'
import { notify, peopleWithRoles } from './notify'
import { findAllSelected, onSites } from './records'
import { todayInBeijing } from './request-clock'
import { siteName } from './stored-request'
import { loadWorkCalendar } from './work-calendar'

export type ReportSupervisionRow = {
  id: Id
  site: Id
  siteName: string
  url: string
  typeLabel: string
  receivedAt: string
  dueDate: string
  /** Working days left (negative: late). */
  daysLeft: number
  overdue: boolean
}

export const reportHref = (id: Id) => `/admin/collections/${ERROR_REPORTS}/${id}`

/** Reports not yet answered on the sites (or all), oldest first. */
export async function reportSupervisionList(
  payload: Payload,
  { sites, today = todayInBeijing() }: { sites: Id[] | true; today?: string },
): Promise<ReportSupervisionRow[]> {
  if (sites !== true && !sites.length) return []
  const calendar = await loadWorkCalendar(payload)
  const docs = await findAllSelected(payload, {
    collection: ERROR_REPORTS,
    where: {
      and: [{ status: { equals: 'received' } }, ...onSites(sites)],
    },
    sort: 'receivedAt',
    select: ['site', 'url', 'type', 'receivedAt', 'dueDate'],
  })
  const names = new Map<string, string>()
  const rows: ReportSupervisionRow[] = []
  for (const d of docs) {
    const site = d.site
    if (!names.has(String(site))) names.set(String(site), await siteName(payload, site))
    const due = dayOf(d.dueDate ?? d.receivedAt)
    const daysLeft = workingDaysBetween({ from: today, to: due, calendar })
    rows.push({
      id: d.id,
      site,
      siteName: names.get(String(site)) ?? '',
      url: d.url,
      typeLabel: ERROR_TYPE_LABELS[d.type] ?? d.type,
      receivedAt: dayOf(d.receivedAt),
      dueDate: due,
      daysLeft,
      overdue: today > due,
    })
  }
  return rows.sort((a, b) => Number(b.overdue) - Number(a.overdue))
}

/** Mails each site's handlers and admins once per overdue report. */
export async function sendReportReminders(
  payload: Payload,
  today = todayInBeijing(),
): Promise<{ overdue: number }> {
  let overdue = 0
  for (const row of await reportSupervisionList(payload, { sites: true, today })) {
    if (!row.overdue) continue
    const sent = await notify(payload, {
      to: await peopleWithRoles(payload, row.site, ['handler', 'site-admin']),
      kind: 'error-report.overdue',
      site: row.site,
      target: `${ERROR_REPORTS}:${row.id}`,
      key: `error-report.overdue:${row.id}:${row.dueDate}`,
      subject: `【督办】读者纠错已逾期未答复：${row.typeLabel}`,
      text: [
        `${row.siteName}于 ${row.receivedAt} 收到的读者纠错（${row.typeLabel}）`,
        `出错页面：${row.url}`,
        `答复期限 ${row.dueDate} 已过，请立即核实处理并答复。`,
      ].join('\n'),
    }).catch(() => false)
    if (sent) overdue++
  }
  return { overdue }
}
