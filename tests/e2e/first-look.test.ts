// What a newcomer sees first, on desktop and on a phone, with the demo platform as `npm start`
// makes it: the portal and a department (masthead with emblem and search, the folded phone
// menu, 政务服务 and 互动交流 entries, picture news, leader pages, the 党政机关 mark), an
// article, the request form; the admin's login page, dashboard and an article in review.
// Screenshots land in tests/e2e/screenshots/ as <page>-desktop.png and <page>-phone.png.
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import {
  adminLogin,
  formatViolations,
  fullServerAndBrowser,
  runAxe,
  screenshot,
  signIn,
} from '../helpers/browser'

const e2e = fullServerAndBrowser()

// bypassCSP: axe-core is injected as a script, which the sites' CSP (script-src 'self') forbids.
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 }, bypassCSP: true },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true },
} as const
type Device = keyof typeof DEVICES

async function open(device: Device): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser().newContext(DEVICES[device])
  return { context, page: await context.newPage() }
}

describe('the public sites at first look', () => {
  for (const device of Object.keys(DEVICES) as Device[]) {
    it(`portal and department homes, an article and the request form on a ${device}`, async () => {
      const { context, page } = await open(device)
      for (const [name, url] of [
        ['www-home', `${e2e.server().site('www')}/`],
        ['fgw-home', `${e2e.server().site('fgw')}/`],
      ] as const) {
        await page.goto(url)
        // The masthead: the emblem before the name, and a labelled search box.
        await expect.poll(() => page.locator('.brand-emblem').count()).toBe(1)
        expect(await page.getByLabel('站内搜索', { exact: true }).count()).toBe(1)
        // 政务服务 and 互动交流 entries, and the 党政机关 mark in the footer.
        expect(await page.locator('#entries-service').innerText()).toBe('政务服务')
        expect(await page.locator('#entries-interaction').innerText()).toBe('互动交流')
        expect(await page.getByAltText('党政机关网站标识').count()).toBe(1)
        await screenshot(page, `${name}-${device}`)
      }

      // An article, from the portal's first column block.
      await page.goto(`${e2e.server().site('www')}/`)
      const first = page.locator('.block .news-list a').first()
      const href = await first.getAttribute('href')
      await page.goto(`${e2e.server().site('www')}${href}`)
      await page.locator('.article-title, h1').first().waitFor()
      await screenshot(page, `www-article-${device}`)

      await page.goto(`${e2e.server().site('fgw')}/ysqgk/`)
      await page.locator('form.request-form').waitFor()
      await screenshot(page, `fgw-ysqgk-${device}`)
      await context.close()
    })
  }

  it('on a phone the navigation is one button that opens the menu, with no WCAG violations', async () => {
    const { context, page } = await open('phone')
    await page.goto(`${e2e.server().site('www')}/`)
    const toggle = page.getByRole('button', { name: '栏目导航' })
    await toggle.waitFor()
    const list = page.locator('#mainnav-list')
    expect(await list.isVisible()).toBe(false)
    // Folded, the navigation takes one row of the first screen, not three.
    const navHeight = await page
      .locator('.mainnav')
      .evaluate((n) => n.getBoundingClientRect().height)
    expect(navHeight).toBeLessThan(60)
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await list.isVisible()).toBe(true)
    await screenshot(page, 'www-home-phone-menu-open')
    const violations = await runAxe(page)
    expect(violations, formatViolations(violations)).toEqual([])
    await context.close()
  })

  it('政府信息公开 in the navigation opens the disclosure platform, which lists the section', async () => {
    const { context, page } = await open('desktop')
    await page.goto(`${e2e.server().site('www')}/`)
    await page.locator('.mainnav').getByRole('link', { name: '政府信息公开' }).click()
    await page.waitForURL((u) => u.pathname === '/xxgk/')
    const menu = await page.locator('nav.subnav').innerText()
    for (const entry of ['公开目录', '公开指南', '依申请公开', '年度报告', '政策文件']) {
      expect(menu).toContain(entry)
    }
    await context.close()
  })

  it("a leader's name on the home page leads to the leader's page", async () => {
    const { context, page } = await open('desktop')
    await page.goto(`${e2e.server().site('www')}/`)
    await page.locator('.leaders a').first().click()
    await page.waitForURL((u) => u.pathname === '/ld/1.html')
    expect(await page.locator('h1').innerText()).toBe('林永康')
    const body = await page.locator('.leader-page').innerText()
    expect(body).toContain('市长')
    expect(body).toContain('简历')
    await screenshot(page, 'www-leader-desktop')
    const violations = await runAxe(page)
    expect(violations, formatViolations(violations)).toEqual([])
    await context.close()
  })

  it('picture news shows pictures, each a different scene', async () => {
    const { context, page } = await open('desktop')
    await page.goto(`${e2e.server().site('www')}/`)
    const lists = page.locator('.picture-list')
    await expect.poll(() => lists.count()).toBeGreaterThanOrEqual(1)
    for (const list of await lists.all()) {
      const sources = await list
        .locator('img')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))
      expect(sources.length).toBeGreaterThanOrEqual(2)
      expect(new Set(sources).size).toBe(sources.length)
    }
    await context.close()
  })
})

describe('the admin at first look', () => {
  for (const device of Object.keys(DEVICES) as Device[]) {
    it(`login page, dashboard and an article in review on a ${device}`, async () => {
      const { context, page } = await open(device)
      await page.goto(`${e2e.server().url}/admin/login`)
      await page.locator('input[name="email"]').waitFor()
      // The platform's own name and emblem, in Chinese; nothing of Payload's.
      const body = await page.locator('body').innerText()
      expect(body).toContain('青川市政府网站集约化平台')
      expect(body).not.toMatch(/payload/i)
      expect(await page.title()).toContain('政府网站集约化平台')
      await screenshot(page, `admin-login-${device}`)

      const queue = await signIn(page, 'reviewer@fgw.demo.jiyue')
      expect(await queue.innerText()).toContain('送审稿')
      await screenshot(page, `admin-dashboard-${device}`)

      await queue
        .getByRole('link', { name: /送审稿/ })
        .first()
        .click()
      // The workflow panel is there with the page: its buttons, what signing still needs, 预览.
      const approve = page.getByRole('button', { name: '审核通过' })
      await approve.waitFor({ timeout: 30_000 })
      const panel = page.locator('.workflow-panel')
      await expect.poll(() => panel.innerText()).toContain('签发要求：签发前须填写发文机关')
      expect(await panel.getByRole('link', { name: /预览/ }).count()).toBe(1)
      // No API tab for a reviewer.
      expect(await page.getByRole('link', { name: 'API', exact: true }).count()).toBe(0)
      await screenshot(page, `admin-article-in-review-${device}`)

      // The history row reads as a sentence with a person's name.
      // The collapsible's toggle lies over its label: a click on the label goes to it.
      await page.getByText('流程记录', { exact: true }).first().click({ force: true })
      await expect
        .poll(() => page.locator('body').innerText())
        .toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} [\u4e00-\u9fff]{2,4} 提交审核/)
      await context.close()
    })
  }

  it('the reviewer opens 预览 and sees the page as its site will show it', async () => {
    const { context, page } = await adminLogin(
      { server: e2e.server(), browser: e2e.browser() },
      'reviewer@fgw.demo.jiyue',
      DEVICES.desktop.viewport.width,
    )
    const queue = page.locator('section.my-queue')
    const href = await queue
      .getByRole('link', { name: /送审稿/ })
      .first()
      .getAttribute('href')
    const id = /articles\/(\w+)/.exec(href ?? '')![1]
    await page.goto(`${e2e.server().url}/preview/articles/${id}`)
    expect(await page.locator('.preview-banner').innerText()).toContain('尚未公开发布')
    expect(await page.locator('.brand-name').innerText()).toBe('青川市发展和改革委员会')
    await screenshot(page, 'admin-preview-desktop')
    await context.close()
  })
})
