// 督办 for letters: the open letters that are overdue or due soon at their current stage (受理,
// 答复, 差评跟进), and the valid letters approaching or past the national three-month veto; the
// reminders mailed about them, once per letter, stage and due date; 待我处理 rows.
import type { Payload, Where } from 'payload'

import { dayOf } from '../domain/dates'
import type { Id } from '../domain/ids'
import {
  LETTER_STATUS_LABELS,
  type LetterStatus,
  type LetterUrgency,
  letterUrgency,
  OPEN_LETTER_STATUSES,
  STAGE_LABELS,
  UNANSWERED_STATUSES,
  vetoState,
} from '../domain/letters'
import { LETTERS } from '../domain/slugs'
import { calendarDaysBetween } from '../domain/workdays'
import { settings } from '../settings'
import { findAllSelected, onSites } from './records'
import { notify, peopleWithRoles, platformAdmins } from './notify'
import { todayInBeijing } from './request-clock'
import { siteName } from './stored-request'
import { loadWorkCalendar } from './work-calendar'

export type LetterSupervisionRow = {
  id: Id
  site: Id
  siteName: string
  number: string
  subject: string
  status: LetterStatus
  statusLabel: string
  receivedAt: string
  stage: keyof typeof STAGE_LABELS
  stageLabel: string
  due: string
  urgency: LetterUrgency
  daysLeft: number | null
  veto: 'vetoed' | 'approaching' | null
}

export const letterHref = (id: Id) => `/admin/collections/${LETTERS}/${id}`

/** Open letters needing attention on the given sites (or all), most urgent first. */
export async function letterSupervisionList(
  payload: Payload,
  { sites, today = todayInBeijing() }: { sites: Id[] | true; today?: string },
): Promise<{
  overdue: LetterSupervisionRow[]
  dueSoon: LetterSupervisionRow[]
  veto: LetterSupervisionRow[]
}> {
  const out = {
    overdue: [] as LetterSupervisionRow[],
    dueSoon: [] as LetterSupervisionRow[],
    veto: [] as LetterSupervisionRow[],
  }
  if (sites !== true && !sites.length) return out
  const calendar = await loadWorkCalendar(payload)
  const where: Where = {
    and: [{ status: { in: [...OPEN_LETTER_STATUSES] } }, ...onSites(sites)],
  }
  const names = new Map<string, string>()
  const docs = await findAllSelected(payload, {
    collection: LETTERS,
    where,
    sort: 'receivedAt',
    select: [
      'site',
      'number',
      'subject',
      'status',
      'receivedAt',
      'acceptDueDate',
      'answerDueDate',
      'followUpDueDate',
    ],
  })
  for (const doc of docs) {
    const letter = {
      status: doc.status,
      acceptDueDate: doc.acceptDueDate ? dayOf(doc.acceptDueDate) : null,
      answerDueDate: doc.answerDueDate ? dayOf(doc.answerDueDate) : null,
      followUpDueDate: doc.followUpDueDate ? dayOf(doc.followUpDueDate) : null,
    }
    const u = letterUrgency({ letter, today, calendar })
    const veto = vetoState({
      status: doc.status,
      receivedAt: dayOf(doc.receivedAt),
      today,
      alarmDays: settings.letterAlarmDays,
    })
    if (u.urgency !== 'overdue' && u.urgency !== 'due-soon' && !veto) continue
    const site = doc.site
    if (!names.has(String(site))) names.set(String(site), await siteName(payload, site))
    const stage = u.stage ?? 'answer'
    const row: LetterSupervisionRow = {
      id: doc.id,
      site,
      siteName: names.get(String(site)) ?? '',
      number: doc.number ?? '',
      subject: doc.subject,
      status: doc.status,
      statusLabel: LETTER_STATUS_LABELS[doc.status] ?? doc.status,
      receivedAt: dayOf(doc.receivedAt),
      stage,
      stageLabel: STAGE_LABELS[stage],
      due:
        (stage === 'accept'
          ? letter.acceptDueDate
          : stage === 'follow-up'
            ? letter.followUpDueDate
            : letter.answerDueDate) ?? '',
      urgency: u.urgency,
      daysLeft: u.daysLeft,
      veto,
    }
    if (u.urgency === 'overdue') out.overdue.push(row)
    else if (u.urgency === 'due-soon') out.dueSoon.push(row)
    if (veto) out.veto.push(row)
  }
  return out
}

/** Mails each site's handlers and site admins once per letter, stage and due date. */
export async function sendLetterReminders(
  payload: Payload,
  today = todayInBeijing(),
): Promise<{ dueSoon: number; overdue: number; veto: number }> {
  const list = await letterSupervisionList(payload, { sites: true, today })
  const counts = { dueSoon: 0, overdue: 0, veto: 0 }
  const groups = [
    ['dueSoon', 'due-soon', list.dueSoon],
    ['overdue', 'overdue', list.overdue],
    ['veto', 'veto', list.veto],
  ] as const
  // The veto alarm goes to the platform's administrators as well (their dashboard shows it too).
  const admins = list.veto.length ? await platformAdmins(payload) : []
  for (const [count, stage, rows] of groups) {
    for (const row of rows) {
      const people = await peopleWithRoles(payload, row.site, ['handler', 'site-admin'])
      const to =
        stage === 'veto'
          ? [...people, ...admins.filter((a) => !people.some((p) => String(p.id) === String(a.id)))]
          : people
      const subject =
        stage === 'veto'
          ? `【督办】来信${row.veto === 'vetoed' ? '已超过三个月' : `已 ${calendarDaysBetween(row.receivedAt, today)} 天`}未答复：${row.number}`
          : stage === 'overdue'
            ? `【督办】来信${row.stageLabel}已逾期：${row.number}`
            : `【提醒】来信${row.stageLabel}即将到期：${row.number}`
      const sent = await notify(payload, {
        to,
        kind: `letter.${stage}`,
        site: row.site,
        target: `${LETTERS}:${row.id}`,
        key: `letter.${stage}:${row.id}:${stage === 'veto' ? row.veto : `${row.stage}:${row.due}`}`,
        subject,
        text: [
          `${row.siteName}收到的来信“${row.subject}”（信件编号 ${row.number}，${row.receivedAt} 收到）`,
          stage === 'veto'
            ? '有效来信超过三个月未答复属于政府网站考核的单项否决情形，请立即办理。'
            : stage === 'overdue'
              ? `${row.stageLabel}期限 ${row.due} 已过，已逾期 ${-(row.daysLeft ?? 0)} 个工作日，请立即办理。`
              : `${row.stageLabel}期限 ${row.due}，尚余 ${row.daysLeft} 个工作日。`,
          `当前状态：${row.statusLabel}`,
        ].join('\n'),
      }).catch(() => false)
      if (sent) counts[count]++
    }
  }
  return counts
}

export type OldestUnanswered = {
  site: Id
  siteName: string
  id: Id
  number: string
  subject: string
  receivedAt: string
  /** Calendar days since it arrived. */
  days: number
  state: 'vetoed' | 'approaching' | null
}

/**
 * Per site, the oldest valid letter not yet answered: the platform's view of the veto before it
 * bites (alarm from `settings.letterAlarmDays`, default 60 days; the veto at three months).
 */
export async function oldestUnansweredBySite(
  payload: Payload,
  { sites, today = todayInBeijing() }: { sites: Id[] | true; today?: string },
): Promise<OldestUnanswered[]> {
  if (sites !== true && !sites.length) return []
  const seen = new Map<string, OldestUnanswered>()
  const docs = await findAllSelected(payload, {
    collection: LETTERS,
    where: {
      and: [{ status: { in: [...UNANSWERED_STATUSES] } }, ...onSites(sites)],
    },
    sort: 'receivedAt',
    select: ['site', 'number', 'subject', 'status', 'receivedAt'],
  })
  for (const doc of docs) {
    const site = doc.site
    if (seen.has(String(site))) continue
    const receivedAt = dayOf(doc.receivedAt)
    seen.set(String(site), {
      site,
      siteName: await siteName(payload, site),
      id: doc.id,
      number: doc.number ?? '',
      subject: doc.subject,
      receivedAt,
      days: calendarDaysBetween(receivedAt, today),
      state: vetoState({
        status: doc.status,
        receivedAt,
        today,
        alarmDays: settings.letterAlarmDays,
      }),
    })
  }
  return [...seen.values()].sort((a, b) => b.days - a.days)
}
