// The official work calendar, seeded into an empty work-calendar collection at every start:
// platform data, not demo data.
import type { Payload } from 'payload'

import { calendarFromChineseDays } from '../domain/calendar-source'

export async function seedCalendarIfEmpty(
  payload: Payload,
): Promise<{ days: number; missingYears: number[] } | null> {
  const existing = await payload.count({ collection: 'work-calendar', overrideAccess: true })
  if (existing.totalDocs > 0) return null
  const { rows, missingYears } = calendarFromChineseDays()
  for (const row of rows) {
    await payload.create({
      collection: 'work-calendar',
      overrideAccess: true,
      context: { seeding: true },
      data: { ...row, note: '国务院办公厅关于部分节假日安排的通知（数据来自 chinese-days）' },
    })
  }
  return { days: rows.length, missingYears }
}
