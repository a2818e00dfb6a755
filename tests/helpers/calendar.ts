// Calendar rows for tests, as the work-calendar collection holds them.
import type { Payload } from 'payload'

import { addCalendarDays, type CalendarDay } from '../../src/domain/workdays'

/** Every day from `from` to `to` as a holiday called `name`. */
export const holidaySpan = (from: string, to: string, name: string): CalendarDay[] => {
  const days: CalendarDay[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1))
    days.push({ date: d, kind: 'holiday', name })
  return days
}

/** The make-up working days of 2026, as the State Council's notice for the year lists them. */
export const MAKEUP_DAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]

/** 2026's National Day week and its make-up Saturday: deadlines that cross it skip the week. */
export const NATIONAL_DAY_2026: CalendarDay[] = [
  ...holidaySpan('2026-10-01', '2026-10-07', '国庆节'),
  { date: '2026-10-10', kind: 'makeup', name: '国庆节' },
]

/** Stores calendar days in the work-calendar collection, as the seed does (access off). */
export async function storeCalendar(payload: Payload, days: CalendarDay[]) {
  for (const data of days)
    await payload.create({
      collection: 'work-calendar',
      data,
      overrideAccess: true,
      context: { seeding: true },
    })
}
