// 我要纠错: a reader's report of an error on a page — what the form accepts (in sentences the
// reader can act on), the deadline (3 working days, a site setting), the handler's answer (fixed
// or not an error, with a sentence), and the figures the statistics page shows per site.
import { isMobile } from './identity'
import { EMAIL } from './letter-form'
import { addWorkingDays, type WorkCalendar } from './workdays'

export const ERROR_TYPES = ['typo', 'link', 'outdated', 'unreachable', 'other'] as const
export type ErrorType = (typeof ERROR_TYPES)[number]
export const ERROR_TYPE_LABELS: Record<ErrorType, string> = {
  typo: '错别字',
  link: '链接错误',
  outdated: '内容过时',
  unreachable: '无法访问',
  other: '其他',
}

export const REPORT_STATUSES = ['received', 'fixed', 'not-error'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  received: '待处理',
  fixed: '已纠正',
  'not-error': '经核实无误',
}
/** The handler's two answers. */
export const REPORT_OUTCOMES = ['fixed', 'not-error'] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]
export const isReportOutcome = (v: unknown): v is ReportOutcome =>
  (REPORT_OUTCOMES as readonly unknown[]).includes(v)

/** Local practice (RULES §4): answered within 3 working days; a site setting. */
export const DEFAULT_REPORT_DAYS = 3

export const REPORT_FORM_FIELDS = {
  url: '出错页面地址',
  type: '错误类型',
  description: '错误描述',
  contact: '联系方式',
} as const
export type ReportFormField = keyof typeof REPORT_FORM_FIELDS
export type RawReportForm = Partial<Record<ReportFormField, string>>
export type ReportFormValue = {
  url: string
  type: ErrorType
  description: string
  contact?: string
  /** The contact when it is an e-mail address: the answer is mailed there. */
  email?: string
}

export const URL_MAX = 500
export const DESCRIPTION_MIN = 5
export const DESCRIPTION_MAX = 1000
const CONTACT_MAX = 100
export const REPLY_MIN = 5

const length = (s: string) => [...s].length
const clean = (v: string | undefined) => (v ?? '').replace(/\r\n?/g, '\n').trim()

/**
 * The address of the page a report is about, as stored: an http(s) address, or a path on the
 * site (`/tzgg/123.html`) made absolute against the site's origin. Null when it is neither.
 */
export function reportedUrl(value: string, origin: string): string | null {
  const v = value.trim()
  if (!v || length(v) > URL_MAX || /[\s<>"]/.test(v)) return null
  try {
    const url = v.startsWith('/') && !v.startsWith('//') ? new URL(v, origin) : new URL(v)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    url.hash = ''
    return url.toString()
  } catch {
    return null
  }
}

/** Checks a posted report: every wrong field gets one sentence naming what to fix. */
export function parseReportForm(
  raw: RawReportForm,
  origin: string,
):
  | { ok: true; value: ReportFormValue }
  | { ok: false; errors: Partial<Record<ReportFormField, string>> } {
  const f = Object.fromEntries(
    (Object.keys(REPORT_FORM_FIELDS) as ReportFormField[]).map((k) => [k, clean(raw[k])]),
  ) as Record<ReportFormField, string>
  const errors: Partial<Record<ReportFormField, string>> = {}

  const url = f.url ? reportedUrl(f.url, origin) : null
  if (!f.url) errors.url = '请填写出错页面的地址'
  else if (!url)
    errors.url = `页面地址格式不正确：请填写以 http:// 或 https:// 开头、不超过 ${URL_MAX} 个字符的网址`

  const type = (ERROR_TYPES as readonly string[]).includes(f.type) ? (f.type as ErrorType) : null
  if (!type)
    errors.type = `请选择错误类型（${ERROR_TYPES.map((t) => ERROR_TYPE_LABELS[t]).join('、')}）`

  const n = length(f.description)
  if (!n) errors.description = '请描述页面中的错误'
  else if (n < DESCRIPTION_MIN)
    errors.description = `错误描述至少 ${DESCRIPTION_MIN} 个字，请写明错在哪里、正确的应是什么`
  else if (n > DESCRIPTION_MAX)
    errors.description = `错误描述不能超过 ${DESCRIPTION_MAX} 个字，现为 ${n} 个字`

  const contact = f.contact.replace(/[\s-]/g, '')
  const isEmail = EMAIL.test(f.contact)
  if (
    f.contact &&
    (length(f.contact) > CONTACT_MAX ||
      (!isEmail && !isMobile(contact) && !/^0\d{9,11}$/.test(contact)))
  )
    errors.contact = '联系方式格式不正确：请填写手机号码、固定电话（含区号）或电子邮箱，也可以不填'

  if (Object.keys(errors).length || !url || !type) return { ok: false, errors: ordered(errors) }
  return {
    ok: true,
    value: {
      url,
      type,
      description: f.description,
      contact: f.contact || undefined,
      email: isEmail ? f.contact : undefined,
    },
  }
}

function ordered<T extends string>(errors: Partial<Record<T, string>>): Partial<Record<T, string>> {
  const out: Partial<Record<T, string>> = {}
  for (const field of Object.keys(REPORT_FORM_FIELDS) as T[])
    if (errors[field]) out[field] = errors[field]
  return out
}

/** The id in an article's address on a site (`/<column>/<id>.html`), if it is one. */
export function articleIdInUrl(url: string): string | null {
  try {
    const m = /^\/(?:[a-z0-9][a-z0-9-]*\/)+([A-Za-z0-9]{1,24})\.html$/.exec(new URL(url).pathname)
    return m ? m[1] : null
  } catch {
    return null
  }
}

/** The day a report must be answered by. */
export const reportDueDate = ({
  receivedAt,
  days = DEFAULT_REPORT_DAYS,
  calendar,
}: {
  receivedAt: string
  days?: number
  calendar: WorkCalendar
}): string => addWorkingDays({ from: receivedAt, days, calendar })

export type ReportFacts = { status: string; reply?: string | null }
export type ReportAnswer = { outcome?: unknown; reply?: unknown }

/**
 * A handler's answer: a report still 待处理 takes 已纠正 or 经核实无误 with a sentence the reader
 * reads; an answered report is kept as answered. Returns the fields to store, or the problem.
 */
export function answerReport(
  facts: ReportFacts,
  input: ReportAnswer,
  { by, now }: { by?: string | number | null; now: Date },
):
  | { ok: true; patch: Record<string, unknown> | null }
  | { ok: false; path: 'outcome' | 'reply'; reason: string } {
  const outcome = input.outcome == null || input.outcome === '' ? null : input.outcome
  const reply = typeof input.reply === 'string' ? input.reply.trim() : ''
  if (facts.status !== 'received') {
    if (outcome != null && outcome !== facts.status)
      return { ok: false, path: 'outcome', reason: '该纠错已答复，处理结果不能再修改' }
    if (input.reply !== undefined && reply !== (facts.reply ?? '').trim())
      return { ok: false, path: 'reply', reason: '该纠错已答复，答复内容不能再修改' }
    return { ok: true, patch: null }
  }
  if (outcome == null) return { ok: true, patch: null }
  if (!isReportOutcome(outcome))
    return { ok: false, path: 'outcome', reason: '请选择处理结果：已纠正，或经核实无误' }
  if (length(reply) < REPLY_MIN)
    return {
      ok: false,
      path: 'reply',
      reason: `请填写给纠错人的答复（至少 ${REPLY_MIN} 个字），说明${outcome === 'fixed' ? '已如何纠正' : '为何不是错误'}`,
    }
  return {
    ok: true,
    patch: { status: outcome, reply, answeredAt: now.toISOString(), answeredBy: by ?? null },
  }
}

export type ReportRow = {
  site: string | number
  receivedAt: string
  status: string
  dueDate?: string | null
  answeredAt?: string | null
}

export type ReportFigures = {
  received: number
  answered: number
  answeredOnTime: number
  fixed: number
  open: number
  overdueNow: number
}

/** A site's error reports received in the months (empty: all): answered, on time, overdue. */
export function reportFigures({
  rows,
  site,
  months,
  today,
}: {
  rows: readonly ReportRow[]
  site: string | number | null
  months?: readonly string[]
  today: string
}): ReportFigures {
  const out: ReportFigures = {
    received: 0,
    answered: 0,
    answeredOnTime: 0,
    fixed: 0,
    open: 0,
    overdueNow: 0,
  }
  for (const r of rows) {
    if (site != null && String(r.site) !== String(site)) continue
    if (months?.length && !months.includes(r.receivedAt.slice(0, 7))) continue
    out.received++
    if (r.status === 'received') {
      out.open++
      if (r.dueDate && today > r.dueDate) out.overdueNow++
      continue
    }
    out.answered++
    if (r.status === 'fixed') out.fixed++
    if (!r.dueDate || !r.answeredAt || r.answeredAt.slice(0, 10) <= r.dueDate) out.answeredOnTime++
  }
  return out
}
