// Share once, show everywhere, over HTTP on the demo platform: the portal's 部门动态 subscribes to
// the departments' 工作动态; the 发改委 pushed a policy document to the portal's 政策文件, where
// it waits. Lists of the receiving site link to the one page on the origin; a publish and a
// withdrawal at the origin reach the receiving lists at once; the catalogue counts it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Id, makeUser, moveArticle, type TestUser } from '../helpers/fixtures'
import { get, startServer, type TestServer } from '../helpers/server'

let s: TestServer
const www = { host: 'www.localhost' }
const fgw = { host: 'fgw.localhost' }
const sites = new Map<string, Id>()
let fgwNews: Id
let admin: TestUser

const columnAt = async (site: string, path: string): Promise<Id> =>
  (
    await s.payload.find({
      collection: 'columns',
      where: { and: [{ site: { equals: sites.get(site) } }, { path: { equals: path } }] },
      overrideAccess: true,
      depth: 0,
    })
  ).docs[0]!.id

/** How many links a page holds to an article's page (a catalogue's rows). */
const linksTo = (html: string, id: Id) => html.split(`/${id}.html"`).length - 1

beforeAll(async () => {
  s = await startServer({ seed: true })
  const all = await s.payload.find({ collection: 'sites', limit: 0, overrideAccess: true })
  for (const site of all.docs as { id: Id; slug: string }[]) sites.set(site.slug, site.id)
  fgwNews = await columnAt('fgw', 'gzdt')
  admin = await makeUser(s.payload, { sites: [{ site: sites.get('fgw')!, roles: ['site-admin'] }] })
}, 180_000)
afterAll(async () => s?.close())

describe('a receiving column', () => {
  it('lists the departments’ news with their site’s name, each linking to its one page', async () => {
    const list = await get(s, '/xwzx/bmdt/', www)
    expect(list.status).toBe(200)
    const links = [
      ...list.text.matchAll(
        /<a class="article-item-title" href="(http:\/\/(fgw|jyj|wjw)\.localhost:\d+\/[^"]+)">/g,
      ),
    ]
    expect(links.length).toBeGreaterThan(2)
    expect(list.text).toContain('来源：青川市发展和改革委员会')
    // The link is the origin's page, and the origin answers it.
    const url = new URL(links[0]![1]!)
    const page = await get(s, url.pathname, { host: url.hostname })
    expect(page.status).toBe(200)
    // The article has no second page under the portal.
    const id = /\/(\d+)\.html$/.exec(url.pathname)![1]
    expect((await get(s, `/xwzx/bmdt/${id}.html`, www)).status).toBe(404)
    // The home's 部门动态 block shows them too.
    const home = await get(s, '/', www)
    expect(home.text).toMatch(
      /href="http:\/\/(fgw|jyj|wjw)\.localhost:\d+\/(jydt\/)?gzdt\/\d+\.html"/,
    )
  })

  it('shows a new publish at the origin on the next request, and drops a withdrawal at once', async () => {
    const title = '市发展改革委召开全市节能降碳工作推进会'
    // Both lists are cached first, once the earlier tests' purges have come back.
    await s.purgesSettled()
    await get(s, '/xwzx/bmdt/', www)
    expect((await get(s, '/xwzx/bmdt/', www)).headers.get('x-cache')).toBe('HIT')
    await get(s, '/', www)
    expect((await get(s, '/', www)).headers.get('x-cache')).toBe('HIT')
    const a = await s.payload.create({
      collection: 'articles',
      overrideAccess: true,
      context: { seeding: true },
      data: {
        site: sites.get('fgw'),
        columns: [fgwNews],
        title,
        state: 'published',
        publishedAt: new Date().toISOString(),
      } as never,
    })
    const list = await get(s, '/xwzx/bmdt/', www)
    expect(list.headers.get('x-cache')).toBe('MISS')
    expect(list.text).toMatch(
      new RegExp(`href="http://fgw\\.localhost:\\d+/gzdt/${a.id}\\.html">${title}</a>`),
    )
    // The home's 部门动态 block shows pictures here (this item has none): it is made again.
    expect((await get(s, '/', www)).headers.get('x-cache')).toBe('MISS')

    await moveArticle(s.payload, a.id, admin, 'withdrawn', { workflowReason: '会议延期' })
    expect((await get(s, '/xwzx/bmdt/', www)).text).not.toContain(title)
    expect((await get(s, '/', www)).headers.get('x-cache')).toBe('MISS')
    expect((await get(s, '/gzdt/', fgw)).text).not.toContain(title)
  })
})

describe('a pushed document waiting for the receiving site', () => {
  it('shows only once its reviewer accepts it, and the catalogue counts it once', async () => {
    const policy = await columnAt('www', 'zfxxgk/zcwj')
    const [share] = (
      await s.payload.find({
        collection: 'shares',
        where: { column: { equals: policy } },
        overrideAccess: true,
        depth: 1,
      })
    ).docs as unknown as { id: Id; status: string; title: string; article: { id: Id } }[]
    expect(share?.status).toBe('pending')
    const title = share!.title
    expect((await get(s, '/zfxxgk/zcwj/', www)).text).not.toContain(title)

    const reviewer = await makeUser(s.payload, {
      sites: [{ site: sites.get('www')!, roles: ['reviewer'] }],
    })
    // As the admin's form sends it (the REST API runs the same access and hooks).
    await s.payload.update({
      collection: 'shares',
      id: share!.id,
      data: { status: 'accepted' },
      user: reviewer,
      overrideAccess: false,
    })

    const list = await get(s, '/zfxxgk/zcwj/', www)
    expect(list.text).toContain(title)
    expect(list.text).toMatch(/href="http:\/\/fgw\.localhost:\d+\/zfxxgk\/zcwj\/\d+\.html"/)
    // The portal's catalogue takes in the departments' documents: this one once, as the 发改委's.
    const catalogue = await get(s, `/xxgk/?q=${encodeURIComponent(title)}`, www)
    expect(linksTo(catalogue.text, share!.article.id)).toBe(1)
    const own = await get(s, `/xxgk/?q=${encodeURIComponent(title)}`, fgw)
    expect(linksTo(own.text, share!.article.id)).toBe(1)
  })
})
