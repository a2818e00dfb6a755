import { describe, expect, it } from 'vitest'

import {
  delayMinutes,
  dueStages,
  FIRST_HOUR_DEFAULTS,
  type FirstHourItem,
  firstHourCsv,
  firstHourReport,
  formatDelay,
  scheduleSlipped,
  stages,
} from '../../src/domain/first-hour'

// Signed at 10:00 Beijing time (02:00 UTC) on 22 November 2026.
const signed = '2026-11-22T02:00:00.000Z'
const at = (min: number) => new Date(Date.parse(signed) + min * 60_000)
const iso = (min: number) => at(min).toISOString()
const day = { from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T16:00:00.000Z' }

const item = (
  id: number,
  publishedMin: number | null,
  extra: Partial<FirstHourItem> = {},
): FirstHourItem => ({
  id,
  title: `信息 ${id}`,
  site: 1,
  siteName: '市政府门户网站',
  signedAt: signed,
  publishedAt: publishedMin == null ? null : iso(publishedMin),
  ...extra,
})

describe('stages', () => {
  it('reminds editors and signers at 30 and 50 minutes and escalates to the site admin at 60', () => {
    expect(stages()).toEqual([
      { key: 'remind-30', atMinutes: 30, audience: 'editors-signers' },
      { key: 'remind-50', atMinutes: 50, audience: 'editors-signers' },
      { key: 'escalate-60', atMinutes: 60, audience: 'site-admin' },
    ])
    expect(stages(FIRST_HOUR_DEFAULTS)).toEqual(stages())
  })

  it('puts configured stages in time order, whatever order they were entered in', () => {
    const s = stages({ limitMinutes: 45, remindAtMinutes: [40, 20, 40], escalateAtMinutes: 45 })
    expect(s.map((x) => x.key)).toEqual(['remind-20', 'remind-40', 'escalate-45'])
  })
})

describe('due stages', () => {
  it.each([
    [0, []],
    [29.9, []],
    [30, ['remind-30']],
    [31, ['remind-30']],
    [50, ['remind-50']],
    [59, ['remind-50']],
    [60, ['remind-50', 'escalate-60']],
    [240, ['remind-50', 'escalate-60']],
  ])('at +%s minutes with nothing sent, the due stages are %j', (min, keys) => {
    expect(dueStages({ signedAt: signed, now: at(min), sent: [] }).map((s) => s.key)).toEqual(keys)
  })

  it.each([
    [31, ['remind-30'], []],
    [51, ['remind-30'], ['remind-50']],
    [61, ['remind-30', 'remind-50'], ['escalate-60']],
    [61, ['remind-30', 'remind-50', 'escalate-60'], []],
  ])('at +%s minutes with %j sent, sends only %j', (min, sent, keys) => {
    expect(dueStages({ signedAt: signed, now: at(min), sent }).map((s) => s.key)).toEqual(keys)
  })

  it('never sends a reminder that a later one has already superseded', () => {
    const sent = ['remind-50', 'escalate-60']
    expect(dueStages({ signedAt: signed, now: at(62), sent })).toEqual([])
    expect(dueStages({ signedAt: signed, now: at(55), sent: ['remind-50'] })).toEqual([])
  })

  it('sends nothing once the item is published', () => {
    expect(dueStages({ signedAt: signed, publishedAt: iso(10), now: at(61), sent: [] })).toEqual([])
  })

  it('treats a publication time still in the future as not published yet', () => {
    const due = dueStages({ signedAt: signed, publishedAt: iso(90), now: at(31), sent: [] })
    expect(due.map((s) => s.key)).toEqual(['remind-30'])
  })

  it('addresses the escalation to the site admin and the reminders to editors and signers', () => {
    const due = dueStages({ signedAt: signed, now: at(61), sent: [] })
    expect(due.map((s) => s.audience)).toEqual(['editors-signers', 'site-admin'])
  })

  it('follows the configured stages', () => {
    const settings = { limitMinutes: 30, remindAtMinutes: [15], escalateAtMinutes: 30 }
    expect(dueStages({ signedAt: signed, now: at(16), sent: [], settings })).toEqual([
      { key: 'remind-15', atMinutes: 15, audience: 'editors-signers' },
    ])
  })

  it('sends nothing for a signing time in the future or not a time at all', () => {
    expect(dueStages({ signedAt: iso(10), now: at(0), sent: [] })).toEqual([])
    expect(dueStages({ signedAt: 'not a date', now: at(100), sent: [] })).toEqual([])
  })
})

describe('delays', () => {
  it.each([
    [45, 45],
    [0.5, 0.5],
    [-5, 0],
  ])('counts a publication at +%s minutes as a delay of %s minutes', (min, delay) => {
    expect(delayMinutes(signed, iso(min))).toBe(delay)
    expect(delayMinutes(new Date(signed), at(min))).toBe(delay)
  })

  it.each([
    [0, '0 分钟'],
    [45, '45 分钟'],
    [59.4, '59 分钟'],
    [59.6, '1 小时'],
    [65, '1 小时 5 分钟'],
    [120, '2 小时'],
    [60 * 24, '1 天'],
    [60 * 27, '1 天 3 小时'],
    [60 * 51 + 40, '2 天 3 小时'],
    [-3, '0 分钟'],
    [Number.NaN, '—'],
  ])('writes %s minutes as %s', (minutes, text) => {
    expect(formatDelay(minutes)).toBe(text)
  })
})

describe('the first-hour report', () => {
  const items: FirstHourItem[] = [
    item(1, 10),
    item(2, 30),
    item(3, 60), // exactly on the hour: within
    item(4, 90, { site: 2, siteName: '市教育局', title: '招生通知' }),
    item(5, null, { site: 2, siteName: '市教育局' }), // unpublished, 120 minutes at `now`
    item(6, null, { site: 2, siteName: '市教育局', signedAt: iso(100) }), // 20 minutes: undecided
    item(7, 5, { signedAt: '2026-11-21T15:59:59.000Z' }), // signed the day before (Beijing)
    item(8, 5, { signedAt: day.to }), // signed at the end of the period: outside
  ]
  const report = firstHourReport({ items, ...day, now: at(120) })

  it('counts the items signed in the period, from its start up to but not including its end', () => {
    expect(report).toMatchObject({ from: day.from, to: day.to, signed: 6, published: 4 })
  })

  it('counts a publication exactly at the limit as within the hour', () => {
    expect(report.within).toBe(3)
  })

  it('leaves undecided items out of the share until their hour is up', () => {
    // Decided: 4 published and item 5, late and unpublished; item 6 is still inside its hour.
    expect(report.share).toBe(3 / 5)
    const later = firstHourReport({ items, ...day, now: at(200) })
    expect(later.share).toBe(3 / 6)
    expect(later.late.map((l) => l.id)).toEqual([5, 6, 4])
  })

  it('takes the median of published delays and the worst of all late delays', () => {
    expect(report.medianMinutes).toBe(45) // 10, 30, 60, 90
    expect(report.worstMinutes).toBe(120) // item 5, still unpublished
  })

  it('lists the late items longest first, saying which are still unpublished', () => {
    expect(report.late.map((l) => [l.id, l.delayMinutes, l.stillUnpublished])).toEqual([
      [5, 120, true],
      [4, 90, false],
    ])
  })

  it('gives each site its own line, by site name', () => {
    expect(report.bySite).toEqual([
      {
        site: 2,
        siteName: '市教育局',
        signed: 3,
        within: 0,
        share: 0,
        medianMinutes: 90,
      },
      {
        site: 1,
        siteName: '市政府门户网站',
        signed: 3,
        within: 3,
        share: 1,
        medianMinutes: 30,
      },
    ])
  })

  /** The report's figures when nothing signed has been published. */
  const nothingDecided = {
    published: 0,
    within: 0,
    share: null,
    medianMinutes: null,
    worstMinutes: null,
    late: [],
  }

  it('reports nothing decided as no share and no median rather than zero', () => {
    const r = firstHourReport({ items: [item(1, null)], ...day, now: at(20) })
    expect(r).toMatchObject({ signed: 1, ...nothingDecided })
    expect(r.bySite[0]).toMatchObject({ signed: 1, share: null, medianMinutes: null })
  })

  it('reports an empty period as empty', () => {
    const r = firstHourReport({ items: [], ...day, now: at(20) })
    expect(r).toEqual({ ...day, signed: 0, ...nothingDecided, bySite: [] })
  })

  it('follows a configured limit', () => {
    const settings = { limitMinutes: 20, remindAtMinutes: [10], escalateAtMinutes: 20 }
    const r = firstHourReport({ items: [item(1, 10), item(2, 30)], ...day, now: at(60), settings })
    expect(r).toMatchObject({ within: 1, share: 0.5 })
    expect(r.late.map((l) => l.id)).toEqual([2])
  })

  it('groups sites whose ids come as numbers and as strings together', () => {
    const r = firstHourReport({
      items: [item(1, 10, { site: 7 }), item(2, 20, { site: '7' })],
      ...day,
      now: at(60),
    })
    expect(r.bySite).toHaveLength(1)
    expect(r.bySite[0]).toMatchObject({ signed: 2, within: 2 })
  })
})

describe('the CSV export', () => {
  const csvOf = (items: FirstHourItem[], now = at(200)) =>
    firstHourCsv(firstHourReport({ items, ...day, now }))
  const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')

  it('starts with a byte-order mark and the Chinese headers, and ends each line with CRLF', () => {
    const csv = csvOf([])
    expect(csv).toBe('\uFEFF站点,标题,签发时间,发布时间,延迟(分钟),状态\r\n')
  })

  it('writes times in Beijing time and the delay in whole minutes', () => {
    const csv = csvOf([item(1, 90.6), item(2, null, { title: '会议通知' })])
    expect(lines(csv).slice(1, 3)).toEqual([
      '市政府门户网站,会议通知,2026-11-22 10:00,,200,超时未发布',
      '市政府门户网站,信息 1,2026-11-22 10:00,2026-11-22 11:30,91,超时发布',
    ])
  })

  it('uses the site id when the site has no name', () => {
    const csv = csvOf([item(1, 90, { siteName: undefined, site: 12 })])
    expect(lines(csv)[1].startsWith('12,')).toBe(true)
  })

  it.each([
    ['带,逗号', '"带,逗号"'],
    ['带"引号"', '"带""引号"""'],
    ['两\n行', '"两\n行"'],
    ['=1+1', "'=1+1"],
    ['+86 电话', "'+86 电话"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x"),y', `"'=HYPERLINK(""http://x""),y"`],
    ['普通标题', '普通标题'],
  ])('writes the title %j as %s', (title, cell) => {
    const csv = csvOf([item(1, 90, { title })])
    expect(csv).toContain(`,${cell},2026-11-22 10:00,`)
  })

  it('guards a site name that looks like a formula too', () => {
    const csv = csvOf([item(1, 90, { siteName: '=cmd' })])
    expect(lines(csv)[1].startsWith("'=cmd,")).toBe(true)
  })
})

describe('the scheduled-publishing alarm', () => {
  const due = new Date(signed)
  const after = (s: number) => new Date(due.getTime() + s * 1000)

  it.each([
    [0, false, false],
    [59, false, false],
    [60, false, true],
    [61, false, true],
    [3600, false, true],
    [61, true, false],
  ])('at %i s after the time, live %s, raises the alarm: %s', (s, live, alarm) => {
    expect(scheduleSlipped({ scheduledAt: due, now: after(s), live })).toBe(alarm)
    expect(scheduleSlipped({ scheduledAt: signed, now: after(s), live })).toBe(alarm)
  })

  it('follows a configured grace period', () => {
    expect(
      scheduleSlipped({ scheduledAt: due, now: after(200), live: false, graceSeconds: 300 }),
    ).toBe(false)
    expect(
      scheduleSlipped({ scheduledAt: due, now: after(300), live: false, graceSeconds: 300 }),
    ).toBe(true)
  })
})
