// End to end in Chromium against the real server (Payload + Next admin + public sites), seeded
// with the demo platform, run as `npm start` runs it (the compiled admin). One server for the file.
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  DEMO_PASSWORD,
  type FullServer,
  formatViolations,
  launchBrowser,
  runAxe,
  screenshot,
  startFullServer,
} from '../helpers/browser'
import { solveArithmetic } from '../helpers/captcha-solver'

let server: FullServer
let browser: Browser
/** Started right after the server so the admin's first answer is ready when its tests begin. */
let adminWarmup: Promise<unknown> = Promise.resolve()

beforeAll(async () => {
  server = await startFullServer()
  adminWarmup = fetch(`${server.url}/admin/login`, { signal: AbortSignal.timeout(150_000) })
    .then((r) => r.text())
    .catch(() => undefined)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Console errors, uncaught errors and CSP violations a page reports. */
function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return
    // A 404 page's own status is logged as an error; that one is expected.
    const loc = msg.location().url
    if (/status of 404/.test(msg.text()) && loc && new URL(loc).pathname === '/no-such-page/')
      return
    problems.push(`console error on ${page.url()}: ${msg.text()} (${loc})`)
  })
  page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`))
  return problems
}

const CSP_RECORDER = () => {
  const w = window as unknown as { __csp: string[] }
  w.__csp = []
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}`)
  })
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
}

const withCare = (url: string, care: boolean) =>
  care ? url + (url.includes('?') ? '&' : '?') + 'care=1' : url

/** Main-nav hrefs that are columns (not the home page), as absolute URLs. */
async function columnLinks(page: Page): Promise<string[]> {
  return page.$$eval('nav.mainnav a', (as) =>
    (as as HTMLAnchorElement[])
      .filter((a) => /^\/[a-z0-9][a-z0-9/-]*\/$/.test(new URL(a.href).pathname))
      .map((a) => a.href),
  )
}

async function firstArticleLink(page: Page): Promise<string> {
  const href = await page.$$eval('main a', (as) =>
    (as as HTMLAnchorElement[])
      .map((a) => a.href)
      .find((h) => /\/[A-Za-z0-9]+\.html(\?|$)/.test(new URL(h).pathname)),
  )
  if (!href) throw new Error(`no article link on ${page.url()}`)
  return href
}

type Visited = { name: string; url: string; status: number | undefined }

/**
 * Visits a site's home, first column, first article of that column and the 404 page; screenshots
 * each and runs axe. Returns the problems found (empty when all is well).
 */
async function checkSite(
  context: BrowserContext,
  slug: string,
  care: boolean,
): Promise<{ visited: Visited[]; problems: string[] }> {
  const page = await context.newPage()
  const problems = watch(page)
  const visited: Visited[] = []
  const suffix = care ? '-care' : ''
  const origin = server.site(slug)

  const check = async (name: string, url: string, expectStatus: number) => {
    const res = await page.goto(url, { waitUntil: 'load' })
    visited.push({ name, url, status: res?.status() })
    if (res?.status() !== expectStatus)
      problems.push(`${name}: ${url} answered ${res?.status()}, expected ${expectStatus}`)
    const htmlCare = await page.evaluate(() => document.documentElement.classList.contains('care'))
    if (htmlCare !== care) problems.push(`${name}: <html> care class is ${htmlCare}`)
    await screenshot(page, `${slug}-${name}${suffix}`)
    const violations = await runAxe(page)
    if (violations.length)
      problems.push(`${name} (${url}) axe violations:\n${formatViolations(violations)}`)
  }

  await check('home', withCare(`${origin}/`, care), 200)
  const columns = await columnLinks(page)
  // 领导信息 on the home page leads to each leader's page.
  const leader = await page.$eval('.leaders a', (a) => (a as HTMLAnchorElement).href)
  await check('leader', leader, 200)
  if (!columns.length) problems.push(`home of ${slug}: no column link in the main nav`)
  else {
    await check('column', columns[0], 200)
    const article = await firstArticleLink(page)
    await check('article', article, 200)
  }
  await check('404', withCare(`${origin}/no-such-page/`, care), 404)
  await page.close()
  return { visited, problems }
}

describe('public pages', () => {
  let a11y: BrowserContext

  beforeAll(async () => {
    // axe is injected as an inline script, which the public CSP (rightly) refuses; the CSP itself
    // is checked in its own test below without bypassing it.
    a11y = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
  })
  afterAll(async () => {
    await a11y?.close()
  })

  for (const [slug, theme] of [
    ['www', 'portal'],
    ['fgw', 'department'],
  ] as const) {
    for (const care of [false, true]) {
      it(`the ${theme} theme (${slug}) home, leader, column, article and 404 pages have no WCAG 2.1 A/AA violations in ${care ? 'care' : 'normal'} mode`, async () => {
        const { visited, problems } = await checkSite(a11y, slug, care)
        expect(visited.map((v) => v.name)).toEqual(['home', 'leader', 'column', 'article', '404'])
        for (const v of visited)
          expect(new URL(v.url).searchParams.get('care')).toBe(care ? '1' : null)
        expect(problems, problems.join('\n\n')).toEqual([])
      })
    }
  }

  for (const care of [false, true]) {
    it(`the platform directory has no WCAG 2.1 A/AA violations${care ? ' with ?care=1' : ''}`, async () => {
      const page = await a11y.newPage()
      const problems = watch(page)
      const res = await page.goto(withCare(`${server.url}/`, care))
      expect(res?.status()).toBe(200)
      await expect(page.textContent('h1')).resolves.toContain('站群导航')
      // It lists the demo sites (linked by their first domain, or `<slug>.localhost` without one).
      const names = await page.$$eval('a.site-card-name', (as) =>
        as.map((a) => (a.textContent ?? '').trim()),
      )
      expect(names).toContain('青川市人民政府')
      expect(names).toContain('青川市发展和改革委员会')
      await screenshot(page, `platform-directory${care ? '-care' : ''}`)
      const violations = await runAxe(page)
      await page.close()
      expect(violations, formatViolations(violations)).toEqual([])
      expect(problems, problems.join('\n')).toEqual([])
    })
  }

  it('public pages log no console errors and break no CSP rule', async () => {
    const context = await browser.newContext()
    await context.addInitScript(CSP_RECORDER)
    const page = await context.newPage()
    const problems = watch(page)
    const urls: string[] = [`${server.url}/`]
    for (const slug of ['www', 'fgw']) {
      for (const care of [false, true]) {
        const origin = server.site(slug)
        await page.goto(withCare(`${origin}/`, care))
        const columns = await columnLinks(page)
        expect(columns.length).toBeGreaterThan(0)
        await page.goto(columns[0])
        const article = await firstArticleLink(page)
        urls.push(withCare(`${origin}/`, care), columns[0], article)
        urls.push(withCare(`${origin}/no-such-page/`, care))
      }
    }
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' })
      // The stylesheet and script really loaded (a CSP or path mistake would leave them out).
      const styled = await page.evaluate(
        () => getComputedStyle(document.querySelector('.skip-link')!).position,
      )
      expect(styled, `site.css not applied on ${url}`).toBe('absolute')
      for (const v of await cspViolations(page)) problems.push(`CSP on ${url}: ${v}`)
    }
    await context.close()
    expect(problems, problems.join('\n')).toEqual([])
  })
})

describe('care mode', () => {
  it('is one click away, survives following a nav link, and 标准版 turns it off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const problems = watch(page)
    await page.goto(`${server.site('fgw')}/`)
    expect(await page.evaluate(() => document.documentElement.className)).not.toContain('care')

    await page.getByRole('link', { name: '长辈版', exact: true }).click()
    await page.waitForURL((u) => u.searchParams.get('care') === '1')
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(
      true,
    )
    const text = async () =>
      page.evaluate(() => {
        const measure = (el: Element | null) => {
          if (!el) return null
          const s = getComputedStyle(el)
          return { fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) }
        }
        return {
          body: measure(document.body),
          // Body text inside the content: the first paragraph or list entry of <main>.
          content: measure(document.querySelector('main p, main li')),
        }
      })
    for (const [where, m] of Object.entries(await text())) {
      expect(m, where).not.toBeNull()
      expect(m!.fontSize, `${where} font-size`).toBeGreaterThanOrEqual(20)
      expect(
        m!.lineHeight,
        `${where} line-height (font-size ${m!.fontSize}px)`,
      ).toBeGreaterThanOrEqual(1.3 * m!.fontSize)
    }
    await screenshot(page, 'care-toggle-fgw-home-care')

    // Following a main-nav column link keeps care mode.
    const nav = page.locator('nav.mainnav a:not([aria-current])').first()
    const navName = (await nav.textContent())?.trim()
    await nav.click()
    await page.waitForURL((u) => u.pathname !== '/')
    expect(new URL(page.url()).searchParams.get('care'), `after clicking ${navName}`).toBe('1')
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(
      true,
    )
    expect((await text()).body!.fontSize).toBeGreaterThanOrEqual(20)
    const columnPath = new URL(page.url()).pathname

    // 标准版 turns it off, on the same page.
    await page.getByRole('link', { name: '标准版', exact: true }).click()
    await page.waitForURL((u) => u.searchParams.get('care') !== '1')
    expect(new URL(page.url()).pathname).toBe(columnPath)
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(
      false,
    )
    expect((await text()).body!.fontSize).toBeLessThan(20)
    expect(await page.getByRole('link', { name: '长辈版', exact: true }).count()).toBe(1)
    await context.close()
    expect(problems, problems.join('\n')).toEqual([])
  })

  for (const care of [false, true]) {
    it(`on a phone${care ? ' in care mode' : ''} the page fits the screen, the top links stay whole and the menu opens, with no WCAG violations`, async () => {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        bypassCSP: true,
      })
      const page = await context.newPage()
      const problems = watch(page)
      await page.goto(withCare(`${server.site('www')}/`, care))
      // Nothing wider than the screen (no sideways scrolling).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      )
      // Each top link on one line: 政府信息公开 is not broken after 政府信息公.
      const lines = await page.$$eval('.topbar-links a', (as) =>
        as.map((a) => {
          const range = document.createRange()
          range.selectNodeContents(a)
          return {
            text: a.textContent,
            lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          }
        }),
      )
      for (const l of lines) expect(l.lines, l.text ?? '').toBe(1)
      const toggle = page.getByRole('button', { name: '栏目导航' })
      await toggle.click()
      expect(await toggle.getAttribute('aria-expanded')).toBe('true')
      expect(await page.locator('#mainnav-list').isVisible()).toBe(true)
      await screenshot(page, `www-home-phone-menu-open${care ? '-care' : ''}`)
      const violations = await runAxe(page)
      expect(violations, formatViolations(violations)).toEqual([])
      await context.close()
      expect(problems, problems.join('\n')).toEqual([])
    })
  }
})

describe('keyboard', () => {
  for (const [name, url] of [
    ['a portal home page', () => `${server.site('www')}/`],
    ['a department home page in care mode', () => `${server.site('fgw')}/?care=1`],
    ['the platform directory', () => `${server.url}/`],
  ] as const) {
    it(`pressing Tab first focuses the skip link on ${name}, and it leads to the main content`, async () => {
      const page = await browser.newPage()
      await page.goto(url())
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const r = el.getBoundingClientRect()
        return {
          text: el.textContent?.trim(),
          href: el.getAttribute('href'),
          visible: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0,
        }
      })
      expect(focused.text).toBe('跳到主要内容')
      expect(focused.href).toBe('#main')
      expect(focused.visible, 'the focused skip link is on screen').toBe(true)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
      await page.close()
    })
  }
})

describe('admin', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    await adminWarmup
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
  })

  async function openLogin() {
    await page.goto(`${server.url}/admin/login`, { timeout: 120_000 })
    await page.locator('input[name="email"]').waitFor({ timeout: 120_000 })
  }

  async function login(email: string, password: string) {
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('form button[type="submit"]').click()
  }

  it('the login page is in Chinese, and a wrong password shows an error and stays on it', async () => {
    await openLogin()
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/)
    const button = (await page.locator('form button[type="submit"]').textContent())?.trim()
    expect(button).toMatch(/[\u4e00-\u9fff]/)
    expect(await page.locator('body').innerText()).toContain('登录')
    await screenshot(page, 'admin-login')

    await login('editor@fgw.demo.jiyue', 'not-the-password')
    const error = page.locator('.payload-toast-container li, [data-sonner-toast]').first()
    await error.waitFor({ timeout: 30_000 })
    const message = (await error.innerText()).trim()
    expect(message).toMatch(/[\u4e00-\u9fff]/)
    await screenshot(page, 'admin-login-wrong-password')
    expect(new URL(page.url()).pathname).toBe('/admin/login')
  })

  it("a site editor logs in and the articles list shows only that site's articles", async () => {
    await openLogin()
    await login('editor@fgw.demo.jiyue', DEMO_PASSWORD)
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && u.pathname !== '/admin/login', {
      timeout: 120_000,
    })
    // All of the editor's articles on one page, not just the first ten.
    await page.setViewportSize({ width: 1280, height: 3000 })
    await page.goto(`${server.url}/admin/collections/articles?limit=100`, { timeout: 120_000 })
    const table = page.locator('table').first()
    await table.waitFor({ timeout: 120_000 })
    const read = () =>
      table.evaluate((t: HTMLTableElement) => ({
        headers: [...t.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim()),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
          [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
        ),
      }))
    // Relationship cells load their titles only once on screen (rows further down say
    // <没有 所属站点> until then; the page was made tall enough for every row above), and
    // say 加载中... until the titles arrive.
    const settled = (rows: string[][]) =>
      rows.length > 0 && !JSON.stringify(rows).includes('加载中')
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      if (settled((await read()).rows)) break
      await page.waitForTimeout(250)
    }
    // The counter (e.g. 1-19 共 19) tells how many articles the editor can see in all.
    const total = Number(/共\s*(\d+)/.exec(await page.locator('body').innerText())?.[1])
    await screenshot(page, 'admin-articles-fgw-editor')
    const { headers, rows } = await read()
    const siteColumn = headers.findIndex((h) => h.includes('所属站点'))
    expect(siteColumn, `headers: ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length, 'every article is on the page').toBe(total)
    const sites = new Set(rows.map((r) => r[siteColumn]))
    expect([...sites]).toEqual(['青川市发展和改革委员会'])
  })

  it(
    'the editor submits the draft with the workflow button, and it waits on the reviewer’s list',
    { retry: 2 },
    async () => {
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(`${server.url}/admin/collections/articles?limit=100`, { timeout: 120_000 })
      const link = page.locator('table a', { hasText: '【草稿】' }).first()
      await link.waitFor({ timeout: 120_000 })
      const title = (await link.innerText()).trim()
      // Open it by its address: a click on the list can land while Next's dev server is
      // re-rendering the page (Fast Refresh after compiling the edit view) and be lost.
      await page.goto(`${server.url}${await link.getAttribute('href')}`, { timeout: 120_000 })
      const submit = page.getByRole('button', { name: '提交审核' })
      await submit.waitFor({ timeout: 120_000 })
      await screenshot(page, 'admin-workflow-editor')
      await submit.click()
      await page.getByText('当前状态下您没有可办理的操作').waitFor({ timeout: 60_000 })
      const id = /articles\/(\w+)/.exec(page.url())![1]
      const doc = await page.evaluate(
        async (id) => (await fetch(`/api/articles/${id}?depth=0`)).json(),
        id,
      )
      expect(doc.state).toBe('submitted')
      expect(doc.history.map((h: { move: string }) => h.move)).toEqual(['submit'])

      const reviewer = await browser.newContext({ viewport: { width: 1280, height: 1200 } })
      const rp = await reviewer.newPage()
      await rp.goto(`${server.url}/admin/login`, { timeout: 120_000 })
      await rp.locator('input[name="email"]').fill('reviewer@fgw.demo.jiyue')
      await rp.locator('input[name="password"]').fill(DEMO_PASSWORD)
      await rp.locator('form button[type="submit"]').click()
      const queue = rp.locator('section.my-queue')
      await queue.waitFor({ timeout: 120_000 })
      expect(await queue.innerText()).toContain(title)
      expect(await queue.innerText()).toContain('待审核')
      await screenshot(rp, 'admin-dashboard-reviewer-queue')
      await reviewer.close()
    },
  )
})

describe('disclosure pages', () => {
  let a11y: BrowserContext
  const lastYear =
    Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
        new Date(),
      ),
    ) - 1

  beforeAll(async () => {
    a11y = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
  })
  afterAll(async () => {
    await a11y?.close()
  })

  /** Loads the page, checks its status, screenshots it and returns axe's findings as text. */
  async function audit(page: Page, url: string, name: string, status = 200): Promise<string[]> {
    const res = await page.goto(url, { waitUntil: 'load' })
    const problems: string[] = []
    if (res?.status() !== status) problems.push(`${url} answered ${res?.status()}`)
    await screenshot(page, name)
    const violations = await runAxe(page)
    if (violations.length) problems.push(`${url}:\n${formatViolations(violations)}`)
    return problems
  }

  for (const slug of ['www', 'fgw']) {
    for (const care of [false, true]) {
      it(`${slug}: search, the catalogue, guide, annual reports, request and tracking forms, mailboxes, letters and the letter form have no WCAG 2.1 A/AA violations${care ? ' in care mode' : ''}`, async () => {
        const page = await a11y.newPage()
        const logged = watch(page)
        const origin = server.site(slug)
        const sfx = care ? '-care' : ''
        const box = slug === 'www' ? 'mayor' : 'director'
        const problems = [
          // Search: results with marked words, and a query that finds nothing.
          ...(await audit(
            page,
            withCare(`${origin}/search?q=${encodeURIComponent('老旧小区 改造')}`, care),
            `${slug}-search${sfx}`,
          )),
          ...(await audit(
            page,
            withCare(`${origin}/search?q=${encodeURIComponent('没有这个词')}`, care),
            `${slug}-search-empty${sfx}`,
          )),
          ...(await audit(page, withCare(`${origin}/xxgk/`, care), `${slug}-xxgk${sfx}`)),
          ...(await audit(page, withCare(`${origin}/xxgk/zn`, care), `${slug}-xxgk-zn${sfx}`)),
          ...(await audit(page, withCare(`${origin}/xxgk/nb/`, care), `${slug}-xxgk-nb${sfx}`)),
          ...(await audit(
            page,
            withCare(`${origin}/xxgk/nb/${lastYear}`, care),
            `${slug}-xxgk-nb-year${sfx}`,
          )),
          ...(await audit(page, withCare(`${origin}/ysqgk/`, care), `${slug}-ysqgk${sfx}`)),
          ...(await audit(
            page,
            withCare(`${origin}/ysqgk/track`, care),
            `${slug}-ysqgk-track${sfx}`,
          )),
          ...(await audit(page, withCare(`${origin}/hdjl/`, care), `${slug}-hdjl${sfx}`)),
          ...(await audit(
            page,
            withCare(`${origin}/hdjl/${box}/`, care),
            `${slug}-hdjl-mailbox${sfx}`,
          )),
          ...(await audit(
            page,
            withCare(`${origin}/hdjl/${box}/write`, care),
            `${slug}-hdjl-write${sfx}`,
          )),
          ...(await audit(
            page,
            withCare(`${origin}/hdjl/track`, care),
            `${slug}-hdjl-track${sfx}`,
          )),
          ...(await audit(page, withCare(`${origin}/hdjl/tj`, care), `${slug}-hdjl-tj${sfx}`)),
          ...(await audit(
            page,
            `${origin}/jiucuo?${care ? 'care=1&' : ''}url=%2Fhdjl%2F`,
            `${slug}-jiucuo${sfx}`,
          )),
          ...(await audit(
            page,
            withCare(`${origin}/jiucuo/track`, care),
            `${slug}-jiucuo-track${sfx}`,
          )),
        ]
        const letterHref = await page
          .goto(withCare(`${origin}/hdjl/${box}/`, care))
          .then(() => page.locator('.letter-list a').first().getAttribute('href'))
        if (letterHref)
          problems.push(
            ...(await audit(page, new URL(letterHref, origin).href, `${slug}-hdjl-letter${sfx}`)),
          )
        await page.close()
        expect(problems, problems.join('\n\n')).toEqual([])
        expect(logged, logged.join('\n')).toEqual([])
      })
    }
  }

  it('a citizen applies with the arithmetic CAPTCHA, is told exactly what is wrong, then gets a code and tracks it', async () => {
    // With the page's own CSP on: the form must work without inline script.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    const problems = watch(page)
    const origin = server.site('fgw')
    await page.goto(`${origin}/ysqgk/?captcha=text`)
    const solve = async () => {
      const label = await page.locator('label[for="f-captcha"]').innerText()
      const answer = solveArithmetic(label.replace(/^验证码：|（必填）$/g, ''))
      if (answer == null) throw new Error(`no arithmetic question in “${label}”`)
      await page.fill('#f-captcha', String(answer))
    }
    await page.check('#f-applicantKind-natural-person')
    await page.fill('#f-name', '王小明')
    await page.fill('#f-idNumber', '110105194912310021') // wrong check digit
    await page.fill('#f-phone', '13912345678')
    await page.fill('#f-email', 'wxm@example.com')
    await page.fill('#f-description', '申请公开本委 2026 年度政府投资项目计划安排情况。')
    await page.check('#f-formWanted-electronic')
    await page.check('#f-delivery-email')
    await page.check('#f-declaration')
    await solve()
    await page.locator('button.form-submit').click()
    await page.waitForLoadState('load')
    const summary = page.locator('.error-summary')
    await summary.waitFor({ timeout: 30_000 })
    expect(await summary.innerText()).toContain('身份证')
    expect(await page.inputValue('#f-description')).toContain('政府投资项目计划')
    expect(await page.getAttribute('#f-idNumber', 'aria-invalid')).toBe('true')
    await screenshot(page, 'fgw-ysqgk-errors')

    await page.fill('#f-idNumber', '11010519491231002X')
    await solve()
    await page.locator('button.form-submit').click()
    const code = page.locator('.tracking-code')
    await code.waitFor({ timeout: 30_000 })
    const trackingCode = (await code.innerText()).trim()
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(await page.locator('main').innerText()).toMatch(/答复截止日/)
    await screenshot(page, 'fgw-ysqgk-done')

    await page.goto(`${origin}/ysqgk/track`)
    await page.fill('#f-code', trackingCode.toLowerCase().replace(/-/g, ' '))
    await page.locator('button.form-submit').click()
    await page.waitForLoadState('load')
    const text = await page.locator('main').innerText()
    expect(text).toContain('已收到')
    expect(text).toContain('网上提交申请')
    expect(text).not.toContain('王小明')
    expect(text).not.toContain('11010519491231002X')
    await screenshot(page, 'fgw-ysqgk-track')
    // A form answered with its errors is a 400 on purpose; the browser logs that status.
    const unexpected = problems.filter((p) => !/status of 400 .*\/ysqgk\/\)$/.test(p))
    expect(unexpected, unexpected.join('\n')).toEqual([])
    await context.close()
  })
})

describe('a citizen writing to the mayor', () => {
  it('is told exactly what is wrong, keeps what was typed, gets a query code, and reads the progress', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    const problems = watch(page)
    const origin = server.site('www')
    await page.goto(`${origin}/`)
    await page.locator('nav.mainnav a', { hasText: '互动交流' }).click()
    await page.waitForLoadState('load')
    await page.locator('a.button', { hasText: '我要写信' }).first().click()
    await page.waitForLoadState('load')
    await page.goto(`${page.url()}?captcha=text`)
    const solve = async () => {
      const label = await page.locator('label[for="f-captcha"]').innerText()
      const answer = solveArithmetic(label.replace(/^验证码：|（必填）$/g, ''))
      if (answer == null) throw new Error(`no arithmetic question in “${label}”`)
      await page.fill('#f-captcha', String(answer))
    }
    await page.fill('#f-subject', '建议增设社区便民菜市场')
    await page.check('#f-category-suggest')
    await page.fill(
      '#f-content',
      '我们小区周边两公里内没有菜市场，老人买菜很不方便，建议在社区增设便民菜市场。',
    )
    await page.fill('#f-name', '赵晓红')
    await page.check('#f-title-ms')
    await page.fill('#f-phone', '1391234') // too short
    await page.check('#f-consentPersonalData')
    await page.check('#f-consentPublish')
    await solve()
    await page.locator('button.form-submit').click()
    await page.waitForLoadState('load')
    const summary = page.locator('.error-summary')
    await summary.waitFor({ timeout: 30_000 })
    expect(await summary.innerText()).toContain('手机号码')
    expect(await page.inputValue('#f-content')).toContain('便民菜市场')
    await screenshot(page, 'www-hdjl-write-errors')
    await page.fill('#f-phone', '13912345678')
    await solve()
    await page.locator('button.form-submit').click()
    const code = page.locator('.tracking-code')
    await code.waitFor({ timeout: 30_000 })
    const queryCode = (await code.innerText()).trim()
    expect(await page.locator('main').innerText()).toMatch(/答复期限/)
    await screenshot(page, 'www-hdjl-done')
    await page.goto(`${origin}/hdjl/track`)
    await page.fill('#f-code', queryCode)
    await page.locator('button.form-submit').click()
    await page.waitForLoadState('load')
    const text = await page.locator('main').innerText()
    expect(text).toContain('待受理')
    expect(text).not.toContain('赵晓红')
    expect(text).not.toContain('13912345678')
    await screenshot(page, 'www-hdjl-track')
    const unexpected = problems.filter((p) => !/status of 400 .*\/hdjl\/mayor\/write\)$/.test(p))
    expect(unexpected, unexpected.join('\n')).toEqual([])
    await context.close()
  })
})

describe('我要纠错', () => {
  it('a reader reports an error from the page it is on and gets a query code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
    const page = await context.newPage()
    const problems = watch(page)
    const origin = server.site('fgw')
    await page.goto(`${origin}/hdjl/`)
    await page.locator('a', { hasText: '我要纠错' }).first().click()
    await page.waitForLoadState('load')
    expect(await page.inputValue('#f-url')).toBe(`${origin}/hdjl/`)
    await page.goto(`${page.url()}&captcha=text`)
    await page.check('#f-type-outdated')
    await page.fill('#f-description', '信箱介绍中的办公电话已经更换，请更新。')
    const label = await page.locator('label[for="f-captcha"]').innerText()
    const answer = solveArithmetic(label.replace(/^验证码：|（必填）$/g, ''))
    if (answer == null) throw new Error(`no arithmetic question in “${label}”`)
    await page.fill('#f-captcha', String(answer))
    await page.locator('button.form-submit').click()
    const code = page.locator('.tracking-code')
    await code.waitFor({ timeout: 30_000 })
    expect(await page.locator('main').innerText()).toContain('答复期限')
    await screenshot(page, 'fgw-jiucuo-done')
    expect(problems, problems.join('\n')).toEqual([])
    await context.close()
  })
})

describe('the disclosure handler', () => {
  it(
    'sees the overdue request on 督办, registers a new request with a step, and the due date explains itself',
    { retry: 1 },
    async () => {
      await adminWarmup
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
      const page = await context.newPage()
      await page.goto(`${server.url}/admin/login`, { timeout: 120_000 })
      await page.locator('input[name="email"]').waitFor({ timeout: 120_000 })
      await page.locator('input[name="email"]').fill('handler@fgw.demo.jiyue')
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
      await page.locator('form button[type="submit"]').click()
      await page.locator('section.my-queue').waitFor({ timeout: 120_000 })

      await page.goto(`${server.url}/admin/supervision`, { timeout: 120_000 })
      await page.getByRole('heading', { name: /已逾期（\d+）/ }).waitFor({ timeout: 120_000 })
      const overdue = await page.getByRole('heading', { name: /已逾期/ }).innerText()
      expect(overdue).toBe('已逾期（1）')
      expect(await page.locator('main, body').first().innerText()).toContain('逾期')
      await screenshot(page, 'admin-supervision-handler')

      // The newest request of the site, still 已收到: register it with the 办理步骤 select.
      const list = await page.evaluate(async () =>
        (
          await fetch('/api/disclosure-requests?where[status][equals]=received&depth=0&limit=1')
        ).json(),
      )
      const id = list.docs[0].id
      await page.goto(`${server.url}/admin/collections/disclosure-requests/${id}`, {
        timeout: 120_000,
      })
      const clock = page.locator('section[aria-labelledby="request-clock"]')
      await clock.waitFor({ timeout: 120_000 })
      expect(await clock.innerText()).toMatch(/答复截止日：\d{4}-\d{2}-\d{2}/)
      expect(await clock.innerText()).toContain('自次日起计算 20 个工作日')
      await page.locator('#field-step .rs__control').click()
      await page.locator('.rs__option', { hasText: '登记受理' }).first().click()
      await page.locator('#action-save').click()
      await page.waitForFunction(
        async (id) => {
          const r = await fetch(`/api/disclosure-requests/${id}?depth=0`)
          return (await r.json()).status === 'processing'
        },
        id,
        { timeout: 60_000, polling: 500 },
      )
      await screenshot(page, 'admin-request-registered')
      await context.close()
    },
  )
})

describe('the REST API for anonymous readers', () => {
  const api = async (path: string) => {
    const res = await fetch(`${server.url}/api${path}`)
    return { status: res.status, text: await res.text() }
  }

  it('lists live articles but never one in the workflow, however it is asked', async () => {
    const published = JSON.parse((await api('/articles?limit=5&depth=0')).text) as {
      totalDocs: number
    }
    expect(published.totalDocs).toBeGreaterThan(50)
    for (const q of [
      '/articles?draft=true&limit=200&depth=0',
      '/articles?where[state][equals]=draft&limit=200&depth=0',
      '/articles?where[state][in]=draft,submitted,reviewed,signed,returned,unpublished&depth=0',
    ]) {
      const res = await api(q)
      expect(res.status, q).toBe(200)
      expect(res.text, q).not.toContain('【草稿】')
      expect(res.text, q).not.toMatch(/"state":"(draft|submitted|reviewed|signed|returned)"/)
    }
    const versions = await api('/articles/versions')
    expect(versions.status).toBe(403)
  })

  it('never shows a disclosure request or an applicant’s file, however it is asked', async () => {
    for (const q of [
      '/disclosure-requests?limit=50',
      '/disclosure-requests?where[status][equals]=answered',
      '/disclosure-requests/1',
      '/request-files?limit=50',
    ]) {
      const res = await api(q)
      expect([401, 403, 404], q).toContain(res.status)
      expect(res.text, q).not.toMatch(/11010519491231002X|王晓明|trackingCode/)
    }
    // Annual reports: only published ones, which hold no personal data.
    const reports = JSON.parse((await api('/annual-reports?limit=50&depth=0')).text) as {
      docs: { published: boolean }[]
    }
    expect(reports.docs.length).toBeGreaterThan(0)
    expect(reports.docs.every((d) => d.published)).toBe(true)
  })

  it('refuses the user list and shows no staff e-mail or password data anywhere public', async () => {
    expect((await api('/users')).status).toBe(403)
    for (const q of [
      '/articles?limit=50&depth=2',
      '/sites?limit=50&depth=2',
      '/columns?limit=100&depth=2',
      '/media?limit=20',
      '/attachments?limit=20',
    ]) {
      const res = await api(q)
      expect(res.status, q).toBe(200)
      // The only e-mail addresses public are the disclosure offices' own mailboxes (xxgk@…).
      expect(res.text, q).not.toMatch(/@demo\.jiyue|"hash"|"salt"|"email":"(?!xxgk@)/)
    }
  })
})
