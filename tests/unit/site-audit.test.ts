import { describe, expect, it } from 'vitest'

import {
  type AuditColumn,
  auditSite,
  DEFAULT_THRESHOLDS,
  nextFailure,
  type SiteFacts,
} from '../../src/domain/site-audit'
import { addCalendarDays } from '../../src/domain/workdays'

const today = '2026-12-03'
const daysAgo = (n: number) => addCalendarDays(today, -n)

let nextId = 1
const column = (over: Partial<AuditColumn> = {}): AuditColumn => {
  const id = nextId++
  return {
    id,
    name: `栏目${id}`,
    path: `c${id}`,
    updateClass: 'news',
    topLevel: true,
    hasChildren: false,
    items: 3,
    latest: daysAgo(1),
    ...over,
  }
}

/** Twenty probes a day for the last seven days, all answered. */
const goodProbes = Array.from({ length: 7 * 20 }, (_, i) => ({
  at: `${daysAgo(Math.floor(i / 20))}T0${i % 10}:00:00Z`,
  ok: true,
}))

const healthy = (): SiteFacts => ({
  today,
  homeLatest: daysAgo(2),
  columns: [column(), column({ updateClass: 'notice-policy', latest: daysAgo(30) })],
  hasChannel: true,
  letters: [{ code: 'L1', receivedAt: daysAgo(40), answeredAt: daysAgo(30) }],
  probes: goodProbes,
  links: [{ url: 'https://www.gov.cn/', dead: false, pages: ['/a.html'] }],
  items: [{ id: 1, title: '通知', shownAt: daysAgo(2), createdAt: `${daysAgo(2)}T01:00:00Z` }],
  missingDisclosure: 0,
  overdueErrorReports: 0,
})

const find = (facts: SiteFacts, key: string) => auditSite(facts).items.find((i) => i.key === key)!

describe('the site audit (RULES §1)', () => {
  it('a healthy site passes every veto item it can judge; services need a person', () => {
    const r = auditSite(healthy())
    expect(r.status).toBe('pass')
    expect(r.worst).toBeNull()
    expect(r.items.filter((i) => i.veto).map((i) => [i.key, i.status])).toEqual([
      ['reachable', 'pass'],
      ['home', 'pass'],
      ['columns', 'pass'],
      ['response', 'pass'],
      ['services', 'unknown'],
    ])
  })

  describe('home page', () => {
    it('fails after 14 days without a new item, warns from day 12 (80 %), passes before', () => {
      expect(find({ ...healthy(), homeLatest: daysAgo(15) }, 'home').status).toBe('fail')
      expect(find({ ...healthy(), homeLatest: daysAgo(14) }, 'home').status).toBe('warning')
      expect(find({ ...healthy(), homeLatest: daysAgo(12) }, 'home').status).toBe('warning')
      expect(find({ ...healthy(), homeLatest: daysAgo(11) }, 'home').status).toBe('pass')
      expect(find({ ...healthy(), homeLatest: null }, 'home').status).toBe('fail')
    })

    it('counts down to the day it will fail', () => {
      const home = find({ ...healthy(), homeLatest: '2026-11-30' }, 'home')
      expect(home.failsOn).toEqual({
        date: '2026-12-15',
        text: '首页将于 2026-12-15 超过 14 天未更新',
      })
    })
  })

  describe('columns', () => {
    it('(a) five stale news / top-level notice columns fail; four warn; the list is the evidence', () => {
      const stale = (n: number) => Array.from({ length: n }, () => column({ latest: daysAgo(20) }))
      const four = find({ ...healthy(), columns: stale(4) }, 'columns')
      expect(four.status).toBe('warning')
      const five = find({ ...healthy(), columns: stale(5) }, 'columns')
      expect(five.status).toBe('fail')
      expect(five.summary).toContain('5 个（限值 5）')
      expect(five.evidence.filter((e) => e.startsWith('未更新：'))).toHaveLength(5)
      expect(five.evidence.join('\n')).toContain('已 20 天')
    })

    it('a second-level notice column counts for (b) but not for (a)', () => {
      const cols = Array.from({ length: 5 }, () =>
        column({ updateClass: 'notice-policy', topLevel: false, latest: daysAgo(200) }),
      )
      const c = find({ ...healthy(), columns: cols }, 'columns')
      expect(c.evidence[0]).toMatch(/（一）.*：0 个/)
      expect(c.evidence[1]).toMatch(/（二）.*：5 个/)
      expect(c.status).toBe('pass')
    })

    it('(b) ten stale columns of any checked class fail', () => {
      const cols = Array.from({ length: 10 }, () =>
        column({ updateClass: 'personnel-plan', latest: daysAgo(400) }),
      )
      expect(find({ ...healthy(), columns: cols }, 'columns').status).toBe('fail')
    })

    it('(c) five empty columns fail; a navigation column with children is not empty', () => {
      const empty = Array.from({ length: 5 }, () => column({ items: 0, latest: null }))
      expect(find({ ...healthy(), columns: empty }, 'columns').status).toBe('fail')
      const parents = empty.map((c) => ({ ...c, hasChildren: true }))
      expect(find({ ...healthy(), columns: parents }, 'columns').status).toBe('pass')
    })

    it('static and interaction columns are never stale; items without a date are', () => {
      const cols = [
        column({ updateClass: 'static', latest: daysAgo(3000) }),
        column({ updateClass: 'interaction', latest: null }),
        column({ latest: null }),
      ]
      const c = find({ ...healthy(), columns: cols }, 'columns')
      expect(c.evidence.filter((e) => e.startsWith('未更新：'))).toEqual([
        `未更新：“${cols[2].name}”（${cols[2].path}）的信息都没有发布日期`,
      ])
    })

    it('counts down to the day the fifth column goes stale', () => {
      // Three stale now; two more will go stale on 12-05 and 12-10: the limit is reached on 12-10.
      const cols = [
        ...Array.from({ length: 3 }, () => column({ latest: daysAgo(30) })),
        column({ name: '工作动态', latest: '2026-11-20' }),
        column({ name: '部门动态', latest: '2026-11-25' }),
        column({ latest: today }),
      ]
      const c = find({ ...healthy(), columns: cols }, 'columns')
      expect(c.status).toBe('pass')
      expect(c.failsOn?.date).toBe('2026-12-10')
      expect(c.failsOn?.text).toContain('“部门动态”栏目将于 2026-12-10 超过 14 天未更新')
    })
  })

  describe('response to letters', () => {
    it('fails without a working channel', () => {
      expect(find({ ...healthy(), hasChannel: false }, 'response').status).toBe('fail')
    })

    it('fails on a valid letter of the last year unanswered for more than 3 months, answered late or not at all', () => {
      const open = find(
        { ...healthy(), letters: [{ code: 'L9', receivedAt: '2026-08-31', answeredAt: null }] },
        'response',
      )
      expect(open.status).toBe('fail')
      expect(open.evidence[0]).toBe('L9：2026-08-31 收到，至今未答复（94 天）')
      const late = find(
        {
          ...healthy(),
          letters: [{ code: 'L8', receivedAt: '2026-03-01', answeredAt: '2026-06-15' }],
        },
        'response',
      )
      expect(late.status).toBe('fail')
      // More than a year ago: outside the inspection's window.
      const old = find(
        {
          ...healthy(),
          letters: [{ code: 'L7', receivedAt: '2025-10-01', answeredAt: '2026-02-01' }],
        },
        'response',
      )
      expect(old.status).toBe('pass')
    })

    it('warns at 80 % of the three months and counts down to the veto', () => {
      const r = find(
        { ...healthy(), letters: [{ code: 'L5', receivedAt: '2026-09-20', answeredAt: null }] },
        'response',
      )
      expect(r.status).toBe('warning')
      expect(r.failsOn).toEqual({
        date: '2026-12-21',
        text: '来信 L5 将于 2026-12-21 超过 3 个月未答复',
      })
    })
  })

  describe('reachability', () => {
    it('needs a week of 20 probes a day before it judges', () => {
      const r = find({ ...healthy(), probes: goodProbes.slice(0, 100) }, 'reachable')
      expect(r.status).toBe('unknown')
      expect(r.summary).toContain('需要至少 140 次')
    })

    it('fails at 5 % failed probes and warns from 4 %', () => {
      const failing = (n: number) => goodProbes.map((p, i) => (i < n ? { ...p, ok: false } : p))
      expect(find({ ...healthy(), probes: failing(7) }, 'reachable').status).toBe('fail')
      expect(find({ ...healthy(), probes: failing(6) }, 'reachable').status).toBe('warning')
      expect(find({ ...healthy(), probes: failing(5) }, 'reachable').status).toBe('pass')
    })
  })

  it('flags items whose shown date is earlier than their creation or signing by more than the tolerance', () => {
    const r = find(
      {
        ...healthy(),
        items: [
          { id: 1, title: '旧闻', shownAt: '2026-11-01', createdAt: '2026-11-20T02:00:00Z' },
          { id: 2, title: '补录', shownAt: '2026-11-18', createdAt: '2026-11-20T02:00:00Z' },
          {
            id: 3,
            title: '签发后改早',
            shownAt: '2026-10-01',
            createdAt: '2026-09-01T02:00:00Z',
            signedAt: '2026-10-10T02:00:00Z',
          },
        ],
      },
      'backdated',
    )
    expect(r.status).toBe('warning')
    expect(r.evidence).toEqual([
      '“旧闻”显示 2026-11-01，实际录入 2026-11-20',
      '“签发后改早”显示 2026-10-01，实际录入 2026-09-01，签发 2026-10-10',
    ])
    // Not a veto: the site's outcome rests on the inspection's items.
    expect(r.veto).toBe(false)
  })

  it('dead links warn above 1 % and name the pages that use them', () => {
    const links = Array.from({ length: 99 }, (_, i) => ({
      url: `https://x.cn/${i}`,
      dead: false,
      pages: ['/a.html'],
    }))
    const one = [...links, { url: 'https://gone.cn/', dead: true, pages: ['/a.html', '/b.html'] }]
    expect(find({ ...healthy(), links: one }, 'links').status).toBe('pass')
    const two = [...one, { url: 'https://gone2.cn/', dead: true, pages: ['/c.html'] }]
    const r = find({ ...healthy(), links: two }, 'links')
    expect(r.status).toBe('warning')
    expect(r.evidence[0]).toBe('https://gone.cn/（出现在：/a.html、/b.html）')
  })

  it("the site's outcome and worst item come from the veto items; the countdown is the nearest", () => {
    const facts = {
      ...healthy(),
      homeLatest: daysAgo(13),
      letters: [{ code: 'L5', receivedAt: '2026-09-20', answeredAt: null }],
    }
    const r = auditSite(facts)
    expect(r.status).toBe('warning')
    expect(r.worst?.key).toBe('home') // fails on 12-05, before the letter on 12-21
    expect(nextFailure(r.items)?.date).toBe('2026-12-05')
    const failing = auditSite({ ...facts, hasChannel: false })
    expect(failing.status).toBe('fail')
    expect(failing.worst?.key).toBe('response')
  })

  it('every threshold is a setting', () => {
    const facts = { ...healthy(), homeLatest: daysAgo(10) }
    expect(auditSite(facts).status).toBe('pass')
    expect(auditSite(facts, { ...DEFAULT_THRESHOLDS, homeStaleDays: 7 }).status).toBe('fail')
  })
})
