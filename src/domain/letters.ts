// Decides what happens to a letter to a leader mailbox (领导信箱): its statuses, the handlers'
// steps as one table, the writer's rating, the deadlines, and what of a letter the public may
// read. Pure: the letters collection and the services apply it. RULES §4 has the figures.
//
// Dates are 'YYYY-MM-DD' in Beijing time; instants are ISO strings.
import {
  addWorkingDays,
  calendarDaysBetween,
  type WorkCalendar,
  workingDaysBetween,
} from './workdays'
import type { Id } from './ids'
import { maskEmail, maskPhone, maskResidentId } from './identity'

// ---------------------------------------------------------------- vocabulary

export const LETTER_CATEGORIES = ['consult', 'suggest', 'complain', 'help', 'other'] as const
export type LetterCategory = (typeof LETTER_CATEGORIES)[number]
export const LETTER_CATEGORY_LABELS: Record<LetterCategory, string> = {
  consult: '咨询',
  suggest: '建议',
  complain: '投诉',
  help: '求助',
  other: '其他',
}

export const LETTER_STATUSES = [
  'submitted',
  'accepted',
  'reviewing',
  'answered',
  'following',
  'rejected',
  'closed',
] as const
export type LetterStatus = (typeof LETTER_STATUSES)[number]
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  submitted: '待受理',
  accepted: '办理中',
  reviewing: '办理中（答复审核中）',
  answered: '已答复',
  following: '差评跟进中',
  rejected: '不予受理',
  closed: '已办结',
}

/** Statuses in which the letter still waits on the office: they count against a deadline. */
export const OPEN_LETTER_STATUSES: readonly LetterStatus[] = [
  'submitted',
  'accepted',
  'reviewing',
  'following',
]
export const isOpenLetter = (status: string): boolean =>
  (OPEN_LETTER_STATUSES as readonly string[]).includes(status)

/** The national 好差评 levels, best first; the last two are 差评 and must be followed up. */
export const RATINGS = [
  'very-satisfied',
  'satisfied',
  'basic',
  'dissatisfied',
  'very-dissatisfied',
] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = {
  'very-satisfied': '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  'very-dissatisfied': '非常不满意',
}
export const isRating = (v: unknown): v is Rating =>
  typeof v === 'string' && (RATINGS as readonly string[]).includes(v)
export const isPoorRating = (r: Rating): boolean =>
  r === 'dissatisfied' || r === 'very-dissatisfied'

/** Whether the writer thinks the matter was resolved (kept apart from satisfaction). */
export const RESOLVED_ANSWERS = ['yes', 'no', 'unsure'] as const
export type ResolvedAnswer = (typeof RESOLVED_ANSWERS)[number]
export const RESOLVED_LABELS: Record<ResolvedAnswer, string> = {
  yes: '已解决',
  no: '未解决',
  unsure: '不确定',
}

export const REJECT_REASONS = ['out-of-scope', 'duplicate', 'unclear', 'other'] as const
export type RejectReason = (typeof REJECT_REASONS)[number]
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  'out-of-scope': '不属于信箱受理范围',
  duplicate: '重复来信',
  unclear: '内容不明确',
  other: '其他',
}

// ---------------------------------------------------------------- deadlines

/** Mailbox settings with RULES §4's defaults. */
export const DEFAULT_ACCEPT_DAYS = 3
export const DEFAULT_ANSWER_DAYS = 15
export const DEFAULT_MAX_EXTENSION_DAYS = 15
export const DEFAULT_FOLLOW_UP_DAYS = 5
/** A letter unrated this many working days after its answer may count as 满意 (site setting). */
export const RATING_WINDOW_DAYS = 20
/** The national veto: a valid letter unanswered for more than three months. */
export const VETO_MONTHS = 3
/**
 * Our alarm, well before the veto (issue: public feedback): a valid letter unanswered this many
 * calendar days after it arrived raises the alarm (mail + dashboard). A setting's default.
 */
export const VETO_ALARM_DAYS = 60
/** A valid letter not yet answered (submitted letters are valid until rejected). */
export const UNANSWERED_STATUSES = ['submitted', 'accepted', 'reviewing'] as const
export const isUnanswered = (status: string): boolean =>
  (UNANSWERED_STATUSES as readonly string[]).includes(status)

export type MailboxTerms = { acceptDays: number; answerDays: number; maxExtensionDays: number }

export const DEFAULT_TERMS: MailboxTerms = {
  acceptDays: DEFAULT_ACCEPT_DAYS,
  answerDays: DEFAULT_ANSWER_DAYS,
  maxExtensionDays: DEFAULT_MAX_EXTENSION_DAYS,
}

/** The day `months` calendar months after `date` (the month's last day when it is shorter). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export type LetterDeadlines = {
  acceptDueDate: string
  answerDueDate: string
  /** The last day before the national veto (three months after receipt). */
  vetoDate: string
  explanation: string[]
}

/** Both deadlines count working days from the day after receipt; an extension adds to the answer's. */
export function letterDeadlines({
  receivedAt,
  terms,
  extensionDays = 0,
  calendar,
}: {
  receivedAt: string
  terms: MailboxTerms
  extensionDays?: number
  calendar: WorkCalendar
}): LetterDeadlines {
  const acceptDueDate = addWorkingDays({ from: receivedAt, days: terms.acceptDays, calendar })
  const answerDueDate = addWorkingDays({
    from: receivedAt,
    days: terms.answerDays + extensionDays,
    calendar,
  })
  const explanation = [
    `收信日期 ${receivedAt}，自次日起按工作日计算（节假日不计，调休上班日计入）。`,
    `受理期限 ${terms.acceptDays} 个工作日，至 ${acceptDueDate}。`,
    extensionDays
      ? `答复期限 ${terms.answerDays} 个工作日，已延期 ${extensionDays} 个工作日，至 ${answerDueDate}。`
      : `答复期限 ${terms.answerDays} 个工作日，至 ${answerDueDate}。`,
  ]
  return {
    acceptDueDate,
    answerDueDate,
    vetoDate: addMonths(receivedAt, VETO_MONTHS),
    explanation,
  }
}

export type LetterUrgency = 'overdue' | 'due-soon' | 'on-time' | 'done'
export const LETTER_URGENCY_LABELS: Record<LetterUrgency, string> = {
  overdue: '已逾期',
  'due-soon': '即将到期',
  'on-time': '正常',
  done: '已办结',
}

/** Which deadline an open letter is working towards in its status. */
export function currentDeadline(letter: {
  status: string
  acceptDueDate?: string | null
  answerDueDate?: string | null
  followUpDueDate?: string | null
}): { stage: 'accept' | 'answer' | 'follow-up'; due: string | null } | null {
  switch (letter.status) {
    case 'submitted':
      return { stage: 'accept', due: letter.acceptDueDate ?? null }
    case 'accepted':
    case 'reviewing':
      return { stage: 'answer', due: letter.answerDueDate ?? null }
    case 'following':
      return { stage: 'follow-up', due: letter.followUpDueDate ?? null }
    default:
      return null
  }
}

export const STAGE_LABELS = { accept: '受理', answer: '答复', 'follow-up': '差评跟进' } as const

/** How urgent an open letter is today (due today is still on time; the day after is overdue). */
export function letterUrgency({
  letter,
  today,
  calendar,
  dueSoonDays = 3,
}: {
  letter: Parameters<typeof currentDeadline>[0]
  today: string
  calendar: WorkCalendar
  dueSoonDays?: number
}): { urgency: LetterUrgency; daysLeft: number | null; stage: keyof typeof STAGE_LABELS | null } {
  const current = currentDeadline(letter)
  if (!current || !current.due) return { urgency: 'done', daysLeft: null, stage: null }
  const { due, stage } = current
  if (today > due) {
    const late = Math.max(1, workingDaysBetween({ from: due, to: today, calendar }))
    return { urgency: 'overdue', daysLeft: -late, stage }
  }
  const left = workingDaysBetween({ from: today, to: due, calendar })
  return { urgency: left <= dueSoonDays ? 'due-soon' : 'on-time', daysLeft: left, stage }
}

/**
 * Whether an unanswered valid letter is past the national veto (three months), or old enough to
 * raise the alarm before it (`alarmDays` after it arrived, default 60).
 */
export function vetoState({
  status,
  receivedAt,
  today,
  alarmDays = VETO_ALARM_DAYS,
}: {
  status: string
  receivedAt: string
  today: string
  alarmDays?: number
}): 'vetoed' | 'approaching' | null {
  if (!isUnanswered(status)) return null
  if (today > addMonths(receivedAt, VETO_MONTHS)) return 'vetoed'
  if (calendarDaysBetween(receivedAt, today) >= alarmDays) return 'approaching'
  return null
}

// ---------------------------------------------------------------- steps

export const LETTER_STEP_KINDS = [
  'accept',
  'reject',
  'transfer',
  'extend',
  'answer',
  'approve',
  'return-answer',
  'follow-up',
  'publish',
  'unpublish',
  'close',
] as const
export type LetterStepKind = (typeof LETTER_STEP_KINDS)[number]

type Need = 'note' | 'reason' | 'target' | 'days' | 'answer'

type LetterStepDef = {
  label: string
  from: readonly LetterStatus[]
  /** The status after the step; null keeps it ('answer' decides by the review setting). */
  to: LetterStatus | null
  needs: readonly Need[]
  /** The writer is told (by e-mail when given, and on the tracking page). */
  tellWriter: boolean
}

const HANDLING: readonly LetterStatus[] = ['submitted', 'accepted']

/** Every step a handler takes, as one table. */
export const LETTER_STEPS: Record<LetterStepKind, LetterStepDef> = {
  accept: { label: '受理', from: ['submitted'], to: 'accepted', needs: [], tellWriter: true },
  reject: {
    label: '不予受理',
    from: HANDLING,
    to: 'rejected',
    needs: ['reason'],
    tellWriter: true,
  },
  transfer: {
    label: '转办',
    from: HANDLING,
    to: 'submitted',
    needs: ['target'],
    tellWriter: true,
  },
  extend: {
    label: '延期',
    from: ['accepted'],
    to: null,
    needs: ['days', 'note'],
    tellWriter: true,
  },
  answer: { label: '答复', from: ['accepted'], to: null, needs: ['answer'], tellWriter: false },
  approve: {
    label: '审核通过答复',
    from: ['reviewing'],
    to: 'answered',
    needs: [],
    tellWriter: true,
  },
  'return-answer': {
    label: '退回修改答复',
    from: ['reviewing'],
    to: 'accepted',
    needs: ['note'],
    tellWriter: false,
  },
  'follow-up': {
    label: '差评跟进答复',
    from: ['following'],
    to: 'closed',
    needs: ['note'],
    tellWriter: true,
  },
  publish: {
    label: '公开',
    from: ['answered', 'following', 'closed'],
    to: null,
    needs: [],
    tellWriter: false,
  },
  unpublish: {
    label: '取消公开',
    from: ['answered', 'following', 'closed'],
    to: null,
    needs: [],
    tellWriter: false,
  },
  close: { label: '办结', from: ['answered'], to: 'closed', needs: [], tellWriter: false },
}

export const LETTER_STEP_LABELS = Object.fromEntries(
  LETTER_STEP_KINDS.map((k) => [k, LETTER_STEPS[k].label]),
) as Record<LetterStepKind, string>

export const isLetterStep = (v: unknown): v is LetterStepKind =>
  typeof v === 'string' && Object.hasOwn(LETTER_STEPS, v)

export type LetterTimelineEntry = {
  at: string
  kind: string
  /** What the writer reads on the tracking page. */
  label: string
  /** A sentence the writer may read (a reason, where the letter went); null when none. */
  note?: string | null
  /** Never shown to the writer: who, and the handlers' own remarks. */
  by?: Id | null
  internalNote?: string | null
}

export type LetterFacts = {
  status: LetterStatus
  site: Id
  receivedAt: string
  consentPublish: boolean
  published: boolean
  extensionDays: number
  answer?: string | null
  answeredBy?: Id | null
  /** The site requires a second person to approve an answer (default on). */
  reviewRequired: boolean
  terms: MailboxTerms
}

export type LetterStepInput = {
  step: LetterStepKind
  /** The instant of the step. */
  at: string
  by?: Id | null
  note?: string | null
  reason?: string | null
  days?: number | null
  answer?: string | null
  internalNote?: string | null
  /** For 转办: the mailbox it goes to, its site and its name as the writer reads it. */
  target?: { mailbox: Id; site: Id; name: string } | null
}

export type LetterPatch = {
  status?: LetterStatus
  acceptedAt?: string
  rejectReason?: RejectReason
  rejectNote?: string | null
  extensionDays?: number
  extensionReason?: string
  answer?: string
  answeredAt?: string | null
  answeredBy?: Id | null
  approvedAt?: string
  approvedBy?: Id | null
  published?: boolean
  publishedAt?: string | null
  followUpAnswer?: string
  followUpAt?: string
  closedAt?: string
  site?: Id
  mailbox?: Id
}

export type LetterStepResult = {
  patch: LetterPatch
  entry: LetterTimelineEntry | null
  problems: string[]
  /** The field the first problem is about, so the admin marks it. */
  path?: string
}

const text = (v: string | null | undefined) => (v ?? '').trim()
const refused = (problems: string[], path?: string): LetterStepResult => ({
  patch: {},
  entry: null,
  problems,
  path,
})

/** Whether the step fits the letter's status (for listing what a handler may do next). */
export function letterStepFits(
  facts: Pick<LetterFacts, 'status' | 'published' | 'consentPublish' | 'extensionDays'>,
  step: LetterStepKind,
): boolean {
  const def = LETTER_STEPS[step]
  if (!def.from.includes(facts.status)) return false
  if (step === 'publish') return facts.consentPublish && !facts.published
  if (step === 'unpublish') return facts.published
  if (step === 'extend') return facts.extensionDays === 0
  return true
}

export const availableLetterSteps = (
  facts: Parameters<typeof letterStepFits>[0],
): LetterStepKind[] => LETTER_STEP_KINDS.filter((k) => letterStepFits(facts, k))

/** Checks a handler's step against the table and returns what it changes and the timeline row. */
export function applyLetterStep(facts: LetterFacts, input: LetterStepInput): LetterStepResult {
  if (!isLetterStep(input.step)) return refused([`没有“${String(input.step)}”这一办理步骤`], 'step')
  const def = LETTER_STEPS[input.step]
  if (!def.from.includes(facts.status)) {
    return refused(
      [
        `来信处于“${LETTER_STATUS_LABELS[facts.status]}”状态，不能“${def.label}”（须处于${def.from
          .map((s) => `“${LETTER_STATUS_LABELS[s]}”`)
          .join('或')}状态）`,
      ],
      'step',
    )
  }
  const at = input.at
  const base = {
    at,
    kind: input.step,
    by: input.by ?? null,
    internalNote: input.internalNote ?? null,
  }
  switch (input.step) {
    case 'accept':
      return ok({ status: 'accepted', acceptedAt: at }, { ...base, label: '已受理' })
    case 'reject': {
      const reason = input.reason as RejectReason
      if (!(REJECT_REASONS as readonly string[]).includes(reason ?? ''))
        return refused(['请选择不予受理的理由'], 'stepReason')
      if (reason === 'other' && !text(input.note))
        return refused(['理由为“其他”时，请写明不予受理的具体理由（来信人可见）'], 'stepNote')
      const said = text(input.note) || null
      return ok(
        { status: 'rejected', rejectReason: reason, rejectNote: said, closedAt: at },
        {
          ...base,
          label: `不予受理：${REJECT_REASON_LABELS[reason]}`,
          note: said,
        },
      )
    }
    case 'transfer': {
      const target = input.target
      if (!target) return refused(['请选择转办的信箱'], 'transferTo')
      if (String(target.site) === String(facts.site))
        return refused(['转办须转至其他部门（网站）的信箱；同一网站内请直接办理'], 'transferTo')
      return ok(
        { status: 'submitted', site: target.site, mailbox: target.mailbox },
        { ...base, label: `已转交${target.name}办理`, note: text(input.note) || null },
      )
    }
    case 'extend': {
      if (facts.extensionDays > 0) return refused(['答复期限只能延长一次，本来信已延期'], 'step')
      const d = input.days
      const max = facts.terms.maxExtensionDays
      if (d == null || !Number.isInteger(d) || d < 1 || d > max)
        return refused([`延期的工作日数须为 1 至 ${max} 的整数`], 'stepDays')
      if (!text(input.note)) return refused(['请写明延期的理由（来信人可见）'], 'stepNote')
      return ok(
        { extensionDays: d, extensionReason: text(input.note) },
        { ...base, label: `答复期限延长 ${d} 个工作日`, note: text(input.note) },
      )
    }
    case 'answer': {
      const answer = text(input.answer)
      if (!answer) return refused(['请填写答复内容'], 'answer')
      if (answer.length < 10) return refused(['答复内容过短：请至少写 10 个字'], 'answer')
      const status: LetterStatus = facts.reviewRequired ? 'reviewing' : 'answered'
      return ok(
        { status, answer, answeredAt: at, answeredBy: input.by ?? null },
        { ...base, label: facts.reviewRequired ? '答复已提交审核' : '已答复' },
      )
    }
    case 'approve': {
      if (
        input.by != null &&
        facts.answeredBy != null &&
        String(input.by) === String(facts.answeredBy)
      )
        return refused(['答复须由撰写人以外的另一人审核（本站点设置了答复审核）'], 'step')
      // The answer counts from its approval: that is when the writer receives it.
      return ok(
        { status: 'answered', approvedAt: at, approvedBy: input.by ?? null, answeredAt: at },
        { ...base, label: '已答复' },
      )
    }
    case 'return-answer': {
      if (!text(input.note)) return refused(['请写明退回修改的意见'], 'stepNote')
      return ok(
        { status: 'accepted', answeredAt: null },
        { ...base, label: '答复退回修改', internalNote: text(input.note) },
      )
    }
    case 'follow-up': {
      if (!text(input.note)) return refused(['请填写跟进处理情况（来信人可见）'], 'stepNote')
      return ok(
        { status: 'closed', followUpAnswer: text(input.note), followUpAt: at, closedAt: at },
        { ...base, label: '差评跟进：已重新办理或说明' },
      )
    }
    case 'publish':
      if (!facts.consentPublish)
        return refused(['来信人未同意公开，不能公开（个人信息保护法第二十五条）'], 'step')
      if (facts.published) return refused(['来信已公开'], 'step')
      return ok({ published: true, publishedAt: at }, { ...base, label: '已公开' })
    case 'unpublish':
      if (!facts.published) return refused(['来信未公开'], 'step')
      return ok({ published: false, publishedAt: null }, { ...base, label: '取消公开' })
    case 'close':
      return ok({ status: 'closed', closedAt: at }, { ...base, label: '已办结' })
  }
}

const ok = (patch: LetterPatch, entry: LetterTimelineEntry): LetterStepResult => ({
  patch,
  entry,
  problems: [],
})

/** Steps recorded only for staff: the tracking page does not list them. */
export const STAFF_ONLY_KINDS: readonly string[] = ['publish', 'unpublish', 'return-answer']

// ---------------------------------------------------------------- rating

export type RatingInput = {
  rating: unknown
  resolved?: unknown
  comment?: unknown
  today: string
  calendar: WorkCalendar
  followUpDays: number
}

export type RatingOutcome =
  | { ok: false; problems: Partial<Record<'rating' | 'resolved' | 'comment' | 'letter', string>> }
  | {
      ok: true
      patch: {
        rating: Rating
        resolved: ResolvedAnswer | null
        ratingComment: string | null
        status: LetterStatus
        followUpDueDate: string | null
      }
      poor: boolean
      label: string
    }

export const RATING_COMMENT_MAX = 500

/** The writer's rating, once, of an answered letter; a 差评 opens a follow-up with a deadline. */
export function rateLetter(
  letter: { status: string; rating?: string | null },
  input: RatingInput,
): RatingOutcome {
  if (letter.rating)
    return { ok: false, problems: { letter: '您已评价过该来信的答复，每封来信只能评价一次' } }
  if (letter.status !== 'answered') return { ok: false, problems: { letter: '来信答复后才能评价' } }
  const problems: Partial<Record<'rating' | 'resolved' | 'comment', string>> = {}
  if (!isRating(input.rating)) problems.rating = '请选择满意程度'
  const resolved =
    input.resolved == null || input.resolved === ''
      ? null
      : (RESOLVED_ANSWERS as readonly string[]).includes(String(input.resolved))
        ? (String(input.resolved) as ResolvedAnswer)
        : undefined
  if (resolved === undefined) problems.resolved = '请选择问题是否已解决'
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (comment.length > RATING_COMMENT_MAX)
    problems.comment = `评价意见不能超过 ${RATING_COMMENT_MAX} 个字（现有 ${comment.length} 个字）`
  if (Object.keys(problems).length || !isRating(input.rating)) return { ok: false, problems }
  const poor = isPoorRating(input.rating)
  return {
    ok: true,
    poor,
    patch: {
      rating: input.rating,
      resolved: resolved ?? null,
      ratingComment: comment || null,
      status: poor ? 'following' : 'closed',
      followUpDueDate: poor
        ? addWorkingDays({ from: input.today, days: input.followUpDays, calendar: input.calendar })
        : null,
    },
    label: poor
      ? `来信人评价：${RATING_LABELS[input.rating]}（差评，已转入跟进办理）`
      : `来信人评价：${RATING_LABELS[input.rating]}`,
  }
}

// ---------------------------------------------------------------- what the public reads

/** 张三 → 张先生 / 张女士; no gender or no name → 匿名. Compound surnames keep two characters. */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '宇文',
  '司徒',
  '端木',
]

export function publicWriterName(name: string | null | undefined, title?: string | null): string {
  const n = (name ?? '').trim()
  if (!n || !/^[\u4e00-\u9fff]/.test(n)) return '匿名'
  const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > 2) ?? n[0]
  if (title === 'mr') return `${surname}先生`
  if (title === 'ms') return `${surname}女士`
  return '匿名'
}

const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g
const ID_IN_TEXT = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
const LANDLINE_IN_TEXT = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g
/** Door numbers and rooms: 12号, 3栋, 5单元, 402室 — the address below the street (RULES §4). */
const ADDRESS_DETAIL =
  /([\u4e00-\u9fff]{1,12}?(?:路|街|巷|弄|道|大道|胡同|小区|花园|公寓|大厦|村))\s*[0-9０-９一二三四五六七八九十百零〇-]+\s*(?:号|弄|栋|幢|座|单元|室|楼|层|组)(?:\s*[0-9０-９一二三四五六七八九十百零〇-]+\s*(?:号|弄|栋|幢|座|单元|室|楼|层|组))*/g

/**
 * Letter or answer text as the public may read it: mobile and landline numbers, resident ID
 * numbers and e-mail addresses masked as RULES §4 says, and house numbers below the street
 * replaced; the writer's full name (if given) replaced by the public form of it.
 */
export function maskLetterText(
  value: string,
  writer?: { name?: string | null; publicName?: string },
): string {
  let out = value
    .replace(ID_IN_TEXT, (m) => maskResidentId(m))
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m))
    .replace(LANDLINE_IN_TEXT, (m) => maskPhone(m))
    .replace(EMAIL_IN_TEXT, (m) => maskEmail(m))
    .replace(ADDRESS_DETAIL, (_m, street: string) => `${street}**号`)
  const name = (writer?.name ?? '').trim()
  if (name.length >= 2) out = out.split(name).join(writer?.publicName ?? '匿名')
  return out
}

/** Whether the public may read the letter and its answer. */
export const isPublicLetter = (letter: {
  consentPublish?: boolean | null
  published?: boolean | null
  status?: string | null
}): boolean =>
  Boolean(letter.consentPublish && letter.published) &&
  ['answered', 'following', 'closed'].includes(String(letter.status))

/** The letter's number as people quote it: 信件编号 XX2026-000123 (site code, year, sequence). */
export const letterNumber = (prefix: string, year: number, seq: number): string =>
  `${prefix}${year}-${String(seq).padStart(6, '0')}`
