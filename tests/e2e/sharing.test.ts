// 共享稿件 in the admin, on the demo as `npm start` makes it: the 发改委 has pushed its newest
// policy document to the portal's 政策文件. The portal's reviewer finds it in 待我处理, opens it,
// accepts it and saves; the portal's 政策文件 then lists it, linking to its one page on the
// 发改委's site; the 发改委's editor reads on the article how the portal answered.
import { describe, expect, it } from 'vitest'

import { adminLogin, fullServerAndBrowser, screenshot } from '../helpers/browser'

const e2e = fullServerAndBrowser()
const login = (email: string) => adminLogin({ server: e2e.server(), browser: e2e.browser() }, email)

describe('共享稿件', () => {
  it('the receiving reviewer accepts from 待我处理; the list links to the origin; the origin sees it', async () => {
    const server = e2e.server()
    const { context, page } = await login('reviewer@www.demo.jiyue')
    const item = page.locator('section.my-queue tr', { hasText: '其他站点共享的稿件，待接收' })
    await item.first().waitFor()
    const title = (await item.first().locator('a').first().innerText()).trim()
    await item.first().locator('a').first().click()
    await page.locator('h1', { hasText: title.slice(0, 10) }).waitFor({ timeout: 60_000 })
    // Where it comes from and where it goes, shown read-only.
    await page.locator('#field-column', { hasText: '政策文件' }).waitFor({ timeout: 30_000 })
    await page.locator('#field-originSite', { hasText: '发展和改革' }).waitFor()
    await screenshot(page, 'admin-share-pending')
    const id = /\/shares\/(\w+)/.exec(page.url())?.[1]

    await page.locator('#field-status .rs__control').click()
    await page.locator('.rs__option', { hasText: '已接收' }).first().click()
    await page.locator('#action-save').click()
    await page.waitForFunction(
      async (id) => {
        const r = await fetch(`/api/shares/${id}?depth=0`)
        return (await r.json()).status === 'accepted'
      },
      id,
      { timeout: 60_000, polling: 500 },
    )
    await screenshot(page, 'admin-share-accepted')

    // The portal's 政策文件 lists it, linking to its page on the 发改委's site.
    const site = await context.newPage()
    await site.goto(`http://www.localhost:${server.port}/zfxxgk/zcwj/`)
    const link = site.locator('a.article-item-title', { hasText: title.slice(0, 10) })
    await link.waitFor()
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(`^http://fgw\\.localhost:${server.port}/zfxxgk/zcwj/\\d+\\.html$`),
    )
    await link.click()
    await site.locator('h1', { hasText: title.slice(0, 10) }).waitFor()
    expect(new URL(site.url()).host).toBe(`fgw.localhost:${server.port}`)
    await context.close()

    // The origin's editor reads how each receiving site answered, on the article itself.
    const origin = await login('editor@fgw.demo.jiyue')
    const article = /\/(\d+)\.html$/.exec(new URL(site.url()).pathname)?.[1]
    await origin.page.goto(`${server.url}/admin/collections/articles/${article}`)
    const rows = origin.page.locator('.field-type.join', { hasText: '共享情况' })
    await rows.waitFor({ timeout: 60_000 })
    await expect.poll(async () => rows.innerText(), { timeout: 30_000 }).toContain('已接收')
    await screenshot(origin.page, 'admin-share-origin')
    await origin.context.close()
  })
})
