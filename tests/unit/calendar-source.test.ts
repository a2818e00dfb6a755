import chineseDays from 'chinese-days'
import { describe, expect, it } from 'vitest'

import { calendarFromChineseDays, officialDays } from '../../src/domain/calendar-source'
import { addCalendarDays, isWorkingDay } from '../../src/domain/workdays'
import { MAKEUP_DAYS_2026 } from '../helpers/calendar'

const source = calendarFromChineseDays()
const { calendar } = source

describe('calendar from chinese-days', () => {
  it('covers 2024 to 2026 and says that 2027 is missing', () => {
    expect(source.coveredYears).toEqual([2024, 2025, 2026])
    expect(source.missingYears).toEqual([2027])
    expect(source.rows.some((r) => r.date.startsWith('2027'))).toBe(false)
  })

  it('has exactly the 2026 make-up working days of the State Council notice', () => {
    const makeUps = source.rows
      .filter((r) => r.kind === 'makeup' && r.date.startsWith('2026'))
      .map((r) => r.date)
    expect(makeUps).toEqual(MAKEUP_DAYS_2026)
  })

  it.each([
    ['元旦', '2026-01-01', '2026-01-03'],
    ['春节', '2026-02-15', '2026-02-23'],
    ['清明', '2026-04-04', '2026-04-06'],
    ['劳动节', '2026-05-01', '2026-05-05'],
    ['端午', '2026-06-19', '2026-06-21'],
    ['中秋', '2026-09-25', '2026-09-27'],
    ['国庆节', '2026-10-01', '2026-10-07'],
  ])('has the 2026 %s holiday from %s to %s', (name, from, to) => {
    const days = source.rows
      .filter((r) => r.kind === 'holiday' && r.name === name && r.date.startsWith('2026'))
      .map((r) => r.date)
    expect(days[0]).toBe(from)
    expect(days.at(-1)).toBe(to)
    expect(days).toHaveLength((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1)
  })

  it.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-10', true, 'a make-up Saturday'],
    ['2026-03-04', true, 'an ordinary Wednesday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2025-10-08', false, 'the last day of the 2025 National Day and Mid-autumn holiday'],
    ['2025-10-11', true, 'the 2025 make-up Saturday'],
    ['2024-02-04', true, 'the 2024 Spring Festival make-up Sunday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay({ date, calendar })).toBe(working)
  })

  it('names each day in Chinese', () => {
    expect(calendar.names?.get('2026-10-01')).toBe('国庆节')
    expect(calendar.names?.get('2026-02-14')).toBe('春节')
    expect(source.rows.find((r) => r.date === '2026-10-01')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    })
  })

  it('returns its rows in date order, each date once', () => {
    const dates = source.rows.map((r) => r.date)
    expect(dates).toEqual([...dates].sort())
    expect(new Set(dates).size).toBe(dates.length)
  })

  it('takes its data as a parameter, so a year entered by hand reads the same way', () => {
    const custom = calendarFromChineseDays({
      years: [2027, 2027],
      source: {
        holidays: { '2027-01-01': "New Year's Day,元旦,1" },
        workdays: { '2027-01-02': "New Year's Day,元旦,1" },
      },
    })
    expect(custom.coveredYears).toEqual([2027])
    expect(custom.rows).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'makeup', name: '元旦' },
    ])
  })

  it('returns nothing for a year it does not know', () => {
    expect(officialDays({ years: [2030] })).toEqual([])
  })

  // chinese-days' own functions shift dates under a negative UTC offset (see the module), so
  // the cross-check runs only where they are right: UTC and east of it, like Beijing.
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days’ getDayDetail on every day of 2024 to 2026',
    () => {
      for (let date = '2024-01-01'; date <= '2026-12-31'; date = addCalendarDays(date, 1)) {
        const [y, m, d] = date.split('-').map(Number)
        const detail = chineseDays.getDayDetail(new Date(y, m - 1, d, 12))
        expect([date, isWorkingDay({ date, calendar })]).toEqual([date, detail.work])
      }
    },
  )
})
