// A 我要纠错 report's change: what the server decides when it arrives (query code, received day,
// the deadline from the site's setting and the work calendar, the article the address points
// to), and a handler's answer checked by src/domain/error-reports.ts; then the handlers' notice,
// the reporter's mail and the audit event. The error-reports collection's hooks are its caller.
import type { Payload, PayloadRequest } from 'payload'

import { dayInstant, dayOf } from '../domain/dates'
import {
  answerReport,
  articleIdInUrl,
  DEFAULT_REPORT_DAYS,
  ERROR_TYPE_LABELS,
  type ErrorType,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  reportDueDate,
} from '../domain/error-reports'
import { type Id, idOf } from '../domain/ids'
import { isValidId } from '../domain/query-input'
import type { Refusal } from '../domain/refusal'
import { ARTICLES, ERROR_REPORTS, SITES } from '../domain/slugs'
import { logger } from '../logger'
import { actorOf, recordAudit } from './audit'
import { notify, peopleWithRoles } from './notify'
import { afterResponse } from './request-mail'
import { todayInBeijing } from './request-clock'
import { siteName } from './stored-request'
import { newTrackingCode } from './tracking-code'
import { loadWorkCalendar } from './work-calendar'

type Doc = Record<string, unknown>

/** The handler's answer input: never stored as such (the status carries it). */
export const REPORT_STEP_INPUTS = ['outcome'] as const

async function reportDays(req: PayloadRequest, site: unknown): Promise<number> {
  const id = idOf(site)
  if (id == null) return DEFAULT_REPORT_DAYS
  const doc = (await req.payload
    .findByID({ collection: SITES, id, depth: 0, overrideAccess: true, req, disableErrors: true })
    .catch(() => null)) as { interaction?: { errorReportDays?: number | null } } | null
  return doc?.interaction?.errorReportDays ?? DEFAULT_REPORT_DAYS
}

/** The site's article the address points to, when it is one (linked in the admin). */
async function articleOf(req: PayloadRequest, site: unknown, url: unknown): Promise<Id | null> {
  const id = typeof url === 'string' ? articleIdInUrl(url) : null
  const siteId = idOf(site)
  const idType = req.payload.db.defaultIDType === 'number' ? 'number' : 'text'
  if (!id || siteId == null || !isValidId(id, idType)) return null
  const res = await req.payload.find({
    collection: ARTICLES,
    where: { and: [{ id: { equals: id } }, { site: { equals: siteId } }] },
    select: {},
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return (res.docs[0]?.id as Id | undefined) ?? null
}

export type ReportChangeOutcome = { refusal: Refusal } | { patch: Doc }

/** Creation fills what the server decides; an update may carry the handler's answer. */
export async function changeErrorReport(
  req: PayloadRequest,
  {
    data,
    original,
    operation,
    by,
    now,
    trusted = false,
  }: {
    data: Doc
    original: Doc
    operation: 'create' | 'update'
    by?: Id
    now: Date
    /** Server code registering earlier reports (the demo data): their days are kept. */
    trusted?: boolean
  },
): Promise<ReportChangeOutcome> {
  if (operation === 'create') {
    const received = trusted && data.receivedAt ? dayOf(data.receivedAt) : todayInBeijing(now)
    const calendar = await loadWorkCalendar(req.payload, req)
    return {
      patch: {
        queryCode: newTrackingCode(),
        status: 'received',
        receivedAt: dayInstant(received),
        dueDate: dayInstant(
          reportDueDate({
            receivedAt: received,
            days: await reportDays(req, data.site),
            calendar,
          }),
        ),
        article: await articleOf(req, data.site, data.url),
        answeredAt: null,
        answeredBy: null,
        reply: null,
      },
    }
  }
  const outcome = answerReport(
    { status: String(original.status ?? 'received'), reply: original.reply as string | null },
    { outcome: data.outcome, reply: 'reply' in data ? data.reply : undefined },
    { by, now },
  )
  if (!outcome.ok) return { refusal: { reasons: [outcome.reason], path: outcome.path } }
  if (trusted && outcome.patch && data.answeredAt) outcome.patch.answeredAt = data.answeredAt
  return { patch: outcome.patch ?? {} }
}

export type ErrorReportDoc = {
  id: Id
  site: unknown
  url: string
  type: ErrorType
  description: string
  queryCode: string
  status: ReportStatus
  receivedAt: string
  dueDate: string
  reply?: string | null
  contact?: string | null
  email?: string | null
}

/** New reports are announced to the site's handlers; an answer is mailed to the reporter. */
export function notifyReportChange(
  req: PayloadRequest,
  { doc, previous, operation }: { doc: Doc; previous?: Doc; operation: 'create' | 'update' },
): void {
  const payload = req.payload
  // The hook's own document (Payload types a hook's doc loosely); its fields are the collection's.
  const report = doc as unknown as ErrorReportDoc
  const target = `${ERROR_REPORTS}:${report.id}`
  if (operation === 'create') {
    void recordAudit(payload, {
      action: 'error-report.create',
      ...actorOf(req),
      site: idOf(report.site),
      target,
    })
    afterResponse(() => announceReport(payload, report))
    return
  }
  if (previous?.status !== 'received' || report.status === 'received') return
  void recordAudit(payload, {
    action: 'error-report.answer',
    ...actorOf(req),
    site: idOf(report.site),
    target,
    detail: { status: report.status },
  })
  afterResponse(() => mailReporter(payload, report))
}

async function announceReport(payload: Payload, report: ErrorReportDoc): Promise<void> {
  const site = idOf(report.site)
  if (site == null) return
  await notify(payload, {
    to: await peopleWithRoles(payload, site, ['handler', 'site-admin']),
    kind: 'error-report.new',
    site,
    target: `${ERROR_REPORTS}:${report.id}`,
    key: `error-report.new:${report.id}`,
    subject: `【我要纠错】收到新的纠错：${ERROR_TYPE_LABELS[report.type] ?? report.type}`,
    text: [
      `出错页面：${report.url}`,
      `错误描述：${report.description}`,
      `收到日期 ${dayOf(report.receivedAt)}，答复期限 ${dayOf(report.dueDate)}。请登录后台处理。`,
    ].join('\n'),
  }).catch((err: unknown) => logger.error({ err }, 'error report notice failed'))
}

async function mailReporter(payload: Payload, report: ErrorReportDoc): Promise<void> {
  if (!report.email) return
  const name = await siteName(payload, idOf(report.site)!)
  await payload.sendEmail({
    to: report.email,
    subject: `【${name}】您的纠错已答复`,
    text: [
      '您好：',
      '',
      `您对页面 ${report.url} 的纠错已处理：${REPORT_STATUS_LABELS[report.status]}。`,
      `答复：${report.reply ?? ''}`,
      '',
      `查询码：${report.queryCode}`,
      '',
      name,
      '（本邮件由系统发送，请勿直接回复。感谢您帮助我们改进网站。）',
    ].join('\n'),
  })
}
