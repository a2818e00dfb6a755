// The disclosure request's change: what the server decides on creation, a handler's step checked
// and applied by the domain table, the statutory clock after every change; then the audit event
// and the applicant's mail. The request collection's hooks are its one caller.
import type { PayloadRequest } from 'payload'

import type { Refusal } from '../domain/refusal'

import { dayInstant, dayOf } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import {
  applyStep,
  isStepKind,
  type RequestStatus,
  type StepEntry,
  type StepKind,
  type StepRequest,
  STEPS,
  type TimelineEntry,
} from '../domain/request-steps'
import { DISCLOSURE_REQUESTS } from '../domain/slugs'
import type { WorkCalendar } from '../domain/workdays'
import { actorOf, recordAudit } from './audit'
import { clockOf, todayInBeijing } from './request-clock'
import { feeForRequest } from './request-fees'
import { afterResponse, announceNewRequest, mailApplicant, stepMail } from './request-mail'
import { type RequestDoc } from './stored-request'
import { newTrackingCode } from './tracking-code'
import { loadWorkCalendar } from './work-calendar'

type Doc = Record<string, unknown> & { status?: RequestStatus; timeline?: TimelineEntry[] }

/** Why a change is refused: sentences, and the field at fault if there is one. */
export type RequestRefusal = Refusal

/** The step taken, kept for the audit event and the applicant's mail after the change is stored. */
export type StepRecord = { step: StepKind; entry: StepEntry }

export type RequestChange = {
  /** The incoming fields. */
  data: Doc
  original: Doc
  operation: 'create' | 'update'
  /** The user taking the step, if a person. */
  by?: Id
  /** Whether the timeline was just rewritten by the deadline recomputation (kept as sent). */
  recomputed: boolean
  now: Date
}

/** The virtual fields a handler fills to take a step; never stored. */
export const STEP_INPUTS = [
  'step',
  'stepNote',
  'stepDays',
  'stepApprover',
  'stepOutcome',
  'stepInternal',
  'stepFeeMethod',
] as const

export type ChangeOutcome = { refusal: RequestRefusal } | { patch: Doc; record?: StepRecord }

/**
 * Creation fills what the server decides (code, received day, status); every change recomputes
 * the due date; a handler's step (virtual field `step`) is checked by the domain table and
 * appended to the timeline. Status, timeline and outcome change only through steps.
 */
export async function changeRequest(
  req: PayloadRequest,
  change: RequestChange,
): Promise<ChangeOutcome> {
  const { data: d, original: before, now } = change
  const calendar = await loadWorkCalendar(req.payload, req)
  const today = todayInBeijing(now)
  let patch: Doc
  let record: StepRecord | undefined
  if (change.operation === 'create') {
    const received = d.receivedAt ? dayOf(d.receivedAt) : today
    if (received > today)
      return { refusal: { reasons: ['收到申请的日期不能晚于今天'], path: 'receivedAt' } }
    patch = newRequestFields({ channel: d.channel, received, now })
  } else {
    // Only steps move these; a form that sends them back unchanged is fine.
    patch = {
      status: before.status,
      outcome: before.outcome ?? null,
      // The deadline recomputation writes its own timeline row; anyone else's is ignored.
      ...(change.recomputed ? {} : { timeline: before.timeline ?? [] }),
      trackingCode: before.trackingCode,
      receivedAt: d.receivedAt ? dayInstant(dayOf(d.receivedAt)) : before.receivedAt,
    }
    if (d.step != null && d.step !== '') {
      const taken = await takeStep(req, { change, kept: patch, today, calendar })
      if ('refusal' in taken) return taken
      Object.assign(patch, taken.patch)
      record = taken.record
    }
  }
  const timeline = (patch.timeline ?? d.timeline) as TimelineEntry[] | undefined
  const clock = clockOf({ receivedAt: patch.receivedAt, timeline }, calendar)
  patch.dueDate = clock.dueDate ? dayInstant(clock.dueDate) : null
  patch.dueExplanation = clock.explanation
  return { patch, record }
}

/** A new request: the server gives the tracking code, the received day, the status, the first event. */
function newRequestFields(args: { channel: unknown; received: string; now: Date }): Doc {
  return {
    trackingCode: newTrackingCode(),
    receivedAt: dayInstant(args.received),
    status: 'received',
    outcome: null,
    timeline: [
      {
        at: args.now.toISOString(),
        kind: 'submitted',
        label: args.channel === 'web' ? '网上提交申请' : '收到申请',
        note: null,
      },
    ],
  }
}

/** A handler's step: the fee counted if one is asked, then the domain decides. */
async function takeStep(
  req: PayloadRequest,
  args: { change: RequestChange; kept: Doc; today: string; calendar: WorkCalendar },
): Promise<{ refusal: RequestRefusal } | { patch: Doc; record: StepRecord }> {
  const { change, kept, today, calendar } = args
  const { data: d, original: before } = change
  const step = d.step
  if (!isStepKind(step))
    return { refusal: { reasons: [`没有“${String(step)}”这一办理步骤`], path: 'step' } }
  const input: StepRequest = {
    step,
    date: today,
    at: change.now.toISOString(),
    note: (d.stepNote as string) ?? null,
    days: d.stepDays != null && d.stepDays !== '' ? Number(d.stepDays) : null,
    approver: (d.stepApprover as string) ?? null,
    // The outcome of an answer is chosen with the step.
    outcome:
      step === 'answer'
        ? ((d.stepOutcome as string) ?? null)
        : ((d.outcome as string) ?? (before.outcome as string) ?? null),
    replyText: (d.replyText as string) ?? (before.replyText as string) ?? null,
    internalNote: (d.stepInternal as string) ?? null,
    by: change.by,
  }
  if (step === 'fee-notice') {
    input.feeMethod =
      d.stepFeeMethod === 'per-case' || d.stepFeeMethod === 'per-page' ? d.stepFeeMethod : null
    if (input.feeMethod) {
      input.fee = await feeForRequest(
        req.payload,
        {
          id: before.id as Id,
          idNumber: before.idNumber as string | null,
          applicantName: before.applicantName as string | null,
          receivedAt: before.receivedAt,
          pages: (d.pages as number) ?? (before.pages as number),
        },
        input.feeMethod,
        req,
      )
    }
  }
  const facts = {
    status: before.status as RequestStatus,
    timeline: (kept.timeline ?? d.timeline ?? []) as TimelineEntry[],
    feeAmount: before.feeAmount as number | null,
    feeNoticeAt: before.feeNoticeAt as string | null,
    feePaidAt: before.feePaidAt as string | null,
    receivedAt: dayOf(kept.receivedAt),
  }
  const { patch, timelineEntry, problems } = applyStep(facts, input, calendar)
  if (problems.length || !timelineEntry) return { refusal: { reasons: problems } }
  return { patch, record: { step, entry: timelineEntry } }
}

/** New requests are announced to handlers; each step is told to the applicant and audited. */
export function notifyRequestChange(
  req: PayloadRequest,
  args: {
    doc: RequestDoc & { channel?: unknown; dueExplanation?: string[] | null }
    operation: 'create' | 'update'
    record?: StepRecord
  },
): void {
  const { doc, operation, record } = args
  const payload = req.payload
  const who = actorOf(req)
  const target = `${DISCLOSURE_REQUESTS}:${doc.id}`
  if (operation === 'create') {
    void recordAudit(payload, {
      action: 'request.create',
      ...who,
      site: idOf(doc.site),
      target,
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
    return
  }
  if (!record) return
  void recordAudit(payload, {
    action: `request.${record.step}`,
    ...who,
    site: idOf(doc.site),
    target,
    detail: { status: doc.status, outcome: doc.outcome ?? null },
  })
  if (STEPS[record.step].tellApplicant)
    afterResponse(() => mailApplicant(payload, doc, stepMail(doc, record.entry)))
}
