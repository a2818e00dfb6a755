// The statutory clock of a disclosure request as services read it: today in Beijing, and the
// due date with its explanation from the received date and the timeline.
import { beijingDate, dayOf } from '../domain/dates'
import { clockEvents, type TimelineEntry } from '../domain/request-steps'
import { disclosureDueDate, type WorkCalendar } from '../domain/workdays'

export const todayInBeijing = (now = new Date()) => beijingDate(now)

export type Clock = { dueDate: string | null; explanation: string[]; problems: string[] }

/** The due date of a request from its received date and timeline. */
export function clockOf(
  request: { receivedAt: unknown; timeline?: readonly TimelineEntry[] | null },
  calendar: WorkCalendar,
): Clock {
  const receivedAt = dayOf(request.receivedAt)
  const clock = disclosureDueDate({
    receivedAt,
    events: clockEvents(request.timeline ?? []),
    calendar,
  })
  return { dueDate: clock.dueDate, explanation: clock.explanation, problems: clock.problems }
}
