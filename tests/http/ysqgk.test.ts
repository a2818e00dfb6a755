// 依申请公开 over HTTP: the form with CSRF, CAPTCHA and limits; one request per submission;
// tracking that shows the clock and nothing personal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { chineseNumber } from '../../src/domain/captcha-question'
import { beijingDate } from '../../src/domain/dates'
import { whileDatabaseDown } from '../helpers/outage'
import type { FormServer } from '../helpers/visitor'
import { hidden, startFormServer, unescape } from '../helpers/visitor'

let s: FormServer
let wwwId: string | number

beforeAll(async () => {
  s = await startFormServer()
  const site = await s.payload.find({ collection: 'sites', where: { slug: { equals: 'www' } } })
  wwwId = site.docs[0].id
})
afterAll(async () => s?.close())

// ---------------------------------------------------------------- a small browser

/** One visitor of this test's server. */
const visitor = (host: string, ip: string) => s.visitor(ip, host)

// Made-up numbers; the check character is computed here.
const idCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  return '10X98765432'[sum % 11]
}
const ID = '11010519900307123' + idCheck('11010519900307123')
const WRONG_ID = ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1')

const applicant = {
  applicantKind: 'natural-person',
  name: '测试申请人甲',
  idNumber: ID,
  phone: '13912345678',
  email: 'applicant.test@example.cn',
  address: '青川市人民路 99 号',
  postcode: '610000',
  description: '请提供青川市2025年度城市道路维修工程的招标文件及中标结果公告。',
  documentRef: '青川府发〔2025〕7号',
  formWanted: 'electronic',
  delivery: 'email',
  declaration: 'on',
}

const CODE = /<strong class="tracking-code">([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})<\/strong>/

async function requestsWithKey(key: string) {
  const res = await s.payload.find({
    collection: 'disclosure-requests',
    where: { idempotencyKey: { equals: key } },
    overrideAccess: true,
    depth: 0,
  })
  return res.docs as unknown as Record<string, unknown>[]
}

/** Submits a complete request from a fresh visitor; returns its code. */
async function submit(host: string, ip: string, fields: Record<string, string> = applicant) {
  const v = visitor(host, ip)
  const form = await v.get('/ysqgk/')
  const res = await v.post('/ysqgk/', { ...fields, ...s.formTokens(form.text) })
  const code = CODE.exec(res.text)?.[1]
  if (!code) throw new Error(`no code in ${res.status}: ${res.text.slice(0, 500)}`)
  return code
}

/** Sends a complete request with one file as a PDF from a fresh visitor of www. */
async function submitWithPdf(ip: string, name: string, bytes: Buffer) {
  const v = visitor('www.localhost', ip)
  const form = await v.get('/ysqgk/')
  const tokens = s.formTokens(form.text)
  const res = await v.postMultipart(
    '/ysqgk/',
    { ...applicant, ...tokens },
    { name, type: 'application/pdf', bytes },
  )
  return { res, idem: tokens.idem }
}

// ---------------------------------------------------------------- the form

describe('the request form', () => {
  it('serves the form with a CSRF cookie and token, an idempotency token and a CAPTCHA', async () => {
    const v = visitor('www.localhost', '10.0.1.1')
    const res = await v.get('/ysqgk/')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['set-cookie']?.join()).toMatch(/ysqgk-csrf=[^;]+;.*HttpOnly/i)
    expect(hidden(res.text, '_csrf')).toMatch(/^[0-9a-f]{64}\.[0-9a-f]+$/)
    expect(hidden(res.text, 'idem')).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const captchaId = hidden(res.text, 'captchaId')
    expect(res.text).toContain(`src="/ysqgk/captcha/${captchaId}.svg"`)
    const svg = await v.get(`/ysqgk/captcha/${captchaId}.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(svg.text).toMatch(/^<svg/)
    // Accessible: every field labelled, required said in words, radio groups in fieldsets.
    expect(res.text).toContain(
      '<label class="form-label" for="f-idNumber">身份证号码<span class="form-required">（必填）</span></label>',
    )
    expect(res.text).toContain(
      '<legend class="form-label">申请人类型<span class="form-required">（必填）</span></legend>',
    )
    for (const label of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])
      expect(res.text).toContain(`">${label}</label>`)
    // CSP: no inline script or style.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(res.text).not.toMatch(/\sstyle=|<style/)
    expect(res.text).toContain('<script src="/assets/site.js" defer></script>')
  })

  it('offers a plain-text arithmetic question instead of the picture, without JavaScript', async () => {
    const v = visitor('www.localhost', '10.0.1.2')
    const image = await v.get('/ysqgk/')
    expect(image.text).toContain('href="/ysqgk/?captcha=text"')
    const res = await v.get('/ysqgk/?captcha=text')
    // Varied wording, numbers in words or digits: a question, said in words, ending in ？.
    expect(res.text).toMatch(/验证码：[^<]*[一二三四五六七八九十\d][^<]*？<span/)
    expect(res.text).not.toContain('/ysqgk/captcha/')
    expect(s.peekCaptchaAnswer(hidden(res.text, 'captchaId'))).toMatch(/^\d{1,2}$/)
    // Care mode starts with the question, and keeps care mode in the form's address.
    const care = await v.get('/ysqgk/?care=1')
    expect(hidden(care.text, 'captchaKind')).toBe('text')
    expect(care.text).toContain('action="/ysqgk/?care=1"')
  })

  it('switches to the question on a button, keeping what was typed', async () => {
    const v = visitor('www.localhost', '10.0.1.3')
    const form = await v.get('/ysqgk/')
    const res = await v.post('/ysqgk/', {
      ...applicant,
      ...s.formTokens(form.text),
      switchCaptcha: 'text',
    })
    expect(res.status).toBe(200)
    expect(hidden(res.text, 'captchaKind')).toBe('text')
    expect(res.text).toContain(`value="${applicant.name}"`)
    expect(res.text).not.toContain('error-summary')
  })

  it('creates exactly one request from a valid submission and shows its code and due date', async () => {
    const v = visitor('www.localhost', '10.0.2.1')
    const form = await v.get('/ysqgk/')
    const tokens = s.formTokens(form.text)
    const res = await v.post('/ysqgk/', { ...applicant, ...tokens })
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toMatch(/no-store/)
    const code = CODE.exec(res.text)?.[1]
    expect(code).toBeDefined()
    const docs = await requestsWithKey(tokens.idem)
    expect(docs).toHaveLength(1)
    const doc = docs[0]
    expect(doc).toMatchObject({
      site: wwwId,
      channel: 'web',
      trackingCode: code,
      applicantKind: 'natural-person',
      applicantName: '测试申请人甲',
      idType: 'resident-id',
      idNumber: ID,
      phone: '13912345678',
      email: 'applicant.test@example.cn',
      address: '青川市人民路 99 号',
      postcode: '610000',
      description: applicant.description,
      documentRef: '青川府发〔2025〕7号',
      formWanted: 'electronic',
      delivery: 'email',
      status: 'received',
    })
    const due = beijingDate(doc.dueDate as string)
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(res.text).toContain(`<div><dt>答复截止日</dt><dd>${due}</dd></div>`)
    expect(res.text).toContain(
      `<div><dt>收到申请日期</dt><dd>${beijingDate(new Date())}</dd></div>`,
    )
    for (const line of doc.dueExplanation as string[]) expect(unescape(res.text)).toContain(line)
    expect(res.text).toContain('href="/ysqgk/track"')
    // The receipt shows the reply address masked, nothing else personal.
    expect(res.text).toContain('a***@example.cn')
    expect(res.text).not.toContain(ID)
    expect(res.text).not.toContain('applicant.test@example.cn')
  })

  it('takes the arithmetic answer in care mode, in full-width digits too', async () => {
    const v = visitor('www.localhost', '10.0.2.4')
    const form = await v.get('/ysqgk/?care=1')
    const tokens = s.formTokens(form.text)
    expect(tokens.captchaKind).toBe('text')
    const wide = tokens.captchaAnswer.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    const res = await v.post('/ysqgk/?care=1', { ...applicant, ...tokens, captchaAnswer: wide })
    expect(res.status).toBe(200)
    expect(res.text).toMatch(CODE)
    expect(res.text).toContain('<html lang="zh-CN" class="care">')
    expect(await requestsWithKey(tokens.idem)).toHaveLength(1)
  })

  it('takes the arithmetic answer written in Chinese words', async () => {
    const v = visitor('www.localhost', '10.0.2.5')
    const form = await v.get('/ysqgk/?captcha=text')
    const tokens = s.formTokens(form.text)
    const words = chineseNumber(Number(tokens.captchaAnswer))
    const res = await v.post('/ysqgk/', { ...applicant, ...tokens, captchaAnswer: words })
    expect(res.status).toBe(200)
    expect(res.text).toMatch(CODE)
  })

  it('answers the same submission sent twice with the same request and code', async () => {
    const v = visitor('www.localhost', '10.0.2.2')
    const form = await v.get('/ysqgk/')
    const fields = { ...applicant, ...s.formTokens(form.text) }
    const first = await v.post('/ysqgk/', fields)
    const second = await v.post('/ysqgk/', fields)
    expect(second.status).toBe(200)
    expect(CODE.exec(second.text)?.[1]).toBe(CODE.exec(first.text)?.[1])
    expect(await requestsWithKey(fields.idem)).toHaveLength(1)
  })

  it('makes one request of a double click (both posts at once)', async () => {
    const v = visitor('www.localhost', '10.0.2.3')
    const form = await v.get('/ysqgk/')
    const fields = { ...applicant, ...s.formTokens(form.text) }
    const [a, b] = await Promise.all([v.post('/ysqgk/', fields), v.post('/ysqgk/', fields)])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(CODE.exec(a.text)?.[1]).toBeDefined()
    expect(CODE.exec(b.text)?.[1]).toBe(CODE.exec(a.text)?.[1])
    expect(await requestsWithKey(fields.idem)).toHaveLength(1)
  })

  it('names a wrong ID number next to its field and keeps every value', async () => {
    const v = visitor('www.localhost', '10.0.3.1')
    const form = await v.get('/ysqgk/')
    const tokens = s.formTokens(form.text)
    const res = await v.post('/ysqgk/', { ...applicant, idNumber: WRONG_ID, ...tokens })
    expect(res.status).toBe(400)
    expect(res.text).toContain(
      '<p class="form-error" id="f-idNumber-error"><span class="form-error-prefix">错误：</span>身份证号码校验位不正确，请核对后重新填写</p>',
    )
    expect(res.text).toMatch(
      /id="f-idNumber"[^>]*value="[0-9X]{18}"[^>]*aria-invalid="true" aria-describedby="f-idNumber-hint f-idNumber-error"/,
    )
    expect(res.text).toContain(
      '<li><a href="#f-idNumber">身份证号码：身份证号码校验位不正确，请核对后重新填写</a></li>',
    )
    expect(res.text).toContain('role="alert"')
    for (const value of [
      WRONG_ID,
      applicant.name,
      applicant.phone,
      applicant.address,
      applicant.postcode,
    ])
      expect(res.text).toContain(`value="${value}"`)
    expect(unescape(res.text)).toContain(`>${applicant.description}</textarea>`)
    expect(res.text).toMatch(/value="natural-person" checked/)
    expect(res.text).toMatch(/value="email" checked/)
    expect(res.text).toMatch(/name="declaration" value="on" checked/)
    // The same idempotency token: the corrected form is still one submission.
    expect(hidden(res.text, 'idem')).toBe(tokens.idem)
    expect(await requestsWithKey(tokens.idem)).toHaveLength(0)
  })

  it('names every missing field of an empty form in the summary', async () => {
    const v = visitor('www.localhost', '10.0.3.2')
    const form = await v.get('/ysqgk/')
    const res = await v.post('/ysqgk/', s.formTokens(form.text))
    expect(res.status).toBe(400)
    const links = [...res.text.matchAll(/<li><a href="(#f-[\w-]+)">/g)].map((m) => m[1])
    expect(links).toEqual([
      '#f-applicantKind-natural-person',
      '#f-phone',
      '#f-description',
      '#f-formWanted-paper',
      '#f-delivery-post',
      '#f-declaration',
    ])
    expect(res.text).toContain('申请未能提交，请修改以下 6 处：')
  })

  it('refuses a post without the CSRF token with 403 and keeps the values', async () => {
    const v = visitor('www.localhost', '10.0.4.1')
    const form = await v.get('/ysqgk/')
    const { _csrf: _, ...tokens } = s.formTokens(form.text)
    const res = await v.post('/ysqgk/', { ...applicant, ...tokens })
    expect(res.status).toBe(403)
    expect(res.text).toContain('页面已过期或来源无法验证')
    expect(res.text).toContain(`value="${applicant.name}"`)
    expect(await requestsWithKey(tokens.idem)).toHaveLength(0)
    // Without the cookie, too.
    const bare = visitor('www.localhost', '10.0.4.1')
    const again = await bare.post('/ysqgk/', { ...applicant, ...s.formTokens(form.text) })
    expect(again.status).toBe(403)
  })

  it('says 验证码不正确 for a wrong answer and keeps the values', async () => {
    const v = visitor('www.localhost', '10.0.5.1')
    const form = await v.get('/ysqgk/')
    const tokens = s.formTokens(form.text)
    const res = await v.post('/ysqgk/', { ...applicant, ...tokens, captchaAnswer: 'WRONG' })
    expect(res.status).toBe(400)
    expect(res.text).toContain('验证码不正确')
    expect(res.text).toContain('<li><a href="#f-captcha">验证码：验证码不正确')
    expect(res.text).toContain(`value="${applicant.name}"`)
    // A new CAPTCHA; the old one is spent even with the right answer now.
    expect(hidden(res.text, 'captchaId')).not.toBe(tokens.captchaId)
    const retry = await v.post('/ysqgk/', { ...applicant, ...tokens })
    expect(retry.text).toContain('验证码不正确')
    expect(await requestsWithKey(tokens.idem)).toHaveLength(0)
  })

  it('stores a PDF attachment with the request, judged by its bytes', async () => {
    const pdf = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF\n',
    )
    const { res, idem } = await submitWithPdf('10.0.6.1', '身份证明.pdf', pdf)
    expect(res.status).toBe(200)
    expect(CODE.test(res.text)).toBe(true)
    const [doc] = await requestsWithKey(idem)
    expect(doc.files).toHaveLength(1)
    const file = await s.payload.findByID({
      collection: 'request-files',
      id: (doc.files as (string | number)[])[0],
      overrideAccess: true,
      depth: 0,
    })
    expect(file).toMatchObject({ site: wwwId, mimeType: 'application/pdf', filesize: pdf.length })
  })

  it('refuses a program renamed .pdf with a Chinese message, keeping the values', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(400, 0)])
    const { res, idem } = await submitWithPdf('10.0.6.2', 'scan.pdf', exe)
    expect(res.status).toBe(400)
    expect(res.text).toContain(
      '附件只接受 PDF、OFD、Word（DOC/DOCX）文件和 JPG、PNG 图片；所选文件的内容不属于这些格式（与文件扩展名无关）',
    )
    expect(res.text).toContain('<li><a href="#f-attachment">附件：')
    expect(res.text).toContain(`value="${applicant.name}"`)
    expect(await requestsWithKey(idem)).toHaveLength(0)
  })

  it('refuses an attachment over 5 MB with a Chinese message', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5.5 * 1024 * 1024, 0x20)])
    const { res, idem } = await submitWithPdf('10.0.6.3', 'big.pdf', big)
    expect(res.status).toBe(400)
    expect(res.text).toContain('附件大小为 5.5 MB，超过了 5.0 MB 的上限，请压缩或分页后重新选择')
    expect(res.text).toContain(`value="${applicant.phone}"`)
    expect(await requestsWithKey(idem)).toHaveLength(0)
  })

  it('keeps what was typed when the attachment is far over the limit (past the old 7 MB guard)', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(9 * 1024 * 1024, 0x20)])
    const { res, idem } = await submitWithPdf('10.0.6.4', '扫描件.pdf', big)
    expect(res.status).toBe(400)
    expect(res.text).toContain('附件大小为 9.0 MB，超过了 5.0 MB 的上限')
    expect(res.text).toContain(`value="${applicant.name}"`)
    expect(res.text).toContain(applicant.description)
    expect(await requestsWithKey(idem)).toHaveLength(0)
  })

  it('refuses a sixth request from one address within ten minutes with 429', async () => {
    const ip = '10.0.7.1'
    for (let i = 0; i < 5; i++) await submit('fgw.localhost', ip)
    const v = visitor('fgw.localhost', ip)
    const form = await v.get('/ysqgk/')
    const res = await v.post('/ysqgk/', { ...applicant, ...s.formTokens(form.text) })
    expect(res.status).toBe(429)
    expect(res.headers['retry-after']).toMatch(/^\d+$/)
    expect(res.text).toMatch(/同一网络地址提交的申请过多，操作过于频繁，请于 \d+ 分钟后再试/)
    expect(res.text).toContain(`value="${applicant.name}"`)
  })
})

// ---------------------------------------------------------------- tracking

describe('tracking a request', () => {
  let code: string

  beforeAll(async () => {
    code = await submit('www.localhost', '10.0.8.1')
  })

  const track = async (host: string, ip: string, typed: string) => {
    const v = visitor(host, ip)
    const form = await v.get('/ysqgk/track')
    return v.post('/ysqgk/track', { _csrf: hidden(form.text, '_csrf'), code: typed })
  }

  it('shows the status, dates and timeline, and nothing personal', async () => {
    const res = await track('www.localhost', '10.0.8.2', code.toLowerCase().replace(/-/g, ' '))
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toMatch(/no-store/)
    const [doc] = (
      await s.payload.find({
        collection: 'disclosure-requests',
        where: { trackingCode: { equals: code } },
        overrideAccess: true,
      })
    ).docs as unknown as Record<string, unknown>[]
    expect(res.text).toContain('<div><dt>受理机关</dt><dd>青川市人民政府</dd></div>')
    expect(res.text).toContain('<div><dt>办理状态</dt><dd><strong>已收到</strong></dd></div>')
    expect(res.text).toContain(
      `<div><dt>答复截止日</dt><dd>${beijingDate(doc.dueDate as string)}</dd></div>`,
    )
    expect(res.text).toContain('网上提交申请')
    for (const line of doc.dueExplanation as string[]) expect(unescape(res.text)).toContain(line)
    for (const secret of [
      applicant.name,
      ID,
      applicant.phone,
      applicant.email,
      applicant.address,
      applicant.description,
      applicant.documentRef,
      code,
    ])
      expect(unescape(res.text)).not.toContain(secret)
  })

  it('says 未找到 for an unknown code', async () => {
    const res = await track('www.localhost', '10.0.8.3', 'ABCD-EFGH-JKMN-PQRS')
    expect(res.status).toBe(404)
    expect(res.text).toContain('未找到该查询码对应的申请，请核对后重新输入')
    const garbage = await track('www.localhost', '10.0.8.3', 'not a code')
    expect(garbage.text).toContain('未找到该查询码对应的申请，请核对后重新输入')
  })

  it('says 未找到 for the code of another site’s request', async () => {
    const res = await track('fgw.localhost', '10.0.8.4', code)
    expect(res.status).toBe(404)
    expect(res.text).toContain('未找到该查询码对应的申请，请核对后重新输入')
    expect(res.text).not.toContain('已收到')
  })

  it('blocks an address after ten wrong codes with 429, even for a right code', async () => {
    const ip = '10.0.8.5'
    for (let i = 0; i < 10; i++) {
      const res = await track('www.localhost', ip, `ZZZZ-ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '0')}`)
      expect(res.status).toBe(404)
    }
    const blocked = await track('www.localhost', ip, 'ZZZZ-ZZZZ-ZZZZ-ZZ99')
    expect(blocked.status).toBe(429)
    expect(blocked.text).toMatch(/查询码输入错误次数过多，操作过于频繁，请于 1[45] 分钟后再试/)
    const right = await track('www.localhost', ip, code)
    expect(right.status).toBe(429)
    // Another address is not affected.
    expect((await track('www.localhost', '10.0.8.6', code)).status).toBe(200)
  })

  it('refuses a tracking post without the CSRF token', async () => {
    const v = visitor('www.localhost', '10.0.8.7')
    const res = await v.post('/ysqgk/track', { code })
    expect(res.status).toBe(403)
    expect(res.text).not.toContain('已收到')
  })
})

// ---------------------------------------------------------------- failures

describe('when the database fails', () => {
  it('shows the form again with everything typed, 503 and Retry-After, and saves it on the retry', async () => {
    const v = visitor('www.localhost', '10.0.9.1')
    const form = await v.get('/ysqgk/')
    const tokens = s.formTokens(form.text)
    const res = await whileDatabaseDown(s.payload, () =>
      v.post('/ysqgk/', { ...applicant, ...tokens }),
    )
    expect(res.status).toBe(503)
    expect(res.headers['retry-after']).toBe('60')
    expect(res.text).toContain('系统暂时无法保存您的申请，您填写的内容已保留在下方')
    for (const typed of [applicant.name, applicant.idNumber, applicant.phone, applicant.address])
      expect(res.text).toContain(`value="${typed}"`)
    expect(res.text).toContain(applicant.description)
    // The same submission (its idempotency key) with a new CAPTCHA: stored once, when it works.
    expect(hidden(res.text, 'idem')).toBe(tokens.idem)
    const again = await v.post('/ysqgk/', { ...applicant, ...s.formTokens(res.text) })
    expect(again.status).toBe(200)
    expect(again.text).toMatch(CODE)
    expect(await requestsWithKey(tokens.idem)).toHaveLength(1)
  })

  it('keeps the typed tracking code and says to try again', async () => {
    const v = visitor('www.localhost', '10.0.9.2')
    const page = await v.get('/ysqgk/track')
    const res = await whileDatabaseDown(s.payload, () =>
      v.post('/ysqgk/track', { _csrf: hidden(page.text, '_csrf'), code: 'ABCD-EFGH-JKLM-NPQR' }),
    )
    expect(res.status).toBe(503)
    expect(res.text).toContain('系统暂时无法查询办理进度')
    expect(res.text).toContain('value="ABCD-EFGH-JKLM-NPQR"')
  })
})
