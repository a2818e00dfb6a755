// Browser tests: the real server as `npm start` runs it (`src/cli/start.ts`: the admin built by
// `next build` when no current build exists, then Payload + the compiled admin + public sites) as a
// child process on a free port with a throwaway seeded database, and Debian's Chromium driven by
// playwright-core.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const AXE_PATH = path.resolve('node_modules/axe-core/axe.min.js')
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots')
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Jiyue-Demo-2026'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A port that was free a moment ago: listen on 0, read the port, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Full servers started in this repository by someone else. Only one Next dev server or build may
 * use `.next/` at a time, so we wait for those to end rather than clash.
 */
function otherServersHere(): string[] {
  let out = ''
  try {
    out = execFileSync('pgrep', ['-af', 'tsx src/(server|cli/start)'], { encoding: 'utf8' })
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
  const here = fs.realpathSync(process.cwd())
  return out
    .split('\n')
    .filter(Boolean)
    .filter((line) => {
      const pid = Number(line.split(' ')[0])
      if (!pid || pid === process.pid) return false
      if (/ROLE=public/.test(line)) return false
      try {
        return fs.realpathSync(`/proc/${pid}/cwd`) === here
      } catch {
        return false // gone, or not ours to look at
      }
    })
}

export type FullServer = {
  port: number
  /** The platform's own origin (directory, admin). */
  url: string
  /** A site's origin: `http://<slug>.localhost:<port>`. */
  site: (slug: string) => string
  dir: string
  output: () => string
  stop: () => Promise<void>
}

export async function startFullServer({
  startTimeoutMs = 400_000,
  waitForOthersMs = 180_000,
  reuseDir,
  keepDir = false,
}: {
  /** Long enough for a first `next build` on a 2-core machine. */
  startTimeoutMs?: number
  waitForOthersMs?: number
  /** Start on the database and files of an earlier server (a second start). */
  reuseDir?: string
  /** Leave the database and files in place when stopping. */
  keepDir?: boolean
} = {}): Promise<FullServer> {
  const waitUntil = Date.now() + waitForOthersMs
  for (let others = otherServersHere(); others.length > 0; others = otherServersHere()) {
    if (Date.now() > waitUntil)
      throw new Error(
        `another full server is running in ${process.cwd()} (only one Next dev server may use .next/):\n${others.join('\n')}`,
      )
    console.warn(`e2e: waiting for another server in this repository to end:\n${others.join('\n')}`)
    await sleep(5_000)
  }

  const dir = reuseDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jiyue-e2e-'))
  const port = await freePort()
  const chunks: string[] = []
  const env: Record<string, string | undefined> = {
    ...process.env,
    // As `npm start` runs it (package.json): compiled, with the demo's defaults.
    NODE_ENV: 'production',
    DEMO: 'on',
    NODE_OPTIONS: '--conditions=production',
    NEXT_TELEMETRY_DISABLED: '1',
    ROLE: 'all',
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, 'media'),
    SEED: '1',
    LOG_LEVEL: 'warn',
  }
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['src/cli/start.ts'], {
    cwd: process.cwd(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: env as NodeJS.ProcessEnv,
  })
  child.stdout!.on('data', (d: Buffer) => chunks.push(d.toString()))
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString()))
  let exited: string | null = null
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = `exit code ${code}, signal ${signal}`
      resolve()
    }),
  )
  const output = () => chunks.join('')

  const stop = async () => {
    if (exited == null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
      const killed = await Promise.race([exitedPromise.then(() => true), sleep(10_000)])
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          /* already gone */
        }
        await exitedPromise
      }
    }
    // Next's worker processes are in the same group; make sure none outlives us.
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        /* group empty */
      }
    }
    if (!keepDir) fs.rmSync(dir, { recursive: true, force: true })
  }
  // A crashed test run must not leave a Next dev server holding `.next/`.
  process.once('exit', () => {
    if (child.pid && exited == null) {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        /* gone */
      }
    }
  })

  const url = `http://localhost:${port}`
  const deadline = Date.now() + startTimeoutMs
  for (;;) {
    if (exited != null) {
      await stop()
      throw new Error(`server exited during startup (${exited}); its output:\n${output()}`)
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (res.status === 200) break
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(
        `server did not answer /healthz within ${startTimeoutMs / 1000} s; its output:\n${output()}`,
      )
    }
    await sleep(500)
  }

  return {
    port,
    url,
    site: (slug) => `http://${slug}.localhost:${port}`,
    dir,
    output,
    stop,
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * The demo platform's full server and one browser for a test file: started before its tests,
 * closed after them. Read them inside tests (`e2e.server()`), once `beforeAll` has run.
 */
export function fullServerAndBrowser(): { server: () => FullServer; browser: () => Browser } {
  let server: FullServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startFullServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return { server: () => server!, browser: () => browser! }
}

/** Signs a demo person in to the admin (a new browser context); resolves on their 待我处理. */
export async function adminLogin(
  { server, browser }: { server: FullServer; browser: Browser },
  email: string,
  width = 1366,
) {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await signIn(page, email)
  return { context, page }
}

/** Fills in the admin's login form on the page as a demo person; resolves on their 待我处理. */
export async function signIn(page: Page, email: string) {
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.locator('form button[type="submit"]').click()
  const queue = page.locator('section.my-queue')
  await queue.waitFor({ timeout: 60_000 })
  return queue
}

export type AxeViolation = {
  id: string
  impact?: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** axe-core with the WCAG 2.0/2.1 A and AA rules; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: AxeViolation[] }
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact ?? '?'}): ${v.help}\n` +
        v.nodes
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n')
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  // A full-page picture shows the whole page as a reader sees it after scrolling: lazy images
  // below the first screen are loaded first (else they are blank boxes in the picture).
  await page.evaluate(async () => {
    const lazy = [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')]
    for (const img of lazy) img.loading = 'eager'
    await Promise.all(
      lazy.map((img) =>
        img.complete
          ? undefined
          : new Promise<void>((done) => {
              img.addEventListener('load', () => done(), { once: true })
              img.addEventListener('error', () => done(), { once: true })
              setTimeout(done, 5_000)
            }),
      ),
    )
  })
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Console errors, uncaught page errors and CSP violations seen by a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return errors
}
