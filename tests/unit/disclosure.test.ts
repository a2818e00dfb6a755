import { describe, expect, it } from 'vitest'

import {
  APPLICANT_KINDS,
  APPLICANT_KIND_LABELS,
  OUTCOMES,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  disclosureModeProblems,
  feeFor,
  isOrganisation,
  isOutcomeCode,
  isTrackingCode,
  normaliseTrackingCode,
  outcomeLabel,
  perCaseUnitPrice,
  perPageFee,
  validityProblems,
} from '../../src/domain/disclosure'

describe('applicant kinds', () => {
  it('has the six columns of table 三 in order', () => {
    expect(APPLICANT_KINDS.map((k) => APPLICANT_KIND_LABELS[k])).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ])
  })

  it.each([
    ['natural-person', false],
    ['commercial-enterprise', true],
    ['other-organisation', true],
  ] as const)('counts %s as a 法人或其他组织: %s', (kind, org) => {
    expect(isOrganisation(kind)).toBe(org)
  })
})

describe('outcome categories', () => {
  it('has exactly the result rows of table 三, in order, with their official wording', () => {
    const rows = OUTCOME_CODES.map((code) => {
      const o: { group: keyof typeof OUTCOME_GROUP_LABELS; number: number | null; label: string } =
        OUTCOMES[code]
      return o.number == null
        ? OUTCOME_GROUP_LABELS[o.group]
        : `${OUTCOME_GROUP_LABELS[o.group]} ${o.number}.${o.label}`
    })
    expect(rows).toEqual([
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开 1.属于国家秘密',
      '（三）不予公开 2.其他法律行政法规禁止公开',
      '（三）不予公开 3.危及“三安全一稳定”',
      '（三）不予公开 4.保护第三方合法权益',
      '（三）不予公开 5.属于三类内部事务信息',
      '（三）不予公开 6.属于四类过程性信息',
      '（三）不予公开 7.属于行政执法案卷',
      '（三）不予公开 8.属于行政查询事项',
      '（四）无法提供 1.本机关不掌握相关政府信息',
      '（四）无法提供 2.没有现成信息需要另行制作',
      '（四）无法提供 3.补正后申请内容仍不明确',
      '（五）不予处理 1.信访举报投诉类申请',
      '（五）不予处理 2.重复申请',
      '（五）不予处理 3.要求提供公开出版物',
      '（五）不予处理 4.无正当理由大量反复申请',
      '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）其他处理 3.其他',
    ])
  })

  it.each([
    ['disclosed', '予以公开'],
    ['partly-disclosed', '部分公开'],
    ['withheld-state-secret', '不予公开：属于国家秘密'],
    ['unavailable-not-held', '无法提供：本机关不掌握相关政府信息'],
    ['not-processed-duplicate', '不予处理：重复申请'],
    [
      'other-fee-unpaid',
      '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ],
  ] as const)('reads %s as “%s”', (code, label) => {
    expect(outcomeLabel(code)).toBe(label)
  })

  it.each([
    ['disclosed', true],
    ['other-other', true],
    ['withheld', false],
    ['toString', false],
    [null, false],
    [3, false],
  ])('knows whether %j is an outcome code (%s)', (value, ok) => {
    expect(isOutcomeCode(value)).toBe(ok)
  })
})

describe('disclosure modes', () => {
  it.each([
    [{ mode: 'proactive' }, []],
    [{ mode: 'on-request', reason: '涉及特定人员，依申请提供' }, []],
    [{ mode: 'withheld', reason: '属于国家秘密' }, []],
    [{ mode: 'on-request' }, ['公开方式为“依申请公开”时，须填写不主动公开的理由']],
    [{ mode: 'withheld', reason: '   ' }, ['公开方式为“不予公开”时，须填写不主动公开的理由']],
  ] as const)('judges %j', (input, problems) => {
    expect(disclosureModeProblems(input)).toEqual(problems)
  })
})

describe('validity marks', () => {
  it.each([
    [{ validity: 'in-force' }, []],
    [
      { validity: 'in-force', changedOn: '2026-01-01' },
      ['现行有效的文件不应填写修改、废止或失效信息'],
    ],
    [{ validity: 'amended', changedOn: '2026-05-01', changedBy: 12 }, []],
    [
      { validity: 'amended', changedOn: '2026-05-01' },
      ['标注为“已修改”时，须关联修改该文件的文件（决定或新文件）'],
    ],
    [
      { validity: 'repealed' },
      [
        '标注为“已废止”时，须填写废止日期',
        '标注为“已废止”时，须关联废止该文件的文件（决定或新文件）',
      ],
    ],
    [{ validity: 'repealed', changedOn: '2026-05-01', changedBy: 'abc' }, []],
    [{ validity: 'expired', changedOn: '2026-12-31' }, []],
    [{ validity: 'expired' }, ['标注为“已失效”时，须填写失效日期']],
    [
      { validity: 'expired', changedOn: '2019-12-31', issuedOn: '2020-01-01' },
      ['失效日期（2019-12-31）不能早于成文日期（2020-01-01）'],
    ],
  ] as const)('judges %j', (input, problems) => {
    expect(validityProblems(input)).toEqual(problems)
  })
})

describe('processing fees (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('charges the %i-th application of a month %i yuan by case', (n, price) => {
    expect(perCaseUnitPrice(n)).toBe(price)
  })

  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('charges %i pages %i yuan by page, band by band', (pages, total) => {
    expect(perPageFee(pages).total).toBe(total)
  })

  it('itemises the page bands', () => {
    expect(perPageFee(250).items).toEqual([
      { label: '第 31—100 页', quantity: 70, unitPrice: 10, amount: 700 },
      { label: '第 101—200 页', quantity: 100, unitPrice: 20, amount: 2000 },
      { label: '第 201 页起', quantity: 50, unitPrice: 40, amount: 2000 },
    ])
  })

  it.each([
    [{ applicationsThisMonth: 3, pages: 12 }, 'per-case', 0],
    [{ applicationsThisMonth: 12, pages: 12 }, 'per-page', 0],
    [{ applicationsThisMonth: 12, pages: 12, method: 'per-case' }, 'per-case', 100],
    [{ applicationsThisMonth: 2, pages: 120 }, 'per-case', 0],
    [{ applicationsThisMonth: 2, pages: 120, method: 'per-page' }, 'per-page', 1100],
    [{ applicationsThisMonth: 35, pages: 60 }, 'per-case', 200],
    [{ applicationsThisMonth: 35, pages: 40 }, 'per-page', 100],
  ] as const)('charges %j by %s: %i yuan, never both ways at once', (input, method, total) => {
    const fee = feeFor(input)
    expect(fee.method).toBe(method)
    expect(fee.total).toBe(total)
  })

  it('shows both calculations and says which was charged', () => {
    const fee = feeFor({ applicationsThisMonth: 12, pages: 45, method: 'per-case' })
    expect(fee.perCase.items).toEqual([
      { label: '本月第 12 件申请（11—30 件的部分）', quantity: 1, unitPrice: 100, amount: 100 },
    ])
    expect(fee.perPage.total).toBe(150)
    expect(fee.notes).toEqual([
      '按件计收：本月第 12 件申请，100 元（每月 10 件以内免费）',
      '按量计收：共 45 页，150 元（30 页以内免费）',
      '采用按件计收，收取 100 元；两种标准不得同时适用（国办函〔2020〕109号第三条）',
    ])
  })

  it('names the band of a 31st-or-later application', () => {
    const fee = feeFor({ applicationsThisMonth: 45, pages: 0, method: 'per-case' })
    expect(fee.perCase.items[0].label).toBe('本月第 45 件申请（41—50 件的部分）')
    expect(fee.total).toBe(300)
  })

  it('says there is no fee when nothing is due', () => {
    expect(feeFor({ applicationsThisMonth: 1, pages: 1 }).notes.at(-1)).toBe('不收取信息处理费')
  })

  it.each([
    { applicationsThisMonth: -1, pages: 0 },
    { applicationsThisMonth: 1, pages: 2.5 },
  ])('refuses impossible counts %j', (input) => {
    expect(() => feeFor(input)).toThrow(RangeError)
  })
})

describe('tracking codes', () => {
  it.each([
    ['ABCD-EFGH-JKMN-PQRS', true],
    ['0123-4567-89AB-CDEF', true],
    ['WXYZ-0000-1111-2222', true],
    ['abcd-efgh-jkmn-pqrs', false],
    ['ABCDEFGHJKMNPQRS', false],
    ['ABCD-EFGH-JKMN-PQR', false],
    ['ABCD-EFGH-IJKL-MNOP', false],
    ['ABCD-EFGH-JKMN-PQRU', false],
    ['ABCD-EFGH-JKMN-PQRS-TVWX', false],
  ])('%s is a tracking code: %s', (value, ok) => {
    expect(isTrackingCode(value)).toBe(ok)
  })

  it.each([
    ['abcd efgh jkmn pqrs', 'ABCD-EFGH-JKMN-PQRS'],
    ['ABCDEFGHJKMNPQRS', 'ABCD-EFGH-JKMN-PQRS'],
    ['0O1I-L000-1111-2222', '0011-1000-1111-2222'],
    ['abcd-efgh-jkmn-pqr', null],
    ['ABCD-EFGH-JKMN-PQRU', null],
  ])('reads what a citizen typed, %j, as %j', (value, code) => {
    expect(normaliseTrackingCode(value)).toBe(code)
  })
})
