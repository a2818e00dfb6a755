// The work calendar as the statutory clock reads it: the work-calendar collection, kept in
// memory until a row changes.
import type { Payload, PayloadRequest } from 'payload'

import { WORK_CALENDAR } from '../domain/slugs'
import { type CalendarDay, calendarFromDays, type WorkCalendar } from '../domain/workdays'

let calendarCache: Promise<WorkCalendar> | null = null

/** The work calendar from the work-calendar collection, kept until a row changes. */
export function loadWorkCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkCalendar> {
  if (req?.transactionID) return readWorkCalendar(payload, req)
  calendarCache ??= readWorkCalendar(payload).catch((err: unknown) => {
    calendarCache = null
    throw err
  })
  return calendarCache
}

/** The work calendar read afresh (inside the request's transaction when there is one). */
export async function readWorkCalendar(
  payload: Payload,
  req?: PayloadRequest,
): Promise<WorkCalendar> {
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
