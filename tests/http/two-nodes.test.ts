// Two public nodes behind one address, on one PostgreSQL database: this test's process serves
// node A, a child process serves node B (ROLE=public). What one node knows, the other must:
// the CAPTCHA a form carries, the submission it made, the counts of the rate limits, and the
// purges of a publish.
import { type ChildProcess, spawn } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type * as Captcha from '../../src/services/captcha'
import { makeArticle } from '../helpers/fixtures'
import { startServer, type TestServer } from '../helpers/server'
import { hidden, visitor } from '../helpers/visitor'

let a: TestServer
let child: ChildProcess
let portB = 0
let siteId: string | number
let tzgg: string | number
let peekCaptchaAnswer: typeof Captcha.peekCaptchaAnswer

beforeAll(async () => {
  process.env.TEST_DB = 'postgres'
  process.env.POSTGRES_TEST_URL ??= 'postgres://jiyue:jiyue@127.0.0.1:5432/postgres'
  a = await startServer({ seed: true })
  ;({ peekCaptchaAnswer } = await import('../../src/services/captcha'))
  const site = await a.payload.find({ collection: 'sites', where: { slug: { equals: 'www' } } })
  siteId = site.docs[0].id
  const col = await a.payload.find({
    collection: 'columns',
    where: { and: [{ site: { equals: siteId } }, { path: { equals: 'tzgg' } }] },
  })
  tzgg = col.docs[0].id
  child = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'tests/helpers/public-node.ts'],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        ROLE: 'public',
        JOBS: 'off',
        DATABASE_URL: a.databaseUrl,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  portB = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /PORT=(\d+)/.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.on('exit', (code) => reject(new Error(`node B exited (${code}): ${stderr.slice(-2000)}`)))
  })
}, 180_000)

afterAll(async () => {
  if (child && child.exitCode == null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (child.exitCode == null) child.kill('SIGKILL')
  }
  await a?.close()
})

const CODE = /<strong class="tracking-code">([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})<\/strong>/

const idCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  return '10X98765432'[sum % 11]
}

const applicant = {
  applicantKind: 'natural-person',
  name: '两节点申请人',
  idNumber: '11010519900307123' + idCheck('11010519900307123'),
  phone: '13912345678',
  email: 'two.nodes@example.cn',
  address: '青川市人民路 1 号',
  postcode: '610000',
  description: '请提供青川市2025年度公共自行车运营维护合同。',
  formWanted: 'electronic',
  delivery: 'email',
  declaration: 'on',
}

describe('two public nodes on one database', () => {
  it('takes a form fetched from one node and posted to the other, once', async () => {
    const v = visitor('www.localhost', '10.1.0.1', a.port)
    const form = await v.get('/ysqgk/?captcha=text', a.port)
    expect(form.status).toBe(200)
    const captchaId = hidden(form.text, 'captchaId')
    const fields = {
      ...applicant,
      _csrf: hidden(form.text, '_csrf'),
      idem: hidden(form.text, 'idem'),
      captchaId,
      captchaKind: hidden(form.text, 'captchaKind'),
      captchaAnswer: peekCaptchaAnswer(captchaId) ?? '',
    }
    const onB = await v.post('/ysqgk/', fields, portB)
    expect(onB.status, onB.text.slice(0, 300)).toBe(200)
    const code = CODE.exec(onB.text)?.[1]
    expect(code).toBeDefined()
    // The same submission sent again, to the first node: recognised, not made twice.
    const onA = await v.post('/ysqgk/', fields, a.port)
    expect(onA.status).toBe(200)
    expect(CODE.exec(onA.text)?.[1]).toBe(code)
    const stored = await a.payload.find({
      collection: 'disclosure-requests',
      where: { idempotencyKey: { equals: fields.idem } },
      overrideAccess: true,
      depth: 0,
    })
    expect(stored.totalDocs).toBe(1)
    // Its CAPTCHA solved that submission only: another submission cannot reuse it on either node.
    const other = await v.post('/ysqgk/', { ...fields, idem: 'another-submission-key-0001' }, portB)
    expect(other.status).toBe(400)
    expect(other.text).toContain('验证码不正确')
  })

  it('counts a rate limit across both nodes', async () => {
    const v = visitor('www.localhost', '10.1.0.2', a.port)
    const wrong = async (port: number, i: number) => {
      const page = await v.get('/ysqgk/track', port)
      return v.post(
        '/ysqgk/track',
        {
          _csrf: hidden(page.text, '_csrf'),
          code: `ZZZZ-ZZZZ-ZZZZ-Z${String(i).padStart(3, '0')}`,
        },
        port,
      )
    }
    // Ten wrong codes are allowed per address: five on each node.
    for (let i = 0; i < 10; i++) expect((await wrong(i % 2 ? portB : a.port, i)).status).toBe(404)
    const eleventh = await wrong(a.port, 10)
    expect(eleventh.status).toBe(429)
    expect((await wrong(portB, 11)).status).toBe(429)
  })

  it('shows a publish on both nodes within a second', async () => {
    const v = visitor('www.localhost', '10.1.0.3', a.port)
    const art = await makeArticle(a.payload, { site: siteId, column: tzgg, title: '两节点原标题' })
    const href = `/tzgg/${art.id}.html`
    // Both nodes hold the page in their caches first. The article's own creation left a purge
    // row that a node may apply between two requests (dropping the entry once), so the hit is
    // waited for rather than expected on the second request.
    for (const port of [a.port, portB]) {
      await expect
        .poll(async () => (await v.get(href, port)).headers['x-cache'], {
          timeout: 3000,
          interval: 100,
        })
        .toBe('HIT')
      expect((await v.get(href, port)).text).toContain('两节点原标题')
    }
    const changedAt = Date.now()
    await a.payload.update({
      collection: 'articles',
      id: art.id,
      data: { title: '两节点新标题' },
      overrideAccess: true,
    })
    const seen: Record<string, number> = {}
    while (Date.now() - changedAt < 3000 && Object.keys(seen).length < 2) {
      for (const [name, port] of [
        ['A', a.port],
        ['B', portB],
      ] as const) {
        if (seen[name] != null) continue
        const res = await v.get(href, port)
        if (res.text.includes('两节点新标题')) seen[name] = Date.now() - changedAt
      }
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(seen.A, 'node A').toBeLessThanOrEqual(1000)
    expect(seen.B, 'node B').toBeLessThanOrEqual(1000)
  })
})
