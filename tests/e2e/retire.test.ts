// 关停与整合 in the admin, on the demo as `npm start` makes it: the platform admin previews merging
// 教育局 into 发改委 (counts, each column's fate, the URL mapping), is stopped until they confirm,
// archives one column by choice, confirms, and reads the outcome — the same counts before and
// after and every old address checked. Then an old address answers in the browser as mapped.
import { describe, expect, it } from 'vitest'

import { adminLogin, fullServerAndBrowser, screenshot } from '../helpers/browser'

const e2e = fullServerAndBrowser()

describe('关停与整合', () => {
  it('previews, refuses without confirmation, merges, and shows the outcome', async () => {
    const server = e2e.server()
    const { context, page } = await adminLogin(
      { server, browser: e2e.browser() },
      'platform@demo.jiyue',
    )

    expect(await page.locator('a.nav__link[href="/admin/retire"]').count()).toBe(1)
    await page.goto(`${server.url}/admin/retire`)
    await page.locator('h1', { hasText: '关停与整合' }).waitFor()
    const row = page.locator('tr', { hasText: '青川市教育局' })
    await row.getByRole('link', { name: '关停或整合…' }).click()
    await page.locator('h1', { hasText: '关停或整合：青川市教育局' }).waitFor()

    await page
      .getByLabel('承接站点', { exact: true })
      .selectOption({ label: '青川市发展和改革委员会' })
    await page.getByRole('button', { name: '预览' }).click()
    await page.locator('#preview-title').waitFor()
    // Each column with its suggested fate; 机构概况 archived by choice, then previewed again.
    await page.getByLabel('“机构概况”的去向').selectOption('archive')
    await page.getByRole('button', { name: '预览' }).click()
    await page.locator('#preview-title').waitFor()
    expect(await page.getByLabel('“机构概况”的去向').inputValue()).toBe('archive')
    const preview = await page.locator('section[aria-labelledby="preview-title"]').innerText()
    expect(preview).toMatch(/迁入“青川市发展和改革委员会”的信息 \d+ 条/)
    expect(preview).toMatch(/存档的信息 [1-9]\d* 条/)
    expect(preview).toContain('将安装的地址映射')
    await screenshot(page, 'admin-retire-preview')

    // Without the confirmation nothing happens, and the page says why.
    await page.getByRole('button', { name: '确认整合' }).click()
    await page.getByRole('alert').filter({ hasText: '我已核对以上内容' }).waitFor()
    const check = await context.newPage()
    const open = await check.goto(`http://jyj.localhost:${server.port}/`)
    expect(open?.status()).toBe(200)
    expect(new URL(check.url()).host).toBe(`jyj.localhost:${server.port}`)
    await check.close()

    await page.getByLabel('我已核对以上内容').check()
    await page.getByRole('button', { name: '确认整合' }).click()
    await page.locator('h1', { hasText: '青川市教育局：已整合' }).waitFor({ timeout: 120_000 })
    const outcome = await page.locator('.platform-view').innerText()
    expect(outcome).toContain('承接站点：青川市发展和改革委员会')
    expect(outcome).not.toContain('（不一致）')
    expect(outcome).toMatch(/检查旧地址 \d+ 个：全部按映射应答/)
    await screenshot(page, 'admin-retire-done')

    // An old article address in the browser: on to the same article on 发改委.
    // The mapping as the admin's own API gives it (asked from the admin page: same origin).
    const doc = await page.evaluate(async () => {
      const res = await fetch(
        '/api/url-mappings?where[kind][equals]=article&where[status][equals]=301&limit=1',
      )
      return ((await res.json()) as { docs: { fromPath: string; toPath: string }[] }).docs[0]
    })
    expect(doc?.fromPath).toMatch(/\.html$/)
    const visit = await context.newPage()
    await visit.goto(`http://jyj.localhost:${server.port}${doc.fromPath}`)
    expect(new URL(visit.url()).host).toBe(`fgw.localhost:${server.port}`)
    expect(new URL(visit.url()).pathname).toBe(doc.toPath)
    await visit.locator('h1').first().waitFor()
    await context.close()
  })
})
