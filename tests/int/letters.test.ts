// 领导信箱 through the Local API as real people: a letter's steps on the working-day clock,
// review by a second person, transfer to another department, extension, publication with
// consent, the writer's rating and the 差评 follow-up; who reads what; mail to a real SMTP
// server; concurrent submissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dayOf } from '../../src/domain/dates'
import { idOf } from '../../src/domain/ids'
import { NATIONAL_DAY_2026, storeCalendar } from '../helpers/calendar'
import { type Id, makeSite, makeUser, pdfBytes, type TestUser } from '../helpers/fixtures'
import { testDb } from '../helpers/payload'
import { startPayloadWithMail, type StartedWithMail } from '../helpers/smtp'

let t: StartedWithMail
let site: Id
let otherSite: Id
let mailbox: Id
let otherMailbox: Id
let handler: TestUser
let reviewer: TestUser
let otherHandler: TestUser
let editor: TestUser

beforeAll(async () => {
  t = await startPayloadWithMail()
  // 2026's National Day week, so deadlines skip a holiday.
  await storeCalendar(t.payload, NATIONAL_DAY_2026)
  site = (await makeSite(t.payload, { name: '测试局网站' })).id
  otherSite = (await makeSite(t.payload, { name: '另一局网站' })).id
  const box = (s: Id, slug: string, name: string) =>
    t.payload.create({
      collection: 'mailboxes',
      data: { site: s, slug, name, kind: 'leader', leaderName: '王局长' },
      overrideAccess: true,
    })
  mailbox = (await box(site, 'director', '局长信箱')).id
  otherMailbox = (await box(otherSite, 'director', '局长信箱')).id
  handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
  reviewer = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
  otherHandler = await makeUser(t.payload, { sites: [{ site: otherSite, roles: ['handler'] }] })
  editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
})

afterAll(async () => t?.stop())

const writer = {
  subject: '小区门口路灯不亮',
  category: 'help',
  content:
    '幸福路12号小区门口的路灯已经坏了一个月，晚上出行很不安全，请尽快维修。我的电话13812345678。',
  writerName: '李明',
  writerTitle: 'mr',
  phone: '13812345678',
  email: 'liming@example.com',
  consentPersonalData: true,
  consentPublish: true,
}

const register = (receivedAt: string, over: Record<string, unknown> = {}) =>
  t.payload.create({
    collection: 'letters',
    data: { site, mailbox, channel: 'letter', receivedAt, ...writer, ...over },
    user: handler,
    overrideAccess: false,
  })

const step = (id: Id, data: Record<string, unknown>, user: TestUser = handler) =>
  t.payload.update({ collection: 'letters', id, data, user, overrideAccess: false })

describe(`leader mailbox letters on ${testDb()}`, () => {
  it('numbers a letter, gives a query code and counts both deadlines in working days from the day after receipt', async () => {
    const l = await register('2026-09-29')
    expect(l.number).toMatch(/-2026-\d{6}$/)
    expect(String(l.queryCode).replace(/-/g, '').length).toBeGreaterThanOrEqual(10)
    expect(l.status).toBe('submitted')
    // 09-30 (1), 10-08 (2), 10-09 (3): the National Day week is skipped.
    expect(dayOf(l.acceptDueDate)).toBe('2026-10-09')
    // … 10-10 make-up (4), 10-12..16 (9), 10-19..23 (14), 10-26 (15).
    expect(dayOf(l.answerDueDate)).toBe('2026-10-26')
    expect(dayOf(l.receivedAt)).toBe('2026-09-29')
    expect(String(idOf(l.firstSite))).toBe(String(site))
  })

  it('moves by steps; the answer waits for a second person and is then told to the writer', async () => {
    const l = await register('2026-11-02')
    const accepted = await step(l.id, { step: 'accept' })
    expect(accepted.status).toBe('accepted')
    const answered = await step(l.id, {
      step: 'answer',
      answer: '经核实，路灯已于本周修复，感谢您的监督。',
    })
    expect(answered.status).toBe('reviewing')
    await expect(step(l.id, { step: 'approve' })).rejects.toThrow('另一人审核')
    const edited = await step(l.id, { answer: '审核中被改写的答复内容，不应生效。' }, reviewer)
    expect(edited.answer).toBe('经核实，路灯已于本周修复，感谢您的监督。')
    const approved = await step(l.id, { step: 'approve' }, reviewer)
    expect(approved.status).toBe('answered')
    expect(approved.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'accept',
      'answer',
      'approve',
    ])
    const mails = await t.mailsTo('liming@example.com')
    expect(mails.some((m) => m.text.includes('经核实，路灯已于本周修复'))).toBe(true)
  })

  it('sends the answer’s file with the answer', async () => {
    const data = pdfBytes()
    const file = await t.payload.create({
      collection: 'request-files',
      data: { site, purpose: '答复附件' },
      file: { data, mimetype: 'application/pdf', name: 'answer.pdf', size: data.length },
      user: handler,
      overrideAccess: false,
    })
    const l = await register('2026-11-02', { email: 'with-file@example.com' })
    await step(l.id, { step: 'accept' })
    await step(l.id, {
      step: 'answer',
      answer: '答复见附件，请查收。谢谢您的来信。',
      answerFile: file.id,
    })
    await step(l.id, { step: 'approve' }, reviewer)
    const mails = await t.mailsTo('with-file@example.com')
    const answer = mails.find((m) => m.raw.includes('Content-Disposition: attachment'))
    expect(answer?.raw).toMatch(/filename="?answer\.pdf/)
  })

  it('refuses a step that does not fit, in a sentence on the step field', async () => {
    const l = await register('2026-11-02')
    await expect(step(l.id, { step: 'approve' })).rejects.toMatchObject({
      message: expect.stringContaining('来信处于“待受理”状态，不能“审核通过答复”'),
    })
    await expect(step(l.id, { step: 'reject' })).rejects.toThrow('请选择不予受理的理由')
    const rejected = await step(l.id, { step: 'reject', stepReason: 'duplicate' })
    expect(rejected.status).toBe('rejected')
    expect(rejected.rejectReason).toBe('duplicate')
  })

  it('extends once, by at most the mailbox limit, moving the answer deadline', async () => {
    const l = await register('2026-11-02')
    await step(l.id, { step: 'accept' })
    await expect(
      step(l.id, { step: 'extend', stepDays: 16, stepNote: '需现场核查' }),
    ).rejects.toThrow('1 至 15')
    const extended = await step(l.id, { step: 'extend', stepDays: 5, stepNote: '需现场核查' })
    expect(extended.extensionDays).toBe(5)
    // 15 working days from 11-02 is 11-23; five more is 11-30.
    expect(dayOf(extended.answerDueDate)).toBe('2026-11-30')
    await expect(step(l.id, { step: 'extend', stepDays: 2, stepNote: '再延' })).rejects.toThrow(
      '只能延长一次',
    )
  })

  it('transfers a letter to another department: it moves with its history and clock, and changes hands', async () => {
    const l = await register('2026-11-02')
    await expect(step(l.id, { step: 'transfer', transferTo: mailbox })).rejects.toThrow('其他部门')
    const moved = await step(l.id, {
      step: 'transfer',
      transferTo: otherMailbox,
      stepNote: '属另一局职责',
    })
    expect(String(idOf(moved.site))).toBe(String(otherSite))
    expect(String(idOf(moved.mailbox))).toBe(String(otherMailbox))
    expect(String(idOf(moved.firstSite))).toBe(String(site))
    expect(dayOf(moved.answerDueDate)).toBe(dayOf(l.answerDueDate))
    expect(moved.transfers).toHaveLength(1)
    // The receiving site's handlers now see it; the first site's no longer do.
    const theirs = await t.payload.findByID({
      collection: 'letters',
      id: l.id,
      user: otherHandler,
      overrideAccess: false,
    })
    expect(theirs.timeline.at(-1).label).toContain('另一局网站局长信箱')
    await expect(
      t.payload.findByID({ collection: 'letters', id: l.id, user: handler, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
    const accepted = await step(l.id, { step: 'accept' }, otherHandler)
    expect(accepted.status).toBe('accepted')
  })

  it('publishes only with the writer’s consent, and shows the public only a masked projection', async () => {
    const { publishedLetter, publishedLetters } = await import('../../src/services/public-letters')
    const noConsent = await register('2026-11-03', { consentPublish: false })
    await step(noConsent.id, { step: 'accept' })
    await step(noConsent.id, { step: 'answer', answer: '已转交属地街道办理，请保持电话畅通。' })
    await step(noConsent.id, { step: 'approve' }, reviewer)
    await expect(step(noConsent.id, { step: 'publish' })).rejects.toThrow('未同意公开')

    const l = await register('2026-11-03')
    await step(l.id, { step: 'accept' })
    await step(l.id, { step: 'answer', answer: '李明先生：已联系您 13812345678，路灯已修复。' })
    expect(await publishedLetter(t.payload, { site, id: l.id })).toBeNull()
    await step(l.id, { step: 'approve' }, reviewer)
    await step(l.id, { step: 'publish' })
    const shown = await publishedLetter(t.payload, { site, id: l.id })
    expect(shown).not.toBeNull()
    const text = JSON.stringify(shown)
    for (const secret of ['13812345678', 'liming@example.com', '李明'])
      expect(text).not.toContain(secret)
    expect(shown!.writer).toBe('李先生')
    expect(shown!.content).toContain('138****5678')
    expect(shown!.content).toContain('幸福路**号')
    const list = await publishedLetters(t.payload, { site })
    expect(list.letters.map((x) => x.id)).toContain(l.id)
    expect(list.letters.map((x) => x.id)).not.toContain(noConsent.id)
    // Another site's public pages do not have it.
    expect(await publishedLetter(t.payload, { site: otherSite, id: l.id })).toBeNull()
  })

  it('takes one rating from the writer; a 差评 opens a follow-up the handlers close with an answer', async () => {
    const { rateLetterById } = await import('../../src/services/rate-letter')
    const l = await register('2026-11-04')
    await step(l.id, { step: 'accept' })
    expect((await rateLetterById(t.payload, l.id, { rating: 'satisfied' })).ok).toBe(false)
    await step(l.id, { step: 'answer', answer: '已督促物业在三日内维修路灯。' })
    await step(l.id, { step: 'approve' }, reviewer)
    const bad = await rateLetterById(t.payload, l.id, { rating: 'bad' })
    expect(bad.ok).toBe(false)
    const poor = await rateLetterById(t.payload, l.id, {
      rating: 'very-dissatisfied',
      resolved: 'no',
      comment: '路灯仍然不亮',
    })
    expect(poor.ok).toBe(true)
    const again = await rateLetterById(t.payload, l.id, { rating: 'satisfied' })
    expect(again).toMatchObject({
      ok: false,
      problems: { letter: expect.stringContaining('只能评价一次') },
    })
    const following = await t.payload.findByID({
      collection: 'letters',
      id: l.id,
      overrideAccess: true,
    })
    expect(following.status).toBe('following')
    expect(following.followUpDueDate).toBeTruthy()
    const closed = await step(l.id, {
      step: 'follow-up',
      stepNote: '已现场查看并更换灯具，经回访路灯正常。',
    })
    expect(closed.status).toBe('closed')
    expect(closed.answer).toBe('已督促物业在三日内维修路灯。')
    expect(closed.followUpAnswer).toContain('更换灯具')
    const mails = await t.mailsTo('liming@example.com')
    expect(mails.some((m) => m.text.includes('更换灯具'))).toBe(true)
  })

  it('keeps the server’s fields from people and letters from the public and editors', async () => {
    const l = await register('2026-11-05')
    const sent = await step(l.id, {
      status: 'closed',
      published: true,
      rating: 'very-satisfied',
      queryCode: 'X',
    })
    expect(sent.status).toBe('submitted')
    expect(sent.published).toBe(false)
    expect(sent.rating ?? null).toBeNull()
    expect(sent.queryCode).toBe(l.queryCode)
    await expect(
      t.payload.find({ collection: 'letters', overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      t.payload.find({ collection: 'letters', user: editor, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      t.payload.delete({ collection: 'letters', id: l.id, user: handler, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('stores concurrent submissions with distinct numbers and query codes, and one letter per key', async () => {
    const { submitLetter } = await import('../../src/services/submit-letter')
    const n = testDb() === 'postgres' ? 200 : 40
    const value = {
      subject: '并发来信',
      category: 'consult' as const,
      content: '这是一封用于检验并发提交的来信内容。',
      writerName: '赵六',
      writerTitle: 'none' as const,
      phone: '13900000000',
      consentPublish: false,
      consentPersonalData: true as const,
    }
    const made = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        submitLetter(t.payload, { site, mailbox, value, key: `concurrent-key-${i}-xxxxxxxxxxxx` }),
      ),
    )
    expect(new Set(made.map((m) => m.number)).size).toBe(n)
    expect(new Set(made.map((m) => m.queryCode)).size).toBe(n)
    const twice = await Promise.all([
      submitLetter(t.payload, { site, mailbox, value, key: 'double-click-key-xxxxxxxxxxxx' }),
      submitLetter(t.payload, { site, mailbox, value, key: 'double-click-key-xxxxxxxxxxxx' }),
    ])
    expect(twice[0].number).toBe(twice[1].number)
    const stored = await t.payload.count({
      collection: 'letters',
      where: { subject: { equals: '并发来信' } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(n + 1)
  }, 120_000)
})

describe(`letters and the work calendar on ${testDb()}`, () => {
  it('moves open letters’ deadlines when the calendar changes, saying why; lists them for 督办', async () => {
    const l = await register('2026-11-02')
    expect(dayOf(l.answerDueDate)).toBe('2026-11-23')
    const admin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
    await t.payload.create({
      collection: 'work-calendar',
      data: { date: '2026-11-10', kind: 'holiday', name: '测试假日' },
      user: admin,
      overrideAccess: false,
    })
    const after = await t.payload.findByID({
      collection: 'letters',
      id: l.id,
      overrideAccess: true,
    })
    expect(dayOf(after.answerDueDate)).toBe('2026-11-24')
    expect(after.timeline.at(-1).note).toContain('答复期限由 2026-11-23 改为 2026-11-24')
    const { letterSupervisionList } = await import('../../src/services/letter-supervision')
    const list = await letterSupervisionList(t.payload, { sites: [site], today: '2026-11-30' })
    expect(list.overdue.map((r) => String(r.id))).toContain(String(l.id))
    expect(list.overdue.find((r) => String(r.id) === String(l.id))).toMatchObject({
      stage: 'accept',
      stageLabel: '受理',
    })
  })
})

describe(`letter figures export on ${testDb()}`, () => {
  const call = async (user: TestUser | null, query: Record<string, string>) => {
    const { letterFiguresEndpoint } = await import('../../src/services/report-endpoints')
    return letterFiguresEndpoint.handler({
      user,
      query,
      payload: t.payload,
    } as unknown as Parameters<typeof letterFiguresEndpoint.handler>[0])
  }

  it('gives a handler their site’s months from the one computation, refuses other sites and bad months', async () => {
    const res = await call(handler, { from: '2026-09', to: '2026-11' })
    expect(res.status).toBe(200)
    // The same table as the public /hdjl/tj.json: one row per site and month.
    const body = (await res.json()) as {
      rows: { month: string; received: number; transferredOut: number }[]
    }
    expect(body.rows.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(body.rows[2].received).toBeGreaterThan(5)
    expect(body.rows[2].transferredOut).toBe(1)
    expect((await call(handler, { site: String(otherSite) })).status).toBe(403)
    const bad = await call(handler, { from: '2026-13' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toContain('YYYY-MM')
    expect((await call(null, {})).status).toBe(401)
    const csv = await call(handler, { from: '2026-11', to: '2026-11', format: 'csv' })
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('月份,收到来信')
    expect(text).toContain('非常不满意')
  })
})
