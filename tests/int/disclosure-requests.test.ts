// Disclosure requests through the Local API as handlers use them: the due date computed on the
// server, each step checked and recorded, the calendar moving open deadlines, who may see what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dayOf } from '../../src/domain/dates'
import { NATIONAL_DAY_2026, storeCalendar } from '../helpers/calendar'
import { makeSite, makeUser, type Id, type TestUser } from '../helpers/fixtures'
import { type Started, startPayload, testDb } from '../helpers/payload'

let t: Started
let auditSettled: typeof import('../../src/services/audit').auditSettled
let workCalendar: typeof import('../../src/services/work-calendar')
let requestClock: typeof import('../../src/services/request-clock')
let requestMail: typeof import('../../src/services/request-mail')
let supervision: typeof import('../../src/services/supervision')
let site: Id
let otherSite: Id
let handler: TestUser
let otherHandler: TestUser
let editor: TestUser
let platformAdmin: TestUser

beforeAll(async () => {
  t = await startPayload()
  ;({ auditSettled } = await import('../../src/services/audit'))
  workCalendar = await import('../../src/services/work-calendar')
  requestClock = await import('../../src/services/request-clock')
  requestMail = await import('../../src/services/request-mail')
  supervision = await import('../../src/services/supervision')
  // A fixed calendar for the tests: the 2026 National Day week and its make-up Saturday.
  await storeCalendar(t.payload, NATIONAL_DAY_2026)
  workCalendar.forgetWorkCalendar()
  site = (await makeSite(t.payload)).id
  otherSite = (await makeSite(t.payload)).id
  handler = await makeUser(t.payload, { sites: [{ site, roles: ['handler'] }] })
  otherHandler = await makeUser(t.payload, { sites: [{ site: otherSite, roles: ['handler'] }] })
  editor = await makeUser(t.payload, { sites: [{ site, roles: ['editor'] }] })
  platformAdmin = await makeUser(t.payload, { platformRoles: ['platform-admin'] })
}, 120_000)

afterAll(async () => {
  await requestMail?.requestMailSettled()
  await auditSettled?.()
  await t?.stop()
})

const applicant = {
  applicantKind: 'natural-person',
  applicantName: '张三',
  idType: 'resident-id',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  email: 'zhangsan@example.com',
  description: '请公开本机关2025年度城市道路维修工程的招标结果和合同金额',
  formWanted: 'electronic',
  delivery: 'email',
}

const file = async (receivedAt: string, over: Record<string, unknown> = {}) =>
  t.payload.create({
    collection: 'disclosure-requests',
    data: { site, channel: 'letter', receivedAt, ...applicant, ...over },
    user: handler,
    overrideAccess: false,
  })

const step = (id: Id, data: Record<string, unknown>, user: TestUser = handler) =>
  t.payload.update({ collection: 'disclosure-requests', id, data, user, overrideAccess: false })

const day = (v: unknown) => dayOf(v)

describe(`disclosure requests on ${testDb()}`, () => {
  it('computes the due date on the server: 20 working days after receipt, holidays skipped, make-up day counted', async () => {
    const r = await file('2026-09-25')
    expect(r.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
    expect(r.status).toBe('received')
    // 09-28..09-30 (3), 10-08, 10-09, 10-10 make-up (6), 10-12..16 (11), 10-19..23 (16),
    // 10-26..29 (20).
    expect(day(r.dueDate)).toBe('2026-10-29')
    expect(r.dueExplanation.join('\n')).toContain(
      '跳过的节假日：国庆节 2026-10-01 至 2026-10-07（7 天）',
    )
    expect(r.dueExplanation.join('\n')).toContain('调休上班日计为工作日：2026-10-10')
    expect(r.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted'])
  })

  it('ignores a status, outcome or timeline sent directly: only steps move them', async () => {
    const r = await file('2026-11-02')
    const after = await step(r.id, { status: 'answered', outcome: 'disclosed', timeline: [] })
    expect(after.status).toBe('received')
    expect(after.outcome ?? null).toBeNull()
    expect(after.timeline).toHaveLength(1)
  })

  it('walks through register, correction (clock stops, then restarts), extension with approver, answer', async () => {
    const late = await file('2026-11-02')
    await expect(
      step(late.id, { step: 'request-correction', stepNote: '请写明项目名称', stepDays: 10 }),
    ).rejects.toThrow('补正通知应在收到申请后 7 个工作日内')
    const r = await file(requestClock.todayInBeijing())
    const registered = await step(r.id, { step: 'register' })
    expect(registered.status).toBe('processing')

    await expect(step(r.id, { step: 'request-correction' })).rejects.toThrow(
      '请写明需要补正的事项和要求',
    )
    const waiting = await step(r.id, {
      step: 'request-correction',
      stepNote: '请写明所需信息的项目名称',
      stepDays: 10,
    })
    expect(waiting.status).toBe('awaiting-correction')
    expect(waiting.dueDate ?? null).toBeNull()
    expect(waiting.dueExplanation.at(-1)).toContain('等待申请人补正')
    await expect(step(r.id, { step: 'request-correction', stepNote: '再补一次' })).rejects.toThrow(
      '申请处于“待申请人补正”状态，不能“告知补正”',
    )
    await expect(step(r.id, { step: 'correction-lapsed' })).rejects.toThrow(
      '期限届满后才能按逾期未补正处理',
    )

    const corrected = await step(r.id, { step: 'receive-correction' })
    expect(corrected.status).toBe('processing')
    const today = requestClock.todayInBeijing()
    // The clock restarted today: 20 working days from today.
    const { addWorkingDays } = await import('../../src/domain/workdays')
    const calendar = await workCalendar.loadWorkCalendar(t.payload)
    expect(day(corrected.dueDate)).toBe(addWorkingDays({ from: today, days: 20, calendar }))

    await expect(
      step(r.id, { step: 'extend', stepDays: 10, stepNote: '涉及多个科室' }),
    ).rejects.toThrow('须经政府信息公开工作机构负责人同意：请填写批准人')
    await expect(
      step(r.id, {
        step: 'extend',
        stepDays: 21,
        stepNote: '涉及多个科室',
        stepApprover: '李主任',
      }),
    ).rejects.toThrow('延长的工作日数须为 1 至 20 的整数')
    const extended = await step(r.id, {
      step: 'extend',
      stepDays: 15,
      stepNote: '涉及多个科室',
      stepApprover: '李主任',
    })
    expect(day(extended.dueDate)).toBe(addWorkingDays({ from: today, days: 35, calendar }))
    await expect(
      step(r.id, { step: 'extend', stepDays: 6, stepNote: '再延', stepApprover: '李主任' }),
    ).rejects.toThrow('延长答复期限最长不得超过 20 个工作日')

    await expect(step(r.id, { step: 'answer', replyText: '经查…' })).rejects.toThrow(
      '请选择办理结果',
    )
    const answered = await step(r.id, {
      step: 'answer',
      stepOutcome: 'partly-disclosed',
      replyText: '经查，现将可以公开的部分提供如下。',
    })
    expect(answered.status).toBe('answered')
    expect(answered.outcome).toBe('partly-disclosed')
    expect(day(answered.answeredAt)).toBe(today)
    expect(answered.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'register',
      'request-correction',
      'receive-correction',
      'extend',
      'answer',
    ])
    const ext = answered.timeline.find((e: { kind: string }) => e.kind === 'extend')
    expect(ext).toMatchObject({
      days: 15,
      approver: '李主任',
      label: '延长答复期限 15 个工作日（经负责人批准）',
    })
    expect(answered.timeline.at(-1).label).toBe('已答复：部分公开')
    await expect(step(r.id, { step: 'register' })).rejects.toThrow('申请处于“已答复”状态')
  })

  it('pauses the clock during third-party consultation and adds the days back', async () => {
    const r = await file(requestClock.todayInBeijing())
    const before = day(r.dueDate)
    const consulting = await step(r.id, { step: 'start-consultation', stepNote: '征求某公司意见' })
    expect(consulting.status).toBe('consulting')
    expect(consulting.dueDate ?? null).toBeNull()
    const back = await step(r.id, { step: 'end-consultation' })
    expect(back.status).toBe('processing')
    // Started and ended on the same day: no working day passed, the due date is unchanged.
    expect(day(back.dueDate)).toBe(before)
  })

  it('charges a fee only beyond the free allowance, and an unpaid fee closes the request', async () => {
    const r = await file('2026-11-03', { pages: 10 })
    const big = await step(r.id, { pages: 120 })
    expect(big.pages).toBe(120)
    await expect(step(r.id, { step: 'fee-notice' })).rejects.toThrow('请选择收费方式')
    await expect(step(r.id, { step: 'fee-notice', stepFeeMethod: 'per-case' })).rejects.toThrow(
      '本申请不收取信息处理费',
    )
    const noticed = await step(r.id, { step: 'fee-notice', stepFeeMethod: 'per-page' })
    // Per page: pages 31–100 → ¥10 × 70, 101–120 → ¥20 × 20 = ¥1,100.
    expect(noticed.feeAmount).toBe(1100)
    expect(noticed.timeline.at(-1).note).toContain('按量计收：共 120 页，1100 元')
    await expect(
      step(r.id, { step: 'answer', stepOutcome: 'disclosed', replyText: '见附件' }),
    ).rejects.toThrow('已发出收费通知但尚未收到费用')
    const closed = await step(r.id, { step: 'fee-unpaid' })
    expect(closed.status).toBe('answered')
    expect(closed.outcome).toBe('other-fee-unpaid')
  })

  it('recomputes open deadlines when the calendar changes, and says why on each request', async () => {
    const r = await file('2026-09-25')
    expect(day(r.dueDate)).toBe('2026-10-29')
    const admin = platformAdmin
    const row = await t.payload.create({
      collection: 'work-calendar',
      data: { date: '2026-10-12', kind: 'holiday', name: '测试补休', note: '国务院通知调整' },
      user: admin,
      overrideAccess: false,
    })
    const moved = await t.payload.findByID({
      collection: 'disclosure-requests',
      id: r.id,
      overrideAccess: true,
    })
    expect(day(moved.dueDate)).toBe('2026-10-30')
    const last = moved.timeline.at(-1)
    expect(last.kind).toBe('due-recomputed')
    expect(last.note).toContain('新增 2026-10-12 测试补休法定节假日：国务院通知调整')
    expect(last.note).toContain('答复截止日由 2026-10-29 改为 2026-10-30')
    // An answered request keeps its history untouched.
    await t.payload.delete({
      collection: 'work-calendar',
      id: row.id,
      user: admin,
      overrideAccess: false,
    })
    const back = await t.payload.findByID({
      collection: 'disclosure-requests',
      id: r.id,
      overrideAccess: true,
    })
    expect(day(back.dueDate)).toBe('2026-10-29')
    expect(back.timeline.at(-1).note).toContain('删除 2026-10-12 测试补休')
  })

  it('lets only the site’s handlers and platform staff see requests; the public API sees nothing', async () => {
    const r = await file('2026-11-04')
    const asOther = await t.payload.find({
      collection: 'disclosure-requests',
      user: otherHandler,
      overrideAccess: false,
    })
    expect(asOther.docs.map((d) => d.id)).not.toContain(r.id)
    await expect(
      t.payload.findByID({
        collection: 'disclosure-requests',
        id: r.id,
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.findByID({ collection: 'disclosure-requests', id: r.id, overrideAccess: false }),
    ).rejects.toThrow()
    await expect(
      t.payload.create({
        collection: 'disclosure-requests',
        data: { site, ...applicant },
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(step(r.id, { step: 'register' }, otherHandler)).rejects.toThrow()
    const seen = await t.payload.findByID({
      collection: 'disclosure-requests',
      id: r.id,
      user: platformAdmin,
      overrideAccess: false,
    })
    expect(seen.applicantName).toBe('张三')
  })

  it('records every view of a request by a person in the audit trail', async () => {
    const r = await file('2026-11-05')
    await t.payload.findByID({
      collection: 'disclosure-requests',
      id: r.id,
      user: handler,
      overrideAccess: false,
    })
    await auditSettled()
    const events = await t.payload.find({
      collection: 'audit-events',
      where: {
        and: [
          { action: { equals: 'personal-data.view' } },
          { target: { equals: `disclosure-requests:${r.id}` } },
        ],
      },
      overrideAccess: true,
    })
    expect(events.docs.length).toBeGreaterThanOrEqual(1)
    expect(String(events.docs[0].user)).toBe(String(handler.id))
  })

  it('keeps one request per idempotency key', async () => {
    const key = `k-${Date.now()}`
    // The key is the public form's (server code); a person's request cannot set it.
    const asTheForm = () =>
      t.payload.create({
        collection: 'disclosure-requests',
        data: { site, channel: 'web', ...applicant, idempotencyKey: key },
        overrideAccess: true,
      })
    await asTheForm()
    await expect(asTheForm()).rejects.toThrow()
    const found = await t.payload.count({
      collection: 'disclosure-requests',
      where: { idempotencyKey: { equals: key } },
      overrideAccess: true,
    })
    expect(found.totalDocs).toBe(1)
  })

  it('lists overdue and due-soon requests for 督办 and reminds the handlers once per stage', async () => {
    const late = await file('2026-09-01')
    const list = await supervision.supervisionList(t.payload, {
      sites: [site],
      today: '2026-11-06',
    })
    const row = list.overdue.find((x) => String(x.id) === String(late.id))
    expect(row?.dueDate).toBe(day(late.dueDate))
    expect(row?.urgency).toBe('overdue')
    expect(list.overdue.every((x) => String(x.site) === String(site))).toBe(true)
    const none = await supervision.supervisionList(t.payload, {
      sites: [otherSite],
      today: '2026-11-06',
    })
    expect(none.overdue).toHaveLength(0)
    const first = await supervision.sendDeadlineReminders(t.payload, '2026-11-06')
    const again = await supervision.sendDeadlineReminders(t.payload, '2026-11-06')
    expect(first.overdue).toBeGreaterThanOrEqual(1)
    expect(again.overdue).toBe(0)
  })

  it('keeps who applied as received: a later change to the identity is not written', async () => {
    const r = await file(requestClock.todayInBeijing())
    const changed = await step(r.id, {
      applicantName: '李四',
      idNumber: '110105194912310021',
      applicantKind: 'commercial-enterprise',
      phone: '13900139000',
    })
    expect(changed.applicantName).toBe('张三')
    expect(changed.idNumber).toBe('11010519491231002X')
    expect(changed.applicantKind).toBe('natural-person')
    // Contact details may be corrected.
    expect(changed.phone).toBe('13900139000')
  })

  it('puts new and overdue requests on the handler’s 待我处理, and none on an editor’s', async () => {
    const { myQueue } = await import('../../src/services/my-queue')
    const fresh = await file(requestClock.todayInBeijing())
    const late = await file('2026-08-03')
    await step(late.id, { step: 'register' })
    const mine = await myQueue(t.payload, handler as never)
    const why = (id: Id) => mine.filter((i) => String(i.id) === String(id)).map((i) => i.why)
    expect(why(fresh.id)).toEqual(['待登记受理'])
    expect(why(late.id)).toEqual(['依申请公开已逾期'])
    const item = mine.find((i) => String(i.id) === String(fresh.id))
    expect(item?.href).toBe(`/admin/collections/disclosure-requests/${fresh.id}`)
    // The applicant's kind and what was asked, and the moment it was made (not the day's noon).
    expect(item?.title).toBe(
      `政府信息公开申请 ${fresh.trackingCode}（自然人）：请公开本机关2025年度城市道路维修工程的招标结果和合同金额`,
    )
    expect(item?.at).toBe(fresh.createdAt)
    const theirs = await myQueue(t.payload, otherHandler as never)
    expect(theirs.some((i) => String(i.id) === String(fresh.id))).toBe(false)
    const editors = await myQueue(t.payload, editor as never)
    expect(editors.some((i) => i.href?.includes('disclosure-requests'))).toBe(false)
  })

  it('refuses an applicant’s or reply file the form would refuse, with the form’s sentence', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 1)])
    await expect(
      t.payload.create({
        collection: 'request-files',
        data: { site },
        file: { data: exe, mimetype: 'application/pdf', name: 'reply.pdf', size: exe.length },
        user: handler,
        overrideAccess: false,
      }),
    ).rejects.toThrow('附件只接受 PDF、OFD、Word（DOC/DOCX）文件和 JPG、PNG 图片')
  })
})
