// A letter's change: what the server decides when a letter arrives (number, query code, clock),
// a handler's step checked and applied by the domain table (src/domain/letters.ts), and the
// deadlines after every change; then the audit event and the writer's and handlers' mail. The
// letters collection's hooks are its one caller.
import type { PayloadRequest } from 'payload'

import { beijingYear, dayInstant, dayOf } from '../domain/dates'
import { type Id, idOf } from '../domain/ids'
import {
  applyLetterStep,
  DEFAULT_TERMS,
  isLetterStep,
  LETTER_STEPS,
  type LetterFacts,
  type LetterStatus,
  type LetterStepKind,
  type LetterTimelineEntry,
  letterDeadlines,
  letterNumber,
  type MailboxTerms,
} from '../domain/letters'
import type { Refusal } from '../domain/refusal'
import { LETTERS, MAILBOXES, SITES } from '../domain/slugs'
import { actorOf, recordAudit } from './audit'
import { afterResponse } from './request-mail'
import { announceLetter, mailWriter, stepMailOfLetter } from './letter-mail'
import { takeNext } from './numbering'
import { todayInBeijing } from './request-clock'
import { newTrackingCode } from './tracking-code'
import { loadWorkCalendar } from './work-calendar'

type Doc = Record<string, unknown>

/** The virtual fields a handler fills to take a step; never stored. */
export const LETTER_STEP_INPUTS = [
  'step',
  'stepNote',
  'stepReason',
  'stepDays',
  'stepInternal',
  'transferTo',
] as const

export type LetterStepRecord = { step: LetterStepKind; entry: LetterTimelineEntry; fromSite?: Id }

export type LetterChange = {
  data: Doc
  original: Doc
  operation: 'create' | 'update'
  by?: Id
  now: Date
  /** Set by server code that writes its own fields (the rating, the deadline recomputation). */
  trusted: boolean
}

export type LetterChangeOutcome = { refusal: Refusal } | { patch: Doc; record?: LetterStepRecord }

type MailboxRow = {
  id: Id
  name: string
  site: unknown
  acceptDays?: number
  answerDays?: number
  maxExtensionDays?: number
}

async function mailboxOf(req: PayloadRequest, id: unknown): Promise<MailboxRow | null> {
  const key = idOf(id)
  if (key == null) return null
  return (await req.payload
    .findByID({
      collection: MAILBOXES,
      id: key,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    .catch(() => null)) as MailboxRow | null
}

const termsOf = (m: MailboxRow | null): MailboxTerms => ({
  acceptDays: m?.acceptDays ?? DEFAULT_TERMS.acceptDays,
  answerDays: m?.answerDays ?? DEFAULT_TERMS.answerDays,
  maxExtensionDays: m?.maxExtensionDays ?? DEFAULT_TERMS.maxExtensionDays,
})

async function siteFacts(req: PayloadRequest, site: unknown) {
  const id = idOf(site)
  const doc = (
    id == null
      ? null
      : await req.payload
          .findByID({
            collection: SITES,
            id,
            depth: 0,
            overrideAccess: true,
            req,
            disableErrors: true,
          })
          .catch(() => null)
  ) as { slug?: string; name?: string; interaction?: { reviewAnswers?: boolean | null } } | null
  return {
    slug: doc?.slug ?? 'site',
    name: doc?.name ?? '',
    reviewAnswers: doc?.interaction?.reviewAnswers ?? true,
  }
}

/**
 * Creation fills what the server decides (number, query code, received day, status, first row);
 * a handler's step (virtual field `step`) is checked by the domain table and appended to the
 * timeline; the deadlines follow the receipt, the mailbox's terms and any extension.
 */
export async function changeLetter(
  req: PayloadRequest,
  change: LetterChange,
): Promise<LetterChangeOutcome> {
  const { data: d, original: before, now } = change
  const calendar = await loadWorkCalendar(req.payload, req)
  const today = todayInBeijing(now)
  let patch: Doc = {}
  let record: LetterStepRecord | undefined
  if (change.operation === 'create') {
    const received = d.receivedAt ? dayOf(d.receivedAt) : today
    if (received > today)
      return { refusal: { reasons: ['收信日期不能晚于今天'], path: 'receivedAt' } }
    const mailbox = await mailboxOf(req, d.mailbox)
    if (!mailbox) return { refusal: { reasons: ['请选择信箱'], path: 'mailbox' } }
    if (String(idOf(mailbox.site)) !== String(idOf(d.site)))
      return { refusal: { reasons: ['所选信箱不属于该网站'], path: 'mailbox' } }
    const site = await siteFacts(req, d.site)
    const year = beijingYear(new Date(dayInstant(received)))
    const seq = await takeNext(req, `letters:${idOf(d.site)}:${year}`)
    patch = {
      number: letterNumber(`${site.slug.toUpperCase()}-`, year, seq),
      queryCode: newTrackingCode(),
      receivedAt: dayInstant(received),
      firstSite: idOf(d.site),
      status: 'submitted',
      published: false,
      extensionDays: 0,
      transfers: [],
      timeline: [
        {
          at: now.toISOString(),
          kind: 'submitted',
          label: d.channel === 'web' || d.channel == null ? '网上来信' : '收到来信',
          note: null,
        },
      ],
    }
    Object.assign(
      patch,
      deadlinesPatch({ received, terms: termsOf(mailbox), extensionDays: 0, calendar }),
    )
    return { patch }
  }

  const received = dayOf(before.receivedAt)
  if (d.step != null && d.step !== '') {
    const taken = await takeStep(req, change, { received })
    if ('refusal' in taken) return taken
    patch = taken.patch
    record = taken.record
  } else if (!change.trusted) {
    // Status, timeline and the record of steps change only through steps.
    patch = { status: before.status, timeline: before.timeline ?? [] }
  }
  // An answer under review or sent is what the reviewer approved and the writer read: it changes
  // only by 退回修改 and a new 答复.
  if (
    !change.trusted &&
    !['submitted', 'accepted'].includes(String(before.status)) &&
    d.step !== 'answer'
  )
    patch.answer = before.answer ?? null
  const mailbox = await mailboxOf(req, patch.mailbox ?? d.mailbox ?? before.mailbox)
  const extensionDays = Number(patch.extensionDays ?? before.extensionDays ?? 0)
  Object.assign(
    patch,
    deadlinesPatch({ received, terms: termsOf(mailbox), extensionDays, calendar }),
  )
  return { patch, record }
}

function deadlinesPatch(args: {
  received: string
  terms: MailboxTerms
  extensionDays: number
  calendar: Awaited<ReturnType<typeof loadWorkCalendar>>
}): Doc {
  const due = letterDeadlines({
    receivedAt: args.received,
    terms: args.terms,
    extensionDays: args.extensionDays,
    calendar: args.calendar,
  })
  return {
    acceptDueDate: dayInstant(due.acceptDueDate),
    answerDueDate: dayInstant(due.answerDueDate),
    vetoDate: dayInstant(due.vetoDate),
    dueExplanation: due.explanation,
  }
}

async function takeStep(
  req: PayloadRequest,
  change: LetterChange,
  { received }: { received: string },
): Promise<{ refusal: Refusal } | { patch: Doc; record: LetterStepRecord }> {
  const { data: d, original: before } = change
  if (!isLetterStep(d.step))
    return { refusal: { reasons: [`没有“${String(d.step)}”这一办理步骤`], path: 'step' } }
  const step = d.step
  const site = await siteFacts(req, before.site)
  const mailbox = await mailboxOf(req, before.mailbox)
  let target: { mailbox: Id; site: Id; name: string } | null = null
  if (step === 'transfer' && d.transferTo != null && d.transferTo !== '') {
    const to = await mailboxOf(req, d.transferTo)
    if (!to) return { refusal: { reasons: ['转办的信箱不存在'], path: 'transferTo' } }
    const toSite = await siteFacts(req, to.site)
    target = { mailbox: to.id, site: idOf(to.site)!, name: `${toSite.name}${to.name}` }
  }
  const facts: LetterFacts = {
    status: before.status as LetterStatus,
    site: idOf(before.site)!,
    receivedAt: received,
    consentPublish: Boolean(before.consentPublish),
    published: Boolean(before.published),
    extensionDays: Number(before.extensionDays ?? 0),
    answer: (before.answer as string) ?? null,
    answeredBy: idOf(before.answeredBy) ?? null,
    reviewRequired: site.reviewAnswers,
    terms: termsOf(mailbox),
  }
  const result = applyLetterStep(facts, {
    step,
    at: change.now.toISOString(),
    by: change.by ?? null,
    note: (d.stepNote as string) ?? null,
    reason: (d.stepReason as string) ?? null,
    days: d.stepDays != null && d.stepDays !== '' ? Number(d.stepDays) : null,
    answer: (d.answer as string) ?? (before.answer as string) ?? null,
    internalNote: (d.stepInternal as string) ?? null,
    target,
  })
  if (result.problems.length || !result.entry)
    return { refusal: { reasons: result.problems, path: result.path } }
  const timeline = [...((before.timeline as LetterTimelineEntry[]) ?? []), result.entry]
  const patch: Doc = { status: before.status, ...result.patch, timeline }
  if (step === 'transfer' && target) {
    patch.transfers = [
      ...((before.transfers as Doc[]) ?? []),
      {
        from: idOf(before.site),
        to: target.site,
        at: change.now.toISOString(),
        note: (d.stepNote as string) ?? null,
      },
    ]
  }
  return { patch, record: { step, entry: result.entry, fromSite: idOf(before.site) ?? undefined } }
}

/** New letters are announced to the site's handlers; each step is audited and told to the writer. */
export function notifyLetterChange(
  req: PayloadRequest,
  args: { doc: Doc; operation: 'create' | 'update'; record?: LetterStepRecord },
): void {
  const { doc, operation, record } = args
  const payload = req.payload
  const target = `${LETTERS}:${doc.id}`
  if (operation === 'create') {
    void recordAudit(payload, {
      action: 'letter.create',
      ...actorOf(req),
      site: idOf(doc.site),
      target,
    })
    afterResponse(() =>
      Promise.all([
        announceLetter(payload, doc, 'new'),
        mailWriter(payload, doc, {
          subject: '已收到您的来信',
          lines: [
            `我们已于 ${dayOf(doc.receivedAt)} 收到您的来信“${String(doc.subject ?? '')}”。`,
            ...((doc.dueExplanation as string[]) ?? []),
          ],
        }),
      ]),
    )
    return
  }
  if (!record) return
  void recordAudit(payload, {
    action: `letter.${record.step}`,
    ...actorOf(req),
    site: idOf(doc.site),
    target,
    detail: { status: doc.status },
  })
  if (record.step === 'transfer') afterResponse(() => announceLetter(payload, doc, 'transferred'))
  if (record.step === 'answer' && doc.status === 'reviewing')
    afterResponse(() => announceLetter(payload, doc, 'review'))
  const tell =
    LETTER_STEPS[record.step].tellWriter || (record.step === 'answer' && doc.status === 'answered')
  if (tell) afterResponse(() => mailWriter(payload, doc, stepMailOfLetter(doc, record.entry)))
}
