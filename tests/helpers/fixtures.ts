// Builders for tests: sites, people with roles, columns, articles and files.
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import sharp from 'sharp'

import type { PlatformRole, SiteRole } from '../../src/domain/permissions'
import { demoPdf } from '../../src/seed/files'
import { paragraphsToLexical } from '../../src/seed/lexical'

const ctx = { seeding: true }
let n = 0
const next = () => ++n + Math.floor(Math.random() * 1000) * 1000

export type Id = string | number
export type TestUser = {
  id: Id
  email: string
  name: string
  collection: 'users'
  platformRoles?: PlatformRole[]
  sites?: { site: Id; roles: SiteRole[] }[]
}

export async function makeSite(payload: Payload, over: Record<string, unknown> = {}) {
  const i = next()
  return payload.create({
    collection: 'sites',
    overrideAccess: true,
    context: ctx,
    data: {
      name: `测试站点${i}`,
      slug: `t${i}`,
      kind: 'department',
      theme: 'department',
      siteIdCode: String(1_000_000_000 + i).slice(0, 10),
      orgName: `测试机构${i}`,
      orgCode: String(100_000_000 + (i % 900_000_000)).slice(0, 9),
      sponsor: `测试主办单位${i}`,
      ...over,
    },
  })
}

export async function makeUser(
  payload: Payload,
  {
    platformRoles,
    sites,
  }: { platformRoles?: PlatformRole[]; sites?: { site: Id; roles: SiteRole[] }[] },
): Promise<TestUser> {
  const i = next()
  const email = `u${i}-${crypto.randomBytes(3).toString('hex')}@test.jiyue`
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    context: ctx,
    data: { email, name: `测试用户${i}`, password: 'Test-Password-1', platformRoles, sites },
  })
  return { ...(user as unknown as TestUser), collection: 'users' }
}

export async function makeColumn(payload: Payload, site: Id, over: Record<string, unknown> = {}) {
  const i = next()
  return payload.create({
    collection: 'columns',
    overrideAccess: true,
    context: ctx,
    data: { site, name: `栏目${i}`, slug: `c${i}`, updateClass: 'news', ...over },
  })
}

export async function makeArticle(
  payload: Payload,
  {
    site,
    column,
    status = 'published',
    ...over
  }: { site: Id; column: Id; status?: string } & Record<string, unknown>,
) {
  const i = next()
  return payload.create({
    collection: 'articles',
    overrideAccess: true,
    context: ctx,
    data: {
      site,
      columns: [column],
      title: `测试信息${i}`,
      summary: `摘要${i}`,
      body: paragraphsToLexical([`正文第一段${i}`]),
      state: status,
      ...over,
    },
  })
}

/** A workflow move made by a person through the Local API, as the admin makes it. */
export const moveArticle = (
  payload: Payload,
  id: Id,
  user: TestUser,
  state: string,
  extra: Record<string, unknown> = {},
) =>
  payload.update({
    collection: 'articles',
    id,
    data: { state, ...extra },
    user,
    overrideAccess: false,
  })

/** Published now by the platform (as the seed or the publishing clock moves it), access off. */
export const publishNow = (payload: Payload, id: Id) =>
  payload.update({
    collection: 'articles',
    id,
    data: { state: 'published', publishedAt: new Date().toISOString() },
    overrideAccess: true,
    context: ctx,
  })

/** A paper letter as a handler registers it (add its site and mailbox). */
export const PAPER_LETTER = {
  channel: 'letter',
  subject: '来信标题',
  category: 'consult',
  content: '这是一封纸质来信的内容，由办理人员登记。',
  writerName: '李四',
  phone: '13800000000',
}

export const pngBytes = (width = 40, height = 30): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: '#1f5fa8' } })
    .png()
    .toBuffer()

export const pdfBytes = (): Buffer => demoPdf(['test document'])

export async function makeMedia(payload: Payload, site: Id) {
  const data = await pngBytes()
  return payload.create({
    collection: 'media',
    overrideAccess: true,
    context: ctx,
    data: { site, alt: '测试图片' },
    file: { data, mimetype: 'image/png', name: `img-${next()}.png`, size: data.length },
  })
}

export async function makeAttachment(payload: Payload, site: Id) {
  const data = pdfBytes()
  return payload.create({
    collection: 'attachments',
    overrideAccess: true,
    context: ctx,
    data: { site, title: '测试附件' },
    file: { data, mimetype: 'application/pdf', name: `doc-${next()}.pdf`, size: data.length },
  })
}

/** A Lexical body of one paragraph of links (`text` is each link's words). */
export const linksBody = (urls: string[], text = '链接') => ({
  root: {
    type: 'root',
    version: 1,
    children: [
      {
        type: 'paragraph',
        version: 1,
        children: urls.map((url) => ({
          type: 'link',
          version: 3,
          fields: { url, linkType: 'custom' },
          children: [{ type: 'text', text, version: 1 }],
        })),
      },
    ],
  },
})
