// Every role × collection × operation × (own site, another site), through the Local API with
// access control on. The expectations are written out by hand: they are the specification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PlatformRole, SiteRole } from '../../src/domain/permissions'
import type { Id, TestUser } from '../helpers/fixtures'
import {
  makeArticle,
  makeAttachment,
  makeColumn,
  makeMedia,
  makeSite,
  makeUser,
  PAPER_LETTER,
  pdfBytes,
  pngBytes,
} from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

type Actor = 'anonymous' | 'platform-admin' | 'auditor' | SiteRole
type Op = 'create' | 'read' | 'update' | 'delete'
type Collection =
  | 'sites'
  | 'users'
  | 'columns'
  | 'articles'
  | 'media'
  | 'attachments'
  | 'disclosure-requests'
  | 'annual-reports'
  | 'disclosure-topics'
  | 'mailboxes'
  | 'letters'
  | 'error-reports'
  | 'site-audits'
  | 'url-mappings'
  | 'link-checks'
  | 'search-misses'
  | 'shares'
type Target = 'own' | 'other'

const ACTORS: Actor[] = [
  'anonymous',
  'platform-admin',
  'auditor',
  'site-admin',
  'editor',
  'reviewer',
  'signer',
  'handler',
]
const PA = 'platform-admin'
const ALL_STAFF: Actor[] = [PA, 'auditor', 'site-admin', 'editor', 'reviewer', 'signer', 'handler']

/** What the public writes and a site's handlers answer: requests, letters and error reports. */
const CASEWORK: Record<Op, [Actor[], Actor[]]> = {
  create: [[PA, 'site-admin', 'handler'], [PA]],
  read: [
    [PA, 'auditor', 'site-admin', 'handler'],
    [PA, 'auditor'],
  ],
  update: [[PA, 'site-admin', 'handler'], [PA]],
  delete: [[], []],
}

/** What only the server writes, and a site's admins and platform staff read. */
const SERVER_RECORDS: Record<Op, [Actor[], Actor[]]> = {
  create: [[], []],
  read: [
    [PA, 'auditor', 'site-admin'],
    [PA, 'auditor'],
  ],
  update: [[], []],
  delete: [[], []],
}

/** Who may do it: [on their own site, on another site]. */
const EXPECT: Record<Collection, Record<Op, [Actor[], Actor[]]>> = {
  sites: {
    create: [[PA], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA, 'site-admin'], [PA]],
    delete: [[], []],
  },
  users: {
    create: [[PA, 'site-admin'], [PA]],
    read: [
      [PA, 'auditor', 'site-admin'],
      [PA, 'auditor'],
    ],
    update: [[PA, 'site-admin'], [PA]],
    delete: [[PA], [PA]],
  },
  columns: {
    create: [[PA, 'site-admin'], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA, 'site-admin'], [PA]],
    delete: [[PA, 'site-admin'], [PA]],
  },
  // Targets are drafts: published items are public (checked separately below).
  articles: {
    create: [[PA, 'site-admin', 'editor'], [PA]],
    read: [ALL_STAFF, [PA, 'auditor']],
    update: [[PA, 'site-admin', 'editor', 'reviewer', 'signer'], [PA]],
    delete: [[PA, 'site-admin'], [PA]],
  },
  media: {
    create: [[PA, 'site-admin', 'editor'], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA, 'site-admin', 'editor'], [PA]],
    delete: [[PA, 'site-admin'], [PA]],
  },
  attachments: {
    create: [[PA, 'site-admin', 'editor'], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA, 'site-admin', 'editor'], [PA]],
    delete: [[PA, 'site-admin'], [PA]],
  },
  // Citizens' requests: the site's handlers and admins, platform staff to read; never deleted.
  'disclosure-requests': CASEWORK,
  // Targets are unpublished reports: published ones are public.
  'annual-reports': {
    create: [[PA, 'site-admin'], [PA]],
    read: [ALL_STAFF, [PA, 'auditor']],
    update: [[PA, 'site-admin'], [PA]],
    delete: [[], []],
  },
  // Platform-wide lists: no site of their own, so both columns say the same.
  'disclosure-topics': {
    create: [[PA], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA], [PA]],
    delete: [[PA], [PA]],
  },
  // A site's mailboxes are public; its admins keep them; closed, never deleted.
  mailboxes: {
    create: [[PA, 'site-admin'], [PA]],
    read: [ACTORS, ACTORS],
    update: [[PA, 'site-admin'], [PA]],
    delete: [[], []],
  },
  // Citizens' letters: like requests — the site's handlers and admins, platform staff to read.
  letters: CASEWORK,
  // Readers' error reports (the contact is personal data): like letters.
  'error-reports': CASEWORK,
  // Audit runs: the site's admins and platform staff read them; only the audit writes them.
  'site-audits': SERVER_RECORDS,
  // A retired site's URL mapping: platform admins keep it; the site's admins and auditors read.
  'url-mappings': {
    create: [[PA], [PA]],
    read: [
      [PA, 'auditor', 'site-admin'],
      [PA, 'auditor'],
    ],
    update: [[PA], [PA]],
    delete: [[PA], [PA]],
  },
  // External links' answers: platform staff and the admins of sites that use them read; only the
  // checker writes.
  'link-checks': SERVER_RECORDS,
  // Words readers searched without result: the site's admins and platform staff read them, the
  // site's admins may clear them; only the search page writes them.
  'search-misses': {
    create: [[], []],
    read: [
      [PA, 'auditor', 'site-admin'],
      [PA, 'auditor'],
    ],
    update: [[], []],
    delete: [[PA, 'site-admin'], [PA]],
  },
  // Another site's article shared into this site's column: this site's staff read it, those who
  // may publish here answer it; only the server makes or removes a share. (The origin's staff
  // read it too: tests/int/sharing.test.ts.)
  shares: {
    create: [[], []],
    read: [ALL_STAFF, [PA, 'auditor']],
    update: [[PA, 'site-admin', 'reviewer', 'signer'], [PA]],
    delete: [[], []],
  },
}

let t: Started
let siteA: Id
let siteB: Id
/** A third site: the origin of articles shared into A and B. */
let siteC: Id
let columnC: Id
const users = new Map<Actor, TestUser | undefined>()
const columns: Record<Target, Id> = { own: 0, other: 0 }
const reports: Record<Target, Id> = { own: 0, other: 0 }
const mailboxes: Record<Target, Id> = { own: 0, other: 0 }
const nextYear: Record<Target, number> = { own: 2008, other: 2008 }

const REQUEST = {
  channel: 'letter',
  applicantKind: 'natural-person',
  applicantName: '张三',
  idNumber: '11010519491231002X',
  description: '请公开本机关年度预算执行情况',
}

beforeAll(async () => {
  t = await startPayload()
  const { payload } = t
  siteA = (await makeSite(payload)).id
  siteB = (await makeSite(payload)).id
  siteC = (await makeSite(payload)).id
  columnC = (await makeColumn(payload, siteC)).id
  columns.own = (await makeColumn(payload, siteA)).id
  columns.other = (await makeColumn(payload, siteB)).id
  users.set('anonymous', undefined)
  for (const role of ['platform-admin', 'auditor'] as PlatformRole[])
    users.set(role, await makeUser(payload, { platformRoles: [role] }))
  for (const role of ['site-admin', 'editor', 'reviewer', 'signer', 'handler'] as SiteRole[]) {
    users.set(role, await makeUser(payload, { sites: [{ site: siteA, roles: [role] }] }))
  }
  for (const where of ['own', 'other'] as Target[]) {
    mailboxes[where] = (
      await payload.create({
        collection: 'mailboxes',
        data: { site: where === 'own' ? siteA : siteB, name: '局长信箱', slug: 'director' },
        overrideAccess: true,
      })
    ).id
    reports[where] = (
      await payload.create({
        collection: 'annual-reports',
        data: { site: where === 'own' ? siteA : siteB, year: 2025, section1: '总体情况' },
        overrideAccess: true,
      })
    ).id
  }
})

afterAll(async () => {
  await t?.stop()
})

/** A fresh record of the collection on the target's site, made with access off. */
async function target(collection: Collection, where: Target): Promise<Id> {
  const { payload } = t
  const site = where === 'own' ? siteA : siteB
  switch (collection) {
    case 'sites':
      return where === 'own' ? siteA : siteB
    case 'users':
      return (await makeUser(payload, { sites: [{ site, roles: ['editor'] }] })).id
    case 'columns':
      return (await makeColumn(payload, site)).id
    case 'articles':
      return (await makeArticle(payload, { site, column: columns[where], status: 'draft' })).id
    case 'media':
      return (await makeMedia(payload, site)).id
    case 'attachments':
      return (await makeAttachment(payload, site)).id
    case 'annual-reports':
      return reports[where]
    case 'mailboxes':
      return mailboxes[where]
    case 'disclosure-requests':
    case 'letters':
    case 'error-reports':
    case 'site-audits':
    case 'url-mappings':
    case 'link-checks':
    case 'search-misses':
    case 'disclosure-topics': {
      // What a create case sends (a fresh path, URL, key or name each time), made with access off.
      const { data } = await createData(collection, where)
      const made = await payload.create({ collection, data, overrideAccess: true } as Parameters<
        typeof payload.create
      >[0])
      return made.id
    }
    case 'shares': {
      // Made by the server from the origin editor's push (a draft may be shared; it shows once
      // published and accepted).
      const article = await makeArticle(payload, {
        site: siteC,
        column: columnC,
        status: 'draft',
        shareTo: [columns[where]],
      })
      const found = await payload.find({
        collection: 'shares',
        where: { article: { equals: article.id } },
        overrideAccess: true,
        depth: 0,
      })
      return found.docs[0]!.id
    }
  }
}

async function createData(collection: Collection, where: Target) {
  const site = where === 'own' ? siteA : siteB
  const n = Math.floor(Math.random() * 1e9)
  switch (collection) {
    case 'sites':
      return {
        data: {
          name: `新站点${n}`,
          slug: `n${n}`,
          siteIdCode: String(2_000_000_000 + (n % 999_999_999)).slice(0, 10),
          orgName: '机构',
          sponsor: '主办',
        },
      }
    case 'users':
      return {
        data: {
          email: `new${n}@test.jiyue`,
          name: '新用户',
          password: 'Test-Password-1',
          sites: [{ site, roles: ['editor'] }],
        },
      }
    case 'columns':
      return { data: { site, name: '新栏目', slug: `x${n}`, updateClass: 'news' } }
    case 'articles':
      return {
        data: { site, title: '新信息', columns: [columns[where]], state: 'draft' },
      }
    case 'media': {
      const data = await pngBytes()
      return {
        data: { site, alt: '图' },
        file: { data, mimetype: 'image/png', name: `m${n}.png`, size: data.length },
      }
    }
    case 'attachments': {
      const data = pdfBytes()
      return {
        data: { site, title: '附件' },
        file: { data, mimetype: 'application/pdf', name: `a${n}.pdf`, size: data.length },
      }
    }
    case 'disclosure-requests':
      return { data: { site, ...REQUEST } }
    case 'annual-reports':
      return { data: { site, year: nextYear[where]++, section1: '总体情况' } }
    case 'disclosure-topics':
      return { data: { name: `主题${n}` } }
    case 'mailboxes':
      return { data: { site, name: '新信箱', slug: `box${n}` } }
    case 'letters':
      return { data: { site, mailbox: mailboxes[where], ...PAPER_LETTER } }
    case 'error-reports':
      return { data: { site, ...ERROR_REPORT } }
    case 'site-audits':
      return { data: { site, ...SITE_AUDIT } }
    case 'url-mappings':
      return { data: { site, toSite: site, ...URL_MAPPING, fromPath: `/old${n}/` } }
    case 'link-checks':
      return { data: { sites: [site], ...LINK_CHECK, url: `https://n${n}.example/` } }
    case 'search-misses':
      return { data: { site, ...SEARCH_MISS, key: `${site}:${n}` } }
    case 'shares':
      return { data: { site, column: columns[where], status: 'accepted', title: '共享' } }
  }
}

const SEARCH_MISS = { query: '无人机', count: 1, lastAt: '2026-12-03T02:00:00.000Z' }

const LINK_CHECK = {
  host: 'x.example',
  status: 'dead',
  httpStatus: 404,
  checkedAt: '2026-12-03T17:00:00.000Z',
}

const URL_MAPPING = { match: 'exact', status: '301', toPath: '/' }

const SITE_AUDIT = { ranAt: '2026-12-03T02:00:00.000Z', status: 'pass', items: [] }

const ERROR_REPORT = {
  url: 'http://t.localhost/tzgg/',
  type: 'typo',
  description: '标题中有错别字。',
  contact: '13812345678',
}

const UPDATES: Record<Collection, Record<string, unknown>> = {
  sites: { sponsor: '改过的主办单位' },
  users: { name: '改过的姓名' },
  columns: { name: '改过的栏目' },
  articles: { summary: '改过的摘要' },
  media: { alt: '改过的替代文本' },
  attachments: { title: '改过的附件名' },
  'disclosure-requests': { description: '改过的申请内容描述' },
  'annual-reports': { section5: '改过的问题与改进' },
  'disclosure-topics': { order: 7 },
  mailboxes: { intro: '改过的信箱说明' },
  letters: { content: '改过的来信内容，足够长的一段话。' },
  'error-reports': { description: '改过的错误描述' },
  'site-audits': { status: 'fail' },
  'url-mappings': { toPath: '/tzgg/' },
  'link-checks': { status: 'ok' },
  'search-misses': { count: 99 },
  shares: { status: 'declined', declineReason: '与本栏目无关' },
}

/** Runs the operation as the actor; true when it went through, false when access refused it. */
async function attempt(
  actor: Actor,
  collection: Collection,
  op: Op,
  where: Target,
): Promise<boolean> {
  const { payload } = t
  const user = users.get(actor)
  const as = { user, overrideAccess: false, depth: 0 } as const
  try {
    if (op === 'create') {
      const args = await createData(collection, where)
      await payload.create({ collection, ...as, ...(args as object) } as Parameters<
        typeof payload.create
      >[0])
      return true
    }
    const id = await target(collection, where)
    if (op === 'read') {
      await payload.findByID({ collection, id, ...as, draft: collection === 'articles' })
      return true
    }
    if (op === 'update') {
      const res = await payload.update({ collection, id, data: UPDATES[collection], ...as })
      return Boolean(res)
    }
    await payload.delete({ collection, id, ...as })
    return true
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 403 || status === 404 || status === 401) return false
    throw err
  }
}

const cases: [Collection, Op, Target, Actor, boolean][] = []
for (const collection of Object.keys(EXPECT) as Collection[]) {
  for (const op of ['create', 'read', 'update', 'delete'] as Op[]) {
    for (const [i, where] of (['own', 'other'] as Target[]).entries()) {
      for (const actor of ACTORS)
        cases.push([collection, op, where, actor, EXPECT[collection][op][i].includes(actor)])
    }
  }
}

describe(`access matrix on ${testDb()}`, () => {
  it.each(cases)(
    '%s %s on %s site as %s → allowed: %s',
    async (collection, op, where, actor, allowed) => {
      expect(await attempt(actor, collection, op, where)).toBe(allowed)
    },
  )
})

describe(`access details on ${testDb()}`, () => {
  it('shows published articles of any site to anyone, but drafts only to staff of the site', async () => {
    const { payload } = t
    const pub = await makeArticle(payload, { site: siteB, column: columns.other })
    const draft = await makeArticle(payload, {
      site: siteB,
      column: columns.other,
      status: 'draft',
    })
    const anon = await payload.find({
      collection: 'articles',
      where: { id: { in: [pub.id, draft.id] } },
      overrideAccess: false,
    })
    expect(anon.docs.map((d) => d.id)).toEqual([pub.id])
    const asDraft = await payload.find({
      collection: 'articles',
      where: { id: { in: [pub.id, draft.id] } },
      overrideAccess: false,
      draft: true,
    })
    expect(asDraft.docs.map((d) => d.id)).toEqual([pub.id])
    for (const state of ['submitted', 'signed', 'scheduled', 'unpublished']) {
      await payload.update({
        collection: 'articles',
        id: draft.id,
        data: { state },
        overrideAccess: true,
        context: { seeding: true },
      })
      const seen = await payload.find({
        collection: 'articles',
        where: { id: { equals: draft.id } },
        overrideAccess: false,
      })
      expect(seen.docs, state).toEqual([])
    }
  })

  it('does not let a site admin change a site’s slug, status or domains', async () => {
    const { payload } = t
    const before = await payload.findByID({ collection: 'sites', id: siteA, overrideAccess: true })
    await payload.update({
      collection: 'sites',
      id: siteA,
      data: {
        slug: 'hijacked',
        status: 'closed',
        domains: [{ domain: 'evil.example.com' }],
        sponsor: '新主办',
      },
      user: users.get('site-admin'),
      overrideAccess: false,
    })
    const after = await payload.findByID({ collection: 'sites', id: siteA, overrideAccess: true })
    expect(after.slug).toBe(before.slug)
    expect(after.status).toBe(before.status)
    expect(after.domains).toEqual(before.domains)
    expect(after.sponsor).toBe('新主办')
  })

  it('refuses a site admin who grants roles on another site or platform roles', async () => {
    const { payload } = t
    const user = users.get('site-admin')
    const mine = await makeUser(payload, { sites: [{ site: siteA, roles: ['editor'] }] })
    await expect(
      payload.update({
        collection: 'users',
        id: mine.id,
        data: {
          sites: [
            { site: siteA, roles: ['editor'] },
            { site: siteB, roles: ['site-admin'] },
          ],
        },
        user,
        overrideAccess: false,
      }),
    ).rejects.toThrow('只能为自己管理的站点分配或撤销角色')
    await expect(
      payload.update({
        collection: 'users',
        id: mine.id,
        data: { platformRoles: ['platform-admin'] },
        user,
        overrideAccess: false,
      }),
    ).rejects.toThrow('只有平台管理员可以设置平台角色')
    const ok = await payload.update({
      collection: 'users',
      id: mine.id,
      data: { sites: [{ site: siteA, roles: ['editor', 'reviewer'] }] },
      user,
      overrideAccess: false,
    })
    expect(ok.sites?.[0]?.roles).toEqual(['editor', 'reviewer'])
  })

  it('does not let people raise their own roles', async () => {
    const { payload } = t
    const editor = users.get('editor')!
    await expect(
      payload.update({
        collection: 'users',
        id: editor.id,
        data: { sites: [{ site: siteA, roles: ['site-admin'] }] },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow('只能为自己管理的站点分配或撤销角色')
  })

  it('lets one person hold different roles on different sites', async () => {
    const { payload } = t
    const both = await makeUser(payload, {
      sites: [
        { site: siteA, roles: ['editor'] },
        { site: siteB, roles: ['site-admin'] },
      ],
    })
    await expect(
      payload.create({
        collection: 'columns',
        data: { site: siteA, name: 'x', slug: `y${Date.now()}` },
        user: both,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const col = await payload.create({
      collection: 'columns',
      data: { site: siteB, name: 'x', slug: `z${Date.now()}` },
      user: both,
      overrideAccess: false,
    })
    expect(col.id).toBeTruthy()
    const art = await payload.create({
      collection: 'articles',
      data: { site: siteA, title: '两站之人', columns: [columns.own], state: 'draft' },
      user: both,
      overrideAccess: false,
    })
    expect(art.id).toBeTruthy()
  })

  it('never returns password hashes, salts or reset tokens', async () => {
    const { payload } = t
    const res = await payload.find({
      collection: 'users',
      user: users.get('platform-admin'),
      overrideAccess: false,
      limit: 5,
    })
    for (const u of res.docs as Record<string, unknown>[]) {
      expect(u.hash).toBeUndefined()
      expect(u.salt).toBeUndefined()
      expect(u.resetPasswordToken).toBeUndefined()
    }
  })
})
