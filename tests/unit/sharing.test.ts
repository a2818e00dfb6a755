import { describe, expect, it } from 'vitest'

import {
  canDecideShare,
  decisionProblems,
  initialShareStatus,
  placements,
  planPushes,
  planSubscriptions,
  type ReceivingColumn,
  type ShareRow,
  shareTargetProblems,
  subscriptionProblems,
} from '../../src/domain/sharing'

const column = (
  id: number,
  site: number,
  over: Partial<ReceivingColumn> = {},
): ReceivingColumn => ({
  id,
  site,
  name: `栏目${id}`,
  review: true,
  siteOpen: true,
  ...over,
})
const row = (id: number, col: number, site: number, over: Partial<ShareRow> = {}): ShareRow => ({
  id,
  column: col,
  site,
  via: 'push',
  status: 'pending',
  ...over,
})

describe('shareTargetProblems', () => {
  it('accepts other open sites’ columns', () => {
    expect(
      shareTargetProblems({
        originSite: 1,
        targets: [10, 20],
        known: [column(10, 2), column(20, 3)],
      }),
    ).toEqual([])
  })
  it('names the own site’s columns, closed sites’ columns and deleted ones', () => {
    const problems = shareTargetProblems({
      originSite: 1,
      targets: [10, 11, 12],
      known: [
        column(10, 1, { name: '工作动态' }),
        column(11, 4, { name: '通知', siteOpen: false }),
      ],
    })
    expect(problems).toEqual([
      '共享栏目中有已删除的栏目，请重新选择',
      '栏目“工作动态”属于本站，请在“所属栏目”中选择，共享只能选其他站点的栏目',
      '栏目“通知”所在站点已关停或整合，不能共享',
    ])
  })
  it('compares ids as strings (MongoDB’s are strings, SQL’s numbers)', () => {
    expect(
      shareTargetProblems({ originSite: '1', targets: ['10'], known: [column(10, 1)] }),
    ).toHaveLength(1)
  })
})

describe('subscriptionProblems', () => {
  it('refuses the own site’s columns and deleted ones', () => {
    expect(
      subscriptionProblems({ site: 1, sources: [5, 6], known: [{ id: 5, site: 2, name: 'a' }] }),
    ).toEqual(['订阅的栏目中有已删除的栏目，请重新选择'])
    expect(
      subscriptionProblems({ site: 1, sources: [5], known: [{ id: 5, site: 1, name: '动态' }] })[0],
    ).toMatch(/栏目“动态”属于本站/)
    expect(
      subscriptionProblems({ site: 1, sources: [5], known: [{ id: 5, site: 2, name: 'a' }] }),
    ).toEqual([])
  })
})

describe('planPushes', () => {
  it('adds a row per newly chosen column, waiting or shown by the receiving column’s setting', () => {
    const plan = planPushes({
      existing: [],
      chosen: [column(10, 2), column(20, 3, { review: false })],
    })
    expect(plan).toEqual({
      add: [
        { column: 10, site: 2, status: 'pending' },
        { column: 20, site: 3, status: 'accepted' },
      ],
      remove: [],
    })
  })
  it('keeps held columns (a declined row stays declined), removes pushes no longer chosen', () => {
    const plan = planPushes({
      existing: [
        row(1, 10, 2, { status: 'declined' }),
        row(2, 20, 3, { status: 'accepted' }),
        row(3, 30, 4, { via: 'subscription', status: 'accepted' }),
      ],
      chosen: [column(10, 2), column(30, 4)],
    })
    expect(plan).toEqual({ add: [], remove: [2] })
  })
  it('never adds into a site closed since', () => {
    expect(planPushes({ existing: [], chosen: [column(10, 2, { siteOpen: false })] }).add).toEqual(
      [],
    )
  })
})

describe('planSubscriptions', () => {
  const subscriber = (id: number, site: number, sources: number[], over = {}) => ({
    ...column(id, site, over),
    sources,
  })
  it('adds one row per subscribing column of another open site, naming the source', () => {
    const plan = planSubscriptions({
      article: { site: 1, columns: [5, 6] },
      subscribers: [
        subscriber(10, 2, [6], { review: false }),
        subscriber(11, 1, [5]), // the article's own site
        subscriber(12, 3, [99]), // another source
        subscriber(13, 4, [5], { siteOpen: false }),
        subscriber(14, 5, [5, 6]),
      ],
      existing: [],
    })
    expect(plan.add).toEqual([
      { column: 10, site: 2, status: 'accepted', sourceColumn: 6 },
      { column: 14, site: 5, status: 'pending', sourceColumn: 5 },
    ])
  })
  it('leaves a column that already holds the article (pushed, or declined before)', () => {
    const plan = planSubscriptions({
      article: { site: 1, columns: [5] },
      subscribers: [subscriber(10, 2, [5]), subscriber(20, 3, [5])],
      existing: [row(1, 10, 2, { status: 'declined' }), row(2, 20, 3)],
    })
    expect(plan.add).toEqual([])
  })
})

describe('placements', () => {
  it('are the accepted rows’ columns and sites, each once', () => {
    expect(
      placements([
        row(1, 10, 2, { status: 'accepted' }),
        row(2, 11, 2, { status: 'accepted' }),
        row(3, 12, 3, { status: 'pending' }),
        row(4, 13, 4, { status: 'declined' }),
      ]),
    ).toEqual({ columns: [10, 11], sites: [2] })
  })
  it('initial status follows the receiving column’s review setting', () => {
    expect(initialShareStatus(true)).toBe('pending')
    expect(initialShareStatus(false)).toBe('accepted')
  })
})

describe('deciding', () => {
  it('is for those who may publish on the receiving site', () => {
    const on = (roles: string[]) => ({ id: 1, sites: [{ site: 2, roles }] }) as never
    expect(canDecideShare(on(['reviewer']), 2)).toBe(true)
    expect(canDecideShare(on(['signer']), 2)).toBe(true)
    expect(canDecideShare(on(['site-admin']), 2)).toBe(true)
    expect(canDecideShare(on(['editor']), 2)).toBe(false)
    expect(canDecideShare(on(['handler']), 2)).toBe(false)
    expect(canDecideShare(on(['reviewer']), 3)).toBe(false)
    expect(canDecideShare({ id: 9, platformRoles: ['platform-admin'] }, 3)).toBe(true)
    expect(canDecideShare({ id: 9, platformRoles: ['auditor'] }, 3)).toBe(false)
    expect(canDecideShare(null, 2)).toBe(false)
  })
  it('a decline needs its reason; a status must be one of the three', () => {
    expect(decisionProblems({ to: 'declined', reason: ' ' })).toEqual([
      '拒绝共享稿件时请填写理由，来源站点会看到',
    ])
    expect(decisionProblems({ to: 'declined', reason: '与本栏目无关' })).toEqual([])
    expect(decisionProblems({ to: 'accepted', reason: null })).toEqual([])
    expect(decisionProblems({ to: 'published', reason: null })).toEqual([
      '接收状态只能是待接收、已接收或已拒绝',
    ])
  })
})
