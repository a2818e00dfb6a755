import { describe, expect, it } from 'vitest'

import {
  answerFor,
  countDifferences,
  mappingKey,
  type PlanInput,
  prefixesOf,
  retirementPlan,
  retirementRefusals,
  suggestChoices,
} from '../../src/domain/site-retirement'

const site = { id: 3, slug: 'jyj', name: '教育局', kind: 'department', status: 'active' }
const successor = { id: 2, slug: 'fgw', name: '发改委', kind: 'department', status: 'active' }
const columns = [
  { id: 30, name: '工作动态', path: 'xwzx/gzdt' },
  { id: 31, name: '通知公告', path: 'tzgg' },
  { id: 32, name: '校园风采', path: 'xwzx/xyfc' },
]
const successorColumns = [
  { id: 20, name: '工作动态', path: 'gzdt' },
  { id: 21, name: '通知公告', path: 'tzgg' },
]
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  mode: 'merge',
  site,
  successor,
  columns,
  successorColumns,
  articles: [
    { id: 100, columns: [30], published: true },
    { id: 101, columns: [31, 32], published: true },
    { id: 102, columns: [32], published: true },
    { id: 103, columns: [30], published: false },
  ],
  choices: [],
  ...over,
})

describe('suggestChoices', () => {
  it('moves a column to the successor column of the same path, else of the same name, else archives', () => {
    expect(suggestChoices('merge', columns, successorColumns)).toEqual([
      { column: 30, to: 20 },
      { column: 31, to: 21 },
      { column: 32, to: null },
    ])
  })
  it('archives everything when the site is closed', () => {
    expect(suggestChoices('close', columns, successorColumns).map((c) => c.to)).toEqual([
      null,
      null,
      null,
    ])
  })
})

describe('retirementRefusals', () => {
  it('accepts a department merged into an active department', () => {
    expect(retirementRefusals(input())).toEqual([])
  })
  it('refuses the portal, the site itself as successor, a retired successor, a second retirement', () => {
    expect(retirementRefusals(input({ site: { ...site, kind: 'portal' } }))).toContain(
      '门户网站不能关停或整合：它是各部门网站的承接站点',
    )
    expect(retirementRefusals(input({ successor: { ...site } }))).toContain(
      '承接站点不能是被关停的站点本身',
    )
    expect(retirementRefusals(input({ successor: { ...successor, status: 'merged' } }))).toEqual([
      '承接站点“发改委”已关停或整合，请选择运行中的站点',
    ])
    expect(retirementRefusals(input({ site: { ...site, status: 'closed' } }))).toEqual([
      '“教育局”已经关停或整合，不能再次操作',
    ])
  })
  it('refuses a target that is not a successor column, a foreign column, and moving when closing', () => {
    expect(retirementRefusals(input({ choices: [{ column: 30, to: 31 }] }))).toEqual([
      '“工作动态”的迁移目标不是承接站点“发改委”的栏目',
    ])
    expect(retirementRefusals(input({ choices: [{ column: 99, to: null }] }))).toEqual([
      '栏目 99 不属于“教育局”',
    ])
    expect(retirementRefusals(input({ mode: 'close', choices: [{ column: 30, to: 20 }] }))).toEqual(
      ['关停站点时栏目内容只能存档；“工作动态”选择了迁移'],
    )
  })
})

describe('retirementPlan', () => {
  const plan = retirementPlan(input())
  const row = (from: string) => plan.mappings.find((m) => m.fromPath === from)

  it('moves articles of moved columns with their new columns; the rest are archived', () => {
    // 101 is in a moved and an archived column: it moves, into the moved column only.
    expect(plan.moves).toEqual([
      { id: 100, columns: [20] },
      { id: 101, columns: [21] },
      { id: 103, columns: [20] },
    ])
    expect(plan.archived).toEqual([102])
  })
  it('maps the home, columns, article pages under every column, short links, feeds, sections and files', () => {
    expect(row('/')).toMatchObject({ status: 301, toPath: '/?from=jyj' })
    expect(row('/xwzx/gzdt/')).toMatchObject({ status: 301, toPath: '/gzdt/' })
    expect(row('/xwzx/xyfc/')).toMatchObject({ status: 410, toPath: '/archive/jyj/' })
    expect(row('/xwzx/gzdt/100.html')).toMatchObject({ status: 301, toPath: '/gzdt/100.html' })
    expect(row('/tzgg/101.html')).toMatchObject({ status: 301, toPath: '/tzgg/101.html' })
    // Under its archived column, a moved article goes to its new main column.
    expect(row('/xwzx/xyfc/101.html')).toMatchObject({ status: 301, toPath: '/tzgg/101.html' })
    expect(row('/xwzx/xyfc/102.html')).toMatchObject({
      status: 410,
      toPath: '/archive/jyj/102.html',
    })
    expect(row('/a/102')).toMatchObject({ status: 410, toPath: '/archive/jyj/102.html' })
    expect(row('/a/100')).toMatchObject({ status: 301, toPath: '/gzdt/100.html' })
    // An unpublished article has no public address to keep.
    expect(row('/xwzx/gzdt/103.html')).toBeUndefined()
    expect(row('/rss.xml')).toMatchObject({ status: 301, toPath: '/rss.xml' })
    expect(row('/hdjl/track')).toMatchObject({ status: 301, toPath: '/hdjl/track' })
    expect(row('/files/')).toMatchObject({ match: 'prefix', keepRest: true, toPath: '/files/' })
  })
  it('honours an explicit choice to archive a column that could move', () => {
    const p = retirementPlan(input({ choices: [{ column: 30, to: null }] }))
    expect(p.archived).toEqual([100, 102, 103])
    expect(p.mappings.find((m) => m.fromPath === '/xwzx/gzdt/100.html')).toMatchObject({
      status: 410,
    })
  })
  it('gives every old path one row', () => {
    const paths = plan.mappings.map((m) => m.fromPath)
    expect(new Set(paths).size).toBe(paths.length)
  })
})

describe('answerFor', () => {
  const rows = retirementPlan(input()).mappings
  it('answers list pages and bare column paths as the column', () => {
    expect(mappingKey('/xwzx/gzdt/index_3.html')).toBe('/xwzx/gzdt/')
    expect(mappingKey('/tzgg')).toBe('/tzgg/')
    expect(mappingKey('/hdjl/track')).toBe('/hdjl/track')
    expect(answerFor('/xwzx/gzdt/index_2.html', rows, 'jyj')).toEqual({
      status: 301,
      toPath: '/gzdt/',
    })
  })
  it('keeps a file name below the files prefix; drops the rest of a section path', () => {
    expect(answerFor('/files/images/a.png', rows, 'jyj')).toEqual({
      status: 301,
      toPath: '/files/images/a.png',
    })
    expect(answerFor('/hdjl/szxx/write', rows, 'jyj')).toEqual({ status: 301, toPath: '/hdjl/' })
  })
  it('sends anything unmapped to the successor home with the notice', () => {
    expect(answerFor('/no/such/page.html', rows, 'jyj')).toEqual({
      status: 'fallback',
      toPath: '/?from=jyj',
    })
  })
  it('lists the prefixes a path could match', () => {
    expect(prefixesOf('/files/images/a.png')).toEqual(['/', '/files/', '/files/images/'])
  })
})

describe('countDifferences', () => {
  const counts = {
    articles: 10,
    published: 8,
    columns: 5,
    letters: 3,
    requests: 2,
    errorReports: 1,
    files: 4,
    users: 6,
  }
  it('is empty when nothing was lost and names each count that changed', () => {
    expect(countDifferences(counts, { ...counts })).toEqual([])
    expect(countDifferences(counts, { ...counts, published: 7 })).toEqual([
      '已发布信息：操作前 8，操作后 7',
    ])
  })
})
