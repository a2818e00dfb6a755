// 网站体检 in the admin, on the demo platform as `npm start` makes it: the overview of every site
// with its outcome and countdown, a site's evidence, a run on demand; the site admin sees only
// their own site. Screenshots at desktop and tablet widths.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  DEMO_PASSWORD,
  type FullServer,
  launchBrowser,
  screenshot,
  startFullServer,
} from '../helpers/browser'

let server: FullServer
let browser: Browser

beforeAll(async () => {
  server = await startFullServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function loggedIn(email: string, width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await page.locator('section.my-queue').waitFor({ timeout: 60_000 })
  return { page, context }
}

describe('网站体检', () => {
  it('the platform admin sees every site audited on the first start, opens one, and runs it again', async () => {
    const { page, context } = await loggedIn('platform@demo.jiyue')
    // The navigation links to the page (the menu may be folded away at this width).
    expect(await page.locator('a.nav__link[href="/admin/audit"]').count()).toBe(1)
    await page.goto(`${server.url}/admin/audit`)
    await page.locator('h1', { hasText: '网站体检' }).waitFor()
    const rows = page.locator('.site-audit table tbody tr')
    await expect.poll(() => rows.count()).toBe(4)
    const text = await page.locator('.site-audit').innerText()
    expect(text).toContain('青川市人民政府')
    expect(text).toMatch(/不合格|预警|合格/)
    await screenshot(page, 'admin-audit-overview')

    await page.getByRole('link', { name: '青川市发展和改革委员会' }).click()
    await page.locator('h1', { hasText: '网站体检' }).waitFor()
    const detail = await page.locator('.site-audit').innerText()
    for (const label of ['站点无法访问', '首页不更新', '栏目不更新', '互动回应差'])
      expect(detail).toContain(label)
    await screenshot(page, 'admin-audit-site')

    const before = await page.locator('.site-audit table').nth(1).locator('tbody tr').count()
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/site-audits/run')),
      page.getByRole('button', { name: '立即体检' }).click(),
    ])
    expect(posted.status(), await posted.text().catch(() => '')).toBe(303)
    await page.waitForLoadState('load')
    await expect
      .poll(() => page.locator('.site-audit table').nth(1).locator('tbody tr').count())
      .toBe(before === 0 ? 2 : before + 1)
    await page.setViewportSize({ width: 768, height: 1024 })
    await screenshot(page, 'admin-audit-site-tablet')
    await context.close()
  })

  it('a site admin sees only their own site, and an editor is told the page is not theirs', async () => {
    const admin = await loggedIn('admin@jyj.demo.jiyue')
    await admin.page.goto(`${server.url}/admin/audit`)
    const rows = admin.page.locator('.site-audit table tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.innerText()).toContain('青川市教育局')
    await admin.context.close()

    const editor = await loggedIn('editor@jyj.demo.jiyue')
    await editor.page.goto(`${server.url}/admin/audit`)
    await editor.page.getByText('网站体检只对站点管理员、监管员和平台管理员开放').waitFor()
    await editor.context.close()
  })
})
