import { describe, expect, it } from 'vitest'

import {
  type CalendarDay,
  type ClockEvent,
  addCalendarDays,
  addWorkingDays,
  calendarFromDays,
  correctionDeadline,
  daysSkipped,
  disclosureDueDate,
  isIsoDate,
  isWorkingDay,
  weekdayName,
  workingDaysBetween,
  yearsWithoutCalendar,
} from '../../src/domain/workdays'
import { holidaySpan } from '../helpers/calendar'

// The 2026 arrangement from the State Council's holiday notice, as chinese-days has it.
const span = holidaySpan
const makeup = (date: string, name: string): CalendarDay => ({ date, kind: 'makeup', name })
const calendar = calendarFromDays([
  ...span('2026-01-01', '2026-01-03', '元旦'),
  makeup('2026-01-04', '元旦'),
  makeup('2026-02-14', '春节'),
  ...span('2026-02-15', '2026-02-23', '春节'),
  makeup('2026-02-28', '春节'),
  ...span('2026-04-04', '2026-04-06', '清明'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  makeup('2026-05-09', '劳动节'),
  ...span('2026-06-19', '2026-06-21', '端午'),
  makeup('2026-09-20', '国庆节'),
  ...span('2026-09-25', '2026-09-27', '中秋'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  makeup('2026-10-10', '国庆节'),
])
const plain = { holidays: new Set<string>(), makeUpDays: new Set<string>() }

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20260101', false],
  ])('tells whether %s is a YYYY-MM-DD date (%s)', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok)
  })

  it.each([
    ['2026-10-01', '星期四'],
    ['2026-09-20', '星期日'],
    ['2026-10-10', '星期六'],
    ['2025-12-31', '星期三'],
  ])('names the weekday of %s as %s', (date, name) => {
    expect(weekdayName(date)).toBe(name)
  })

  it('adds calendar days across a year end', () => {
    expect(addCalendarDays('2025-12-30', 3)).toBe('2026-01-02')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('refuses a date that is not YYYY-MM-DD instead of counting from it', () => {
    expect(() => addWorkingDays({ from: '2026/10/01', days: 1, calendar })).toThrow(RangeError)
  })
})

describe('working days', () => {
  it.each([
    ['2026-03-04', true, 'an ordinary Wednesday'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'the last day of the National Day holiday'],
    ['2026-10-08', true, 'the Thursday after National Day'],
    ['2026-09-20', true, 'the make-up Sunday before National Day'],
    ['2026-10-10', true, 'the make-up Saturday after National Day'],
    ['2026-10-11', false, 'the Sunday after the make-up Saturday'],
    ['2026-02-14', true, 'the make-up Saturday before Spring Festival'],
    ['2026-02-23', false, 'the Monday that ends Spring Festival'],
    ['2026-01-03', false, 'the Saturday inside the New Year holiday'],
    ['2026-01-04', true, 'the make-up Sunday after New Year'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay({ date, calendar })).toBe(working)
  })

  it('counts from the day after receipt, so the next working day is day 1', () => {
    expect(addWorkingDays({ from: '2026-03-02', days: 1, calendar })).toBe('2026-03-03')
    expect(addWorkingDays({ from: '2026-03-02', days: 0, calendar })).toBe('2026-03-02')
  })

  it.each([
    ['2026-03-02', 20, '2026-03-30', 'a Monday in an ordinary month'],
    ['2026-03-06', 20, '2026-04-03', 'a Friday: the weekend is not counted'],
    ['2026-03-06', 7, '2026-03-17', 'a Friday, for a correction notice'],
    ['2026-04-03', 20, '2026-05-07', 'a Friday before Qingming, running through Labour Day'],
    ['2026-09-18', 20, '2026-10-22', 'a Friday before Mid-autumn and National Day'],
    ['2026-02-11', 20, '2026-03-17', 'a Wednesday before Spring Festival'],
    ['2026-02-11', 7, '2026-02-27', 'a Wednesday before Spring Festival, for a correction notice'],
    ['2025-12-24', 20, '2026-01-22', 'a Wednesday before the New Year holiday'],
    ['2025-12-24', 7, '2026-01-05', 'a Wednesday before New Year, for a correction notice'],
    ['2026-10-07', 1, '2026-10-08', 'the last holiday day'],
    ['2026-10-09', 1, '2026-10-10', 'the Friday before the make-up Saturday'],
  ])('from %s, %i working days end on %s (%s)', (from, days, due) => {
    expect(addWorkingDays({ from, days, calendar })).toBe(due)
  })

  it('would give an earlier date without the holiday calendar', () => {
    expect(addWorkingDays({ from: '2026-09-18', days: 20, calendar: plain })).toBe('2026-10-16')
  })

  it.each([
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-18', '2026-10-22', 20],
    ['2026-10-22', '2026-09-18', -20],
    ['2026-03-02', '2026-03-02', 0],
    ['2026-10-02', '2026-10-04', 0],
    ['2025-12-31', '2026-01-04', 1],
  ])('counts the working days after %s up to %s as %i', (from, to, n) => {
    expect(workingDaysBetween({ from, to, calendar })).toBe(n)
  })

  it('makes workingDaysBetween the inverse of addWorkingDays for every start day of 2026', () => {
    for (let from = '2026-01-01'; from <= '2026-12-31'; from = addCalendarDays(from, 1)) {
      for (const days of [1, 7, 20, 40]) {
        const to = addWorkingDays({ from, days, calendar })
        expect(workingDaysBetween({ from, to, calendar })).toBe(days)
        expect(isWorkingDay({ date: to, calendar })).toBe(true)
      }
    }
  })

  it('lists the holidays, weekends and make-up days passed over', () => {
    expect(daysSkipped({ from: '2026-09-30', to: '2026-10-12', calendar })).toEqual({
      holidays: span('2026-10-01', '2026-10-07', '').map((d) => d.date),
      weekends: ['2026-10-11'],
      makeUpDays: ['2026-10-10'],
    })
  })

  it('gives the last day for the one correction notice: 7 working days (条例第三十条)', () => {
    expect(correctionDeadline({ receivedAt: '2026-09-28', calendar })).toBe('2026-10-13')
  })

  it('refuses a negative number of days', () => {
    expect(() => addWorkingDays({ from: '2026-03-02', days: -1, calendar })).toThrow(RangeError)
  })

  it('reads the work-calendar rows into sets with names', () => {
    expect(calendar.holidays.has('2026-10-01')).toBe(true)
    expect(calendar.makeUpDays.has('2026-10-10')).toBe(true)
    expect(calendar.names?.get('2026-02-15')).toBe('春节')
  })
})

describe('disclosure request clock', () => {
  const due = (receivedAt: string, events: ClockEvent[] = []) =>
    disclosureDueDate({ receivedAt, events, calendar })

  it.each([
    ['2026-03-02', '2026-03-30'],
    ['2026-03-06', '2026-04-03'],
    ['2026-09-18', '2026-10-22'],
    ['2026-02-11', '2026-03-17'],
    ['2025-12-24', '2026-01-22'],
  ])('answers a request received on %s by %s with no events', (receivedAt, dueDate) => {
    const clock = due(receivedAt)
    expect(clock).toMatchObject({ dueDate, state: 'running', problems: [] })
  })

  it('explains a plain request: receipt, skipped holidays and the due date', () => {
    expect(due('2026-09-18').explanation).toEqual([
      '收到申请：2026-09-18（星期五）；自次日起计算 20 个工作日（条例第三十三条）',
      '跳过的节假日：中秋 2026-09-25 至 2026-09-27（3 天）',
      '跳过的节假日：国庆节 2026-10-01 至 2026-10-07（7 天）',
      '调休上班日计为工作日：2026-09-20（星期日），国庆节调休',
      '调休上班日计为工作日：2026-10-10（星期六），国庆节调休',
      '跳过的周末：4 天',
      '答复截止日：2026-10-22（星期四）',
    ])
  })

  it('names the holiday spanning the year end', () => {
    const { explanation } = due('2025-12-24')
    expect(explanation).toContain('跳过的节假日：元旦 2026-01-01 至 2026-01-03（3 天）')
    expect(explanation).toContain('调休上班日计为工作日：2026-01-04（星期日），元旦调休')
  })

  it('accepts a shorter local limit', () => {
    const clock = disclosureDueDate({
      receivedAt: '2026-03-02',
      events: [],
      calendar,
      limitDays: 15,
    })
    expect(clock.dueDate).toBe('2026-03-23')
    expect(clock.explanation[0]).toContain('15 个工作日')
  })

  it('restarts the clock from the day the corrected application arrives (条例第三十条)', () => {
    const clock = due('2026-03-02', [
      { kind: 'correction-requested', date: '2026-03-04' },
      { kind: 'correction-received', date: '2026-03-16' },
    ])
    expect(clock.dueDate).toBe('2026-04-14')
    expect(clock.problems).toEqual([])
    expect(clock.explanation.join('\n')).toContain('2026-03-16（星期一） 收到补正后的申请')
  })

  it('stops the clock while the applicant has not yet corrected the application', () => {
    const clock = due('2026-03-02', [
      { kind: 'correction-requested', date: '2026-03-04', days: 10 },
    ])
    expect(clock).toMatchObject({ dueDate: null, state: 'awaiting-correction', problems: [] })
    expect(clock.explanation.join('\n')).toContain('补正期限至 2026-03-18')
  })

  it('refuses a correction notice sent after the 7th working day, and keeps the clock running', () => {
    const clock = due('2026-03-02', [
      { kind: 'correction-requested', date: '2026-03-12' },
      { kind: 'correction-received', date: '2026-03-20' },
    ])
    expect(clock.dueDate).toBe('2026-03-30')
    expect(clock.problems).toEqual([
      '补正通知应在收到申请后 7 个工作日内（2026-03-11 前）发出（条例第三十条）；2026-03-12 发出的补正通知不中止答复期限',
      '2026-03-20 收到补正，但此前没有发出补正通知，该事件不予计入',
    ])
  })

  it('refuses a second correction notice: the notice is given once (条例第三十条)', () => {
    const clock = due('2026-03-02', [
      { kind: 'correction-requested', date: '2026-03-03' },
      { kind: 'correction-received', date: '2026-03-05' },
      { kind: 'correction-requested', date: '2026-03-06' },
    ])
    expect(clock.problems).toEqual([
      '2026-03-06 再次要求补正：补正须一次性告知（条例第三十条），该事件不予计入',
    ])
    expect(clock.dueDate).toBe(addWorkingDays({ from: '2026-03-05', days: 20, calendar }))
  })

  it('does not count third-party consultation: its working days are added (条例第三十三条)', () => {
    const clock = due('2026-03-02', [
      { kind: 'consultation-started', date: '2026-03-09' },
      { kind: 'consultation-ended', date: '2026-03-20' },
    ])
    expect(clock.dueDate).toBe('2026-04-13')
    expect(clock.explanation).toContain(
      '征求第三方意见（不计入）：2026-03-09（星期一） 至 2026-03-20（星期五），共 9 个工作日不计入答复期限（条例第三十二条、第三十三条）',
    )
  })

  it('notes a consultation longer than the third party’s 15 working days (条例第三十二条)', () => {
    const clock = due('2026-03-02', [
      { kind: 'consultation-started', date: '2026-03-03' },
      { kind: 'consultation-ended', date: '2026-03-31' },
    ])
    expect(clock.explanation.join('\n')).toContain('共 20 个工作日不计入答复期限')
    expect(clock.explanation.join('\n')).toContain('超过第三方 15 个工作日的答复时限')
  })

  it('shows the days used and left while a consultation is under way', () => {
    const clock = due('2026-03-02', [{ kind: 'consultation-started', date: '2026-03-09' }])
    expect(clock).toMatchObject({ dueDate: null, state: 'consulting' })
    expect(clock.explanation.at(-1)).toContain('已用 5 个工作日，尚余 15 个工作日')
  })

  it.each([
    [[{ kind: 'extension-approved', date: '2026-03-25', days: 20 }], '2026-04-28'],
    [[{ kind: 'extension-approved', date: '2026-03-25' }], '2026-04-28'],
    [[{ kind: 'extension-approved', date: '2026-03-25', days: 5 }], '2026-04-07'],
    [
      [
        { kind: 'extension-approved', date: '2026-03-20', days: 10 },
        { kind: 'extension-approved', date: '2026-04-01', days: 10 },
      ],
      '2026-04-28',
    ],
  ] as [ClockEvent[], string][])(
    'extends by the approved working days: %j → %s',
    (events, dueDate) => {
      const clock = due('2026-03-02', events)
      expect(clock.problems).toEqual([])
      expect(clock.dueDate).toBe(dueDate)
    },
  )

  it('explains an extension and who approved it', () => {
    const clock = due('2026-03-02', [{ kind: 'extension-approved', date: '2026-03-25', days: 20 }])
    expect(clock.explanation).toContain(
      '延期：2026-03-25（星期三） 经政府信息公开工作机构负责人同意，延长 20 个工作日并告知申请人（条例第三十三条）',
    )
  })

  it.each([
    [
      [{ kind: 'extension-approved', date: '2026-03-25', days: 25 }],
      '2026-03-30',
      '延长答复期限最长不得超过 20 个工作日（条例第三十三条）；不能再延长 25 个工作日',
    ],
    [
      [
        { kind: 'extension-approved', date: '2026-03-20', days: 10 },
        { kind: 'extension-approved', date: '2026-04-01', days: 15 },
      ],
      '2026-04-14',
      '延长答复期限最长不得超过 20 个工作日（条例第三十三条）；已延长 10 个工作日，不能再延长 15 个工作日',
    ],
    [
      [{ kind: 'extension-approved', date: '2026-03-31', days: 10 }],
      '2026-03-30',
      '答复期限已于 2026-03-30 届满，2026-03-31 不能再延期',
    ],
    [
      [{ kind: 'extension-approved', date: '2026-03-25', days: 0 }],
      '2026-03-30',
      '延期天数“0”应为正整数',
    ],
  ] as [ClockEvent[], string, string][])(
    'refuses an extension beyond the law: %j',
    (events, dueDate, sentence) => {
      const clock = due('2026-03-02', events)
      expect(clock.dueDate).toBe(dueDate)
      expect(clock.problems).toEqual([sentence])
    },
  )

  it.each([
    [{ kind: 'consultation-ended', date: '2026-03-10' }, '此前没有开始征求意见'],
    [{ kind: 'correction-received', date: '2026-03-10' }, '此前没有发出补正通知'],
    [{ kind: 'extension-approved', date: '2026-02-27' }, '早于收到申请之日'],
    [{ kind: 'consultation-started', date: '2026-02-31' }, '不是有效日期'],
    [{ kind: 'consultation-started', date: '2026-04-01' }, '答复期限已于 2026-03-30 届满'],
  ] as [ClockEvent, string][])('refuses an event out of order: %j', (event, words) => {
    const clock = due('2026-03-02', [event])
    expect(clock.dueDate).toBe('2026-03-30')
    expect(clock.problems).toHaveLength(1)
    expect(clock.problems[0]).toContain(words)
  })

  it.each([
    [
      [
        { kind: 'correction-requested', date: '2026-03-03' },
        { kind: 'consultation-started', date: '2026-03-04' },
      ],
      '正在等待申请人补正，不能同时征求第三方意见',
    ],
    [
      [
        { kind: 'consultation-started', date: '2026-03-03' },
        { kind: 'consultation-started', date: '2026-03-04' },
      ],
      '已在征求意见中',
    ],
    [
      [
        { kind: 'consultation-started', date: '2026-03-03' },
        { kind: 'extension-approved', date: '2026-03-04' },
      ],
      '正在征求意见，答复期限已中止计算，不能延期',
    ],
    [
      [
        { kind: 'correction-requested', date: '2026-03-03' },
        { kind: 'extension-approved', date: '2026-03-04' },
      ],
      '正在等待申请人补正',
    ],
  ] as [ClockEvent[], string][])('refuses overlapping clock stops: %j', (events, words) => {
    const { problems } = due('2026-03-02', events)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(words)
  })

  it('applies events in date order whatever order they are given in', () => {
    const events: ClockEvent[] = [
      { kind: 'correction-received', date: '2026-03-16' },
      { kind: 'correction-requested', date: '2026-03-04' },
    ]
    expect(due('2026-03-02', events).dueDate).toBe('2026-04-14')
  })

  it('combines correction, consultation, extension and National Day into one explained date', () => {
    const clock = due('2026-09-09', [
      { kind: 'correction-requested', date: '2026-09-11' },
      { kind: 'correction-received', date: '2026-09-18' },
      { kind: 'consultation-started', date: '2026-09-21' },
      { kind: 'consultation-ended', date: '2026-09-30' },
      { kind: 'extension-approved', date: '2026-10-15', days: 10 },
    ])
    expect(clock.problems).toEqual([])
    expect(clock.dueDate).toBe('2026-11-13')
    expect(clock.explanation).toEqual([
      '收到申请：2026-09-09（星期三）；自次日起计算 20 个工作日（条例第三十三条）',
      '补正：2026-09-11（星期五） 一次性告知申请人补正；补正期间不计算答复期限，无正当理由逾期不补正的视为放弃申请（条例第三十条）',
      '补正：2026-09-18（星期五） 收到补正后的申请，自次日起重新计算 20 个工作日（条例第三十条）',
      '征求第三方意见（不计入）：2026-09-21（星期一） 至 2026-09-30（星期三），共 6 个工作日不计入答复期限（条例第三十二条、第三十三条）',
      '延期：2026-10-15（星期四） 经政府信息公开工作机构负责人同意，延长 10 个工作日并告知申请人（条例第三十三条）',
      '跳过的节假日：中秋 2026-09-25 至 2026-09-27（3 天）',
      '跳过的节假日：国庆节 2026-10-01 至 2026-10-07（7 天）',
      '调休上班日计为工作日：2026-09-20（星期日），国庆节调休',
      '调休上班日计为工作日：2026-10-10（星期六），国庆节调休',
      '跳过的周末：10 天',
      '答复截止日：2026-11-13（星期五）',
    ])
  })

  it('moves the due date when the calendar changes (a holiday added later)', () => {
    const before = due('2026-03-02').dueDate
    const changed = calendarFromDays([{ date: '2026-03-16', kind: 'holiday', name: '临时假日' }])
    const after = disclosureDueDate({ receivedAt: '2026-03-02', events: [], calendar: changed })
    expect(before).toBe('2026-03-30')
    expect(after.dueDate).toBe('2026-03-31')
    expect(after.explanation).toContain('跳过的节假日：临时假日 2026-03-16（1 天）')
  })

  it('warns when the due date runs into a year whose holidays are not in the calendar yet', () => {
    // Received 2026-12-15: 20 working days reach into 2027, which this calendar does not hold.
    const r = disclosureDueDate({ receivedAt: '2026-12-15', events: [], calendar })
    expect(r.dueDate).toBe('2027-01-12')
    expect(r.explanation.at(-2)).toBe(
      '注意：2027 年的节假日安排尚未录入工作日历，2027 年的日期暂按周一至周五计算；录入后答复期限将自动重新计算',
    )
    expect(yearsWithoutCalendar({ from: '2026-12-15', to: '2027-01-12', calendar })).toEqual([2027])
    // Within a known year: no warning.
    const known = disclosureDueDate({ receivedAt: '2026-03-02', events: [], calendar })
    expect(known.explanation.join('\n')).not.toContain('尚未录入')
    expect(yearsWithoutCalendar({ from: '2025-12-01', to: '2027-02-01', calendar })).toEqual([
      2025, 2027,
    ])
  })
})
