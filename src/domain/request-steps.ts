// Decides what a handler may do next with a disclosure request (依申请公开), what each step
// changes, and how far a request is from its deadline. Pure: the collection applies it.
//
// Dates are 'YYYY-MM-DD' in Beijing time.
import { beijingDate, dayInstant } from './dates'
import { type FeeMethod, isOutcomeCode, type OutcomeCode, outcomeLabel } from './disclosure'
import type { Id } from './ids'
import {
  addWorkingDays,
  type ClockEvent,
  type ClockEventKind,
  disclosureDueDate,
  MAX_EXTENSION_DAYS,
  type WorkCalendar,
  workingDaysBetween,
} from './workdays'

export const REQUEST_STATUSES = [
  'received',
  'processing',
  'awaiting-correction',
  'consulting',
  'answered',
  'closed',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: '已收到',
  processing: '办理中',
  'awaiting-correction': '待申请人补正',
  consulting: '征求第三方意见中',
  answered: '已答复',
  closed: '已办结',
}

/** Statuses whose clock may still run out: they appear on the 督办 lists. */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  'received',
  'processing',
  'awaiting-correction',
  'consulting',
]
export const isOpen = (status: string): boolean =>
  (OPEN_STATUSES as readonly string[]).includes(status)

export const STEP_KINDS = [
  'register',
  'request-correction',
  'receive-correction',
  'correction-lapsed',
  'start-consultation',
  'end-consultation',
  'extend',
  'fee-notice',
  'fee-paid',
  'fee-unpaid',
  'answer',
] as const
export type StepKind = (typeof STEP_KINDS)[number]

type Need = 'note' | 'days' | 'approver' | 'outcome' | 'replyText'

type StepDef = {
  label: string
  from: readonly RequestStatus[]
  /** The status after the step; null keeps the status. */
  to: RequestStatus | null
  /** The clock event the step records, if it moves the clock. */
  clock?: ClockEventKind
  needs: readonly Need[]
  /** The applicant is told (e-mail) — every step the law says they must be told of. */
  tellApplicant: boolean
}

const WORKING: readonly RequestStatus[] = ['received', 'processing']

/** Every step a handler takes, as one table. */
export const STEPS: Record<StepKind, StepDef> = {
  register: {
    label: '登记受理',
    from: ['received'],
    to: 'processing',
    needs: [],
    tellApplicant: false,
  },
  'request-correction': {
    label: '告知补正',
    from: WORKING,
    to: 'awaiting-correction',
    clock: 'correction-requested',
    needs: ['note', 'days'],
    tellApplicant: true,
  },
  'receive-correction': {
    label: '收到补正',
    from: ['awaiting-correction'],
    to: 'processing',
    clock: 'correction-received',
    needs: [],
    tellApplicant: true,
  },
  'correction-lapsed': {
    label: '逾期未补正，不再处理',
    from: ['awaiting-correction'],
    to: 'answered',
    needs: [],
    tellApplicant: true,
  },
  'start-consultation': {
    label: '征求第三方意见',
    from: WORKING,
    to: 'consulting',
    clock: 'consultation-started',
    needs: ['note'],
    tellApplicant: true,
  },
  'end-consultation': {
    label: '第三方意见返回',
    from: ['consulting'],
    to: 'processing',
    clock: 'consultation-ended',
    needs: [],
    tellApplicant: false,
  },
  extend: {
    label: '延长答复期限',
    from: WORKING,
    to: null,
    clock: 'extension-approved',
    needs: ['days', 'approver', 'note'],
    tellApplicant: true,
  },
  'fee-notice': {
    label: '发出收费通知',
    from: WORKING,
    to: null,
    needs: [],
    tellApplicant: true,
  },
  'fee-paid': {
    label: '收到信息处理费',
    from: WORKING,
    to: null,
    needs: [],
    tellApplicant: false,
  },
  'fee-unpaid': {
    label: '逾期未缴费，不再处理',
    from: WORKING,
    to: 'answered',
    needs: [],
    tellApplicant: true,
  },
  answer: {
    label: '答复',
    from: WORKING,
    to: 'answered',
    needs: ['outcome', 'replyText'],
    tellApplicant: true,
  },
}

export const STEP_LABELS = Object.fromEntries(STEP_KINDS.map((k) => [k, STEPS[k].label])) as Record<
  StepKind,
  string
>

export const isStepKind = (value: unknown): value is StepKind =>
  typeof value === 'string' && Object.hasOwn(STEPS, value)

/** The applicant's default time to correct (条例第三十条 says only 合理期限): a product choice. */
export const DEFAULT_CORRECTION_DAYS = 15

export type TimelineEntry = {
  at: string
  kind: string
  label?: string | null
  note?: string | null
  days?: number | null
  approver?: string | null
}

export type StepInput = {
  step: StepKind
  /** The Beijing date the step happens on (usually today). */
  date: string
  note?: string | null
  days?: number | null
  approver?: string | null
  outcome?: string | null
  replyText?: string | null
}

export type RequestFacts = {
  status: RequestStatus
  timeline: readonly TimelineEntry[]
  feeAmount?: number | null
  feeNoticeAt?: string | null
  feePaidAt?: string | null
}

/** The steps open to a handler for a request in this status, in table order. */
export const availableSteps = (facts: RequestFacts): StepKind[] =>
  STEP_KINDS.filter(
    (k) => stepProblems({ facts, input: { step: k, date: '' }, structural: true }).length === 0,
  )

const lastOf = (timeline: readonly TimelineEntry[], kind: StepKind) =>
  [...timeline].reverse().find((e) => e.kind === kind)

/** The last day the applicant may correct, from the correction notice in the timeline. */
export function correctionDue({
  timeline,
  calendar,
}: {
  timeline: readonly TimelineEntry[]
  calendar: WorkCalendar
}): string | null {
  const notice = lastOf(timeline, 'request-correction')
  if (!notice) return null
  return addWorkingDays({
    from: beijingDate(notice.at),
    days: notice.days ?? DEFAULT_CORRECTION_DAYS,
    calendar,
  })
}

/**
 * Sentences refusing the step, or none. With `structural`, only whether the step fits the
 * request's status and history (for listing buttons); otherwise the input is checked too.
 */
export function stepProblems({
  facts,
  input,
  calendar,
  structural = false,
}: {
  facts: RequestFacts
  input: StepInput
  calendar?: WorkCalendar
  structural?: boolean
}): string[] {
  if (!isStepKind(input.step)) return [`没有“${String(input.step)}”这一办理步骤`]
  const def = STEPS[input.step]
  const { status } = facts
  if (!def.from.includes(status)) {
    return [
      `申请处于“${REQUEST_STATUS_LABELS[status]}”状态，不能“${def.label}”（须处于${def.from
        .map((s) => `“${REQUEST_STATUS_LABELS[s]}”`)
        .join('或')}状态）`,
    ]
  }
  const problems: string[] = []
  const noticed = Boolean(facts.feeNoticeAt)
  const paid = Boolean(facts.feePaidAt)
  if (input.step === 'fee-notice' && noticed) problems.push('已发出过收费通知，不能重复发出')
  if ((input.step === 'fee-paid' || input.step === 'fee-unpaid') && !noticed)
    problems.push('尚未发出收费通知')
  if ((input.step === 'fee-paid' || input.step === 'fee-unpaid') && paid)
    problems.push('已收到信息处理费')
  if (input.step === 'request-correction' && lastOf(facts.timeline, 'request-correction'))
    problems.push('补正须一次性告知（条例第三十条），本申请已告知过补正')
  if (structural) return problems

  const text = (v: string | null | undefined) => (v ?? '').trim()
  if (def.needs.includes('note') && !text(input.note)) {
    problems.push(
      {
        'request-correction': '请写明需要补正的事项和要求',
        'start-consultation': '请写明征求意见的第三方及事项',
        extend: '请写明延期的理由',
      }[input.step as string] ?? '请填写说明',
    )
  }
  if (def.needs.includes('days')) {
    const d = input.days
    if (input.step === 'extend') {
      if (d == null || !Number.isInteger(d) || d < 1 || d > MAX_EXTENSION_DAYS)
        problems.push(`延长的工作日数须为 1 至 ${MAX_EXTENSION_DAYS} 的整数`)
    } else if (d != null && (!Number.isInteger(d) || d < 1 || d > 60)) {
      problems.push('补正期限须为 1 至 60 个工作日')
    }
  }
  if (def.needs.includes('approver') && !text(input.approver))
    problems.push('延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人')
  if (def.needs.includes('outcome')) {
    if (!isOutcomeCode(input.outcome)) problems.push('请选择办理结果（按年度报告的分类）')
    else if (input.outcome === 'other-no-correction' || input.outcome === 'other-fee-unpaid')
      problems.push('逾期未补正或未缴费请使用相应的办理步骤，而不是直接答复')
  }
  if (def.needs.includes('replyText') && !text(input.replyText))
    problems.push('请填写答复内容（告知书正文）')
  if (input.step === 'answer' && noticed && !paid)
    problems.push('已发出收费通知但尚未收到费用：请先登记缴费或“逾期未缴费”')
  if (input.step === 'correction-lapsed' && calendar) {
    const due = correctionDue({ timeline: facts.timeline, calendar })
    if (due && input.date <= due) problems.push(`补正期限至 ${due}，期限届满后才能按逾期未补正处理`)
  }
  return problems
}

/** The outcome a step sets by itself (the two 其他处理 rows), if any. */
export const outcomeOfStep = (step: StepKind): OutcomeCode | null =>
  step === 'correction-lapsed'
    ? 'other-no-correction'
    : step === 'fee-unpaid'
      ? 'other-fee-unpaid'
      : null

/** The sentence the applicant sees for a step in their timeline. */
export function publicLabel(input: StepInput & { outcome?: string | null }): string {
  const def = STEPS[input.step]
  switch (input.step) {
    case 'request-correction':
      return `告知补正（请在 ${input.days ?? DEFAULT_CORRECTION_DAYS} 个工作日内补正）`
    case 'extend':
      return input.days ? `延长答复期限 ${input.days} 个工作日（经负责人批准）` : def.label
    case 'answer':
      return isOutcomeCode(input.outcome) ? `已答复：${outcomeLabel(input.outcome)}` : def.label
    default:
      return def.label
  }
}

/** The clock events recorded in a timeline, for disclosureDueDate. */
export function clockEvents(timeline: readonly TimelineEntry[]): ClockEvent[] {
  const out: ClockEvent[] = []
  for (const e of timeline) {
    if (!isStepKind(e.kind)) continue
    const clock = STEPS[e.kind].clock
    if (!clock) continue
    const days =
      e.kind === 'request-correction'
        ? (e.days ?? DEFAULT_CORRECTION_DAYS)
        : e.days != null
          ? e.days
          : undefined
    // `at` is an instant; the clock counts Beijing days (a step at 07:00 Beijing is that day).
    out.push({ kind: clock, date: beijingDate(e.at), ...(days != null ? { days } : {}) })
  }
  return out
}

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'paused' | 'done'
export const URGENCY_LABELS: Record<Urgency, string> = {
  overdue: '已逾期',
  'due-soon': '即将到期',
  'on-time': '正常',
  paused: '暂停计时',
  done: '已办结',
}

/** Working days at or below which an open request is "due soon" (a setting's default). */
export const DUE_SOON_DAYS = 3

/**
 * How urgent an open request is today. Working days left counts today's remaining day: due
 * today is 0 left and still on time; the day after the due date is overdue.
 */
export function urgency({
  status,
  dueDate,
  today,
  calendar,
  dueSoonDays = DUE_SOON_DAYS,
}: {
  status: string
  dueDate: string | null | undefined
  today: string
  calendar: WorkCalendar
  dueSoonDays?: number
}): { urgency: Urgency; daysLeft: number | null } {
  if (!isOpen(status)) return { urgency: 'done', daysLeft: null }
  if (!dueDate) return { urgency: 'paused', daysLeft: null }
  if (today > dueDate) {
    // The day after the due date is overdue even when it is a weekend: at least one day late.
    const late = Math.max(1, workingDaysBetween({ from: dueDate, to: today, calendar }))
    return { urgency: 'overdue', daysLeft: -late }
  }
  const left = workingDaysBetween({ from: today, to: dueDate, calendar })
  return { urgency: left <= dueSoonDays ? 'due-soon' : 'on-time', daysLeft: left }
}

/** What applying a step reads beyond the request's status and history. */
export type StepFacts = RequestFacts & {
  /** The Beijing day the request was received (the clock starts there). */
  receivedAt: string
}

/** A handler's step as the server received it: the input, who, when, and the fee if asked. */
export type StepRequest = StepInput & {
  /** The instant of the step (the timeline's `at`). */
  at: string
  internalNote?: string | null
  by?: Id
  /** The fee notice's method; null when none was chosen. */
  feeMethod?: FeeMethod | null
  /** The fee for the chosen method, counted by the caller (it needs the month's applications). */
  fee?: { total: number; notes: readonly string[] }
}

/** The row a step adds to the timeline; `internalNote` and `by` are never shown to the applicant. */
export type StepEntry = TimelineEntry & { by?: Id; internalNote?: string | null }

/** The fields a step changes. */
export type StepPatch = {
  status?: RequestStatus
  outcome?: string
  answeredAt?: string
  feeAmount?: number
  feeNoticeAt?: string
  feePaidAt?: string
  timeline?: StepEntry[]
}

export type StepResult = { patch: StepPatch; timelineEntry: StepEntry | null; problems: string[] }

const refusedStep = (problems: string[]): StepResult => ({
  patch: {},
  timelineEntry: null,
  problems,
})

/** A fee notice needs a method and a fee to ask; the fee and its reasons go into the notice. */
function feeProblems(input: StepRequest): string[] {
  if (!input.feeMethod) return ['请选择收费方式：按件计收或按量计收（两种标准不得同时适用）']
  const fee = input.fee ?? { total: 0, notes: [] }
  return fee.total ? [] : [`本申请不收取信息处理费：${fee.notes.join('；')}`]
}

/**
 * A handler's step: refused with sentences, or the fields it changes and its timeline row. The
 * law's limits on the clock (补正 within 7 working days, extensions ≤ 20 …) are the clock's: a
 * step it would not count is refused, not silently recorded.
 */
export function applyStep(
  facts: StepFacts,
  input: StepRequest,
  calendar: WorkCalendar,
): StepResult {
  const problems = stepProblems({ facts, input, calendar })
  if (!problems.length && input.step === 'fee-notice') problems.push(...feeProblems(input))
  if (problems.length) return refusedStep(problems)

  const { step } = input
  const def = STEPS[step]
  const patch: StepPatch = {}
  let note = input.note ?? null
  if (step === 'fee-notice' && input.fee) {
    patch.feeAmount = input.fee.total
    patch.feeNoticeAt = input.at
    note = [note, ...input.fee.notes].filter(Boolean).join('\n')
  }
  if (step === 'fee-paid') patch.feePaidAt = input.at
  const outcome = outcomeOfStep(step) ?? (step === 'answer' ? (input.outcome ?? null) : null)
  if (outcome) {
    patch.outcome = outcome
    patch.answeredAt = dayInstant(input.date)
  }
  if (def.to) patch.status = def.to
  const timelineEntry: StepEntry = {
    at: input.at,
    kind: step,
    label: publicLabel({ ...input, note, outcome }),
    // What the applicant is told: the correction items, extension reason, fee; not the
    // handler's internal remarks.
    note: step === 'answer' ? null : note,
    internalNote: input.internalNote ?? null,
    days:
      step === 'request-correction' || step === 'extend' ? (input.days ?? undefined) : undefined,
    approver: step === 'extend' ? input.approver : undefined,
    by: input.by,
  }
  patch.timeline = [...facts.timeline, timelineEntry]
  if (def.clock) {
    const added = newClockProblems({
      receivedAt: facts.receivedAt,
      before: facts.timeline,
      after: patch.timeline,
      calendar,
    })
    if (added.length) return refusedStep(added)
  }
  return { patch, timelineEntry, problems: [] }
}

/** The clock's refusals the new timeline adds to those of the old one. */
function newClockProblems(args: {
  receivedAt: string
  before: readonly TimelineEntry[]
  after: readonly TimelineEntry[]
  calendar: WorkCalendar
}): string[] {
  const { receivedAt, calendar } = args
  const problemsOf = (timeline: readonly TimelineEntry[]) =>
    disclosureDueDate({ receivedAt, events: clockEvents(timeline), calendar }).problems
  const prior = new Set(problemsOf(args.before))
  return problemsOf(args.after).filter((p) => !prior.has(p))
}
