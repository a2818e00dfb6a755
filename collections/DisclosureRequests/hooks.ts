// The disclosure requests' hooks: the server's fields and the statutory clock before a change,
// mail and audit after it, and the record of every person's view of citizens' data.
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterReadHook,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
} from 'payload'

import { type Id, idOf } from '../../src/domain/ids'
import {
  isStepKind,
  outcomeOfStep,
  publicLabel,
  type RequestFacts,
  type RequestStatus,
  type StepKind,
  STEPS,
  stepProblems,
  type TimelineEntry,
} from '../../src/domain/request-steps'
import type { WorkCalendar } from '../../src/domain/workdays'
import { actorOf, recordAudit } from '../../src/services/audit'
import {
  afterResponse,
  announceNewRequest,
  clockOf,
  dayInstant,
  dayOf,
  feeForRequest,
  loadWorkCalendar,
  mailApplicant,
  newTrackingCode,
  stepMail,
  todayInBeijing,
} from '../../src/services/disclosure-requests'
import { DISCLOSURE_REQUESTS } from '../slugs'

const refuse = (message: string) => new APIError(message, 400, null, true)

type RequestData = Record<string, unknown> & {
  status?: RequestStatus
  timeline?: TimelineEntry[]
}

type StepEntry = TimelineEntry & { by?: Id; internalNote?: string | null }

/** The virtual fields a handler fills to take a step; never stored. */
const STEP_INPUTS = [
  'step',
  'stepNote',
  'stepDays',
  'stepApprover',
  'stepOutcome',
  'stepInternal',
  'stepFeeMethod',
]

/** A new request: the server gives the tracking code, the received day, the status, the first event. */
function fillNewRequest(d: RequestData, today: string): void {
  d.trackingCode = newTrackingCode()
  const received = d.receivedAt ? dayOf(d.receivedAt) : today
  if (received > today) throw refuse('收到申请的日期不能晚于今天')
  d.receivedAt = dayInstant(received)
  d.status = 'received'
  d.outcome = null
  d.timeline = [
    {
      at: new Date().toISOString(),
      kind: 'submitted',
      label: d.channel === 'web' ? '网上提交申请' : '收到申请',
      note: null,
    },
  ]
}

/** Only steps move these; a form that sends them back unchanged is fine. */
function keepServerFields(d: RequestData, before: RequestData, req: PayloadRequest): void {
  d.status = before.status
  d.outcome = before.outcome ?? null
  if (!req.context.recomputed) d.timeline = before.timeline ?? []
  d.trackingCode = before.trackingCode
  d.receivedAt = d.receivedAt ? dayInstant(dayOf(d.receivedAt)) : before.receivedAt
}

/** The step as the domain table reads it, from the handler's virtual fields. */
function stepInputOf(d: RequestData, before: RequestData, step: StepKind, today: string) {
  const input = {
    step,
    date: today,
    note: (d.stepNote as string) ?? null,
    days: d.stepDays != null && d.stepDays !== '' ? Number(d.stepDays) : null,
    approver: (d.stepApprover as string) ?? null,
    outcome: (d.outcome as string) ?? (before.outcome as string) ?? null,
    replyText: (d.replyText as string) ?? (before.replyText as string) ?? null,
  }
  // The outcome of an answer is chosen with the step.
  if (step === 'answer') input.outcome = (d.stepOutcome as string) ?? null
  return input
}

type HandlerStep = ReturnType<typeof stepInputOf>

const factsOf = (before: RequestData): RequestFacts => ({
  status: before.status as RequestStatus,
  timeline: (before.timeline ?? []) as TimelineEntry[],
  feeAmount: before.feeAmount as number | null,
  feeNoticeAt: before.feeNoticeAt as string | null,
  feePaidAt: before.feePaidAt as string | null,
})

/** A fee notice needs a method and a fee to ask; the fee and its reasons go into the notice. */
async function noticeFee(args: {
  d: RequestData
  before: RequestData
  input: HandlerStep
  problems: string[]
  req: PayloadRequest
}): Promise<void> {
  const { d, before, input, problems, req } = args
  const method =
    d.stepFeeMethod === 'per-case' || d.stepFeeMethod === 'per-page' ? d.stepFeeMethod : null
  if (!method) problems.push('请选择收费方式：按件计收或按量计收（两种标准不得同时适用）')
  const fee = await feeForRequest(
    req.payload,
    {
      id: before.id as Id,
      idNumber: before.idNumber as string | null,
      applicantName: before.applicantName as string | null,
      receivedAt: before.receivedAt,
      pages: (d.pages as number) ?? (before.pages as number),
    },
    method ?? undefined,
    req,
  )
  if (problems.length) {
    // the method is missing: said above
  } else if (!fee.total) problems.push(`本申请不收取信息处理费：${fee.notes.join('；')}`)
  else {
    d.feeAmount = fee.total
    d.feeNoticeAt = new Date().toISOString()
    input.note = [input.note, ...fee.notes].filter(Boolean).join('\n')
  }
}

/** The timeline's row for a step. */
function stepEntry(args: {
  d: RequestData
  input: HandlerStep
  outcome: string | null
  req: PayloadRequest
}): StepEntry {
  const { d, input, outcome, req } = args
  const step = input.step
  return {
    at: new Date().toISOString(),
    kind: step,
    label: publicLabel({ ...input, outcome }),
    // What the applicant is told: the correction items, extension reason, fee; not the
    // handler's internal remarks (stepInternal).
    note: step === 'answer' ? null : input.note,
    internalNote: (d.stepInternal as string) ?? null,
    days:
      step === 'request-correction' || step === 'extend' ? (input.days ?? undefined) : undefined,
    approver: step === 'extend' ? input.approver : undefined,
    by: req.user ? (req.user as { id: Id }).id : undefined,
  }
}

/**
 * The law's limits on the clock (补正 within 7 working days, extensions ≤ 20 …) are the domain
 * clock's: a step it would not count is refused, not silently recorded.
 */
function refuseUncountedStep(d: RequestData, before: RequestData, calendar: WorkCalendar): void {
  const prior = new Set(
    clockOf({ receivedAt: d.receivedAt, timeline: before.timeline as TimelineEntry[] }, calendar)
      .problems,
  )
  const added = clockOf(
    { receivedAt: d.receivedAt, timeline: d.timeline },
    calendar,
  ).problems.filter((p) => !prior.has(p))
  if (added.length) throw refuse(added.join('；'))
}

/** A handler's step: checked by the domain table, applied, and appended to the timeline. */
async function takeStep(args: {
  d: RequestData
  before: RequestData
  step: unknown
  today: string
  calendar: WorkCalendar
  req: PayloadRequest
}): Promise<void> {
  const { d, before, step, today, calendar, req } = args
  if (!isStepKind(step)) throw refuse(`没有“${String(step)}”这一办理步骤`)
  const input = stepInputOf(d, before, step, today)
  const problems = stepProblems({ facts: factsOf(before), input, calendar })
  if (step === 'fee-notice' && !problems.length)
    await noticeFee({ d, before, input, problems, req })
  if (problems.length) throw refuse(problems.join('；'))
  if (step === 'fee-paid') d.feePaidAt = new Date().toISOString()
  const def = STEPS[step]
  const outcome = outcomeOfStep(step) ?? (step === 'answer' ? input.outcome : null)
  if (outcome) {
    d.outcome = outcome
    d.answeredAt = dayInstant(today)
  }
  if (def.to) d.status = def.to
  const entry = stepEntry({ d, input, outcome, req })
  d.timeline = [...(d.timeline ?? []), entry]
  if (def.clock) refuseUncountedStep(d, before, calendar)
  req.context.requestStep = { step, entry }
}

/** Every change recomputes the due date and its explanation. */
function recomputeClock(d: RequestData, calendar: WorkCalendar): void {
  const clock = clockOf({ receivedAt: d.receivedAt, timeline: d.timeline }, calendar)
  d.dueDate = clock.dueDate ? dayInstant(clock.dueDate) : null
  d.dueExplanation = clock.explanation
}

/**
 * Creation fills what the server decides (code, received day, status); every change recomputes
 * the due date; a handler's step (virtual field `step`) is checked by the domain table and
 * appended to the timeline. Status, timeline and outcome change only through steps.
 */
export const applyRequestRules: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const d = data as RequestData
  const calendar = await loadWorkCalendar(req.payload, req)
  const today = todayInBeijing()
  if (operation === 'create') fillNewRequest(d, today)
  else {
    const before = originalDoc as RequestData
    keepServerFields(d, before, req)
    if (d.step != null && d.step !== '')
      await takeStep({ d, before, step: d.step, today, calendar, req })
  }
  recomputeClock(d, calendar)
  for (const k of STEP_INPUTS) delete d[k]
  return d
}

/** New requests are announced to handlers; each step is told to the applicant and audited. */
export const afterRequestChange: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  const payload = req.payload
  const step = req.context.requestStep as { step: string; entry: TimelineEntry } | undefined
  const who = actorOf(req)
  if (req.context.seeding) return doc
  if (operation === 'create') {
    void recordAudit(payload, {
      action: 'request.create',
      ...who,
      site: idOf(doc.site),
      target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
      detail: { channel: doc.channel },
    })
    afterResponse(() =>
      Promise.all([
        announceNewRequest(payload, doc),
        mailApplicant(payload, doc, {
          subject: '已收到您的政府信息公开申请',
          lines: [
            `我们已于 ${dayOf(doc.receivedAt)} 收到您的政府信息公开申请。`,
            ...(doc.dueExplanation ?? []),
          ],
        }),
      ]),
    )
    return doc
  }
  if (step) {
    req.context.requestStep = undefined
    void recordAudit(payload, {
      action: `request.${step.step}`,
      ...who,
      site: idOf(doc.site),
      target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
      detail: { status: doc.status, outcome: doc.outcome ?? null },
    })
    if (STEPS[step.step as keyof typeof STEPS]?.tellApplicant)
      afterResponse(() => mailApplicant(payload, doc, stepMail(doc, step.entry)))
  }
  return doc
}

/** Every time a person (not a service) opens a record of citizens' data, the view is recorded. */
export const auditPersonalDataView =
  (slug: string): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (!req.user || req.context.audit || req.context.noViewAudit) return doc
    void recordAudit(req.payload, {
      action: 'personal-data.view',
      ...actorOf(req),
      site: idOf(doc.site),
      target: `${slug}:${doc.id}`,
    })
    return doc
  }
