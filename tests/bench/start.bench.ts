// npm run bench:start — what a newcomer waits for, measured the way README reports it:
//   1. `npm start` on an empty database (a build when none is current, then the demo seeded)
//   2. `npm start` again on the same database (the figure for every later start)
//   3. admin pages in Chromium as the reviewer: time until the page's own content is on screen,
//      first view after the start and a second view.
// Loopback only; each server is stopped before the next starts.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { buildIsCurrent } from '../../src/server/admin-build'
import { DEMO_PASSWORD, launchBrowser, startFullServer } from '../helpers/browser'

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function timedStart(label: string, reuseDir?: string) {
  const built = buildIsCurrent(process.cwd())
  const t0 = Date.now()
  const server = await startFullServer({ reuseDir, keepDir: true })
  const ms = Date.now() - t0
  console.log(`${label}: listening after ${seconds(ms)}${built ? '' : ' (including the build)'}`)
  return { server, ms }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-bench-start-'))
const first = await timedStart('first start, empty database (demo seeded)', dir)
await first.server.stop()
const second = await timedStart('second start, same database', dir)
const { server } = second

const browser = await launchBrowser()
/** A fresh browser session logged in as `email`. */
async function loggedIn(email: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 } })
  ).newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  await page.locator('section.my-queue').waitFor({ timeout: 60_000 })
  return page
}
const reviewer = await loggedIn('reviewer@fgw.demo.jiyue')
const siteAdmin = await loggedIn('admin@fgw.demo.jiyue')
const article = await reviewer.evaluate(async () => {
  const res = await fetch('/api/articles?where[state][equals]=submitted&limit=1&depth=0')
  return ((await res.json()) as { docs: { id: string | number }[] }).docs[0]?.id
})
if (article == null) throw new Error('the demo has no article waiting for review')
/** Each page, who opens it, and what on it shows that it is ready for work. */
const pages: [string, Page, string, string][] = [
  ['dashboard (待我处理), reviewer', reviewer, '/admin', 'section.my-queue'],
  ['articles list, reviewer', reviewer, '/admin/collections/articles', 'table tbody tr'],
  [
    'article in review with its workflow buttons',
    reviewer,
    `/admin/collections/articles/${article}`,
    'button:has-text("审核通过")',
  ],
  [
    'disclosure requests list, site admin',
    siteAdmin,
    '/admin/collections/disclosure-requests',
    'table tbody tr',
  ],
  ['letters list, site admin', siteAdmin, '/admin/collections/letters', 'table tbody tr'],
  ['督办 (supervision), site admin', siteAdmin, '/admin/supervision', 'h1'],
  ['第一时间 (first hour), site admin', siteAdmin, '/admin/first-hour', 'h1'],
]
for (const round of ['first view', 'second view'])
  for (const [name, page, url, ready] of pages) {
    const t0 = Date.now()
    await page.goto(`${server.url}${url}`)
    try {
      await page.locator(ready).first().waitFor({ timeout: 60_000 })
    } catch (err) {
      await page.screenshot({ path: 'tests/bench/out/start-failed.png' })
      throw new Error(`${name} (${url}): ${String(err)}`)
    }
    console.log(`${round.padEnd(12)} ${name.padEnd(46)} ${seconds(Date.now() - t0)}`)
  }

await browser.close()
await server.stop()
fs.rmSync(dir, { recursive: true, force: true })
process.exit(0)
