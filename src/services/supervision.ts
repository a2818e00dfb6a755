// 督办: the open requests that are overdue or due soon, and the reminders mailed about them.
import type { Payload, Where } from 'payload'

import { dayOf } from '../domain/dates'
import { APPLICANT_KIND_LABELS } from '../domain/disclosure'
import type { Id } from '../domain/ids'
import {
  OPEN_STATUSES,
  REQUEST_STATUS_LABELS,
  urgency,
  type Urgency,
} from '../domain/request-steps'
import { DISCLOSURE_REQUESTS } from '../domain/slugs'
import { notify, peopleWithRoles } from './notify'
import { todayInBeijing } from './request-clock'
import { findAllSelected, onSites } from './records'
import { siteName } from './stored-request'
import { loadWorkCalendar } from './work-calendar'

export type SupervisionRow = {
  id: Id
  site: Id
  siteName: string
  trackingCode: string
  status: string
  statusLabel: string
  /** The legal day of receipt (YYYY-MM-DD). */
  receivedAt: string
  /** When the record was made (a web application: the moment it was submitted). */
  submittedAt: string
  applicantKind: string
  /** The start of what was asked for. */
  subject: string
  dueDate: string | null
  urgency: Urgency
  daysLeft: number | null
}

/** Open requests that are overdue or due soon, on the given sites (or all), most urgent first. */
export async function supervisionList(
  payload: Payload,
  { sites, today = todayInBeijing() }: { sites: Id[] | true; today?: string },
): Promise<{ overdue: SupervisionRow[]; dueSoon: SupervisionRow[]; paused: SupervisionRow[] }> {
  const calendar = await loadWorkCalendar(payload)
  const where: Where = {
    and: [{ status: { in: [...OPEN_STATUSES] } }, ...onSites(sites)],
  }
  const names = new Map<string, string>()
  const out = {
    overdue: [] as SupervisionRow[],
    dueSoon: [] as SupervisionRow[],
    paused: [] as SupervisionRow[],
  }
  if (sites !== true && !sites.length) return out
  const docs = await findAllSelected(payload, {
    collection: DISCLOSURE_REQUESTS,
    where,
    sort: 'dueDate',
    select: [
      'site',
      'trackingCode',
      'status',
      'receivedAt',
      'dueDate',
      'createdAt',
      'applicantKind',
      'description',
    ],
  })
  {
    for (const doc of docs) {
      const due = doc.dueDate ? dayOf(doc.dueDate) : null
      const u = urgency({ status: doc.status, dueDate: due, today, calendar })
      if (u.urgency === 'on-time' || u.urgency === 'done') continue
      const site = doc.site
      if (!names.has(String(site))) names.set(String(site), await siteName(payload, site))
      const row: SupervisionRow = {
        id: doc.id,
        site,
        siteName: names.get(String(site)) ?? '',
        trackingCode: doc.trackingCode ?? '',
        status: doc.status,
        statusLabel: REQUEST_STATUS_LABELS[doc.status] ?? doc.status,
        receivedAt: dayOf(doc.receivedAt),
        submittedAt: doc.createdAt,
        applicantKind: APPLICANT_KIND_LABELS[doc.applicantKind] ?? '',
        subject: shorten(doc.description ?? '', 30),
        dueDate: due,
        urgency: u.urgency,
        daysLeft: u.daysLeft,
      }
      if (u.urgency === 'overdue') out.overdue.push(row)
      else if (u.urgency === 'due-soon') out.dueSoon.push(row)
      else out.paused.push(row)
    }
  }
  return out
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

/**
 * Mails each site's handlers and site admins once per request and stage: due soon, then
 * overdue (a new due date after an extension starts the stages again).
 */
export async function sendDeadlineReminders(
  payload: Payload,
  today = todayInBeijing(),
): Promise<{ dueSoon: number; overdue: number }> {
  const list = await supervisionList(payload, { sites: true, today })
  let dueSoon = 0
  let overdue = 0
  for (const [stage, rows] of [
    ['due-soon', list.dueSoon],
    ['overdue', list.overdue],
  ] as const) {
    for (const row of rows) {
      const to = await peopleWithRoles(payload, row.site, ['handler', 'site-admin'])
      const sent = await notify(payload, {
        to,
        kind: `request.${stage}`,
        site: row.site,
        target: `${DISCLOSURE_REQUESTS}:${row.id}`,
        key: `request.${stage}:${row.id}:${row.dueDate}`,
        subject:
          stage === 'overdue'
            ? `【督办】依申请公开已逾期：${row.trackingCode}`
            : `【提醒】依申请公开即将到期：${row.trackingCode}`,
        text: [
          `${row.siteName}收到的政府信息公开申请（查询码 ${row.trackingCode}，${row.receivedAt} 收到）`,
          stage === 'overdue'
            ? `答复截止日 ${row.dueDate} 已过，已逾期 ${-(row.daysLeft ?? 0)} 个工作日，请立即办理。`
            : `答复截止日 ${row.dueDate}，尚余 ${row.daysLeft} 个工作日。`,
          `当前状态：${row.statusLabel}`,
        ].join('\n'),
      }).catch(() => false)
      if (sent && stage === 'overdue') overdue++
      else if (sent) dueSoon++
    }
  }
  return { dueSoon, overdue }
}
