// Fields the workflow owns are written by the server only: every role, through the Local API
// (overrideAccess: false), REST (Payload's endpoint handler, as Next serves /api) and GraphQL
// (the handler Next serves at /api/graphql), sends forged values on create and update; none
// lands, and the workflow and the handler's steps still write them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ownedNames, SERVER_OWNED } from '../../src/domain/server-owned'
import type { Id, TestUser } from '../helpers/fixtures'
import { makeColumn, makeSite, makeUser, moveArticle, PAPER_LETTER } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'
import { graphql, rest, tokenFor } from '../helpers/routes'
import { draftNotice, makeSeries, numberAssignment, SIGNABLE } from '../helpers/signing'

let t: Started
let auditSettled: typeof import('../../src/services/audit').auditSettled
let requestMailSettled: typeof import('../../src/services/request-mail').requestMailSettled
let site: Id
let column: Id
let series: Id
const people: Record<Role, TestUser> = {} as Record<Role, TestUser>
const tokens: Record<string, string> = {}
let handler: TestUser
const started = new Date()

const ROLES = ['editor', 'reviewer', 'signer', 'site-admin', 'platform-admin'] as const
type Role = (typeof ROLES)[number]
const ROUTES = ['local', 'rest', 'graphql'] as const
type Route = (typeof ROUTES)[number]
const cases = ROLES.flatMap((role) => ROUTES.map((route) => [role, route] as const))

const LONG_AGO = '2019-01-01T00:00:00.000Z'

/** A value for every server-owned field of articles, as an attacker would send it. */
const forgedArticle = (by: Id) => ({
  history: [
    { at: LONG_AGO, by, move: 'sign', from: 'reviewed', to: 'signed', reason: '伪造的签发记录' },
  ],
  submittedBy: by,
  submittedAt: LONG_AGO,
  returnReason: '伪造',
  withdrawnReason: '伪造',
  withdrawnAt: LONG_AGO,
  unpublishedReason: '伪造',
  unpublishedAt: LONG_AGO,
  signedAt: LONG_AGO,
  publishedAt: LONG_AGO,
  indexNumber: '000000000/2019-00001',
  emergency: true,
  emergencyReason: '伪造',
  // the test's bodies have no links: a stored true would be the forged value
  hasLinks: true,
  // nothing is shared in this test: any stored placement would be the forged one
  sharedInto: [column],
  sharedSites: [site],
})

const forgedRequest = (by: Id) => ({
  trackingCode: 'AAAA-BBBB-CCCC-DDDD',
  idempotencyKey: 'forged-key',
  status: 'answered',
  outcome: 'disclosed',
  answeredAt: LONG_AGO,
  timeline: [{ at: LONG_AGO, kind: 'answer', label: '伪造的答复', note: '伪造', by }],
  dueDate: '2099-12-31T04:00:00.000Z',
  dueExplanation: ['伪造的期限说明'],
  feeAmount: 9999,
  feeNoticeAt: LONG_AGO,
  feePaidAt: LONG_AGO,
})

const forgedReport = (by: Id, article: Id) => ({
  queryCode: 'AAAA-BBBB-CCCC-DDDD',
  idempotencyKey: 'forged-key',
  status: 'fixed',
  receivedAt: LONG_AGO,
  dueDate: '2099-12-31T04:00:00.000Z',
  answeredAt: LONG_AGO,
  answeredBy: by,
  article,
})

const forgedLetter = (by: Id, site: Id) => ({
  number: 'FORGED-2026-000001',
  queryCode: 'AAAA-BBBB-CCCC-DDDD',
  idempotencyKey: 'forged-key',
  firstSite: site,
  status: 'closed',
  timeline: [{ at: LONG_AGO, kind: 'approve', label: '伪造的答复', note: '伪造', by }],
  transfers: [{ from: site, to: site, at: LONG_AGO, note: '伪造' }],
  acceptedAt: LONG_AGO,
  rejectReason: 'duplicate',
  rejectNote: '伪造的理由',
  extensionDays: 15,
  extensionReason: '伪造的延期',
  answeredAt: LONG_AGO,
  answeredBy: by,
  approvedAt: LONG_AGO,
  approvedBy: by,
  published: true,
  publishedAt: LONG_AGO,
  closedAt: LONG_AGO,
  followUpAnswer: '伪造的跟进',
  followUpAt: LONG_AGO,
  rating: 'very-satisfied',
  resolved: 'yes',
  ratingComment: '伪造的评价',
  ratedAt: LONG_AGO,
  followUpDueDate: '2099-12-31T04:00:00.000Z',
  acceptDueDate: '2099-12-31T04:00:00.000Z',
  answerDueDate: '2099-12-31T04:00:00.000Z',
  vetoDate: '2099-12-31T04:00:00.000Z',
  dueExplanation: ['伪造的期限说明'],
})

/** Whether a stored value is the forged one (or carries a forged row). */
const landed = (field: string, stored: unknown, forged: unknown): boolean => {
  if (Array.isArray(forged)) {
    return JSON.stringify(stored ?? []).includes('伪造')
  }
  if (stored == null || stored === false) return false
  if (typeof stored === 'object' && 'id' in (stored as object)) {
    return String((stored as { id: unknown }).id) === String(forged)
  }
  if (field.endsWith('At') || field.endsWith('Date')) {
    return new Date(String(stored)).getTime() === new Date(String(forged)).getTime()
  }
  return JSON.stringify(stored) === JSON.stringify(forged)
}

const landedFields = (doc: Record<string, unknown>, forged: Record<string, unknown>) =>
  Object.keys(forged).filter((f) => landed(f, doc[f], forged[f]))

type Owned = 'articles' | 'disclosure-requests' | 'letters' | 'error-reports'

const GQL_TYPES: Record<string, { create: string; update: string; name: string }> = {
  articles: {
    create: 'mutationArticleInput',
    update: 'mutationArticleUpdateInput',
    name: 'Article',
  },
  'disclosure-requests': {
    create: 'mutationDisclosureRequestInput',
    update: 'mutationDisclosureRequestUpdateInput',
    name: 'DisclosureRequest',
  },
  letters: {
    create: 'mutationLetterInput',
    update: 'mutationLetterUpdateInput',
    name: 'Letter',
  },
  'error-reports': {
    create: 'mutationErrorReportInput',
    update: 'mutationErrorReportUpdateInput',
    name: 'ErrorReport',
  },
}

/** GraphQL enum names spell a select's hyphens as underscores. */
const ENUMS = new Set(['applicantKind', 'rating', 'rejectReason'])
const gqlValues = (data: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      ENUMS.has(k) && typeof v === 'string' ? v.replace(/-/g, '_') : v,
    ]),
  )

/** Creates through a route as the person; the new id, or null when refused. */
async function createAs(
  route: Route,
  user: TestUser,
  collection: Owned,
  data: Record<string, unknown>,
): Promise<Id | null> {
  if (route === 'local') {
    const doc = await t.payload
      .create({ collection, data, user, overrideAccess: false })
      .catch(() => null)
    return doc?.id ?? null
  }
  if (route === 'rest') {
    const res = await rest('POST', `/${collection}`, { body: data, token: tokens[user.email] })
    return res.status < 300 ? ((res.body.doc as { id: Id }).id ?? null) : null
  }
  const g = GQL_TYPES[collection]
  const res = await graphql(
    `mutation($data: ${g.create}!) { create${g.name}(data: $data) { id } }`,
    { data: gqlValues(data) },
    { token: tokens[user.email] },
  )
  return (res.data?.[`create${g.name}`] as { id: Id } | null)?.id ?? null
}

/** Updates through a route as the person; whether the server accepted the request. */
async function updateAs(
  route: Route,
  user: TestUser,
  collection: Owned,
  id: Id,
  data: Record<string, unknown>,
): Promise<boolean> {
  if (route === 'local') {
    return t.payload
      .update({ collection, id, data, user, overrideAccess: false })
      .then(() => true)
      .catch(() => false)
  }
  if (route === 'rest') {
    const res = await rest('PATCH', `/${collection}/${id}`, {
      body: data,
      token: tokens[user.email],
    })
    return res.status < 300
  }
  const g = GQL_TYPES[collection]
  const res = await graphql(
    `mutation($id: Int!, $data: ${g.update}!) { update${g.name}(id: $id, data: $data) { id } }`,
    { id: Number(id), data: gqlValues(data) },
    { token: tokens[user.email] },
  )
  if (res.errors?.some((e) => /Variable|Unknown|Cannot|Expected/.test(e.message))) {
    throw new Error(`GraphQL refused the shape: ${res.errors.map((e) => e.message).join('; ')}`)
  }
  return !res.errors?.length
}

const stored = async (collection: Owned, id: Id) =>
  (await t.payload.findByID({ collection, id, depth: 0, overrideAccess: true })) as Record<
    string,
    unknown
  >

const move = (id: Id, user: TestUser, state: string, extra: Record<string, unknown> = {}) =>
  moveArticle(t.payload, id, user, state, extra)

const draft = (by: TestUser = people.editor, over: Record<string, unknown> = {}) =>
  draftNotice(t.payload, by, { site, column, ...over })

beforeAll(async () => {
  t = await startPayload()
  ;({ auditSettled } = await import('../../src/services/audit'))
  ;({ requestMailSettled } = await import('../../src/services/request-mail'))
  site = (await makeSite(t.payload)).id
  column = (await makeColumn(t.payload, site)).id
  series = (await makeSeries(t.payload, site)).id
  for (const role of ROLES) {
    people[role] =
      role === 'platform-admin'
        ? await makeUser(t.payload, { platformRoles: ['platform-admin'] })
        : await makeUser(t.payload, { sites: [{ site, roles: [role] }] })
  }
  handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
  for (const u of [...Object.values(people), handler])
    tokens[u.email] = await tokenFor(t.payload, u.email)
}, 180_000)

afterAll(async () => {
  // Workflow mail is sent after the response (setImmediate): let the last moves' lookups finish.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await requestMailSettled?.()
  await auditSettled?.()
  await t?.stop()
})

describe(`server-owned fields of articles on ${testDb()}`, () => {
  it('forges a value for every field the list names', () => {
    expect(Object.keys(forgedArticle(1)).sort()).toEqual([...SERVER_OWNED.articles.fields].sort())
  })

  it.each(cases)(
    'ignores every forged workflow field a %s sends through %s, on create and on update',
    async (role, route) => {
      const forger = people[role]
      const forged = forgedArticle(people['platform-admin'].id)
      const created = await createAs(route, forger, 'articles', {
        site,
        columns: [column],
        title: `伪造测试 ${role} ${route}`,
        state: 'draft',
        ...SIGNABLE,
        ...forged,
      })
      // Reviewers and signers may not create articles at all; the others' creations are drafts.
      if (role === 'reviewer' || role === 'signer') expect(created).toBeNull()
      else {
        expect(created).not.toBeNull()
        const doc = await stored('articles', created!)
        expect(landedFields(doc, forged)).toEqual([])
        expect(doc.state).toBe('draft')
      }
      const id = await draft()
      const accepted = await updateAs(route, forger, 'articles', id, {
        summary: `由${role}修改`,
        ...forged,
      })
      expect(accepted).toBe(true)
      const doc = await stored('articles', id)
      expect(doc.summary).toBe(`由${role}修改`)
      expect(landedFields(doc, forged)).toEqual([])
      expect(doc.history ?? []).toEqual([])
    },
  )

  it('still stamps every move itself between forgeries: history, who, when, numbers', async () => {
    const id = await draft(people.editor, { numberingSeries: series })
    const forged = forgedArticle(people['platform-admin'].id)
    const forgeAll = async () => {
      for (const [role, route] of cases) await updateAs(route, people[role], 'articles', id, forged)
    }
    await forgeAll()
    await move(id, people.editor, 'submitted')
    await forgeAll()
    await move(id, people.reviewer, 'reviewed')
    await forgeAll()
    const signed = await move(id, people.signer, 'signed')
    await forgeAll()
    await move(id, people.signer, 'published')
    await forgeAll()
    const doc = await stored('articles', id)
    expect(landedFields(doc, forged)).toEqual([])
    const history = doc.history as { move: string; by: Id; reason?: string | null }[]
    expect(history.map((h) => h.move)).toEqual(['submit', 'review', 'sign', 'publish'])
    expect(history.map((h) => String(h.by))).toEqual(
      [people.editor, people.reviewer, people.signer, people.signer].map((p) => String(p.id)),
    )
    expect(String(doc.submittedBy)).toBe(String(people.editor.id))
    expect(doc.indexNumber).toBe(signed.indexNumber)
    expect(doc.indexNumber).toMatch(/^\d{9}\/\d{4}-\d{5}$/)
    expect(doc.docNumber).toMatch(/^测试发〔\d{4}〕\d+号$/)
    for (const f of ['submittedAt', 'signedAt', 'publishedAt'] as const)
      expect(new Date(String(doc[f])).getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000)
    expect(doc.emergency ?? false).toBe(false)
  })

  it('refuses a site admin who submitted an article, rewrote submittedBy to someone else, then reviews and signs it (four eyes)', async () => {
    const admin = people['site-admin']
    const id = await draft(admin)
    await move(id, admin, 'submitted')
    // The rewrite through each route: accepted as a request, the field itself unchanged.
    await updateAs('local', admin, 'articles', id, { submittedBy: people.editor.id })
    await updateAs('rest', admin, 'articles', id, { submittedBy: people.editor.id })
    await updateAs('graphql', admin, 'articles', id, { submittedBy: Number(people.editor.id) })
    expect(String((await stored('articles', id)).submittedBy)).toBe(String(admin.id))
    await expect(move(id, admin, 'reviewed')).rejects.toThrow(
      '稿件由您本人提交，须由另一位审核人审核通过',
    )
    await move(id, people.reviewer, 'reviewed')
    await updateAs('rest', admin, 'articles', id, { submittedBy: people.reviewer.id })
    await expect(move(id, admin, 'signed')).rejects.toThrow(
      '稿件由您本人提交，须由另一位签发人签发',
    )
    const doc = await stored('articles', id)
    expect(doc.state).toBe('reviewed')
    expect(doc.indexNumber ?? null).toBeNull()
  })

  it('keeps a 发文字号 taken by signing after a return, until the site admin voids it', async () => {
    const id = await draft(people.editor, { numberingSeries: series })
    await move(id, people.editor, 'submitted')
    await move(id, people.reviewer, 'reviewed')
    const signed = await move(id, people.signer, 'signed')
    await move(id, people.signer, 'returned', { workflowReason: '请修改正文' })
    for (const route of ROUTES) {
      const ok = await updateAs(route, people.editor, 'articles', id, {
        docNumber: '测试发〔2019〕1号',
      })
      expect(ok).toBe(false)
    }
    await expect(
      t.payload.update({
        collection: 'articles',
        id,
        data: { docNumber: '' },
        user: people['site-admin'],
        overrideAccess: false,
      }),
    ).rejects.toThrow('已签发的发文字号不能修改')
    expect((await stored('articles', id)).docNumber).toBe(signed.docNumber)
    const assignment = await numberAssignment(t.payload, signed.docNumber)
    await t.payload.update({
      collection: 'number-assignments',
      id: assignment.id,
      data: { status: 'voided', voidReason: '号码有误' },
      user: people['site-admin'],
      overrideAccess: false,
    })
    const fixed = await t.payload.update({
      collection: 'articles',
      id,
      data: { docNumber: '测试发〔2026〕900号' },
      user: people.editor,
      overrideAccess: false,
    })
    expect(fixed.docNumber).toBe('测试发〔2026〕900号')
    expect(fixed.indexNumber).toBe(signed.indexNumber)
  })

  it('stamps the emergency review with the server’s time, once, for a site admin only', async () => {
    const id = await draft()
    await move(id, people.signer, 'published', {
      workflowMove: 'emergency',
      workflowReason: '突发暴雨预警',
    })
    await expect(
      t.payload.update({
        collection: 'articles',
        id,
        data: { emergencyReviewedAt: LONG_AGO },
        user: people.signer,
        overrideAccess: false,
      }),
    ).rejects.toThrow('只有站点管理员可以确认紧急发布已复核')
    const marked = await t.payload.update({
      collection: 'articles',
      id,
      data: { emergencyReviewedAt: LONG_AGO },
      user: people['site-admin'],
      overrideAccess: false,
    })
    const at = new Date(String(marked.emergencyReviewedAt)).getTime()
    expect(at).toBeGreaterThanOrEqual(started.getTime() - 1000)
    const undone = await t.payload.update({
      collection: 'articles',
      id,
      data: { emergencyReviewedAt: null },
      user: people['site-admin'],
      overrideAccess: false,
    })
    expect(new Date(String(undone.emergencyReviewedAt)).getTime()).toBe(at)
  })

  it('restores an old version as a draft that keeps today’s history and numbers', async () => {
    const id = await draft()
    await move(id, people.editor, 'submitted')
    await move(id, people.reviewer, 'reviewed')
    const signed = await move(id, people.signer, 'signed')
    await move(id, people.signer, 'returned', { workflowReason: '请修改' })
    const versions = await t.payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      overrideAccess: true,
    })
    const first = versions.docs[0]
    const restored = (await t.payload.restoreVersion({
      collection: 'articles',
      id: first.id,
      user: people['site-admin'],
      overrideAccess: false,
    })) as unknown as Record<string, unknown>
    expect(restored.state).toBe('draft')
    const doc = await stored('articles', id)
    expect(doc.indexNumber).toBe(signed.indexNumber)
    expect(doc.signedAt).toBe(signed.signedAt)
    expect(String(doc.submittedBy)).toBe(String(people.editor.id))
    expect((doc.history as { move: string }[]).map((h) => h.move)).toEqual([
      'submit',
      'review',
      'sign',
      'return',
    ])
  })

  it('copies none of the workflow’s fields into a duplicate', async () => {
    const id = await draft()
    await move(id, people.editor, 'submitted')
    await move(id, people.reviewer, 'reviewed')
    await move(id, people.signer, 'signed')
    const copy = await t.payload.duplicate({
      collection: 'articles',
      id,
      user: people['site-admin'],
      overrideAccess: false,
    })
    const doc = await stored('articles', copy.id)
    expect(doc.state).toBe('draft')
    for (const f of ['indexNumber', 'signedAt', 'submittedBy', 'submittedAt', 'publishedAt'])
      expect(doc[f] ?? null).toBeNull()
    expect(doc.history ?? []).toEqual([])
  })
})

describe(`server-owned fields of disclosure requests on ${testDb()}`, () => {
  const applicant = {
    channel: 'letter',
    applicantKind: 'natural-person',
    applicantName: '张三',
    idType: 'other',
    idNumber: 'X-1',
    phone: '13800138000',
    description: '请公开本机关2025年度城市道路维修工程的招标结果',
    formWanted: 'electronic',
    delivery: 'email',
    email: 'zhangsan@example.com',
  }
  const today = () => new Date().toISOString()
  const writers = [...ROLES, 'handler'] as const
  const requestCases = writers.flatMap((role) => ROUTES.map((route) => [role, route] as const))
  const who = (role: (typeof writers)[number]) => (role === 'handler' ? handler : people[role])

  it('forges a value for every field the list names', () => {
    expect(Object.keys(forgedRequest(1)).sort()).toEqual(
      [...SERVER_OWNED['disclosure-requests'].fields].sort(),
    )
    expect(ownedNames(SERVER_OWNED['disclosure-requests'])).toContain('receivedAt')
  })

  it.each(requestCases)(
    'ignores every forged clock and outcome field a %s sends through %s',
    async (role, route) => {
      const forger = who(role)
      const forged = forgedRequest(people['platform-admin'].id)
      const mayWrite = role === 'handler' || role === 'site-admin' || role === 'platform-admin'
      const created = await createAs(route, forger, 'disclosure-requests', {
        site,
        ...applicant,
        receivedAt: today(),
        ...forged,
      })
      if (!mayWrite) expect(created).toBeNull()
      else {
        expect(created).not.toBeNull()
        const doc = await stored('disclosure-requests', created!)
        expect(landedFields(doc, forged)).toEqual([])
        expect(doc.status).toBe('received')
        expect(doc.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
      }
      const id = (
        await t.payload.create({
          collection: 'disclosure-requests',
          data: { site, ...applicant, receivedAt: today() },
          user: handler,
          overrideAccess: false,
        })
      ).id
      const before = await stored('disclosure-requests', id)
      const accepted = await updateAs(route, forger, 'disclosure-requests', id, {
        pages: 3,
        receivedAt: LONG_AGO,
        ...forged,
      })
      expect(accepted).toBe(mayWrite)
      const doc = await stored('disclosure-requests', id)
      expect(landedFields(doc, forged)).toEqual([])
      expect(doc.receivedAt).toEqual(before.receivedAt)
      expect(doc.dueDate).toEqual(before.dueDate)
      if (mayWrite) expect(doc.pages).toBe(3)
    },
  )

  it('still lets a handler’s step move status, outcome and timeline', async () => {
    const id = (
      await t.payload.create({
        collection: 'disclosure-requests',
        data: { site, ...applicant, receivedAt: today(), ...forgedRequest(handler.id) },
        user: handler,
        overrideAccess: false,
      })
    ).id
    const answered = await t.payload.update({
      collection: 'disclosure-requests',
      id,
      data: {
        step: 'answer',
        stepOutcome: 'disclosed',
        replyText: '予以公开',
        ...forgedRequest(1),
      },
      user: handler,
      overrideAccess: false,
    })
    expect(answered.status).toBe('answered')
    expect(answered.outcome).toBe('disclosed')
    expect(new Date(String(answered.answeredAt)).getTime()).toBeGreaterThan(
      new Date(LONG_AGO).getTime(),
    )
    expect((answered.timeline as { kind: string }[]).map((e) => e.kind)).toEqual([
      'submitted',
      'answer',
    ])
    expect(JSON.stringify(answered.timeline)).not.toContain('伪造')
  })

  it('ignores a forged publication time of an annual report; publishing stamps it', async () => {
    const admin = people['site-admin']
    const report = await t.payload.create({
      collection: 'annual-reports',
      data: { site, year: 2025, publishedAt: LONG_AGO },
      user: admin,
      overrideAccess: false,
    })
    expect(report.publishedAt ?? null).toBeNull()
    const published = await t.payload.update({
      collection: 'annual-reports',
      id: report.id,
      data: { published: true, publishedAt: LONG_AGO },
      user: admin,
      overrideAccess: false,
    })
    expect(new Date(String(published.publishedAt)).getTime()).toBeGreaterThanOrEqual(
      started.getTime() - 1000,
    )
  })
})

describe(`server-owned fields of letters on ${testDb()}`, () => {
  let mailbox: Id
  const letter = () => ({
    site,
    mailbox,
    ...PAPER_LETTER,
    receivedAt: new Date().toISOString(),
  })
  const writers = [...ROLES, 'handler'] as const
  const cases = writers.flatMap((role) => ROUTES.map((route) => [role, route] as const))
  const who = (role: (typeof writers)[number]) => (role === 'handler' ? handler : people[role])

  beforeAll(async () => {
    mailbox = (
      await t.payload.create({
        collection: 'mailboxes',
        data: { site, name: '局长信箱', slug: 'director' },
        overrideAccess: true,
      })
    ).id
  })

  it('forges a value for every field the list names', () => {
    expect(Object.keys(forgedLetter(1, 1)).sort()).toEqual([...SERVER_OWNED.letters.fields].sort())
  })

  it.each(cases)(
    'ignores every forged workflow, rating and clock field a %s sends through %s',
    async (role, route) => {
      const forger = who(role)
      const forged = forgedLetter(people['platform-admin'].id, site)
      const mayWrite = role === 'handler' || role === 'site-admin' || role === 'platform-admin'
      const created = await createAs(route, forger, 'letters', { ...letter(), ...forged })
      if (!mayWrite) expect(created).toBeNull()
      else {
        expect(created).not.toBeNull()
        const doc = await stored('letters', created!)
        expect(landedFields(doc, forged).filter((f) => f !== 'firstSite')).toEqual([])
        expect(doc.status).toBe('submitted')
      }
      const id = (
        await t.payload.create({
          collection: 'letters',
          data: letter(),
          user: handler,
          overrideAccess: false,
        })
      ).id
      const before = await stored('letters', id)
      const accepted = await updateAs(route, forger, 'letters', id, {
        content: '改过的来信内容，足够长的一段话。',
        receivedAt: LONG_AGO,
        ...forged,
      })
      expect(accepted).toBe(mayWrite)
      const doc = await stored('letters', id)
      expect(landedFields(doc, forged).filter((f) => f !== 'firstSite')).toEqual([])
      expect(String(doc.firstSite)).toBe(String(before.firstSite))
      expect(doc.receivedAt).toEqual(before.receivedAt)
      expect(doc.answerDueDate).toEqual(before.answerDueDate)
    },
  )
})

describe(`server-owned fields of error reports on ${testDb()}`, () => {
  const report = () => ({
    site,
    url: 'http://t.localhost/tzgg/',
    type: 'typo',
    description: '电话登记的纠错：标题有错别字。',
  })
  const writers = [...ROLES, 'handler'] as const
  const cases = writers.flatMap((role) => ROUTES.map((route) => [role, route] as const))
  const who = (role: (typeof writers)[number]) => (role === 'handler' ? handler : people[role])
  let article: Id

  beforeAll(async () => {
    article = await draft()
  })

  it('forges a value for every field the list names', () => {
    expect(Object.keys(forgedReport(1, 1)).sort()).toEqual(
      [...SERVER_OWNED['error-reports'].fields].sort(),
    )
  })

  it.each(cases)(
    'ignores every forged status, clock and answer field a %s sends through %s',
    async (role, route) => {
      const forger = who(role)
      const forged = forgedReport(people['platform-admin'].id, article)
      const mayWrite = role === 'handler' || role === 'site-admin' || role === 'platform-admin'
      const created = await createAs(route, forger, 'error-reports', { ...report(), ...forged })
      if (!mayWrite) expect(created).toBeNull()
      else {
        expect(created).not.toBeNull()
        const doc = await stored('error-reports', created!)
        expect(landedFields(doc, forged)).toEqual([])
        expect(doc.status).toBe('received')
      }
      const id = (
        await t.payload.create({
          collection: 'error-reports',
          data: report(),
          user: handler,
          overrideAccess: false,
        })
      ).id
      const before = await stored('error-reports', id)
      const accepted = await updateAs(route, forger, 'error-reports', id, {
        description: '改过的错误描述',
        ...forged,
      })
      expect(accepted).toBe(mayWrite)
      const doc = await stored('error-reports', id)
      expect(landedFields(doc, forged)).toEqual([])
      expect(doc.status).toBe('received')
      expect(doc.dueDate).toEqual(before.dueDate)
    },
  )
})
