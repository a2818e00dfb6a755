// Mail goes out through nodemailer to a real SMTP server on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeSite, makeUser, pdfBytes } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'
import { type Mail, startSmtp } from '../helpers/smtp'

let received: Mail[] = []
let stopSmtp: () => Promise<void>
let t: Started

beforeAll(async () => {
  ;({ received, stop: stopSmtp } = await startSmtp())
  process.env.MAIL_FROM = 'jiyue@test.jiyue'
  t = await startPayload()
})

afterAll(async () => {
  await t?.stop()
  await stopSmtp()
})

describe(`mail on ${testDb()}`, () => {
  it('sends a password-reset mail to the person, from the configured sender', async () => {
    const site = await makeSite(t.payload)
    const user = await makeUser(t.payload, { sites: [{ site: site.id, roles: ['editor'] }] })
    await t.payload.forgotPassword({ collection: 'users', data: { email: user.email } })
    for (let i = 0; i < 50 && !received.length; i++) await new Promise((r) => setTimeout(r, 100))
    expect(received).toHaveLength(1)
    expect(received[0].to).toEqual([user.email])
    expect(received[0].from).toBe('jiyue@test.jiyue')
    const [head, body] = received[0].raw.split(/\r?\n\r?\n/, 2)
    expect(head).toContain('Content-Transfer-Encoding: base64')
    const text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    expect(text).toMatch(/\/admin\/reset\/[0-9a-f]{20,}/)
    expect(text).toContain('重置') // the admin's language is Chinese, and so is its mail
  })

  it('sends nothing for an address nobody has', async () => {
    const before = received.length
    await t.payload.forgotPassword({ collection: 'users', data: { email: 'nobody@test.jiyue' } })
    await new Promise((r) => setTimeout(r, 300))
    expect(received.length).toBe(before)
  })

  it('tells the applicant and the site’s handlers about a new request, and the applicant about each step', async () => {
    const { requestMailSettled } = await import('../../src/services/request-mail')
    const { todayInBeijing } = await import('../../src/services/request-clock')
    const site = await makeSite(t.payload)
    const handler = await makeUser(t.payload, { sites: [{ site: site.id, roles: ['handler'] }] })
    const before = received.length
    const request = await t.payload.create({
      collection: 'disclosure-requests',
      data: {
        site: site.id,
        channel: 'letter',
        receivedAt: todayInBeijing(),
        applicantKind: 'natural-person',
        applicantName: '张三',
        email: 'applicant@test.jiyue',
        description: '请公开本机关 2026 年度预算执行情况',
        delivery: 'email',
      },
      user: handler,
      overrideAccess: false,
    })
    await requestMailSettled()
    const decode = (raw: string) => {
      const [head, body] = raw.split(/\r?\n\r?\n/, 2)
      return /base64/i.test(head)
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body
    }
    const fresh = received.slice(before)
    const toApplicant = fresh.filter((m) => m.to.includes('applicant@test.jiyue'))
    const toHandler = fresh.filter((m) => m.to.includes(handler.email))
    expect(toApplicant).toHaveLength(1)
    expect(decode(toApplicant[0].raw)).toContain(`查询码：${request.trackingCode}`)
    expect(decode(toApplicant[0].raw)).toContain('自次日起计算 20 个工作日')
    expect(toHandler).toHaveLength(1)
    // The handler's notice does not carry the applicant's name or code: they read it in the admin.
    expect(decode(toHandler[0].raw)).not.toContain('张三')

    const mark = received.length
    await t.payload.update({
      collection: 'disclosure-requests',
      id: request.id,
      data: { step: 'request-correction', stepNote: '请写明所需预算信息的具体科目', stepDays: 10 },
      user: handler,
      overrideAccess: false,
    })
    await requestMailSettled()
    const step = received.slice(mark).filter((m) => m.to.includes('applicant@test.jiyue'))
    expect(step).toHaveLength(1)
    const text = decode(step[0].raw)
    expect(text).toContain('告知补正（请在 10 个工作日内补正）')
    expect(text).toContain('请写明所需预算信息的具体科目')

    // The answer, with the reply document attached because the applicant chose e-mail.
    const pdf = pdfBytes()
    const reply = await t.payload.create({
      collection: 'request-files',
      data: { site: site.id, purpose: '答复告知书' },
      file: { data: pdf, mimetype: 'application/pdf', name: 'reply.pdf', size: pdf.length },
      user: handler,
      overrideAccess: false,
    })
    const as = { user: handler, overrideAccess: false } as const
    await t.payload.update({
      collection: 'disclosure-requests',
      id: request.id,
      data: { step: 'receive-correction' },
      ...as,
    })
    await requestMailSettled()
    const before2 = received.length
    await t.payload.update({
      collection: 'disclosure-requests',
      id: request.id,
      data: {
        step: 'answer',
        stepOutcome: 'disclosed',
        replyText: '经审查，您申请的信息予以公开，见附件。',
        replyFile: reply.id,
      },
      ...as,
    })
    await requestMailSettled()
    const answer = received.slice(before2).filter((m) => m.to.includes('applicant@test.jiyue'))
    expect(answer).toHaveLength(1)
    expect(answer[0].raw).toMatch(/Content-Disposition: attachment;\s*filename=reply\.pdf/)
    expect(answer[0].raw).toContain(pdf.subarray(0, 8).toString('base64').slice(0, 8))
  })
})
