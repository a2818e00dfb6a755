// 我要纠错 through the Local API as real people: a report's query code and 3-working-day clock,
// the article it points to, the handler's answer (once, with a sentence) mailed to the reporter
// through a real SMTP server, who reads reports, 待我处理 and 督办; and the platform's veto
// alarm for letters left unanswered 60 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dayInstant, dayOf } from '../../src/domain/dates'
import { idOf } from '../../src/domain/ids'
import { addCalendarDays, addWorkingDays } from '../../src/domain/workdays'
import type { Id, TestUser } from '../helpers/fixtures'
import { makeArticle, makeColumn, makeSite, makeUser } from '../helpers/fixtures'
import { testDb } from '../helpers/payload'
import { startPayloadWithMail, type StartedWithMail } from '../helpers/smtp'

let t: StartedWithMail
let site: Id
let otherSite: Id
let handler: TestUser
let otherHandler: TestUser
let editor: TestUser
let admin: TestUser
let article: Id

beforeAll(async () => {
  t = await startPayloadWithMail()
  site = (await makeSite(t.payload, { name: '纠错测试局' })).id
  otherSite = (await makeSite(t.payload, { name: '另一测试局' })).id
  const column = (await makeColumn(t.payload, site, { slug: 'tzgg' })).id
  article = (await makeArticle(t.payload, { site, column })).id
  handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
  otherHandler = await makeUser(t.payload, { sites: [{ site: otherSite, roles: ['handler'] }] })
  editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
  admin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
})

afterAll(async () => t?.stop())

const submit = async (over: Record<string, unknown> = {}, key = crypto.randomUUID()) => {
  const { submitErrorReport } = await import('../../src/services/submit-error-report')
  return submitErrorReport(t.payload, {
    site,
    key,
    value: {
      url: `http://t.localhost/tzgg/${String(article)}.html`,
      type: 'typo',
      description: '第二段“发展”误写为“法展”。',
      contact: 'reader@example.com',
      email: 'reader@example.com',
      ...over,
    },
  })
}

const answer = (id: Id, data: Record<string, unknown>, user: TestUser = handler) =>
  t.payload.update({ collection: 'error-reports', id, data, user, overrideAccess: false })

describe(`我要纠错 on ${testDb()}`, () => {
  it('gives a query code, counts 3 working days from the day after receipt and links the article', async () => {
    const { loadWorkCalendar } = await import('../../src/services/work-calendar')
    const { todayInBeijing } = await import('../../src/services/request-clock')
    const stored = await submit()
    expect(String(stored.queryCode).replace(/-/g, '').length).toBeGreaterThanOrEqual(10)
    const today = todayInBeijing()
    expect(dayOf(stored.receivedAt)).toBe(today)
    const calendar = await loadWorkCalendar(t.payload)
    expect(dayOf(stored.dueDate)).toBe(addWorkingDays({ from: today, days: 3, calendar }))
    const doc = await t.payload.findByID({
      collection: 'error-reports',
      id: stored.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(doc.status).toBe('received')
    expect(String(idOf(doc.article))).toBe(String(article))
    // The article shows its reports in the admin (a join), for those who read reports.
    const seen = await t.payload.findByID({
      collection: 'articles',
      id: article,
      user: handler,
      overrideAccess: false,
      depth: 0,
    })
    const ids = (seen.errorReports as { docs?: unknown[] } | undefined)?.docs?.map((d) => idOf(d))
    expect(ids?.map(String)).toContain(String(stored.id))
    // The site's handlers were told.
    const told = await t.mailsTo(handler.email)
    expect(told.some((m) => m.subject.includes('我要纠错'))).toBe(true)
  })

  it('keeps a reported day and the site’s own deadline when registered by server code', async () => {
    await t.payload.update({
      collection: 'sites',
      id: otherSite,
      data: { interaction: { errorReportDays: 5 } },
      overrideAccess: true,
    })
    const doc = await t.payload.create({
      collection: 'error-reports',
      data: {
        site: otherSite,
        url: 'http://x.localhost/',
        type: 'link',
        description: '首页链接打不开了',
        receivedAt: dayInstant('2026-11-06'), // a Friday
      },
      overrideAccess: true,
      context: { reportService: true },
    })
    expect(dayOf(doc.receivedAt)).toBe('2026-11-06')
    expect(dayOf(doc.dueDate)).toBe('2026-11-13')
    expect(doc.article ?? null).toBeNull()
  })

  it('is answered once, with a sentence, and the answer is mailed to the reporter', async () => {
    const stored = await submit({
      email: 'answer-me@example.com',
      contact: 'answer-me@example.com',
    })
    await expect(answer(stored.id, { outcome: 'fixed', reply: '' })).rejects.toThrow(
      /请填写给纠错人的答复/,
    )
    await expect(answer(stored.id, { outcome: 'maybe', reply: '已更正错别字。' })).rejects.toThrow()
    // The status is the server's: sending one directly changes nothing.
    const direct = await answer(stored.id, { status: 'fixed' })
    expect(direct.status).toBe('received')
    const done = await answer(stored.id, { outcome: 'fixed', reply: '感谢指正，已更正错别字。' })
    expect(done.status).toBe('fixed')
    expect(done.reply).toBe('感谢指正，已更正错别字。')
    expect(String(idOf(done.answeredBy))).toBe(String(handler.id))
    expect(done.answeredAt).toBeTruthy()
    await expect(answer(stored.id, { outcome: 'not-error' })).rejects.toThrow(
      '该纠错已答复，处理结果不能再修改',
    )
    await expect(answer(stored.id, { reply: '改一下答复' })).rejects.toThrow(
      '该纠错已答复，答复内容不能再修改',
    )
    const mail = await t.mailsTo('answer-me@example.com')
    expect(mail).toHaveLength(1)
    expect(mail[0].subject).toContain('您的纠错已答复')
    expect(mail[0].text).toContain('已纠正')
    expect(mail[0].text).toContain('感谢指正，已更正错别字。')
    expect(mail[0].text).toContain(stored.queryCode)
  })

  it('answers tracking by query code without the contact given', async () => {
    const { trackErrorReport } = await import('../../src/services/submit-error-report')
    const stored = await submit({ contact: '13812345678', email: undefined })
    const tracked = await trackErrorReport(t.payload, { site, code: String(stored.queryCode) })
    expect(tracked?.statusLabel).toBe('待处理')
    expect(JSON.stringify(tracked)).not.toContain('13812345678')
    // Another site's code space is separate.
    expect(
      await trackErrorReport(t.payload, { site: otherSite, code: String(stored.queryCode) }),
    ).toBe(null)
  })

  it('stores one report per submission key', async () => {
    const key = crypto.randomUUID()
    const made = await Promise.all([submit({}, key), submit({}, key), submit({}, key)])
    expect(new Set(made.map((m) => String(m.id))).size).toBe(1)
    const { totalDocs } = await t.payload.count({
      collection: 'error-reports',
      where: { idempotencyKey: { equals: key } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(1)
  })

  it('is read by the site’s handlers and platform staff only, never deleted', async () => {
    const stored = await submit()
    const read = (user: TestUser) =>
      t.payload
        .findByID({
          collection: 'error-reports',
          id: stored.id,
          user,
          overrideAccess: false,
          depth: 0,
        })
        .then(
          () => true,
          () => false,
        )
    expect(await read(handler)).toBe(true)
    expect(await read(admin)).toBe(true)
    expect(await read(editor)).toBe(false)
    expect(await read(otherHandler)).toBe(false)
    // An editor reading the article sees no reports through the join.
    const seen = await t.payload.findByID({
      collection: 'articles',
      id: article,
      user: editor,
      overrideAccess: false,
      depth: 0,
    })
    expect((seen.errorReports as { docs?: unknown[] } | undefined)?.docs ?? []).toHaveLength(0)
    await expect(
      t.payload.delete({
        collection: 'error-reports',
        id: stored.id,
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })

  it('puts unanswered reports on 待我处理 and overdue ones on 督办 with a reminder mail', async () => {
    const { myQueue } = await import('../../src/services/my-queue')
    const { reportSupervisionList, sendReportReminders } =
      await import('../../src/services/error-report-supervision')
    const late = await t.payload.create({
      collection: 'error-reports',
      data: {
        site,
        url: 'http://t.localhost/old/',
        type: 'outdated',
        description: '电话号码已经更换了',
        receivedAt: dayInstant('2026-10-12'),
      },
      overrideAccess: true,
      context: { reportService: true },
    })
    const queue = await myQueue(t.payload, handler)
    const mine = queue.filter((q) => q.href?.includes('/error-reports/'))
    expect(mine.some((q) => String(q.id) === String(late.id) && q.why.includes('逾期'))).toBe(true)
    expect((await myQueue(t.payload, otherHandler)).some((q) => q.id === late.id)).toBe(false)
    const list = await reportSupervisionList(t.payload, { sites: [site] })
    const row = list.find((r) => String(r.id) === String(late.id))
    expect(row?.overdue).toBe(true)
    expect(row?.daysLeft).toBeLessThan(0)
    expect(list[0].overdue).toBe(true) // overdue first
    const first = await sendReportReminders(t.payload)
    expect(first.overdue).toBeGreaterThanOrEqual(1)
    const mail = await t.mailsTo(handler.email)
    expect(mail.some((m) => m.subject.includes('读者纠错已逾期未答复'))).toBe(true)
    // Once per report and due date.
    const again = await sendReportReminders(t.payload)
    expect(again.overdue).toBe(0)
  })
})

describe(`the handlers hear of what the public submits on ${testDb()}`, () => {
  it('mails the site’s handlers a letter written on the public form', async () => {
    const { submitLetter } = await import('../../src/services/submit-letter')
    const box = await t.payload.create({
      collection: 'mailboxes',
      data: { site, slug: 'web', name: '局长信箱', kind: 'department' },
      overrideAccess: true,
    })
    const stored = await submitLetter(t.payload, {
      site,
      mailbox: box.id,
      key: crypto.randomUUID(),
      value: {
        subject: '网上来信的通知',
        category: 'consult',
        content: '这是一封网上提交的测试来信，办理人员应当收到通知。',
        writerName: '赵六',
        writerTitle: 'none',
        phone: '13912345678',
        consentPersonalData: true,
        consentPublish: false,
      },
    })
    const mail = await t.mailsTo(handler.email)
    expect(mail.some((m) => m.subject === `新的来信：${stored.number}`)).toBe(true)
  })
})

describe(`the veto alarm on ${testDb()}`, () => {
  it('shows each site’s oldest unanswered letter, alarms from 60 days and mails platform admins', async () => {
    const { oldestUnansweredBySite, sendLetterReminders } =
      await import('../../src/services/letter-supervision')
    const { todayInBeijing } = await import('../../src/services/request-clock')
    const today = todayInBeijing()
    const mailbox = await t.payload.create({
      collection: 'mailboxes',
      data: { site, slug: 'veto', name: '局长信箱', kind: 'department' },
      overrideAccess: true,
    })
    const letter = (days: number) =>
      t.payload.create({
        collection: 'letters',
        data: {
          site,
          mailbox: mailbox.id,
          channel: 'letter',
          receivedAt: dayInstant(addCalendarDays(today, -days)),
          subject: `等待 ${days} 天的来信`,
          category: 'help',
          content: '这是一封用于检验超期预警的测试来信，内容足够长。',
          writerName: '王五',
          phone: '13912345678',
          consentPersonalData: true,
        },
        user: handler,
        overrideAccess: false,
      })
    const old = await letter(61)
    await letter(20)
    const rows = await oldestUnansweredBySite(t.payload, { sites: [site] })
    expect(rows).toHaveLength(1)
    expect(String(rows[0].id)).toBe(String(old.id))
    expect(rows[0].days).toBe(61)
    expect(rows[0].state).toBe('approaching')
    await sendLetterReminders(t.payload)
    const mail = await t.mailsTo(admin.email)
    expect(
      mail.some((m) => m.subject.includes('已 61 天未答复') && m.subject.includes(old.number)),
    ).toBe(true)
  })
})
