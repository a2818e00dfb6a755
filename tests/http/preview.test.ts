// 预览 over HTTP: staff who may read an article see it with its site's real template and a
// banner, whatever its state; nobody else sees anything of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeArticle, makeColumn, makeSite, makeUser, type TestUser } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'

let s: TestServer
let draftId: string | number
let siteHost: string
let editor: TestUser
let stranger: TestUser

const token = async (user: TestUser) =>
  (
    await s.payload.login({
      collection: 'users',
      data: { email: user.email, password: 'Test-Password-1' },
    })
  ).token!

beforeAll(async () => {
  s = await startServer()
  const site = await makeSite(s.payload, { name: '预览测试局', orgCode: '123456789' })
  siteHost = `${site.slug}.localhost`
  const other = await makeSite(s.payload)
  const column = await makeColumn(s.payload, site.id, { name: '通知公告', slug: 'tzgg' })
  draftId = (
    await makeArticle(s.payload, {
      site: site.id,
      column: column.id,
      status: 'submitted',
      title: '关于送审稿的预览',
    })
  ).id
  editor = await makeUser(s.payload, { sites: [{ site: site.id, roles: ['editor'] }] })
  stranger = await makeUser(s.payload, { sites: [{ site: other.id, roles: ['editor'] }] })
})
afterAll(async () => s?.close())

const preview = async (user?: TestUser) =>
  get(s, `/preview/articles/${draftId}`, {
    host: `localhost:${s.port}`,
    headers: user ? { authorization: `JWT ${await token(user)}` } : {},
  })

describe('预览', () => {
  it("renders an article in review with its site's template and a banner, never cached", async () => {
    const res = await preview(editor)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.text).toContain('class="preview-banner"')
    expect(res.text).toContain('此稿件目前为“待审核”，尚未公开发布')
    expect(res.text).toContain('关于送审稿的预览')
    expect(res.text).toContain('预览测试局') // the site's own masthead and footer
    expect(res.text).toContain('<meta name="robots" content="noindex, nofollow">')
  })

  it('shows nothing to a visitor or to staff of another site', async () => {
    const anonymous = await preview()
    expect(anonymous.status).toBe(401)
    expect(anonymous.text).not.toContain('关于送审稿的预览')
    const other = await preview(stranger)
    expect(other.status).toBe(404)
    expect(other.text).not.toContain('关于送审稿的预览')
  })

  it('the public site still answers 404 for the unpublished article', async () => {
    const res = await get(s, `/tzgg/${draftId}.html`, { host: siteHost })
    expect(res.status).toBe(404)
    expect(res.text).toContain('预览测试局') // the site's own 404 page
    expect(res.text).not.toContain('关于送审稿的预览')
  })
})
