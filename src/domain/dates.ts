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
