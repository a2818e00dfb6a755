// Sharing across sites on a real database (SQLite, or PostgreSQL with TEST_DB=postgres): an
// editor's push, the receiving site's answer, a column's subscription with and without review,
// who may do what, what a withdrawal, a deletion and a closed site do, and search's scope.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Id, TestUser } from '../helpers/fixtures'
import { makeArticle, makeColumn, makeSite, makeUser, publishNow } from '../helpers/fixtures'
import { type Started, startPayload } from '../helpers/payload'

let t: Started
let payload: Payload
// A (a department) shares into P (the portal) and D (another department).
let siteA: Id
let siteP: Id
let siteD: Id
let newsA: Id
let policyA: Id
let dynamicsP: Id
let policyD: Id
const people: Record<string, TestUser> = {}

beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
  siteA = (await makeSite(payload, { name: '甲局' })).id
  siteP = (await makeSite(payload, { name: '门户' })).id
  siteD = (await makeSite(payload, { name: '丁局' })).id
  newsA = (await makeColumn(payload, siteA, { name: '工作动态' })).id
  policyA = (await makeColumn(payload, siteA, { name: '政策文件' })).id
  dynamicsP = (await makeColumn(payload, siteP, { name: '部门动态' })).id
  policyD = (await makeColumn(payload, siteD, { name: '政策文件' })).id
  for (const [name, site, roles] of [
    ['editorA', siteA, ['editor']],
    ['editorP', siteP, ['editor']],
    ['reviewerP', siteP, ['reviewer']],
    ['adminP', siteP, ['site-admin']],
    ['handlerA', siteA, ['handler']],
  ] as const)
    people[name] = await makeUser(payload, { sites: [{ site, roles: [...roles] }] })
}, 120_000)

afterAll(async () => t?.stop())

const sharesOf = async (article: Id) =>
  (
    await payload.find({
      collection: 'shares',
      where: { article: { equals: article } },
      overrideAccess: true,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs as unknown as {
    id: Id
    site: Id
    column: Id
    originSite: Id
    via: string
    status: string
    decidedBy?: Id | null
    declineReason?: string | null
  }[]

/** A change as a person makes it in the admin (access on). */
const as = (
  user: TestUser | undefined,
  collection: 'articles' | 'shares' | 'columns',
  id: Id,
  data: Record<string, unknown>,
) => payload.update({ collection, id, data, user, overrideAccess: false })

/** A change made by server code (access off). */
const asServer = (collection: 'articles' | 'shares', id: Id, data: Record<string, unknown>) =>
  payload.update({ collection, id, data, overrideAccess: true })

const placementsOf = async (article: Id) => {
  const doc = (await payload.findByID({
    collection: 'articles',
    id: article,
    depth: 0,
    overrideAccess: true,
  })) as unknown as { sharedInto?: Id[]; sharedSites?: Id[] }
  return {
    columns: (doc.sharedInto ?? []).map(String),
    sites: (doc.sharedSites ?? []).map(String),
  }
}

/** What the receiving columns' lists read (src/server/public/read-articles.ts listInColumns). */
const listed = async (column: Id, originSites: Id[]) =>
  (
    await payload.find({
      collection: 'articles',
      where: {
        and: [
          { state: { equals: 'published' } },
          { sharedInto: { in: [column] } },
          { site: { in: originSites } },
        ],
      },
      depth: 0,
      overrideAccess: false,
    })
  ).docs.map((d) => String(d.id))

describe('an editor pushes an article to other sites’ columns', () => {
  it('makes one row per column, waiting for the receiving site; accepted, the lists show it', async () => {
    const a = await makeArticle(payload, { site: siteA, column: newsA })
    await as(people.editorA, 'articles', a.id, { shareTo: [dynamicsP] })
    const [row] = await sharesOf(a.id)
    expect(row).toMatchObject({ via: 'push', status: 'pending' })
    expect(String(row!.site)).toBe(String(siteP))
    expect(String(row!.originSite)).toBe(String(siteA))
    expect(await placementsOf(a.id)).toEqual({ columns: [], sites: [] })
    expect(await listed(dynamicsP, [siteA])).not.toContain(String(a.id))

    await as(people.reviewerP, 'shares', row!.id, { status: 'accepted' })
    expect(await placementsOf(a.id)).toEqual({
      columns: [String(dynamicsP)],
      sites: [String(siteP)],
    })
    expect(await listed(dynamicsP, [siteA])).toContain(String(a.id))
    const [after] = await sharesOf(a.id)
    expect(String(after!.decidedBy)).toBe(String(people.reviewerP!.id))

    // Taken off the list of columns: the row goes, the receiving list forgets it.
    await as(people.editorA, 'articles', a.id, { shareTo: [] })
    expect(await sharesOf(a.id)).toEqual([])
    expect(await placementsOf(a.id)).toEqual({ columns: [], sites: [] })
  })

  it('refuses a column of the article’s own site and a closed site’s column, with sentences', async () => {
    const a = await makeArticle(payload, { site: siteA, column: newsA })
    await expect(as(people.editorA, 'articles', a.id, { shareTo: [policyA] })).rejects.toThrow(
      /属于本站/,
    )
    const closed = await makeSite(payload, { status: 'closed' })
    const closedColumn = (await makeColumn(payload, closed.id)).id
    await expect(as(people.editorA, 'articles', a.id, { shareTo: [closedColumn] })).rejects.toThrow(
      /已关停或整合/,
    )
    expect(await sharesOf(a.id)).toEqual([])
  })

  it('nobody on the receiving site edits the article; only those who may publish there answer', async () => {
    const a = await makeArticle(payload, { site: siteA, column: newsA, shareTo: [dynamicsP] })
    const [row] = await sharesOf(a.id)
    for (const who of ['editorP', 'reviewerP', 'adminP']) {
      await expect(
        as(people[who], 'articles', a.id, { title: '接收站点改过的标题' }),
        who,
      ).rejects.toThrow()
    }
    await expect(as(people.editorP, 'shares', row!.id, { status: 'accepted' })).rejects.toThrow()
    // The origin's staff see where it went, but do not answer for the receiving site.
    const seen = await payload.find({
      collection: 'shares',
      where: { article: { equals: a.id } },
      user: people.handlerA,
      overrideAccess: false,
    })
    expect(seen.totalDocs).toBe(1)
    await expect(as(people.editorA, 'shares', row!.id, { status: 'accepted' })).rejects.toThrow()
    // A share's own facts are the server's: a forged column or article is ignored.
    await as(people.adminP, 'shares', row!.id, {
      status: 'accepted',
      column: policyD,
      site: siteD,
      article: 1,
    })
    const [after] = await sharesOf(a.id)
    expect(String(after!.column)).toBe(String(dynamicsP))
    expect(String(after!.site)).toBe(String(siteP))
    expect(after!.status).toBe('accepted')
  })

  it('declining needs a reason; a declined row stays declined when the editor saves again', async () => {
    const sent = vi.spyOn(payload, 'sendEmail')
    const a = await makeArticle(payload, { site: siteA, column: newsA, shareTo: [dynamicsP] })
    const [row] = await sharesOf(a.id)
    await expect(as(people.reviewerP, 'shares', row!.id, { status: 'declined' })).rejects.toThrow(
      /拒绝共享稿件时请填写理由/,
    )
    await as(people.reviewerP, 'shares', row!.id, {
      status: 'declined',
      declineReason: '与本栏目定位不符',
    })
    await as(people.editorA, 'articles', a.id, { shareTo: [dynamicsP, policyD] })
    const rows = await sharesOf(a.id)
    expect(rows.map((r) => [String(r.column), r.status])).toEqual([
      [String(dynamicsP), 'declined'],
      [String(policyD), 'pending'],
    ])
    // The origin's editor is told, with the reason.
    const mail = sent.mock.calls
      .map(([m]) => m as { to: string; subject: string; text: string })
      .find((m) => m.to === people.editorA!.email && m.subject.startsWith('共享稿件未被接收'))
    expect(mail?.text).toContain('理由：与本栏目定位不符')
    expect(mail?.text).toContain('门户“部门动态”栏目未接收')
    sent.mockRestore()
    expect(await placementsOf(a.id)).toEqual({ columns: [], sites: [] })
  })

  it('a server-owned placement cannot be forged by the editor', async () => {
    const a = await makeArticle(payload, { site: siteA, column: newsA })
    await as(people.editorA, 'articles', a.id, { sharedInto: [dynamicsP], sharedSites: [siteP] })
    expect(await placementsOf(a.id)).toEqual({ columns: [], sites: [] })
  })
})

describe('a receiving column subscribes to columns of other sites', () => {
  it('without review: takes in what is published, then each new publish at once', async () => {
    const policy = (await makeColumn(payload, siteA, { name: '通知公告' })).id
    const before = await makeArticle(payload, { site: siteA, column: policy })
    const draft = await makeArticle(payload, { site: siteA, column: policy, status: 'draft' })
    const portal = (await makeColumn(payload, siteP, { name: '部门通知', shareReview: false })).id
    await as(people.adminP, 'columns', portal, { subscriptions: [policy] })
    expect((await sharesOf(before.id)).map((r) => [r.via, r.status])).toEqual([
      ['subscription', 'accepted'],
    ])
    expect(await sharesOf(draft.id)).toEqual([])
    expect((await placementsOf(before.id)).columns).toEqual([String(portal)])

    // Published later (a draft moved on by the platform clock here): shared at once.
    await publishNow(payload, draft.id)
    expect((await placementsOf(draft.id)).columns).toEqual([String(portal)])

    // Withdrawn at the origin: the receiving list no longer shows it (the row stays).
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { state: 'withdrawn', withdrawnReason: '内容有误' },
      overrideAccess: true,
      context: { seeding: true },
    })
    expect(await listed(portal, [siteA])).not.toContain(String(draft.id))
    expect(await listed(portal, [siteA])).toContain(String(before.id))

    // Unsubscribed: its rows go.
    await as(people.adminP, 'columns', portal, { subscriptions: [] })
    expect(await sharesOf(before.id)).toEqual([])
    expect(await placementsOf(before.id)).toEqual({ columns: [], sites: [] })
  })

  it('with review: rows wait; a column cannot subscribe to its own site', async () => {
    const source = (await makeColumn(payload, siteA, { name: '图片新闻' })).id
    const portal = (await makeColumn(payload, siteP, { name: '图说' })).id
    await as(people.adminP, 'columns', portal, { subscriptions: [source] })
    const a = await makeArticle(payload, { site: siteA, column: source, status: 'draft' })
    await publishNow(payload, a.id)
    expect((await sharesOf(a.id)).map((r) => r.status)).toEqual(['pending'])
    expect((await placementsOf(a.id)).columns).toEqual([])
    const own = (await makeColumn(payload, siteP, { name: '本站栏目' })).id
    await expect(
      as(people.adminP, 'columns', portal, { subscriptions: [source, own] }),
    ).rejects.toThrow(/订阅只能选其他站点的栏目/)
  })
})

describe('待我处理', () => {
  it('lists a waiting share for the receiving site’s reviewer, not for its editor', async () => {
    const { myQueue } = await import('../../src/services/my-queue')
    const a = await makeArticle(payload, { site: siteA, column: newsA, shareTo: [dynamicsP] })
    const [row] = await sharesOf(a.id)
    const mine = await myQueue(payload, people.reviewerP as never)
    expect(mine.find((q) => String(q.id) === String(row!.id))).toMatchObject({
      why: '其他站点共享的稿件，待接收',
      href: `/admin/collections/shares/${row!.id}`,
    })
    const editors = await myQueue(payload, people.editorP as never)
    expect(editors.some((q) => q.href === `/admin/collections/shares/${row!.id}`)).toBe(false)
  })
})

describe('deleting', () => {
  it('an article takes its rows; a receiving column takes its rows and the placement', async () => {
    const a = await makeArticle(payload, { site: siteA, column: newsA })
    const receiving = (await makeColumn(payload, siteD, { shareReview: false })).id
    await asServer('articles', a.id, { shareTo: [receiving, dynamicsP] })
    expect((await placementsOf(a.id)).columns).toEqual([String(receiving)])
    await payload.delete({ collection: 'columns', id: receiving, overrideAccess: true })
    expect((await sharesOf(a.id)).map((r) => String(r.column))).toEqual([String(dynamicsP)])
    expect(await placementsOf(a.id)).toEqual({ columns: [], sites: [] })
    await payload.delete({ collection: 'articles', id: a.id, overrideAccess: true })
    expect(await sharesOf(a.id)).toEqual([])
  })
})

describe('counted once, on its origin', () => {
  it('the site audit does not count a shared item as the receiving column’s update', async () => {
    const { siteAuditFacts } = await import('../../src/services/site-audit')
    const quiet = (await makeSite(payload, { name: '静站' })).id
    const receiving = (await makeColumn(payload, quiet, { name: '转载', shareReview: false })).id
    const a = await makeArticle(payload, {
      site: siteA,
      column: newsA,
      shareTo: [receiving],
      publishedAt: new Date().toISOString(),
    })
    expect((await placementsOf(a.id)).columns).toEqual([String(receiving)])
    const facts = await siteAuditFacts(payload, quiet, new Date())
    expect(facts.columns.find((c) => String(c.id) === String(receiving))).toMatchObject({
      items: 0,
      latest: null,
    })
    const origin = await siteAuditFacts(payload, siteA, new Date())
    expect(origin.columns.find((c) => String(c.id) === String(newsA))?.items).toBe(1)
  })
})

describe('a merger moves an article to another site', () => {
  it('its rows come from the new site; a row into the new site itself goes', async () => {
    const receivingD = (await makeColumn(payload, siteD, { shareReview: false })).id
    const receivingP = (await makeColumn(payload, siteP, { shareReview: false })).id
    const a = await makeArticle(payload, {
      site: siteA,
      column: newsA,
      shareTo: [receivingD, receivingP],
    })
    expect((await placementsOf(a.id)).sites.sort()).toEqual([String(siteP), String(siteD)].sort())
    // As src/services/retire-site.ts moves it.
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { site: siteD, columns: [policyD] },
      overrideAccess: true,
      context: { siteMove: true, retiring: true },
    })
    const rows = await sharesOf(a.id)
    expect(rows.map((r) => [String(r.column), String(r.originSite)])).toEqual([
      [String(receivingP), String(siteD)],
    ])
    expect(await placementsOf(a.id)).toEqual({
      columns: [String(receivingP)],
      sites: [String(siteP)],
    })
  })
})

describe('search follows shares', () => {
  it('finds an accepted shared item in the receiving site’s scope, once, and forgets it when declined', async () => {
    const { runSearch } = await import('../../src/services/search')
    const { parseSearchQuery } = await import('../../src/domain/search')
    const title = '甲局共享到门户的独有稿件枸杞岛'
    const receiving = (await makeColumn(payload, siteP, { shareReview: false })).id
    const a = await makeArticle(payload, { site: siteA, column: newsA, title })
    const find = async (sites: Id[]) =>
      (
        await runSearch(
          payload,
          { ...parseSearchQuery({ q: '枸杞岛' }, { defaultScope: 'site', knownSites: [] }) },
          sites,
        )
      ).hits.map((h) => h.title)
    expect(await find([siteP])).toEqual([])
    await asServer('articles', a.id, { shareTo: [receiving] })
    expect(await find([siteP])).toEqual([title])
    expect(await find([siteA, siteP])).toEqual([title])
    // A portal's default, every site, asks no site condition: still once.
    const every = await runSearch(
      payload,
      parseSearchQuery({ q: '枸杞岛' }, { defaultScope: 'all', knownSites: [] }),
      [siteA, siteP, siteD],
      { everySite: true },
    )
    expect(every.hits.map((h) => h.title)).toEqual([title])
    const [row] = await sharesOf(a.id)
    await asServer('shares', row!.id, { status: 'declined', declineReason: '不适合门户' })
    expect(await find([siteP])).toEqual([])
    expect(await find([siteA])).toEqual([title])
  })
})
