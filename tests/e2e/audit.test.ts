// 网站体检 in the admin, on the demo platform as `npm start` makes it: the overview of every site
// with its outcome and countdown, a site's evidence, a run on demand; the site admin sees only
// their own site. Screenshots at desktop and tablet widths.
import { describe, expect, it } from 'vitest'

import { adminLogin, fullServerAndBrowser, screenshot } from '../helpers/browser'

const e2e = fullServerAndBrowser()
const loggedIn = (email: string, width = 1366) =>
  adminLogin({ server: e2e.server(), browser: e2e.browser() }, email, width)

describe('网站体检', () => {
  it('the platform admin sees every site audited on the first start, opens one, and runs it again', async () => {
    const { page, context } = await loggedIn('platform@demo.jiyue')
    // The navigation links to the page (the menu may be folded away at this width).
    expect(await page.locator('a.nav__link[href="/admin/audit"]').count()).toBe(1)
    await page.goto(`${e2e.server().url}/admin/audit`)
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
    await admin.page.goto(`${e2e.server().url}/admin/audit`)
    const rows = admin.page.locator('.site-audit table tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.innerText()).toContain('青川市教育局')
    await admin.context.close()

    const editor = await loggedIn('editor@jyj.demo.jiyue')
    await editor.page.goto(`${e2e.server().url}/admin/audit`)
    await editor.page.getByText('网站体检只对站点管理员、监管员和平台管理员开放').waitFor()
    await editor.context.close()
  })
})
