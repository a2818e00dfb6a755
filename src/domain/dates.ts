// Dates as Chinese government sites show them: Beijing time, YYYY-MM-DD.

const TZ = 'Asia/Shanghai'
const dayFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

const toDate = (v: Date | string | null | undefined): Date | null => {
  if (!v) return null
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

/** 2026-11-22 in Beijing time, or '' for no date. */
export const beijingDate = (v: Date | string | null | undefined): string => {
  const d = toDate(v)
  return d ? dayFmt.format(d) : ''
}

/** 2026-11-22 09:30 in Beijing time. */
export const beijingDateTime = (v: Date | string | null | undefined): string => {
  const d = toDate(v)
  return d ? `${dayFmt.format(d)} ${timeFmt.format(d)}` : ''
}

export const beijingYear = (v: Date | string): number => Number(beijingDate(v).slice(0, 4))

/**
 * A Beijing date as the instant stored in a date field: that day's Beijing noon (04:00 UTC), so
 * the admin's date picker shows the same day in any browser time zone from UTC−4 to UTC+19.
 */
export const dayInstant = (date: string): string => new Date(`${date}T12:00:00+08:00`).toISOString()

/** The Beijing date a stored date field means ('' for none). */
export const dayOf = (v: unknown): string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : beijingDate(v as string | null)
