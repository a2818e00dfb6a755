import { describe, expect, it } from 'vitest'

import { OUTCOME_CODES, type OutcomeCode } from '../../src/domain/disclosure'
import {
  applyStep,
  availableSteps,
  clockEvents,
  correctionDue,
  DEFAULT_CORRECTION_DAYS,
  DUE_SOON_DAYS,
  isOpen,
  isStepKind,
  OPEN_STATUSES,
  outcomeOfStep,
  publicLabel,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  type RequestFacts,
  type RequestStatus,
  STEP_KINDS,
  STEP_LABELS,
  type StepFacts,
  type StepInput,
  type StepKind,
  stepProblems,
  type StepRequest,
  STEPS,
  type TimelineEntry,
  URGENCY_LABELS,
  urgency,
} from '../../src/domain/request-steps'
import { calendarFromDays, disclosureDueDate, weekdayName } from '../../src/domain/workdays'
import { holidaySpan } from '../helpers/calendar'

// A small slice of the 2026 arrangement (国务院办公厅 holiday notice), enough for the autumn:
//   2026-09-20 星期日   调休上班 (国庆节)
//   2026-09-25 星期五 … 09-27 星期日   中秋 (holiday)
//   2026-10-01 星期四 … 10-07 星期三   国庆节 (holiday)
//   2026-10-10 星期六   调休上班 (国庆节)
const span = holidaySpan
const calendar = calendarFromDays([
  { date: '2026-09-20', kind: 'makeup', name: '国庆节' },
  ...span('2026-09-25', '2026-09-27', '中秋'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  { date: '2026-10-10', kind: 'makeup', name: '国庆节' },
])

const WORKING_FROM = '“已收到”或“办理中”'

// The table of the brief, written out by hand: the statuses each step may be taken from.
const FROM: Record<StepKind, RequestStatus[]> = {
  register: ['received'],
  'request-correction': ['received', 'processing'],
  'receive-correction': ['awaiting-correction'],
  'correction-lapsed': ['awaiting-correction'],
  'start-consultation': ['received', 'processing'],
  'end-consultation': ['consulting'],
  extend: ['received', 'processing'],
  'fee-notice': ['received', 'processing'],
  'fee-paid': ['received', 'processing'],
  'fee-unpaid': ['received', 'processing'],
  answer: ['received', 'processing'],
}

const facts = (status: RequestStatus, more: Partial<RequestFacts> = {}): RequestFacts => ({
  status,
  timeline: [],
  ...more,
})

/** Facts whose fee history suits the step, so only the status can refuse it. */
const fitting = (step: StepKind, status: RequestStatus): RequestFacts =>
  facts(status, {
    feeNoticeAt: step === 'fee-paid' || step === 'fee-unpaid' ? '2026-09-20' : null,
  })

const problems = (f: RequestFacts, input: Partial<StepInput> & { step: StepKind }) =>
  stepProblems({ facts: f, input: { date: '2026-09-30', ...input } })

describe('the step table', () => {
  it('has every step, in order, with its label', () => {
    expect(STEP_KINDS).toEqual(Object.keys(STEPS))
    expect(STEP_LABELS).toEqual({
      register: '登记受理',
      'request-correction': '告知补正',
      'receive-correction': '收到补正',
      'correction-lapsed': '逾期未补正，不再处理',
      'start-consultation': '征求第三方意见',
      'end-consultation': '第三方意见返回',
      extend: '延长答复期限',
      'fee-notice': '发出收费通知',
      'fee-paid': '收到信息处理费',
      'fee-unpaid': '逾期未缴费，不再处理',
      answer: '答复',
    })
  })

  it.each(STEP_KINDS)('%s is allowed from exactly the statuses of the hand-written table', (k) => {
    expect([...STEPS[k].from]).toEqual(FROM[k])
  })

  it.each<[StepKind, RequestStatus | null, string | undefined, boolean]>([
    ['register', 'processing', undefined, false],
    ['request-correction', 'awaiting-correction', 'correction-requested', true],
    ['receive-correction', 'processing', 'correction-received', true],
    ['correction-lapsed', 'answered', undefined, true],
    ['start-consultation', 'consulting', 'consultation-started', true],
    ['end-consultation', 'processing', 'consultation-ended', false],
    ['extend', null, 'extension-approved', true],
    ['fee-notice', null, undefined, true],
    ['fee-paid', null, undefined, false],
    ['fee-unpaid', 'answered', undefined, true],
    ['answer', 'answered', undefined, true],
  ])('%s goes to %s, moves clock %s, tells the applicant: %s', (k, to, clock, tell) => {
    expect(STEPS[k].to).toBe(to)
    expect(STEPS[k].clock).toBe(clock)
    expect(STEPS[k].tellApplicant).toBe(tell)
  })

  it('closes a request without an answer only through the two 其他处理 steps', () => {
    for (const k of STEP_KINDS) {
      const endsIt = STEPS[k].to === 'answered'
      expect(endsIt).toBe(k === 'answer' || outcomeOfStep(k) !== null)
    }
  })

  it('knows its step kinds and nothing inherited from Object', () => {
    for (const k of STEP_KINDS) expect(isStepKind(k)).toBe(true)
    for (const v of ['constructor', 'toString', '__proto__', 'hasOwnProperty', '', 'Answer'])
      expect(isStepKind(v)).toBe(false)
    for (const v of [null, undefined, 1, {}, ['answer']]) expect(isStepKind(v)).toBe(false)
  })

  it('labels every status and counts the first four as open', () => {
    expect(Object.keys(REQUEST_STATUS_LABELS).sort()).toEqual([...REQUEST_STATUSES].sort())
    expect(OPEN_STATUSES).toEqual(['received', 'processing', 'awaiting-correction', 'consulting'])
    expect(REQUEST_STATUSES.map((s) => [s, REQUEST_STATUS_LABELS[s], isOpen(s)])).toEqual([
      ['received', '已收到', true],
      ['processing', '办理中', true],
      ['awaiting-correction', '待申请人补正', true],
      ['consulting', '征求第三方意见中', true],
      ['answered', '已答复', false],
      ['closed', '已办结', false],
    ])
    expect(isOpen('unknown')).toBe(false)
    expect(isOpen('')).toBe(false)
  })
})

describe('which status a step may be taken from', () => {
  const fromPhrase = (k: StepKind) => FROM[k].map((s) => `“${REQUEST_STATUS_LABELS[s]}”`).join('或')

  const cases = STEP_KINDS.flatMap((k) => REQUEST_STATUSES.map((s) => [k, s] as const))
  it.each(cases)('%s from %s', (k, status) => {
    const found = stepProblems({
      facts: fitting(k, status),
      input: { step: k, date: '' },
      structural: true,
    })
    if (FROM[k].includes(status)) {
      expect(found).toEqual([])
    } else {
      expect(found).toEqual([
        `申请处于“${REQUEST_STATUS_LABELS[status]}”状态，不能“${STEPS[k].label}”（须处于${fromPhrase(k)}状态）`,
      ])
    }
  })

  it('spells out the refusal for a few cases word for word', () => {
    const one = (k: StepKind, s: RequestStatus) =>
      stepProblems({ facts: fitting(k, s), input: { step: k, date: '' }, structural: true })
    expect(one('answer', 'consulting')).toEqual([
      `申请处于“征求第三方意见中”状态，不能“答复”（须处于${WORKING_FROM}状态）`,
    ])
    expect(one('register', 'processing')).toEqual([
      '申请处于“办理中”状态，不能“登记受理”（须处于“已收到”状态）',
    ])
    expect(one('receive-correction', 'closed')).toEqual([
      '申请处于“已办结”状态，不能“收到补正”（须处于“待申请人补正”状态）',
    ])
    expect(one('end-consultation', 'awaiting-correction')).toEqual([
      '申请处于“待申请人补正”状态，不能“第三方意见返回”（须处于“征求第三方意见中”状态）',
    ])
  })

  it('gives only the status refusal, even when the input is empty too', () => {
    expect(problems(facts('answered'), { step: 'answer' })).toEqual([
      `申请处于“已答复”状态，不能“答复”（须处于${WORKING_FROM}状态）`,
    ])
    expect(problems(facts('consulting'), { step: 'extend' })).toEqual([
      `申请处于“征求第三方意见中”状态，不能“延长答复期限”（须处于${WORKING_FROM}状态）`,
    ])
  })

  it('refuses a step it does not know', () => {
    const input = { step: 'archive' as StepKind, date: '2026-09-30' }
    expect(stepProblems({ facts: facts('processing'), input })).toEqual([
      '没有“archive”这一办理步骤',
    ])
  })

  // A step named like an inherited Object.prototype member ('constructor', 'toString') must not
  // be found in the table (it once was, and stepProblems threw).
  it('refuses a step named like an Object.prototype member instead of throwing', () => {
    const input = { step: 'constructor' as StepKind, date: '2026-09-30' }
    expect(stepProblems({ facts: facts('processing'), input })).toEqual([
      '没有“constructor”这一办理步骤',
    ])
  })
})

describe('the steps open in each status', () => {
  it.each<[RequestStatus, StepKind[]]>([
    [
      'received',
      ['register', 'request-correction', 'start-consultation', 'extend', 'fee-notice', 'answer'],
    ],
    ['processing', ['request-correction', 'start-consultation', 'extend', 'fee-notice', 'answer']],
    ['awaiting-correction', ['receive-correction', 'correction-lapsed']],
    ['consulting', ['end-consultation']],
    ['answered', []],
    ['closed', []],
  ])('a fresh request %s offers %j', (status, steps) => {
    expect(availableSteps(facts(status))).toEqual(steps)
  })

  it('after a fee notice offers paid / unpaid instead of a second notice', () => {
    const f = facts('processing', { feeNoticeAt: '2026-09-20', feeAmount: 100 })
    expect(availableSteps(f)).toEqual([
      'request-correction',
      'start-consultation',
      'extend',
      'fee-paid',
      'fee-unpaid',
      'answer',
    ])
  })

  it('after payment offers no fee step at all', () => {
    const f = facts('processing', { feeNoticeAt: '2026-09-20', feePaidAt: '2026-09-22' })
    expect(availableSteps(f)).toEqual([
      'request-correction',
      'start-consultation',
      'extend',
      'answer',
    ])
  })

  it('after a correction notice never offers a second one', () => {
    const timeline: TimelineEntry[] = [
      { at: '2026-09-17', kind: 'request-correction', days: 10 },
      { at: '2026-09-23', kind: 'receive-correction' },
    ]
    expect(availableSteps(facts('processing', { timeline }))).toEqual([
      'start-consultation',
      'extend',
      'fee-notice',
      'answer',
    ])
  })

  it('ignores fee facts outside the working statuses', () => {
    const f = facts('consulting', { feeNoticeAt: '2026-09-20' })
    expect(availableSteps(f)).toEqual(['end-consultation'])
  })
})

describe('what each step needs', () => {
  it.each<[StepKind, RequestStatus, string[]]>([
    ['register', 'received', []],
    ['request-correction', 'processing', ['请写明需要补正的事项和要求']],
    ['receive-correction', 'awaiting-correction', []],
    ['correction-lapsed', 'awaiting-correction', []],
    ['start-consultation', 'processing', ['请写明征求意见的第三方及事项']],
    ['end-consultation', 'consulting', []],
    [
      'extend',
      'processing',
      [
        '请写明延期的理由',
        '延长的工作日数须为 1 至 20 的整数',
        '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人',
      ],
    ],
    ['fee-notice', 'processing', []],
    ['fee-paid', 'processing', []],
    ['fee-unpaid', 'processing', []],
    [
      'answer',
      'processing',
      ['请选择办理结果（按年度报告的分类）', '请填写答复内容（告知书正文）'],
    ],
  ])('%s with nothing filled in (from %s) → %j', (step, status, expected) => {
    expect(problems(fitting(step, status), { step })).toEqual(expected)
  })

  it('treats blank and whitespace-only text as missing', () => {
    for (const blank of ['', '   ', '\n\t', '　', null, undefined]) {
      expect(problems(facts('processing'), { step: 'request-correction', note: blank })).toEqual([
        '请写明需要补正的事项和要求',
      ])
      expect(problems(facts('processing'), { step: 'start-consultation', note: blank })).toEqual([
        '请写明征求意见的第三方及事项',
      ])
      expect(
        problems(facts('processing'), {
          step: 'extend',
          days: 10,
          approver: '张主任',
          note: blank,
        }),
      ).toEqual(['请写明延期的理由'])
      expect(
        problems(facts('processing'), {
          step: 'extend',
          days: 10,
          note: '材料多',
          approver: blank,
        }),
      ).toEqual(['延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人'])
      expect(
        problems(facts('processing'), { step: 'answer', outcome: 'disclosed', replyText: blank }),
      ).toEqual(['请填写答复内容（告知书正文）'])
    }
  })

  it('accepts each step when everything it needs is filled in', () => {
    const full: Record<StepKind, Partial<StepInput>> = {
      register: {},
      'request-correction': { note: '请写明所需信息的名称', days: 10 },
      'receive-correction': {},
      'correction-lapsed': {},
      'start-consultation': { note: '征求某公司意见' },
      'end-consultation': {},
      extend: { days: 20, approver: '张主任', note: '需检索的档案较多' },
      'fee-notice': {},
      'fee-paid': {},
      'fee-unpaid': {},
      answer: { outcome: 'disclosed', replyText: '现将所申请的信息提供如下' },
    }
    for (const step of STEP_KINDS) {
      const status = FROM[step][FROM[step].length - 1]
      expect([step, problems(fitting(step, status), { step, ...full[step] })]).toEqual([step, []])
    }
  })

  it('lists every missing need of an extension, in order', () => {
    expect(
      problems(facts('received'), { step: 'extend', days: 0, note: ' ', approver: '' }),
    ).toEqual([
      '请写明延期的理由',
      '延长的工作日数须为 1 至 20 的整数',
      '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人',
    ])
  })
})

describe('working days of an extension', () => {
  const extend = (days: number | null | undefined) =>
    problems(facts('processing'), { step: 'extend', days, note: '理由', approver: '张主任' })
  const refusal = ['延长的工作日数须为 1 至 20 的整数']

  it.each([1, 2, 10, 19, 20])('accepts %d', (d) => {
    expect(extend(d)).toEqual([])
  })

  it.each([0, -1, 21, 40, 1.5, 19.9, 0.5, Number.NaN, Infinity, null, undefined])(
    'refuses %s',
    (d) => {
      expect(extend(d)).toEqual(refusal)
    },
  )
})

describe('working days given to correct', () => {
  const correct = (days: number | null | undefined) =>
    problems(facts('received'), { step: 'request-correction', days, note: '请补充' })
  const refusal = ['补正期限须为 1 至 60 个工作日']

  it.each([1, 7, 15, 59, 60])('accepts %d', (d) => {
    expect(correct(d)).toEqual([])
  })

  it('accepts none given (the default of 15 applies)', () => {
    expect(DEFAULT_CORRECTION_DAYS).toBe(15)
    expect(correct(null)).toEqual([])
    expect(correct(undefined)).toEqual([])
  })

  it.each([0, -5, 61, 100, 2.5, Number.NaN, Infinity])('refuses %s', (d) => {
    expect(correct(d)).toEqual(refusal)
  })
})

describe('history rules', () => {
  const once = '补正须一次性告知（条例第三十条），本申请已告知过补正'

  it('refuses a second correction notice (一次性告知), structurally and with full input', () => {
    const timeline: TimelineEntry[] = [
      { at: '2026-09-15', kind: 'register' },
      { at: '2026-09-17T10:00:00+08:00', kind: 'request-correction', days: 10 },
      { at: '2026-09-23', kind: 'receive-correction' },
    ]
    const f = facts('processing', { timeline })
    expect(
      stepProblems({ facts: f, input: { step: 'request-correction', date: '' }, structural: true }),
    ).toEqual([once])
    expect(problems(f, { step: 'request-correction', note: '再补充', days: 5 })).toEqual([once])
    expect(problems(f, { step: 'request-correction' })).toEqual([
      once,
      '请写明需要补正的事项和要求',
    ])
  })

  it('allows the first correction notice when the timeline holds only other entries', () => {
    const timeline: TimelineEntry[] = [
      { at: '2026-09-15', kind: 'register' },
      { at: '2026-09-16', kind: 'due-recomputed', note: '日历调整' },
      { at: '2026-09-16', kind: 'correction-requested' }, // a clock word, not a step kind
    ]
    expect(
      problems(facts('processing', { timeline }), { step: 'request-correction', note: '请补充' }),
    ).toEqual([])
  })

  it('refuses a second fee notice', () => {
    const f = facts('processing', { feeNoticeAt: '2026-09-20', feeAmount: 100 })
    expect(problems(f, { step: 'fee-notice' })).toEqual(['已发出过收费通知，不能重复发出'])
    expect(
      stepProblems({ facts: f, input: { step: 'fee-notice', date: '' }, structural: true }),
    ).toEqual(['已发出过收费通知，不能重复发出'])
    const paid = { ...f, feePaidAt: '2026-09-22' }
    expect(problems(paid, { step: 'fee-notice' })).toEqual(['已发出过收费通知，不能重复发出'])
  })

  it.each<StepKind>(['fee-paid', 'fee-unpaid'])('refuses %s without a fee notice', (step) => {
    expect(problems(facts('processing'), { step })).toEqual(['尚未发出收费通知'])
    expect(problems(facts('received', { feeNoticeAt: '' }), { step })).toEqual(['尚未发出收费通知'])
    expect(
      problems(facts('received', { feeNoticeAt: null, feePaidAt: '2026-09-22' }), { step }),
    ).toEqual(['尚未发出收费通知', '已收到信息处理费'])
  })

  it.each<StepKind>(['fee-paid', 'fee-unpaid'])('refuses %s once the fee is paid', (step) => {
    const f = facts('processing', { feeNoticeAt: '2026-09-20', feePaidAt: '2026-09-22' })
    expect(problems(f, { step })).toEqual(['已收到信息处理费'])
  })

  it('accepts payment and non-payment after a notice', () => {
    const f = facts('processing', { feeNoticeAt: '2026-09-20' })
    expect(problems(f, { step: 'fee-paid' })).toEqual([])
    expect(problems(f, { step: 'fee-unpaid' })).toEqual([])
  })
})

describe('answering', () => {
  const answer = (outcome: string | null | undefined, more: Partial<RequestFacts> = {}) =>
    problems(facts('processing', more), { step: 'answer', outcome, replyText: '告知书正文' })

  const ordinary = OUTCOME_CODES.filter(
    (c) => c !== 'other-no-correction' && c !== 'other-fee-unpaid',
  )

  it('has exactly two 其他处理 outcomes that only steps may set', () => {
    expect(OUTCOME_CODES.length - ordinary.length).toBe(2)
  })

  it.each(ordinary)('accepts the outcome %s', (outcome) => {
    expect(answer(outcome)).toEqual([])
  })

  it.each<OutcomeCode>(['other-no-correction', 'other-fee-unpaid'])(
    'refuses %s as a direct answer',
    (outcome) => {
      expect(answer(outcome)).toEqual(['逾期未补正或未缴费请使用相应的办理步骤，而不是直接答复'])
    },
  )

  it.each([null, undefined, '', 'withheld', 'constructor', 'DISCLOSED'])(
    'refuses the outcome %j',
    (outcome) => {
      expect(answer(outcome)).toEqual(['请选择办理结果（按年度报告的分类）'])
    },
  )

  it('refuses an answer after a fee notice until the fee is paid', () => {
    const unpaid = { feeNoticeAt: '2026-09-20', feeAmount: 100 }
    expect(answer('disclosed', unpaid)).toEqual([
      '已发出收费通知但尚未收到费用：请先登记缴费或“逾期未缴费”',
    ])
    expect(answer('disclosed', { ...unpaid, feePaidAt: '2026-09-22' })).toEqual([])
    // Structurally the button is still there: the refusal needs the handler's input.
    expect(
      stepProblems({
        facts: facts('processing', unpaid),
        input: { step: 'answer', date: '' },
        structural: true,
      }),
    ).toEqual([])
  })

  it('lists all of an answer’s problems together, in order', () => {
    const f = facts('received', { feeNoticeAt: '2026-09-20' })
    expect(problems(f, { step: 'answer', outcome: 'other-fee-unpaid', replyText: ' ' })).toEqual([
      '逾期未补正或未缴费请使用相应的办理步骤，而不是直接答复',
      '请填写答复内容（告知书正文）',
      '已发出收费通知但尚未收到费用：请先登记缴费或“逾期未缴费”',
    ])
  })
})

describe('the correction period and 逾期未补正', () => {
  // Correction notice on 2026-09-28 (星期一) with 5 working days. Counting from the next day:
  //   09-29 二 → 1, 09-30 三 → 2, 10-01…10-07 国庆节 skipped,
  //   10-08 四 → 3, 10-09 五 → 4, 10-10 六 (调休上班) → 5.
  // So the applicant may correct up to and including 2026-10-10; lapse from 10-11.
  const timeline: TimelineEntry[] = [
    { at: '2026-09-21', kind: 'register' },
    { at: '2026-09-28T16:20:00+08:00', kind: 'request-correction', days: 5, note: '请补充' },
  ]
  const f = facts('awaiting-correction', { timeline })
  const lapse = (date: string) =>
    stepProblems({ facts: f, input: { step: 'correction-lapsed', date }, calendar })

  it('checks the hand count against the calendar', () => {
    expect(weekdayName('2026-09-28')).toBe('星期一')
    expect(weekdayName('2026-10-01')).toBe('星期四')
    expect(weekdayName('2026-10-10')).toBe('星期六')
    expect(correctionDue({ timeline, calendar })).toBe('2026-10-10')
  })

  it.each(['2026-09-29', '2026-10-05', '2026-10-09', '2026-10-10'])('refuses on %s', (date) => {
    expect(lapse(date)).toEqual(['补正期限至 2026-10-10，期限届满后才能按逾期未补正处理'])
  })

  it.each(['2026-10-11', '2026-10-12', '2026-12-31'])('accepts on %s', (date) => {
    expect(lapse(date)).toEqual([])
  })

  it('uses the default 15 working days when the notice gave none', () => {
    // From 09-28: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 调休 (5), 10-12…10-16 (6–10),
    // 10-19…10-23 (11–15) → 2026-10-23 (星期五).
    const noDays: TimelineEntry[] = [{ at: '2026-09-28', kind: 'request-correction' }]
    expect(correctionDue({ timeline: noDays, calendar })).toBe('2026-10-23')
    const g = facts('awaiting-correction', { timeline: noDays })
    const at = (date: string) =>
      stepProblems({ facts: g, input: { step: 'correction-lapsed', date }, calendar })
    expect(at('2026-10-23')).toEqual(['补正期限至 2026-10-23，期限届满后才能按逾期未补正处理'])
    expect(at('2026-10-24')).toEqual([])
  })

  it('uses the last correction notice in the timeline', () => {
    const two: TimelineEntry[] = [
      { at: '2026-09-14', kind: 'request-correction', days: 1 },
      ...timeline,
    ]
    expect(correctionDue({ timeline: two, calendar })).toBe('2026-10-10')
  })

  it('has no correction due date without a notice', () => {
    expect(correctionDue({ timeline: [], calendar })).toBeNull()
    const g = facts('awaiting-correction')
    expect(
      stepProblems({
        facts: g,
        input: { step: 'correction-lapsed', date: '2026-09-29' },
        calendar,
      }),
    ).toEqual([])
  })

  it('skips the date check without a calendar', () => {
    expect(
      stepProblems({ facts: f, input: { step: 'correction-lapsed', date: '2026-09-29' } }),
    ).toEqual([])
  })
})

describe('outcomeOfStep', () => {
  it.each<[StepKind, OutcomeCode | null]>([
    ['register', null],
    ['request-correction', null],
    ['receive-correction', null],
    ['correction-lapsed', 'other-no-correction'],
    ['start-consultation', null],
    ['end-consultation', null],
    ['extend', null],
    ['fee-notice', null],
    ['fee-paid', null],
    ['fee-unpaid', 'other-fee-unpaid'],
    ['answer', null],
  ])('%s → %s', (step, outcome) => {
    expect(outcomeOfStep(step)).toBe(outcome)
  })
})

describe('publicLabel', () => {
  const label = (step: StepKind, more: Partial<StepInput> = {}) =>
    publicLabel({ step, date: '2026-09-30', ...more })

  it.each<[StepKind, string]>([
    ['register', '登记受理'],
    ['receive-correction', '收到补正'],
    ['correction-lapsed', '逾期未补正，不再处理'],
    ['start-consultation', '征求第三方意见'],
    ['end-consultation', '第三方意见返回'],
    ['fee-notice', '发出收费通知'],
    ['fee-paid', '收到信息处理费'],
    ['fee-unpaid', '逾期未缴费，不再处理'],
  ])('%s reads %s', (step, text) => {
    expect(label(step)).toBe(text)
    expect(label(step, { note: '内部说明', days: 3, outcome: 'disclosed' })).toBe(text)
  })

  it('tells the applicant how long they have to correct', () => {
    expect(label('request-correction', { days: 10 })).toBe('告知补正（请在 10 个工作日内补正）')
    expect(label('request-correction')).toBe('告知补正（请在 15 个工作日内补正）')
    expect(label('request-correction', { days: null })).toBe('告知补正（请在 15 个工作日内补正）')
  })

  it('tells the applicant how long the extension is', () => {
    expect(label('extend', { days: 10, approver: '张主任' })).toBe(
      '延长答复期限 10 个工作日（经负责人批准）',
    )
    expect(label('extend', { days: 20 })).toBe('延长答复期限 20 个工作日（经负责人批准）')
  })

  it('names the outcome of an answer as the annual report does', () => {
    expect(label('answer', { outcome: 'disclosed' })).toBe('已答复：予以公开')
    expect(label('answer', { outcome: 'partly-disclosed' })).toBe('已答复：部分公开')
    expect(label('answer', { outcome: 'withheld-state-secret' })).toBe(
      '已答复：不予公开：属于国家秘密',
    )
    expect(label('answer', { outcome: 'unavailable-not-held' })).toBe(
      '已答复：无法提供：本机关不掌握相关政府信息',
    )
    expect(label('answer', { outcome: 'other-other' })).toBe('已答复：其他处理：其他')
    expect(label('answer')).toBe('答复')
    expect(label('answer', { outcome: 'nonsense' })).toBe('答复')
  })
})

describe('clockEvents', () => {
  it('is empty for an empty timeline', () => {
    expect(clockEvents([])).toStrictEqual([])
  })

  it('ignores unknown kinds and steps that do not move the clock', () => {
    const timeline: TimelineEntry[] = [
      { at: '2026-09-14', kind: 'submitted' },
      { at: '2026-09-15', kind: 'register' },
      { at: '2026-09-16', kind: 'due-recomputed', note: '日历调整' },
      { at: '2026-09-16', kind: 'correction-requested', days: 3 }, // a clock word, not a step
      { at: '2026-09-16', kind: 'constructor' },
      { at: '2026-09-17', kind: 'fee-notice' },
      { at: '2026-09-18', kind: 'fee-paid' },
      { at: '2026-09-21', kind: 'fee-unpaid' },
      { at: '2026-09-22', kind: 'correction-lapsed' },
      { at: '2026-09-23', kind: 'answer', days: 5 },
    ]
    expect(clockEvents(timeline)).toStrictEqual([])
  })

  it('maps each clock step, keeping order and taking the date part of `at`', () => {
    const timeline: TimelineEntry[] = [
      { at: '2026-09-17T09:30:00+08:00', kind: 'request-correction', note: '请补充' },
      { at: '2026-09-23', kind: 'receive-correction', days: null },
      { at: '2026-09-29T08:00:00+08:00', kind: 'start-consultation', note: '征求某公司意见' },
      { at: '2026-10-09', kind: 'end-consultation' },
      { at: '2026-10-12', kind: 'extend', days: 10, approver: '张主任' },
      { at: '2026-10-13', kind: 'extend' },
    ]
    expect(clockEvents(timeline)).toStrictEqual([
      { kind: 'correction-requested', date: '2026-09-17', days: DEFAULT_CORRECTION_DAYS },
      { kind: 'correction-received', date: '2026-09-23' },
      { kind: 'consultation-started', date: '2026-09-29' },
      { kind: 'consultation-ended', date: '2026-10-09' },
      { kind: 'extension-approved', date: '2026-10-12', days: 10 },
      { kind: 'extension-approved', date: '2026-10-13' },
    ])
  })

  it('keeps the days the correction notice gave', () => {
    expect(clockEvents([{ at: '2026-09-17', kind: 'request-correction', days: 10 }])).toStrictEqual(
      [{ kind: 'correction-requested', date: '2026-09-17', days: 10 }],
    )
  })

  describe('a realistic history, fed to disclosureDueDate', () => {
    // Received 2026-09-14 (星期一). Working days after it: 09-15 (1), 09-16 (2), 09-17 (3), 09-18
    // (4), 09-20 调休星期日 (5), 09-21 (6), 09-22 (7), 09-23 (8). The correction notice may go
    // out until the 7th working day, 09-22; it goes out on day 3 (09-17) with 10 days; the
    // corrected application arrives on day 8 (09-23) and the 20 days restart from there.
    // Consultation runs from 09-29 (星期二) to 10-09 (星期五) across 国庆: the working days after
    // 09-29 up to 10-09 are 09-30, 10-08, 10-09 = 3 not counted. Extension of 10 on 10-12.
    // Due = 20 + 3 + 10 = 33 working days after 09-23:
    //   09-24 (1), [09-25 中秋, weekend], 09-28 (2), 09-29 (3), 09-30 (4), [10-01…10-07 国庆],
    //   10-08 (5), 10-09 (6), 10-10 调休 (7), 10-12…10-16 (8–12), 10-19…10-23 (13–17),
    //   10-26…10-30 (18–22), 11-02…11-06 (23–27), 11-09…11-13 (28–32), 11-16 (33)
    // → 2026-11-16 (星期一).
    const receivedAt = '2026-09-14'
    const timeline: TimelineEntry[] = [
      { at: '2026-09-14T20:15:00+08:00', kind: 'submitted' },
      { at: '2026-09-15T09:00:00+08:00', kind: 'register' },
      { at: '2026-09-17T10:00:00+08:00', kind: 'request-correction', days: 10, note: '请补充' },
      { at: '2026-09-23T14:00:00+08:00', kind: 'receive-correction' },
      { at: '2026-09-24T09:00:00+08:00', kind: 'fee-notice' },
      { at: '2026-09-25T09:00:00+08:00', kind: 'fee-paid' },
      { at: '2026-09-29T09:00:00+08:00', kind: 'start-consultation', note: '征求某公司意见' },
      { at: '2026-10-09T16:00:00+08:00', kind: 'end-consultation' },
      { at: '2026-10-12T11:00:00+08:00', kind: 'extend', days: 10, approver: '张主任' },
    ]
    const due = (entries: TimelineEntry[]) =>
      disclosureDueDate({ receivedAt, events: clockEvents(entries), calendar })

    it('maps the history to its clock events', () => {
      expect(clockEvents(timeline)).toStrictEqual([
        { kind: 'correction-requested', date: '2026-09-17', days: 10 },
        { kind: 'correction-received', date: '2026-09-23' },
        { kind: 'consultation-started', date: '2026-09-29' },
        { kind: 'consultation-ended', date: '2026-10-09' },
        { kind: 'extension-approved', date: '2026-10-12', days: 10 },
      ])
    })

    it('is due on 2026-11-16 with nothing refused', () => {
      expect(weekdayName('2026-09-14')).toBe('星期一')
      expect(weekdayName('2026-11-16')).toBe('星期一')
      const clock = due(timeline)
      expect(clock.problems).toEqual([])
      expect(clock.state).toBe('running')
      expect(clock.dueDate).toBe('2026-11-16')
    })

    it('gives the expected date at each stage of the history', () => {
      // Before any step: 20 working days after 09-14: 09-15…09-18 (4), 09-20 (5), 09-21…09-24
      // (9), 09-28…09-30 (12), 10-08, 10-09, 10-10 (15), 10-12…10-16 (20) → 10-16.
      expect(due(timeline.slice(0, 2)).dueDate).toBe('2026-10-16')
      // Awaiting correction: stopped.
      expect(due(timeline.slice(0, 3))).toMatchObject({
        dueDate: null,
        state: 'awaiting-correction',
      })
      // Restarted on 09-23: 20 working days → 10-28 (the 20th in the count above).
      expect(due(timeline.slice(0, 6)).dueDate).toBe('2026-10-28')
      // Consulting: stopped.
      expect(due(timeline.slice(0, 7))).toMatchObject({ dueDate: null, state: 'consulting' })
      // Opinion back: 20 + 3 = 23 → 11-02.
      expect(due(timeline.slice(0, 8)).dueDate).toBe('2026-11-02')
    })

    it('feeds urgency: paused while consulting, on time before the due date', () => {
      const consulting = due(timeline.slice(0, 7)).dueDate
      expect(
        urgency({ status: 'consulting', dueDate: consulting, today: '2026-10-08', calendar }),
      ).toEqual({ urgency: 'paused', daysLeft: null })
      // From 11-10 up to 11-16: 11-11, 11-12, 11-13, 11-16 → 4 left.
      expect(
        urgency({
          status: 'processing',
          dueDate: due(timeline).dueDate,
          today: '2026-11-10',
          calendar,
        }),
      ).toEqual({ urgency: 'on-time', daysLeft: 4 })
    })
  })
})

describe('urgency', () => {
  const at = (today: string, dueDate: string | null | undefined, more = {}) =>
    urgency({ status: 'processing', dueDate, today, calendar, ...more })

  it('labels every urgency', () => {
    expect(URGENCY_LABELS).toEqual({
      overdue: '已逾期',
      'due-soon': '即将到期',
      'on-time': '正常',
      paused: '暂停计时',
      done: '已办结',
    })
    expect(DUE_SOON_DAYS).toBe(3)
  })

  it.each(['answered', 'closed', 'unknown'])('is done for %s, whatever the dates', (status) => {
    expect(urgency({ status, dueDate: '2026-09-01', today: '2026-10-30', calendar })).toEqual({
      urgency: 'done',
      daysLeft: null,
    })
    expect(urgency({ status, dueDate: null, today: '2026-10-30', calendar })).toEqual({
      urgency: 'done',
      daysLeft: null,
    })
  })

  it.each(OPEN_STATUSES)('is paused for an open %s request with no due date', (status) => {
    for (const dueDate of [null, undefined, '']) {
      expect(urgency({ status, dueDate, today: '2026-10-30', calendar })).toEqual({
        urgency: 'paused',
        daysLeft: null,
      })
    }
  })

  it('counts due today as 0 left and still on time', () => {
    expect(at('2026-10-16', '2026-10-16')).toEqual({ urgency: 'due-soon', daysLeft: 0 })
    expect(at('2026-10-16', '2026-10-16', { dueSoonDays: 0 })).toEqual({
      urgency: 'due-soon',
      daysLeft: 0,
    })
    expect(at('2026-10-16', '2026-10-16', { dueSoonDays: -1 })).toEqual({
      urgency: 'on-time',
      daysLeft: 0,
    })
  })

  it('is overdue by 1 on the working day after the due date', () => {
    // Due 星期四 10-15, today 星期五 10-16.
    expect(at('2026-10-16', '2026-10-15')).toEqual({ urgency: 'overdue', daysLeft: -1 })
    // Due 星期五 10-09, today the 调休 Saturday 10-10: a working day.
    expect(at('2026-10-10', '2026-10-09')).toEqual({ urgency: 'overdue', daysLeft: -1 })
    // Due 星期五 10-16, today 星期一 10-19: the weekend is not counted.
    expect(at('2026-10-19', '2026-10-16')).toEqual({ urgency: 'overdue', daysLeft: -1 })
    // Due 09-30, today 10-12: 10-08, 10-09, 10-10 调休, 10-12 → 4 days late.
    expect(at('2026-10-12', '2026-09-30')).toEqual({ urgency: 'overdue', daysLeft: -4 })
  })

  // The day after the due date is overdue by at least one day, even on a weekend or holiday
  // when no working day has passed yet (it once said -0).
  it('gives an overdue request a negative daysLeft even on a weekend', () => {
    const r = at('2026-10-17', '2026-10-16')
    expect(r.urgency).toBe('overdue')
    expect(r.daysLeft).toBe(-1)
  })

  it('does not count weekends and holidays between today and the due date', () => {
    // Today 09-30 (星期三), due 10-09 (星期五): 10-01…10-07 国庆 skipped → 10-08, 10-09 = 2.
    expect(at('2026-09-30', '2026-10-09')).toEqual({ urgency: 'due-soon', daysLeft: 2 })
    // Today 09-24, due 09-29: 09-25 中秋 and the weekend skipped → 09-28, 09-29 = 2.
    expect(at('2026-09-24', '2026-09-29')).toEqual({ urgency: 'due-soon', daysLeft: 2 })
    // Today 星期六 10-17, due 星期一 10-19: 1 left.
    expect(at('2026-10-17', '2026-10-19')).toEqual({ urgency: 'due-soon', daysLeft: 1 })
    // Today 10-02 (holiday), due 10-12: 10-08, 10-09, 10-10 调休, 10-12 = 4.
    expect(at('2026-10-02', '2026-10-12')).toEqual({ urgency: 'on-time', daysLeft: 4 })
  })

  it('switches to due-soon exactly at the threshold', () => {
    // Due 10-09; today 09-28 → 09-29, 09-30, 10-08, 10-09 = 4; 09-29 → 3; 09-30 → 2.
    expect(at('2026-09-28', '2026-10-09')).toEqual({ urgency: 'on-time', daysLeft: 4 })
    expect(at('2026-09-29', '2026-10-09')).toEqual({ urgency: 'due-soon', daysLeft: 3 })
    expect(at('2026-09-29', '2026-10-09', { dueSoonDays: 2 })).toEqual({
      urgency: 'on-time',
      daysLeft: 3,
    })
    expect(at('2026-09-30', '2026-10-09', { dueSoonDays: 2 })).toEqual({
      urgency: 'due-soon',
      daysLeft: 2,
    })
    expect(at('2026-09-28', '2026-10-09', { dueSoonDays: 4 })).toEqual({
      urgency: 'due-soon',
      daysLeft: 4,
    })
    expect(at('2026-09-28', '2026-10-09', { dueSoonDays: 0 })).toEqual({
      urgency: 'on-time',
      daysLeft: 4,
    })
    expect(at('2026-10-09', '2026-10-09', { dueSoonDays: 0 })).toEqual({
      urgency: 'due-soon',
      daysLeft: 0,
    })
  })

  it('computes the same for every open status that has a due date', () => {
    for (const status of OPEN_STATUSES) {
      expect(urgency({ status, dueDate: '2026-10-09', today: '2026-09-28', calendar })).toEqual({
        urgency: 'on-time',
        daysLeft: 4,
      })
    }
  })
})

describe('applyStep', () => {
  const AT = '2026-09-30T02:00:00.000Z'
  const base = (status: RequestStatus, more: Partial<StepFacts> = {}): StepFacts => ({
    status,
    timeline: [{ at: '2026-09-14T12:00:00.000Z', kind: 'submitted' }],
    receivedAt: '2026-09-14',
    ...more,
  })
  const apply = (f: StepFacts, input: Partial<StepRequest> & { step: StepKind }) =>
    applyStep(f, { date: '2026-09-30', at: AT, ...input }, calendar)

  it.each<[string, StepFacts, Partial<StepRequest> & { step: StepKind }, string[]]>([
    [
      'an unknown step',
      base('processing'),
      { step: 'archive' as StepKind },
      ['没有“archive”这一办理步骤'],
    ],
    [
      'a step the status does not allow',
      base('answered'),
      { step: 'register' },
      ['申请处于“已答复”状态，不能“登记受理”（须处于“已收到”状态）'],
    ],
    [
      'an extension without days, approver or reason',
      base('processing'),
      { step: 'extend' },
      [
        '请写明延期的理由',
        '延长的工作日数须为 1 至 20 的整数',
        '延长答复期限须经政府信息公开工作机构负责人同意：请填写批准人',
      ],
    ],
    [
      'a fee notice without a method',
      base('processing'),
      { step: 'fee-notice' },
      ['请选择收费方式：按件计收或按量计收（两种标准不得同时适用）'],
    ],
    [
      'a fee notice for a request that costs nothing',
      base('processing'),
      { step: 'fee-notice', feeMethod: 'per-page', fee: { total: 0, notes: ['30 页以内不收费'] } },
      ['本申请不收取信息处理费：30 页以内不收费'],
    ],
    [
      'a second fee notice, before the method is looked at',
      base('processing', { feeNoticeAt: '2026-09-20' }),
      { step: 'fee-notice' },
      ['已发出过收费通知，不能重复发出'],
    ],
    [
      'a correction notice after the 7th working day (the clock refuses it)',
      base('processing'),
      {
        step: 'request-correction',
        note: '请补充身份证明',
        days: 10,
        at: '2026-09-30T02:00:00.000Z',
      },
      [
        '补正通知应在收到申请后 7 个工作日内（2026-09-22 前）发出（条例第三十条）；2026-09-30 发出的补正通知不中止答复期限',
      ],
    ],
  ])('refuses %s, changing nothing', (_, f, input, problems) => {
    const out = apply(f, input)
    expect(out.problems).toEqual(problems)
    expect(out.patch).toEqual({})
    expect(out.timelineEntry).toBeNull()
  })

  it.each<[string, StepFacts, Partial<StepRequest> & { step: StepKind }, object, object]>([
    [
      'registers a request',
      base('received'),
      { step: 'register', note: '已登记', by: 7 },
      { status: 'processing' },
      { kind: 'register', label: '登记受理', note: '已登记', by: 7 },
    ],
    [
      'asks for a correction within the 7 working days',
      base('processing'),
      {
        step: 'request-correction',
        note: '请补充',
        days: 10,
        date: '2026-09-17',
        at: '2026-09-17T02:00:00.000Z',
      },
      { status: 'awaiting-correction' },
      {
        kind: 'request-correction',
        label: '告知补正（请在 10 个工作日内补正）',
        note: '请补充',
        days: 10,
      },
    ],
    [
      'extends with the approver named',
      base('processing'),
      { step: 'extend', note: '涉及面广', days: 15, approver: '张主任' },
      {},
      {
        kind: 'extend',
        label: '延长答复期限 15 个工作日（经负责人批准）',
        note: '涉及面广',
        days: 15,
        approver: '张主任',
      },
    ],
    [
      'notices a fee, the fee and its reasons in the note',
      base('processing'),
      {
        step: 'fee-notice',
        note: '请缴费',
        feeMethod: 'per-page',
        fee: { total: 100, notes: ['超出 30 页部分按页计收'] },
      },
      { feeAmount: 100, feeNoticeAt: AT },
      { kind: 'fee-notice', note: '请缴费\n超出 30 页部分按页计收' },
    ],
    [
      'records the fee paid',
      base('processing', { feeNoticeAt: '2026-09-20', feeAmount: 100 }),
      { step: 'fee-paid' },
      { feePaidAt: AT },
      { kind: 'fee-paid', label: '收到信息处理费' },
    ],
    [
      'closes an unpaid request with its own outcome',
      base('processing', { feeNoticeAt: '2026-09-20', feeAmount: 100 }),
      { step: 'fee-unpaid' },
      { status: 'answered', outcome: 'other-fee-unpaid', answeredAt: '2026-09-30T04:00:00.000Z' },
      { kind: 'fee-unpaid' },
    ],
    [
      'answers with the chosen outcome, the note kept from the applicant',
      base('processing'),
      {
        step: 'answer',
        outcome: 'disclosed',
        replyText: '予以公开',
        note: '内部',
        internalNote: '已核',
      },
      { status: 'answered', outcome: 'disclosed', answeredAt: '2026-09-30T04:00:00.000Z' },
      { kind: 'answer', label: '已答复：予以公开', note: null, internalNote: '已核' },
    ],
  ])('%s', (_, f, input, patch, entry) => {
    const out = apply(f, input)
    expect(out.problems).toEqual([])
    expect(out.patch).toMatchObject(patch)
    expect(out.timelineEntry).toMatchObject({ at: input.at ?? AT, ...entry })
    expect(out.patch.timeline).toEqual([...f.timeline, out.timelineEntry])
  })

  it('keeps days and approver only on the steps that have them', () => {
    const out = apply(base('received'), { step: 'register', days: 5, approver: '某人' })
    expect(out.timelineEntry?.days).toBeUndefined()
    expect(out.timelineEntry?.approver).toBeUndefined()
  })
})
