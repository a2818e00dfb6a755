// Open requests' due dates recomputed after the work calendar changed, each move recorded.
import type { Payload, PayloadRequest } from 'payload'

import { dayOf } from '../domain/dates'
import { OPEN_STATUSES } from '../domain/request-steps'
import { DISCLOSURE_REQUESTS } from '../domain/slugs'
import { clockOf } from './request-clock'
import type { RequestDoc } from './stored-request'
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
