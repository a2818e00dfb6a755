// 互动交流 over HTTP: the mailboxes and published letters on the demo platform, the letter form
// with CSRF, CAPTCHA and limits (everything typed shown again on a refusal, one letter per
// submission), tracking with the query code, the writer's rating once; no writer's personal data
// on any public page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '../../src/domain/ids'
import { DEMO_WRITER_SECRETS } from '../../src/seed/letters'
import { whileDatabaseDown } from '../helpers/outage'
import type { FormServer, RawAnswer } from '../helpers/visitor'
import { hidden, startFormServer, unescape } from '../helpers/visitor'

let s: FormServer

beforeAll(async () => {
  s = await startFormServer()
}, 180_000)
afterAll(async () => s?.close())

const letter = {
  subject: '测试来信：路口红绿灯时间太短',
  category: 'suggest',
  content: '市民大道与滨江路路口的行人绿灯只有15秒，老人过马路来不及，建议延长到30秒。',
  name: '测试写信人',
  title: 'ms',
  phone: '13912345678',
  email: 'writer-test@example.com',
  consentPersonalData: 'on',
  consentPublish: 'on',
}

const codeOf = (html: string) => /class="tracking-code">([^<]+)</.exec(html)?.[1] ?? ''

describe('互动交流 on the demo platform', () => {
  it('lists the site’s mailboxes and published letters, reached from every page’s navigation', async () => {
    const v = s.visitor('10.2.0.1')
    const home = await v.get('/')
    expect(home.text).toMatch(/<a href="\/hdjl\/"[^>]*>互动交流<\/a>/)
    const index = await v.get('/hdjl/')
    expect(index.status).toBe(200)
    expect(index.text).toContain('市长信箱')
    expect(index.text).toContain('/hdjl/mayor/write')
    const box = await v.get('/hdjl/mayor/')
    expect(box.status).toBe(200)
    const links = [...box.text.matchAll(/href="(\/hdjl\/mayor\/[0-9a-f]+\.html)"/g)].map(
      (m) => m[1],
    )
    expect(links.length).toBeGreaterThan(5)
    const page = await v.get(links[0])
    expect(page.status).toBe(200)
    expect(page.text).toContain('答复')
    const dept = await s.visitor('10.2.0.2', 'fgw.localhost').get('/hdjl/')
    expect(dept.text).toContain('局长信箱')
  })

  it('never shows a writer’s name, phone or e-mail on a public page', async () => {
    const v = s.visitor('10.2.0.3')
    const pages: RawAnswer[] = [
      await v.get('/hdjl/'),
      await v.get('/hdjl/mayor/'),
      await v.get('/hdjl/mayor/?page=2'),
    ]
    const links = [...pages[1].text.matchAll(/href="(\/hdjl\/mayor\/[0-9a-f]+\.html)"/g)].map(
      (m) => m[1],
    )
    for (const href of links) pages.push(await v.get(href))
    for (const p of pages)
      for (const secret of DEMO_WRITER_SECRETS) expect(p.text).not.toContain(secret)
    // The API is not served on a site's host (and refuses anonymous readers: tests/int/letters).
    const api = await v.get('/api/letters?limit=5')
    expect(api.status).toBe(404)
    expect(api.text).not.toContain('13800000001')
  })

  it('does not answer for a letter that is not published', async () => {
    const unpublished = await s.payload.find({
      collection: 'letters',
      where: { published: { equals: false } },
      limit: 1,
      overrideAccess: true,
    })
    const id = unpublished.docs[0].id
    const res = await s.visitor('10.2.0.4').get(`/hdjl/mayor/${id}.html`)
    expect(res.status).toBe(404)
  })

  it('refuses a wrong letter with every field named and everything typed shown again', async () => {
    const v = s.visitor('10.2.0.5')
    const form = await v.get('/hdjl/mayor/write')
    expect(form.status).toBe(200)
    const typed = { ...letter, phone: '1234', content: '太短' }
    const res = await v.post('/hdjl/mayor/write', { ...typed, ...s.formTokens(form.text) })
    expect(res.status).toBe(400)
    const html = unescape(res.text)
    expect(html).toContain('来信未能提交，请修改以下 2 处')
    expect(html).toContain('手机号码格式不正确')
    expect(html).toContain('来信内容至少 10 个字')
    expect(html).toContain(`value="${typed.subject}"`)
    expect(html).toContain('>太短</textarea>')
    expect(html).toContain('value="1234"')
  })

  it('stores one letter per submission, gives its number and query code, and shows text as text', async () => {
    const v = s.visitor('10.2.0.6')
    const form = await v.get('/hdjl/mayor/write')
    const hostile = {
      ...letter,
      subject: '<script>alert(1)</script>{{ 7 | times: 6 }}',
      content: '<img src=x onerror=alert(1)> {% raw %} 路口红绿灯时间太短，请延长行人绿灯时间。',
    }
    const fields = { ...hostile, ...s.formTokens(form.text) }
    const first = await v.post('/hdjl/mayor/write', fields)
    expect(first.status).toBe(200)
    const code = codeOf(first.text)
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    expect(first.text).toMatch(/WWW-\d{4}-\d{6}/)
    expect(first.headers['cache-control']).toContain('no-store')
    const again = await v.post('/hdjl/mayor/write', fields)
    expect(codeOf(again.text)).toBe(code)
    const stored = await s.payload.count({
      collection: 'letters',
      where: { queryCode: { equals: code } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(1)

    const page = await v.get('/hdjl/track')
    const tracked = await v.post('/hdjl/track', {
      _csrf: hidden(page.text, '_csrf'),
      code: code.toLowerCase(),
    })
    expect(tracked.status).toBe(200)
    expect(tracked.text).toContain('待受理')
    expect(tracked.text).not.toContain('<script>alert(1)</script>')
    expect(tracked.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{ 7 | times: 6 }}')
    // Not evaluated as a template (the page's dates and codes may hold a 42 of their own).
    expect(tracked.text).not.toContain('&lt;/script&gt;42')
    expect(tracked.text).not.toContain(letter.phone)
  })

  it('answers 未找到 to a wrong code and limits wrong guesses', async () => {
    const v = s.visitor('10.2.0.7')
    const page = await v.get('/hdjl/track')
    const csrf = hidden(page.text, '_csrf')
    const res = await v.post('/hdjl/track', { _csrf: csrf, code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' })
    expect(res.status).toBe(404)
    expect(res.text).toContain('未找到该查询码对应的来信')
    let last = res
    for (let i = 0; i < 10; i++)
      last = await v.post('/hdjl/track', { _csrf: csrf, code: `ZZZZ-ZZZZ-ZZZZ-Z${i}ZZ` })
    expect(last.status).toBe(429)
    expect(last.headers['retry-after']).toBeTruthy()
  })

  it('lets the writer read the answer and rate it once; a 差评 is followed up', async () => {
    const v = s.visitor('10.2.0.8')
    const form = await v.get('/hdjl/mayor/write')
    const done = await v.post('/hdjl/mayor/write', { ...letter, ...s.formTokens(form.text) })
    const code = codeOf(done.text)
    const row = (
      await s.payload.find({
        collection: 'letters',
        where: { queryCode: { equals: code } },
        overrideAccess: true,
      })
    ).docs[0]
    const step = (data: Record<string, unknown>) =>
      s.payload.update({ collection: 'letters', id: row.id, data, overrideAccess: true })
    await step({ step: 'accept' })
    await step({ step: 'answer', answer: '已通知交警部门，行人绿灯将延长至30秒。' })
    await step({ step: 'approve' })
    const page = await v.get('/hdjl/track')
    const csrf = hidden(page.text, '_csrf')
    const shown = await v.post('/hdjl/track', { _csrf: csrf, code })
    expect(shown.text).toContain('已通知交警部门')
    expect(shown.text).toContain('评价答复')
    const missing = await v.post('/hdjl/track', { _csrf: csrf, code, action: 'rate' })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('请选择满意程度')
    const rated = await v.post('/hdjl/track', {
      _csrf: csrf,
      code,
      action: 'rate',
      rating: 'dissatisfied',
      resolved: 'no',
      comment: '绿灯时间仍然没有变化',
    })
    expect(rated.status).toBe(200)
    expect(rated.text).toContain('办理单位将在跟进期限内重新办理或向您说明')
    expect(rated.text).toContain('差评跟进中')
    expect(rated.text).not.toContain('提交评价')
    const twice = await v.post('/hdjl/track', {
      _csrf: csrf,
      code,
      action: 'rate',
      rating: 'satisfied',
    })
    expect(twice.status).toBe(400)
    expect(twice.text).toContain('只能评价一次')
    const after = await s.payload.findByID({
      collection: 'letters',
      id: row.id,
      overrideAccess: true,
    })
    expect(after.rating).toBe('dissatisfied')
    expect(String(idOf(after.site))).toBe(String(idOf(row.site)))
  })

  it('keeps what was typed when the database is away: 503, Retry-After and the form', async () => {
    const v = s.visitor('10.2.0.9')
    const form = await v.get('/hdjl/mayor/write')
    const tokens = s.formTokens(form.text)
    const res = await whileDatabaseDown(s.payload, () =>
      v.post('/hdjl/mayor/write', { ...letter, ...tokens }),
    )
    expect(res.status).toBe(503)
    expect(res.headers['retry-after']).toBe('60')
    expect(unescape(res.text)).toContain(letter.content)
    expect(res.text).toContain('系统暂时无法保存您的来信')
  })
})

describe('互动交流 figures', () => {
  it('shows this year’s figures from the one domain computation, with shares only from the minimum sample', async () => {
    const { feedbackFigures } = await import('../../src/services/feedback-stats')
    const { yearToDate } = await import('../../src/domain/feedback-stats')
    const { todayInBeijing } = await import('../../src/services/request-clock')
    const site = (
      await s.payload.find({
        collection: 'sites',
        where: { slug: { equals: 'www' } },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    const table = await feedbackFigures(s.payload, {
      site: site.id,
      period: yearToDate(todayInBeijing()),
    })
    const stats = table.sites[0]
    expect(stats.received).toBeGreaterThan(10)
    const html = (await s.visitor('10.2.1.1').get('/hdjl/')).text
    expect(html).toContain(`<dt>收到来信</dt><dd>${stats.received} 封</dd>`)
    expect(html).toContain(`<dt>已答复</dt><dd>${stats.answered} 封</dd>`)
    expect(html).toMatch(/按期答复率<\/dt><dd>\d+%（95% 区间 \d+%–\d+%）/)
    const dept = (await s.visitor('10.2.1.2', 'wjw.localhost').get('/hdjl/')).text
    expect(dept).toContain('<dt>收到来信</dt>')
  })
})
