// Decides which days of a year are official holidays and make-up working days, as published by
// the State Council, from the data of the chinese-days package (offline, no I/O here).
//
// chinese-days 1.5.7 covers 2004–2026. 2027 is not in it (the State Council publishes each
// year's arrangement late in the year before), so a 2027 request returns nothing for 2027 and
// lists it in `missingYears`; platform admins enter it in the work-calendar collection.
//
// We read the package's published JSON rather than its functions (getDayDetail, isInLieu, …):
// those build their tables when loaded by parsing date strings as UTC and reading them back
// in local time, so under a negative UTC offset every holiday moves a day earlier. The JSON
// was built once by the package and names the same days on every server.

import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' }

import { type CalendarDay, type WorkCalendar, calendarFromDays } from './workdays'

export const DEFAULT_YEARS = [2024, 2025, 2026, 2027] as const

type ChineseDaysData = {
  /** Holiday dates (weekend days inside a holiday period included) → 'National Day,国庆节,3'. */
  holidays: Record<string, string>
  /** Make-up working days (调休上班) → the holiday they make up for. */
  workdays: Record<string, string>
}

export type CalendarSource = {
  calendar: WorkCalendar
  /** Rows for seeding the work-calendar collection, in date order. */
  rows: CalendarDay[]
  /** Requested years the package has data for. */
  coveredYears: number[]
  /** Requested years it does not know: their holidays must be entered by hand. */
  missingYears: number[]
}

/** 'National Day,国庆节,3' → '国庆节'. */
const chineseName = (value: string): string => value.split(',')[1] ?? value

/** The official days of the given years from a chinese-days style table. */
export function officialDays({
  years,
  source = data,
}: {
  years: number[]
  source?: ChineseDaysData
}): CalendarDay[] {
  const wanted = new Set(years.map(String))
  const pick = (table: Record<string, string>, kind: CalendarDay['kind']): CalendarDay[] =>
    Object.entries(table)
      .filter(([date]) => wanted.has(date.slice(0, 4)))
      .map(([date, name]) => ({ date, kind, name: chineseName(name) }))
  return [...pick(source.holidays, 'holiday'), ...pick(source.workdays, 'makeup')].sort((a, b) =>
    a.date.localeCompare(b.date),
  )
}

/** The work calendar for the given years, and the rows to seed the work-calendar collection. */
export function calendarFromChineseDays({
  years = [...DEFAULT_YEARS],
  source = data,
}: { years?: number[]; source?: ChineseDaysData } = {}): CalendarSource {
  const rows = officialDays({ years, source })
  // Every year has a New Year's Day holiday; none at all means the year is not in the data.
  const present = new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date.slice(0, 4)))
  const sorted = [...new Set(years)].sort((a, b) => a - b)
  return {
    calendar: calendarFromDays(rows),
    rows,
    coveredYears: sorted.filter((y) => present.has(String(y))),
    missingYears: sorted.filter((y) => !present.has(String(y))),
  }
}
