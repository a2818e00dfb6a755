// Calendar rows for tests, as the work-calendar collection holds them.
import { addCalendarDays, type CalendarDay } from '../../src/domain/workdays'

/** Every day from `from` to `to` as a holiday called `name`. */
export const holidaySpan = (from: string, to: string, name: string): CalendarDay[] => {
  const days: CalendarDay[] = []
  for (let d = from; d <= to; d = addCalendarDays(d, 1))
    days.push({ date: d, kind: 'holiday', name })
  return days
}
