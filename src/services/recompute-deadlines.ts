// Open requests' and letters' due dates recomputed after the work calendar changed, each move
// recorded.
import type { Payload, PayloadRequest } from 'payload'

import { dayOf } from '../domain/dates'
import { OPEN_STATUSES } from '../domain/request-steps'
import { OPEN_LETTER_STATUSES } from '../domain/letters'
import { DISCLOSURE_REQUESTS, LETTERS } from '../domain/slugs'
import { clockOf } from './request-clock'
import { findSelected } from './records'
import { forgetWorkCalendar, readWorkCalendar } from './work-calendar'

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
  const calendar = await readWorkCalendar(payload, req)
  let checked = 0
  let moved = 0
  for (let page = 1; ; page++) {
    const res = await findSelected(payload, {
      collection: DISCLOSURE_REQUESTS,
      where: { status: { in: [...OPEN_STATUSES] } },
      limit: 200,
      page,
      sort: 'id',
      select: ['receivedAt', 'timeline', 'dueDate', 'status'],
      req,
    })
    for (const doc of res.docs) {
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
  const letters = await recomputeOpenLetters(payload, reason, req)
  return { checked: checked + letters.checked, moved: moved + letters.moved }
}

/** Open letters: each saved again (the letter's rule recomputes its deadlines); a move is noted. */
async function recomputeOpenLetters(
  payload: Payload,
  reason: string,
  req?: PayloadRequest,
): Promise<{ checked: number; moved: number }> {
  let checked = 0
  let moved = 0
  const context = { letterService: true, noViewAudit: true }
  for (let page = 1; ; page++) {
    const res = await findSelected(payload, {
      collection: LETTERS,
      where: { status: { in: [...OPEN_LETTER_STATUSES] } },
      limit: 200,
      page,
      sort: 'id',
      select: ['acceptDueDate', 'answerDueDate', 'timeline'],
      context,
      req,
    })
    for (const doc of res.docs) {
      checked++
      const after = await payload.update({
        collection: LETTERS,
        id: doc.id,
        data: {},
        overrideAccess: true,
        depth: 0,
        context,
        req,
      })
      const [a0, a1] = [dayOf(doc.acceptDueDate), dayOf(after.acceptDueDate)]
      const [b0, b1] = [dayOf(doc.answerDueDate), dayOf(after.answerDueDate)]
      if (a0 === a1 && b0 === b1) continue
      moved++
      const changes = [
        a0 !== a1 ? `受理期限由 ${a0} 改为 ${a1}` : '',
        b0 !== b1 ? `答复期限由 ${b0} 改为 ${b1}` : '',
      ].filter(Boolean)
      await payload.update({
        collection: LETTERS,
        id: doc.id,
        overrideAccess: true,
        depth: 0,
        context,
        data: {
          timeline: [
            ...(doc.timeline ?? []),
            {
              at: new Date().toISOString(),
              kind: 'due-recomputed',
              label: '办理期限重新计算',
              note: `因工作日历调整（${reason}），${changes.join('，')}`,
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
