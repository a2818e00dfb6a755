// 依申请公开: the disclosure requests, their statutory clock and the handlers' steps (config only).
import type { CollectionConfig } from 'payload'

import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  OUTCOME_CODES,
  outcomeLabel,
} from '../../src/domain/disclosure'
import {
  DELIVERIES,
  DELIVERY_LABELS,
  FORM_WANTED_LABELS,
  FORMS_WANTED,
} from '../../src/domain/request-form'
import {
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  STEP_KINDS,
  STEP_LABELS,
} from '../../src/domain/request-steps'
import { serverOwnedFields } from '../access'
import {
  caseCodeField,
  caseStatusField,
  dayOnly,
  deadlineField,
  idempotencyKeyField,
  receivedAtField,
  selectOptions,
  siteField,
  stepField,
  stepInternalField,
  stepOnly,
  timelineField,
} from '../fields'
import { DISCLOSURE_REQUESTS, REQUEST_FILES } from '../slugs'
import { caseAccess, requestListFilter } from './access'
import { afterRequestChange, applyRequestRules, auditPersonalDataView } from './hooks'

/**
 * Who applied is fixed once the request is received: written when it is registered (or
 * submitted online), never changed afterwards by anyone in the admin or API.
 */
const identityOnce = { update: () => false }

export const DisclosureRequests: CollectionConfig = {
  slug: DISCLOSURE_REQUESTS,
  labels: { singular: '依申请公开', plural: '依申请公开' },
  admin: {
    useAsTitle: 'trackingCode',
    defaultColumns: ['trackingCode', 'applicantKind', 'status', 'receivedAt', 'dueDate', 'site'],
    group: '互动',
    description: '政府信息公开申请。办理请在“办理”中选择步骤并保存；答复期限按工作日自动计算。',
    baseListFilter: requestListFilter,
  },
  // The public applies through the site's form (CAPTCHA, CSRF, limits), not the REST API;
  // handlers register paper and counter applications.
  access: caseAccess('request'),
  hooks: {
    beforeChange: [applyRequestRules],
    afterChange: [afterRequestChange],
    afterRead: [auditPersonalDataView(DISCLOSURE_REQUESTS)],
  },
  defaultSort: '-receivedAt',
  // The clock, the outcome and the record of steps (src/domain/server-owned) are the server's.
  fields: serverOwnedFields(DISCLOSURE_REQUESTS, [
    siteField('request'),
    caseCodeField('trackingCode', '查询码'),
    idempotencyKeyField(),
    caseStatusField({
      label: '办理状态',
      defaultValue: 'received',
      options: selectOptions(REQUEST_STATUSES, REQUEST_STATUS_LABELS),
    }),
    receivedAtField({
      label: '收到申请日期',
      description: '网上申请为提交当日；信函、当面申请为实际收到之日',
    }),
    deadlineField('dueDate', '答复截止日', '按工作日自动计算；补正、征求意见期间为空（暂停计算）'),
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
          access: identityOnce,
          options: selectOptions(APPLICANT_KINDS, APPLICANT_KIND_LABELS),
        },
        {
          type: 'row',
          fields: [
            {
              name: 'applicantName',
              label: '姓名或名称',
              type: 'text',
              required: true,
              access: identityOnce,
            },
            {
              name: 'idType',
              label: '证件类型',
              type: 'select',
              access: identityOnce,
              options: [
                { value: 'resident-id', label: '居民身份证' },
                { value: 'credit-code', label: '统一社会信用代码' },
                { value: 'other', label: '其他证件' },
              ],
            },
            {
              name: 'idNumber',
              label: '证件号码',
              type: 'text',
              index: true,
              access: identityOnce,
            },
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
              options: selectOptions(FORMS_WANTED, FORM_WANTED_LABELS),
            },
            {
              name: 'delivery',
              label: '获取信息的方式',
              type: 'select',
              options: selectOptions(DELIVERIES, DELIVERY_LABELS),
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
          ...stepField(selectOptions(STEP_KINDS, STEP_LABELS)),
          // Read back empty: after a step is saved the form offers a fresh choice.
          hooks: { afterRead: [() => null] },
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
        stepInternalField('申请人'),
        { name: 'replyText', label: '答复内容（告知书正文）', type: 'textarea' },
        { name: 'replyFile', label: '答复文书', type: 'upload', relationTo: REQUEST_FILES },
        {
          name: 'outcome',
          label: '办理结果',
          type: 'select',
          index: true,
          options: OUTCOME_CODES.map((value) => ({ value, label: outcomeLabel(value) })),
          // One 办理结果 on the screen: the answer step's choice until answered, this after.
          admin: {
            readOnly: true,
            condition: (data: { outcome?: unknown }, sibling: { step?: unknown }) =>
              Boolean(data?.outcome) && sibling?.step !== 'answer',
          },
        },
        {
          name: 'answeredAt',
          label: '答复日期',
          type: 'date',
          index: true,
          admin: { readOnly: true, ...dayOnly },
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
        timelineField({
          label: '办理过程（明细）',
          citizen: '申请人',
          extra: [
            { name: 'days', label: '工作日数', type: 'number' },
            { name: 'approver', label: '批准人', type: 'text' },
          ],
        }),
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
