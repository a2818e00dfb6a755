// Decides the fixed vocabulary of government information disclosure — applicant kinds, outcome
// categories, disclosure modes, validity — and what a request costs.

// 国办公开办函〔2021〕30号, table 三: the applicant columns.
export const APPLICANT_KINDS = [
  'natural-person',
  'commercial-enterprise',
  'research-institution',
  'public-welfare-organisation',
  'legal-service-agency',
  'other-organisation',
] as const
export type ApplicantKind = (typeof APPLICANT_KINDS)[number]

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  'natural-person': '自然人',
  'commercial-enterprise': '商业企业',
  'research-institution': '科研机构',
  'public-welfare-organisation': '社会公益组织',
  'legal-service-agency': '法律服务机构',
  'other-organisation': '其他',
}

/** Every kind but 自然人 is a 法人或其他组织 in the annual report. */
export const isOrganisation = (kind: ApplicantKind): boolean => kind !== 'natural-person'

export const OUTCOME_GROUPS = [
  'disclosed',
  'partly-disclosed',
  'withheld',
  'unavailable',
  'not-processed',
  'other',
] as const
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]

// The row labels of table 三 "三、本年度办理结果", word for word.
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  disclosed: '（一）予以公开',
  'partly-disclosed': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  'not-processed': '（五）不予处理',
  other: '（六）其他处理',
}

type OutcomeDef = { group: OutcomeGroup; number: number | null; label: string }

/** The official outcome categories: exactly the rows of table 三, in the table's order. */
export const OUTCOMES = {
  disclosed: { group: 'disclosed', number: null, label: '予以公开' },
  'partly-disclosed': { group: 'partly-disclosed', number: null, label: '部分公开' },
  // 条例第十四条、第十五条、第十六条: the grounds for withholding.
  'withheld-state-secret': { group: 'withheld', number: 1, label: '属于国家秘密' },
  'withheld-prohibited-by-law': {
    group: 'withheld',
    number: 2,
    label: '其他法律行政法规禁止公开',
  },
  'withheld-security-stability': { group: 'withheld', number: 3, label: '危及“三安全一稳定”' },
  'withheld-third-party-rights': { group: 'withheld', number: 4, label: '保护第三方合法权益' },
  'withheld-internal-affairs': { group: 'withheld', number: 5, label: '属于三类内部事务信息' },
  'withheld-process-information': { group: 'withheld', number: 6, label: '属于四类过程性信息' },
  'withheld-enforcement-file': { group: 'withheld', number: 7, label: '属于行政执法案卷' },
  'withheld-administrative-query': { group: 'withheld', number: 8, label: '属于行政查询事项' },
  'unavailable-not-held': { group: 'unavailable', number: 1, label: '本机关不掌握相关政府信息' },
  'unavailable-needs-creation': {
    group: 'unavailable',
    number: 2,
    label: '没有现成信息需要另行制作',
  },
  'unavailable-unclear-after-correction': {
    group: 'unavailable',
    number: 3,
    label: '补正后申请内容仍不明确',
  },
  'not-processed-petition': { group: 'not-processed', number: 1, label: '信访举报投诉类申请' },
  'not-processed-duplicate': { group: 'not-processed', number: 2, label: '重复申请' },
  'not-processed-publication': { group: 'not-processed', number: 3, label: '要求提供公开出版物' },
  'not-processed-excessive': {
    group: 'not-processed',
    number: 4,
    label: '无正当理由大量反复申请',
  },
  'not-processed-confirmation': {
    group: 'not-processed',
    number: 5,
    label: '要求行政机关确认或重新出具已获取信息',
  },
  'other-no-correction': {
    group: 'other',
    number: 1,
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  'other-fee-unpaid': {
    group: 'other',
    number: 2,
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  'other-other': { group: 'other', number: 3, label: '其他' },
} as const satisfies Record<string, OutcomeDef>

export type OutcomeCode = keyof typeof OUTCOMES
export const OUTCOME_CODES = Object.keys(OUTCOMES) as OutcomeCode[]

export const isOutcomeCode = (value: unknown): value is OutcomeCode =>
  typeof value === 'string' && Object.hasOwn(OUTCOMES, value)

/** How the outcome reads in a reply or a list: 不予公开：属于国家秘密. */
export function outcomeLabel(code: OutcomeCode): string {
  const o: OutcomeDef = OUTCOMES[code]
  if (o.number == null) return o.label
  return `${OUTCOME_GROUP_LABELS[o.group].replace(/^（.）/, '')}：${o.label}`
}

// 公开方式 on every catalogue entry.
export const DISCLOSURE_MODES = ['proactive', 'on-request', 'withheld'] as const
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number]
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  'on-request': '依申请公开',
  withheld: '不予公开',
}

/** Anything not proactively disclosed must say why (条例第五条: 以公开为常态、不公开为例外). */
export function disclosureModeProblems({
  mode,
  reason,
}: {
  mode: DisclosureMode
  reason?: string | null
}): string[] {
  if (mode === 'proactive' || reason?.trim()) return []
  return [`公开方式为“${DISCLOSURE_MODE_LABELS[mode]}”时，须填写不主动公开的理由`]
}

// 有效性: amended, repealed or expired documents are marked on the original.
export const VALIDITY_STATES = ['in-force', 'amended', 'repealed', 'expired'] as const
export type Validity = (typeof VALIDITY_STATES)[number]
export const VALIDITY_LABELS: Record<Validity, string> = {
  'in-force': '现行有效',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
}

/**
 * Sentences refusing a validity mark, or none. 已修改 and 已废止 need the document that did it
 * (the amending or repealing decision, or the new text that replaces the old one), so a reader
 * of the original can always reach what applies now; 已失效 (its own term ran out) needs only a
 * date. Each change needs its date, not before the document's own date.
 */
export function validityProblems({
  validity,
  changedOn,
  changedBy,
  issuedOn,
}: {
  validity: Validity
  changedOn?: string | null
  changedBy?: string | number | null
  issuedOn?: string | null
}): string[] {
  const label = VALIDITY_LABELS[validity]
  if (validity === 'in-force') {
    return changedOn || changedBy ? ['现行有效的文件不应填写修改、废止或失效信息'] : []
  }
  const problems: string[] = []
  const when = { amended: '修改', repealed: '废止', expired: '失效' }[validity]
  if (!changedOn) problems.push(`标注为“${label}”时，须填写${when}日期`)
  else if (issuedOn && changedOn < issuedOn) {
    problems.push(`${when}日期（${changedOn}）不能早于成文日期（${issuedOn}）`)
  }
  if ((validity === 'amended' || validity === 'repealed') && changedBy == null) {
    problems.push(`标注为“${label}”时，须关联${when}该文件的文件（决定或新文件）`)
  }
  return problems
}

// 政府信息公开信息处理费管理办法（国办函〔2020〕109号）.
export const FREE_APPLICATIONS_PER_MONTH = 10
export const FREE_PAGES = 30

export type FeeMethod = 'per-case' | 'per-page'
export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  'per-case': '按件计收',
  'per-page': '按量计收',
}

export type FeeItem = { label: string; quantity: number; unitPrice: number; amount: number }
export type FeeBreakdown = { method: FeeMethod; items: FeeItem[]; total: number }

// 办法第五条: pages are charged by band on the part inside each band (超额累进).
const PAGE_BANDS = [
  { from: 31, to: 100, unitPrice: 10 },
  { from: 101, to: 200, unitPrice: 20 },
  { from: 201, to: Infinity, unitPrice: 40 },
]

/**
 * 办法第四条: the fee for the n-th application of one applicant in one calendar month. Up to 10
 * free; 11–30 ¥100; from 31, each further band of 10 costs ¥100 more per case.
 */
export const perCaseUnitPrice = (n: number): number =>
  n <= FREE_APPLICATIONS_PER_MONTH ? 0 : n <= 30 ? 100 : 100 + 100 * Math.ceil((n - 30) / 10)

function perCaseBand(n: number): string {
  if (n <= 30) return '11—30 件'
  const low = 31 + 10 * Math.floor((n - 31) / 10)
  return `${low}—${low + 9} 件`
}

/** 按件计收 for this application, the n-th this month. */
export function perCaseFee(applicationsThisMonth: number): FeeBreakdown {
  const n = applicationsThisMonth
  const unitPrice = perCaseUnitPrice(n)
  const items = unitPrice
    ? [
        {
          label: `本月第 ${n} 件申请（${perCaseBand(n)}的部分）`,
          quantity: 1,
          unitPrice,
          amount: unitPrice,
        },
      ]
    : []
  return { method: 'per-case', items, total: unitPrice }
}

/** 按量计收 for the pages of this application. */
export function perPageFee(pages: number): FeeBreakdown {
  const items = PAGE_BANDS.filter((b) => pages >= b.from).map((b) => {
    const quantity = Math.min(pages, b.to) - b.from + 1
    const to = b.to === Infinity ? '' : String(b.to)
    const label = to ? `第 ${b.from}—${to} 页` : `第 ${b.from} 页起`
    return { label, quantity, unitPrice: b.unitPrice, amount: quantity * b.unitPrice }
  })
  return { method: 'per-page', items, total: items.reduce((sum, i) => sum + i.amount, 0) }
}

export type Fee = {
  perCase: FeeBreakdown
  perPage: FeeBreakdown
  /** The method charged: the one given, else the cheaper for the applicant. */
  method: FeeMethod
  total: number
  notes: string[]
}

/**
 * The processing fee for one application. `applicationsThisMonth` counts this applicant's
 * applications this calendar month including this one. 办法第三条 lets the agency charge by
 * case or by page for each application, never both: both are itemised, one is charged — the
 * one given, or else the cheaper, so an unspecified choice never works against the applicant.
 */
export function feeFor({
  applicationsThisMonth,
  pages,
  method,
}: {
  applicationsThisMonth: number
  pages: number
  method?: FeeMethod
}): Fee {
  for (const [name, n] of [
    ['applicationsThisMonth', applicationsThisMonth],
    ['pages', pages],
  ] as const) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be an integer ≥ 0: ${n}`)
  }
  const perCase = perCaseFee(applicationsThisMonth)
  const perPage = perPageFee(pages)
  const chosen = method ?? (perPage.total < perCase.total ? 'per-page' : 'per-case')
  const total = chosen === 'per-case' ? perCase.total : perPage.total
  const notes = [
    `按件计收：本月第 ${applicationsThisMonth} 件申请，${perCase.total} 元（每月 ${FREE_APPLICATIONS_PER_MONTH} 件以内免费）`,
    `按量计收：共 ${pages} 页，${perPage.total} 元（${FREE_PAGES} 页以内免费）`,
    total
      ? `采用${FEE_METHOD_LABELS[chosen]}，收取 ${total} 元；两种标准不得同时适用（国办函〔2020〕109号第三条）`
      : '不收取信息处理费',
  ]
  return { perCase, perPage, method: chosen, total, notes }
}

// Tracking codes: 16 characters of Crockford's base32 (no I, L, O, U), 80 random bits, shown
// in four groups so a citizen can read one out over the phone. Generated with crypto elsewhere.
export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const TRACKING_CODE_LENGTH = 16
const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/

/** A tracking code in its written form: ABCD-EFGH-JKMN-PQRS. */
export const isTrackingCode = (value: string): boolean => TRACKING_CODE.test(value)

/**
 * The written form of what a citizen typed: case, spaces and dashes ignored, and the letters
 * people confuse with digits (O, I, L) read as 0, 1, 1. Null when it cannot be a code.
 */
export function normaliseTrackingCode(value: string): string | null {
  const raw = value.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (raw.length !== TRACKING_CODE_LENGTH) return null
  const code = raw.match(/.{4}/g)!.join('-')
  return isTrackingCode(code) ? code : null
}
