// 政府信息公开: the platform's classification lists, disclosure requests (依申请公开) with their
// statutory clock, the applicants' files, and the annual reports' own text.
import path from 'node:path'

import {
  type Access,
  APIError,
  type CollectionAfterChangeHook,
  type CollectionAfterReadHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Where,
} from 'payload'

import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  OUTCOME_CODES,
  outcomeLabel,
} from '../src/domain/disclosure'
import {
  DELIVERIES,
  DELIVERY_LABELS,
  FORM_WANTED_LABELS,
  FORMS_WANTED,
  requestAttachmentKind,
  requestAttachmentProblems,
} from '../src/domain/request-form'
import { beijingYear } from '../src/domain/dates'
import { canReadAllSites, isPlatformAdmin, sitesWithRole } from '../src/domain/permissions'
import {
  isStepKind,
  outcomeOfStep,
  publicLabel,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  type RequestStatus,
  STEP_KINDS,
  STEP_LABELS,
  stepProblems,
  STEPS,
  type TimelineEntry,
} from '../src/domain/request-steps'
import { actorOf, recordAudit } from '../src/services/audit'
import {
  afterResponse,
  announceNewRequest,
  clockOf,
  dayInstant,
  dayOf,
  feeForRequest,
  loadWorkCalendar,
  mailApplicant,
  newTrackingCode,
  stepMail,
  todayInBeijing,
} from '../src/services/disclosure-requests'
import { settings } from '../src/settings'
import {
  anyone,
  createOnOwnSites,
  isPlatformAdminAccess,
  nobody,
  serverOwnedFields,
  toActor,
  writeOnOwnSites,
} from './access'
import { siteField } from './fields'
import {
  inertFileHeaders,
  keepNameOfContent,
  nameByContent,
  unreadableUploadIs400,
} from './Uploads'
import {
  ANNUAL_REPORTS,
  DISCLOSURE_GENRES,
  DISCLOSURE_REQUESTS,
  DISCLOSURE_TOPICS,
  REQUEST_FILES,
  USERS,
} from './slugs'

type Id = string | number
const idOf = (v: unknown): Id =>
  (v && typeof v === 'object' && 'id' in v ? (v as { id: Id }).id : v) as Id
const refuse = (message: string) => new APIError(message, 400, null, true)

// ---------------------------------------------------------------- classification lists

const classification = (slug: string, singular: string, hint: string): CollectionConfig => ({
  slug,
  labels: { singular, plural: singular },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'order'],
    group: '平台',
    description: hint,
  },
  access: {
    read: anyone,
    create: isPlatformAdminAccess,
    update: isPlatformAdminAccess,
    delete: isPlatformAdminAccess,
  },
  defaultSort: 'order',
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true, unique: true },
    { name: 'code', label: '代码', type: 'text' },
    { name: 'order', label: '排序', type: 'number', defaultValue: 0 },
  ],
})

export const DisclosureTopics = classification(
  DISCLOSURE_TOPICS,
  '主题分类',
  '全平台统一的信息公开主题分类，由平台管理员维护。',
)
export const DisclosureGenres = classification(
  DISCLOSURE_GENRES,
  '体裁分类',
  '全平台统一的公文体裁分类（通知、公告、意见……），由平台管理员维护。',
)

// ---------------------------------------------------------------- access

/** Requests hold citizens' personal data: the site's handlers and admins, and platform staff. */
const requestReaders: Access = ({ req }) => {
  const actor = toActor(req.user)
  if (canReadAllSites(actor)) return true
  const sites = sitesWithRole(actor, 'site-admin', 'handler')
  return sites.length ? ({ site: { in: sites } } as Where) : false
}

// ---------------------------------------------------------------- applicant files

/** The applicant's and the handler's files: the form's rule (src/domain/request-form.ts). */
const checkRequestFile: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const found = requestAttachmentProblems({
    bytes: file.data,
    size: file.size ?? file.data.length,
    maxBytes: settings.requestFileMaxBytes,
  })
  if (found.length) throw refuse(found.join('；'))
  const kind = requestAttachmentKind(file.data)
  if (kind) nameByContent(file, kind)
  return args
}

/** Every time a person (not a service) opens a record of citizens' data, the view is recorded. */
const auditPersonalDataView =
  (slug: string): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (!req.user || req.context.audit || req.context.noViewAudit) return doc
    void recordAudit(req.payload, {
      action: 'personal-data.view',
      ...actorOf(req),
      site: idOf(doc.site),
      target: `${slug}:${doc.id}`,
    })
    return doc
  }

export const RequestFiles: CollectionConfig = {
  slug: REQUEST_FILES,
  labels: { singular: '申请材料', plural: '申请材料' },
  admin: { useAsTitle: 'filename', group: '互动', hidden: ({ user }) => !user },
  access: {
    read: requestReaders,
    create: createOnOwnSites('request'),
    update: nobody,
    delete: nobody,
  },
  hooks: {
    beforeOperation: [checkRequestFile],
    beforeValidate: [keepNameOfContent(requestAttachmentKind)],
    afterRead: [auditPersonalDataView(REQUEST_FILES)],
    afterError: [unreadableUploadIs400],
  },
  upload: {
    // Not under the public file routes: served only through the API, to staff of the site.
    staticDir: path.join(settings.mediaDir, 'private', 'requests'),
    modifyResponseHeaders: inertFileHeaders,
    pasteURL: false,
    mimeTypes: [
      'application/pdf',
      'application/ofd',
      'application/zip',
      'application/msword',
      'application/x-cfb',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/octet-stream',
      'image/jpeg',
      'image/png',
    ],
  },
  fields: [siteField('request'), { name: 'purpose', label: '用途', type: 'text' }],
}

// ---------------------------------------------------------------- requests

type RequestData = Record<string, unknown> & {
  status?: RequestStatus
  timeline?: TimelineEntry[]
}

/**
 * Creation fills what the server decides (code, received day, status); every change recomputes
 * the due date; a handler's step (virtual field `step`) is checked by the domain table and
 * appended to the timeline. Status, timeline and outcome change only through steps.
 */
const applyRequestRules: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const d = data as RequestData
  const calendar = await loadWorkCalendar(req.payload, req)
  const today = todayInBeijing()
  if (operation === 'create') {
    d.trackingCode = newTrackingCode()
    const received = d.receivedAt ? dayOf(d.receivedAt) : today
    if (received > today) throw refuse('收到申请的日期不能晚于今天')
    d.receivedAt = dayInstant(received)
    d.status = 'received'
    d.outcome = null
    d.timeline = [
      {
        at: new Date().toISOString(),
        kind: 'submitted',
        label: d.channel === 'web' ? '网上提交申请' : '收到申请',
        note: null,
      },
    ]
  } else {
    const before = originalDoc as RequestData
    // Only steps move these; a form that sends them back unchanged is fine.
    d.status = before.status
    d.outcome = before.outcome ?? null
    if (!req.context.recomputed) d.timeline = before.timeline ?? []
    d.trackingCode = before.trackingCode
    d.receivedAt = d.receivedAt ? dayInstant(dayOf(d.receivedAt)) : before.receivedAt
    const step = d.step
    if (step != null && step !== '') {
      if (!isStepKind(step)) throw refuse(`没有“${String(step)}”这一办理步骤`)
      const input = {
        step,
        date: today,
        note: (d.stepNote as string) ?? null,
        days: d.stepDays != null && d.stepDays !== '' ? Number(d.stepDays) : null,
        approver: (d.stepApprover as string) ?? null,
        outcome: (data.outcome as string) ?? (before.outcome as string) ?? null,
        replyText: (d.replyText as string) ?? (before.replyText as string) ?? null,
      }
      // The outcome of an answer is chosen with the step.
      if (step === 'answer') input.outcome = (d.stepOutcome as string) ?? null
      const facts = {
        status: before.status as RequestStatus,
        timeline: (before.timeline ?? []) as TimelineEntry[],
        feeAmount: before.feeAmount as number | null,
        feeNoticeAt: before.feeNoticeAt as string | null,
        feePaidAt: before.feePaidAt as string | null,
      }
      const problems = stepProblems({ facts, input, calendar })
      if (step === 'fee-notice' && !problems.length) {
        const method =
          d.stepFeeMethod === 'per-case' || d.stepFeeMethod === 'per-page' ? d.stepFeeMethod : null
        if (!method) problems.push('请选择收费方式：按件计收或按量计收（两种标准不得同时适用）')
        const fee = await feeForRequest(
          req.payload,
          {
            id: before.id as Id,
            idNumber: before.idNumber as string | null,
            applicantName: before.applicantName as string | null,
            receivedAt: before.receivedAt,
            pages: (d.pages as number) ?? (before.pages as number),
          },
          method ?? undefined,
          req,
        )
        if (problems.length) {
          // the method is missing: said above
        } else if (!fee.total) problems.push(`本申请不收取信息处理费：${fee.notes.join('；')}`)
        else {
          d.feeAmount = fee.total
          d.feeNoticeAt = new Date().toISOString()
          input.note = [input.note, ...fee.notes].filter(Boolean).join('\n')
        }
      }
      if (problems.length) throw refuse(problems.join('；'))
      if (step === 'fee-paid') d.feePaidAt = new Date().toISOString()
      const def = STEPS[step]
      const outcome = outcomeOfStep(step) ?? (step === 'answer' ? input.outcome : null)
      if (outcome) {
        d.outcome = outcome
        d.answeredAt = dayInstant(today)
      }
      if (def.to) d.status = def.to
      const entry: TimelineEntry & { by?: Id; internalNote?: string | null } = {
        at: new Date().toISOString(),
        kind: step,
        label: publicLabel({ ...input, outcome }),
        // What the applicant is told: the correction items, extension reason, fee; not the
        // handler's internal remarks (stepInternal).
        note: step === 'answer' ? null : input.note,
        internalNote: (d.stepInternal as string) ?? null,
        days:
          step === 'request-correction' || step === 'extend'
            ? (input.days ?? undefined)
            : undefined,
        approver: step === 'extend' ? input.approver : undefined,
        by: req.user ? (req.user as { id: Id }).id : undefined,
      }
      d.timeline = [...(d.timeline ?? []), entry]
      if (def.clock) {
        // The law's limits on the clock (补正 within 7 working days, extensions ≤ 20 …) are
        // the domain clock's: a step it would not count is refused, not silently recorded.
        const prior = new Set(
          clockOf(
            { receivedAt: d.receivedAt, timeline: before.timeline as TimelineEntry[] },
            calendar,
          ).problems,
        )
        const added = clockOf(
          { receivedAt: d.receivedAt, timeline: d.timeline },
          calendar,
        ).problems.filter((p) => !prior.has(p))
        if (added.length) throw refuse(added.join('；'))
      }
      req.context.requestStep = { step, entry }
    }
  }
  const clock = clockOf({ receivedAt: d.receivedAt, timeline: d.timeline }, calendar)
  d.dueDate = clock.dueDate ? dayInstant(clock.dueDate) : null
  d.dueExplanation = clock.explanation
  for (const k of [
    'step',
    'stepNote',
    'stepDays',
    'stepApprover',
    'stepOutcome',
    'stepInternal',
    'stepFeeMethod',
  ])
    delete d[k]
  return d
}

/** New requests are announced to handlers; each step is told to the applicant and audited. */
const afterRequestChange: CollectionAfterChangeHook = ({ doc, operation, req }) => {
  const payload = req.payload
  const step = req.context.requestStep as { step: string; entry: TimelineEntry } | undefined
  const who = actorOf(req)
  if (req.context.seeding) return doc
  if (operation === 'create') {
    void recordAudit(payload, {
      action: 'request.create',
      ...who,
      site: idOf(doc.site),
      target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
      detail: { channel: doc.channel },
    })
    afterResponse(() =>
      Promise.all([
        announceNewRequest(payload, doc),
        mailApplicant(payload, doc, {
          subject: '已收到您的政府信息公开申请',
          lines: [
            `我们已于 ${dayOf(doc.receivedAt)} 收到您的政府信息公开申请。`,
            ...(doc.dueExplanation ?? []),
          ],
        }),
      ]),
    )
    return doc
  }
  if (step) {
    req.context.requestStep = undefined
    void recordAudit(payload, {
      action: `request.${step.step}`,
      ...who,
      site: idOf(doc.site),
      target: `${DISCLOSURE_REQUESTS}:${doc.id}`,
      detail: { status: doc.status, outcome: doc.outcome ?? null },
    })
    if (STEPS[step.step as keyof typeof STEPS]?.tellApplicant)
      afterResponse(() => mailApplicant(payload, doc, stepMail(doc, step.entry)))
  }
  return doc
}

/**
 * Admin options of a step's input: shown only for the steps that use it, and editable (Payload
 * makes virtual fields read-only in the admin unless told otherwise).
 */
const stepOnly = (condition: (step: string) => boolean) => ({
  readOnly: false,
  condition: (_: unknown, sibling: Record<string, unknown>) =>
    typeof sibling?.step === 'string' && condition(sibling.step),
})

export const DisclosureRequests: CollectionConfig = {
  slug: DISCLOSURE_REQUESTS,
  labels: { singular: '依申请公开', plural: '依申请公开' },
  admin: {
    useAsTitle: 'trackingCode',
    defaultColumns: ['trackingCode', 'applicantKind', 'status', 'receivedAt', 'dueDate', 'site'],
    group: '互动',
    description: '政府信息公开申请。办理请在“办理”中选择步骤并保存；答复期限按工作日自动计算。',
    baseListFilter: ({ req }) => {
      const actor = toActor(req.user)
      if (canReadAllSites(actor)) return null
      return { site: { in: sitesWithRole(actor, 'site-admin', 'handler') } }
    },
  },
  access: {
    read: requestReaders,
    // The public applies through the site's form (CAPTCHA, CSRF, limits), not the REST API;
    // handlers register paper and counter applications.
    create: createOnOwnSites('request'),
    update: writeOnOwnSites('request'),
    delete: nobody,
  },
  hooks: {
    beforeChange: [applyRequestRules],
    afterChange: [afterRequestChange],
    afterRead: [auditPersonalDataView(DISCLOSURE_REQUESTS)],
  },
  defaultSort: '-receivedAt',
  // The clock, the outcome and the record of steps (src/domain/server-owned) are the server's.
  fields: serverOwnedFields(DISCLOSURE_REQUESTS, [
    siteField('request'),
    {
      name: 'trackingCode',
      label: '查询码',
      type: 'text',
      unique: true,
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'idempotencyKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
    },
    {
      name: 'status',
      label: '办理状态',
      type: 'select',
      required: true,
      defaultValue: 'received',
      index: true,
      options: REQUEST_STATUSES.map((value) => ({ value, label: REQUEST_STATUS_LABELS[value] })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'receivedAt',
      label: '收到申请日期',
      type: 'date',
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
        description: '网上申请为提交当日；信函、当面申请为实际收到之日',
      },
    },
    {
      name: 'dueDate',
      label: '答复截止日',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
        description: '按工作日自动计算；补正、征求意见期间为空（暂停计算）',
      },
    },
    {
      name: 'dueExplanation',
      label: '期限计算说明',
      type: 'json',
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'clockPanel',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/src/admin/RequestClock#RequestClock' },
      },
    },
    {
      name: 'channel',
      label: '申请渠道',
      type: 'select',
      required: true,
      defaultValue: 'letter',
      options: [
        { value: 'web', label: '网上申请' },
        { value: 'letter', label: '信函' },
        { value: 'counter', label: '当面提交' },
        { value: 'email', label: '电子邮件' },
      ],
    },
    {
      type: 'collapsible',
      label: '申请人',
      fields: [
        {
          name: 'applicantKind',
          label: '申请人类型',
          type: 'select',
          required: true,
          options: APPLICANT_KINDS.map((value) => ({ value, label: APPLICANT_KIND_LABELS[value] })),
        },
        {
          type: 'row',
          fields: [
            { name: 'applicantName', label: '姓名或名称', type: 'text', required: true },
            {
              name: 'idType',
              label: '证件类型',
              type: 'select',
              options: [
                { value: 'resident-id', label: '居民身份证' },
                { value: 'credit-code', label: '统一社会信用代码' },
                { value: 'other', label: '其他证件' },
              ],
            },
            { name: 'idNumber', label: '证件号码', type: 'text', index: true },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'legalRepresentative', label: '法定代表人', type: 'text' },
            { name: 'contactPerson', label: '联系人', type: 'text' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'phone', label: '联系电话', type: 'text' },
            { name: 'email', label: '电子邮箱', type: 'email' },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'address', label: '通信地址', type: 'text' },
            { name: 'postcode', label: '邮政编码', type: 'text' },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: '申请内容',
      fields: [
        { name: 'description', label: '所需信息的内容描述', type: 'textarea', required: true },
        { name: 'documentRef', label: '所需信息的名称或文号', type: 'text' },
        {
          type: 'row',
          fields: [
            {
              name: 'formWanted',
              label: '获取信息的形式',
              type: 'select',
              options: FORMS_WANTED.map((value) => ({ value, label: FORM_WANTED_LABELS[value] })),
            },
            {
              name: 'delivery',
              label: '获取信息的方式',
              type: 'select',
              options: DELIVERIES.map((value) => ({ value, label: DELIVERY_LABELS[value] })),
            },
          ],
        },
        {
          name: 'files',
          label: '申请材料',
          type: 'upload',
          relationTo: REQUEST_FILES,
          hasMany: true,
        },
      ],
    },
    {
      type: 'collapsible',
      label: '办理',
      fields: [
        {
          name: 'step',
          label: '办理步骤',
          type: 'select',
          virtual: true,
          options: STEP_KINDS.map((value) => ({ value, label: STEP_LABELS[value] })),
          admin: { readOnly: false, description: '选择一个步骤并保存；不能办理的步骤会说明原因' },
        },
        {
          name: 'stepNote',
          label: '告知申请人的说明',
          type: 'textarea',
          virtual: true,
          admin: {
            ...stepOnly((s) =>
              [
                'request-correction',
                'start-consultation',
                'extend',
                'fee-notice',
                'receive-correction',
              ].includes(s),
            ),
          },
        },
        {
          name: 'stepDays',
          label: '工作日数',
          type: 'number',
          virtual: true,
          admin: {
            ...stepOnly((s) => s === 'request-correction' || s === 'extend'),
            description: '补正期限（默认 15 个工作日）或延长的工作日数（最多 20）',
          },
        },
        {
          name: 'stepApprover',
          label: '批准人（政府信息公开工作机构负责人）',
          type: 'text',
          virtual: true,
          admin: stepOnly((s) => s === 'extend'),
        },
        {
          name: 'stepOutcome',
          label: '办理结果',
          type: 'select',
          virtual: true,
          options: OUTCOME_CODES.map((value) => ({ value, label: outcomeLabel(value) })),
          admin: stepOnly((s) => s === 'answer'),
        },
        {
          name: 'stepFeeMethod',
          label: '收费方式',
          type: 'select',
          virtual: true,
          options: [
            { value: 'per-case', label: '按件计收（本月第 11 件起每件 100 元）' },
            { value: 'per-page', label: '按量计收（超过 30 页的部分按页计收）' },
          ],
          admin: stepOnly((s) => s === 'fee-notice'),
        },
        {
          name: 'stepInternal',
          label: '内部备注（申请人看不到）',
          type: 'textarea',
          virtual: true,
          admin: stepOnly(() => true),
        },
        { name: 'replyText', label: '答复内容（告知书正文）', type: 'textarea' },
        { name: 'replyFile', label: '答复文书', type: 'upload', relationTo: REQUEST_FILES },
        {
          name: 'outcome',
          label: '办理结果',
          type: 'select',
          index: true,
          options: OUTCOME_CODES.map((value) => ({ value, label: outcomeLabel(value) })),
          admin: { readOnly: true },
        },
        {
          name: 'answeredAt',
          label: '答复日期',
          type: 'date',
          index: true,
          admin: {
            readOnly: true,
            date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
          },
        },
        {
          type: 'row',
          fields: [
            { name: 'pages', label: '提供信息页数', type: 'number', min: 0 },
            {
              name: 'feeAmount',
              label: '信息处理费（元）',
              type: 'number',
              admin: { readOnly: true },
            },
            { name: 'feeNoticeAt', label: '收费通知时间', type: 'date', admin: { readOnly: true } },
            { name: 'feePaidAt', label: '缴费时间', type: 'date', admin: { readOnly: true } },
          ],
        },
        {
          name: 'timeline',
          label: '办理过程（明细）',
          labels: { singular: '事件', plural: '事件' },
          type: 'array',
          admin: { readOnly: true, initCollapsed: true },
          fields: [
            {
              name: 'at',
              label: '时间',
              type: 'date',
              required: true,
              admin: { date: { pickerAppearance: 'dayAndTime' } },
            },
            { name: 'kind', label: '事件', type: 'text', required: true },
            { name: 'label', label: '告知申请人的事件名称', type: 'text' },
            { name: 'note', label: '告知申请人的说明', type: 'textarea' },
            { name: 'internalNote', label: '内部备注', type: 'textarea' },
            { name: 'by', label: '办理人', type: 'relationship', relationTo: USERS },
            { name: 'days', label: '工作日数', type: 'number' },
            { name: 'approver', label: '批准人', type: 'text' },
          ],
        },
      ],
    },
    {
      name: 'appeals',
      label: '行政复议、行政诉讼',
      labels: { singular: '复议或诉讼', plural: '复议或诉讼' },
      type: 'array',
      admin: { description: '申请人对答复不服提起的行政复议或诉讼（年度报告表四）' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              label: '类型',
              type: 'select',
              required: true,
              options: [
                { value: 'review', label: '行政复议' },
                { value: 'suit-direct', label: '行政诉讼（未经复议直接起诉）' },
                { value: 'suit-after-review', label: '行政诉讼（复议后起诉）' },
              ],
            },
            { name: 'filedAt', label: '提起日期', type: 'date', required: true },
            { name: 'decidedAt', label: '审结日期', type: 'date' },
            {
              name: 'result',
              label: '结果',
              type: 'select',
              options: [
                { value: 'upheld', label: '维持' },
                { value: 'corrected', label: '纠正' },
                { value: 'other', label: '其他结果' },
              ],
            },
          ],
        },
      ],
    },
  ]),
}

// ---------------------------------------------------------------- annual reports

const oneReportPerYear: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const site = idOf(data.site ?? originalDoc?.site)
  const year = Number(data.year ?? originalDoc?.year)
  if (!Number.isInteger(year) || year < 2008 || year > beijingYear(new Date()))
    throw refuse('年度须为 2008 年至今年之间的年份')
  const clash = await req.payload.find({
    collection: ANNUAL_REPORTS,
    where: { and: [{ site: { equals: site } }, { year: { equals: year } }] },
    limit: 2,
    depth: 0,
    overrideAccess: true,
    select: { year: true },
    req,
  })
  if (clash.docs.some((d) => String(d.id) !== String(originalDoc?.id ?? '')))
    throw refuse(`本站 ${year} 年度报告已存在，请编辑已有的报告`)
  if (data.published && !originalDoc?.published) data.publishedAt = new Date().toISOString()
  return data
}

const publishedReportsOrOwn: Access = ({ req }) => {
  const actor = toActor(req.user)
  if (canReadAllSites(actor) || isPlatformAdmin(actor)) return true
  const sites = sitesWithRole(actor)
  const published: Where = { published: { equals: true } }
  return sites.length ? { or: [published, { site: { in: sites } }] } : published
}

export const AnnualReports: CollectionConfig = {
  slug: ANNUAL_REPORTS,
  labels: { singular: '信息公开年度报告', plural: '信息公开年度报告' },
  admin: {
    useAsTitle: 'year',
    defaultColumns: ['year', 'site', 'published', 'publishedAt'],
    group: '内容',
    description:
      '表二、表三、表四由系统按本站数据计算；这里填写第一、五、六部分的文字和其他系统的统计数。部门于 1 月 31 日前、政府于 3 月 31 日前发布。',
  },
  access: {
    read: publishedReportsOrOwn,
    create: createOnOwnSites('annualReport'),
    update: writeOnOwnSites('annualReport'),
    delete: nobody,
  },
  hooks: { beforeChange: [oneReportPerYear] },
  fields: serverOwnedFields(ANNUAL_REPORTS, [
    siteField('annualReport'),
    { name: 'year', label: '年度', type: 'number', required: true, index: true },
    { name: 'section1', label: '一、总体情况', type: 'textarea' },
    {
      type: 'row',
      fields: [
        { name: 'licensing', label: '行政许可 本年处理决定数量', type: 'number', min: 0 },
        { name: 'penalty', label: '行政处罚 本年处理决定数量', type: 'number', min: 0 },
        { name: 'coercion', label: '行政强制 本年处理决定数量', type: 'number', min: 0 },
        {
          name: 'feesWanYuan',
          label: '行政事业性收费 本年收费金额（万元）',
          type: 'number',
          min: 0,
        },
      ],
    },
    { name: 'section5', label: '五、存在的主要问题及改进情况', type: 'textarea' },
    { name: 'section6', label: '六、其他需要报告的事项', type: 'textarea' },
    {
      name: 'published',
      label: '已发布',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      label: '发布时间',
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ]),
}
