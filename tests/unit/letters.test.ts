// The leader mailbox's rules: the step table, deadlines, rating, masking for the public, the
// letter form and the figures.
import { describe, expect, it } from 'vitest'

import {
  CONTENT_MAX,
  letterAttachmentProblems,
  parseLetterForm,
} from '../../src/domain/letter-form'
import {
  letterFigures,
  monthlyFigures,
  monthsBetween,
  percentile,
  satisfiedShare,
  wilson,
} from '../../src/domain/letter-stats'
import {
  addMonths,
  applyLetterStep,
  availableLetterSteps,
  DEFAULT_TERMS,
  type LetterFacts,
  letterDeadlines,
  letterUrgency,
  maskLetterText,
  publicWriterName,
  rateLetter,
  vetoState,
} from '../../src/domain/letters'
import { calendarFromDays } from '../../src/domain/workdays'
import { NATIONAL_DAY_2026 } from '../helpers/calendar'

const calendar = calendarFromDays(NATIONAL_DAY_2026)

const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({
  status: 'submitted',
  site: 1,
  receivedAt: '2026-11-02',
  consentPublish: true,
  published: false,
  extensionDays: 0,
  reviewRequired: true,
  terms: DEFAULT_TERMS,
  ...over,
})
const at = '2026-11-03T02:00:00.000Z'

describe('letter deadlines', () => {
  it('counts working days from the day after receipt, skipping holidays and counting make-up days', () => {
    const d = letterDeadlines({ receivedAt: '2026-09-29', terms: DEFAULT_TERMS, calendar })
    expect(d.acceptDueDate).toBe('2026-10-09')
    expect(d.answerDueDate).toBe('2026-10-26')
    expect(d.vetoDate).toBe('2026-12-29')
    expect(d.explanation.join('')).toContain('受理期限 3 个工作日，至 2026-10-09')
  })

  it('adds an extension to the answer deadline only', () => {
    const d = letterDeadlines({
      receivedAt: '2026-11-02',
      terms: DEFAULT_TERMS,
      extensionDays: 5,
      calendar,
    })
    expect(d.acceptDueDate).toBe('2026-11-05')
    expect(d.answerDueDate).toBe('2026-11-30')
    expect(d.explanation.join('')).toContain('已延期 5 个工作日')
  })

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
  ])('adds months to %s (+%i) → %s', (from, n, to) => expect(addMonths(from, n)).toBe(to))

  it('says which deadline is running and how urgent it is', () => {
    const letter = { status: 'accepted', acceptDueDate: '2026-11-05', answerDueDate: '2026-11-23' }
    expect(letterUrgency({ letter, today: '2026-11-10', calendar })).toMatchObject({
      urgency: 'on-time',
      stage: 'answer',
    })
    expect(letterUrgency({ letter, today: '2026-11-19', calendar })).toMatchObject({
      urgency: 'due-soon',
      daysLeft: 2,
    })
    expect(letterUrgency({ letter, today: '2026-11-24', calendar })).toMatchObject({
      urgency: 'overdue',
      daysLeft: -1,
    })
    expect(
      letterUrgency({ letter: { ...letter, status: 'closed' }, today: '2026-11-24', calendar })
        .urgency,
    ).toBe('done')
  })

  it('flags the national three-month veto before and after it', () => {
    expect(vetoState({ status: 'accepted', receivedAt: '2026-09-01', today: '2026-11-10' })).toBe(
      'approaching',
    )
    expect(vetoState({ status: 'accepted', receivedAt: '2026-08-01', today: '2026-11-10' })).toBe(
      'vetoed',
    )
    expect(
      vetoState({ status: 'answered', receivedAt: '2026-08-01', today: '2026-11-10' }),
    ).toBeNull()
    expect(
      vetoState({ status: 'submitted', receivedAt: '2026-10-20', today: '2026-11-10' }),
    ).toBeNull()
  })
})

describe('letter steps', () => {
  it('lists the steps that fit a status', () => {
    expect(availableLetterSteps(facts())).toEqual(['accept', 'reject', 'transfer'])
    expect(availableLetterSteps(facts({ status: 'accepted' }))).toEqual([
      'reject',
      'transfer',
      'extend',
      'answer',
    ])
    expect(availableLetterSteps(facts({ status: 'accepted', extensionDays: 3 }))).not.toContain(
      'extend',
    )
    expect(availableLetterSteps(facts({ status: 'answered' }))).toEqual(['publish', 'close'])
    expect(availableLetterSteps(facts({ status: 'answered', consentPublish: false }))).toEqual([
      'close',
    ])
    expect(availableLetterSteps(facts({ status: 'closed', published: true }))).toEqual([
      'unpublish',
    ])
  })

  it('refuses a step out of turn in a sentence naming both statuses', () => {
    const r = applyLetterStep(facts(), {
      step: 'answer',
      at,
      answer: '答复内容足够长，超过十个字。',
    })
    expect(r.problems).toEqual(['来信处于“待受理”状态，不能“答复”（须处于“办理中”状态）'])
    expect(r.path).toBe('step')
  })

  it('sends an answer to review when the site asks for it, and lets only another person approve', () => {
    const answered = applyLetterStep(facts({ status: 'accepted' }), {
      step: 'answer',
      at,
      by: 7,
      answer: '已安排维修，三日内完成。',
    })
    expect(answered.patch).toMatchObject({ status: 'reviewing', answeredBy: 7 })
    const noReview = applyLetterStep(facts({ status: 'accepted', reviewRequired: false }), {
      step: 'answer',
      at,
      by: 7,
      answer: '已安排维修，三日内完成。',
    })
    expect(noReview.patch.status).toBe('answered')
    const self = applyLetterStep(facts({ status: 'reviewing', answeredBy: 7 }), {
      step: 'approve',
      at,
      by: 7,
    })
    expect(self.problems[0]).toContain('另一人审核')
    const other = applyLetterStep(facts({ status: 'reviewing', answeredBy: 7 }), {
      step: 'approve',
      at,
      by: 8,
    })
    expect(other.patch).toMatchObject({ status: 'answered', approvedBy: 8, answeredAt: at })
    const short = applyLetterStep(facts({ status: 'accepted' }), {
      step: 'answer',
      at,
      answer: '好的',
    })
    expect(short).toMatchObject({ problems: ['答复内容过短：请至少写 10 个字'], path: 'answer' })
  })

  it('rejects with a reason the writer reads', () => {
    expect(applyLetterStep(facts(), { step: 'reject', at }).path).toBe('stepReason')
    expect(applyLetterStep(facts(), { step: 'reject', at, reason: 'other' }).path).toBe('stepNote')
    const r = applyLetterStep(facts(), {
      step: 'reject',
      at,
      reason: 'out-of-scope',
      note: '请向法院反映',
    })
    expect(r.patch).toMatchObject({ status: 'rejected', rejectReason: 'out-of-scope' })
    expect(r.entry).toMatchObject({ label: '不予受理：不属于信箱受理范围', note: '请向法院反映' })
  })

  it('transfers only to another site, naming where the letter went', () => {
    const target = { mailbox: 9, site: 2, name: '发改委局长信箱' }
    expect(
      applyLetterStep(facts(), { step: 'transfer', at, target: { ...target, site: 1 } })
        .problems[0],
    ).toContain('其他部门')
    expect(applyLetterStep(facts(), { step: 'transfer', at }).path).toBe('transferTo')
    const r = applyLetterStep(facts({ status: 'accepted' }), { step: 'transfer', at, target })
    expect(r.patch).toMatchObject({ status: 'submitted', site: 2, mailbox: 9 })
    expect(r.entry?.label).toBe('已转交发改委局长信箱办理')
  })

  it('extends once within the mailbox limit, with a reason', () => {
    const ok = applyLetterStep(facts({ status: 'accepted' }), {
      step: 'extend',
      at,
      days: 15,
      note: '需多部门会商',
    })
    expect(ok.patch).toEqual({ extensionDays: 15, extensionReason: '需多部门会商' })
    expect(
      applyLetterStep(facts({ status: 'accepted' }), { step: 'extend', at, days: 16, note: 'x' })
        .path,
    ).toBe('stepDays')
    expect(
      applyLetterStep(facts({ status: 'accepted' }), { step: 'extend', at, days: 3 }).path,
    ).toBe('stepNote')
    expect(
      applyLetterStep(facts({ status: 'accepted', extensionDays: 2 }), {
        step: 'extend',
        at,
        days: 3,
        note: 'x',
      }).problems[0],
    ).toContain('只能延长一次')
  })

  it('publishes only with consent', () => {
    expect(
      applyLetterStep(facts({ status: 'answered', consentPublish: false }), { step: 'publish', at })
        .problems[0],
    ).toContain('未同意公开')
    expect(applyLetterStep(facts({ status: 'answered' }), { step: 'publish', at }).patch).toEqual({
      published: true,
      publishedAt: at,
    })
    expect(
      applyLetterStep(facts({ status: 'answered', published: true }), { step: 'publish', at })
        .problems,
    ).toEqual(['来信已公开'])
  })
})

describe('rating', () => {
  const base = { today: '2026-11-10', calendar, followUpDays: 5 }
  it('takes one rating of an answered letter; a 差评 opens a follow-up with a deadline', () => {
    expect(rateLetter({ status: 'accepted' }, { ...base, rating: 'satisfied' })).toMatchObject({
      ok: false,
      problems: { letter: '来信答复后才能评价' },
    })
    expect(
      rateLetter({ status: 'answered', rating: 'satisfied' }, { ...base, rating: 'satisfied' }),
    ).toMatchObject({ ok: false })
    expect(rateLetter({ status: 'answered' }, { ...base, rating: 'great' })).toMatchObject({
      ok: false,
      problems: { rating: '请选择满意程度' },
    })
    const good = rateLetter({ status: 'answered' }, { ...base, rating: 'basic', resolved: 'yes' })
    expect(good).toMatchObject({
      ok: true,
      poor: false,
      patch: { status: 'closed', resolved: 'yes', followUpDueDate: null },
    })
    const poor = rateLetter(
      { status: 'answered' },
      { ...base, rating: 'very-dissatisfied', comment: ' 没解决 ' },
    )
    expect(poor).toMatchObject({
      ok: true,
      poor: true,
      patch: { status: 'following', followUpDueDate: '2026-11-17', ratingComment: '没解决' },
    })
  })

  it('refuses a comment over the limit and an unknown resolved answer', () => {
    const r = rateLetter(
      { status: 'answered' },
      { ...base, rating: 'satisfied', resolved: 'maybe', comment: '长'.repeat(501) },
    )
    expect(r).toMatchObject({
      ok: false,
      problems: { resolved: expect.any(String), comment: expect.stringContaining('500') },
    })
  })
})

describe('what the public reads', () => {
  it.each([
    ['张三', 'mr', '张先生'],
    ['李四', 'ms', '李女士'],
    ['欧阳明', 'mr', '欧阳先生'],
    ['王五', 'none', '匿名'],
    ['', 'mr', '匿名'],
    ['John Smith', 'mr', '匿名'],
  ])('names %s (%s) as %s', (name, title, shown) =>
    expect(publicWriterName(name, title)).toBe(shown),
  )

  it('masks phones, ID numbers, e-mail, house numbers and the writer’s name in text', () => {
    const text =
      '我是张三，住幸福路12号3栋402室，电话13812345678，座机0571-88001234，身份证350102199001011234，邮箱zhang.san@example.com。'
    const masked = maskLetterText(text, { name: '张三', publicName: '张先生' })
    expect(masked).toBe(
      '我是张先生，住幸福路**号，电话138****5678，座机057*****1234，身份证35*************234，邮箱z***@example.com。',
    )
  })
})

describe('letter form', () => {
  const ok = {
    subject: '路灯不亮',
    category: 'help',
    content: '幸福路的路灯坏了一个月，请尽快维修。',
    name: '张三',
    title: 'mr',
    phone: '138 1234 5678',
    consentPersonalData: 'on',
  }
  it('accepts a complete letter and cleans the phone number', () => {
    const r = parseLetterForm(ok)
    expect(r).toMatchObject({
      ok: true,
      value: { phone: '13812345678', consentPublish: false, writerTitle: 'mr' },
    })
  })

  it('names every wrong field in page order', () => {
    const r = parseLetterForm({ content: '短', phone: '123', email: 'x@', category: 'x' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors)).toEqual([
      'subject',
      'category',
      'content',
      'name',
      'phone',
      'email',
      'consentPersonalData',
    ])
    expect(r.errors.content).toContain('至少 10 个字')
    expect(parseLetterForm({ ...ok, content: '字'.repeat(CONTENT_MAX + 1) })).toMatchObject({
      ok: false,
      errors: { content: expect.stringContaining('2001') },
    })
  })

  it('takes images and PDF by their bytes only', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expect(
      letterAttachmentProblems({ name: 'a.png', bytes: png, size: png.length, maxBytes: 100 }),
    ).toEqual([])
    const html = Buffer.from('<html><script>alert(1)</script></html>')
    expect(
      letterAttachmentProblems({ name: 'a.png', bytes: html, size: html.length, maxBytes: 100 })[0],
    ).toContain('不是 JPG、PNG 图片或 PDF')
    expect(
      letterAttachmentProblems({
        name: 'big.pdf',
        bytes: Buffer.alloc(0),
        size: 200,
        maxBytes: 100,
      })[0],
    ).toContain('超过了')
  })
})

describe('figures', () => {
  const rows = [
    {
      firstSite: 1,
      site: 1,
      receivedAt: '2026-10-09',
      status: 'closed',
      answeredAt: '2026-10-16T07:00:00Z',
      answerDueDate: '2026-10-30',
      rating: 'satisfied',
      resolved: 'yes',
    },
    {
      firstSite: 1,
      site: 1,
      receivedAt: '2026-10-12',
      status: 'closed',
      answeredAt: '2026-11-10T07:00:00Z',
      answerDueDate: '2026-11-02',
      rating: 'very-dissatisfied',
      resolved: 'no',
    },
    {
      firstSite: 1,
      site: 2,
      receivedAt: '2026-10-20',
      status: 'accepted',
      answerDueDate: '2026-11-10',
      transfers: [{ from: 1, to: 2 }],
    },
    { firstSite: 1, site: 1, receivedAt: '2026-10-21', status: 'rejected' },
    {
      firstSite: 1,
      site: 1,
      receivedAt: '2026-10-22',
      status: 'answered',
      answeredAt: '2026-10-23T07:00:00Z',
      answerDueDate: '2026-11-12',
    },
    {
      firstSite: 2,
      site: 2,
      receivedAt: '2026-11-03',
      status: 'submitted',
      acceptDueDate: '2026-11-06',
    },
  ]
  it('counts a site’s month: each letter once where first received, the outcome where it is now', () => {
    const f = letterFigures({ rows, site: 1, months: ['2026-10'], today: '2026-12-02', calendar })
    expect(f).toMatchObject({
      received: 5,
      accepted: 3,
      rejected: 1,
      transferredOut: 1,
      transferredIn: 0,
      answered: 3,
      answeredOnTime: 2,
      open: 0,
      defaultedRatings: 0,
      rated: 2,
    })
    expect(f.satisfaction).toMatchObject({ 满意: 1, 非常不满意: 1, 非常满意: 0 })
    expect(f.resolved).toEqual({ yes: 1, no: 1, unsure: 0 })
    // 10-09→10-16: 6 working days (10-10 a make-up day); 10-12→11-10: 21; 10-22→10-23: 1.
    expect(f.medianWorkdays).toBe(6)
    expect(f.p90Workdays).toBe(21)
    const two = letterFigures({ rows, site: 2, today: '2026-12-02', calendar })
    expect(two).toMatchObject({ received: 1, transferredIn: 1, open: 2, overdueNow: 2 })
  })

  it('counts an unrated answer as 满意 after 20 working days only when the site says so', () => {
    const off = letterFigures({ rows, site: 1, today: '2026-12-02', calendar })
    const on = letterFigures({
      rows,
      site: 1,
      today: '2026-12-02',
      calendar,
      defaultSatisfied: true,
    })
    expect(off.defaultedRatings).toBe(0)
    expect(on.defaultedRatings).toBe(1)
    expect(on.satisfaction['满意']).toBe(off.satisfaction['满意'] + 1)
  })

  it('makes one row a month and interval estimates only from the minimum sample', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    const months = monthlyFigures({
      rows,
      site: null,
      from: '2026-10',
      to: '2026-11',
      today: '2026-12-02',
      calendar,
    })
    expect(months.map((m) => [m.month, m.received])).toEqual([
      ['2026-10', 5],
      ['2026-11', 1],
    ])
    expect(wilson(2, 2)).toBeNull()
    const w = wilson(8, 10)!
    expect(w.share).toBe(0.8)
    expect(w.low).toBeCloseTo(0.49, 2)
    expect(w.high).toBeCloseTo(0.943, 2)
    expect(percentile([], 0.5)).toBeNull()
    expect(satisfiedShare(letterFigures({ rows, site: 1, today: '2026-12-02', calendar }))).toEqual(
      { hits: 1, total: 2 },
    )
  })
})
