// The work calendar as the statutory clock reads it: the work-calendar collection, kept in
// memory until a row changes.
import type { Payload, PayloadRequest } from 'payload'

import { WORK_CALENDAR } from '../domain/slugs'
import { calendarFromDays, type WorkCalendar } from '../domain/workdays'
import { findAllSelected } from './records'

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
  const days = await findAllSelected(payload, {
    collection: WORK_CALENDAR,
    select: ['date', 'kind', 'name'],
    req,
  })
  return calendarFromDays(days)
}

export const forgetWorkCalendar = () => {
  calendarCache = null
}
