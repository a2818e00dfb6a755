// Disclosure requests (依申请公开) on the statutory clock: the work calendar as the clock reads
// it, the due date with its explanation, the handler's steps, mail to the applicant, the 督办
// lists, and recomputing open deadlines when the calendar changes.
import crypto from 'node:crypto'
import path from 'node:path'

import type { Payload, PayloadRequest, Where } from 'payload'

import { DISCLOSURE_REQUESTS, REQUEST_FILES, SITES, WORK_CALENDAR } from '../domain/slugs'
import { beijingDate } from '../domain/dates'
import {
  feeFor,
  type FeeMethod,
  outcomeLabel,
  isOutcomeCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
} from '../domain/disclosure'
import {
  clockEvents,
  isOpen,
  OPEN_STATUSES,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  type TimelineEntry,
  urgency,
  type Urgency,
} from '../domain/request-steps'
import {
  type CalendarDay,
  calendarFromDays,
  disclosureDueDate,
  type WorkCalendar,
} from '../domain/workdays'
import { logger } from '../logger'
import { notify, peopleWithRoles } from './notify'

type Id = string | number
const idOf = (v: unknown): Id =>
  (v && typeof v === 'object' && 'id' in v ? (v as { id: Id }).id : v) as Id

// ---------------------------------------------------------------- the calendar

let calendarCache: Promise<WorkCalendar> | null = null

/** The work calendar from the work-calendar collection, kept until a row changes. */
export function loadWorkCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkCalendar> {
  if (req?.transactionID) return readCalendar(payload, req)
  calendarCache ??= readCalendar(payload).catch((err: unknown) => {
    calendarCache = null
    throw err
  })
  return calendarCache
}

async function readCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkCalendar> {
  const res = await payload.find({
    collection: WORK_CALENDAR,
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { date: true, kind: true, name: true },
    req,
  })
  return calendarFromDays(res.docs as unknown as CalendarDay[])
}

export const forgetWorkCalendar = () => {
  calendarCache = null
}

// ---------------------------------------------------------------- dates and codes

/**
 * A Beijing date as the instant stored in a date field: that day's Beijing noon (04:00 UTC), so
 * the admin's date picker shows the same day in any browser time zone from UTC−4 to UTC+19.
 */
export const dayInstant = (date: string): string => new Date(`${date}T12:00:00+08:00`).toISOString()

/** The Beijing date a stored date field means ('' for none). */
export const dayOf = (v: unknown): string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : beijingDate(v as string | null)

export const todayInBeijing = (now = new Date()) => beijingDate(now)

/** 16 random characters of the tracking alphabet, written in four groups (80 bits). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(TRACKING_CODE_LENGTH)
  const chars = [...bytes].map((b) => TRACKING_CODE_ALPHABET[b & 31])
  return chars.join('').match(/.{4}/g)!.join('-')
}

// ---------------------------------------------------------------- the clock

export type Clock = { dueDate: string | null; explanation: string[]; problems: string[] }

/** The due date of a request from its received date and timeline. */
export function clockOf(
  request: { receivedAt: unknown; timeline?: readonly TimelineEntry[] | null },
  calendar: WorkCalendar,
): Clock {
  const receivedAt = dayOf(request.receivedAt)
  const clock = disclosureDueDate({
    receivedAt,
    events: clockEvents(request.timeline ?? []),
    calendar,
  })
  return { dueDate: clock.dueDate, explanation: clock.explanation, problems: clock.problems }
}

// ---------------------------------------------------------------- mail

type RequestDoc = {
  id: Id
  site: Id | { id: Id; name?: string }
  trackingCode: string
  applicantName?: string | null
  email?: string | null
  status: RequestStatus
  receivedAt: string
  dueDate?: string | null
  outcome?: string | null
  replyText?: string | null
  replyFile?: Id | { id: Id } | null
  delivery?: string | null
  feeAmount?: number | null
  timeline?: (TimelineEntry & { id?: string })[] | null
}

async function siteName(payload: Payload, site: RequestDoc['site']): Promise<string> {
  if (typeof site === 'object' && site.name) return site.name
  const doc = await payload
    .findByID({ collection: SITES, id: idOf(site), depth: 0, overrideAccess: true })
    .catch(() => null)
  return (doc as { name?: string } | null)?.name ?? ''
}

/** Tells the applicant by e-mail (when they gave one) what happened to their request. */
export async function mailApplicant(
  payload: Payload,
  doc: RequestDoc,
  what: { subject: string; lines: string[]; attach?: Id | null },
): Promise<boolean> {
  if (!doc.email) return false
  const name = await siteName(payload, doc.site)
  const due = doc.dueDate ? `答复截止日：${dayOf(doc.dueDate)}` : '答复期限暂停计算'
  const text = [
    `${doc.applicantName ?? '申请人'}：`,
    '',
    ...what.lines,
    '',
    `查询码：${doc.trackingCode}`,
    `当前状态：${REQUEST_STATUS_LABELS[doc.status] ?? doc.status}`,
    isOpen(doc.status) ? due : '',
    '',
    `${name}政府信息公开工作机构`,
    '（本邮件由系统发送，请勿直接回复；可凭查询码在网站“依申请公开”栏目查询办理进度。）',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '')
  try {
    await payload.sendEmail({
      to: doc.email,
      subject: `【${name}】${what.subject}`,
      text: text.join('\n'),
      attachments: what.attach ? await replyAttachment(payload, what.attach) : undefined,
    })
    return true
  } catch (err) {
    logger.error({ err, request: doc.id }, 'applicant mail could not be sent')
    return false
  }
}

/** The reply document as a mail attachment (read from the private request-files folder). */
async function replyAttachment(payload: Payload, id: Id) {
  const file = (await payload
    .findByID({ collection: REQUEST_FILES, id, depth: 0, overrideAccess: true })
    .catch(() => null)) as { filename?: string } | null
  if (!file?.filename) return undefined
  const dir = payload.collections[REQUEST_FILES]?.config.upload?.staticDir
  if (!dir) return undefined
  return [{ filename: file.filename, path: path.join(dir, path.basename(file.filename)) }]
}

/** The lines of the applicant's mail for the step just recorded. */
export function stepMail(
  doc: RequestDoc,
  entry: TimelineEntry,
): { subject: string; lines: string[]; attach?: Id | null } {
  const lines = [
    `您的政府信息公开申请（${dayOf(doc.receivedAt)} 收到）有新的办理进展：${entry.label ?? ''}`,
  ]
  if (entry.note) lines.push('', entry.note)
  if (
    entry.kind === 'answer' ||
    entry.kind === 'correction-lapsed' ||
    entry.kind === 'fee-unpaid'
  ) {
    if (isOutcomeCode(doc.outcome)) lines.push('', `办理结果：${outcomeLabel(doc.outcome)}`)
    if (entry.kind === 'answer' && doc.replyText) lines.push('', doc.replyText)
    lines.push(
      '',
      '如对答复不服，可以依法申请行政复议或者提起行政诉讼（《政府信息公开条例》第五十一条）。',
    )
  }
  if (entry.kind === 'fee-notice' && doc.feeAmount)
    lines.push('', `应缴信息处理费：${doc.feeAmount} 元。逾期未缴纳的，视为放弃申请。`)
  // The reply document goes with the answer when the applicant asked for it by e-mail.
  const attach =
    entry.kind === 'answer' && doc.delivery === 'email' && doc.replyFile != null
      ? idOf(doc.replyFile)
      : null
  if (attach != null) lines.push('', '答复文书见附件。')
  return { subject: `政府信息公开申请办理进展：${entry.label ?? ''}`, lines, attach }
}

// ---------------------------------------------------------------- fees

/** The fee for a request: this applicant's applications this month (by ID number) and pages. */
export async function feeForRequest(
  payload: Payload,
  doc: {
    id?: Id
    idNumber?: string | null
    applicantName?: string | null
    receivedAt: unknown
    pages?: number | null
  },
  method?: FeeMethod,
  req?: PayloadRequest,
) {
  const day = dayOf(doc.receivedAt)
  const month = day.slice(0, 7)
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  const who: Where = doc.idNumber
    ? { idNumber: { equals: doc.idNumber } }
    : { applicantName: { equals: doc.applicantName ?? '' } }
  const counted = await payload.count({
    collection: DISCLOSURE_REQUESTS,
    overrideAccess: true,
    where: {
      and: [
        who,
        { receivedAt: { greater_than_equal: dayInstant(`${month}-01`) } },
        { receivedAt: { less_than: dayInstant(next) } },
        { receivedAt: { less_than_equal: dayInstant(day) } },
      ],
    },
    req,
  })
  return feeFor({
    applicationsThisMonth: Math.max(1, counted.totalDocs),
    pages: doc.pages ?? 0,
    method,
  })
}

// ---------------------------------------------------------------- recompute on calendar change

/**
 * Recomputes every open request's due date after the work calendar changed, and records on
 * each request whose date moved why it moved (the applicant sees it in the timeline).
 */
export async function recomputeOpenDeadlines(
  payload: Payload,
  reason: string,
  req?: PayloadRequest,
): Promise<{ checked: number; moved: number }> {
  forgetWorkCalendar()
  const calendar = await readCalendar(payload, req)
  let checked = 0
  let moved = 0
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: DISCLOSURE_REQUESTS,
      where: { status: { in: [...OPEN_STATUSES] } },
      limit: 200,
      page,
      depth: 0,
      sort: 'id',
      overrideAccess: true,
      select: { receivedAt: true, timeline: true, dueDate: true, status: true },
      req,
    })
    for (const doc of res.docs as unknown as RequestDoc[]) {
      checked++
      const before = doc.dueDate ? dayOf(doc.dueDate) : null
      const clock = clockOf(doc, calendar)
      if (clock.dueDate === before) continue
      moved++
      await payload.update({
        collection: DISCLOSURE_REQUESTS,
        id: doc.id,
        overrideAccess: true,
        depth: 0,
        context: { recomputed: true },
        data: {
          timeline: [
            ...(doc.timeline ?? []),
            {
              at: new Date().toISOString(),
              kind: 'due-recomputed',
              label: '答复期限重新计算',
              note: `因工作日历调整（${reason}），答复截止日由 ${before ?? '暂停'} 改为 ${clock.dueDate ?? '暂停'}`,
            },
          ],
        },
        req,
      })
    }
    if (!res.hasNextPage) break
  }
  return { checked, moved }
}

// ---------------------------------------------------------------- 督办

export type SupervisionRow = {
  id: Id
  site: Id
  siteName: string
  trackingCode: string
  status: string
  statusLabel: string
  receivedAt: string
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
    and: [
      { status: { in: [...OPEN_STATUSES] } },
      ...(sites === true ? [] : [{ site: { in: sites } }]),
    ],
  }
  const names = new Map<string, string>()
  const out = {
    overdue: [] as SupervisionRow[],
    dueSoon: [] as SupervisionRow[],
    paused: [] as SupervisionRow[],
  }
  if (sites !== true && !sites.length) return out
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: DISCLOSURE_REQUESTS,
      where,
      limit: 500,
      page,
      depth: 0,
      sort: 'dueDate',
      overrideAccess: true,
      select: { site: true, trackingCode: true, status: true, receivedAt: true, dueDate: true },
    })
    for (const doc of res.docs as unknown as RequestDoc[]) {
      const due = doc.dueDate ? dayOf(doc.dueDate) : null
      const u = urgency({ status: doc.status, dueDate: due, today, calendar })
      if (u.urgency === 'on-time' || u.urgency === 'done') continue
      const site = idOf(doc.site)
      if (!names.has(String(site))) names.set(String(site), await siteName(payload, site))
      const row: SupervisionRow = {
        id: doc.id,
        site,
        siteName: names.get(String(site)) ?? '',
        trackingCode: doc.trackingCode,
        status: doc.status,
        statusLabel: REQUEST_STATUS_LABELS[doc.status] ?? doc.status,
        receivedAt: dayOf(doc.receivedAt),
        dueDate: due,
        urgency: u.urgency,
        daysLeft: u.daysLeft,
      }
      if (u.urgency === 'overdue') out.overdue.push(row)
      else if (u.urgency === 'due-soon') out.dueSoon.push(row)
      else out.paused.push(row)
    }
    if (!res.hasNextPage) break
  }
  return out
}

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

const pending = new Set<Promise<unknown>>()

/** Runs mail work after the response, never failing the caller; `requestMailSettled` awaits it. */
export function afterResponse(work: () => Promise<unknown>): void {
  const p = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch((err: unknown) => logger.error({ err }, 'request mail failed'))
    .finally(() => pending.delete(p))
  pending.add(p)
}

/** Resolves when every queued mail of requests has been sent or failed (tests, shutdown). */
export const requestMailSettled = async (): Promise<void> => {
  while (pending.size) await Promise.all([...pending])
}

/** Tells the site's handlers a new request arrived. */
export async function announceNewRequest(payload: Payload, doc: RequestDoc): Promise<void> {
  const site = idOf(doc.site)
  const to = await peopleWithRoles(payload, site, ['handler', 'site-admin'])
  await notify(payload, {
    to,
    kind: 'request.new',
    site,
    target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
    key: `request.new:${doc.id}`,
    subject: `新的政府信息公开申请：${doc.trackingCode}`,
    text: `收到政府信息公开申请（${dayOf(doc.receivedAt)}），答复截止日 ${doc.dueDate ? dayOf(doc.dueDate) : '—'}。请登录后台登记办理。`,
  }).catch((err: unknown) => logger.error({ err }, 'new request notice failed'))
}
